package dev.agentq.api.config;

import dev.agentq.api.admin.AdminViews;
import dev.agentq.api.admin.KeyAdminController;
import dev.agentq.api.admin.TenantAdminController;
import dev.agentq.api.agent.AgentController;
import dev.agentq.api.auth.AdminAuthInterceptor;
import dev.agentq.api.auth.AdminKey;
import dev.agentq.api.auth.Caller;
import dev.agentq.api.auth.EffectiveLimits;
import dev.agentq.api.auth.KeyCache;
import dev.agentq.api.auth.RateLimitInterceptor;
import dev.agentq.api.auth.TenantAuthInterceptor;
import dev.agentq.api.auth.TenantBootstrap;
import dev.agentq.api.auth.TokenLeases;
import dev.agentq.api.batch.BatchController;
import dev.agentq.api.batch.BatchIntake;
import dev.agentq.api.batch.BatchLimits;
import dev.agentq.api.batch.BatchViewer;
import dev.agentq.api.docs.ApiDocCustomizer;
import dev.agentq.api.event.EventStreamController;
import dev.agentq.api.event.EventStreams;
import dev.agentq.api.health.Dependency;
import dev.agentq.api.health.HealthController;
import dev.agentq.api.health.KafkaDependency;
import dev.agentq.api.health.PostgresDependency;
import dev.agentq.api.job.JobController;
import dev.agentq.api.job.JobIds;
import dev.agentq.api.job.JobListController;
import dev.agentq.api.job.JobRetryController;
import dev.agentq.api.job.JobSubmission;
import dev.agentq.api.job.TenantJobs;
import dev.agentq.api.outbox.KafkaJobQueue;
import dev.agentq.api.outbox.OutboxRelay;
import dev.agentq.api.problem.ProblemErrorController;
import dev.agentq.api.problem.ProblemHandler;
import dev.agentq.api.problem.ProblemJsonErrorValve;
import dev.agentq.api.schedule.BatchSubmitter;
import dev.agentq.api.schedule.DocumentsDirectory;
import dev.agentq.api.schedule.IntakeBatches;
import dev.agentq.api.schedule.Planner;
import dev.agentq.api.schedule.ScheduleController;
import dev.agentq.api.schedule.ScheduleDefinition;
import dev.agentq.api.schedule.Scheduler;
import dev.agentq.api.web.RequestBodies;
import dev.agentq.api.web.RequestLogFilter;
import dev.agentq.api.web.SecurityHeadersFilter;
import dev.agentq.api.webhook.WebhookDeliveryController;
import dev.agentq.api.webhook.WebhookEndpointController;
import dev.agentq.api.webhook.WebhookSigningSecretController;
import dev.agentq.schemas.Lane;
import dev.agentq.schemas.Topics;
import dev.agentq.store.JobEventSignals;
import dev.agentq.store.StoreMigrations;
import dev.agentq.store.Stores;
import dev.agentq.store.schedule.ScheduleStore;
import dev.agentq.telemetry.Tracing;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.apache.catalina.core.StandardHost;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.Ordered;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Wires the HTTP API: controllers, error rendering, submission and the outbox relay. Everything it
 * builds is plain Java apart from the controllers; only this package knows Spring's wiring.
 */
@AutoConfiguration(
    beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"
    })
@EnableConfigurationProperties({
  ApiProperties.class,
  TopicProperties.class,
  StoreProperties.class,
  AuthProperties.class,
  LimitProperties.class,
  HttpProperties.class,
  WebhookProperties.class,
  ScheduleProperties.class,
  DocumentsDirectoryProperties.class
})
@PropertySource("classpath:agentq-api.properties")
@Import({
  AgentController.class,
  ProblemHandler.class,
  ProblemErrorController.class,
  TracingConfiguration.class
})
public class ApiAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  @ConditionalOnMissingBean
  Stores stores(DataSource dataSource, Clock clock, StoreProperties store) {
    // Flyway takes a lock, so API instances and workers starting together migrate once.
    if (store.migrateOnStart()) {
      StoreMigrations.migrate(dataSource);
    }
    return Stores.postgres(dataSource, clock);
  }

  /**
   * The API publishes before any worker may have started, and a topic auto-created by a first
   * publish can wedge an idempotent producer (KAFKA-15591): create the topics up front. The workers
   * declare the same ones; whichever app starts first creates them.
   */
  @Bean
  @ConditionalOnMissingBean(name = "agentqTopics")
  KafkaAdmin.NewTopics agentqTopics(TopicProperties kafka) {
    Topics topics = new Topics(kafka.topicPrefix());
    return new KafkaAdmin.NewTopics(
        TopicBuilder.name(topics.lane(Lane.INTERACTIVE)).partitions(kafka.partitions()).build(),
        TopicBuilder.name(topics.lane(Lane.BATCH)).partitions(kafka.partitions()).build(),
        TopicBuilder.name(topics.deadLetters()).partitions(1).build());
  }

  @Bean
  OutboxRelay outboxRelay(
      Stores stores,
      KafkaProperties kafka,
      TopicProperties topics,
      ApiProperties api,
      Tracing tracing) {
    return new OutboxRelay(
        stores.outbox(),
        new KafkaJobQueue(
            kafka.buildProducerProperties(), new Topics(topics.topicPrefix()), tracing),
        api.outboxBatch(),
        api.outboxPoll());
  }

  @Bean
  RequestBodies requestBodies(ApiProperties api) {
    return new RequestBodies(api.maxBodyBytes());
  }

  @Bean
  TenantJobs tenantJobs(Stores stores) {
    return new TenantJobs(stores.jobs());
  }

  @Bean
  JobController jobController(
      Stores stores,
      Clock clock,
      OutboxRelay relay,
      ApiProperties api,
      LimitProperties limits,
      TenantJobs tenantJobs,
      RequestBodies bodies,
      WebhookProperties webhooks) {
    JobSubmission submission =
        new JobSubmission(
            stores.submissions(),
            new JobIds(clock),
            relay::wake,
            api.maxAttempts(),
            limits.idempotencyKeyLifetime(),
            webhooks.policy());
    return new JobController(submission, stores.jobs(), tenantJobs, bodies);
  }

  @Bean
  @ConditionalOnMissingBean
  BatchIntake batchIntake(
      Stores stores,
      Clock clock,
      OutboxRelay relay,
      ApiProperties api,
      WebhookProperties webhooks) {
    return new BatchIntake(
        stores.batches(),
        new JobIds(clock),
        relay::wake,
        api.maxAttempts(),
        BatchLimits.standard(api.maxBodyBytes()),
        webhooks.policy());
  }

  @Bean
  BatchController batchController(
      BatchIntake intake, Stores stores, Clock clock, ApiProperties api) {
    return new BatchController(
        intake,
        stores.batches(),
        new BatchViewer(stores.batches(), clock),
        BatchLimits.standard(api.maxBodyBytes()).maxBytes());
  }

  @Bean
  JobListController jobListController(Stores stores) {
    return new JobListController(stores.jobs());
  }

  @Bean
  JobRetryController jobRetryController(
      Stores stores, TenantJobs tenantJobs, ApiProperties api, OutboxRelay relay) {
    return new JobRetryController(stores.jobs(), tenantJobs, api.maxAttempts(), relay::wake);
  }

  @Bean
  WebhookEndpointController webhookEndpointController(
      Stores stores, WebhookProperties webhooks, RequestBodies bodies, Clock clock) {
    return new WebhookEndpointController(stores.webhooks(), webhooks.policy(), bodies, clock);
  }

  @Bean
  WebhookSigningSecretController webhookSigningSecretController(
      Stores stores, RequestBodies bodies, Clock clock) {
    return new WebhookSigningSecretController(stores.webhooks(), bodies, clock);
  }

  @Bean
  WebhookDeliveryController webhookDeliveryController(Stores stores, TenantJobs tenantJobs) {
    return new WebhookDeliveryController(stores.webhooks(), tenantJobs);
  }

  @Bean
  ScheduleStore scheduleStore(Stores stores, DataSource dataSource, Clock clock) {
    // After stores(): the schema is migrated by then.
    return Stores.schedules(dataSource, clock);
  }

  @Bean
  DocumentsDirectory schedulesDocumentsDirectory(DocumentsDirectoryProperties documents) {
    return new DocumentsDirectory(documents.directory());
  }

  @Bean
  ScheduleController scheduleController(
      ScheduleStore schedules,
      WebhookProperties webhooks,
      DocumentsDirectory documents,
      RequestBodies bodies,
      Clock clock) {
    return new ScheduleController(
        schedules,
        new ScheduleDefinition(webhooks.policy(), documents),
        bodies,
        new JobIds(clock),
        clock);
  }

  /** Runs due schedule ticks; every instance may, and each tick still runs once. */
  @Bean(destroyMethod = "close")
  Scheduler scheduler(
      ScheduleStore schedules,
      Stores stores,
      DocumentsDirectory documents,
      BatchIntake batches,
      EffectiveLimits limits,
      LimitProperties defaults,
      ApiProperties api,
      ScheduleProperties settings,
      OutboxRelay relay,
      Clock clock) {
    BatchSubmitter submitter = new IntakeBatches(batches, stores.batches());
    Planner planner =
        new Planner(
            new JobIds(clock),
            settings.missedAfter(),
            api.maxAttempts(),
            tenant ->
                stores
                    .tenants()
                    .find(tenant)
                    .map(found -> limits.maxQueuedJobs(found.limits()))
                    .orElse(defaults.maxQueuedJobs()),
            documents,
            submitter,
            schedules);
    Scheduler scheduler = new Scheduler(schedules, planner, clock, relay::wake);
    return settings.enabled() ? scheduler.start(settings.pollInterval()) : scheduler;
  }

  @Bean(destroyMethod = "close")
  JobEventSignals jobEventSignals(DataSource dataSource) {
    return Stores.eventSignals(dataSource);
  }

  @Bean
  EventStreams eventStreams() {
    return new EventStreams();
  }

  @Bean
  EventStreamController eventStreamController(
      TenantJobs tenantJobs,
      Stores stores,
      JobEventSignals signals,
      EventStreams streams,
      HttpProperties http) {
    return new EventStreamController(
        tenantJobs, stores.jobs(), signals, streams, http.eventHeartbeat(), http.eventStreamMax());
  }

  @Bean
  EffectiveLimits effectiveLimits(LimitProperties limits) {
    return new EffectiveLimits(limits);
  }

  @Bean
  AdminKey adminKey(AuthProperties auth) {
    return new AdminKey(auth.adminKey());
  }

  @Bean
  KeyCache keyCache(Stores stores, AuthProperties auth, Clock clock) {
    return new KeyCache(stores.keys(), auth.keyCacheTtl(), clock);
  }

  @Bean
  TenantAuthInterceptor tenantAuthInterceptor(KeyCache keys, EffectiveLimits limits) {
    return new TenantAuthInterceptor(keys, limits);
  }

  @Bean
  RateLimitInterceptor rateLimitInterceptor(Stores stores) {
    return new RateLimitInterceptor(new TokenLeases(stores.rateLimiter()));
  }

  @Bean
  AdminAuthInterceptor adminAuthInterceptor(AdminKey adminKey) {
    return new AdminAuthInterceptor(adminKey);
  }

  @Bean
  WebConfig agentqWebConfig(
      TenantAuthInterceptor tenantAuth,
      RateLimitInterceptor rateLimit,
      AdminAuthInterceptor adminAuth,
      HttpProperties http) {
    return new WebConfig(tenantAuth, rateLimit, adminAuth, http);
  }

  @Bean
  FilterRegistrationBean<RequestLogFilter> requestLogFilter() {
    var registration = new FilterRegistrationBean<>(new RequestLogFilter());
    // after the tracing filter, so that its log line has the request's trace_id
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
    var registration = new FilterRegistrationBean<>(new SecurityHeadersFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return registration;
  }

  /** Completes springdoc's document from each route's {@code @ApiDoc} and the JSON Schemas. */
  @Bean
  ApiDocCustomizer apiDocCustomizer() {
    // The caller is resolved from the key, never sent as a parameter.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    return new ApiDocCustomizer();
  }

  @Bean
  AdminViews adminViews(EffectiveLimits limits) {
    return new AdminViews(limits);
  }

  @Bean
  TenantAdminController tenantAdminController(
      Stores stores, AdminViews views, RequestBodies bodies, KeyCache cache) {
    return new TenantAdminController(stores.tenants(), views, bodies, cache);
  }

  @Bean
  KeyAdminController keyAdminController(Stores stores, RequestBodies bodies, KeyCache cache) {
    return new KeyAdminController(stores.keys(), stores.tenants(), bodies, cache);
  }

  /**
   * The bootstrap tenant and its key exist before the server takes requests, so that the first
   * request with {@code AGENTQ_API_KEY} already works.
   */
  @Bean
  TenantBootstrap tenantBootstrap(Stores stores, AuthProperties auth) {
    var bootstrap = new TenantBootstrap(stores.tenants(), stores.keys(), System.out);
    if (auth.bootstrapTenant() != null && !auth.bootstrapTenant().isBlank()) {
      bootstrap.ensure(auth.bootstrapTenant().strip(), auth.bootstrapKey());
    }
    return bootstrap;
  }

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonErrorValve() {
    return factory ->
        factory.addContextCustomizers(
            context -> {
              if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemJsonErrorValve.class.getName());
              }
            });
  }

  @Bean
  KafkaDependency kafkaDependency(KafkaProperties kafka) {
    return new KafkaDependency(kafka.buildAdminProperties());
  }

  @Bean
  PostgresDependency postgresDependency(DataSource dataSource) {
    return new PostgresDependency(dataSource);
  }

  /** {@code /ready} checks every {@link Dependency} bean, including ones other modules add. */
  @Bean
  HealthController healthController(List<Dependency> dependencies) {
    return new HealthController(dependencies);
  }
}

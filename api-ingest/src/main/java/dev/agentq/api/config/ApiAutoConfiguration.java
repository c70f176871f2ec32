package dev.agentq.api.config;

import dev.agentq.api.agent.AgentController;
import dev.agentq.api.health.Dependency;
import dev.agentq.api.health.HealthController;
import dev.agentq.api.health.KafkaDependency;
import dev.agentq.api.health.PostgresDependency;
import dev.agentq.api.job.JobController;
import dev.agentq.api.job.JobIds;
import dev.agentq.api.job.JobSubmission;
import dev.agentq.api.outbox.KafkaJobQueue;
import dev.agentq.api.outbox.OutboxRelay;
import dev.agentq.api.problem.ProblemErrorController;
import dev.agentq.api.problem.ProblemHandler;
import dev.agentq.api.problem.ProblemJsonErrorValve;
import dev.agentq.schemas.Lane;
import dev.agentq.schemas.Topics;
import dev.agentq.store.StoreMigrations;
import dev.agentq.store.Stores;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
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
@EnableConfigurationProperties({ApiProperties.class, TopicProperties.class, StoreProperties.class})
@PropertySource("classpath:agentq-api.properties")
@Import({AgentController.class, ProblemHandler.class, ProblemErrorController.class})
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
      Stores stores, KafkaProperties kafka, TopicProperties topics, ApiProperties api) {
    return new OutboxRelay(
        stores.outbox(),
        new KafkaJobQueue(kafka.buildProducerProperties(), new Topics(topics.topicPrefix())),
        api.outboxBatch(),
        api.outboxPoll());
  }

  @Bean
  JobController jobController(Stores stores, Clock clock, OutboxRelay relay, ApiProperties api) {
    JobSubmission submission =
        new JobSubmission(stores.jobs(), new JobIds(clock), relay::wake, api.maxAttempts());
    return new JobController(submission, stores.jobs(), api.maxBodyBytes());
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

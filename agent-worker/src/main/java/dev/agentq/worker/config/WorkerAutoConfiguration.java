package dev.agentq.worker.config;

import dev.agentq.schemas.Lane;
import dev.agentq.schemas.Topics;
import dev.agentq.store.CancellationFeed;
import dev.agentq.store.StoreMigrations;
import dev.agentq.store.Stores;
import dev.agentq.telemetry.OpenTelemetrySdks;
import dev.agentq.telemetry.Tracing;
import dev.agentq.worker.agent.AgentRegistry;
import dev.agentq.worker.agent.digest.DocumentDigestAgent;
import dev.agentq.worker.agent.research.ResearchAgent;
import dev.agentq.worker.dispatch.Backpressure;
import dev.agentq.worker.dispatch.DispatchHandler;
import dev.agentq.worker.dispatch.KafkaDispatchListener;
import dev.agentq.worker.lease.LeaseKeeper;
import dev.agentq.worker.lease.LeaseReaper;
import dev.agentq.worker.metrics.WorkerMetrics;
import dev.agentq.worker.model.ModelGateway;
import dev.agentq.worker.run.JobRunner;
import dev.agentq.worker.run.WorkerLifecycle;
import dev.agentq.worker.run.WorkerPool;
import dev.agentq.worker.step.CheckpointWriter;
import dev.agentq.worker.step.DirectCheckpointWriter;
import dev.agentq.worker.trace.TracedModelGateway;
import dev.agentq.worker.webhook.WebhookDispatcher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.util.List;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Wires a worker: Kafka consumption with backpressure, the pool of running jobs, leases, the reaper
 * and the agents. Everything it builds is plain Java; only this package knows Spring.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"
    })
@EnableConfigurationProperties({
  WorkerProperties.class,
  KafkaSettings.class,
  ModelProperties.class,
  StoreProperties.class,
  WebhookProperties.class,
  DocumentProperties.class,
  TracingProperties.class
})
@PropertySource("classpath:agentq-worker.properties")
public class WorkerAutoConfiguration {

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

  // The API declares the same bean: in one JVM (standalone) both apps share one SDK, which
  // Spring closes (flushing spans) on shutdown.
  @Bean
  @ConditionalOnMissingBean
  OpenTelemetry openTelemetry(
      TracingProperties tracing,
      @Value("${spring.application.name:agentq-worker}") String serviceName) {
    return OpenTelemetrySdks.create(tracing.otlpEndpoint(), tracing.sampleRatio(), serviceName);
  }

  // Shared with the API in one JVM (standalone), as the SDK is.
  @Bean
  @ConditionalOnMissingBean
  Tracing tracing(OpenTelemetry openTelemetry) {
    return new Tracing(openTelemetry);
  }

  @Bean
  @ConditionalOnMissingBean
  ModelGateway modelGateway(ModelProperties model, Clock clock, Tracing tracing) {
    return new TracedModelGateway(
        ModelGateways.create(model, clock), tracing, model.offline() ? "agentq.offline" : "openai");
  }

  @Bean
  WorkerMetrics workerMetrics(ObjectProvider<MeterRegistry> registry, ModelProperties model) {
    return new WorkerMetrics(registry.getIfAvailable(SimpleMeterRegistry::new), model.prices());
  }

  @Bean
  CheckpointWriter checkpointWriter(Stores stores) {
    return new DirectCheckpointWriter(stores.jobs());
  }

  @Bean
  WorkerIdentity workerIdentity(WorkerProperties worker) {
    return WorkerIdentity.of(worker.id());
  }

  @Bean
  AgentRegistry agentRegistry(DocumentProperties documents) {
    return AgentRegistry.complete(
        List.of(new DocumentDigestAgent(documents.settings()), new ResearchAgent()));
  }

  @Bean
  Backpressure backpressure() {
    return new Backpressure();
  }

  // The lifecycle bean closes the pool, in order, so Spring must not close it on its own.
  @Bean(destroyMethod = "")
  WorkerPool workerPool(
      AgentRegistry agents,
      Stores stores,
      CheckpointWriter writer,
      ModelGateway model,
      Clock clock,
      WorkerProperties worker,
      WorkerMetrics metrics,
      Backpressure backpressure,
      Tracing tracing) {
    JobRunner runner =
        new JobRunner(
            agents,
            stores.jobs(),
            writer,
            model,
            clock,
            worker.limits(),
            worker.jobRetries(),
            metrics,
            RandomGenerator.getDefault(),
            tracing);
    WorkerPool pool =
        new WorkerPool(
            runner,
            stores.jobs(),
            worker.capacity(),
            worker.shutdownGrace(),
            backpressure::evaluate);
    metrics.bindPool(pool::inflight, pool.capacity());
    metrics.bindLanes(pool::inflight);
    metrics.bindQueueDepth(stores.jobs()::queuedByLane);
    return pool;
  }

  @Bean
  WebhookDispatcher webhookDispatcher(
      Stores stores,
      WebhookProperties webhooks,
      WorkerMetrics metrics,
      Clock clock,
      WorkerIdentity identity,
      Tracing tracing) {
    return new WebhookDispatcher(
        stores.webhooks(),
        webhooks.settings(),
        metrics,
        clock,
        RandomGenerator.getDefault(),
        identity.name(),
        tracing);
  }

  @Bean
  CancellationFeed cancellationFeed(DataSource dataSource, WorkerPool pool) {
    return CancellationFeed.listen(dataSource, pool::cancel);
  }

  @Bean
  WorkerLifecycle workerLifecycle(
      WorkerPool pool, Stores stores, WorkerProperties worker, WorkerIdentity identity) {
    return new WorkerLifecycle(
        pool,
        new LeaseKeeper(stores.jobs(), pool, identity.name(), worker.lease()),
        worker.heartbeat(),
        new LeaseReaper(stores.jobs(), worker.dispatchTimeout()),
        worker.reaperInterval());
  }

  // The API declares the same topics: whichever app starts first creates them.
  @Bean
  @ConditionalOnMissingBean(name = "agentqTopics")
  KafkaAdmin.NewTopics agentqTopics(KafkaSettings kafka) {
    Topics topics = new Topics(kafka.topicPrefix());
    return new KafkaAdmin.NewTopics(
        TopicBuilder.name(topics.lane(Lane.INTERACTIVE)).partitions(kafka.partitions()).build(),
        TopicBuilder.name(topics.lane(Lane.BATCH)).partitions(kafka.partitions()).build(),
        TopicBuilder.name(topics.deadLetters()).partitions(1).build());
  }

  /** Interactive jobs: this lane stops only when the worker is full. */
  @Bean
  ConcurrentMessageListenerContainer<String, byte[]> interactiveConsumer(
      KafkaProperties kafkaProperties,
      KafkaSettings kafka,
      WorkerProperties worker,
      WorkerIdentity identity,
      DispatchHandler handler,
      WorkerPool pool,
      Backpressure backpressure,
      WorkerLifecycle lifecycle) {
    var container =
        LaneConsumers.create(
            Lane.INTERACTIVE,
            kafkaProperties.buildConsumerProperties(),
            kafka,
            worker,
            identity,
            new KafkaDispatchListener(handler, backpressure));
    backpressure.attach(
        Lane.INTERACTIVE.wire(),
        container,
        () -> pool.inflight() >= worker.capacity(),
        () -> pool.inflight() <= worker.lowWater());
    return container;
  }

  /**
   * Batch jobs: this lane stops when batch jobs fill their share of the worker, so that a night's
   * batch never takes the room interactive jobs need.
   */
  @Bean
  ConcurrentMessageListenerContainer<String, byte[]> batchConsumer(
      KafkaProperties kafkaProperties,
      KafkaSettings kafka,
      WorkerProperties worker,
      WorkerIdentity identity,
      DispatchHandler handler,
      WorkerPool pool,
      Backpressure backpressure,
      WorkerLifecycle lifecycle) {
    int share = worker.batchCapacity();
    // Never more batch jobs than their share, however many records one poll brings.
    var container =
        LaneConsumers.create(
            Lane.BATCH,
            kafkaProperties.buildConsumerProperties(),
            kafka,
            worker,
            identity,
            new KafkaDispatchListener(
                handler,
                backpressure,
                () ->
                    Math.min(
                        share - pool.inflight(Lane.BATCH), worker.capacity() - pool.inflight())));
    backpressure.attach(
        Lane.BATCH.wire(),
        container,
        () -> pool.inflight(Lane.BATCH) >= share || pool.inflight() >= worker.capacity(),
        () ->
            pool.inflight(Lane.BATCH) <= share * worker.resumePercent() / 100
                && pool.inflight() <= worker.lowWater());
    return container;
  }

  @Bean
  DispatchHandler dispatchHandler(
      Stores stores,
      WorkerPool pool,
      WorkerIdentity identity,
      WorkerProperties worker,
      WorkerMetrics metrics) {
    return new DispatchHandler(
        stores.jobs(), stores.outbox(), pool, identity.name(), worker.lease(), metrics);
  }
}

# Image of a worker (agent-worker): dev.agentq.worker.WorkerApplication.
# Build from the repository root (the Maven reactor builds the module with its siblings):
#   docker build -f docker/worker.Dockerfile -t agentq-worker .

# --- build: the Maven wrapper on a pinned JDK; ~/.m2 is a BuildKit cache, never a layer ---
FROM eclipse-temurin:21.0.8_9-jdk-noble AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY schemas/ schemas/
COPY telemetry/ telemetry/
COPY result-store/ result-store/
COPY testkit/ testkit/
COPY agent-worker/ agent-worker/
COPY api-ingest/pom.xml api-ingest/
COPY standalone/pom.xml standalone/
COPY bench/pom.xml bench/
COPY cli/pom.xml cli/
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -pl agent-worker -am package -Dmaven.test.skip=true \
 && cp agent-worker/target/agentq-agent-worker-*-exec.jar /app.jar \
 && java -Djarmode=tools -jar /app.jar extract --layers --launcher --destination /layers

# --- runtime: a pinned JRE, the jar's layers from the least to the most often changed ---
FROM eclipse-temurin:21.0.8_9-jre-noble
RUN groupadd --system --gid 10001 agentq \
 && useradd --system --uid 10001 --gid agentq --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin agentq
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER 10001:10001
ENV SERVER_PORT=8080
EXPOSE 8080
# Heap as a share of the container's memory limit; the rest is metaspace, thread stacks, buffers.
# Exit on OutOfMemoryError so the orchestrator restarts the container instead of a limping JVM.
# JAVA_TOOL_OPTIONS adds or overrides flags at run time.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75.0", "-XX:InitialRAMPercentage=50.0", \
  "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp", \
  "org.springframework.boot.loader.launch.JarLauncher"]
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${SERVER_PORT}/actuator/health/readiness" || exit 1

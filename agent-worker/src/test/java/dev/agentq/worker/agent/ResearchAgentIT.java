package dev.agentq.worker.agent;

import static dev.agentq.worker.fixture.ResearchJobs.aResearchJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.schemas.AgentCatalog;
import dev.agentq.schemas.JobState;
import dev.agentq.schemas.JsonSchemas;
import dev.agentq.store.Checkpoint;
import dev.agentq.store.Job;
import dev.agentq.testkit.openai.RecordedRequest;
import dev.agentq.testkit.openai.Reply;
import dev.agentq.worker.agent.research.ResearchAgent;
import dev.agentq.worker.fixture.LocalWorker;
import dev.agentq.worker.step.JobControl;
import dev.agentq.worker.step.StepLimits;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The research agent's tool loop, over the real OpenAI client and a scripted fake model. */
class ResearchAgentIT {
  private final LocalWorker worker = new LocalWorker();

  @AfterEach
  void tearDown() {
    worker.close();
  }

  private Job run(dev.agentq.store.NewJob newJob) {
    Job job = worker.submit(newJob);
    worker.runner(new ResearchAgent()).run(worker.claim(job.id(), "worker-a"), new JobControl());
    return worker.job(job.id());
  }

  /** The tool results the model was sent in a request, in order. */
  private static List<String> toolResults(RecordedRequest request) {
    return request
        .body()
        .path("messages")
        .valueStream()
        .filter(m -> "tool".equals(m.path("role").asString()))
        .map(m -> m.path("content").asString())
        .toList();
  }

  @Test
  void theModelCallsADeclaredToolAndAnswersFromItsResult() {
    worker
        .openAi()
        .enqueue(
            Reply.toolCall("calculate", "{\"expression\":\"(1200 - 150) * 0.2\"}"),
            Reply.text("The total is 210."));

    Job done = run(aResearchJob("What is 20% of 1200 minus 150?").build());

    assertThat(done.status()).isEqualTo(JobState.SUCCEEDED);
    assertThat(done.output().path("answer").asString()).isEqualTo("The total is 210.");
    String schema = AgentCatalog.find("research").orElseThrow().outputSchema();
    assertThat(JsonSchemas.get().violations(schema, done.output())).isEmpty();
    assertThat(worker.openAi().requests().getFirst().toolNames())
        .containsExactlyInAnyOrder("calculate", "search_documents", "read_document");
    assertThat(toolResults(worker.openAi().requests().get(1))).containsExactly("210");
    assertThat(worker.allCheckpoints(done.id()))
        .extracting(Checkpoint::kind, Checkpoint::name)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Checkpoint.Kind.STEP, "research"),
            org.assertj.core.groups.Tuple.tuple(Checkpoint.Kind.MODEL, "research/model"),
            org.assertj.core.groups.Tuple.tuple(Checkpoint.Kind.TOOL, "calculate"),
            org.assertj.core.groups.Tuple.tuple(Checkpoint.Kind.MODEL, "research/model"));
  }

  @Test
  void anUndeclaredToolOrBadArgumentsGoBackToTheModelAsErrorsAndNeverRun() {
    worker
        .openAi()
        .enqueue(
            Reply.toolCall("delete_everything", "{}"),
            Reply.toolCall("calculate", "{\"expr\":\"1+1\"}"),
            Reply.toolCall("search_documents", "{\"query\":\"approval\"}"),
            Reply.text("Expenses over 500 EUR need approval."));

    Job done = run(aResearchJob("Who approves expenses?").build());

    assertThat(done.status()).isEqualTo(JobState.SUCCEEDED);
    List<RecordedRequest> requests = worker.openAi().requests();
    assertThat(toolResults(requests.get(1)).getLast())
        .startsWith("error: there is no tool named 'delete_everything'");
    assertThat(toolResults(requests.get(2)).getLast())
        .startsWith("error: the arguments of 'calculate' break its schema");
    assertThat(toolResults(requests.get(3)).getLast())
        .startsWith("[handbook] Expenses over 500 EUR");
    assertThat(
            worker
                .metrics()
                .get("agentq.tool.refusals")
                .tag("tool", "delete_everything")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(
            worker.metrics().get("agentq.tool.refusals").tag("tool", "calculate").counter().count())
        .isEqualTo(1);
  }

  @Test
  void aToolLoopIsCappedAndTheModelMustThenAnswerWithoutTools() {
    for (int i = 0; i < StepLimits.DEFAULT.maxToolCalls(); i++) {
      worker.openAi().enqueue(Reply.toolCall("calculate", "{\"expression\":\"" + i + "+1\"}"));
    }
    worker.openAi().enqueue(Reply.text("I stopped."));

    Job done = run(aResearchJob("Count forever").build());

    assertThat(done.status()).isEqualTo(JobState.SUCCEEDED);
    assertThat(done.output().path("answer").asString()).isEqualTo("I stopped.");
    RecordedRequest last = worker.openAi().lastRequest();
    assertThat(last.toolNames()).as("the last ask offers no tools").isEmpty();
    assertThat(last.body().path("messages").valueStream().map(m -> m.path("content").asString()))
        .anySatisfy(text -> assertThat(text).contains("budget of 10 tool calls is spent"));
    assertThat(worker.allCheckpoints(done.id()))
        .filteredOn(c -> c.kind() == Checkpoint.Kind.TOOL)
        .hasSize(StepLimits.DEFAULT.maxToolCalls());
  }

  @Test
  void jobsOfOneThreadContinueOneConversation() {
    worker.openAi().enqueue(Reply.text("Paris."), Reply.text("About 2.1 million."));

    Job first = run(aResearchJob("What is the capital of France?").inThread("geo").build());
    Job second = run(aResearchJob("How many people live there?").inThread("geo").build());

    assertThat(first.status()).isEqualTo(JobState.SUCCEEDED);
    assertThat(second.status()).isEqualTo(JobState.SUCCEEDED);
    JsonNode messages = worker.openAi().requests().get(1).body().path("messages");
    assertThat(
            messages
                .valueStream()
                .map(m -> m.path("role").asString() + ": " + m.path("content").asString()))
        .containsSubsequence(
            "user: What is the capital of France?",
            "assistant: Paris.",
            "user: How many people live there?");
    assertThat(worker.jobs().conversation("acme", "geo").orElseThrow().size()).isEqualTo(4);
  }
}

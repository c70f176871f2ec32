package dev.agentq.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JobStateTest {

  @Test
  void followsTheDocumentedLifecycle() {
    assertThat(JobState.QUEUED.canMoveTo(JobState.RUNNING)).isTrue();
    assertThat(JobState.RUNNING.canMoveTo(JobState.SUCCEEDED)).isTrue();
    assertThat(JobState.RUNNING.canMoveTo(JobState.RETRY_WAIT)).isTrue();
    assertThat(JobState.RETRY_WAIT.canMoveTo(JobState.RUNNING)).isTrue();
  }

  @Test
  void finishedJobsStayFinishedExceptAnExplicitRetryOfAFailure() {
    for (JobState next : JobState.values()) {
      assertThat(JobState.SUCCEEDED.canMoveTo(next)).isFalse();
      assertThat(JobState.CANCELLED.canMoveTo(next)).isFalse();
      assertThat(JobState.FAILED.canMoveTo(next)).isEqualTo(next == JobState.QUEUED);
    }
  }

  @Test
  void onlyTheThreeEndStatesAreFinal() {
    assertThat(JobState.values())
        .filteredOn(JobState::isFinal)
        .containsExactlyInAnyOrder(JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED);
  }

  @Test
  void anIllegalMoveThrows() {
    assertThatThrownBy(() -> JobState.QUEUED.requireMoveTo(JobState.SUCCEEDED))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a job cannot go from queued to succeeded");
  }

  @Test
  void wireNamesRoundTrip() {
    for (JobState state : JobState.values()) {
      assertThat(JobState.fromWire(state.wire())).isSameAs(state);
    }
  }
}

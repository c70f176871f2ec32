-- Durable execution: retries with backoff, cancellation, model and tool calls checkpointed inside
-- steps, and conversations that outlive one job.

-- retry_wait jobs become due at available_at; the reaper then queues them again.
ALTER TABLE jobs ADD COLUMN available_at timestamptz;
-- Set by POST /v1/jobs/{id}/cancel on a running job; its worker stops at the next step boundary.
ALTER TABLE jobs ADD COLUMN cancel_requested_at timestamptz;

CREATE INDEX jobs_retry_due ON jobs (available_at) WHERE status = 'retry_wait';
CREATE INDEX jobs_by_thread ON jobs (tenant_id, thread_id, created_at)
    WHERE thread_id IS NOT NULL AND status IN ('queued', 'running', 'retry_wait');

-- A checkpoint is a step, or a model or tool call made through the job context (inside a step, or
-- not). Calls inside a step name it in parent_seq; a step records end_seq, the sequence number
-- after its last call, so that replay can skip over them.
ALTER TABLE job_steps ADD COLUMN kind text NOT NULL DEFAULT 'step' CHECK (kind IN ('step', 'model', 'tool'));
ALTER TABLE job_steps ADD COLUMN parent_seq integer;
ALTER TABLE job_steps ADD COLUMN end_seq integer;

-- The messages of a conversation (jobs sharing a thread_id), written when a job of it succeeds.
CREATE TABLE conversations (
    tenant_id  text        NOT NULL,
    thread_id  text        NOT NULL,
    messages   jsonb       NOT NULL,
    job_id     uuid        NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, thread_id)
);

-- Workers LISTEN here to stop a cancelled job at once, even in the middle of a model call.
CREATE FUNCTION agentq_notify_cancel() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('agentq_cancel', NEW.id::text);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER jobs_cancel_requested
    AFTER UPDATE OF cancel_requested_at ON jobs
    FOR EACH ROW
    WHEN (NEW.cancel_requested_at IS NOT NULL AND OLD.cancel_requested_at IS NULL)
    EXECUTE FUNCTION agentq_notify_cancel();

-- agentq's core tables. Timestamps are timestamptz and always written by the application's Clock.

CREATE TABLE jobs (
    id               uuid        PRIMARY KEY,
    tenant_id        text        NOT NULL,
    agent            text        NOT NULL,
    lane             text        NOT NULL CHECK (lane IN ('interactive', 'batch')),
    status           text        NOT NULL
                     CHECK (status IN ('queued', 'running', 'retry_wait', 'succeeded', 'failed', 'cancelled')),
    input            jsonb       NOT NULL,
    thread_id        text,
    webhook_url      text,
    metadata         jsonb       NOT NULL DEFAULT '{}',
    -- fencing: each claim increments attempt; every write by a worker names the attempt it holds
    attempt          integer     NOT NULL DEFAULT 0,
    max_attempts     integer     NOT NULL CHECK (max_attempts > 0),
    lease_owner      text,
    lease_expires_at timestamptz,
    output           jsonb,
    error            jsonb,
    model            text,
    input_tokens     bigint      NOT NULL DEFAULT 0,
    output_tokens    bigint      NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    started_at       timestamptz,
    finished_at      timestamptz,
    CHECK ((status = 'running') = (lease_owner IS NOT NULL))
);

CREATE INDEX jobs_by_tenant ON jobs (tenant_id, created_at DESC, id DESC);
CREATE INDEX jobs_leases ON jobs (lease_expires_at) WHERE status = 'running';
CREATE INDEX jobs_waiting ON jobs (updated_at) WHERE status IN ('queued', 'retry_wait');

-- One row per finished step: the checkpoint that replay returns instead of running the step again.
CREATE TABLE job_steps (
    job_id        uuid        NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    seq           integer     NOT NULL CHECK (seq >= 0),
    name          text        NOT NULL,
    attempt       integer     NOT NULL,
    output        jsonb       NOT NULL,
    model         text,
    input_tokens  integer     NOT NULL DEFAULT 0,
    output_tokens integer     NOT NULL DEFAULT 0,
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz NOT NULL,
    PRIMARY KEY (job_id, seq)
);

-- Every transition and progress record; ids give one order across API instances (SSE Last-Event-ID).
CREATE TABLE job_events (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_id     uuid        NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    type       text        NOT NULL,
    data       jsonb       NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL
);

CREATE INDEX job_events_by_job ON job_events (job_id, id);

-- Messages to publish, written in the same transaction as the change they announce.
CREATE TABLE outbox (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic       text        NOT NULL,
    message_key text        NOT NULL,
    payload     jsonb       NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE INDEX outbox_by_key ON outbox (message_key);

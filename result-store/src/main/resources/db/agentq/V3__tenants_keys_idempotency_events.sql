-- Tenants and their API keys, per-key rate buckets, idempotency keys of submissions, listing
-- indexes, and the NOTIFY that wakes live event streams on every API instance.

CREATE TABLE tenants (
    id                  text        PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
    name                text        NOT NULL,
    -- limits; NULL means the deployment's default
    requests_per_second double precision CHECK (requests_per_second > 0),
    burst               integer     CHECK (burst > 0),
    max_queued_jobs     integer     CHECK (max_queued_jobs > 0),
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);

-- A key is stored only as the SHA-256 of its text; prefix is its first characters, for people.
CREATE TABLE api_keys (
    id          uuid        PRIMARY KEY,
    tenant_id   text        NOT NULL REFERENCES tenants (id),
    name        text        NOT NULL,
    prefix      text        NOT NULL,
    secret_hash bytea       NOT NULL UNIQUE CHECK (length(secret_hash) = 32),
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);

CREATE INDEX api_keys_by_tenant ON api_keys (tenant_id, created_at, id);

-- One token bucket per key, shared by every API instance, which take tokens a few at a time.
-- Losing the last writes of a bucket in a crash only hands out a few more requests, so the limiter
-- commits without waiting for fsync.
CREATE TABLE rate_buckets (
    key_id      uuid             PRIMARY KEY REFERENCES api_keys (id) ON DELETE CASCADE,
    tokens      double precision NOT NULL,
    refilled_at timestamptz      NOT NULL,
    granted     integer          NOT NULL
);

-- Idempotency-Key of a submission: written in the transaction that stores the job. The foreign key
-- is checked at commit, because the key is claimed before the job row exists.
CREATE TABLE idempotency_keys (
    tenant_id    text        NOT NULL,
    key          text        NOT NULL,
    request_hash bytea       NOT NULL,
    job_id       uuid        NOT NULL REFERENCES jobs (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, key)
);

CREATE INDEX idempotency_keys_by_job ON idempotency_keys (job_id);

-- GET /v1/jobs: newest first per tenant (jobs_by_tenant), and by metadata containment.
CREATE INDEX jobs_metadata ON jobs USING gin (metadata jsonb_path_ops);
-- the per-tenant cap on waiting jobs counts these
CREATE INDEX jobs_waiting_by_tenant ON jobs (tenant_id) WHERE status IN ('queued', 'retry_wait');

-- Live events: one NOTIFY per statement that inserts events, naming the jobs concerned (or '*' when
-- they would not fit in a payload). A job's first event is skipped: nobody can be streaming a job
-- before its id is known, and submissions stay clear of NOTIFY's commit-time lock.
CREATE FUNCTION agentq_notify_job_events() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids text;
BEGIN
    SELECT string_agg(DISTINCT job_id::text, ',') INTO ids FROM inserted WHERE type <> 'job.queued';
    IF ids IS NOT NULL THEN
        PERFORM pg_notify('agentq_job_events', CASE WHEN length(ids) > 7000 THEN '*' ELSE ids END);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER job_events_notify
    AFTER INSERT ON job_events
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION agentq_notify_job_events();

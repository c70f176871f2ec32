-- Schedules: a cron expression in a time zone and a template (one job, or a batch of a directory's
-- new files). Schedulers of every API instance claim a due row with FOR UPDATE SKIP LOCKED and, in
-- the same transaction, create the job, record the run and move next_run_at on, fenced by the
-- next_run_at they read: a tick runs once however many instances poll.

CREATE TABLE schedules (
    id          uuid        PRIMARY KEY,
    tenant_id   text        NOT NULL,
    name        text,
    cron        text        NOT NULL,
    time_zone   text        NOT NULL,
    -- {"job": {...job request...}} or {"batch": {"agent", "directory", "pattern", "only_new"}}
    template    jsonb       NOT NULL,
    paused      boolean     NOT NULL DEFAULT false,
    -- the next tick; null while paused
    next_run_at timestamptz,
    last_run_at timestamptz,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    CHECK (paused OR next_run_at IS NOT NULL)
);

CREATE INDEX schedules_by_tenant ON schedules (tenant_id, created_at DESC, id DESC);
CREATE INDEX schedules_due ON schedules (next_run_at) WHERE NOT paused;

CREATE TABLE schedule_runs (
    schedule_id   uuid        NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
    -- the tick this run is for; a tick is run at most once
    scheduled_for timestamptz NOT NULL,
    fired_at      timestamptz NOT NULL,
    -- the one run made for ticks missed during an outage longer than agentq.schedules.missed-after
    catch_up      boolean     NOT NULL,
    outcome       text        NOT NULL CHECK (outcome IN ('created', 'skipped')),
    job_id        uuid,
    batch_id      uuid,
    -- why a run was skipped (queue full, no new files, directory gone)
    detail        text,
    PRIMARY KEY (schedule_id, scheduled_for)
);

CREATE INDEX schedule_runs_latest ON schedule_runs (schedule_id, fired_at DESC);

-- Files a batch schedule with only_new has submitted: a file counts as new again once its size or
-- modification time changes.
CREATE TABLE schedule_files (
    schedule_id  uuid        NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
    path         text        NOT NULL,
    size         bigint      NOT NULL,
    modified_at  timestamptz NOT NULL,
    submitted_at timestamptz NOT NULL,
    PRIMARY KEY (schedule_id, path, size, modified_at)
);

-- Batches: many jobs submitted as one JSONL upload, counted, cancelled and reported on together.

CREATE TABLE batches (
    id             uuid        PRIMARY KEY,
    tenant_id      text        NOT NULL,
    status         text        NOT NULL
                   CHECK (status IN ('validating', 'in_progress', 'completed', 'cancelling', 'cancelled', 'failed')),
    -- lines read, jobs created from them, and lines refused; final once intake_done
    line_count     integer     NOT NULL DEFAULT 0,
    job_count      integer     NOT NULL DEFAULT 0,
    invalid_count  integer     NOT NULL DEFAULT 0,
    -- the whole upload has been read: only then can the batch end
    intake_done    boolean     NOT NULL DEFAULT false,
    webhook_url    text,
    metadata       jsonb       NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    in_progress_at timestamptz,
    completed_at   timestamptz,
    cancelled_at   timestamptz
);

-- GET /v1/batches: newest first per tenant
CREATE INDEX batches_by_tenant ON batches (tenant_id, created_at DESC, id DESC);

-- Lines that were not made into jobs, reported with their line numbers.
CREATE TABLE batch_invalid_lines (
    batch_id  uuid    NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
    line      integer NOT NULL CHECK (line > 0),
    custom_id text,
    code      text    NOT NULL,
    detail    text    NOT NULL,
    PRIMARY KEY (batch_id, line)
);

ALTER TABLE jobs ADD COLUMN batch_id uuid REFERENCES batches (id) ON DELETE CASCADE;
ALTER TABLE jobs ADD COLUMN custom_id text;
ALTER TABLE jobs ADD COLUMN batch_line integer;

-- results in line order, keyset-paged by line
CREATE UNIQUE INDEX jobs_by_batch_line ON jobs (batch_id, batch_line) WHERE batch_id IS NOT NULL;
-- a custom_id names one job of its batch
CREATE UNIQUE INDEX jobs_batch_custom_id ON jobs (batch_id, custom_id) WHERE batch_id IS NOT NULL;
-- counts per status, and "is any job of the batch unfinished", from the index alone
CREATE INDEX jobs_by_batch_status ON jobs (batch_id, status) WHERE batch_id IS NOT NULL;
-- GET /v1/jobs?batch=: a batch's jobs newest first
CREATE INDEX jobs_by_batch ON jobs (batch_id, created_at DESC, id DESC) WHERE batch_id IS NOT NULL;

-- Webhooks: per-tenant endpoints with their own secrets and event filters, and one delivery row per
-- message, written in the same transaction as the change it announces.

CREATE TABLE webhook_endpoints (
    id              uuid        PRIMARY KEY,
    tenant_id       text        NOT NULL,
    url             text        NOT NULL,
    description     text,
    event_types     text[]      NOT NULL,
    -- newest first; more than one while a rotation's old secret is still honored
    secrets         jsonb       NOT NULL,
    enabled         boolean     NOT NULL DEFAULT true,
    disabled_reason text,
    disabled_at     timestamptz,
    -- when deliveries to it started failing without a success since; null while healthy
    failing_since   timestamptz,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE INDEX webhook_endpoints_by_tenant ON webhook_endpoints (tenant_id, created_at);

CREATE TABLE webhook_deliveries (
    -- the webhook-id header: the same on every attempt, so receivers can drop duplicates
    id              text        PRIMARY KEY,
    tenant_id       text        NOT NULL,
    endpoint_id     uuid        REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    url             text        NOT NULL,
    job_id          uuid,
    event_type      text        NOT NULL,
    payload         jsonb       NOT NULL,
    status          text        NOT NULL CHECK (status IN ('pending', 'sending', 'delivered', 'failed')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    lease_owner     text,
    lease_expires_at timestamptz,
    last_status     integer,
    last_error      text,
    created_at      timestamptz NOT NULL,
    delivered_at    timestamptz
);

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_sending ON webhook_deliveries (lease_expires_at) WHERE status = 'sending';
CREATE INDEX webhook_deliveries_by_job ON webhook_deliveries (job_id, created_at);
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (endpoint_id, created_at DESC);

CREATE TABLE webhook_attempts (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id  text        NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempted_at timestamptz NOT NULL,
    status_code  integer,
    latency_ms   integer     NOT NULL,
    error        text
);

CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts (delivery_id, id);

-- The secret that signs webhooks sent to a job's own webhook_url, one per tenant, made on first use.
CREATE TABLE webhook_signing_keys (
    tenant_id  text        PRIMARY KEY,
    secrets    jsonb       NOT NULL,
    updated_at timestamptz NOT NULL
);

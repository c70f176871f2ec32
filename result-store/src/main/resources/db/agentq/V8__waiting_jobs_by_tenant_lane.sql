-- The per-lane queue cap counts a tenant's waiting jobs of one lane at every submit: with a
-- nightly batch of 100,000 jobs waiting, this keeps an interactive submit's count off the batch's rows.
CREATE INDEX jobs_waiting_by_tenant_lane ON jobs (tenant_id, lane) WHERE status IN ('queued', 'retry_wait');

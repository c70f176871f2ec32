-- The W3C trace context (traceparent) of the request that submitted a job, when tracing is on, so
-- that the job's webhooks are delivered in the same trace as its submit, its relay and its run.
ALTER TABLE jobs ADD COLUMN traceparent text;

-- One row per periodic clean-up run that removed messages (retention, completed retention,
-- maxWaitTimeSeconds eviction), for GET /api/v1/analytics/retention.
CREATE TABLE queen.retention_events (
    id bigserial PRIMARY KEY,
    queue_name text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('retention', 'completed_retention', 'eviction')),
    messages integer NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX retention_events_created_at_idx ON queen.retention_events (created_at);

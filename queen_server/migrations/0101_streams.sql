-- Server-side support of the streaming SDKs (protocol §3.21): registered queries and the
-- key/value state each query keeps per source partition.
CREATE TABLE queen.stream_queries (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL,
    source_queue text NOT NULL,
    sink_queue text,
    config_hash text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT stream_queries_name_unique UNIQUE (name)
);

-- State rows go with their query and with their source partition (queue deletion cascades).
CREATE TABLE queen.stream_state (
    query_id uuid NOT NULL REFERENCES queen.stream_queries (id) ON DELETE CASCADE,
    partition_id uuid NOT NULL REFERENCES queen.partitions (id) ON DELETE CASCADE,
    key text NOT NULL,
    value jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (query_id, partition_id, key)
);
CREATE INDEX stream_state_partition_idx ON queen.stream_state (partition_id);

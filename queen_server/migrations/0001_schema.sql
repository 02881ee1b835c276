-- The whole data model of the Queen protocol (queues, partitions, messages, cursors and
-- leases, subscription metadata, dead letters, traces, system state, maintenance buffer).
--
-- Ordering: every message carries `seq`, a per-partition sequence number allocated while the
-- pushing transaction holds the partition's row lock. Pushes to one partition are therefore
-- serialised and commit in `seq` order, so a consumer cursor ("last consumed seq") can never
-- skip a message that commits late (the commit-order hazard of a timestamp cursor).
-- `created_at` is taken under the same lock and never decreases along `seq` within a partition,
-- so time-based questions ("messages older than T") can walk the primary key.

CREATE TABLE queen.queues (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL,
    namespace text NOT NULL DEFAULT '',
    task text NOT NULL DEFAULT '',
    priority integer NOT NULL DEFAULT 0,
    lease_time integer NOT NULL DEFAULT 300,
    retry_limit integer NOT NULL DEFAULT 3,
    retry_delay integer NOT NULL DEFAULT 1000,
    ttl integer NOT NULL DEFAULT 3600,
    dead_letter_queue boolean NOT NULL DEFAULT false,
    dlq_after_max_retries boolean NOT NULL DEFAULT false,
    delayed_processing integer NOT NULL DEFAULT 0,
    window_buffer integer NOT NULL DEFAULT 0,
    retention_seconds integer NOT NULL DEFAULT 0,
    completed_retention_seconds integer NOT NULL DEFAULT 0,
    retention_enabled boolean NOT NULL DEFAULT false,
    encryption_enabled boolean NOT NULL DEFAULT false,
    max_wait_time_seconds integer NOT NULL DEFAULT 0,
    max_queue_size integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT queues_name_unique UNIQUE (name)
);

CREATE TABLE queen.partitions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    queue_id uuid NOT NULL REFERENCES queen.queues (id) ON DELETE CASCADE,
    name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_activity timestamptz,
    -- newest allocated sequence number (0 = never pushed); the partition row lock guards it
    last_seq bigint NOT NULL DEFAULT 0,
    -- created_at of the newest message: drives the window buffer and wildcard candidates
    last_message_at timestamptz,
    CONSTRAINT partitions_queue_name_unique UNIQUE (queue_id, name)
);

CREATE TABLE queen.messages (
    partition_id uuid NOT NULL REFERENCES queen.partitions (id) ON DELETE CASCADE,
    seq bigint NOT NULL,
    id uuid NOT NULL,
    transaction_id text NOT NULL,
    trace_id uuid,
    -- JSON null is stored as the jsonb value 'null'
    payload jsonb NOT NULL,
    is_encrypted boolean NOT NULL DEFAULT false,
    producer_sub text,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (partition_id, seq),
    CONSTRAINT messages_partition_transaction_unique UNIQUE (partition_id, transaction_id)
);

-- Cursor and lease of one consumer group on one partition.
CREATE TABLE queen.partition_consumers (
    partition_id uuid NOT NULL REFERENCES queen.partitions (id) ON DELETE CASCADE,
    consumer_group text NOT NULL,
    -- NULL: the group has not consumed here yet and its start point is still undecided;
    -- 0: positioned before the first message; n: every message with seq <= n is consumed
    last_consumed_seq bigint,
    last_consumed_id uuid,
    last_consumed_created_at timestamptz,
    total_messages_consumed bigint NOT NULL DEFAULT 0,
    total_batches_consumed bigint NOT NULL DEFAULT 0,
    last_consumed_at timestamptz,
    -- the lease: worker_id is the leaseId handed to the consumer
    worker_id text,
    lease_acquired_at timestamptz,
    lease_expires_at timestamptz,
    batch_size integer NOT NULL DEFAULT 0,
    acked_count integer NOT NULL DEFAULT 0,
    batch_retry_count integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (partition_id, consumer_group)
);
CREATE INDEX partition_consumers_worker_idx ON queen.partition_consumers (worker_id)
    WHERE worker_id IS NOT NULL;
CREATE INDEX partition_consumers_group_idx ON queen.partition_consumers (consumer_group);

-- Recorded subscriptions (where a named group starts on partitions it has never read).
CREATE TABLE queen.consumer_groups_metadata (
    consumer_group text NOT NULL,
    queue_name text NOT NULL,
    partition_name text NOT NULL DEFAULT '',
    namespace text NOT NULL DEFAULT '',
    task text NOT NULL DEFAULT '',
    subscription_mode text,
    subscription_timestamp timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_group, queue_name, partition_name, namespace, task)
);

CREATE TABLE queen.dead_letter_queue (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    message_id uuid NOT NULL,
    partition_id uuid NOT NULL,
    transaction_id text NOT NULL,
    consumer_group text NOT NULL,
    error_message text,
    retry_count integer NOT NULL DEFAULT 0,
    original_created_at timestamptz NOT NULL,
    failed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    FOREIGN KEY (partition_id, transaction_id)
        REFERENCES queen.messages (partition_id, transaction_id) ON DELETE CASCADE
);
CREATE INDEX dead_letter_queue_message_idx ON queen.dead_letter_queue (partition_id, transaction_id);
CREATE INDEX dead_letter_queue_failed_at_idx ON queen.dead_letter_queue (failed_at DESC);

CREATE TABLE queen.message_traces (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    message_id uuid NOT NULL,
    partition_id uuid NOT NULL,
    transaction_id text NOT NULL,
    consumer_group text NOT NULL,
    event_type text NOT NULL DEFAULT 'info',
    data jsonb NOT NULL,
    worker_id text,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    FOREIGN KEY (partition_id, transaction_id)
        REFERENCES queen.messages (partition_id, transaction_id) ON DELETE CASCADE
);
CREATE INDEX message_traces_message_idx
    ON queen.message_traces (partition_id, transaction_id, created_at);

CREATE TABLE queen.message_trace_names (
    trace_id uuid NOT NULL REFERENCES queen.message_traces (id) ON DELETE CASCADE,
    trace_name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (trace_id, trace_name)
);
CREATE INDEX message_trace_names_name_idx ON queen.message_trace_names (trace_name, created_at);

-- Cluster-wide switches: keys 'maintenance_mode' and 'pop_maintenance_mode' (jsonb booleans).
CREATE TABLE queen.system_state (
    key text PRIMARY KEY,
    value jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Pushes accepted while push maintenance mode is on; replayed into messages when it ends.
CREATE TABLE queen.push_buffer (
    id bigserial PRIMARY KEY,
    queue_name text NOT NULL,
    partition_name text NOT NULL,
    transaction_id text NOT NULL,
    trace_id uuid,
    payload jsonb NOT NULL,
    is_encrypted boolean NOT NULL DEFAULT false,
    producer_sub text,
    created_at timestamptz NOT NULL DEFAULT now()
);

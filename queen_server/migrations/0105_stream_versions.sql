-- A version per (query, source partition), bumped by every committed streams cycle: a client
-- that caches a partition's state sends the version it computed from (`expect_version`), and
-- a cycle based on stale state is refused instead of overwriting newer state. `last_cycle_id`
-- lets a cycle whose answer was lost be sent again without being applied twice. Versions
-- survive a query reset (which bumps them), so they never repeat for a partition.
CREATE TABLE queen.stream_versions (
    query_id uuid NOT NULL REFERENCES queen.stream_queries (id) ON DELETE CASCADE,
    partition_id uuid NOT NULL REFERENCES queen.partitions (id) ON DELETE CASCADE,
    version bigint NOT NULL DEFAULT 0,
    last_cycle_id text,
    PRIMARY KEY (query_id, partition_id)
);
CREATE INDEX stream_versions_partition_idx ON queen.stream_versions (partition_id);

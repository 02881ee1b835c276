-- Cursor and lease rows are rewritten by every pop and every ack, partition rows by every
-- push. Those updates are HOT (no new index entries, the old version pruned in place) only
-- when no indexed column changes and the page has room for the new version:
-- * the worker_id index made every claim and every release a non-HOT update with three new
--   index entries (primary key, group, worker). It only served lease extension by leaseId,
--   which now reads the table (one row per partition and consumer group; extensions are
--   rare next to pops and acks);
-- * pages are left half empty, so the new version of a row fits beside the old one.
DROP INDEX queen.partition_consumers_worker_idx;
ALTER TABLE queen.partition_consumers SET (fillfactor = 50);
ALTER TABLE queen.partitions SET (fillfactor = 50);

-- The (partition, transactionId) unique index, keyed transactionId first. Keyed partition
-- first, every partition inserted at its own spot in the middle of the index, and a full
-- page there is split in halves that never fill again: twice the pages and a 4 kB WAL record
-- every ~60 messages. Server-made transactionIds are UUIDv7s, so keyed transactionId first
-- the index grows at its right edge, where pages are split 90/10 and stay full. Lookups are
-- by both columns, which either order serves; the foreign keys only need the same columns.
ALTER TABLE queen.dead_letter_queue
    DROP CONSTRAINT dead_letter_queue_partition_id_transaction_id_fkey;
ALTER TABLE queen.message_traces
    DROP CONSTRAINT message_traces_partition_id_transaction_id_fkey;
ALTER TABLE queen.messages DROP CONSTRAINT messages_partition_transaction_unique;
ALTER TABLE queen.messages
    ADD CONSTRAINT messages_partition_transaction_unique UNIQUE (transaction_id, partition_id);
ALTER TABLE queen.dead_letter_queue
    ADD CONSTRAINT dead_letter_queue_partition_id_transaction_id_fkey
    FOREIGN KEY (partition_id, transaction_id)
    REFERENCES queen.messages (partition_id, transaction_id) ON DELETE CASCADE;
ALTER TABLE queen.message_traces
    ADD CONSTRAINT message_traces_partition_id_transaction_id_fkey
    FOREIGN KEY (partition_id, transaction_id)
    REFERENCES queen.messages (partition_id, transaction_id) ON DELETE CASCADE;

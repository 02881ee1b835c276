-- Statements of queen_server/pushing.py (loaded by queen_server.sql).

-- name: push
SELECT buffered, partition_ids, dup_items, dup_ids FROM queen.push_batch($1, $2, $3, $4)

-- name: push_one
-- One message for a partition that exists, outside maintenance mode, with a transactionId the
-- partition does not hold: the usual single push, in one statement (calling queen.push_batch
-- costs a fifth of such a push's PostgreSQL time). The partition's row lock orders it like
-- push_batch. No row: a new partition, maintenance mode or a duplicate, all left to
-- queen.push_batch (a unique violation too: a concurrent push of the same transactionId
-- committed while this one waited for the lock).
WITH part AS (
    UPDATE queen.partitions p
       SET last_seq = p.last_seq + 1,
           last_message_at = greatest(p.last_message_at, clock_timestamp()),
           last_activity = now()
     WHERE p.queue_id = (SELECT q.id FROM queen.queues q WHERE q.name = $1)
       AND p.name = $2
       AND NOT EXISTS (SELECT 1 FROM queen.system_state s
                       WHERE s.key = 'maintenance_mode' AND s.value = 'true'::jsonb)
       AND NOT EXISTS (SELECT 1 FROM queen.messages m
                       WHERE m.transaction_id = $4 AND m.partition_id = p.id)
    RETURNING p.id, p.last_seq, p.last_message_at
)
INSERT INTO queen.messages
    (partition_id, seq, id, transaction_id, trace_id, payload, is_encrypted, producer_sub,
     created_at)
SELECT part.id, part.last_seq, $3, $4, $5, $6::jsonb, $7, $8, part.last_message_at
FROM part
RETURNING partition_id

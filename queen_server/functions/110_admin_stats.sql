-- Live message counts per partition for the resource and status listings (upstream keeps a
-- stats table refreshed every few seconds; these are computed when asked).
--
-- Counts follow the partition's reference cursor: the queue-mode cursor when the partition
-- has one, else the named group that is furthest behind.
--   done        messages at or before the cursor
--   dead_letter messages with a DLQ entry
--   completed   done messages that are not dead-lettered
--   processing  messages of the live lease's batch that are not acknowledged yet
--   pending     the rest
CREATE FUNCTION queen.partition_stats(p_queue_ids uuid[] DEFAULT NULL)
RETURNS TABLE (
    partition_id uuid, queue_id uuid, total bigint, pending bigint, processing bigint,
    completed bigint, dead_letter bigint, unconsumed bigint, oldest timestamptz,
    newest timestamptz, oldest_unconsumed timestamptz, total_consumed bigint,
    batches_consumed bigint)
LANGUAGE sql STABLE AS $$
    SELECT p.id, p.queue_id, t.total,
           GREATEST(t.total - d.done - pr.processing, 0),
           pr.processing,
           GREATEST(d.done - dl.dead_letter, 0),
           dl.dead_letter,
           GREATEST(t.total - d.done, 0),
           t.oldest, t.newest, ou.created_at,
           COALESCE(r.total_messages_consumed, 0), COALESCE(r.total_batches_consumed, 0)
    FROM queen.partitions p
    CROSS JOIN LATERAL (
        SELECT count(*) AS total, min(m.created_at) AS oldest, max(m.created_at) AS newest
        FROM queen.messages m WHERE m.partition_id = p.id) t
    LEFT JOIN LATERAL (
        SELECT c.* FROM queen.partition_consumers c WHERE c.partition_id = p.id
        ORDER BY (c.consumer_group <> '__QUEUE_MODE__'), COALESCE(c.last_consumed_seq, 0)
        LIMIT 1) r ON true
    CROSS JOIN LATERAL (
        SELECT count(*) AS done FROM queen.messages m
        WHERE m.partition_id = p.id AND m.seq <= COALESCE(r.last_consumed_seq, 0)) d
    CROSS JOIN LATERAL (
        SELECT count(DISTINCT x.transaction_id) AS dead_letter FROM queen.dead_letter_queue x
        WHERE x.partition_id = p.id) dl
    CROSS JOIN LATERAL (
        SELECT CASE WHEN r.lease_expires_at > now()
                    THEN LEAST(GREATEST(r.batch_size - r.acked_count, 0), t.total - d.done)
                    ELSE 0 END AS processing) pr
    LEFT JOIN LATERAL (
        SELECT m.created_at FROM queen.messages m
        WHERE m.partition_id = p.id AND m.seq > COALESCE(r.last_consumed_seq, 0)
        ORDER BY m.seq LIMIT 1) ou ON true
    WHERE p_queue_ids IS NULL OR p.queue_id = ANY (p_queue_ids)
$$;

-- The six counters as the JSON object the listings use.
CREATE FUNCTION queen.counts_json(
    p_total bigint, p_pending bigint, p_processing bigint, p_completed bigint,
    p_dead_letter bigint)
RETURNS json
LANGUAGE sql IMMUTABLE AS $$
    SELECT json_build_object('total', COALESCE(p_total, 0), 'pending', COALESCE(p_pending, 0),
                             'processing', COALESCE(p_processing, 0),
                             'completed', COALESCE(p_completed, 0), 'failed', 0,
                             'deadLetter', COALESCE(p_dead_letter, 0))
$$;

-- Consumer-group seeks (protocol §4.16). Only existing cursor rows move; leases and batch
-- counters are cleared, the retry counter is kept.

-- Seek every cursor of a group on a queue: to the newest message (p_to_end), or to the newest
-- message created at or before p_at (none: the cursor is unset and §4.4 applies again).
CREATE FUNCTION queen.admin_seek(
    p_group text, p_queue text, p_to_end boolean, p_at timestamptz)
RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
    v_updated bigint;
BEGIN
    WITH cursors AS (
        SELECT c.partition_id FROM queen.partition_consumers c
        JOIN queen.partitions p ON p.id = c.partition_id
        JOIN queen.queues q ON q.id = p.queue_id
        WHERE q.name = p_queue AND c.consumer_group = p_group
        ORDER BY c.partition_id
        FOR UPDATE OF c
    ),
    target AS (
        SELECT cu.partition_id, t.seq, t.id, t.created_at
        FROM cursors cu
        LEFT JOIN LATERAL (
            SELECT m.seq, m.id, m.created_at FROM queen.messages m
            WHERE m.partition_id = cu.partition_id AND (p_to_end OR m.created_at <= p_at)
            ORDER BY m.seq DESC LIMIT 1) t ON true
        WHERE NOT p_to_end OR t.seq IS NOT NULL
    ),
    upd AS (
        UPDATE queen.partition_consumers c
           SET last_consumed_seq = t.seq, last_consumed_id = t.id,
               last_consumed_created_at = t.created_at, worker_id = NULL,
               lease_expires_at = NULL, batch_size = 0, acked_count = 0
          FROM target t
         WHERE c.partition_id = t.partition_id AND c.consumer_group = p_group
        RETURNING 1
    )
    SELECT count(*) INTO v_updated FROM upd;
    RETURN json_build_object('success', true, 'consumerGroup', p_group, 'queueName', p_queue,
                             'seekToEnd', p_to_end,
                             'targetTimestamp', CASE WHEN p_to_end THEN NULL
                                                     ELSE queen.fmt_ms(p_at) END,
                             'partitionsUpdated', v_updated);
END;
$$;

-- Move one partition's cursor of a group to the partition's newest message.
CREATE FUNCTION queen.admin_seek_partition(
    p_group text, p_queue text, p_partition text)
RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
    v_partition_id uuid;
    v_seq bigint;
    v_id uuid;
    v_created timestamptz;
    v_updated boolean := false;
BEGIN
    SELECT p.id INTO v_partition_id FROM queen.partitions p
    JOIN queen.queues q ON q.id = p.queue_id
    WHERE q.name = p_queue AND p.name = p_partition;
    IF NOT FOUND THEN
        RETURN json_build_object('success', false, 'error', 'Partition not found');
    END IF;
    SELECT seq, id, created_at INTO v_seq, v_id, v_created FROM queen.messages
    WHERE partition_id = v_partition_id ORDER BY seq DESC LIMIT 1;
    IF v_seq IS NOT NULL THEN
        UPDATE queen.partition_consumers
           SET last_consumed_seq = v_seq, last_consumed_id = v_id,
               last_consumed_created_at = v_created, worker_id = NULL,
               lease_expires_at = NULL, batch_size = 0, acked_count = 0
         WHERE partition_id = v_partition_id AND consumer_group = p_group;
        v_updated := FOUND;
    END IF;
    RETURN json_build_object('success', true, 'consumerGroup', p_group, 'queueName', p_queue,
                             'partitionName', p_partition, 'updated', v_updated,
                             'cursorMovedTo', queen.fmt_ms(v_created));
END;
$$;

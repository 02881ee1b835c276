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

-- Every cursor (of one group, or of all when p_group is NULL) with its queue and partition
-- names, its oldest unconsumed message and that message's age in seconds: the rows the
-- consumer-group listings are made of. Plain SQL, so the planner inlines it.
CREATE FUNCTION queen.consumer_cursors(p_group text DEFAULT NULL)
RETURNS TABLE (
    consumer_group text, partition_id uuid, worker_id text, last_consumed_seq bigint,
    last_consumed_at timestamptz, total_messages_consumed bigint, lease_expires_at timestamptz,
    queue_name text, partition_name text, oldest_unconsumed timestamptz, time_lag bigint)
LANGUAGE sql STABLE AS $$
    SELECT c.consumer_group, c.partition_id, c.worker_id, c.last_consumed_seq,
           c.last_consumed_at, c.total_messages_consumed, c.lease_expires_at,
           q.name, p.name, ou.created_at,
           GREATEST(FLOOR(EXTRACT(EPOCH FROM now() - ou.created_at)), 0)::bigint
    FROM queen.partition_consumers c
    JOIN queen.partitions p ON p.id = c.partition_id
    JOIN queen.queues q ON q.id = p.queue_id
    LEFT JOIN LATERAL (
        SELECT m.created_at FROM queen.messages m
        WHERE m.partition_id = c.partition_id AND m.seq > COALESCE(c.last_consumed_seq, 0)
        ORDER BY m.seq LIMIT 1) ou ON true
    WHERE p_group IS NULL OR c.consumer_group = p_group
$$;

-- Messages of a partition after a cursor position: a cursor's offset lag.
CREATE FUNCTION queen.offset_lag(p_partition_id uuid, p_last_seq bigint)
RETURNS bigint
LANGUAGE sql STABLE AS $$
    SELECT count(*) FROM queen.messages m
    WHERE m.partition_id = p_partition_id AND m.seq > COALESCE(p_last_seq, 0)
$$;

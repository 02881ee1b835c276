-- Message administration beyond upstream's routes (the retry and move-to-DLQ extensions).

-- Deliver a dead-lettered message again: its DLQ entries are removed and every group that
-- dead-lettered it has its cursor rewound to just before it (lease and retry counter reset),
-- so the message and what follows it in the partition are read again by those groups.
-- Returns 'ok', 'not_found' or 'not_dead_lettered'.
CREATE FUNCTION queen.admin_retry_message(p_partition_id uuid, p_txn text)
RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    v_seq bigint;
    v_groups text[];
    v_prev_id uuid;
    v_prev_at timestamptz;
BEGIN
    SELECT seq INTO v_seq FROM queen.messages
    WHERE partition_id = p_partition_id AND transaction_id = p_txn;
    IF NOT FOUND THEN
        RETURN 'not_found';
    END IF;
    WITH gone AS (
        DELETE FROM queen.dead_letter_queue
        WHERE partition_id = p_partition_id AND transaction_id = p_txn
        RETURNING consumer_group
    )
    SELECT array_agg(DISTINCT consumer_group) INTO v_groups FROM gone;
    IF v_groups IS NULL THEN
        RETURN 'not_dead_lettered';
    END IF;
    SELECT id, created_at INTO v_prev_id, v_prev_at FROM queen.messages
    WHERE partition_id = p_partition_id AND seq < v_seq
    ORDER BY seq DESC LIMIT 1;
    UPDATE queen.partition_consumers c
       SET last_consumed_seq = v_seq - 1, last_consumed_id = v_prev_id,
           last_consumed_created_at = v_prev_at, worker_id = NULL, lease_expires_at = NULL,
           batch_size = 0, acked_count = 0, batch_retry_count = 0
     WHERE c.partition_id = p_partition_id AND c.consumer_group = ANY (v_groups)
       AND c.last_consumed_seq >= v_seq;
    PERFORM pg_notify('queen_push', q.name)
    FROM queen.partitions p JOIN queen.queues q ON q.id = p.queue_id
    WHERE p.id = p_partition_id;
    RETURN 'ok';
END;
$$;

-- Dead-letter a message for the queue-mode group. When it is the next message that group
-- would read, the cursor moves past it (and a live lease is released), so it is not delivered;
-- a message further down the partition keeps its place. Returns 'ok' or 'not_found'.
CREATE FUNCTION queen.admin_move_message_to_dlq(
    p_partition_id uuid, p_txn text, p_error text)
RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    v_seq bigint;
    v_id uuid;
    v_created timestamptz;
    v_cursor bigint := 0;
    v_retry integer := 0;
BEGIN
    SELECT seq, id, created_at INTO v_seq, v_id, v_created FROM queen.messages
    WHERE partition_id = p_partition_id AND transaction_id = p_txn;
    IF NOT FOUND THEN
        RETURN 'not_found';
    END IF;
    SELECT COALESCE(last_consumed_seq, 0),
           CASE WHEN retry_seq = v_seq THEN batch_retry_count ELSE 0 END
      INTO v_cursor, v_retry
    FROM queen.partition_consumers
    WHERE partition_id = p_partition_id AND consumer_group = '__QUEUE_MODE__'
    FOR UPDATE;
    INSERT INTO queen.dead_letter_queue
        (message_id, partition_id, transaction_id, consumer_group, error_message, retry_count,
         original_created_at)
    VALUES (v_id, p_partition_id, p_txn, '__QUEUE_MODE__', p_error, COALESCE(v_retry, 0),
            v_created);
    IF COALESCE(v_cursor, 0) < v_seq AND NOT EXISTS (
        SELECT 1 FROM queen.messages
        WHERE partition_id = p_partition_id AND seq > COALESCE(v_cursor, 0) AND seq < v_seq)
    THEN
        INSERT INTO queen.partition_consumers AS c
            (partition_id, consumer_group, last_consumed_seq, last_consumed_id,
             last_consumed_created_at, last_consumed_at)
        VALUES (p_partition_id, '__QUEUE_MODE__', v_seq, v_id, v_created, now())
        ON CONFLICT (partition_id, consumer_group) DO UPDATE
            SET last_consumed_seq = EXCLUDED.last_consumed_seq,
                last_consumed_id = EXCLUDED.last_consumed_id,
                last_consumed_created_at = EXCLUDED.last_consumed_created_at,
                last_consumed_at = EXCLUDED.last_consumed_at,
                worker_id = NULL, lease_expires_at = NULL, batch_size = 0, acked_count = 0;
    END IF;
    RETURN 'ok';
END;
$$;

-- Delete every message of a queue (or of one of its partitions) with their DLQ entries and
-- traces, and reset the consumer-group cursors there; the queue, its configuration and its
-- partitions stay. Answers the JSON body of the clear-queue extension.
CREATE FUNCTION queen.admin_clear_queue(p_queue text, p_partition text)
RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
    v_queue_id uuid;
    v_partitions uuid[];
    v_deleted bigint;
BEGIN
    SELECT id INTO v_queue_id FROM queen.queues WHERE name = p_queue;
    IF NOT FOUND THEN
        RETURN json_build_object('success', false, 'error', 'Queue not found',
                                 'queue', p_queue, 'partition', p_partition);
    END IF;
    -- lock the partitions: a concurrent push waits, then lands after the clear
    SELECT array_agg(id ORDER BY id) INTO v_partitions FROM (
        SELECT id FROM queen.partitions
        WHERE queue_id = v_queue_id AND (p_partition IS NULL OR name = p_partition)
        ORDER BY id FOR UPDATE) locked;
    IF v_partitions IS NULL THEN
        IF p_partition IS NOT NULL THEN
            RETURN json_build_object('success', false, 'error', 'Partition not found',
                                     'queue', p_queue, 'partition', p_partition);
        END IF;
        v_partitions := ARRAY[]::uuid[];
    END IF;
    WITH gone AS (
        DELETE FROM queen.messages WHERE partition_id = ANY (v_partitions) RETURNING 1
    )
    SELECT count(*) INTO v_deleted FROM gone;
    DELETE FROM queen.partition_consumers WHERE partition_id = ANY (v_partitions);
    RETURN json_build_object('success', true, 'queue', p_queue, 'partition', p_partition,
                             'deletedMessages', v_deleted);
END;
$$;

-- The derived state of one message (protocol §4.2.6), for the message listings: its consumer
-- groups, the live queue-mode lease, its latest dead-letter entry and the status they make.
CREATE FUNCTION queen.message_state(p_partition_id uuid, p_seq bigint, p_transaction_id text)
RETURNS TABLE (
    total_groups bigint, consumed_by bigint, has_qm boolean, qm_lease timestamptz,
    error_message text, retry_count integer, status text)
LANGUAGE sql STABLE AS $$
    SELECT g.total_groups, g.consumed_by, g.has_qm, g.qm_lease, dl.error_message, dl.retry_count,
           CASE WHEN dl.retry_count IS NOT NULL THEN 'dead_letter'
                WHEN NOT g.has_qm AND g.total_groups > 0 THEN
                    CASE WHEN g.consumed_by = g.total_groups THEN 'completed' ELSE 'pending' END
                WHEN g.qm_done THEN 'completed'
                WHEN g.qm_lease IS NOT NULL THEN 'processing'
                ELSE 'pending' END
    FROM (
        SELECT count(*) FILTER (WHERE c.consumer_group <> '__QUEUE_MODE__') AS total_groups,
               count(*) FILTER (WHERE c.consumer_group <> '__QUEUE_MODE__'
                                  AND c.last_consumed_seq >= p_seq) AS consumed_by,
               COALESCE(bool_or(c.consumer_group = '__QUEUE_MODE__'), false) AS has_qm,
               COALESCE(bool_or(c.consumer_group = '__QUEUE_MODE__'
                                AND c.last_consumed_seq >= p_seq), false) AS qm_done,
               max(c.lease_expires_at) FILTER (WHERE c.consumer_group = '__QUEUE_MODE__'
                                                 AND c.lease_expires_at > now()) AS qm_lease
        FROM queen.partition_consumers c WHERE c.partition_id = p_partition_id
    ) g
    LEFT JOIN LATERAL (
        SELECT d.error_message, d.retry_count FROM queen.dead_letter_queue d
        WHERE d.partition_id = p_partition_id AND d.transaction_id = p_transaction_id
        ORDER BY d.failed_at DESC LIMIT 1
    ) dl ON true
$$;

-- Periodic clean-up (protocol §4.11). Each function removes at most p_batch messages per
-- call and answers how many it removed per queue. Deleting a message also deletes its DLQ
-- entries and traces, and frees its transactionId for reuse. Because created_at never
-- decreases along seq within a partition, "older than" scans walk the primary key from the
-- oldest message and stop early.

-- retentionEnabled and retentionSeconds = R > 0: every message older than R goes, consumed or not.
CREATE FUNCTION queen.retention_delete(p_batch integer)
RETURNS TABLE (queue_name text, deleted bigint)
LANGUAGE sql AS $$
    WITH victims AS (
        SELECT v.partition_id, v.seq, q.name AS qname
        FROM queen.queues q
        JOIN queen.partitions p ON p.queue_id = q.id
        CROSS JOIN LATERAL (
            SELECT m.partition_id, m.seq FROM queen.messages m
            WHERE m.partition_id = p.id
              AND m.created_at < now() - make_interval(secs => q.retention_seconds)
            ORDER BY m.seq LIMIT p_batch) v
        WHERE q.retention_enabled AND q.retention_seconds > 0
        LIMIT p_batch
    ),
    gone AS (
        DELETE FROM queen.messages m USING victims v
        WHERE m.partition_id = v.partition_id AND m.seq = v.seq
        RETURNING v.qname
    )
    SELECT qname, count(*) FROM gone GROUP BY qname
$$;

-- retentionEnabled and completedRetentionSeconds = C > 0: messages older than C that every
-- consumer group of the partition has consumed (partitions with an unset cursor are skipped).
CREATE FUNCTION queen.completed_retention_delete(p_batch integer)
RETURNS TABLE (queue_name text, deleted bigint)
LANGUAGE sql AS $$
    WITH victims AS (
        SELECT v.partition_id, v.seq, q.name AS qname
        FROM queen.queues q
        JOIN queen.partitions p ON p.queue_id = q.id
        CROSS JOIN LATERAL (
            SELECT count(*) AS groups, bool_and(c.last_consumed_seq IS NOT NULL) AS all_set,
                   min(c.last_consumed_seq) AS consumed_upto
            FROM queen.partition_consumers c WHERE c.partition_id = p.id) g
        CROSS JOIN LATERAL (
            SELECT m.partition_id, m.seq FROM queen.messages m
            WHERE m.partition_id = p.id AND m.seq <= g.consumed_upto
              AND m.created_at < now() - make_interval(secs => q.completed_retention_seconds)
            ORDER BY m.seq LIMIT p_batch) v
        WHERE q.retention_enabled AND q.completed_retention_seconds > 0
          AND g.groups > 0 AND g.all_set
        LIMIT p_batch
    ),
    gone AS (
        DELETE FROM queen.messages m USING victims v
        WHERE m.partition_id = v.partition_id AND m.seq = v.seq
        RETURNING v.qname
    )
    SELECT qname, count(*) FROM gone GROUP BY qname
$$;

-- maxWaitTimeSeconds = M > 0: messages older than M that some consumer group has not consumed
-- yet (no cursor on the partition, an unset cursor, or a cursor before the message) are
-- deleted - not dead-lettered, as upstream.
CREATE FUNCTION queen.eviction_delete(p_batch integer)
RETURNS TABLE (queue_name text, deleted bigint)
LANGUAGE sql AS $$
    WITH victims AS (
        SELECT v.partition_id, v.seq, q.name AS qname
        FROM queen.queues q
        JOIN queen.partitions p ON p.queue_id = q.id
        CROSS JOIN LATERAL (
            SELECT CASE WHEN count(*) = 0 OR bool_or(c.last_consumed_seq IS NULL) THEN 0
                        ELSE min(c.last_consumed_seq) END AS consumed_by_all
            FROM queen.partition_consumers c WHERE c.partition_id = p.id) g
        CROSS JOIN LATERAL (
            SELECT m.partition_id, m.seq FROM queen.messages m
            WHERE m.partition_id = p.id AND m.seq > g.consumed_by_all
              AND m.created_at < now() - make_interval(secs => q.max_wait_time_seconds)
            ORDER BY m.seq LIMIT p_batch) v
        WHERE q.max_wait_time_seconds > 0
        LIMIT p_batch
    ),
    gone AS (
        DELETE FROM queen.messages m USING victims v
        WHERE m.partition_id = v.partition_id AND m.seq = v.seq
        RETURNING v.qname
    )
    SELECT qname, count(*) FROM gone GROUP BY qname
$$;

-- Delete partitions that have no messages and no activity (creation, push, consumption,
-- cursor creation) for p_days days, with their cursors. Candidates are locked first and
-- re-checked under the lock, so a push committing meanwhile keeps its partition.
CREATE FUNCTION queen.partition_cleanup(p_days double precision)
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    v_cutoff timestamptz := now() - make_interval(secs => p_days * 86400);
    v_ids uuid[];
    v_count integer;
BEGIN
    SELECT array_agg(id) INTO v_ids FROM (
        SELECT p.id FROM queen.partitions p
        WHERE GREATEST(p.created_at, p.last_activity, p.last_message_at) < v_cutoff
          AND NOT EXISTS (SELECT 1 FROM queen.messages m WHERE m.partition_id = p.id)
          AND NOT EXISTS (
              SELECT 1 FROM queen.partition_consumers c
              WHERE c.partition_id = p.id
                AND GREATEST(c.created_at, c.last_consumed_at, c.lease_acquired_at) >= v_cutoff)
        ORDER BY p.id
        LIMIT 1000
        FOR UPDATE SKIP LOCKED) candidates;
    IF v_ids IS NULL THEN
        RETURN 0;
    END IF;
    DELETE FROM queen.partitions p
    WHERE p.id = ANY (v_ids)
      AND NOT EXISTS (SELECT 1 FROM queen.messages m WHERE m.partition_id = p.id);
    GET DIAGNOSTICS v_count = ROW_COUNT;
    RETURN v_count;
END;
$$;

-- Streams (protocol §3.21): query registration and the per-cycle transaction.

-- The source partitions on which a query keeps state, so that a starting runner can look
-- after windows left open by a runner that stopped.
CREATE FUNCTION queen.stream_state_partitions(p_query_id uuid)
RETURNS json
LANGUAGE sql STABLE AS $$
    SELECT COALESCE(json_agg(json_build_object('partition_id', p.id, 'partition', p.name)
                             ORDER BY p.name), '[]'::json)
    FROM queen.partitions p
    WHERE p.id IN (SELECT DISTINCT s.partition_id FROM queen.stream_state s
                   WHERE s.query_id = p_query_id)
$$;

-- Register a query by name: new → created (fresh); same hash → source/sink refreshed; another
-- hash → refused unless p_reset, which wipes the query's state, bumps its partitions' state
-- versions (so runners still caching the old state are refused) and stores the new hash.
CREATE FUNCTION queen.stream_register(
    p_name text, p_source text, p_sink text, p_hash text, p_reset boolean,
    OUT conflict boolean, OUT body json)
LANGUAGE plpgsql AS $$
DECLARE
    v_id uuid;
    v_hash text;
BEGIN
    conflict := false;
    INSERT INTO queen.stream_queries (name, source_queue, sink_queue, config_hash)
    VALUES (p_name, p_source, p_sink, p_hash)
    ON CONFLICT (name) DO NOTHING
    RETURNING id INTO v_id;
    IF v_id IS NOT NULL THEN
        body := json_build_object('success', true, 'query_id', v_id, 'name', p_name,
                                  'config_hash', p_hash, 'fresh', true, 'reset', false);
        RETURN;
    END IF;
    SELECT id, config_hash INTO v_id, v_hash FROM queen.stream_queries
    WHERE name = p_name FOR UPDATE;
    IF v_hash = p_hash THEN
        UPDATE queen.stream_queries
           SET source_queue = p_source, sink_queue = p_sink, updated_at = now()
         WHERE id = v_id;
        body := json_build_object('success', true, 'query_id', v_id, 'name', p_name,
                                  'config_hash', p_hash, 'fresh', false, 'reset', false);
    ELSIF p_reset THEN
        DELETE FROM queen.stream_state WHERE query_id = v_id;
        UPDATE queen.stream_versions SET version = version + 1, last_cycle_id = NULL
         WHERE query_id = v_id;
        UPDATE queen.stream_queries
           SET source_queue = p_source, sink_queue = p_sink, config_hash = p_hash,
               updated_at = now()
         WHERE id = v_id;
        body := json_build_object('success', true, 'query_id', v_id, 'name', p_name,
                                  'config_hash', p_hash, 'fresh', false, 'reset', true);
    ELSE
        conflict := true;
        body := json_build_object(
            'success', false, 'query_id', v_id, 'name', p_name,
            'error', format('config_hash mismatch: operator chain changed for queryId %L. '
                            'Pass reset:true to wipe existing state, or use a new queryId.',
                            p_name));
    END IF;
END;
$$;

-- One streaming cycle, all or nothing: state operations scoped to (query, source partition),
-- sink pushes through queen.push_messages (dedup by transactionId applies), then the source
-- ack. Any failure rolls the whole cycle back and answers success:false with the error text
-- (push_results / state_ops_applied then show what had been done before the failure).
--
-- Cycles of one (query, partition) are serialised by the lock on its stream_versions row.
-- p_expect_version: refuse the cycle unless the partition's state is still at that version
-- (the client computed from it). p_cycle_id: a cycle sent again after its answer was lost is
-- answered success with replayed:true and not applied twice. Every applied cycle bumps the
-- version; answers to requests with either field report it as state_version (the others are
-- upstream's answers as they are).
CREATE FUNCTION queen.stream_cycle(
    p_query_id uuid, p_partition_id uuid, p_group text, p_release boolean, p_state_ops jsonb,
    p_queues text[], p_partitions text[], p_txn_ids text[], p_trace_ids uuid[],
    p_payloads jsonb[], p_encrypted boolean[], p_msg_ids uuid[], p_ack jsonb,
    p_expect_version bigint, p_cycle_id text)
RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
    v_queue text;
    v_applied integer := 0;
    v_push json := '[]'::json;
    v_ack json;
    v_buffered boolean;
    v_body json;
    v_bad text;
    v_msg record;
    v_cur record;
    v_status text;
    v_count bigint;
    v_lease text;
    v_version bigint;
    v_last_cycle text;
BEGIN
    SELECT q.name INTO v_queue FROM queen.partitions p JOIN queen.queues q ON q.id = p.queue_id
    WHERE p.id = p_partition_id;
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM queen.stream_queries WHERE id = p_query_id) THEN
            RAISE EXCEPTION 'Query not found: %', p_query_id;
        END IF;
        IF v_queue IS NULL THEN
            RAISE EXCEPTION 'Partition not found: %', p_partition_id;
        END IF;
        -- one cycle at a time per (query, partition): this row stays locked until commit
        INSERT INTO queen.stream_versions AS v (query_id, partition_id)
        VALUES (p_query_id, p_partition_id)
        ON CONFLICT (query_id, partition_id) DO UPDATE SET version = v.version
        RETURNING v.version, v.last_cycle_id INTO v_version, v_last_cycle;
        IF p_cycle_id IS NOT NULL AND v_last_cycle IS NOT DISTINCT FROM p_cycle_id THEN
            RETURN json_build_object('success', true, 'replayed', true,
                                     'query_id', p_query_id, 'partition_id', p_partition_id,
                                     'queueName', v_queue, 'state_ops_applied', 0,
                                     'push_results', json_build_array(), 'ack_result', NULL,
                                     'state_version', v_version);
        END IF;
        IF p_expect_version IS NOT NULL AND p_expect_version <> v_version THEN
            RAISE EXCEPTION 'state version mismatch: expected %, found %',
                p_expect_version, v_version;
        END IF;

        -- state operations, set-based: per key the last operation wins
        SELECT op->>'type' INTO v_bad
        FROM jsonb_array_elements(COALESCE(p_state_ops, '[]'::jsonb)) AS e(op)
        WHERE (op->>'type') IS DISTINCT FROM 'upsert' AND (op->>'type') IS DISTINCT FROM 'delete'
        LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION 'Unknown state_op type: %', COALESCE(v_bad, 'null');
        END IF;
        v_applied := COALESCE(jsonb_array_length(p_state_ops), 0);
        IF v_applied > 0 THEN
            WITH ops AS (
                SELECT DISTINCT ON (e.op->>'key') e.op->>'key' AS key, e.op->>'type' AS kind,
                       COALESCE(e.op->'value', '{}'::jsonb) AS value
                FROM jsonb_array_elements(p_state_ops) WITH ORDINALITY AS e(op, ord)
                ORDER BY e.op->>'key', e.ord DESC
            ),
            deleted AS (
                DELETE FROM queen.stream_state s
                USING ops
                WHERE ops.kind = 'delete' AND s.query_id = p_query_id
                  AND s.partition_id = p_partition_id AND s.key = ops.key
            )
            INSERT INTO queen.stream_state (query_id, partition_id, key, value)
            SELECT p_query_id, p_partition_id, ops.key, ops.value FROM ops
            WHERE ops.kind = 'upsert'
            ORDER BY ops.key
            ON CONFLICT (query_id, partition_id, key)
            DO UPDATE SET value = EXCLUDED.value, updated_at = now();
        END IF;

        IF COALESCE(array_length(p_queues, 1), 0) > 0 THEN
            SELECT buffered, body INTO v_buffered, v_body
            FROM queen.push_messages(p_queues, p_partitions, p_txn_ids, p_trace_ids, p_payloads,
                                     p_encrypted, p_msg_ids,
                                     array_fill(NULL::text, ARRAY[array_length(p_queues, 1)]));
            IF v_buffered THEN
                RAISE EXCEPTION 'Push maintenance mode is on: sink pushes are not accepted';
            END IF;
            v_push := COALESCE(v_body, '[]'::json);
        END IF;

        IF p_ack IS NOT NULL AND jsonb_typeof(p_ack) = 'object' THEN
            SELECT m.seq, m.id, m.created_at INTO v_msg FROM queen.messages m
            WHERE m.partition_id = p_partition_id AND m.transaction_id = p_ack->>'transactionId';
            IF NOT FOUND THEN
                RAISE EXCEPTION 'Message not found';
            END IF;
            SELECT c.worker_id, c.lease_expires_at INTO v_cur FROM queen.partition_consumers c
            WHERE c.partition_id = p_partition_id AND c.consumer_group = p_group FOR UPDATE;
            v_lease := COALESCE(p_ack->>'leaseId', '');
            IF v_lease <> '' AND NOT (v_cur.worker_id IS NOT DISTINCT FROM v_lease
                                      AND v_cur.lease_expires_at > now()) THEN
                RAISE EXCEPTION 'Invalid or expired lease';
            END IF;
            v_status := COALESCE(p_ack->>'status', 'completed');
            v_count := COALESCE((p_ack->>'count')::bigint, 1);
            IF v_status IN ('completed', 'success') THEN
                INSERT INTO queen.partition_consumers AS c
                    (partition_id, consumer_group, last_consumed_seq, last_consumed_id,
                     last_consumed_created_at, last_consumed_at, total_messages_consumed,
                     total_batches_consumed)
                VALUES (p_partition_id, p_group, v_msg.seq, v_msg.id, v_msg.created_at, now(),
                        v_count, 1)
                ON CONFLICT (partition_id, consumer_group) DO UPDATE
                    SET last_consumed_seq = EXCLUDED.last_consumed_seq,
                        last_consumed_id = EXCLUDED.last_consumed_id,
                        last_consumed_created_at = EXCLUDED.last_consumed_created_at,
                        last_consumed_at = EXCLUDED.last_consumed_at,
                        total_messages_consumed = c.total_messages_consumed + v_count,
                        total_batches_consumed = c.total_batches_consumed
                            + CASE WHEN p_release THEN 1 ELSE 0 END,
                        worker_id = CASE WHEN p_release THEN NULL ELSE c.worker_id END,
                        lease_expires_at = CASE WHEN p_release THEN NULL
                                                ELSE c.lease_expires_at END,
                        batch_size = CASE WHEN p_release THEN 0 ELSE c.batch_size END,
                        acked_count = CASE WHEN p_release THEN 0 ELSE c.acked_count END;
                v_ack := json_build_object('success', true, 'count', v_count,
                                           'lease_released', p_release, 'dlq', false);
            ELSIF v_status IN ('failed', 'dlq') THEN
                INSERT INTO queen.dead_letter_queue
                    (message_id, partition_id, transaction_id, consumer_group, error_message,
                     retry_count, original_created_at)
                VALUES (v_msg.id, p_partition_id, p_ack->>'transactionId', p_group,
                        COALESCE(p_ack->>'error', 'Streaming cycle reported failure'), 0,
                        v_msg.created_at);
                INSERT INTO queen.partition_consumers AS c
                    (partition_id, consumer_group, last_consumed_seq, last_consumed_id,
                     last_consumed_created_at, last_consumed_at)
                VALUES (p_partition_id, p_group, v_msg.seq, v_msg.id, v_msg.created_at, now())
                ON CONFLICT (partition_id, consumer_group) DO UPDATE
                    SET last_consumed_seq = EXCLUDED.last_consumed_seq,
                        last_consumed_id = EXCLUDED.last_consumed_id,
                        last_consumed_created_at = EXCLUDED.last_consumed_created_at,
                        last_consumed_at = EXCLUDED.last_consumed_at,
                        worker_id = NULL, lease_expires_at = NULL, batch_size = 0,
                        acked_count = 0;
                v_ack := json_build_object('success', true, 'count', 0,
                                           'lease_released', false, 'dlq', true);
            ELSE
                RAISE EXCEPTION 'Invalid ack status: %', v_status;
            END IF;
        END IF;

        UPDATE queen.stream_versions SET version = version + 1, last_cycle_id = p_cycle_id
         WHERE query_id = p_query_id AND partition_id = p_partition_id;
    EXCEPTION WHEN OTHERS THEN
        IF p_expect_version IS NULL AND p_cycle_id IS NULL THEN
            RETURN json_build_object('success', false, 'error', SQLERRM,
                                     'query_id', p_query_id, 'partition_id', p_partition_id,
                                     'queueName', v_queue, 'state_ops_applied', v_applied,
                                     'push_results', v_push, 'ack_result', NULL);
        END IF;
        RETURN json_build_object('success', false, 'error', SQLERRM,
                                 'query_id', p_query_id, 'partition_id', p_partition_id,
                                 'queueName', v_queue, 'state_ops_applied', v_applied,
                                 'push_results', v_push, 'ack_result', NULL,
                                 'state_version', v_version);
    END;
    IF p_expect_version IS NULL AND p_cycle_id IS NULL THEN  -- upstream's answer, as is
        RETURN json_build_object('success', true, 'query_id', p_query_id,
                                 'partition_id', p_partition_id, 'queueName', v_queue,
                                 'state_ops_applied', v_applied, 'push_results', v_push,
                                 'ack_result', v_ack);
    END IF;
    RETURN json_build_object('success', true, 'query_id', p_query_id,
                             'partition_id', p_partition_id, 'queueName', v_queue,
                             'state_ops_applied', v_applied, 'push_results', v_push,
                             'ack_result', v_ack, 'state_version', v_version + 1);
END;
$$;

-- Read a query's state on one partition, by key order: all keys, the listed ones, a prefix,
-- and/or only rows whose value.windowEnd is a number at or before p_ripe. With p_version,
-- also the partition's state version (0 before any cycle), read in the same snapshot as the
-- rows, for clients that keep state between cycles.
CREATE FUNCTION queen.stream_state_get(
    p_query_id uuid, p_partition_id uuid, p_keys text[], p_prefix text, p_ripe numeric,
    p_version boolean)
RETURNS json
LANGUAGE sql STABLE AS $$
    WITH rows AS (
        SELECT COALESCE(json_agg(json_build_object(
                   'key', s.key, 'value', s.value, 'updated_at', s.updated_at) ORDER BY s.key),
                   '[]'::json) AS rows
        FROM queen.stream_state s
        WHERE s.query_id = p_query_id AND s.partition_id = p_partition_id
          AND (COALESCE(array_length(p_keys, 1), 0) = 0 OR s.key = ANY (p_keys))
          AND (p_prefix IS NULL OR starts_with(s.key, p_prefix))
          AND (p_ripe IS NULL OR (jsonb_typeof(s.value->'windowEnd') = 'number'
                                  AND (s.value->>'windowEnd')::numeric <= p_ripe))
    )
    SELECT CASE WHEN p_version THEN
               json_build_object(
                   'success', true, 'rows', rows.rows,
                   'version', COALESCE((SELECT v.version FROM queen.stream_versions v
                                        WHERE v.query_id = p_query_id
                                          AND v.partition_id = p_partition_id), 0))
           ELSE json_build_object('success', true, 'rows', rows.rows)
           END
    FROM rows
$$;

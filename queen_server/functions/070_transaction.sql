-- Atomic acks and pushes (protocol §4.8). `p_ops` is the validated, flattened operation list:
--   {"type":"push","queue","partition","transactionId","traceId","payload","encrypted","messageId"}
--   {"type":"ack","transactionId","partitionId","status","consumerGroup","leaseId","error"}
--   {"type":<anything else>}
-- Everything runs in one subtransaction; any failure rolls all of it back and the answer says
-- which operations had been applied before the failing one.
CREATE FUNCTION queen.execute_transaction(p_ops jsonb)
RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
    v_tx_id uuid := gen_random_uuid();
    v_results jsonb := '[]'::jsonb;
    v_queues text[] := ARRAY[]::text[];
    op jsonb;
    v_idx bigint;
    v_type text;
    v_queue_id uuid;
    v_part record;
    v_msg record;
    v_cur record;
    v_found boolean;
    v_status text;
    v_lease text;
    v_group text;
    v_error text;
    v_now timestamptz := now();
BEGIN
    BEGIN
        FOR op, v_idx IN SELECT e.value, e.ordinality - 1 FROM jsonb_array_elements(p_ops)
                         WITH ORDINALITY AS e
        LOOP
            v_type := op->>'type';
            IF v_type = 'push' THEN
                PERFORM queen.ensure_queues(ARRAY[op->>'queue']);
                SELECT id INTO v_queue_id FROM queen.queues WHERE name = op->>'queue';
                -- the partition row lock serialises pushes to it (see push_messages)
                INSERT INTO queen.partitions AS p (queue_id, name, last_seq, last_message_at)
                VALUES (v_queue_id, op->>'partition', 1, clock_timestamp())
                ON CONFLICT (queue_id, name) DO UPDATE
                    SET last_seq = p.last_seq + 1,
                        last_message_at = greatest(p.last_message_at, clock_timestamp()),
                        last_activity = now()
                RETURNING p.id, p.last_seq, p.last_message_at INTO v_part;
                INSERT INTO queen.messages
                    (partition_id, seq, id, transaction_id, trace_id, payload, is_encrypted,
                     created_at)
                VALUES (v_part.id, v_part.last_seq, (op->>'messageId')::uuid,
                        op->>'transactionId', (op->>'traceId')::uuid, op->'payload',
                        COALESCE((op->>'encrypted')::boolean, false), v_part.last_message_at);
                v_queues := v_queues || (op->>'queue');
                v_results := v_results || jsonb_build_object(
                    'index', v_idx, 'type', 'push', 'success', true,
                    'transactionId', op->>'transactionId', 'messageId', op->>'messageId',
                    'partitionId', v_part.id, 'queueName', op->>'queue');
            ELSIF v_type = 'ack' THEN
                v_status := COALESCE(op->>'status', 'completed');
                v_lease := op->>'leaseId';
                v_group := COALESCE(op->>'consumerGroup', '__QUEUE_MODE__');
                SELECT m.seq, m.id, m.created_at, m.partition_id INTO v_msg
                FROM queen.messages m
                WHERE m.partition_id = (op->>'partitionId')::uuid
                  AND m.transaction_id = op->>'transactionId';
                IF NOT FOUND THEN
                    v_results := v_results || jsonb_build_object(
                        'index', v_idx, 'type', 'ack', 'success', false,
                        'transactionId', op->>'transactionId', 'error', 'Message not found',
                        'dlq', false);
                    RAISE EXCEPTION 'ACK operation failed: Message not found';
                END IF;
                SELECT c.worker_id, c.lease_expires_at, c.batch_size, c.acked_count INTO v_cur
                FROM queen.partition_consumers c
                WHERE c.partition_id = v_msg.partition_id AND c.consumer_group = v_group
                FOR UPDATE;
                v_found := FOUND;
                -- beyond upstream: a leased partition only takes acks carrying its lease
                IF (COALESCE(v_lease, '') <> ''
                    AND NOT (v_found AND v_cur.worker_id IS NOT DISTINCT FROM v_lease
                             AND v_cur.lease_expires_at > v_now))
                   OR (COALESCE(v_lease, '') = '' AND v_found AND v_cur.worker_id IS NOT NULL
                       AND v_cur.lease_expires_at > v_now) THEN
                    v_results := v_results || jsonb_build_object(
                        'index', v_idx, 'type', 'ack', 'success', false,
                        'transactionId', op->>'transactionId',
                        'error', 'Invalid or expired lease', 'dlq', false);
                    RAISE EXCEPTION 'ACK operation failed: Invalid or expired lease';
                END IF;
                IF v_status IN ('completed', 'success') THEN
                    IF v_found THEN
                        UPDATE queen.partition_consumers c
                           SET last_consumed_seq = v_msg.seq, last_consumed_id = v_msg.id,
                               last_consumed_created_at = v_msg.created_at,
                               last_consumed_at = v_now,
                               total_messages_consumed = c.total_messages_consumed + 1,
                               acked_count = CASE WHEN c.batch_size = 0
                                                    OR c.acked_count + 1 >= c.batch_size
                                                  THEN 0 ELSE c.acked_count + 1 END,
                               worker_id = CASE WHEN c.batch_size = 0
                                                  OR c.acked_count + 1 >= c.batch_size
                                                THEN NULL ELSE c.worker_id END,
                               lease_expires_at = CASE WHEN c.batch_size = 0
                                                         OR c.acked_count + 1 >= c.batch_size
                                                       THEN NULL ELSE c.lease_expires_at END,
                               total_batches_consumed = c.total_batches_consumed
                                   + CASE WHEN c.batch_size = 0
                                            OR c.acked_count + 1 >= c.batch_size
                                          THEN 1 ELSE 0 END,
                               batch_size = CASE WHEN c.batch_size = 0
                                                   OR c.acked_count + 1 >= c.batch_size
                                                 THEN 0 ELSE c.batch_size END
                         WHERE c.partition_id = v_msg.partition_id AND c.consumer_group = v_group;
                    ELSE
                        INSERT INTO queen.partition_consumers
                            (partition_id, consumer_group, last_consumed_seq, last_consumed_id,
                             last_consumed_created_at, last_consumed_at, total_messages_consumed,
                             total_batches_consumed)
                        VALUES (v_msg.partition_id, v_group, v_msg.seq, v_msg.id,
                                v_msg.created_at, v_now, 1, 1);
                    END IF;
                    v_results := v_results || jsonb_build_object(
                        'index', v_idx, 'type', 'ack', 'success', true,
                        'transactionId', op->>'transactionId', 'error', NULL, 'dlq', false);
                ELSIF v_status IN ('failed', 'dlq') THEN
                    v_error := COALESCE(op->>'error', 'Unknown error');
                    INSERT INTO queen.dead_letter_queue
                        (message_id, partition_id, transaction_id, consumer_group, error_message,
                         retry_count, original_created_at)
                    VALUES (v_msg.id, v_msg.partition_id, op->>'transactionId', v_group, v_error,
                            0, v_msg.created_at);
                    INSERT INTO queen.partition_consumers AS c
                        (partition_id, consumer_group, last_consumed_seq, last_consumed_id,
                         last_consumed_created_at, last_consumed_at)
                    VALUES (v_msg.partition_id, v_group, v_msg.seq, v_msg.id, v_msg.created_at,
                            v_now)
                    ON CONFLICT (partition_id, consumer_group) DO UPDATE
                        SET last_consumed_seq = EXCLUDED.last_consumed_seq,
                            last_consumed_id = EXCLUDED.last_consumed_id,
                            last_consumed_created_at = EXCLUDED.last_consumed_created_at,
                            last_consumed_at = EXCLUDED.last_consumed_at,
                            worker_id = NULL, lease_expires_at = NULL, batch_size = 0,
                            acked_count = 0;
                    v_results := v_results || jsonb_build_object(
                        'index', v_idx, 'type', 'ack', 'success', true,
                        'transactionId', op->>'transactionId', 'error', NULL, 'dlq', true);
                ELSE
                    v_results := v_results || jsonb_build_object(
                        'index', v_idx, 'type', 'ack', 'success', false,
                        'transactionId', op->>'transactionId', 'error', 'Unknown error',
                        'dlq', false);
                    RAISE EXCEPTION 'ACK operation failed: Unknown error';
                END IF;
            ELSE
                v_results := v_results || jsonb_build_object(
                    'index', v_idx, 'type', op->'type', 'success', false,
                    'error', 'Unknown operation type: ' || COALESCE(v_type, 'null'));
                RAISE EXCEPTION 'Unknown operation type: %', COALESCE(v_type, 'null');
            END IF;
        END LOOP;
    EXCEPTION WHEN OTHERS THEN
        RETURN json_build_object('transactionId', v_tx_id, 'success', false, 'error', SQLERRM,
                                 'results', v_results);
    END;
    PERFORM pg_notify('queen_push', qn) FROM (SELECT DISTINCT unnest(v_queues) AS qn) d;
    RETURN json_build_object('transactionId', v_tx_id, 'success', true, 'results', v_results);
END;
$$;

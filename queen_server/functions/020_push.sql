-- Push a batch: one call, one transaction.
--
-- Pushes to a partition are serialised by the partition row lock taken in step 2 and held to
-- commit; sequence numbers are allocated under it (step 3), so commits happen in seq order and
-- no consumer cursor can overtake a message that is still being written. Deduplication on
-- (partition, transactionId) is also decided under the lock, which makes it race-free.
CREATE OR REPLACE FUNCTION queen.push_messages(
    p_queues text[],
    p_partitions text[],
    p_txn_ids text[],
    p_trace_ids uuid[],
    p_payloads jsonb[],
    p_encrypted boolean[],
    p_msg_ids uuid[],
    p_producer_subs text[],
    OUT buffered boolean,
    OUT body json
)
LANGUAGE plpgsql
-- a plan cached for one batch size is a bad plan for another: plan every call
SET plan_cache_mode = force_custom_plan
AS $$
BEGIN
    -- 1. maintenance mode: park the items, the replay job writes them later
    IF queen.flag('maintenance_mode') THEN
        INSERT INTO queen.push_buffer
            (queue_name, partition_name, transaction_id, trace_id, payload, is_encrypted, producer_sub)
        SELECT u.q, u.p, u.t, u.tr, u.pl, u.e, u.s
        FROM unnest(p_queues, p_partitions, p_txn_ids, p_trace_ids, p_payloads, p_encrypted,
                    p_producer_subs) WITH ORDINALITY AS u(q, p, t, tr, pl, e, s, ord)
        ORDER BY u.ord;
        buffered := true;
        body := NULL;
        RETURN;
    END IF;
    buffered := false;

    -- 2. create what is missing and lock the partitions, always in the same order
    PERFORM queen.ensure_queues(p_queues);
    INSERT INTO queen.partitions AS p (queue_id, name)
    SELECT DISTINCT q.id, u.pname
    FROM unnest(p_queues, p_partitions) AS u(qname, pname)
    JOIN queen.queues q ON q.name = u.qname
    ORDER BY 1, 2
    ON CONFLICT (queue_id, name) DO UPDATE SET last_activity = now();

    -- 3. dedup, allocate seqs, insert, answer (every step is a single pass over the batch)
    WITH items AS (
        SELECT u.ord, u.qname, u.txn, u.trace, u.payload, u.enc, u.mid, u.sub, p.id AS pid,
               first_value(u.mid) OVER (PARTITION BY p.id, u.txn ORDER BY u.ord) AS first_mid,
               row_number() OVER (PARTITION BY p.id, u.txn ORDER BY u.ord) = 1 AS is_first,
               -- a per-row probe of the (partition, transactionId) unique index; a join here
               -- lets a statistics-less planner scan the partition instead
               (SELECT m.id FROM queen.messages m
                 WHERE m.partition_id = p.id AND m.transaction_id = u.txn) AS existing_id
        FROM unnest(p_queues, p_partitions, p_txn_ids, p_trace_ids, p_payloads, p_encrypted,
                    p_msg_ids, p_producer_subs)
             WITH ORDINALITY AS u(qname, pname, txn, trace, payload, enc, mid, sub, ord)
        JOIN queen.queues q ON q.name = u.qname
        JOIN queen.partitions p ON p.queue_id = q.id AND p.name = u.pname
    ),
    fresh AS (
        SELECT i.*,
               row_number() OVER (PARTITION BY i.pid ORDER BY i.ord) AS rn,
               count(*) OVER (PARTITION BY i.pid) AS cnt
        FROM items i
        WHERE i.is_first AND i.existing_id IS NULL
    ),
    alloc AS (
        UPDATE queen.partitions p
           SET last_seq = p.last_seq + c.cnt,
               last_message_at = greatest(p.last_message_at, clock_timestamp())
          FROM (SELECT pid, max(cnt) AS cnt FROM fresh GROUP BY pid) c
         WHERE p.id = c.pid
        RETURNING p.id, p.last_seq, p.last_message_at
    ),
    ins AS (
        INSERT INTO queen.messages
            (partition_id, seq, id, transaction_id, trace_id, payload, is_encrypted, producer_sub,
             created_at)
        SELECT f.pid, a.last_seq - f.cnt + f.rn, f.mid, f.txn, f.trace, f.payload, f.enc, f.sub,
               a.last_message_at
        FROM fresh f JOIN alloc a ON a.id = f.pid
        ORDER BY f.pid, f.rn
        RETURNING 1
    )
    SELECT json_agg(
        CASE WHEN i.is_first AND i.existing_id IS NULL THEN
            json_build_object('index', i.ord - 1, 'transaction_id', i.txn, 'status', 'queued',
                              'message_id', i.mid, 'partition_id', i.pid, 'trace_id', i.trace,
                              'queueName', i.qname)
        ELSE
            json_build_object('index', i.ord - 1, 'transaction_id', i.txn, 'status', 'duplicate',
                              'message_id', COALESCE(i.existing_id, i.first_mid),
                              'queueName', i.qname)
        END ORDER BY i.ord)
    INTO body
    FROM items i;

    -- wake long-polling consumers (delivered at commit, to every server process)
    PERFORM pg_notify('queen_push', qn) FROM (SELECT DISTINCT unnest(p_queues) AS qn) d;
END;
$$;

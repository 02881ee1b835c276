-- Push a batch: one call, one transaction.
--
-- The caller groups the items by (queue, partition): p_queues, p_partitions and p_counts have
-- one element per group, the other arrays one per item, with p_groups naming the item's group
-- (1-based) and p_ranks its position within the group (1-based, in request order).
--
-- Pushes to a partition are serialised by the partition row lock, taken by the upsert that
-- also allocates the group's sequence numbers and held to commit, so commits happen in seq
-- order and no consumer cursor can overtake a message that is still being written.
-- Deduplication on (partition, transactionId) is decided under the same lock, which makes it
-- race-free: the common case (no duplicate) inserts the whole batch at once; a unique
-- violation rolls that attempt back and the batch is written again item by item class
-- (first of its transactionId and not stored yet → queued, otherwise → duplicate).
--
-- Every statement is shaped so that its plan does not depend on table statistics (index
-- probes and joins of the small per-call arrays only), so PL/pgSQL's cached generic plans are
-- safe for every batch size.
--
-- Answer: partition_ids (per group) and the duplicates as (0-based item index, id of the
-- message already stored); the caller knows everything else of the answer.
DROP FUNCTION IF EXISTS queen.push_messages(
    text[], text[], text[], uuid[], jsonb[], boolean[], uuid[], text[]);

-- The slow path of push_messages, for batches with duplicates: lock the partitions, then
-- decide every item under the locks (the first item of its transactionId that is not stored
-- yet is queued, every other one is a duplicate of the stored or the first message), then
-- allocate exactly as many seqs as there are messages to insert.
CREATE OR REPLACE FUNCTION queen.push_messages_dedup(
    p_queues text[],
    p_partitions text[],
    p_groups integer[],
    p_txn_ids text[],
    p_trace_ids uuid[],
    p_payloads jsonb[],
    p_encrypted boolean[],
    p_msg_ids uuid[],
    p_producer_subs text[],
    OUT partition_ids uuid[],
    OUT dup_items integer[],
    OUT dup_ids uuid[]
)
LANGUAGE plpgsql
AS $$
BEGIN
    WITH locked AS (
        INSERT INTO queen.partitions AS p (queue_id, name, last_activity)
        SELECT (SELECT q.id FROM queen.queues q WHERE q.name = g.qname), g.pname, now()
        FROM unnest(p_queues, p_partitions) AS g(qname, pname)
        ORDER BY 1, 2
        ON CONFLICT (queue_id, name) DO UPDATE SET last_activity = EXCLUDED.last_activity
        RETURNING p.id, p.queue_id, p.name
    )
    SELECT array_agg(l.id ORDER BY g.ord) INTO partition_ids
    FROM unnest(p_queues, p_partitions) WITH ORDINALITY AS g(qname, pname, ord)
    JOIN locked l ON l.name = g.pname
                 AND l.queue_id = (SELECT q.id FROM queen.queues q WHERE q.name = g.qname);

    WITH items AS (
        SELECT u.ord, u.txn, u.trace, u.payload, u.enc, u.mid, u.sub,
               partition_ids[u.g] AS pid,
               first_value(u.mid) OVER (PARTITION BY u.g, u.txn ORDER BY u.ord) AS first_mid,
               row_number() OVER (PARTITION BY u.g, u.txn ORDER BY u.ord) = 1 AS is_first,
               -- a per-row probe of the (partition, transactionId) unique index
               (SELECT m.id FROM queen.messages m
                 WHERE m.partition_id = partition_ids[u.g] AND m.transaction_id = u.txn)
                 AS existing_id
        FROM unnest(p_groups, p_txn_ids, p_trace_ids, p_payloads, p_encrypted, p_msg_ids,
                    p_producer_subs)
             WITH ORDINALITY AS u(g, txn, trace, payload, enc, mid, sub, ord)
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
          FROM (SELECT f.pid, max(f.cnt) AS cnt FROM fresh f GROUP BY f.pid) c
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
    )
    SELECT array_agg((i.ord - 1)::integer ORDER BY i.ord),
           array_agg(COALESCE(i.existing_id, i.first_mid) ORDER BY i.ord)
    INTO dup_items, dup_ids
    FROM items i
    WHERE NOT (i.is_first AND i.existing_id IS NULL);
END;
$$;

CREATE OR REPLACE FUNCTION queen.push_messages(
    p_queues text[],
    p_partitions text[],
    p_counts integer[],
    p_groups integer[],
    p_ranks integer[],
    p_txn_ids text[],
    p_trace_ids uuid[],
    p_payloads jsonb[],
    p_encrypted boolean[],
    p_msg_ids uuid[],
    p_producer_subs text[],
    OUT buffered boolean,
    OUT partition_ids uuid[],
    OUT dup_items integer[],
    OUT dup_ids uuid[]
)
LANGUAGE plpgsql
AS $$
DECLARE
    v_constraint text;
BEGIN
    -- 1. maintenance mode: park the items, the replay job writes them later
    IF queen.flag('maintenance_mode') THEN
        INSERT INTO queen.push_buffer
            (queue_name, partition_name, transaction_id, trace_id, payload, is_encrypted, producer_sub)
        SELECT p_queues[u.g], p_partitions[u.g], u.t, u.tr, u.pl, u.e, u.s
        FROM unnest(p_groups, p_txn_ids, p_trace_ids, p_payloads, p_encrypted, p_producer_subs)
             WITH ORDINALITY AS u(g, t, tr, pl, e, s, ord)
        ORDER BY u.ord;
        buffered := true;
        RETURN;
    END IF;
    buffered := false;

    -- 2. create the queues that do not exist yet
    IF EXISTS (SELECT 1 FROM unnest(p_queues) AS n(name)
               WHERE NOT EXISTS (SELECT 1 FROM queen.queues q WHERE q.name = n.name)) THEN
        PERFORM queen.ensure_queues(p_queues);
    END IF;

    -- 3. fast path: lock the partitions (always in the same order) and allocate every item a
    --    seq in one upsert, then insert the whole batch; a duplicate aborts the attempt
    BEGIN
        WITH alloc AS (
            INSERT INTO queen.partitions AS p (queue_id, name, last_seq, last_message_at,
                                               last_activity)
            SELECT (SELECT q.id FROM queen.queues q WHERE q.name = g.qname), g.pname, g.cnt,
                   clock_timestamp(), now()
            FROM unnest(p_queues, p_partitions, p_counts) AS g(qname, pname, cnt)
            ORDER BY 1, 2
            ON CONFLICT (queue_id, name) DO UPDATE
               SET last_seq = p.last_seq + EXCLUDED.last_seq,
                   last_message_at = greatest(p.last_message_at, EXCLUDED.last_message_at),
                   last_activity = EXCLUDED.last_activity
            RETURNING p.id, p.queue_id, p.name, p.last_seq, p.last_message_at
        ),
        grp AS (
            SELECT g.ord, g.cnt, a.id, a.last_seq, a.last_message_at
            FROM unnest(p_queues, p_partitions, p_counts)
                 WITH ORDINALITY AS g(qname, pname, cnt, ord)
            JOIN alloc a ON a.name = g.pname
                        AND a.queue_id = (SELECT q.id FROM queen.queues q WHERE q.name = g.qname)
        ),
        ins AS (
            INSERT INTO queen.messages
                (partition_id, seq, id, transaction_id, trace_id, payload, is_encrypted,
                 producer_sub, created_at)
            SELECT g.id, g.last_seq - g.cnt + u.rnk, u.mid, u.txn, u.trace, u.payload, u.enc,
                   u.sub, g.last_message_at
            FROM unnest(p_groups, p_ranks, p_txn_ids, p_trace_ids, p_payloads, p_encrypted,
                        p_msg_ids, p_producer_subs)
                 WITH ORDINALITY AS u(grp, rnk, txn, trace, payload, enc, mid, sub, ord)
            JOIN grp g ON g.ord = u.grp
            ORDER BY u.ord
        )
        -- (a data-modifying WITH runs to completion whether or not it is read)
        SELECT array_agg(g.id ORDER BY g.ord) INTO partition_ids FROM grp g;
    EXCEPTION WHEN unique_violation THEN
        GET STACKED DIAGNOSTICS v_constraint = CONSTRAINT_NAME;
        IF v_constraint IS DISTINCT FROM 'messages_partition_transaction_unique' THEN
            RAISE;
        END IF;
        -- 4. slow path (some items are duplicates): everything above was rolled back; lock
        --    again, decide each item, allocate exact counts
        SELECT r.partition_ids, r.dup_items, r.dup_ids INTO partition_ids, dup_items, dup_ids
        FROM queen.push_messages_dedup(p_queues, p_partitions, p_groups, p_txn_ids,
                                       p_trace_ids, p_payloads, p_encrypted, p_msg_ids,
                                       p_producer_subs) r;
    END;
END;
$$;

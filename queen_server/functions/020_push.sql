-- Pushing messages: queen.push_batch (what the server calls, one call and one transaction per
-- request) and queen.push_messages (the same for SQL callers, with per-item arrays and
-- upstream's JSON answer).
--
-- Ordering: pushes to a partition are serialised by the partition row lock, taken by the
-- statement that also allocates the batch's sequence numbers and held to commit, so commits
-- happen in seq order and no consumer cursor can overtake a message still being written.
-- Dedup on (partition, transactionId) is decided under the same lock, so it is race-free.
--
-- Plans: every statement is an index probe or a join of the small per-call inputs, whatever
-- the table statistics say, so PL/pgSQL's cached generic plans fit every batch size.

-- The items of a push, one row each, from the JSON document the server sends:
--   {"txn": [transactionId, ...], "mid": [messageId, ...], "payload": [payload, ...],
--    and where not all defaults: "trace": [traceId|null, ...], "enc": [bool, ...],
--    "sub": [producerSub|null, ...], "group": [1-based group, ...] (default 1),
--    "rank": [1-based position within the group, ...] (default: position in the batch)}
-- One JSON text is much cheaper to send than a dozen typed arrays: asyncpg encodes array
-- elements one at a time, orjson writes the whole document in one call.
-- (An SQL function the planner inlines into the calling query.)
CREATE FUNCTION queen.push_items(p_items jsonb)
RETURNS TABLE (ord bigint, grp integer, rnk integer, txn text, mid uuid, payload jsonb,
               trace uuid, enc boolean, sub text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT u.ord, COALESCE(u.grp::integer, 1), COALESCE(u.rnk::integer, u.ord::integer),
           u.txn, u.mid::uuid, u.payload, u.trace::uuid, COALESCE(u.enc::boolean, false), u.sub
    FROM ROWS FROM (
        jsonb_array_elements_text(p_items -> 'txn'),
        jsonb_array_elements_text(p_items -> 'mid'),
        jsonb_array_elements(p_items -> 'payload'),
        jsonb_array_elements_text(p_items -> 'trace'),
        jsonb_array_elements_text(p_items -> 'enc'),
        jsonb_array_elements_text(p_items -> 'sub'),
        jsonb_array_elements_text(p_items -> 'group'),
        jsonb_array_elements_text(p_items -> 'rank')
    ) WITH ORDINALITY AS u(txn, mid, payload, trace, enc, sub, grp, rnk, ord)
$$;

-- The slow path of push_batch, for batches with duplicates: lock the partitions (always in
-- the same order), decide every item under the locks (the first item of its transactionId
-- that is not stored yet is queued, every other one duplicates the stored or the first
-- message), then allocate exactly as many seqs as there are messages to insert.
CREATE FUNCTION queen.push_batch_dedup(
    p_queues text[],
    p_partitions text[],
    p_items jsonb,
    OUT partition_ids uuid[],
    OUT dup_items integer[],
    OUT dup_ids uuid[]
)
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM queen.ensure_queues(p_queues);
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
        SELECT u.*, partition_ids[u.grp] AS pid,
               first_value(u.mid) OVER (PARTITION BY u.grp, u.txn ORDER BY u.ord) AS first_mid,
               row_number() OVER (PARTITION BY u.grp, u.txn ORDER BY u.ord) = 1 AS is_first,
               -- a per-row probe of the (partition, transactionId) unique index
               (SELECT m.id FROM queen.messages m
                 WHERE m.partition_id = partition_ids[u.grp] AND m.transaction_id = u.txn)
                 AS existing_id
        FROM queen.push_items(p_items) u
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

-- Push a batch. The caller groups the items by (queue, partition): p_queues, p_partitions and
-- p_counts have one element per group, in the order the groups first appear; p_items is the
-- document described at queen.push_items.
-- Answer: buffered (parked in maintenance mode), else the partition id of each group and the
-- duplicates as (0-based item index, id of the message it duplicates); the caller knows the
-- rest of the answer.
CREATE FUNCTION queen.push_batch(
    p_queues text[],
    p_partitions text[],
    p_counts integer[],
    p_items jsonb,
    OUT buffered boolean,
    OUT partition_ids uuid[],
    OUT dup_items integer[],
    OUT dup_ids uuid[]
)
LANGUAGE plpgsql
AS $$
DECLARE
    v_pid uuid;
    v_last bigint;
    v_at timestamptz;
BEGIN
    -- 1. maintenance mode: park the items, the replay job writes them later
    IF EXISTS (SELECT 1 FROM queen.system_state
               WHERE key = 'maintenance_mode' AND value = 'true'::jsonb) THEN
        INSERT INTO queen.push_buffer
            (queue_name, partition_name, transaction_id, trace_id, payload, is_encrypted, producer_sub)
        SELECT p_queues[u.grp], p_partitions[u.grp], u.txn, u.trace, u.payload, u.enc, u.sub
        FROM queen.push_items(p_items) u
        ORDER BY u.ord;
        buffered := true;
        RETURN;
    END IF;
    buffered := false;

    -- 2. lock each partition and allocate its seqs in one statement, then insert the batch
    --    at once: the unique index finds any duplicate and the insert is rolled back (one
    --    subtransaction per batch, cheaper than looking each item up first). A batch with
    --    duplicates takes the slow path.
    IF cardinality(p_queues) = 1 THEN
        -- one partition (the usual case): holding one lock, no lock order to keep
        UPDATE queen.partitions p
           SET last_seq = p.last_seq + p_counts[1],
               last_message_at = greatest(p.last_message_at, clock_timestamp()),
               last_activity = now()
         WHERE p.queue_id = (SELECT q.id FROM queen.queues q WHERE q.name = p_queues[1])
           AND p.name = p_partitions[1]
        RETURNING p.id, p.last_seq, p.last_message_at INTO v_pid, v_last, v_at;
        IF NOT FOUND THEN
            PERFORM queen.ensure_queues(p_queues);
            INSERT INTO queen.partitions AS p (queue_id, name, last_seq, last_message_at,
                                               last_activity)
            VALUES ((SELECT q.id FROM queen.queues q WHERE q.name = p_queues[1]),
                    p_partitions[1], p_counts[1], clock_timestamp(), now())
            ON CONFLICT (queue_id, name) DO UPDATE
               SET last_seq = p.last_seq + EXCLUDED.last_seq,
                   last_message_at = greatest(p.last_message_at, EXCLUDED.last_message_at),
                   last_activity = EXCLUDED.last_activity
            RETURNING p.id, p.last_seq, p.last_message_at INTO v_pid, v_last, v_at;
        END IF;
        BEGIN
            INSERT INTO queen.messages
                (partition_id, seq, id, transaction_id, trace_id, payload, is_encrypted,
                 producer_sub, created_at)
            SELECT v_pid, v_last - p_counts[1] + u.rnk, u.mid, u.txn, u.trace, u.payload,
                   u.enc, u.sub, v_at
            FROM queen.push_items(p_items) u;  -- already in order: no sort
            partition_ids := ARRAY[v_pid];
            RETURN;
        EXCEPTION WHEN unique_violation THEN
            -- a duplicate: give the seqs back (the lock is still held: nobody allocated since)
            UPDATE queen.partitions SET last_seq = v_last - p_counts[1] WHERE id = v_pid;
        END;
    ELSE
        IF EXISTS (SELECT 1 FROM unnest(p_queues) AS n(name)
                   WHERE NOT EXISTS (SELECT 1 FROM queen.queues q WHERE q.name = n.name))
        THEN
            PERFORM queen.ensure_queues(p_queues);
        END IF;
        -- several partitions: allocate and insert in one statement; a duplicate rolls it all
        -- back (partitions made and locks taken included)
        BEGIN
            WITH alloc AS (
                -- locks in (queue, partition) order, whatever order the request had
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
                JOIN alloc a
                  ON a.name = g.pname
                 AND a.queue_id = (SELECT q.id FROM queen.queues q WHERE q.name = g.qname)
            ),
            ins AS (
                INSERT INTO queen.messages
                    (partition_id, seq, id, transaction_id, trace_id, payload, is_encrypted,
                     producer_sub, created_at)
                SELECT g.id, g.last_seq - g.cnt + u.rnk, u.mid, u.txn, u.trace, u.payload,
                       u.enc, u.sub, g.last_message_at
                FROM queen.push_items(p_items) u
                JOIN grp g ON g.ord = u.grp
                ORDER BY u.ord
            )
            -- (a data-modifying WITH runs to completion whether or not it is read)
            SELECT array_agg(g.id ORDER BY g.ord) INTO partition_ids FROM grp g;
            RETURN;
        EXCEPTION WHEN unique_violation THEN
            NULL;
        END;
    END IF;
    -- 3. slow path: duplicates found; it locks the partitions (again: locks already held
    --    are kept) and decides every item
    SELECT r.partition_ids, r.dup_items, r.dup_ids INTO partition_ids, dup_items, dup_ids
    FROM queen.push_batch_dedup(p_queues, p_partitions, p_items) r;
END;
$$;

-- queen.push_batch for SQL callers: per-item arrays in, upstream's push answer out (the body
-- is NULL when the items were parked), and consumers are woken at commit. Message ids are
-- the caller's; p_producer_subs may be NULL.
CREATE FUNCTION queen.push_messages(
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
AS $$
DECLARE
    v_queues text[];
    v_partitions text[];
    v_counts integer[];
    v_items jsonb;
    r record;
BEGIN
    WITH u AS (
        SELECT u.q, u.p, u.ord FROM unnest(p_queues, p_partitions) WITH ORDINALITY AS u(q, p, ord)
    ),
    g AS (
        SELECT u.q, u.p, count(*)::integer AS cnt, row_number() OVER (ORDER BY min(u.ord)) AS gi
        FROM u GROUP BY u.q, u.p
    ),
    items AS (
        SELECT u.ord, g.gi, row_number() OVER (PARTITION BY g.gi ORDER BY u.ord) AS rn
        FROM u JOIN g ON g.q = u.q AND g.p = u.p
    )
    SELECT (SELECT array_agg(g.q ORDER BY g.gi) FROM g),
           (SELECT array_agg(g.p ORDER BY g.gi) FROM g),
           (SELECT array_agg(g.cnt ORDER BY g.gi) FROM g),
           jsonb_build_object(
               'txn', to_jsonb(p_txn_ids), 'mid', to_jsonb(p_msg_ids),
               'payload', to_jsonb(p_payloads), 'trace', to_jsonb(p_trace_ids),
               'enc', to_jsonb(p_encrypted), 'sub', to_jsonb(p_producer_subs),
               'group', (SELECT jsonb_agg(i.gi ORDER BY i.ord) FROM items i),
               'rank', (SELECT jsonb_agg(i.rn ORDER BY i.ord) FROM items i))
    INTO v_queues, v_partitions, v_counts, v_items;

    SELECT * INTO r FROM queen.push_batch(v_queues, v_partitions, v_counts, v_items);
    buffered := r.buffered;
    IF buffered THEN
        body := NULL;
        RETURN;
    END IF;
    SELECT json_agg(
        CASE WHEN d.idx IS NULL THEN
            json_build_object('index', u.ord - 1, 'transaction_id', u.txn, 'status', 'queued',
                              'message_id', u.mid, 'partition_id', r.partition_ids[u.grp],
                              'trace_id', u.trace, 'queueName', v_queues[u.grp])
        ELSE
            json_build_object('index', u.ord - 1, 'transaction_id', u.txn, 'status', 'duplicate',
                              'message_id', d.existing, 'queueName', v_queues[u.grp])
        END ORDER BY u.ord)
    INTO body
    FROM queen.push_items(v_items) u
    LEFT JOIN unnest(r.dup_items, r.dup_ids) AS d(idx, existing) ON d.idx = u.ord - 1;
    PERFORM pg_notify('queen_push', n.name) FROM (SELECT DISTINCT unnest(v_queues)) AS n(name);
END;
$$;

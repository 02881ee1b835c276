-- The usual acknowledgement, set-based: every item 'completed' (or 'success'), and for every
-- (partition, group) a live lease that every found item names, with room for all of them
-- in the leased batch. The cursor row is exactly what queen.ack_messages' item-by-item walk
-- would make of it, and so is the answer the server words from what this returns:
--   {"items": one character per item: '0' not found, '1' acknowledged, '2' acknowledged
--             and its lease released with it,
--    "names": {partition id: [queue name, partition name]} for the partitions that exist}.
-- NULL (nothing changed) when the batch is not of that kind: queen.ack_messages walks it.
CREATE FUNCTION queen.ack_completed(
    p_txn_ids text[],
    p_partition_ids uuid[],
    p_groups text[],
    p_lease_ids text[])
RETURNS json
LANGUAGE plpgsql
AS $$
DECLARE
    v_now timestamptz := now();
    v_seq bigint[];
    v_mid uuid[];
    v_at timestamptz[];
    -- the (partition, group, seq) of each ack that ends its lease
    v_rel_pid uuid[] := ARRAY[]::uuid[];
    v_rel_grp text[] := ARRAY[]::text[];
    v_rel_seq bigint[] := ARRAY[]::bigint[];
    g record;
    c record;
BEGIN
    SELECT array_agg(m.seq ORDER BY u.ord), array_agg(m.id ORDER BY u.ord),
           array_agg(m.created_at ORDER BY u.ord)
      INTO v_seq, v_mid, v_at
      FROM unnest(p_txn_ids, p_partition_ids) WITH ORDINALITY AS u(txn, pid, ord)
      -- lateral with a limit: never flattened into a join (which the planner may turn into a
      -- scan of the whole table), always a probe of the (transactionId, partition) index
      LEFT JOIN LATERAL (
          SELECT mm.seq, mm.id, mm.created_at FROM queen.messages mm
          WHERE mm.partition_id = u.pid AND mm.transaction_id = u.txn LIMIT 1) m ON true;

    -- decide every group before changing anything
    FOR g IN
        SELECT u.pid, u.grp, count(u.seq) AS n, count(DISTINCT u.seq) AS n_distinct,
               bool_and(COALESCE(u.lease, '') <> '') FILTER (WHERE u.seq IS NOT NULL) AS leased,
               min(u.lease) FILTER (WHERE u.seq IS NOT NULL) AS lease_min,
               max(u.lease) FILTER (WHERE u.seq IS NOT NULL) AS lease_max,
               max(u.seq) AS last_seq
        FROM unnest(p_partition_ids, p_groups, p_lease_ids, v_seq) AS u(pid, grp, lease, seq)
        GROUP BY u.pid, u.grp
        ORDER BY u.pid, u.grp
    LOOP
        SELECT cc.worker_id, cc.lease_expires_at, cc.batch_size, cc.acked_count INTO c
          FROM queen.partition_consumers cc
         WHERE cc.partition_id = g.pid AND cc.consumer_group = g.grp
         FOR UPDATE;
        IF g.n = 0 THEN
            CONTINUE;  -- only unknown messages: answered without touching the cursor
        END IF;
        IF NOT FOUND OR g.n <> g.n_distinct OR NOT g.leased OR g.lease_min <> g.lease_max
           OR c.worker_id IS NULL OR c.lease_expires_at IS NULL OR c.lease_expires_at <= v_now
           OR c.worker_id <> g.lease_min OR c.batch_size <= 0
           OR c.acked_count + g.n > c.batch_size THEN
            RETURN NULL;
        END IF;
        IF c.acked_count + g.n = c.batch_size THEN
            v_rel_pid := v_rel_pid || g.pid;
            v_rel_grp := v_rel_grp || g.grp;
            v_rel_seq := v_rel_seq || g.last_seq;
        END IF;
    END LOOP;

    UPDATE queen.partition_consumers cc
       SET last_consumed_seq = s.last_seq, last_consumed_id = v_mid[s.last_ord],
           last_consumed_created_at = v_at[s.last_ord],
           total_messages_consumed = cc.total_messages_consumed + s.n,
           last_consumed_at = v_now,
           acked_count = CASE WHEN cc.acked_count + s.n >= cc.batch_size THEN 0
                              ELSE cc.acked_count + s.n END,
           worker_id = CASE WHEN cc.acked_count + s.n >= cc.batch_size THEN NULL
                            ELSE cc.worker_id END,
           lease_expires_at = CASE WHEN cc.acked_count + s.n >= cc.batch_size THEN NULL
                                   ELSE cc.lease_expires_at END,
           batch_retry_count = CASE WHEN cc.acked_count + s.n >= cc.batch_size THEN 0
                                    ELSE cc.batch_retry_count END,
           total_batches_consumed = cc.total_batches_consumed
               + CASE WHEN cc.acked_count + s.n >= cc.batch_size THEN 1 ELSE 0 END
      FROM (SELECT u.pid, u.grp, count(*) AS n, max(u.seq) AS last_seq,
                   (array_agg(u.ord ORDER BY u.seq DESC))[1] AS last_ord
            FROM unnest(p_partition_ids, p_groups, v_seq) WITH ORDINALITY AS u(pid, grp, seq, ord)
            WHERE u.seq IS NOT NULL
            GROUP BY u.pid, u.grp) s
     WHERE cc.partition_id = s.pid AND cc.consumer_group = s.grp;

    -- the server words the answer (cheaper there than text built here, row by row); names
    -- once per partition (an = ANY probe looks each distinct id up once)
    RETURN json_build_object(
        'items', (SELECT string_agg(CASE WHEN u.seq IS NULL THEN '0'
                                         WHEN r.seq IS NOT NULL THEN '2' ELSE '1' END,
                                    '' ORDER BY u.ord)
                  FROM unnest(p_partition_ids, p_groups, v_seq)
                       WITH ORDINALITY AS u(pid, grp, seq, ord)
                  LEFT JOIN unnest(v_rel_pid, v_rel_grp, v_rel_seq) AS r(pid, grp, seq)
                         ON r.pid = u.pid AND r.grp = u.grp AND r.seq = u.seq),
        'names', (SELECT json_object_agg(p.id, json_build_array(q.name, p.name))
                  FROM queen.partitions p JOIN queen.queues q ON q.id = p.queue_id
                  WHERE p.id = ANY (p_partition_ids)));
END;
$$;

-- Acknowledge a batch (protocol §4.5, §4.6). Items are applied in (partition, group, message
-- order); the cursor row of each (partition, group) is locked once, its state is carried in
-- variables while that group's items are applied, and written back once.
-- `p_errors` NULL elements mean "no error text given" (dead letters then say 'Retries exhausted').
--
-- Beyond upstream: while the (partition, group) is leased, an ack must carry that lease's id
-- (an ack without one would free the owner's lease and move the cursor for it); and retries
-- are counted per message (`retry_seq` names the message `batch_retry_count` belongs to), so
-- one poison message does not spend the next one's retries.
CREATE FUNCTION queen.ack_messages(
    p_txn_ids text[],
    p_partition_ids uuid[],
    p_statuses text[],
    p_groups text[],
    p_lease_ids text[],
    p_errors text[])
RETURNS text
LANGUAGE plpgsql
AS $$
DECLARE
    v_now timestamptz := now();
    r record;
    cur_pid uuid;
    cur_grp text;
    have_cur boolean := false;
    s_found boolean := false;
    s_dirty boolean := false;
    s_seq bigint;
    s_id uuid;
    s_created timestamptz;
    s_total bigint;
    s_batches bigint;
    s_consumed_at timestamptz;
    s_worker text;
    s_expires timestamptz;
    s_batch_size integer;
    s_acked integer;
    s_retry integer;
    s_retry_seq bigint;
    v_tries integer;
    v_leased boolean;
    v_ok boolean;
    v_err text;
    v_released boolean;
    v_dlq boolean;
    v_status text;
    res_ord bigint[] := ARRAY[]::bigint[];
    res_ok boolean[] := ARRAY[]::boolean[];
    res_err text[] := ARRAY[]::text[];
    res_rel boolean[] := ARRAY[]::boolean[];
    res_dlq boolean[] := ARRAY[]::boolean[];
    res_q text[] := ARRAY[]::text[];
    res_p text[] := ARRAY[]::text[];
    res_t text[] := ARRAY[]::text[];
BEGIN
    FOR r IN
        SELECT u.ord, u.txn, u.pid, u.st, u.grp, u.lease, u.err,
               m.seq, m.id AS mid, m.created_at AS mcreated,
               p.name AS pname, q.name AS qname, q.retry_limit
        FROM unnest(p_txn_ids, p_partition_ids, p_statuses, p_groups, p_lease_ids, p_errors)
             WITH ORDINALITY AS u(txn, pid, st, grp, lease, err, ord)
        -- lateral with a limit: always a probe of the (transactionId, partition) index
        LEFT JOIN LATERAL (
            SELECT mm.seq, mm.id, mm.created_at FROM queen.messages mm
            WHERE mm.partition_id = u.pid AND mm.transaction_id = u.txn LIMIT 1) m ON true
        LEFT JOIN queen.partitions p ON p.id = u.pid
        LEFT JOIN queen.queues q ON q.id = p.queue_id
        ORDER BY u.pid, u.grp, m.seq NULLS LAST, u.ord
    LOOP
        IF NOT have_cur OR cur_pid <> r.pid OR cur_grp <> r.grp THEN
            IF have_cur AND s_found AND s_dirty THEN
                UPDATE queen.partition_consumers
                   SET last_consumed_seq = s_seq, last_consumed_id = s_id,
                       last_consumed_created_at = s_created,
                       total_messages_consumed = s_total, total_batches_consumed = s_batches,
                       last_consumed_at = s_consumed_at, worker_id = s_worker,
                       lease_expires_at = s_expires, batch_size = s_batch_size,
                       acked_count = s_acked, batch_retry_count = s_retry, retry_seq = s_retry_seq
                 WHERE partition_id = cur_pid AND consumer_group = cur_grp;
            END IF;
            cur_pid := r.pid;
            cur_grp := r.grp;
            have_cur := true;
            s_dirty := false;
            SELECT c.last_consumed_seq, c.last_consumed_id, c.last_consumed_created_at,
                   c.total_messages_consumed, c.total_batches_consumed, c.last_consumed_at,
                   c.worker_id, c.lease_expires_at, c.batch_size, c.acked_count,
                   c.batch_retry_count, c.retry_seq
              INTO s_seq, s_id, s_created, s_total, s_batches, s_consumed_at, s_worker,
                   s_expires, s_batch_size, s_acked, s_retry, s_retry_seq
              FROM queen.partition_consumers c
             WHERE c.partition_id = r.pid AND c.consumer_group = r.grp
             FOR UPDATE;
            s_found := FOUND;
        END IF;

        v_ok := true;
        v_err := NULL;
        v_released := false;
        v_dlq := false;
        v_status := CASE WHEN r.st = 'success' THEN 'completed' ELSE r.st END;
        v_leased := s_found AND s_worker IS NOT NULL AND s_expires IS NOT NULL
                    AND s_expires > v_now;

        IF r.seq IS NULL THEN
            v_ok := false;
            v_err := 'Message not found';
        ELSIF (COALESCE(r.lease, '') <> '' AND NOT (v_leased AND s_worker = r.lease))
              OR (COALESCE(r.lease, '') = '' AND v_leased) THEN
            v_ok := false;
            v_err := 'Invalid or expired lease';
        ELSIF v_status = 'completed' THEN
            IF s_found THEN
                s_seq := r.seq; s_id := r.mid; s_created := r.mcreated;
                s_total := s_total + 1;
                s_acked := s_acked + 1;
                s_consumed_at := v_now;
                IF s_batch_size > 0 AND s_acked >= s_batch_size THEN
                    s_worker := NULL; s_expires := NULL;
                    s_acked := 0; s_retry := 0;
                    s_batches := s_batches + 1;
                END IF;
                s_dirty := true;
                v_released := s_expires IS NULL;
            ELSE
                v_released := NULL;
            END IF;
        ELSIF v_status = 'retry' THEN
            IF s_found THEN
                s_worker := NULL; s_expires := NULL; s_batch_size := 0; s_acked := 0;
                s_dirty := true;
                v_released := true;
            ELSE
                v_released := NULL;
            END IF;
        ELSIF v_status IN ('failed', 'dlq') THEN
            -- the retries this message has had (a count kept for another message is not its)
            v_tries := CASE WHEN s_found AND s_retry_seq = r.seq THEN s_retry ELSE 0 END;
            IF v_status = 'failed' AND s_found AND v_tries < r.retry_limit THEN
                -- retry: the whole rest of the batch comes back on the next claim
                IF s_expires IS NOT NULL AND s_expires > v_now THEN
                    s_retry := v_tries + 1;
                    s_retry_seq := r.seq;
                    s_worker := NULL; s_expires := NULL; s_batch_size := 0; s_acked := 0;
                    s_dirty := true;
                END IF;
                v_released := true;
            ELSE
                INSERT INTO queen.dead_letter_queue
                    (message_id, partition_id, transaction_id, consumer_group, error_message,
                     retry_count, original_created_at)
                VALUES (r.mid, r.pid, r.txn, r.grp, COALESCE(r.err, 'Retries exhausted'),
                        v_tries, r.mcreated);
                IF s_found AND s_retry_seq = r.seq THEN
                    s_retry := 0; s_retry_seq := NULL;
                END IF;
                IF s_found THEN
                    s_seq := r.seq; s_id := r.mid; s_created := r.mcreated;
                    s_acked := s_acked + 1;
                    s_consumed_at := v_now;
                    IF s_batch_size > 0 AND s_acked >= s_batch_size THEN
                        s_worker := NULL; s_expires := NULL; s_acked := 0;
                        s_batches := s_batches + 1;
                    END IF;
                    s_dirty := true;
                END IF;
                v_dlq := true;
                v_released := false;
            END IF;
        ELSE
            v_ok := false;
            v_err := NULL;
        END IF;

        res_ord := res_ord || r.ord;
        res_ok := res_ok || v_ok;
        res_err := res_err || v_err;
        res_rel := res_rel || v_released;
        res_dlq := res_dlq || v_dlq;
        res_q := res_q || r.qname;
        res_p := res_p || r.pname;
        res_t := res_t || r.txn;
    END LOOP;

    IF have_cur AND s_found AND s_dirty THEN
        UPDATE queen.partition_consumers
           SET last_consumed_seq = s_seq, last_consumed_id = s_id,
               last_consumed_created_at = s_created,
               total_messages_consumed = s_total, total_batches_consumed = s_batches,
               last_consumed_at = s_consumed_at, worker_id = s_worker,
               lease_expires_at = s_expires, batch_size = s_batch_size,
               acked_count = s_acked, batch_retry_count = s_retry, retry_seq = s_retry_seq
         WHERE partition_id = cur_pid AND consumer_group = cur_grp;
    END IF;

    RETURN COALESCE((
        SELECT json_agg(json_build_object(
                   'index', a.ord - 1, 'transactionId', a.t, 'success', a.ok, 'error', a.err,
                   'queueName', a.q, 'partitionName', a.p, 'leaseReleased', a.rel, 'dlq', a.dlq)
               ORDER BY a.ord)
        FROM unnest(res_ord, res_ok, res_err, res_rel, res_dlq, res_q, res_p, res_t)
             AS a(ord, ok, err, rel, dlq, q, p, t)), '[]');
END;
$$;

-- One column of an ack document: a JSON array (one element per item), or one value that
-- every one of the n items shares (JSON null: SQL NULL).
-- (PL/pgSQL, not SQL: an SQL function with a subquery is not inlined, and is planned again in
-- every transaction that calls it; PL/pgSQL keeps the plan per session.)
CREATE FUNCTION queen.ack_column(p_column json, p_count integer)
RETURNS text[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
BEGIN
    IF json_typeof(p_column) = 'array' THEN
        RETURN ARRAY(SELECT json_array_elements_text(p_column));
    END IF;
    RETURN array_fill(p_column #>> '{}', ARRAY[p_count]);
END;
$$;

-- Acknowledge the items of one request, in the form the server sends: p_txns the JSON array
-- of transactionIds, p_columns {"pid": ..., "status": ..., "group": ..., "lease": ...,
-- "error": ...}, each either an array (one element per item, in request order) or the one
-- value every item shares (the usual ack names one partition, one lease, one group and one
-- status). Six typed arrays cost the server far more (asyncpg checks and encodes array
-- elements one at a time), and `json` (not `jsonb`) is read in place, without a binary copy.
-- Answer: `outcome` from queen.ack_completed when every item is completed and the batch is of
-- its kind, else `answer`, upstream's JSON answer from queen.ack_messages.
CREATE FUNCTION queen.ack_document(
    p_txns json,
    p_columns json,
    OUT answer text,
    OUT outcome json)
LANGUAGE plpgsql
AS $$
DECLARE
    v_txns text[] := ARRAY(SELECT json_array_elements_text(p_txns));
    v_count integer := cardinality(v_txns);
    v_pids uuid[] := queen.ack_column(p_columns -> 'pid', v_count)::uuid[];
    v_statuses text[] := queen.ack_column(p_columns -> 'status', v_count);
    v_groups text[] := queen.ack_column(p_columns -> 'group', v_count);
    v_leases text[] := queen.ack_column(p_columns -> 'lease', v_count);
BEGIN
    IF NOT EXISTS (SELECT 1 FROM unnest(v_statuses) AS s(st)
                   WHERE s.st IS DISTINCT FROM 'completed' AND s.st IS DISTINCT FROM 'success')
    THEN
        outcome := queen.ack_completed(v_txns, v_pids, v_groups, v_leases);
        IF outcome IS NOT NULL THEN
            RETURN;
        END IF;
    END IF;
    answer := queen.ack_messages(v_txns, v_pids, v_statuses, v_groups, v_leases,
                                 queen.ack_column(p_columns -> 'error', v_count));
END;
$$;

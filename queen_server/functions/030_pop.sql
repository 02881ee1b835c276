-- Decide where a group with no cursor on a partition starts reading (protocol §4.4).
-- Returns the seq after which delivery starts, and whether it came from a subscription
-- timestamp (then an empty claim persists it as the cursor).
CREATE FUNCTION queen.subscription_start(
    p_queue text, p_queue_id uuid, p_partition_id uuid, p_partition_name text, p_group text,
    p_specific boolean, p_sub_new boolean, p_sub_from timestamptz,
    OUT start_seq bigint, OUT from_subscription boolean)
LANGUAGE plpgsql AS $$
DECLARE
    v_ts timestamptz;
    v_mode text;
    v_found boolean := false;
BEGIN
    start_seq := 0;
    from_subscription := false;
    IF p_group = '__QUEUE_MODE__' THEN
        RETURN;
    END IF;
    -- 1. a recorded subscription: this partition's, else the whole queue's
    SELECT subscription_timestamp INTO v_ts
    FROM queen.consumer_groups_metadata
    WHERE consumer_group = p_group AND queue_name = p_queue
      AND partition_name IN (p_partition_name, '') AND namespace = '' AND task = ''
      AND subscription_timestamp IS NOT NULL
    ORDER BY partition_name DESC
    LIMIT 1;
    v_found := FOUND;
    IF NOT v_found THEN
        -- 2./3. a timestamp or "new" in this request: record it (first one wins)
        IF p_sub_from IS NOT NULL THEN
            v_ts := p_sub_from;
            v_mode := 'timestamp';
        ELSIF p_sub_new THEN
            v_ts := now();
            v_mode := 'new';
        ELSE
            RETURN;  -- 4. from the beginning, nothing recorded
        END IF;
        INSERT INTO queen.consumer_groups_metadata
            (consumer_group, queue_name, partition_name, subscription_mode, subscription_timestamp)
        VALUES (p_group, p_queue, CASE WHEN p_specific THEN p_partition_name ELSE '' END,
                v_mode, v_ts)
        ON CONFLICT DO NOTHING;
        IF FOUND THEN
            -- the group shows up on every partition that has messages
            INSERT INTO queen.partition_consumers (partition_id, consumer_group)
            SELECT p.id, p_group FROM queen.partitions p
            WHERE p.queue_id = p_queue_id AND p.last_seq > 0
            ORDER BY p.id
            ON CONFLICT DO NOTHING;
        END IF;
    END IF;
    from_subscription := true;
    -- start after the newest message created before the subscription time
    start_seq := COALESCE((
        SELECT m.seq FROM queen.messages m
        WHERE m.partition_id = p_partition_id AND m.created_at < v_ts
        ORDER BY m.seq DESC LIMIT 1), 0);
END;
$$;

-- Read from one claimed partition (cursor row locked by the caller) and do the bookkeeping.
-- The messages handed out are every message in (from_seq, to_seq], `delivered` of them
-- (to_seq NULL: none).
--
-- Seqs are allocated without gaps, so the next p_budget messages are usually exactly
-- (cursor, cursor + p_budget]: that bounded range is read first, so the work is bounded by
-- the batch whatever plan the table's statistics suggest (an "ORDER BY seq LIMIT n" alone
-- can be planned as a scan of everything after the cursor, then a sort). Only when the
-- range has holes (deleted messages) is the next p_budget found by order.
CREATE FUNCTION queen.claim_partition(
    p_queue text, p_queue_id uuid, p_partition_id uuid, p_partition_name text, p_group text,
    p_specific boolean, p_budget integer, p_lease_id text, p_lease_seconds integer,
    p_delay integer, p_auto_ack boolean, p_sub_new boolean, p_sub_from timestamptz,
    p_cursor bigint, p_last_seq bigint,
    OUT from_seq bigint, OUT to_seq bigint, OUT delivered integer)
LANGUAGE plpgsql AS $$
DECLARE
    v_now timestamptz := now();
    v_start bigint := p_cursor;
    v_from_sub boolean := false;
    v_cutoff timestamptz;
    v_bound bigint;
    v_present integer;
    v_last_id uuid;
    v_last_at timestamptz;
BEGIN
    IF v_start IS NULL THEN
        SELECT s.start_seq, s.from_subscription INTO v_start, v_from_sub
        FROM queen.subscription_start(p_queue, p_queue_id, p_partition_id, p_partition_name,
                                      p_group, p_specific, p_sub_new, p_sub_from) s;
    END IF;
    from_seq := v_start;
    delivered := 0;

    IF p_budget > 0 AND p_last_seq > v_start THEN
        -- delayed processing: only messages at least p_delay seconds old (created_at grows
        -- with seq, so those are a prefix of what follows the cursor)
        v_cutoff := CASE WHEN p_delay > 0 THEN v_now - make_interval(secs => p_delay) END;
        v_bound := LEAST(v_start + p_budget, p_last_seq);
        SELECT count(*) FILTER (WHERE v_cutoff IS NULL OR m.created_at <= v_cutoff),
               max(m.seq) FILTER (WHERE v_cutoff IS NULL OR m.created_at <= v_cutoff),
               count(*)
          INTO delivered, to_seq, v_present
          FROM queen.messages m
         WHERE m.partition_id = p_partition_id AND m.seq > v_start AND m.seq <= v_bound;
        IF v_present < v_bound - v_start AND delivered = v_present AND v_bound < p_last_seq THEN
            -- holes in the range: the next p_budget messages by order
            SELECT count(*), max(s.seq) INTO delivered, to_seq
            FROM (
                SELECT m.seq FROM queen.messages m
                WHERE m.partition_id = p_partition_id AND m.seq > v_start
                  AND (v_cutoff IS NULL OR m.created_at <= v_cutoff)
                ORDER BY m.seq
                LIMIT p_budget
            ) s;
        END IF;
    END IF;

    IF delivered = 0 THEN
        -- nothing to hand out: the claim ends at once
        to_seq := NULL;
        UPDATE queen.partition_consumers
           SET worker_id = NULL, lease_expires_at = NULL, lease_acquired_at = v_now,
               batch_size = 0, acked_count = 0,
               last_consumed_seq = CASE WHEN v_from_sub THEN v_start ELSE last_consumed_seq END,
               last_consumed_id = CASE WHEN v_from_sub AND v_start > 0 THEN
                   (SELECT id FROM queen.messages WHERE partition_id = p_partition_id AND seq = v_start)
                   ELSE last_consumed_id END,
               last_consumed_created_at = CASE WHEN v_from_sub AND v_start > 0 THEN
                   (SELECT created_at FROM queen.messages WHERE partition_id = p_partition_id AND seq = v_start)
                   ELSE last_consumed_created_at END
         WHERE partition_id = p_partition_id AND consumer_group = p_group;
        RETURN;
    END IF;

    IF p_auto_ack THEN
        SELECT id, created_at INTO v_last_id, v_last_at
        FROM queen.messages WHERE partition_id = p_partition_id AND seq = to_seq;
        UPDATE queen.partition_consumers
           SET last_consumed_seq = to_seq, last_consumed_id = v_last_id,
               last_consumed_created_at = v_last_at, last_consumed_at = v_now,
               total_messages_consumed = total_messages_consumed + delivered,
               total_batches_consumed = total_batches_consumed + 1,
               worker_id = NULL, lease_expires_at = NULL, lease_acquired_at = v_now,
               batch_size = 0, acked_count = 0
         WHERE partition_id = p_partition_id AND consumer_group = p_group;
    ELSE
        UPDATE queen.partition_consumers
           SET worker_id = p_lease_id, lease_acquired_at = v_now,
               lease_expires_at = v_now + make_interval(secs => p_lease_seconds),
               batch_size = delivered, acked_count = 0
         WHERE partition_id = p_partition_id AND consumer_group = p_group;
    END IF;
END;
$$;

-- The end of a popped message's JSON from "partitionId" on, but for "_encrypted": the same
-- for every message of one claimed partition, so it is rendered once per partition.
CREATE FUNCTION queen.message_end(p_partition_id uuid, p_partition text, p_tail text)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT '","partitionId":"' || p_partition_id::text || '","partition":'
           || to_json(p_partition)::text || p_tail
$$;

-- Pop: `p_partition` NULL = any partition of the queue (wildcard route).
-- Returns status 'ok' (messages delivered), 'empty' (nothing delivered: the body says why) or
-- 'paused' (pop maintenance mode), plus the response body.
CREATE FUNCTION queen.pop_messages(
    p_queue text,
    p_partition text,
    p_group text,
    p_batch integer,
    p_max_partitions integer,
    p_lease_id text,
    p_auto_ack boolean,
    p_sub_new boolean,
    p_sub_from timestamptz,
    OUT status text,
    OUT body text)
LANGUAGE plpgsql AS $$
DECLARE
    v_now timestamptz := now();
    q record;
    cand record;
    v_cursor bigint;
    v_lease_seconds integer;
    v_budget integer := p_batch;
    v_claimed integer := 0;
    v_first_id uuid;
    v_first_name text;
    -- per claimed partition that hands out messages: id, the end of each of its messages'
    -- JSON from partitionId on (the same for all of them), (from, to] seqs
    c_pids uuid[] := ARRAY[]::uuid[];
    c_ends text[] := ARRAY[]::text[];
    c_from bigint[] := ARRAY[]::bigint[];
    c_to bigint[] := ARRAY[]::bigint[];
    v_got record;
    v_msgs text;
    v_lease text := CASE WHEN p_auto_ack THEN '""' ELSE to_json(p_lease_id)::text END;
    -- the same in every message
    v_tail text := ',"leaseId":' || v_lease || ',"consumerGroup":' || to_json(p_group)::text;
BEGIN
    IF queen.flag('pop_maintenance_mode') THEN
        status := 'paused';
        body := NULL;
        RETURN;
    END IF;

    SELECT id, lease_time, delayed_processing, window_buffer INTO q
    FROM queen.queues WHERE name = p_queue;
    IF NOT FOUND THEN
        status := 'empty';
        IF p_partition IS NULL THEN
            body := json_build_object('success', false, 'error', 'no_available_partition',
                                      'messages', json_build_array());
        ELSE
            body := json_build_object('success', false, 'error', 'partition_not_found',
                                      'messages', json_build_array());
        END IF;
        RETURN;
    END IF;
    v_lease_seconds := CASE WHEN q.lease_time > 0 THEN q.lease_time ELSE 60 END;

    IF p_partition IS NOT NULL THEN
        SELECT p.id, p.name, p.last_message_at, p.last_seq INTO cand
        FROM queen.partitions p WHERE p.queue_id = q.id AND p.name = p_partition;
        IF NOT FOUND THEN
            status := 'empty';
            body := json_build_object('success', false, 'error', 'partition_not_found',
                                      'messages', json_build_array());
            RETURN;
        END IF;
        IF q.window_buffer > 0 AND cand.last_message_at IS NOT NULL
           AND cand.last_message_at > v_now - make_interval(secs => q.window_buffer) THEN
            status := 'empty';
            body := json_build_object('success', true, 'queue', p_queue, 'partition', cand.name,
                                      'partitionId', cand.id, 'leaseId', '',
                                      'consumerGroup', p_group, 'messages', json_build_array(),
                                      'windowBufferActive', true);
            RETURN;
        END IF;
        INSERT INTO queen.partition_consumers (partition_id, consumer_group)
        VALUES (cand.id, p_group) ON CONFLICT DO NOTHING;
        SELECT c.last_consumed_seq INTO v_cursor
        FROM queen.partition_consumers c
        WHERE c.partition_id = cand.id AND c.consumer_group = p_group
          AND (c.lease_expires_at IS NULL OR c.lease_expires_at <= v_now)
        FOR UPDATE SKIP LOCKED;
        IF NOT FOUND THEN
            status := 'empty';
            body := json_build_object('success', false, 'error', 'lease_held',
                                      'messages', json_build_array());
            RETURN;
        END IF;
        v_got := queen.claim_partition(p_queue, q.id, cand.id, cand.name, p_group, true,
                                       p_batch, p_lease_id, v_lease_seconds,
                                       q.delayed_processing, p_auto_ack, p_sub_new, p_sub_from,
                                       v_cursor, cand.last_seq);
        v_claimed := 1;
        v_first_id := cand.id;
        v_first_name := cand.name;
        IF v_got.delivered > 0 THEN
            c_pids := ARRAY[cand.id];
            c_ends := ARRAY[queen.message_end(cand.id, cand.name, v_tail)];
            c_from := ARRAY[v_got.from_seq];
            c_to := ARRAY[v_got.to_seq];
        END IF;
    ELSE
        -- candidates: pending data beyond the group's cursor, lease free, window satisfied;
        -- least recently claimed first, so partitions take turns
        FOR cand IN
            SELECT p.id, p.name, p.last_seq, (c.partition_id IS NULL) AS missing
            FROM queen.partitions p
            LEFT JOIN queen.partition_consumers c
                   ON c.partition_id = p.id AND c.consumer_group = p_group
            WHERE p.queue_id = q.id
              AND p.last_seq > COALESCE(c.last_consumed_seq, 0)
              AND (c.lease_expires_at IS NULL OR c.lease_expires_at <= v_now)
              AND (q.window_buffer <= 0
                   OR p.last_message_at <= v_now - make_interval(secs => q.window_buffer))
            ORDER BY c.lease_acquired_at NULLS FIRST, p.last_message_at
            LIMIT GREATEST(p_max_partitions, 1) * 4 + 8
        LOOP
            EXIT WHEN v_claimed >= p_max_partitions OR v_budget <= 0;
            IF cand.missing THEN
                INSERT INTO queen.partition_consumers (partition_id, consumer_group)
                VALUES (cand.id, p_group) ON CONFLICT DO NOTHING;
            END IF;
            -- skip partitions a concurrent pop is claiming right now
            SELECT c.last_consumed_seq INTO v_cursor
            FROM queen.partition_consumers c
            WHERE c.partition_id = cand.id AND c.consumer_group = p_group
              AND (c.lease_expires_at IS NULL OR c.lease_expires_at <= v_now)
            FOR UPDATE SKIP LOCKED;
            CONTINUE WHEN NOT FOUND;
            v_got := queen.claim_partition(p_queue, q.id, cand.id, cand.name, p_group, false,
                                           v_budget, p_lease_id, v_lease_seconds,
                                           q.delayed_processing, p_auto_ack, p_sub_new,
                                           p_sub_from, v_cursor, cand.last_seq);
            v_claimed := v_claimed + 1;
            IF v_first_id IS NULL THEN
                v_first_id := cand.id;
                v_first_name := cand.name;
            END IF;
            IF v_got.delivered > 0 THEN
                c_pids := c_pids || cand.id;
                c_ends := c_ends || queen.message_end(cand.id, cand.name, v_tail);
                c_from := c_from || v_got.from_seq;
                c_to := c_to || v_got.to_seq;
                v_budget := v_budget - v_got.delivered;
            END IF;
        END LOOP;
        IF v_claimed = 0 THEN
            status := 'empty';
            body := json_build_object('success', false, 'error', 'no_available_partition',
                                      'messages', json_build_array());
            RETURN;
        END IF;
    END IF;

    -- the messages as JSON text, put together from pieces: json_build_object would look up
    -- the output function of every value's type and escape every key, for every message.
    -- Each partition's messages are one range of its primary key (a lateral subquery with a
    -- limit is never flattened into a join the planner could turn into a scan).
    SELECT '[' || string_agg(
        '{"id":"' || m.id::text
        || '","transactionId":' || to_json(m.transaction_id)::text
        || ',"traceId":' || COALESCE('"' || m.trace_id::text || '"', 'null')
        || ',"data":' || m.payload::text
        || ',"producerSub":' || COALESCE(to_json(m.producer_sub)::text, 'null')
        || ',"createdAt":"' || queen.fmt_us(m.created_at)
        || c.msg_end
        || CASE WHEN m.is_encrypted THEN ',"_encrypted":true}' ELSE '}' END,
        ',' ORDER BY c.ord, m.seq) || ']'
    INTO v_msgs
    FROM unnest(c_pids, c_ends, c_from, c_to) WITH ORDINALITY AS c(pid, msg_end, lo, hi, ord)
    CROSS JOIN LATERAL (
        SELECT mm.id, mm.seq, mm.transaction_id, mm.trace_id, mm.payload, mm.producer_sub,
               mm.created_at, mm.is_encrypted
        FROM queen.messages mm
        WHERE mm.partition_id = c.pid AND mm.seq > c.lo AND mm.seq <= c.hi
        ORDER BY mm.seq
        LIMIT p_batch) m;

    status := CASE WHEN v_msgs IS NULL THEN 'empty' ELSE 'ok' END;
    body := '{"success":true,"queue":' || to_json(p_queue)::text
            || ',"partition":' || COALESCE(to_json(v_first_name)::text, 'null')
            || ',"partitionId":' || COALESCE('"' || v_first_id::text || '"', 'null')
            || ',"leaseId":' || v_lease
            || ',"consumerGroup":' || to_json(p_group)::text
            || ',"partitionsClaimed":' || v_claimed
            || ',"messages":' || COALESCE(v_msgs, '[]') || '}';
END;
$$;

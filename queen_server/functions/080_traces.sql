-- Record one trace event on a message (the write side of protocol §4.9).
CREATE FUNCTION queen.record_trace(
    p_transaction_id text, p_partition_id uuid, p_group text, p_event_type text, p_data jsonb,
    p_names text[], p_worker_id text)
RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
    v_message_id uuid;
    v_trace_id uuid;
BEGIN
    SELECT id INTO v_message_id FROM queen.messages
    WHERE partition_id = p_partition_id AND transaction_id = p_transaction_id;
    IF NOT FOUND THEN
        RETURN json_build_object('success', false, 'error', 'Message not found');
    END IF;
    INSERT INTO queen.message_traces
        (message_id, partition_id, transaction_id, consumer_group, event_type, data, worker_id)
    VALUES (v_message_id, p_partition_id, p_transaction_id, p_group, p_event_type, p_data,
            p_worker_id)
    RETURNING id INTO v_trace_id;
    INSERT INTO queen.message_trace_names (trace_id, trace_name)
    SELECT DISTINCT v_trace_id, n FROM unnest(p_names) AS n WHERE n IS NOT NULL
    ON CONFLICT DO NOTHING;
    RETURN json_build_object('success', true, 'traceId', v_trace_id);
END;
$$;

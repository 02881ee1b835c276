-- Extend every live lease with this id to at least now + seconds (never shortens, never
-- revives an expired lease). Answers upstream's one-element array.
CREATE FUNCTION queen.extend_lease(p_lease_id text, p_seconds integer)
RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
    v_expires timestamptz;
    v_err text;
BEGIN
    WITH upd AS (
        UPDATE queen.partition_consumers
           SET lease_expires_at = greatest(lease_expires_at,
                                           now() + make_interval(secs => p_seconds))
         WHERE worker_id = p_lease_id AND lease_expires_at > now()
        RETURNING lease_expires_at
    )
    SELECT min(lease_expires_at) INTO v_expires FROM upd;
    IF v_expires IS NULL THEN
        IF EXISTS (SELECT 1 FROM queen.partition_consumers
                   WHERE worker_id = p_lease_id AND lease_expires_at IS NOT NULL) THEN
            v_err := 'Lease already expired';
        ELSIF EXISTS (SELECT 1 FROM queen.partition_consumers WHERE worker_id = p_lease_id) THEN
            v_err := 'Lease not active';
        ELSE
            v_err := 'Lease not found';
        END IF;
    END IF;
    RETURN json_build_array(json_build_object(
        'index', 0, 'leaseId', p_lease_id, 'success', v_expires IS NOT NULL, 'error', v_err,
        'expiresAt', queen.fmt_ms(v_expires)));
END;
$$;

-- Timestamp rendering shared by every endpoint: always UTC with a literal Z.
-- STABLE, as to_char is: the planner inlines a function only when it is declared no more
-- stable than its body, and a call per value through the SQL-function executor costs several
-- times the formatting itself (pop answers render one per message).
CREATE FUNCTION queen.fmt_ms(ts timestamptz) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

CREATE FUNCTION queen.fmt_us(ts timestamptz) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
$$;

CREATE FUNCTION queen.fmt_s(ts timestamptz) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
$$;

-- A cluster-wide boolean switch from system_state (false when never set).
-- PL/pgSQL, not SQL: an SQL function with a subquery is not inlined, and is parsed and
-- planned again in every transaction that calls it; PL/pgSQL keeps the plan per session.
CREATE FUNCTION queen.flag(p_key text) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN COALESCE((SELECT value = 'true'::jsonb FROM queen.system_state WHERE key = p_key),
                    false);
END;
$$;

-- Create the queues a push names, with namespace/task derived from the dotted name.
CREATE FUNCTION queen.ensure_queues(p_names text[]) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO queen.queues (name, namespace, task)
    SELECT n, split_part(n, '.', 1), split_part(n, '.', 2)
    FROM (SELECT DISTINCT unnest(p_names) AS n) names
    WHERE NOT EXISTS (SELECT 1 FROM queen.queues q WHERE q.name = names.n)
    ORDER BY n
    ON CONFLICT (name) DO NOTHING
$$;

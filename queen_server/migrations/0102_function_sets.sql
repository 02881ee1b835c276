-- Stored functions are installed per server version into schemas of their own
-- (queen_fn_<version>_<hash>); this table records each installed set. Functions an earlier
-- version created in the queen schema are left in place for servers of that version.
CREATE TABLE queen.function_sets (
    schema_name text PRIMARY KEY,
    checksum text NOT NULL,
    server_version text NOT NULL,
    installed_at timestamptz NOT NULL DEFAULT now()
);

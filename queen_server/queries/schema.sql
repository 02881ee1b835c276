-- Statements of queen_server/db.py (loaded by queen_server.sql).

-- name: bootstrap
CREATE SCHEMA IF NOT EXISTS queen;
CREATE TABLE IF NOT EXISTS queen.schema_migrations (
    kind text NOT NULL,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, name)
);

-- name: applied_migrations
SELECT name FROM queen.schema_migrations WHERE kind = 'migration'

-- name: record_migration
INSERT INTO queen.schema_migrations (kind, name, checksum) VALUES ('migration', $1, $2)

-- name: function_set
SELECT checksum FROM queen.function_sets WHERE schema_name = $1

-- name: record_function_set
INSERT INTO queen.function_sets (schema_name, checksum, server_version) VALUES ($1, $2, $3)

-- Statements of queen_server/keycheck.py (loaded by queen_server.sql).

-- name: fingerprint
SELECT fingerprint FROM queen.encryption_key

-- name: encrypted_sample
SELECT payload::text FROM queen.messages WHERE is_encrypted LIMIT 1

-- name: record
INSERT INTO queen.encryption_key (fingerprint) VALUES ($1) ON CONFLICT DO NOTHING

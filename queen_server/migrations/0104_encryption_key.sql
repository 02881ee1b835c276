-- The fingerprint of the key encrypted payloads are stored with (an HMAC of a constant under
-- the key: it identifies the key without revealing it). One row at most.
CREATE TABLE queen.encryption_key (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    fingerprint text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);

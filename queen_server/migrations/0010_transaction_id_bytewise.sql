-- transactionIds are opaque identifiers: compare them byte by byte. Under the database's
-- linguistic collation every insert into the (partition, transactionId) unique index paid for
-- locale-aware string comparisons. Equality is the same either way (deterministic collations
-- compare equal only when the bytes are equal), so dedup and every lookup keep their meaning.
-- The tables referencing messages by (partition, transactionId) follow, so joins and foreign
-- key checks compare the same way on both sides.
ALTER TABLE queen.messages ALTER COLUMN transaction_id TYPE text COLLATE "C";
ALTER TABLE queen.dead_letter_queue ALTER COLUMN transaction_id TYPE text COLLATE "C";
ALTER TABLE queen.message_traces ALTER COLUMN transaction_id TYPE text COLLATE "C";

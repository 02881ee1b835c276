-- Retries are counted per message: batch_retry_count belongs to the message whose seq is
-- retry_seq (NULL: to none yet).
ALTER TABLE queen.partition_consumers ADD COLUMN retry_seq bigint;

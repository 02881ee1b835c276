-- A delivered message whose payload this server cannot decrypt (another key, or none): it
-- must neither reach the consumer as ciphertext nor come back forever.
-- `p_keep`: how many messages of the claim on this partition come before it (delivered).
--   * autoAck: the cursor has moved already; the message is dead-lettered;
--   * p_keep > 0: the claim shrinks to those messages (the lease ends when they are acked),
--     so the message is first in line for the next claim;
--   * p_keep = 0: it is first in line: dead-lettered, the cursor moves past it, the lease ends.
CREATE FUNCTION queen.reject_undecryptable(
    p_partition_id uuid, p_group text, p_lease text, p_keep integer, p_txn text,
    p_error text, p_auto_ack boolean)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_msg record;
BEGIN
    SELECT m.seq, m.id, m.created_at INTO v_msg FROM queen.messages m
    WHERE m.partition_id = p_partition_id AND m.transaction_id = p_txn;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    IF NOT p_auto_ack AND p_keep > 0 THEN
        UPDATE queen.partition_consumers
           SET batch_size = p_keep
         WHERE partition_id = p_partition_id AND consumer_group = p_group
           AND worker_id = p_lease;
        RETURN;
    END IF;
    INSERT INTO queen.dead_letter_queue
        (message_id, partition_id, transaction_id, consumer_group, error_message, retry_count,
         original_created_at)
    VALUES (v_msg.id, p_partition_id, p_txn, p_group, p_error, 0, v_msg.created_at);
    IF NOT p_auto_ack THEN
        UPDATE queen.partition_consumers
           SET last_consumed_seq = v_msg.seq, last_consumed_id = v_msg.id,
               last_consumed_created_at = v_msg.created_at, last_consumed_at = now(),
               worker_id = NULL, lease_expires_at = NULL, batch_size = 0, acked_count = 0
         WHERE partition_id = p_partition_id AND consumer_group = p_group
           AND worker_id = p_lease;
    END IF;
END;
$$;

-- The per-row foreign key check messages -> partitions cost more than the insert itself.
-- Messages are only ever written for partitions the same transaction has just locked, so the
-- check is replaced by a statement-level cascade: deleting partitions deletes their messages.
ALTER TABLE queen.messages DROP CONSTRAINT messages_partition_id_fkey;

CREATE FUNCTION queen.delete_partition_messages() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM queen.messages m USING gone WHERE m.partition_id = gone.id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER partitions_delete_messages
    AFTER DELETE ON queen.partitions
    REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION queen.delete_partition_messages();

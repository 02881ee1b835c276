-- Create or fully reconfigure a queue: every option not given is reset to its default
-- (the caller passes the complete, validated option set). Always ensures 'Default'.
CREATE FUNCTION queen.configure_queue(
    p_name text, p_namespace text, p_task text, p_options jsonb,
    OUT queue_id uuid, OUT partition_id uuid)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
    INSERT INTO queen.queues AS q
        (name, namespace, task, priority, lease_time, retry_limit, retry_delay, ttl,
         dead_letter_queue, dlq_after_max_retries, delayed_processing, window_buffer,
         retention_seconds, completed_retention_seconds, retention_enabled, encryption_enabled,
         max_wait_time_seconds, max_queue_size)
    VALUES (p_name, p_namespace, p_task,
            (p_options->>'priority')::integer, (p_options->>'leaseTime')::integer,
            (p_options->>'retryLimit')::integer, (p_options->>'retryDelay')::integer,
            (p_options->>'ttl')::integer, (p_options->>'deadLetterQueue')::boolean,
            (p_options->>'dlqAfterMaxRetries')::boolean,
            (p_options->>'delayedProcessing')::integer, (p_options->>'windowBuffer')::integer,
            (p_options->>'retentionSeconds')::integer,
            (p_options->>'completedRetentionSeconds')::integer,
            (p_options->>'retentionEnabled')::boolean, (p_options->>'encryptionEnabled')::boolean,
            (p_options->>'maxWaitTimeSeconds')::integer, (p_options->>'maxSize')::integer)
    ON CONFLICT (name) DO UPDATE SET
        namespace = EXCLUDED.namespace, task = EXCLUDED.task, priority = EXCLUDED.priority,
        lease_time = EXCLUDED.lease_time, retry_limit = EXCLUDED.retry_limit,
        retry_delay = EXCLUDED.retry_delay, ttl = EXCLUDED.ttl,
        dead_letter_queue = EXCLUDED.dead_letter_queue,
        dlq_after_max_retries = EXCLUDED.dlq_after_max_retries,
        delayed_processing = EXCLUDED.delayed_processing,
        window_buffer = EXCLUDED.window_buffer, retention_seconds = EXCLUDED.retention_seconds,
        completed_retention_seconds = EXCLUDED.completed_retention_seconds,
        retention_enabled = EXCLUDED.retention_enabled,
        encryption_enabled = EXCLUDED.encryption_enabled,
        max_wait_time_seconds = EXCLUDED.max_wait_time_seconds,
        max_queue_size = EXCLUDED.max_queue_size, updated_at = now()
    RETURNING q.id INTO queue_id;

    INSERT INTO queen.partitions (queue_id, name) VALUES (queue_id, 'Default')
    ON CONFLICT (queue_id, name) DO NOTHING;
    SELECT p.id INTO partition_id FROM queen.partitions p
    WHERE p.queue_id = configure_queue.queue_id AND p.name = 'Default';

    -- other server processes drop their cached copy of this queue's settings
    PERFORM pg_notify('queen_config', p_name);
END;
$$;

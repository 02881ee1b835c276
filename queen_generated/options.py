"""The queue options of openapi.yaml (the `QueueOptions` schema): name as on the wire
(camelCase), Python type (`int` or `bool`) and the value a queue gets when the option
is not sent. Only the standard library is imported."""

# Generated from openapi.yaml by generator/generate.py: do not edit.

QUEUE_OPTIONS: dict[str, tuple[type[int], int] | tuple[type[bool], bool]] = {
    #: Lease duration in seconds.
    "leaseTime": (int, 300),
    #: Stored but not enforced upstream.
    "maxSize": (int, 0),
    #: Stored; no effect upstream.
    "ttl": (int, 3600),
    #: Failed deliveries before dead-lettering.
    "retryLimit": (int, 3),
    #: Stored; no effect upstream.
    "retryDelay": (int, 1000),
    #: Stored; dead-lettering happens regardless.
    "deadLetterQueue": (bool, False),
    #: Stored; dead-lettering happens regardless.
    "dlqAfterMaxRetries": (bool, False),
    #: Stored; no effect upstream.
    "priority": (int, 0),
    #: Seconds a message stays invisible after push.
    "delayedProcessing": (int, 0),
    #: Seconds a partition must be quiet before it is served.
    "windowBuffer": (int, 0),
    #: Age after which messages are deleted (needs retentionEnabled).
    "retentionSeconds": (int, 0),
    #: Age after which consumed messages are deleted (needs retentionEnabled).
    "completedRetentionSeconds": (int, 0),
    #: Turns the two retention settings on.
    "retentionEnabled": (bool, False),
    #: Encrypt payloads at rest.
    "encryptionEnabled": (bool, False),
    #: Age after which unconsumed messages are deleted (0 = never).
    "maxWaitTimeSeconds": (int, 0),
}

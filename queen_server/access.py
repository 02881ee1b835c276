"""The level each endpoint requires when authentication is on (protocol §2.9's table).

Upstream hard-codes the level in each handler; here it is one table, and a test checks that
every route is in it. The routes upstream lacks get the level of their nearest relative:
message retry / move to the DLQ as message deletion (read-write), clearing a queue as deleting
it (admin), the namespace/task pop as the other pops (read-write).
"""

from __future__ import annotations

from queen_server.auth import Level

PUBLIC, READ_ONLY, READ_WRITE, ADMIN = Level.PUBLIC, Level.READ_ONLY, Level.READ_WRITE, Level.ADMIN

#: (method, route pattern) → required level
LEVELS: dict[tuple[str, str], Level] = {
    ("GET", "/health"): PUBLIC,
    ("GET", "/"): PUBLIC,  # the web console's page: it asks for a token when the API needs one
    ("GET", "/metrics"): PUBLIC,
    ("GET", "/metrics/prometheus"): PUBLIC,
    # read-write: producing, consuming, configuring
    ("POST", "/api/v1/configure"): READ_WRITE,
    ("POST", "/api/v1/push"): READ_WRITE,
    ("GET", "/api/v1/pop/queue/{queue}"): READ_WRITE,
    ("GET", "/api/v1/pop/queue/{queue}/partition/{partition}"): READ_WRITE,
    ("GET", "/api/v1/pop"): READ_WRITE,
    ("POST", "/api/v1/ack"): READ_WRITE,
    ("POST", "/api/v1/ack/batch"): READ_WRITE,
    ("POST", "/api/v1/transaction"): READ_WRITE,
    ("POST", "/api/v1/lease/{leaseId}/extend"): READ_WRITE,
    ("POST", "/api/v1/traces"): READ_WRITE,
    ("DELETE", "/api/v1/messages/{partitionId}/{transactionId}"): READ_WRITE,
    ("POST", "/api/v1/messages/{partitionId}/{transactionId}/retry"): READ_WRITE,
    ("POST", "/api/v1/messages/{partitionId}/{transactionId}/dlq"): READ_WRITE,
    ("POST", "/api/v1/consumer-groups/{group}/subscription"): READ_WRITE,
    ("POST", "/api/v1/consumer-groups/{group}/queues/{queue}/seek"): READ_WRITE,
    (
        "POST",
        "/api/v1/consumer-groups/{group}/queues/{queue}/partitions/{partition}/seek",
    ): READ_WRITE,
    ("POST", "/streams/v1/queries"): READ_WRITE,
    ("POST", "/streams/v1/cycle"): READ_WRITE,
    # read-only: looking
    ("POST", "/streams/v1/state/get"): READ_ONLY,
    ("GET", "/api/v1/traces/names"): READ_ONLY,
    ("GET", "/api/v1/traces/by-name/{traceName}"): READ_ONLY,
    ("GET", "/api/v1/traces/{partitionId}/{transactionId}"): READ_ONLY,
    ("GET", "/api/v1/dlq"): READ_ONLY,
    ("GET", "/api/v1/messages"): READ_ONLY,
    ("GET", "/api/v1/messages/{partitionId}/{transactionId}"): READ_ONLY,
    ("GET", "/api/v1/resources/overview"): READ_ONLY,
    ("GET", "/api/v1/resources/queues"): READ_ONLY,
    ("GET", "/api/v1/resources/queues/{queue}"): READ_ONLY,
    ("GET", "/api/v1/resources/namespaces"): READ_ONLY,
    ("GET", "/api/v1/resources/tasks"): READ_ONLY,
    ("GET", "/api/v1/resources/partitions"): READ_ONLY,
    ("GET", "/api/v1/consumer-groups"): READ_ONLY,
    ("GET", "/api/v1/consumer-groups/lagging"): READ_ONLY,
    ("GET", "/api/v1/consumer-groups/{group}"): READ_ONLY,
    ("GET", "/api/v1/status"): READ_ONLY,
    ("GET", "/api/v1/status/queues"): READ_ONLY,
    ("GET", "/api/v1/status/queues/{queue}"): READ_ONLY,
    ("GET", "/api/v1/status/queues/{queue}/messages"): READ_ONLY,
    ("GET", "/api/v1/status/analytics"): READ_ONLY,
    ("GET", "/api/v1/status/buffers"): READ_ONLY,
    ("GET", "/api/v1/analytics/system-metrics"): READ_ONLY,
    ("GET", "/api/v1/analytics/worker-metrics"): READ_ONLY,
    ("GET", "/api/v1/analytics/queue-lag"): READ_ONLY,
    ("GET", "/api/v1/analytics/queue-ops"): READ_ONLY,
    ("GET", "/api/v1/analytics/queue-parked-replicas"): READ_ONLY,
    ("GET", "/api/v1/analytics/retention"): READ_ONLY,
    ("GET", "/api/v1/analytics/postgres-stats"): READ_ONLY,
    # admin: deleting, maintenance, internals
    ("DELETE", "/api/v1/resources/queues/{queue}"): ADMIN,
    ("DELETE", "/api/v1/queues/{queue}/clear"): ADMIN,
    ("DELETE", "/api/v1/consumer-groups/{group}"): ADMIN,
    ("DELETE", "/api/v1/consumer-groups/{group}/queues/{queue}"): ADMIN,
    ("POST", "/api/v1/stats/refresh"): ADMIN,
    ("GET", "/api/v1/system/maintenance"): ADMIN,
    ("POST", "/api/v1/system/maintenance"): ADMIN,
    ("GET", "/api/v1/system/maintenance/pop"): ADMIN,
    ("POST", "/api/v1/system/maintenance/pop"): ADMIN,
    ("GET", "/api/v1/system/shared-state"): ADMIN,
    ("GET", "/internal/api/shared-state/stats"): ADMIN,
    ("GET", "/internal/api/inter-instance/stats"): ADMIN,
    ("POST", "/internal/api/notify"): ADMIN,
    ("GET", "/api/v1/migration/status"): ADMIN,
    ("POST", "/api/v1/migration/test-connection"): ADMIN,
    ("POST", "/api/v1/migration/start"): ADMIN,
    ("POST", "/api/v1/migration/validate"): ADMIN,
    ("POST", "/api/v1/migration/reset"): ADMIN,
}


def level_of(method: str, pattern: str) -> Level:
    """The level of a route; a route missing from the table needs admin (fail closed)."""
    return LEVELS.get((method, pattern), ADMIN)

"""`openapi.yaml` is a valid OpenAPI 3.1 document and keeps the fixed operation names."""

from __future__ import annotations

import re
from typing import Any

from openapi_spec_validator import validate
from openapi_spec_validator.validation.validators import OpenAPIV31SpecValidator

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

# The operations other code is written against: generated module
# `queen_generated/api/<tag>/<operationId>.py`. Renaming one breaks the client layer.
FIXED_OPERATIONS = {
    "configure_queue": ("data", "post", "/api/v1/configure"),
    "push_messages": ("data", "post", "/api/v1/push"),
    "pop_queue": ("data", "get", "/api/v1/pop/queue/{queue}"),
    "pop_partition": ("data", "get", "/api/v1/pop/queue/{queue}/partition/{partition}"),
    "pop_filtered": ("data", "get", "/api/v1/pop"),
    "ack_message": ("data", "post", "/api/v1/ack"),
    "ack_batch": ("data", "post", "/api/v1/ack/batch"),
    "commit_transaction": ("data", "post", "/api/v1/transaction"),
    "extend_lease": ("data", "post", "/api/v1/lease/{leaseId}/extend"),
    "record_trace": ("traces", "post", "/api/v1/traces"),
    "get_message_traces": ("traces", "get", "/api/v1/traces/{partitionId}/{transactionId}"),
    "get_traces_by_name": ("traces", "get", "/api/v1/traces/by-name/{traceName}"),
    "list_trace_names": ("traces", "get", "/api/v1/traces/names"),
    "list_dlq": ("dlq", "get", "/api/v1/dlq"),
    "list_messages": ("messages", "get", "/api/v1/messages"),
    "get_message": ("messages", "get", "/api/v1/messages/{partitionId}/{transactionId}"),
    "delete_message": ("messages", "delete", "/api/v1/messages/{partitionId}/{transactionId}"),
    "retry_message": ("messages", "post", "/api/v1/messages/{partitionId}/{transactionId}/retry"),
    "move_message_to_dlq": (
        "messages",
        "post",
        "/api/v1/messages/{partitionId}/{transactionId}/dlq",
    ),
    "get_overview": ("resources", "get", "/api/v1/resources/overview"),
    "list_queues": ("resources", "get", "/api/v1/resources/queues"),
    "get_queue": ("resources", "get", "/api/v1/resources/queues/{queue}"),
    "delete_queue": ("resources", "delete", "/api/v1/resources/queues/{queue}"),
    "list_namespaces": ("resources", "get", "/api/v1/resources/namespaces"),
    "list_tasks": ("resources", "get", "/api/v1/resources/tasks"),
    "list_partitions": ("resources", "get", "/api/v1/resources/partitions"),
    "clear_queue": ("resources", "delete", "/api/v1/queues/{queue}/clear"),
    "list_consumer_groups": ("consumer_groups", "get", "/api/v1/consumer-groups"),
    "list_lagging_consumer_groups": ("consumer_groups", "get", "/api/v1/consumer-groups/lagging"),
    "get_consumer_group": ("consumer_groups", "get", "/api/v1/consumer-groups/{group}"),
    "delete_consumer_group": ("consumer_groups", "delete", "/api/v1/consumer-groups/{group}"),
    "update_consumer_group_subscription": (
        "consumer_groups",
        "post",
        "/api/v1/consumer-groups/{group}/subscription",
    ),
    "delete_consumer_group_for_queue": (
        "consumer_groups",
        "delete",
        "/api/v1/consumer-groups/{group}/queues/{queue}",
    ),
    "seek_consumer_group": (
        "consumer_groups",
        "post",
        "/api/v1/consumer-groups/{group}/queues/{queue}/seek",
    ),
    "seek_consumer_group_partition": (
        "consumer_groups",
        "post",
        "/api/v1/consumer-groups/{group}/queues/{queue}/partitions/{partition}/seek",
    ),
    "refresh_stats": ("consumer_groups", "post", "/api/v1/stats/refresh"),
    "get_status": ("status", "get", "/api/v1/status"),
    "list_status_queues": ("status", "get", "/api/v1/status/queues"),
    "get_status_queue": ("status", "get", "/api/v1/status/queues/{queue}"),
    "list_status_queue_messages": ("status", "get", "/api/v1/status/queues/{queue}/messages"),
    "get_status_analytics": ("status", "get", "/api/v1/status/analytics"),
    "get_status_buffers": ("status", "get", "/api/v1/status/buffers"),
    "get_system_metrics": ("status", "get", "/api/v1/analytics/system-metrics"),
    "get_worker_metrics": ("status", "get", "/api/v1/analytics/worker-metrics"),
    "get_queue_lag": ("status", "get", "/api/v1/analytics/queue-lag"),
    "get_queue_ops": ("status", "get", "/api/v1/analytics/queue-ops"),
    "get_queue_parked_replicas": ("status", "get", "/api/v1/analytics/queue-parked-replicas"),
    "get_retention_analytics": ("status", "get", "/api/v1/analytics/retention"),
    "get_postgres_stats": ("status", "get", "/api/v1/analytics/postgres-stats"),
    "get_maintenance": ("system", "get", "/api/v1/system/maintenance"),
    "set_maintenance": ("system", "post", "/api/v1/system/maintenance"),
    "get_pop_maintenance": ("system", "get", "/api/v1/system/maintenance/pop"),
    "set_pop_maintenance": ("system", "post", "/api/v1/system/maintenance/pop"),
    "get_shared_state": ("system", "get", "/api/v1/system/shared-state"),
    "internal_notify": ("system", "post", "/internal/api/notify"),
    "get_internal_shared_state_stats": ("system", "get", "/internal/api/shared-state/stats"),
    "get_inter_instance_stats": ("system", "get", "/internal/api/inter-instance/stats"),
    "migration_test_connection": ("system", "post", "/api/v1/migration/test-connection"),
    "migration_start": ("system", "post", "/api/v1/migration/start"),
    "get_migration_status": ("system", "get", "/api/v1/migration/status"),
    "migration_validate": ("system", "post", "/api/v1/migration/validate"),
    "migration_reset": ("system", "post", "/api/v1/migration/reset"),
    "get_health": ("health", "get", "/health"),
    "get_metrics": ("health", "get", "/metrics"),
    "get_prometheus_metrics": ("health", "get", "/metrics/prometheus"),
    "cors_preflight": ("health", "options", "/{path}"),
    "register_stream_query": ("streams", "post", "/streams/v1/queries"),
    "run_stream_cycle": ("streams", "post", "/streams/v1/cycle"),
    "get_stream_state": ("streams", "post", "/streams/v1/state/get"),
}

EXTENSIONS = {
    "pop_filtered",
    "retry_message",
    "move_message_to_dlq",
    "list_partitions",
    "clear_queue",
}


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """Every operation except the CORS preflight that each path item lists (it has no id)."""
    return [
        (method, path, item[method])
        for path, item in spec["paths"].items()
        for method in HTTP_METHODS
        if method in item and not item[method].get("x-queen-preflight")
    ]


def test_spec_is_valid_openapi_3_1(spec: dict[str, Any]) -> None:
    assert spec["openapi"].startswith("3.1")
    validate(spec, cls=OpenAPIV31SpecValidator)


def test_operations_are_exactly_the_fixed_set(spec: dict[str, Any]) -> None:
    found = {
        op["operationId"]: (op["tags"][0], method, path) for method, path, op in operations(spec)
    }
    assert found == FIXED_OPERATIONS


def test_every_operation_has_a_snake_case_id_a_known_tag_and_a_description(
    spec: dict[str, Any],
) -> None:
    tags = {tag["name"] for tag in spec["tags"]}
    ids = [op["operationId"] for _, _, op in operations(spec)]
    assert len(ids) == len(set(ids)), "operationIds must be unique"
    for method, path, op in operations(spec):
        where = f"{method.upper()} {path}"
        assert re.fullmatch(r"[a-z][a-z0-9_]*", op["operationId"]), where
        assert len(op["tags"]) == 1, where
        assert op["tags"][0] in tags, where
        assert op.get("description") or op.get("summary"), where


def test_every_path_item_lists_the_same_cors_preflight(spec: dict[str, Any]) -> None:
    paths = spec["paths"]
    preflight = paths["/api/v1/push"]["options"]
    assert preflight["x-queen-preflight"] is True
    assert "operationId" not in preflight
    assert set(preflight["responses"]) == {"200", "204"}
    for path, item in paths.items():
        if path != "/{path}":
            assert item.get("options") == preflight, path
    # the one-segment template keeps the generated `cors_preflight` function
    assert paths["/{path}"]["options"]["operationId"] == "cors_preflight"


def test_every_templated_path_declares_its_parameters_once_for_all_methods(
    spec: dict[str, Any],
) -> None:
    for path, item in spec["paths"].items():
        names = re.findall(r"\{(\w+)\}", path)
        if not names or path == "/{path}":
            continue
        declared = [
            spec["components"]["parameters"][ref["$ref"].rsplit("/", 1)[1]]
            for ref in item.get("parameters", [])
        ]
        assert [(p["name"], p["in"]) for p in declared] == [(n, "path") for n in names], path


def test_every_operation_documents_a_success_response(spec: dict[str, Any]) -> None:
    for method, path, op in operations(spec):
        codes = set(op["responses"])
        assert codes & {"200", "201", "202", "204"}, f"{method.upper()} {path}: {sorted(codes)}"


def test_extensions_are_marked_and_explain_the_upstream_answer(spec: dict[str, Any]) -> None:
    extensions = [op for _, _, op in operations(spec) if op.get("x-queen-extension")]
    assert {op["operationId"] for op in extensions} == EXTENSIONS
    for op in extensions:
        assert op["x-queen-extension"] is True
        assert "404" in op["responses"], op["operationId"]

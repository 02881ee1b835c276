"""Configure: full reset semantics and the answer's shape (protocol §3.4)."""

from __future__ import annotations

import httpx

from .helpers import configure

DEFAULTS = {
    "priority": 0,
    "leaseTime": 300,
    "retryLimit": 3,
    "retryDelay": 1000,
    "maxSize": 0,
    "ttl": 3600,
    "deadLetterQueue": False,
    "dlqAfterMaxRetries": False,
    "delayedProcessing": 0,
    "windowBuffer": 0,
    "retentionSeconds": 0,
    "completedRetentionSeconds": 0,
    "retentionEnabled": False,
    "encryptionEnabled": False,
    "maxWaitTimeSeconds": 0,
}


def test_configure_with_only_a_name_uses_every_default(http: httpx.Client, queue: str) -> None:
    response = http.post("/api/v1/configure", json={"queue": queue})
    assert response.status_code == 200
    body = response.json()
    assert body["configured"] is True
    assert body["queue"] == queue
    assert (body["namespace"], body["task"]) == ("", "")
    assert body["options"] == DEFAULTS


def test_reconfigure_resets_options_not_sent(http: httpx.Client, queue: str) -> None:
    first = configure(http, queue, leaseTime=60, retryLimit=7)
    assert first["options"]["retryLimit"] == 7
    second = configure(http, queue, leaseTime=30)
    assert second["options"] == {**DEFAULTS, "leaseTime": 30}
    assert second["queueId"] == first["queueId"]
    assert second["partitionId"] == first["partitionId"]


def test_unknown_options_are_dropped_and_numeric_strings_accepted(
    http: httpx.Client, queue: str
) -> None:
    body = configure(http, queue, leaseTime="45", deadLetterQueue="true", fooBar=1)
    assert body["options"]["leaseTime"] == 45
    assert body["options"]["deadLetterQueue"] is True
    assert "fooBar" not in body["options"]


def test_namespace_and_task_are_stored(http: httpx.Client, queue: str) -> None:
    body = http.post(
        "/api/v1/configure", json={"queue": queue, "namespace": "ns", "task": "tk"}
    ).json()
    assert (body["namespace"], body["task"]) == ("ns", "tk")

"""The pytest plugin: registered by the entry point, opt-in, and usable from a user's suite."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

import queen.pytest_plugin
from queen.sync import Queen as SyncQueen

USER_TESTS = """
import pytest


def test_sync_client(queen_sync_client, queen_queue_name):
    q = queen_queue_name("orders")
    assert "test_sync_client" in q
    queen_sync_client.queue(q).push([{"data": 1}])
    (message,) = queen_sync_client.queue(q).wait(True).timeout_millis(5000).pop()
    assert message["data"] == 1
    with open("names.txt", "a") as names:
        names.write(q + "\\n")


@pytest.mark.anyio
@pytest.mark.parametrize("anyio_backend", ["asyncio", "trio"])
async def test_async_client(queen_client, queen_queue_name, anyio_backend):
    q = queen_queue_name("events")
    await queen_client.queue(q).push([{"data": anyio_backend}])
    (message,) = await queen_client.queue(q).wait(True).timeout_millis(5000).pop()
    assert message["data"] == anyio_backend
    with open("names.txt", "a") as names:
        names.write(q + "\\n")


def test_url(queen_url):
    assert queen_url.startswith("http")
"""


def run_pytest(folder: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(folder)],
        capture_output=True,
        text=True,
        cwd=folder,
        # a user's suite: not our options (a --basetemp of ours would hold its cwd)
        env={**{k: v for k, v in os.environ.items() if k != "PYTEST_ADDOPTS"}, **env},
        timeout=300,
    )


def test_registered_through_the_entry_point(request: pytest.FixtureRequest) -> None:
    assert request.config.pluginmanager.get_plugin("queen") is queen.pytest_plugin


def test_our_suite_starts_its_server_through_the_plugin(server_url: str, queen_url: str) -> None:
    assert server_url == queen_url


def test_queen_sync_client_fixture(queen_sync_client: SyncQueen, queen_queue_name: Any) -> None:
    assert queen_sync_client.admin.health()["status"] == "healthy"
    assert queen_queue_name("a") != queen_queue_name("a")


def test_a_user_suite_gets_the_fixtures(tmp_path: Path, server_url: str) -> None:
    (tmp_path / "test_user.py").write_text(USER_TESTS)
    done = run_pytest(tmp_path, {"QUEEN_TEST_URL": server_url})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "4 passed" in done.stdout
    names = (tmp_path / "names.txt").read_text().split()
    assert len(names) == 3
    with SyncQueen(server_url) as client:
        existing = {entry["name"] for entry in client.admin.list_queues()["queues"]}
    assert existing.isdisjoint(names)  # the per-test queues were deleted afterwards


def test_nothing_starts_unless_a_fixture_asks(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(
        textwrap.dedent(
            """
            import queen.testing

            def refuse(*args, **kwargs):
                raise AssertionError("a server was started")

            queen.testing.local_server_sync = refuse
            queen.testing.local_server = refuse
            """
        )
    )
    (tmp_path / "test_plain.py").write_text("def test_plain():\n    assert 1 + 1 == 2\n")
    env = {"QUEEN_TEST_URL": "", "QUEEN_TEST_PG_DSN": ""}
    done = run_pytest(tmp_path, env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout

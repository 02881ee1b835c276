"""QUEEN_CLIENT_LOG=true: formatted lines through the ``queen`` logger; silent otherwise."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

SCRIPT = (
    "from queen import Queen; Queen('http://queen.test:6632', load_balancing_strategy='session')"
)
LINE = re.compile(
    r"^\[(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z)\] \[(INFO|WARN|ERROR)\] \[([\w.]+)\] (.*)$"
)


def run(env_value: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "QUEEN_CLIENT_LOG"}
    if env_value is not None:
        env["QUEEN_CLIENT_LOG"] = env_value
    return subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, check=True
    )


def test_log_lines_when_enabled() -> None:
    done = run("true")
    assert done.stdout == ""
    (line,) = done.stderr.splitlines()
    match = LINE.match(line)
    assert match is not None
    assert match.group(2) == "INFO"
    assert match.group(3) == "Queen.constructor"
    assert json.loads(match.group(4)) == {
        "urls": ["http://queen.test:6632"],
        "strategy": "session",
    }


def test_silent_by_default_and_for_other_values() -> None:
    for value in (None, "false", "1"):
        done = run(value)
        assert (done.stdout, done.stderr) == ("", "")

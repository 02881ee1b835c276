"""Shared fixtures for the contract tests: the spec, its validators and the upstream transcripts."""

from __future__ import annotations

from typing import Any

import pytest
from contract_support import COVERAGE, Contract, load_spec


@pytest.fixture(scope="session")
def spec() -> dict[str, Any]:
    """The parsed `openapi.yaml`."""
    return load_spec()


@pytest.fixture(scope="session")
def contract(spec: dict[str, Any]) -> Contract:
    """Router and jsonschema validators over `openapi.yaml`."""
    return Contract(spec)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Print the transcript coverage line after the run (when those tests ran)."""
    for line in COVERAGE.summary_lines():
        terminalreporter.write_line(line)

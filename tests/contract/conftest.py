"""Shared fixtures for the contract tests: the spec and the recorded upstream transcripts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
SPEC_PATH = REPO / "openapi.yaml"
TRANSCRIPTS = REPO.parent / "shared" / "upstream" / "transcripts"


@pytest.fixture(scope="session")
def spec() -> dict[str, Any]:
    """The parsed `openapi.yaml`."""
    with SPEC_PATH.open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = yaml.safe_load(handle)
    return loaded

"""The conformance suite runs every test on each HTTP backend, under asyncio and trio."""

from __future__ import annotations

from typing import Any

import pytest

from queen import Queen


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(params=["native", "httpx"])
def http_backend(request: pytest.FixtureRequest) -> str:
    """Each built-in HTTP backend, selected by name as a user would."""
    return str(request.param)


FAST_RETRIES: dict[str, Any] = {"retry_delay_millis": 1, "retry_max_delay_millis": 2}


@pytest.fixture
def connect(http_backend: str) -> Any:
    """``connect(url, **options)``: a client on the backend under test, with quick retries."""

    def make(url: str, **options: Any) -> Queen:
        return Queen(url, http_backend=http_backend, **{**FAST_RETRIES, **options})

    return make

"""Property-based requests from ``openapi.yaml`` (schemathesis) against an authenticated
server: no answer may be a server error.

Every operation gets ``EXAMPLES`` generated requests (valid and invalid ones), sent with an
admin token so that they reach the handlers; the run is bounded to about a minute. The
migration routes answer 501 by design (this server does not copy databases) and are the only
5xx allowed.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from typing import Any

import hypothesis
import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase

from queen_server.launch import ServerProcess

from .auth_keys import TOKENS, TOKENS_ENV
from .conftest import new_database

SPEC = os.path.join(os.path.dirname(__file__), "..", "..", "openapi.yaml")
#: generated requests per operation (about 3,500 in all)
EXAMPLES = int(os.environ.get("QUEEN_SCHEMATHESIS_EXAMPLES", "50"))
NOT_IMPLEMENTED = "/api/v1/migration/"


@pytest.fixture(scope="module")
def fuzzed_url(pg_dsn: str) -> Iterator[str]:
    with ServerProcess(
        new_database(pg_dsn, "qs_fuzz"), env={"QUEEN_AUTH_TOKENS": TOKENS_ENV}
    ) as server:
        yield server.url


def test_generated_requests_get_no_server_error(
    fuzzed_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    schema = schemathesis.openapi.from_path(SPEC)
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {TOKENS['admin']}"
    statuses: Counter[int] = Counter()
    server_errors: list[str] = []
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1

        @hypothesis.settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            derandomize=True,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @hypothesis.given(case=operation.as_strategy())
        def send(case: Any) -> None:
            if isinstance(case.query, dict) and ("timeout" in case.query or "wait" in case.query):
                case.query["timeout"] = "50"  # long polls would only add waiting
            response = case.call(base_url=fuzzed_url, session=session, timeout=60)
            statuses[response.status_code] += 1
            allowed = response.status_code == 501 and case.path.startswith(NOT_IMPLEMENTED)
            if response.status_code >= 500 and not allowed:
                server_errors.append(
                    f"{case.method} {case.formatted_path} -> {response.status_code} "
                    f"{response.text[:200]}"
                )

        send()
    total = sum(statuses.values())
    with capsys.disabled():
        print(
            f"\nschemathesis: {total} requests over {operations} operations, statuses "
            f"{dict(sorted(statuses.items()))}"
        )
    assert operations >= 69
    assert total >= operations * 3
    assert server_errors == []
    # the token reached the handlers: not everything was refused
    assert statuses[401] == 0

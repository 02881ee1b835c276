"""Every exchange recorded against the upstream server validates against `openapi.yaml`.

The matching and validation rules (routing, unrouted requests, CORS preflights, empty bodies,
request bodies that the server accepted or rejected) are described in `contract_support`.
"""

from __future__ import annotations

import pytest
from contract_support import COVERAGE, TRANSCRIPTS, Contract, Exchange, load_exchanges

EXCHANGES = load_exchanges(TRANSCRIPTS)
PARAMS = [pytest.param(e, id=e.id) for e in EXCHANGES]


@pytest.fixture(scope="module", autouse=True)
def _record_totals(contract: Contract) -> None:
    COVERAGE.start(total_exchanges=len(EXCHANGES), total_operations=len(contract.by_id))


@pytest.mark.parametrize("exchange", PARAMS)
def test_exchange_validates_against_the_spec(contract: Contract, exchange: Exchange) -> None:
    outcome = contract.check(exchange)
    assert outcome.checked, "nothing was checked"
    assert not outcome.problems, "\n".join(outcome.problems)
    COVERAGE.record(exchange, outcome)


def test_the_transcripts_exercise_every_upstream_operation(contract: Contract) -> None:
    exercised = {
        outcome.operation.operation_id
        for outcome in map(contract.check, EXCHANGES)
        if outcome.operation is not None
    }
    extensions = {op.operation_id for op in contract.operations if op.data.get("x-queen-extension")}
    never = sorted(set(contract.by_id) - exercised - extensions)
    # Operator-only routes that were not recorded (they need a second database server).
    assert never == [
        "migration_reset",
        "migration_start",
        "migration_test_connection",
        "migration_validate",
    ]

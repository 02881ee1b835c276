"""The column-wise hot path of ``ack/batch`` reads a batch exactly as the entry-by-entry walk.

``_usual_columns`` checks only the distinct values of each field; whenever it accepts a batch,
its columns must equal those of ``_checked_columns`` (the loop that words the errors), and
whenever an entry is unusual it must step aside so that the loop can answer 400.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from queen_server.routes.ack import AckItems, _checked_columns, _usual_columns
from queen_server.web import BadRequest

PARTITION = "0190e5d2-1c2b-7a3d-8e4f-5a6b7c8d9e0f"


def _columns(items: AckItems) -> tuple[list[Any], ...]:
    return (
        items.txns,
        items.partitions,
        items.statuses,
        items.groups,
        items.leases,
        items.errors,
    )


#: field values: the usual ones, and the unusual types a client may send
_text = st.sampled_from(["t-1", "t-2", 'quote"', "ünï", ""])
_maybe_text = st.one_of(st.none(), _text)
_odd = st.one_of(st.integers(), st.booleans(), st.lists(st.integers(), max_size=1))
_partition = st.sampled_from(
    [PARTITION, PARTITION.upper(), "0190E5D2-1C2B-7A3D-8E4F-5A6B7C8D9E0F", "not-a-uuid"]
)
_entry = st.fixed_dictionaries(
    {"transactionId": st.one_of(_text, _odd), "partitionId": st.one_of(_partition, _odd)},
    optional={
        "status": st.one_of(st.sampled_from(["completed", "failed", "retry"]), st.none(), _odd),
        "leaseId": st.one_of(_maybe_text, _odd),
        "error": st.one_of(_maybe_text, _odd),
        "consumerGroup": st.one_of(_maybe_text, _odd),
    },
)


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(
    acks=st.lists(st.one_of(_entry, _odd), min_size=1, max_size=6),
    top_group=st.one_of(st.none(), _text, _odd),
)
def test_usual_columns_agree_with_the_walk(acks: list[Any], top_group: Any) -> None:
    usual = _usual_columns(acks, top_group)
    try:
        walked = _checked_columns(acks, top_group)
    except BadRequest:
        assert usual is None  # an unusual entry: the walk words the error
        return
    if usual is not None:
        assert _columns(usual) == _columns(walked)


def test_a_usual_batch_takes_the_column_path() -> None:
    acks = [
        {"transactionId": f"t-{i}", "partitionId": PARTITION.upper(), "leaseId": "L"}
        for i in range(3)
    ]
    items = _usual_columns(acks, None)
    assert items is not None
    assert _columns(items) == (
        ["t-0", "t-1", "t-2"],
        [PARTITION] * 3,
        ["completed"] * 3,
        ["__QUEUE_MODE__"] * 3,
        ["L"] * 3,
        [None] * 3,
    )
    assert _usual_columns(acks, "g") is not None
    assert _usual_columns(acks, "g").groups == ["g"] * 3  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"transactionId": 1, "partitionId": PARTITION}, "valid transactionId"),
        ({"transactionId": "t", "partitionId": "nope"}, "acknowledgments[1].partitionId"),
        ({"transactionId": "t", "partitionId": [PARTITION]}, "valid partitionId string"),
        ({"transactionId": "t", "partitionId": PARTITION, "status": 3}, "status"),
        ({"transactionId": "t", "partitionId": PARTITION, "leaseId": []}, "leaseId"),
    ],
)
def test_an_unusual_entry_is_worded_by_the_walk(entry: dict[str, Any], message: str) -> None:
    acks = [{"transactionId": "ok", "partitionId": PARTITION}, entry]
    assert _usual_columns(acks, None) is None
    with pytest.raises(BadRequest, match=message.replace("[", r"\[").replace("]", r"\]")):
        _checked_columns(acks, None)

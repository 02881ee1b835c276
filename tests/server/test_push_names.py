"""Push remembers the names that passed validation, and only those, within a bound."""

from __future__ import annotations

import pytest

from queen_server.routes import push
from queen_server.web import BadRequest


def test_a_checked_name_takes_the_hot_path_from_the_first_item_on() -> None:
    push.parse_items([{"queue": "remembered-q", "partition": "remembered-p", "payload": 1}])
    assert {"remembered-q", "remembered-p"} <= push._VALID_NAMES
    batch = push.parse_items([{"queue": "remembered-q", "partition": "remembered-p"}])
    assert (batch.queues, batch.partitions, batch.counts) == (
        ["remembered-q"],
        ["remembered-p"],
        [1],
    )


@pytest.mark.parametrize("bad", ["a/b", "..", "", "x" * 1000, "sp ace"])
def test_a_bad_name_is_refused_every_time_and_never_remembered(bad: str) -> None:
    for _ in range(2):
        with pytest.raises(BadRequest, match=r"items\[1\]\.queue"):
            push.parse_items([{"queue": "ok-q", "payload": 1}, {"queue": bad, "payload": 2}])
    assert bad not in push._VALID_NAMES


def test_the_remembered_names_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(push, "_VALID_NAMES", {push.DEFAULT_PARTITION})
    for n in range(push._VALID_NAMES_LIMIT * 2):
        push.parse_items([{"queue": f"q-{n}", "payload": n}])
    assert len(push._VALID_NAMES) <= push._VALID_NAMES_LIMIT + 1
    assert push.DEFAULT_PARTITION in push._VALID_NAMES

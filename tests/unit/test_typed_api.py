"""The public API as a type checker and a REPL see it: typed options, useful reprs."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from mypy import api as mypy_api

import queen.sync
from queen import Queen

from .conftest import BASE

SECRET = "s3cr3t-token-value"


def test_reprs_show_urls_and_options_never_the_token() -> None:
    client = Queen([BASE, "http://q2:6632"], bearer_token=SECRET, timeout_millis=5000)
    builder = client.queue("orders").partition("eu").batch(10).group("billing")
    texts = [
        repr(client),
        repr(builder),
        repr(builder.dlq().limit(5)),
        repr(client.admin),
        repr(client.transaction().queue("shipping")),
    ]
    assert all(SECRET not in text for text in texts)
    assert "http://queen.test:6632" in texts[0]
    assert "'http://q2:6632'" in texts[0]
    assert "open" in texts[0]
    assert texts[1] == (
        "<queen.QueueBuilder queue='orders', partition='eu', group='billing', batch=10>"
    )
    assert texts[2] == "<queen.DLQBuilder queue='orders' group=None limit=5 offset=0>"
    blocking = queen.sync.Queen(BASE, bearer_token=SECRET)
    assert SECRET not in repr(blocking)
    assert repr(blocking.queue("orders")) == "<queen.sync.QueueBuilder queue='orders'>"
    blocking.close()
    assert "closed" in repr(blocking)


def test_builder_options_are_frozen_values() -> None:
    client = Queen(BASE)
    base = client.queue("orders")
    refined = base.batch(10)
    assert base.options.batch is None
    assert refined.options.batch == 10
    with pytest.raises(AttributeError):
        refined.options.batch = 20  # type: ignore[misc]


MISTAKES = textwrap.dedent(
    """
    from queen import Queen

    async def main() -> None:
        queen = Queen("http://localhost:6632", timout_millis=5)
        await queen.ack({"transactionId": "t", "partitionId": "p"}, "done")
        await queen.queue("q").push({"data": 1, "tracId": "x"})
    """
)


def test_mypy_catches_misspelt_options_and_bad_literals(tmp_path: Path) -> None:
    source = tmp_path / "user_code.py"
    source.write_text(MISTAKES)
    stdout, _, status = mypy_api.run(
        ["--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"), str(source)]
    )
    assert status == 1
    assert 'user_code.py:5: error: Unexpected keyword argument "timout_millis"' in stdout
    assert 'user_code.py:6: error: No overload variant of "ack"' in stdout
    assert 'user_code.py:7: error: Argument 1 to "push"' in stdout
    assert "Found 3 errors" in stdout


def test_reused_builders_stay_values() -> None:
    client = Queen(BASE)
    orders = client.queue("orders")
    assert client.queue("orders") is orders  # one builder per name is enough: they are values
    buffered = orders.buffer({"message_count": 10})
    assert orders.buffer({"message_count": 10}) is buffered
    assert orders.options.buffer is None
    other = orders.buffer({"message_count": 20})
    assert other.options.buffer is not None
    assert other.options.buffer.message_count == 20
    assert buffered.options.buffer is not None
    assert buffered.options.buffer.message_count == 10
    assert orders.partition("p").options.partition == "p"
    assert client.queue("orders").options.partition is None

"""queen.sync mirrors the async API: same classes, method names, parameters and defaults."""

from __future__ import annotations

import inspect
import types

import pytest

import queen
import queen.sync
from queen._options import QueueBuilderOptions

PAIRS = [
    (queen.sync.Queen, queen.Queen),
    (queen.sync.QueueBuilder, queen.QueueBuilder),
    (queen.sync.DLQBuilder, queen.DLQBuilder),
    (queen.sync.TransactionBuilder, queen.TransactionBuilder),
    (queen.sync.Admin, queen.Admin),
]


def public_members(cls: type) -> dict[str, object]:
    members: dict[str, object] = {}
    for klass in reversed(cls.__mro__[:-1]):
        for name, value in vars(klass).items():
            if not name.startswith("_"):
                members[name] = value
    return members


@pytest.mark.parametrize(("blocking", "async_"), PAIRS, ids=lambda c: c.__name__)
def test_every_async_member_has_a_blocking_twin(blocking: type, async_: type) -> None:
    twins = public_members(blocking)
    for name, member in public_members(async_).items():
        assert name in twins, f"{blocking.__name__}.{name} is missing"
        twin = twins[name]
        if isinstance(member, property):
            assert isinstance(twin, property), name
            continue
        if isinstance(member, types.MemberDescriptorType):  # a plain attribute (__slots__)
            assert isinstance(twin, types.MemberDescriptorType), name
            continue
        assert callable(twin), name
        expected = inspect.signature(getattr(async_, name)).parameters
        got = inspect.signature(getattr(blocking, name)).parameters
        assert [(p.name, p.kind, p.default) for p in got.values()] == [
            (p.name, p.kind, p.default) for p in expected.values()
        ], name
        assert not inspect.iscoroutinefunction(getattr(blocking, name)), name
        assert getattr(blocking, name).__doc__, f"{blocking.__name__}.{name} has no docstring"


def test_client_attributes() -> None:
    blocking = queen.sync.Queen("http://127.0.0.1:1/", timeout_millis=1234)
    assert list(blocking.config.urls) == ["http://127.0.0.1:1"]
    assert blocking.config.timeout_millis == 1234
    assert isinstance(blocking.admin, queen.sync.Admin)
    assert blocking.closed is False
    blocking.close()  # never started: nothing to stop
    assert blocking.closed is True


def test_builders_are_copy_on_write() -> None:
    client = queen.sync.Queen("http://127.0.0.1:1")
    base = client.queue("orders")
    refined = base.batch(10).group("billing")
    assert refined is not base
    assert base.options == QueueBuilderOptions(queue="orders")
    assert refined.options == QueueBuilderOptions(queue="orders", batch=10, group="billing")
    transaction = client.transaction().queue("out").push([{"data": 1}])
    assert [op["type"] for op in transaction.operations] == ["push"]
    client.close()

"""Every window kind through the engine, with a controlled clock: when windows close, late
events, grace periods, session gaps, cron boundaries, closing on idle."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest

from queen.streams import Stream
from queen.streams._state import PartitionState

from .support import PARTITION_ID as P
from .support import Partition, emitted, message


def counts(stream: Stream) -> Stream:
    return stream.aggregate({"count": lambda v: 1, "sum": lambda v: v["n"]})


def ev(n: int, t: int) -> dict[str, Any]:
    """An event with value ``n`` at event time ``t`` (also its createdAt)."""
    return message({"n": n, "ts": t}, t)


def by_event_time(stream: Stream, **options: Any) -> Stream:
    return stream.window_tumbling(seconds=1, event_time=lambda m: m["data"]["ts"], **options)


# --- tumbling, processing time -----------------------------------------------------------
def test_tumbling_window_closes_when_a_later_message_passes_its_end(source: Stream) -> None:
    part = Partition(counts(source.window_tumbling(seconds=1)))
    first = part.batch(ev(1, 0), ev(2, 400), ev(3, 999))
    assert first.emits == []
    assert [w.acc for w in part.state.windows.values()] == [{"count": 3, "sum": 6}]
    second = part.batch(ev(4, 1000))
    assert emitted(second) == [(P, {"count": 3, "sum": 6}, 0, 1000)]
    assert second.ack == 0
    assert second.count == 1
    # the stored row of the closed window is deleted, the new window is stored
    assert [(w.start, w.acc) for w in part.state.windows.values()] == [
        (1000, {"count": 1, "sum": 4})
    ]


def test_a_batch_spanning_windows_emits_each_closed_window_once(source: Stream) -> None:
    part = Partition(counts(source.window_tumbling(seconds=1)))
    out = part.batch(ev(1, 100), ev(2, 1100), ev(3, 2100), ev(4, 3050))
    assert emitted(out) == [
        (P, {"count": 1, "sum": 1}, 0, 1000),
        (P, {"count": 1, "sum": 2}, 1000, 2000),
        (P, {"count": 1, "sum": 3}, 2000, 3000),
    ]
    assert list(part.state.windows) == [(3000, P)]


def test_grace_period_keeps_a_window_open_past_its_end(source: Stream) -> None:
    part = Partition(counts(source.window_tumbling(seconds=1, grace_period=0.5)))
    assert part.batch(ev(1, 900), ev(2, 1499)).emits == []
    assert emitted(part.batch(ev(3, 1500))) == [(P, {"count": 1, "sum": 1}, 0, 1000)]


def test_idle_flush_closes_windows_on_the_clock(source: Stream) -> None:
    part = Partition(counts(source.window_tumbling(seconds=1, idle_flush_ms=100)))
    part.batch(ev(1, 100), ev(2, 200))
    assert part.flush(999).emits == []
    assert part.state.windows  # still open
    flushed = part.flush(1000)
    assert emitted(flushed) == [(P, {"count": 2, "sum": 3}, 0, 1000)]
    assert flushed.ack is None  # a flush acknowledges nothing
    assert part.state.windows == {}
    assert part.flush(5000).emits == []  # nothing twice


def test_open_windows_survive_a_restart_through_the_stored_rows(source: Stream) -> None:
    part = Partition(counts(source.window_tumbling(seconds=1)))
    out = part.batch(ev(1, 100), ev(2, 200))
    rows = {op["key"]: op["value"] for op in out.changes.ops(0)}
    restarted = Partition(counts(source.window_tumbling(seconds=1)))
    restarted.state = PartitionState.load(rows, 7)
    assert emitted(restarted.batch(ev(3, 1000))) == [(P, {"count": 2, "sum": 3}, 0, 1000)]


# --- event time, watermark, late events --------------------------------------------------
def test_event_time_windows_close_on_the_watermark(source: Stream) -> None:
    part = Partition(counts(by_event_time(source)))
    out = part.batch(ev(1, 100), ev(2, 900), ev(3, 1200))
    assert emitted(out) == [(P, {"count": 2, "sum": 3}, 0, 1000)]
    assert part.state.watermark == 1200
    assert [op["key"] for op in out.changes.ops(0)][-1] == "__wm__"


def test_late_events_are_dropped_and_counted(source: Stream) -> None:
    part = Partition(counts(by_event_time(source)))
    part.batch(ev(1, 100), ev(2, 1200))
    late = part.batch(ev(5, 950), ev(6, 1300))
    assert late.late == 1
    assert late.emits == []
    assert [w.acc for w in part.state.windows.values()] == [{"count": 2, "sum": 8}]


def test_late_events_can_be_included_as_a_correction(source: Stream) -> None:
    part = Partition(counts(by_event_time(source, on_late="include")))
    first = part.batch(ev(1, 100), ev(2, 1200))
    assert emitted(first) == [(P, {"count": 1, "sum": 1}, 0, 1000)]
    correction = part.batch(ev(5, 950))
    assert correction.late == 1
    # the closed window is emitted again, with only its late events
    assert emitted(correction) == [(P, {"count": 1, "sum": 5}, 0, 1000)]


def test_allowed_lateness_holds_the_watermark_back(source: Stream) -> None:
    part = Partition(counts(by_event_time(source, allowed_lateness=0.5)))
    assert part.batch(ev(1, 100), ev(2, 1200)).emits == []
    assert part.state.watermark == 700
    on_time = part.batch(ev(3, 950))  # after the watermark (700): not late
    assert on_time.late == 0
    assert on_time.emits == []
    assert part.batch(ev(4, 650)).late == 1  # before it: late
    closed = part.batch(ev(5, 1600))  # watermark 1100 passes the window's end
    assert emitted(closed) == [(P, {"count": 2, "sum": 4}, 0, 1000)]


def test_the_watermark_never_moves_back(source: Stream) -> None:
    part = Partition(counts(by_event_time(source, allowed_lateness=1)))
    part.batch(ev(1, 5000))
    assert part.state.watermark == 4000
    out = part.batch(ev(2, 4500))
    assert out.changes.watermark is None
    assert part.state.watermark == 4000


def test_event_time_accepts_datetimes_and_iso_strings(source: Stream) -> None:
    stamps = {
        1: datetime(2026, 1, 1, 0, 0, 0, 500_000, tzinfo=timezone.utc),
        2: "2026-01-01T00:00:00.900Z",
        3: "2026-01-01T00:00:01.100+00:00",
    }
    stream = source.window_tumbling(seconds=1, event_time=lambda m: stamps[m["data"]["n"]])
    part = Partition(counts(stream))
    out = part.batch(ev(1, 0), ev(2, 0), ev(3, 0))
    start = int(datetime(2026, 1, 1, tzinfo=timezone.utc).timestamp() * 1000)
    assert emitted(out) == [(P, {"count": 2, "sum": 3}, start, start + 1000)]


def test_an_event_without_a_usable_time_is_skipped_and_reported(source: Stream) -> None:
    stream = source.window_tumbling(seconds=1, eventTime=lambda m: m["data"].get("ts"))
    part = Partition(counts(stream))
    out = part.batch(ev(1, 100), message({"n": 2}, 200), ev(3, 300))
    assert len(out.skipped) == 1
    assert "no event time" in str(out.skipped[0])
    assert [w.acc for w in part.state.windows.values()] == [{"count": 2, "sum": 4}]
    assert out.ack == 2
    assert out.count == 3


# --- sliding -------------------------------------------------------------------------------
def test_every_event_is_in_each_of_its_overlapping_sliding_windows(source: Stream) -> None:
    stream = source.window_sliding(size=3, slide=1).reduce(lambda acc, v: [*acc, v["n"]], [])
    part = Partition(stream)
    times = list(range(0, 6000, 250))
    out = emitted(part.batch(*[ev(i, t) for i, t in enumerate(times)]))
    out += emitted(part.flush(10_000))
    windows = {start: sorted(value) for _, value, start, _ in out}
    expected: dict[int, list[int]] = {}
    for i, t in enumerate(times):
        for start in range(-2000, 6000, 1000):
            if start <= t < start + 3000:
                expected.setdefault(start, []).append(i)
    assert windows == expected
    assert sum(len(v) for v in windows.values()) == 3 * len(times)
    assert all(end - start == 3000 for _, _, start, end in out)  # type: ignore[operator]


def test_sliding_windows_close_one_by_one(source: Stream) -> None:
    part = Partition(counts(source.window_sliding(size=2, slide=1)))
    part.batch(ev(1, 500))  # in [-1000, 1000) and [0, 2000)
    closed = part.batch(ev(2, 1500))
    assert emitted(closed) == [(P, {"count": 1, "sum": 1}, -1000, 1000)]
    closed = part.batch(ev(3, 2000))
    assert emitted(closed) == [(P, {"count": 2, "sum": 3}, 0, 2000)]


# --- sessions ------------------------------------------------------------------------------
def sessions(source: Stream, **options: Any) -> Stream:
    return (
        source.key_by(lambda m: m["data"]["user"])
        .window_session(gap=1, event_time=lambda m: m["data"]["ts"], **options)
        .aggregate({"count": lambda v: 1, "sum": lambda v: v["n"]})
    )


def click(user: str, n: int, t: int) -> dict[str, Any]:
    return message({"user": user, "n": n, "ts": t}, t)


def test_a_session_grows_while_events_come_within_the_gap(source: Stream) -> None:
    part = Partition(sessions(source))
    out = part.batch(click("a", 1, 0), click("a", 2, 500), click("a", 3, 1400))
    assert out.emits == []
    (session,) = part.state.sessions.values()
    assert (session.start, session.last, session.acc) == (0, 1400, {"count": 3, "sum": 6})


def test_a_gap_closes_the_session_and_opens_the_next(source: Stream) -> None:
    part = Partition(sessions(source))
    part.batch(click("a", 1, 0), click("a", 2, 900))
    out = part.batch(click("a", 3, 1901))  # 1001 ms after the last event: a new session
    assert emitted(out) == [("a", {"count": 2, "sum": 3}, 0, 1900)]
    assert part.state.sessions["a"].start == 1901


def test_sessions_are_per_key_and_close_on_the_watermark(source: Stream) -> None:
    part = Partition(sessions(source))
    part.batch(click("a", 1, 0), click("b", 10, 300), click("a", 2, 800))
    out = part.batch(click("c", 100, 2100))  # watermark 2100: a ends 1800, b ends 1300
    assert emitted(out) == [
        ("a", {"count": 2, "sum": 3}, 0, 1800),
        ("b", {"count": 1, "sum": 10}, 300, 1300),
    ]
    assert list(part.state.sessions) == ["c"]


def test_an_out_of_order_event_within_the_gap_extends_the_session_back(source: Stream) -> None:
    part = Partition(sessions(source, allowed_lateness=5))
    part.batch(click("a", 1, 1000), click("a", 2, 1500))
    part.batch(click("a", 3, 400))
    session = part.state.sessions["a"]
    assert (session.start, session.last, session.acc["count"]) == (400, 1500, 3)


def test_session_grace_and_idle_flush(source: Stream) -> None:
    stream = source.window_session(gap=1, grace_period=0.5).aggregate({"count": lambda v: 1})
    part = Partition(stream)
    part.batch(ev(1, 0), ev(2, 600))  # processing time; session ends 1600
    assert part.flush(2099).emits == []
    assert emitted(part.flush(2100)) == [(P, {"count": 2}, 0, 1600)]
    assert part.state.sessions == {}


def test_a_session_without_initial_starts_at_zero(source: Stream) -> None:
    part = Partition(source.window_session(gap=1).reduce(lambda acc, v: acc + v["n"]))
    part.batch(ev(4, 0), ev(5, 10))
    assert emitted(part.flush(5000)) == [(P, 9, 0, 1010)]


# --- cron ----------------------------------------------------------------------------------
def ms(*parts: int) -> int:
    return int(datetime(*parts, tzinfo=timezone.utc).timestamp() * 1000)  # type: ignore[arg-type,misc]


@pytest.mark.parametrize(
    ("every", "at", "start", "end"),
    [
        (
            "second",
            ms(2026, 3, 4, 12, 0, 30) + 700,
            ms(2026, 3, 4, 12, 0, 30),
            ms(2026, 3, 4, 12, 0, 31),
        ),
        ("minute", ms(2026, 3, 4, 12, 0, 30), ms(2026, 3, 4, 12, 0), ms(2026, 3, 4, 12, 1)),
        ("hour", ms(2026, 3, 4, 12, 59, 59), ms(2026, 3, 4, 12), ms(2026, 3, 4, 13)),
        ("day", ms(2026, 3, 4, 23, 59), ms(2026, 3, 4), ms(2026, 3, 5)),
        # 2026-03-04 is a Wednesday: its week starts on Monday 2026-03-02, 00:00 UTC
        ("week", ms(2026, 3, 4, 8), ms(2026, 3, 2), ms(2026, 3, 9)),
        ("week", ms(2026, 3, 9), ms(2026, 3, 9), ms(2026, 3, 16)),  # a Monday, 00:00
        ("week", ms(2026, 3, 8, 23, 59), ms(2026, 3, 2), ms(2026, 3, 9)),  # the Sunday before
    ],
)
def test_cron_windows_follow_the_utc_calendar(
    source: Stream, every: str, at: int, start: int, end: int
) -> None:
    part = Partition(counts(source.window_cron(every=every)))
    part.batch(ev(1, at))
    assert [(w.start, w.end) for w in part.state.windows.values()] == [(start, end)]
    assert part.batch(ev(2, end - 1)).emits == []  # the last millisecond is still inside
    assert emitted(part.batch(ev(3, end))) == [(P, {"count": 2, "sum": 3}, start, end)]


# --- reducers ------------------------------------------------------------------------------
def test_reduce_starts_every_window_from_a_fresh_copy_of_initial(source: Stream) -> None:
    def add(acc: dict[str, Any], v: dict[str, Any]) -> dict[str, Any]:
        acc["seen"].append(v["n"])  # updates in place, as reducers often do
        return acc

    part = Partition(source.window_tumbling(seconds=1).reduce(add, {"seen": []}))
    out = part.batch(ev(1, 0), ev(2, 1000), ev(3, 2000))
    assert [value for _, value, _, _ in emitted(out)] == [{"seen": [1]}, {"seen": [2]}]


def test_a_failing_batch_leaves_the_stored_accumulator_untouched(source: Stream) -> None:
    def add(acc: dict[str, Any], v: dict[str, Any]) -> dict[str, Any]:
        acc["seen"].append(v["n"])
        if v["n"] == 3:
            raise RuntimeError("boom")
        return acc

    part = Partition(source.window_tumbling(seconds=1).reduce(add, {"seen": []}))
    part.batch(ev(1, 0))
    with pytest.raises(RuntimeError, match="boom"):
        part.batch(ev(2, 10), ev(3, 20))
    assert [w.acc for w in part.state.windows.values()] == [{"seen": [1]}]


def test_aggregate_figures(source: Stream) -> None:
    stream = source.window_tumbling(seconds=1).aggregate(
        {
            "count": lambda v: v.get("weight", "x"),
            "sum": lambda v: v["n"],
            "min": lambda v: v["n"],
            "max": lambda v: v["n"],
            "avg": lambda v: v["n"],
            "bytes": lambda v: v.get("size"),
        }
    )
    part = Partition(stream)
    part.batch(
        message({"n": 4, "weight": 2, "size": 10}, 0),
        message({"n": None}, 1),
        message({"n": -2, "size": "big"}, 2),
        message({"n": True, "size": 5}, 3),  # booleans are not numbers
    )
    ((_, value, _, _),) = emitted(part.flush(1000))
    assert value == {"count": 5, "sum": 2, "min": -2, "max": 4, "avg": 1.0, "bytes": 15}


def test_aggregate_of_an_empty_field_set_is_refused(source: Stream) -> None:
    with pytest.raises(ValueError, match="dict of named extractors"):
        source.window_tumbling(seconds=1).aggregate({})
    with pytest.raises(ValueError, match="not allowed"):
        source.window_tumbling(seconds=1).aggregate({"__avg_sum": lambda v: 1})

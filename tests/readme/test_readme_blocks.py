"""Every ```python block of README.md runs here, as written, against a real queen_server.

The README is the source: nothing is copied from it. Each python block is preceded by an
HTML comment, invisible when rendered, saying how it runs:

* ``<!-- test: async -->`` — a fragment with top-level ``await``, run in an event loop under
  asyncio AND trio, with ``queen`` a live async client;
* ``<!-- test: sync -->`` — a fragment run with the blocking client in a worker thread (no
  event loop there). ``async sync`` runs an async fragment three times: the third time with
  every ``await`` and ``async`` removed, on ``queen.sync.Queen`` — the README promises the
  blocking client has the same API and returns the same data;
* ``until-stopped`` (with ``async`` / ``sync``) — the fragment runs until cancelled (a
  consumer): the test stops it (cancels it; ``close()`` from another thread for sync) once
  its check's ``done`` holds, and fails if it returned by itself or never got there;
* ``<!-- test: program -->`` — a whole program (``asyncio.run``, ``trio.run``, ``anyio.run``,
  a ``with Queen(...)`` script) run as ``python`` in its own process; it must exit 0.
  ``signal=SIGTERM`` marks a service: it gets the signal once its work is seen done;
* ``<!-- test: pytest -->`` — test functions for the reader's suite, run by pytest in its own
  process with queen's plugin, on this session's server and database;
* ``<!-- test: construct -->`` — builds clients only (URLs that do not resolve): executed
  here, nothing sent.

``http://localhost:6632`` in a block becomes the session server's URL. Names a block uses
without defining them (``queen``, ``message``, ``m1``, ``charge``, ...) come from one place,
``placeholders.py``: real clients, real messages popped from a seeded ``orders`` queue,
recorders standing in for the reader's functions. Each block has one check in ``specs.py``
(matched by section and text) that seeds what the block needs and asserts on values: what
the block left in its variables, what its client sent and the server answered, what the
recorders received, what a program printed, what the server holds afterwards.

Isolation: before and after each run, the queues and consumer groups the README names are
deleted from the session's server, so no run (no flavour of the same block) sees another's
leftovers. A python block without a marker, a marker not followed by a python block, a block
without exactly one check, and a check matching no block all fail, naming the README line.
Test ids are ``<section>-L<line>-<flavour>``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest

from . import specs
from .blocks import Block, free_names, read
from .harness import SPECS, Run, flavours, spec_for

assert specs  # registers the checks

README = read()
Runner = Callable[[Block, str], Awaitable[Run]]


def runs() -> Iterator[object]:
    for block in README.python:
        if block.marker is None or block.marker.problems:
            yield pytest.param(block, "unmarked", id=f"{block.ident}-unmarked")
            continue
        found = [s for s in SPECS if s.matches(block)]
        marks = []
        if len(found) == 1 and found[0].xfail:
            marks.append(pytest.mark.xfail(reason=found[0].xfail, strict=True))
        for flavour in flavours(block):
            yield pytest.param(block, flavour, id=f"{block.ident}-{flavour}", marks=marks)


@pytest.mark.anyio
@pytest.mark.timeout(120)
@pytest.mark.parametrize(("block", "flavour"), list(runs()))
async def test_block(block: Block, flavour: str, readme: Runner) -> None:
    if flavour == "unmarked":
        problems = block.marker.problems if block.marker else ("no marker",)
        pytest.fail(
            f"README.md line {block.line} ({block.section}): a ```python block needs a "
            f"<!-- test: MODE --> comment on the line before it ({'; '.join(problems)})",
            pytrace=False,
        )
    await readme(block, flavour)


# --- the harness's own rules ---------------------------------------------------------------


def test_the_readme_has_its_examples() -> None:
    assert len(README.python) >= 25
    assert {mode for b in README.python for mode in b.modes} == {
        "async",
        "sync",
        "program",
        "pytest",
        "construct",
    }


def test_every_marker_is_followed_by_a_python_block() -> None:
    assert not README.dangling, [
        f"README.md line {m.line}: the marker is not followed by a ```python block"
        for m in README.dangling
    ]


def test_every_block_has_exactly_one_check() -> None:
    for block in README.python:
        spec_for(block)


def test_every_check_belongs_to_a_block() -> None:
    stale = [s for s in SPECS if sum(s.matches(b) for b in README.python) != 1]
    assert not stale, [f"{s.section!r} / {s.contains!r}: {s.check.__name__}" for s in stale]


def test_markers_and_blocks_are_read_as_a_renderer_reads_them(tmp_path: Path) -> None:
    text = "\n".join(
        [
            "# T",
            "<!-- test: async -->",
            "```python",
            "await queen.ack(message, True)",
            "``` trailing text keeps the fence open, as renderers show it",
            "still code",
            "```",
            "```python",
            "x = 1",
            "```",
            "<!-- test: program -->",
            "",
            "prose between the marker and the block",
            "",
            "```python",
            "print(1)",
            "```",
            "<!-- test: async pytest fast -->",
            "```bash",
            "make test",
            "```",
        ]
    )
    path = tmp_path / "README.md"
    path.write_text(text + "\n", encoding="utf-8")
    readme = read(path)
    first, unmarked, after_prose, _ = readme.blocks
    assert (first.line, first.modes) == (3, ("async",))
    assert "still code" in first.code
    assert free_names(first.code.split("```")[0]) == {"queen", "message"}
    assert (unmarked.line, unmarked.marker) == (8, None)
    assert after_prose.marker is None
    assert [m.line for m in readme.dangling] == [11, 18]
    problems = readme.markers[-1].problems
    assert "unknown word 'fast'" in problems
    assert any("cannot be combined" in p for p in problems)

"""Running one README block in one flavour, and what its check sees afterwards.

Flavours: ``asyncio`` and ``trio`` (an ``async`` fragment, top-level ``await`` allowed, run
in this process's event loop), ``sync`` (the same fragment with every ``await`` / ``async``
removed, run in a worker thread with the blocking client: the README promises the same API),
``process`` (a ``program`` block as its own ``python`` process), ``pytest`` (a ``pytest`` block
as a test file run by pytest in its own process) and ``construct`` (executed here, no server).
"""

from __future__ import annotations

import ast
import inspect
import json
import os
import signal
import sys
import xml.etree.ElementTree as ElementTree
from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from pathlib import Path
from types import CodeType
from typing import Any

import anyio
import anyio.to_thread

import queen
import queen.sync

from .blocks import README, Block, free_names
from .placeholders import Placeholders
from .process_support import RECORDS_ENV
from .recording import RecordingBackend

#: Every README example talks to this URL; the tests put the test server's in its place.
README_URL = "http://localhost:6632"
#: How long one block may run (a failing bound, never a measured figure).
DEADLINE = 60.0
PROCESS_SUPPORT = Path(__file__).with_name("process_support.py")

FLAVOURS = {
    "async": ("asyncio", "trio"),
    "sync": ("sync",),
    "program": ("process",),
    "pytest": ("pytest",),
    "construct": ("construct",),
}


def flavours(block: Block) -> list[str]:
    """The flavours a marked block runs in, in README order of its modes."""
    return [flavour for mode in block.modes for flavour in FLAVOURS[mode]]


# --- the checks, one per block -------------------------------------------------------------


@dataclass
class Run:
    """One run of one block: its inputs and everything the check may look at."""

    block: Block
    flavour: str
    server_url: str
    server: queen.Queen  # an async client for seeding and inspection, not recorded
    tmp: Path
    pg_dsn: str = ""
    ns: dict[str, Any] = field(default_factory=dict)  # the block's globals afterwards
    placeholders: Placeholders | None = None
    http: RecordingBackend | None = None  # what the placeholder ``queen`` sent
    stdout: str = ""
    stderr: str = ""
    records: Path | None = None  # calls of the stand-ins in a block's own process
    outcomes: dict[str, str] = field(default_factory=dict)  # pytest blocks: test -> outcome
    stopped: bool = False  # an until-stopped block was stopped by the harness

    def recorded(self, name: str) -> list[Any]:
        """The arguments of every call the stand-in ``name`` received, in order."""
        if self.placeholders is not None:
            return [list(args) for args in self.placeholders.recorded(name)]
        if self.records is None or not self.records.exists():
            return []
        lines = self.records.read_text(encoding="utf-8").splitlines()
        return [entry["args"] for entry in map(json.loads, lines) if entry["name"] == name]

    async def call(self, function: Callable[..., Any], *args: Any) -> Any:
        """Call something the block defined, as its flavour would (in a thread for sync)."""
        if self.flavour == "sync":
            return await anyio.to_thread.run_sync(lambda: function(*args))
        result = function(*args)
        return await result if inspect.isawaitable(result) else result


Check = Callable[[Run], Awaitable[None]]


@dataclass
class Spec:
    """How one block is prepared and checked.

    ``seed`` fills the server before the placeholders are made; ``setup`` may adjust the
    block's globals; ``done`` tells when an until-stopped block has done its work (it is
    then stopped); ``needs`` adds placeholders the check uses; ``replace`` maps text of the
    block to what the test puts there (e.g. a file path), given the run's temporary folder;
    ``epilogue`` is code a program block's process runs after it; ``xfail`` names a bug.
    """

    section: str
    contains: str | None
    check: Check
    seed: Callable[[queen.Queen], Awaitable[None]] | None = None
    setup: Callable[[Run], Awaitable[None]] | None = None
    done: Callable[[Run], Awaitable[bool]] | None = None
    needs: tuple[str, ...] = ()
    replace: Callable[[Path], dict[str, str]] | None = None
    epilogue: str | None = None
    xfail: str | None = None

    def matches(self, block: Block) -> bool:
        return block.section == self.section and (
            self.contains is None or self.contains in block.code
        )


SPECS: list[Spec] = []


def spec(section: str, contains: str | None = None, **options: Any) -> Callable[[Check], Check]:
    """Register the decorated check for the block of ``section`` containing ``contains``."""

    def register(check: Check) -> Check:
        SPECS.append(Spec(section, contains, check, **options))
        return check

    return register


def spec_for(block: Block) -> Spec:
    """The one spec of ``block``; none, or several, fails naming the block."""
    found = [s for s in SPECS if s.matches(block)]
    if len(found) != 1:
        raise AssertionError(
            f"README.md line {block.line} ({block.section}): {len(found)} checks match this "
            "block; add exactly one @spec(section, contains=...) in tests/readme/specs.py "
            "that asserts what the block did"
        )
    return found[0]


# --- turning a block into code -------------------------------------------------------------


class _Unawait(ast.NodeTransformer):
    """The blocking twin of an async fragment: ``await x`` → ``x``, ``async def`` → ``def``."""

    def visit_Await(self, node: ast.Await) -> Any:
        return self.visit(node.value)

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> Any:
        self.generic_visit(node)
        fields = {name: getattr(node, name) for name in node._fields}
        return ast.copy_location(ast.FunctionDef(**fields), node)

    def visit_AsyncWith(self, node: ast.AsyncWith) -> Any:
        self.generic_visit(node)
        return ast.copy_location(ast.With(items=node.items, body=node.body), node)

    def visit_AsyncFor(self, node: ast.AsyncFor) -> Any:
        self.generic_visit(node)
        return ast.copy_location(
            ast.For(target=node.target, iter=node.iter, body=node.body, orelse=node.orelse), node
        )


def source(block: Block, server_url: str, replacements: dict[str, str]) -> str:
    """The block's code as the test runs it: the test server's URL, and the spec's files."""
    code = block.code.replace(README_URL, server_url)
    for old, new in replacements.items():
        assert old in code, f"README.md line {block.line}: the block no longer contains {old!r}"
        code = code.replace(old, new)
    return code


def compile_fragment(code: str, block: Block, *, blocking: bool) -> CodeType:
    """Compile with README line numbers, so a traceback points into README.md."""
    tree = ast.parse(code)
    if blocking:
        tree = ast.fix_missing_locations(_Unawait().visit(tree))
    ast.increment_lineno(tree, block.line)
    flags = 0 if blocking else ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
    return compile(tree, str(README), "exec", flags=flags, dont_inherit=True)


def padded(code: str, block: Block) -> str:
    """The block as a file whose line numbers are the README's."""
    return "\n" * block.line + code


# --- the runners ---------------------------------------------------------------------------


async def wait_until(done: Callable[[Run], Awaitable[bool]], run: Run) -> None:
    """Poll ``done(run)``: the work shows in the server, the recorders or a file, not an event."""
    while not await done(run):  # noqa: ASYNC110
        await anyio.sleep(0.05)


async def _stop_when_done(run: Run, spec: Spec, stop: Callable[[], Awaitable[None]]) -> None:
    assert spec.done is not None, (
        f"README.md line {run.block.line} runs until stopped: its spec needs done=..."
    )
    await wait_until(spec.done, run)
    run.stopped = True
    await stop()


async def run_fragment(run: Run, spec: Spec) -> None:
    """An ``async`` fragment (asyncio, trio) or its blocking twin (sync), then its check."""
    blocking = run.flavour == "sync"
    replacements = spec.replace(run.tmp) if spec.replace else {}
    code = source(run.block, run.server_url, replacements)
    compiled = compile_fragment(code, run.block, blocking=blocking)
    names = free_names(run.block.code) | set(spec.needs)
    run.http = RecordingBackend()
    async with AsyncExitStack() as stack:
        if blocking:
            client: Any = queen.sync.Queen(run.server_url, http_backend=run.http)
            stack.push_async_callback(anyio.to_thread.run_sync, client.close)
        else:
            client = await stack.enter_async_context(
                queen.Queen(run.server_url, http_backend=run.http)
            )
        run.placeholders = Placeholders(run.flavour, client, run.server)
        run.ns = {"__name__": "readme", **await run.placeholders.build(names)}
        if spec.setup is not None:
            await spec.setup(run)

        async def body() -> None:
            if blocking:
                await anyio.to_thread.run_sync(exec, compiled, run.ns, abandon_on_cancel=True)
            else:
                result = eval(compiled, run.ns)
                if inspect.iscoroutine(result):
                    await result

        async def stop() -> None:
            if blocking:
                await anyio.to_thread.run_sync(client.close)
            else:
                scope.cancel()

        until_stopped = run.block.has("until-stopped")
        returned = False
        with anyio.move_on_after(DEADLINE) as deadline:
            async with anyio.create_task_group() as group:
                scope = anyio.CancelScope()
                if until_stopped:
                    group.start_soon(_stop_when_done, run, spec, stop)
                with scope:
                    await body()
                    returned = not run.stopped
                group.cancel_scope.cancel()
        assert not deadline.cancelled_caught, (
            f"README.md line {run.block.line}: the block did not finish within {DEADLINE} s"
            + (" (its spec's done() never held)" if until_stopped else "")
        )
        if until_stopped:
            assert not returned, (
                f"README.md line {run.block.line} is marked until-stopped but returned by itself"
            )
        await spec.check(run)  # while the client is open: a check may call what the block defined


def _child_env(run: Run) -> dict[str, str]:
    # the outer pytest's settings (PYTEST_ADDOPTS --basetemp above all) must not reach a
    # child pytest: it would wipe the outer run's temporary folders
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env.pop("QUEEN_CLIENT_LOG", None)  # a program's output is part of what its check reads
    env[RECORDS_ENV] = str(run.records)
    env["PYTHONUNBUFFERED"] = "1"
    return env


async def _run_process(run: Run, spec: Spec, command: list[str], env: dict[str, str]) -> int:
    """Run ``command`` to its end (signalled once ``spec.done`` holds, for services)."""
    out, err = run.tmp / "stdout.txt", run.tmp / "stderr.txt"
    signal_name = run.block.option("signal")
    with out.open("wb") as stdout, err.open("wb") as stderr:
        process = await anyio.open_process(
            command, stdout=stdout, stderr=stderr, env=env, cwd=run.tmp
        )
        async with process:

            async def signal_when_done() -> None:
                assert spec.done is not None, f"{signal_name} needs the spec's done=..."
                await wait_until(spec.done, run)
                run.stopped = True
                process.send_signal(getattr(signal, str(signal_name)))

            with anyio.move_on_after(DEADLINE):
                async with anyio.create_task_group() as group:
                    if signal_name:
                        group.start_soon(signal_when_done)
                    await process.wait()
                    group.cancel_scope.cancel()
            if process.returncode is None:
                process.kill()
                await process.wait()
                run.stderr = f"killed after {DEADLINE} s"
    run.stdout = out.read_text(encoding="utf-8", errors="replace")
    run.stderr += err.read_text(encoding="utf-8", errors="replace")
    assert process.returncode is not None
    return process.returncode


async def run_program(run: Run, spec: Spec) -> None:
    """A whole program, as ``python file.py`` with the stand-ins it names defined."""
    code = source(run.block, run.server_url, spec.replace(run.tmp) if spec.replace else {})
    program = run.tmp / f"readme_L{run.block.line}.py"
    program.write_text(padded(code, run.block), encoding="utf-8")
    command = [sys.executable, str(PROCESS_SUPPORT), str(program)]
    command.append(",".join(sorted(free_names(run.block.code))))
    if spec.epilogue is not None:
        epilogue = run.tmp / "epilogue.py"
        epilogue.write_text(spec.epilogue.replace(README_URL, run.server_url), encoding="utf-8")
        command.append(str(epilogue))
    run.records = run.tmp / "records.jsonl"
    code_ = await _run_process(run, spec, command, _child_env(run))
    where = f"README.md line {run.block.line}"
    if run.block.option("signal"):
        assert run.stopped, f"{where}: the program ended before its work was done: {run.stderr}"
    assert code_ == 0, f"{where}: the program exited with {code_}:\n{run.stderr}"
    await spec.check(run)


_CONFTEST = """\
import process_support

NAMES = {names!r}


def pytest_collection_modifyitems(items):
    for item in items:
        process_support.install(item.module.__dict__, NAMES)
"""


async def run_pytest(run: Run, spec: Spec) -> None:
    """A block of tests, run by pytest in its own process, with queen's plugin active."""
    project = run.tmp / "project"
    project.mkdir()
    test_file = project / f"test_readme_L{run.block.line}.py"
    test_file.write_text(padded(run.block.code, run.block), encoding="utf-8")
    names = sorted(free_names(run.block.code))
    (project / "conftest.py").write_text(_CONFTEST.format(names=names), encoding="utf-8")
    run.records = run.tmp / "records.jsonl"
    env = _child_env(run)
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(PROCESS_SUPPORT.parent), env.get("PYTHONPATH")])
    )
    env["QUEEN_TEST_URL"] = run.server_url  # the plugin's fixtures: the session's server
    env["QUEEN_TEST_PG_DSN"] = run.pg_dsn  # local_server(): a server on the session's database
    junit = run.tmp / "junit.xml"
    command = [
        sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
        f"--basetemp={run.tmp / 'basetemp'}", f"--junitxml={junit}", f"--rootdir={project}",
        str(test_file),
    ]  # fmt: skip
    code = await _run_process(run, spec, command, env)
    assert junit.exists(), f"pytest wrote no report (exit {code}):\n{run.stdout}\n{run.stderr}"
    for case in ElementTree.parse(junit).getroot().iter("testcase"):
        outcome = "passed"
        for child in case:
            if child.tag in ("failure", "error", "skipped"):
                outcome = child.tag
        run.outcomes[case.attrib["name"]] = outcome
    assert code == 0, f"README.md line {run.block.line}: pytest exited with {code}:\n{run.stdout}"
    await spec.check(run)


async def run_construct(run: Run, spec: Spec) -> None:
    """A block that only builds objects: executed here, nothing sent."""
    code = source(run.block, run.server_url, spec.replace(run.tmp) if spec.replace else {})
    compiled = compile_fragment(code, run.block, blocking=True)
    run.placeholders = Placeholders(run.flavour, None, run.server)
    run.ns = {"__name__": "readme", **await run.placeholders.build(free_names(run.block.code))}
    try:
        exec(compiled, run.ns)
        await spec.check(run)
    finally:
        for client in run.placeholders.built:
            await client.close()


RUNNERS = {
    "asyncio": run_fragment,
    "trio": run_fragment,
    "sync": run_fragment,
    "process": run_program,
    "pytest": run_pytest,
    "construct": run_construct,
}

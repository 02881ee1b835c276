"""The README's code blocks and the markers that say how each one runs.

The README is read with markdown-it (CommonMark, as renderers read it), so a fence that a
renderer would not close (say, text after the closing backticks) is seen as the renderer
shows it. A marker is an HTML comment on the lines just before a ```python block:

    <!-- test: async sync until-stopped -->

Words are modes (``async``, ``sync``, ``program``, ``pytest``, ``construct``) or flags
(``until-stopped``); ``key=value`` pairs are options (``signal=SIGTERM``).
"""

from __future__ import annotations

import ast
import builtins
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from markdown_it import MarkdownIt

README = Path(__file__).resolve().parents[2] / "README.md"

MODES = frozenset({"async", "sync", "program", "pytest", "construct"})
FLAGS = frozenset({"until-stopped"})
OPTIONS = frozenset({"signal"})
# modes that can share one block: an async fragment also runs on the blocking client
COMBINABLE = frozenset({"async", "sync"})

_MARKER = re.compile(r"^<!--\s*test:(?P<words>[^>]*?)\s*-->\s*$")


@dataclass(frozen=True)
class Marker:
    """A ``<!-- test: ... -->`` comment: where it is and what it says."""

    line: int
    modes: tuple[str, ...]
    flags: frozenset[str]
    options: dict[str, str]
    problems: tuple[str, ...]


@dataclass(frozen=True)
class Block:
    """One fenced code block of the README."""

    line: int  # 1-based line of the opening fence
    language: str
    code: str
    section: str  # the nearest heading above it, without the #s
    marker: Marker | None = None

    @property
    def first_code_line(self) -> int:
        return self.line + 1

    @property
    def ident(self) -> str:
        """Test id: the section and the line, e.g. ``pop-L303``."""
        slug = re.sub(r"[^a-z0-9]+", "-", self.section.lower()).strip("-")
        return f"{slug}-L{self.line}"

    @property
    def modes(self) -> tuple[str, ...]:
        return self.marker.modes if self.marker else ()

    def has(self, flag: str) -> bool:
        return self.marker is not None and flag in self.marker.flags

    def option(self, name: str) -> str | None:
        return self.marker.options.get(name) if self.marker else None


@dataclass(frozen=True)
class Readme:
    """Every fenced block, and every marker with what follows it."""

    blocks: tuple[Block, ...]
    markers: tuple[Marker, ...]
    dangling: tuple[Marker, ...] = field(default=())  # markers not followed by a python block

    @property
    def python(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.language == "python")

    def with_mode(self, mode: str) -> tuple[Block, ...]:
        return tuple(b for b in self.python if mode in b.modes)


def parse_marker(line: int, text: str) -> Marker | None:
    """The marker in an HTML comment, or None if the comment is not a ``test:`` marker."""
    match = _MARKER.match(text.strip())
    if match is None:
        return None
    modes: list[str] = []
    flags: set[str] = set()
    options: dict[str, str] = {}
    problems: list[str] = []
    for word in match.group("words").split():
        key, _, value = word.partition("=")
        if value and key in OPTIONS:
            options[key] = value
        elif word in MODES:
            modes.append(word)
        elif word in FLAGS:
            flags.add(word)
        else:
            problems.append(f"unknown word {word!r}")
    if not modes:
        problems.append(f"no mode (one of {', '.join(sorted(MODES))})")
    elif len(modes) > 1 and not set(modes) <= COMBINABLE:
        problems.append(f"modes {modes} cannot be combined (only {sorted(COMBINABLE)} can)")
    if "signal" in options and modes != ["program"]:
        problems.append("signal= only applies to program blocks")
    return Marker(line, tuple(modes), frozenset(flags), options, tuple(problems))


@cache
def read(path: Path = README) -> Readme:
    """Parse the README once per session."""
    tokens = MarkdownIt("commonmark").parse(path.read_text(encoding="utf-8"))
    blocks: list[Block] = []
    markers: list[Marker] = []
    dangling: list[Marker] = []
    section = "(top)"
    pending: Marker | None = None
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            section = tokens[index + 1].content
        if token.map is None or token.nesting == -1:
            continue
        line = token.map[0] + 1
        marker = parse_marker(line, token.content) if token.type == "html_block" else None
        if marker is not None:
            if pending is not None:
                dangling.append(pending)
            markers.append(marker)
            pending = marker
            continue
        if token.type == "fence":
            language = token.info.strip().split(" ")[0]
            attached = pending if language == "python" else None
            blocks.append(Block(line, language, token.content, section, attached))
            if pending is not None and attached is None:
                dangling.append(pending)
            pending = None
        elif token.type not in ("inline",) and pending is not None:
            dangling.append(pending)  # a marker followed by prose, a list, a heading, ...
            pending = None
    if pending is not None:
        dangling.append(pending)
    return Readme(tuple(blocks), tuple(markers), tuple(dangling))


# --- what a block uses without defining it -----------------------------------------------


def free_names(code: str) -> set[str]:
    """Names a block reads but never binds, anywhere in it (its placeholders).

    Deliberately coarse: a name bound anywhere in the block (an assignment, a parameter, an
    import, a ``def``) counts as defined, so a README example that defines what it uses never
    gets a placeholder instead.
    """
    tree = ast.parse(code)
    loaded: set[str] = set()
    bound: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (loaded if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
    return loaded - bound - set(dir(builtins))


def string_arguments(code: str, functions: set[str], keyword: str | None = None) -> set[str]:
    """String literals passed first to calls of ``functions``, or as ``keyword=`` to any call."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(code)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        arguments = list(node.args[:1]) if name in functions else []
        arguments += [k.value for k in node.keywords if keyword and k.arg == keyword]
        for argument in arguments:
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                found.add(argument.value)
    return found

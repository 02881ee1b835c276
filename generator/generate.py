"""Regenerate `queen_generated/` from `openapi.yaml`.

    python generator/generate.py           # rewrite queen_generated/ from scratch
    python generator/generate.py --check   # fail, listing files, if queen_generated/ is stale

Both modes generate into a fresh temporary folder with the pinned openapi-python-client and
format the result there with the pinned ruff, ignoring any user or project configuration, so
the same spec always gives byte-identical files.

openapi-python-client gets the spec without the CORS preflight that every path item lists (one
operation without an id; the generated `cors_preflight` sends it). Beside its output,
`typed.py` writes `schemas.py`, `builders.py` and `options.py` (standard library only).
"""

from __future__ import annotations

import argparse
import filecmp
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

sys.path.insert(0, str(Path(__file__).resolve().parent))
import typed  # beside this script, not an installed module

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi.yaml"
CONFIG = ROOT / "generator" / "config.yaml"
TEMPLATES = ROOT / "generator" / "templates"
PACKAGE = "queen_generated"
TARGET = ROOT / PACKAGE

# ruff defaults (line length 88) so that a plain `ruff check` on the package passes too.
RUFF_SETTINGS = ["--isolated", "--target-version", "py310"]


def _run(args: list[str], cwd: Path) -> None:
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"command failed ({result.returncode}): {' '.join(args)}")


def load_spec() -> dict[str, Any]:
    """`openapi.yaml`, parsed as YAML 1.2 (as openapi-python-client reads it)."""
    loaded: dict[str, Any] = YAML(typ="safe", pure=True).load(SPEC.read_text(encoding="utf-8"))
    return loaded


def without_preflights(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec minus the per-path CORS preflight (`x-queen-preflight`), for the generator."""
    paths = {
        path: {
            key: value
            for key, value in item.items()
            if not (isinstance(value, dict) and value.get("x-queen-preflight"))
        }
        for path, item in spec["paths"].items()
    }
    return {**spec, "paths": paths}


def generate_into(workdir: Path) -> Path:
    """Generate and format the package inside `workdir`; return the package folder."""
    out = workdir / PACKAGE
    spec = load_spec()
    stripped = workdir / "openapi.json"
    stripped.write_text(json.dumps(without_preflights(spec), indent=1), encoding="utf-8")
    _run(
        [
            sys.executable,
            "-m",
            "openapi_python_client",
            "generate",
            "--path",
            str(stripped),
            "--config",
            str(CONFIG),
            "--custom-template-path",
            str(TEMPLATES),
            "--meta",
            "none",
            "--output-path",
            str(out),
            "--fail-on-warning",
        ],
        cwd=workdir,
    )
    (out / "schemas.py").write_text(typed.schemas_module(spec), encoding="utf-8")
    (out / "builders.py").write_text(typed.builders_module(spec), encoding="utf-8")
    (out / "options.py").write_text(typed.options_module(spec), encoding="utf-8")
    ruff = [sys.executable, "-m", "ruff"]
    # Run from `workdir`: inside the package its `types.py` would shadow the standard library.
    _run([*ruff, "format", *RUFF_SETTINGS, PACKAGE], workdir)
    _run([*ruff, "check", *RUFF_SETTINGS, "--fix-only", "--extend-select", "I", PACKAGE], workdir)
    # Merging `isinstance(x, A) or isinstance(x, B)` is safe; ruff only offers it as unsafe.
    _run(
        [
            *ruff,
            "check",
            *RUFF_SETTINGS,
            "--fix-only",
            "--unsafe-fixes",
            "--select",
            "SIM101",
            PACKAGE,
        ],
        workdir,
    )
    _run([*ruff, "format", *RUFF_SETTINGS, PACKAGE], workdir)
    for cache in out.rglob("__pycache__"):
        shutil.rmtree(cache)
    (out / "py.typed").write_text("# Marker file for PEP 561\n")
    return out


def _files(folder: Path) -> set[Path]:
    return {
        path.relative_to(folder)
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def differences(expected: Path, actual: Path) -> list[str]:
    """Relative paths that are missing, extra or different in `actual` compared to `expected`."""
    want, have = _files(expected), _files(actual)
    diffs = [f"missing: {p}" for p in sorted(want - have)]
    diffs += [f"extra: {p}" for p in sorted(have - want)]
    diffs += [
        f"differs: {p}"
        for p in sorted(want & have)
        if not filecmp.cmp(expected / p, actual / p, shallow=False)
    ]
    return diffs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="compare with queen_generated/ instead of writing"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="queen-generate-") as tmp:
        fresh = generate_into(Path(tmp))
        if args.check:
            diffs = differences(fresh, TARGET) if TARGET.is_dir() else [f"missing: {PACKAGE}/"]
            if diffs:
                print(f"{PACKAGE}/ is out of date with openapi.yaml (run `make generate`):")
                for line in diffs:
                    print(f"  {line}")
                return 1
            print(f"{PACKAGE}/ matches openapi.yaml")
            return 0
        if TARGET.exists():
            shutil.rmtree(TARGET)
        shutil.copytree(fresh, TARGET)
        print(f"regenerated {PACKAGE}/ from openapi.yaml")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Regenerate `queen_generated/` from `openapi.yaml`.

    python generator/generate.py           # rewrite queen_generated/ from scratch
    python generator/generate.py --check   # fail, listing files, if queen_generated/ is stale

Both modes generate into a fresh temporary folder with the pinned openapi-python-client and
format the result there with the pinned ruff, ignoring any user or project configuration, so
the same spec always gives byte-identical files.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

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


def generate_into(workdir: Path) -> Path:
    """Generate and format the package inside `workdir`; return the package folder."""
    out = workdir / PACKAGE
    _run(
        [
            sys.executable,
            "-m",
            "openapi_python_client",
            "generate",
            "--path",
            str(SPEC),
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

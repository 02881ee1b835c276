"""Run every benchmark scenario: each module ``bench/<name>.py`` (not starting with ``_``)
that defines ``run() -> None``. ``python -m bench [name ...]`` runs only the named ones."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def scenario_names() -> list[str]:
    folder = Path(__file__).resolve().parent
    return sorted(
        info.name for info in pkgutil.iter_modules([str(folder)]) if not info.name.startswith("_")
    )


def main(argv: list[str]) -> int:
    wanted = argv or scenario_names()
    for name in wanted:
        module = importlib.import_module(f"bench.{name}")
        run = getattr(module, "run", None)
        if run is None:
            continue
        sys.stdout.write(f"\n== bench.{name} ==\n")
        sys.stdout.flush()
        run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

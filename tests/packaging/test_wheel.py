"""`python -m build --wheel` makes a wheel that installs into an empty venv and imports."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGES = ("queen", "queen_generated", "queen_server")


def run(*args: str | Path, cwd: Path = REPO) -> str:
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{args} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_wheel_installs_into_an_empty_venv_and_imports(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    run(sys.executable, "-m", "build", "--wheel", "--outdir", dist, REPO)
    (wheel,) = dist.glob("queen_mq-*.whl")

    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    for package in PACKAGES:
        assert f"{package}/py.typed" in names, package
    assert "queen_generated/api/data/push_messages.py" in names

    env = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env)
    python = env / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    run(python, "-m", "pip", "install", "--quiet", wheel, cwd=tmp_path)
    out = run(
        python,
        "-c",
        "import queen, queen_generated, queen_server; "
        "from queen_generated.api.data import push_messages; "
        "print(queen.__file__); print(push_messages.request_kwargs(body={'items': []})['url'])",
        cwd=tmp_path,
    )
    first, url = out.split()
    assert first.startswith(str(env)), "imported from the venv, not the source tree"
    assert url == "/api/v1/push"

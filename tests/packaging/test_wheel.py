"""`python -m build` makes an sdist and a wheel; the wheel, installed WITHOUT extras into an empty
venv, imports, carries its licence, URLs and version, and whatever needs the ``server`` extra
says so in one line instead of a traceback."""

from __future__ import annotations

import email
import os
import subprocess
import sys
import tarfile
import textwrap
import venv
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

import queen
from queen_server.console.page import SCRIPTS as CONSOLE_SCRIPTS

REPO = Path(__file__).resolve().parents[2]
PACKAGES = ("queen", "queen_generated", "queen_server")
INSTALL_HINT = "pip install 'queen-mq[server]'"

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]


def run(*args: str | Path, cwd: Path = REPO) -> str:
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{args} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@dataclass(frozen=True)
class Installed:
    wheel: Path
    sdist: Path
    venv: Path

    @property
    def bin(self) -> Path:
        return self.venv / ("Scripts" if sys.platform == "win32" else "bin")

    @property
    def python(self) -> Path:
        return self.bin / "python"

    def call(self, *args: str | Path, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
        # no variables of this suite's own venv or server leak into the user's run
        clean = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("QUEEN_", "PYTEST_", "VIRTUAL_ENV"))
        }
        return subprocess.run(
            [str(a) for a in args],
            cwd=cwd,
            capture_output=True,
            text=True,
            check=False,
            env={**clean, **env},
            timeout=240,
        )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """sdist and wheel built once (the wheel from the sdist), the wheel and pytest installed
    without extras into a fresh venv."""
    root = tmp_path_factory.mktemp("packaging")
    dist = root / "dist"
    run(sys.executable, "-m", "build", "--outdir", dist, REPO)
    (wheel,) = dist.glob("queen_mq-*.whl")
    (sdist,) = dist.glob("queen_mq-*.tar.gz")
    env = root / "venv"
    venv.EnvBuilder(with_pip=True).create(env)
    made = Installed(wheel, sdist, env)
    run(made.python, "-m", "pip", "install", "--quiet", wheel, "pytest", cwd=root)
    return made


def test_the_wheel_installs_into_an_empty_venv_and_imports(
    installed: Installed, tmp_path: Path
) -> None:
    with zipfile.ZipFile(installed.wheel) as archive:
        names = set(archive.namelist())
    for package in PACKAGES:
        assert f"{package}/py.typed" in names, package
    assert "queen_generated/api/data/push_messages.py" in names
    # the web console's static files are package data
    console = "queen_server/console/static/"
    assert {f"{console}index.html", f"{console}console.css"} <= names
    assert {f"{console}js/{script}" for script in CONSOLE_SCRIPTS} <= names

    out = run(
        installed.python,
        "-c",
        "import queen, queen_generated, queen_server; "
        "from queen_generated.api.data import push_messages; "
        "print(queen.__file__); print(push_messages.request_kwargs(body={'items': []})['url'])",
        cwd=tmp_path,
    )
    first, url = out.split()
    assert first.startswith(str(installed.venv)), "imported from the venv, not the source tree"
    assert url == "/api/v1/push"


def test_the_server_extra_is_not_installed_in_that_venv(
    installed: Installed, tmp_path: Path
) -> None:
    # the premise of the tests below
    out = run(installed.python, "-m", "pip", "list", "--format=freeze", cwd=tmp_path)
    present = {line.split("==")[0].lower() for line in out.split()}
    assert "queen-mq" in present
    assert present.isdisjoint({"asyncpg", "pgserver", "platformdirs", "uvicorn"}), present


def test_the_metadata_version_is_queens_version(installed: Installed, tmp_path: Path) -> None:
    out = run(
        installed.python,
        "-c",
        "import importlib.metadata as m, queen, queen_server; "
        "print(m.version('queen-mq'), queen.__version__, queen_server.__version__)",
        cwd=tmp_path,
    )
    assert out.split() == [queen.__version__] * 3
    assert installed.wheel.name.startswith(f"queen_mq-{queen.__version__}-")
    assert installed.sdist.name == f"queen_mq-{queen.__version__}.tar.gz"


def test_the_licence_and_urls_are_in_the_metadata(installed: Installed) -> None:
    licence = (REPO / "LICENSE").read_text()
    assert "Apache License" in licence
    assert "Version 2.0, January 2004" in licence
    assert "END OF TERMS AND CONDITIONS" in licence  # the full text, not a notice
    dist_info = f"queen_mq-{queen.__version__}.dist-info"
    with zipfile.ZipFile(installed.wheel) as archive:
        metadata = email.message_from_bytes(archive.read(f"{dist_info}/METADATA"))
        assert archive.read(f"{dist_info}/licenses/LICENSE").decode() == licence
    assert metadata["License-Expression"] == "Apache-2.0"
    assert metadata.get_all("License-File") == ["LICENSE"]
    urls = dict(entry.split(", ", 1) for entry in metadata.get_all("Project-URL") or [])
    assert urls["Queen server project"] == "https://github.com/smartpricing/queen"

    with tarfile.open(installed.sdist) as archive:
        top = f"queen_mq-{queen.__version__}"
        files = set(archive.getnames())
        assert {f"{top}/LICENSE", f"{top}/CHANGELOG.md", f"{top}/README.md"} <= files


def _one_clear_line(stderr: str) -> None:
    assert "Traceback" not in stderr, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert INSTALL_HINT in lines[0]
    assert "platformdirs" in lines[0]  # names what is missing


@pytest.mark.parametrize("command", [["queen-server"], ["python", "-m", "queen_server"]])
def test_the_cli_without_the_server_extra_says_what_to_install(
    installed: Installed, tmp_path: Path, command: list[str]
) -> None:
    done = installed.call(installed.bin / command[0], *command[1:], "--port", "0", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout == ""
    _one_clear_line(done.stderr)


def test_local_server_without_the_server_extra_raises_a_clear_error(
    installed: Installed, tmp_path: Path
) -> None:
    script = textwrap.dedent(
        """
        import anyio
        import queen.testing
        from queen_server.extra import ServerExtraMissing

        async def main():
            async with queen.testing.local_server():
                pass

        for attempt in (lambda: anyio.run(main), lambda: queen.testing.local_server_sync().__enter__()):
            try:
                attempt()
            except ServerExtraMissing as exc:
                assert isinstance(exc, ImportError)
                print(exc)
        """
    )
    done = installed.call(installed.python, "-c", script, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 2
    assert all(INSTALL_HINT in line for line in lines)


USER_TESTS = """
def test_plain_arithmetic():
    assert 1 + 1 == 2


def test_with_a_server(queen_url):
    assert queen_url.startswith("http")
"""


def test_a_users_pytest_run_without_the_server_extra(installed: Installed, tmp_path: Path) -> None:
    (tmp_path / "test_user.py").write_text(USER_TESTS)
    done = installed.call(
        installed.python, "-m", "pytest", "-p", "no:cacheprovider", "-rA", cwd=tmp_path
    )
    out = done.stdout + done.stderr
    # the plugin loaded (it is what offers queen_url) and did not break the run
    assert done.returncode == 1, out
    assert "1 passed, 1 error" in out
    assert "PASSED test_user.py::test_plain_arithmetic" in out
    assert "ERROR test_user.py::test_with_a_server" in out
    assert INSTALL_HINT in out
    assert "Traceback" not in out
    assert "ServerStartError" not in out


def test_a_users_pytest_run_without_the_extra_can_use_a_running_server(
    installed: Installed, tmp_path: Path, server_url: str
) -> None:
    (tmp_path / "test_user.py").write_text(
        USER_TESTS
        + textwrap.dedent(
            """
            def test_push_and_pop(queen_sync_client, queen_queue_name):
                q = queen_queue_name("orders")
                queen_sync_client.queue(q).push([{"data": 1}])
                (message,) = queen_sync_client.queue(q).pop()
                assert message["data"] == 1
            """
        )
    )
    done = installed.call(
        installed.python,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        cwd=tmp_path,
        QUEEN_TEST_URL=server_url,
        NO_PROXY="127.0.0.1,localhost",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "3 passed" in done.stdout

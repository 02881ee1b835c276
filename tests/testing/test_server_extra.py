"""Everything that starts a server checks for the ``server`` extra first and says what to install.

The real thing (a wheel installed without extras) is in ``tests/packaging/``; here a missing
module is simulated, to check each entry point on its own.
"""

from __future__ import annotations

import importlib.machinery
import importlib.metadata
import importlib.util
import re
from pathlib import Path

import pytest

import queen.testing
from queen_server import __main__ as cli
from queen_server import extra
from queen_server.launch import EmbeddedPostgres, ServerProcess

HINT = "pip install 'queen-mq[server]'"


def test_the_modules_checked_are_the_server_extras_packages() -> None:
    requirements = importlib.metadata.requires("queen-mq") or []
    server = {
        re.split(r"[\s\[<>=!~;]", req, maxsplit=1)[0].lower()
        for req in requirements
        if re.search(r"""extra\s*==\s*["']server["']""", req)
    }
    assert server == set(extra.MODULES)


def test_nothing_is_missing_in_this_environment() -> None:
    assert extra.missing() == []
    extra.require()


@pytest.fixture
def without_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec

    def find_spec(name: str, package: str | None = None) -> importlib.machinery.ModuleSpec | None:
        return None if name == "platformdirs" else real(name, package)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)


@pytest.mark.usefixtures("without_platformdirs")
def test_require_names_the_missing_module_and_the_command() -> None:
    assert extra.missing() == ["platformdirs"]
    with pytest.raises(extra.ServerExtraMissing) as caught:
        extra.require()
    assert isinstance(caught.value, ImportError)
    assert caught.value.name == "platformdirs"
    assert "(missing: platformdirs)" in str(caught.value)
    assert str(caught.value).endswith(HINT)


@pytest.mark.usefixtures("without_platformdirs")
def test_the_cli_prints_one_line_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--port", "0"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("queen-server: ")
    assert HINT in err


@pytest.mark.usefixtures("without_platformdirs")
def test_server_process_refuses_before_starting_anything(tmp_path: Path) -> None:
    server = ServerProcess(data_dir=tmp_path)
    with pytest.raises(extra.ServerExtraMissing, match=re.escape(HINT)):
        server.start()
    assert server.pid is None
    assert list(tmp_path.iterdir()) == []


@pytest.mark.usefixtures("without_platformdirs")
def test_embedded_postgres_refuses_before_creating_anything(tmp_path: Path) -> None:
    with pytest.raises(extra.ServerExtraMissing, match=re.escape(HINT)):
        EmbeddedPostgres(tmp_path / "pg").start()
    assert not (tmp_path / "pg").exists()


@pytest.mark.usefixtures("without_platformdirs")
def test_local_server_sync_raises_the_clear_error() -> None:
    with (
        pytest.raises(extra.ServerExtraMissing, match=re.escape(HINT)),
        queen.testing.local_server_sync(),
    ):
        pass


@pytest.mark.anyio
@pytest.mark.usefixtures("without_platformdirs")
async def test_local_server_raises_the_clear_error(anyio_backend: str) -> None:
    with pytest.raises(extra.ServerExtraMissing, match=re.escape(HINT)):
        async with queen.testing.local_server():
            pass

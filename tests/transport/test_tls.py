"""TLS options, honoured alike by every backend: verify, ssl_context and client certificates."""

from __future__ import annotations

import ssl
from typing import Any

import pytest

from queen import QueenConnectionError

from .certificates import Pki, make_pki
from .fake_server import Step, answer, fake_server

pytestmark = pytest.mark.anyio

PUSH_OK = b'[{"index":0,"status":"queued","transaction_id":"t"}]'


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


def server_context(pki: Pki, require_client_cert: bool = False) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(pki.server_cert, pki.server_key)
    if require_client_cert:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(pki.ca)
    return context


def ok_steps(count: int = 3) -> list[Step]:
    return [Step(send=answer(PUSH_OK)) for _ in range(count)]


async def push(queen: Any) -> Any:
    return await queen.queue("q").push([{"data": 1}])


async def test_an_unknown_ca_fails_verification_and_is_not_retried(connect: Any, pki: Pki) -> None:
    async with (
        fake_server(*ok_steps(), tls=server_context(pki), host="localhost") as server,
        connect(server.url) as queen,
    ):
        with pytest.raises(QueenConnectionError, match="certificate verif") as info:
            await push(queen)
    assert info.value.attempts == 1  # retrying cannot make a certificate valid
    assert server.requests == []


@pytest.mark.parametrize("how", ["verify=ca path", "verify=Path", "ssl_context"])
async def test_a_trusted_ca_is_accepted(connect: Any, pki: Pki, how: str) -> None:
    options: dict[str, Any] = {
        "verify=ca path": {"verify": str(pki.ca)},
        "verify=Path": {"verify": pki.ca},
        "ssl_context": {"ssl_context": ssl.create_default_context(cafile=str(pki.ca))},
    }[how]
    async with (
        fake_server(*ok_steps(), tls=server_context(pki), host="localhost") as server,
        connect(server.url, **options) as queen,
    ):
        assert await push(queen) == [{"index": 0, "status": "queued", "transaction_id": "t"}]
    assert len(server.requests) == 1
    assert server.requests[0].headers["host"] == server.url.split("//")[1]


async def test_verify_false_accepts_any_certificate(connect: Any, pki: Pki) -> None:
    async with (
        fake_server(*ok_steps(), tls=server_context(pki)) as server,
        connect(server.url, verify=False) as queen,
    ):
        await push(queen)
    assert len(server.requests) == 1


async def test_the_host_name_is_checked(connect: Any, pki: Pki) -> None:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(pki.other_cert, pki.other_key)  # valid, but for queen.invalid
    async with (
        fake_server(*ok_steps(), tls=context) as server,
        connect(server.url, verify=str(pki.ca)) as queen,
    ):
        with pytest.raises(QueenConnectionError, match="certificate verif") as info:
            await push(queen)
    assert info.value.attempts == 1
    assert server.requests == []


@pytest.mark.parametrize("form", ["tuple", "combined file"])
async def test_a_client_certificate_is_presented(connect: Any, pki: Pki, form: str) -> None:
    cert: Any = (str(pki.client_cert), str(pki.client_key))
    if form == "combined file":
        cert = str(pki.client_combined)
    context = server_context(pki, require_client_cert=True)
    async with (
        fake_server(*ok_steps(), tls=context, host="localhost") as server,
        connect(server.url, verify=str(pki.ca), cert=cert) as queen,
    ):
        await push(queen)
    assert server.client_names == ["queen client"]
    assert len(server.requests) == 1


async def test_without_the_required_client_certificate_nothing_is_served(
    connect: Any, pki: Pki
) -> None:
    context = server_context(pki, require_client_cert=True)
    async with (
        fake_server(*ok_steps(), tls=context, host="localhost") as server,
        connect(server.url, verify=str(pki.ca), retry_attempts=1) as queen,
    ):
        with pytest.raises(QueenConnectionError):
            await push(queen)
    assert server.requests == []


async def test_a_client_certificate_inside_an_ssl_context(connect: Any, pki: Pki) -> None:
    client = ssl.create_default_context(cafile=str(pki.ca))
    client.load_cert_chain(pki.client_cert, pki.client_key)
    context = server_context(pki, require_client_cert=True)
    async with (
        fake_server(*ok_steps(), tls=context, host="localhost") as server,
        connect(server.url, ssl_context=client) as queen,
    ):
        await push(queen)
    assert server.client_names == ["queen client"]

"""The console page as served: one public, static route with a strict Content-Security-Policy,
the API base it is told, and what the command line accepts for it. No browser needed."""

from __future__ import annotations

import base64
import hashlib
import logging
import re
from importlib import resources

import httpx
import pytest

from queen_server.__main__ import main
from queen_server.app import NOT_FOUND_BODY
from queen_server.config import Settings
from queen_server.console import build_page, console_routes, normalize_api_base
from queen_server.console.page import SCRIPTS


def inline_hash(html: str, tag: str) -> str:
    (block,) = re.findall(rf"<{tag}>(.*?)</{tag}>", html, flags=re.DOTALL)
    return base64.b64encode(hashlib.sha256(block.encode()).digest()).decode()


def policy_of(headers: httpx.Headers) -> dict[str, str]:
    entries = (e.strip().split(" ", 1) for e in headers["content-security-policy"].split(";"))
    return {name: value for name, value in entries}


def test_get_slash_serves_the_console_with_a_strict_policy(server_url: str) -> None:
    response = httpx.get(f"{server_url}/")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    html = response.text
    assert '<meta name="queen-console-api" content="">' in html
    policy = policy_of(response.headers)
    # the page's own two inline blocks, nothing else, may run or style
    assert policy["script-src"] == f"'sha256-{inline_hash(html, 'script')}'"
    assert policy["style-src"] == f"'sha256-{inline_hash(html, 'style')}'"
    assert policy["default-src"] == "'none'"
    assert policy["connect-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["form-action"] == "'none'"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    # a page, not an API answer: no CORS grant
    assert "access-control-allow-origin" not in response.headers


@pytest.mark.parametrize(
    ("method", "path"),
    [("POST", "/"), ("DELETE", "/"), ("GET", "/index.html"), ("GET", "/console.js"), ("GET", "//")],
)
def test_nothing_else_is_served_beside_the_page(server_url: str, method: str, path: str) -> None:
    response = httpx.request(method, f"{server_url}{path}")
    assert response.status_code == 404
    assert response.content == NOT_FOUND_BODY


def test_the_console_is_one_get_route_outside_the_api() -> None:
    routes = console_routes(Settings(dsn="postgresql://unused"))
    assert [(r.method, r.pattern) for r in routes] == [("GET", "/")]


def test_the_page_calls_the_api_it_is_told_and_escapes_it() -> None:
    page = build_page("http://queen.internal:6632/base/")
    html = page.body.decode()
    assert '<meta name="queen-console-api" content="http://queen.internal:6632/base">' in html
    policy = dict(page.headers)[b"content-security-policy"].decode()
    assert "connect-src 'self' http://queen.internal:6632;" in policy

    quoted = build_page('http://h:1/a"><script>x</script>')
    assert b'content="http://h:1/a&quot;&gt;&lt;script&gt;x&lt;/script&gt;"' in quoted.body
    assert quoted.body.count(b"<script>") == 1


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("", ""),
        ("http://127.0.0.1:6632", "http://127.0.0.1:6632"),
        ("https://queen.example/api/", "https://queen.example/api"),
        ("http://[::1]:6632/", "http://[::1]:6632"),
    ],
)
def test_api_bases_that_are_accepted(given: str, expected: str) -> None:
    assert normalize_api_base(given) == expected


@pytest.mark.parametrize(
    ("given", "problem"),
    [
        ("queen.internal:6632", "must be an http:// or https:// URL with a host"),
        ("ftp://queen.internal", "must be an http:// or https:// URL with a host"),
        ("http://", "must be an http:// or https:// URL with a host"),
        ("http://user:secret@queen.internal", "must not carry credentials"),
        ("http://queen.internal/?x=1", "must not have a query or a fragment"),
        ("http://queen.internal/#top", "must not have a query or a fragment"),
        ("http://queen.internal:99999", "has an invalid port"),
    ],
)
def test_api_bases_that_are_refused_name_the_value(given: str, problem: str) -> None:
    with pytest.raises(ValueError, match=re.escape(problem)) as caught:
        normalize_api_base(given)
    assert repr(given) in str(caught.value)


def test_the_command_line_refuses_a_bad_console_api_before_starting(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.ERROR, logger="queen_server"):
        assert main(["--console-api", "ftp://queen.internal"]) == 2
    assert "--console-api must be an http:// or https:// URL" in caplog.text
    assert "'ftp://queen.internal'" in caplog.text


def test_the_environment_sets_the_console_api(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUEEN_CONSOLE_API", "http://queen.internal:6632")
    assert Settings.from_env(dsn="x").console_api == "http://queen.internal:6632"


def test_every_script_is_on_the_page_and_none_parses_html() -> None:
    static = resources.files("queen_server.console") / "static" / "js"
    on_disk = {p.name for p in static.iterdir() if p.name.endswith(".js")}
    on_disk |= {f"views/{p.name}" for p in (static / "views").iterdir() if p.name.endswith(".js")}
    assert on_disk == set(SCRIPTS)
    source = build_page().body.decode()
    for sink in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
    ):
        assert sink not in source, sink

"""The console's JavaScript on its own, run in the browser: roles read from tokens, URL
segments, routes, error bodies, paging, rendering as text, and the token flow against a
stand-in ``fetch`` that answers 401 and 403 (queen_server does not authenticate yet).
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from .conftest import Console

pytestmark = pytest.mark.timeout(900)

#: a console page that calls no API: the tests below drive the code themselves
QUIET = "#/no-such-page"


def jwt(claims: Any) -> str:
    def part(value: Any) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")

    return f"{part({'alg': 'HS256', 'typ': 'JWT'})}.{part(claims)}.c2ln"


@pytest.fixture
def quiet(console: Console) -> Console:
    console.open(QUIET)
    assert "Not found" in console.main_text()
    return console


@pytest.mark.parametrize(
    ("token", "kind", "role", "can_write"),
    [
        ("", "none", None, True),
        ("a-static-token", "opaque", None, True),
        ("not.a-jwt.!!", "opaque", None, True),
        (jwt({"role": "read-only"}), "jwt", "read-only", False),
        (jwt({"role": "read-write"}), "jwt", "read-write", True),
        (jwt({"roles": ["read-only", "admin"]}), "jwt", "admin", True),
        (jwt({"role": "read-only", "roles": ["read-write"]}), "jwt", "read-write", True),
        (jwt({"role": "superuser", "roles": [7, None]}), "jwt", None, False),
        (jwt({"sub": "no roles"}), "jwt", None, False),
        (jwt(["not", "an", "object"]), "opaque", None, True),
        (jwt({"role": "réad-only ✓"}), "jwt", None, False),  # UTF-8 payloads decode
    ],
)
def test_the_role_comes_from_the_jwt_payload(
    quiet: Console, token: str, kind: str, role: str | None, can_write: bool
) -> None:
    got = quiet.js(
        "const who = QueenConsole.auth.describe(arguments[0]);"
        "return [who.kind, who.role, QueenConsole.auth.canWrite(who)]",
        token,
    )
    assert got == [kind, role, can_write]


def test_path_segments_keep_what_queen_servers_read_raw(quiet: Console) -> None:
    got = quiet.js(
        """
        const seg = QueenConsole.dom.segment;
        const out = {};
        for (const name of ["orders", "a b", "a/b", "x$&+,;=:@'()*!~-._", "é", "?#%"]) {
          out[name] = seg(name);
        }
        for (const bad of ["", ".", ".."]) {
          try { seg(bad); out[bad] = "no error"; } catch (e) { out[bad] = e.message; }
        }
        return out;
        """
    )
    assert got["orders"] == "orders"
    assert got["a b"] == "a%20b"
    assert got["a/b"] == "a%2Fb"
    assert got["x$&+,;=:@'()*!~-._"] == "x$&+,;=:@'()*!~-._"
    assert got["é"] == "%C3%A9"
    assert got["?#%"] == "%3F%23%25"
    for bad in ("", ".", ".."):
        assert "cannot be addressed in a URL path" in got[bad]


def test_routes_round_trip_through_the_hash(quiet: Console) -> None:
    got = quiet.js(
        """
        const {route} = QueenConsole.dom;
        const parse = QueenConsole.app.parseRoute;
        return [
          parse(route(["queues", "a/b?c#d"])),
          parse(route(["messages", "p-1", "t 2"])),
          parse(route(["traces"], {name: "order-12345", empty: ""})),
          parse(route(["dlq"], {queue: "x&lt;b&gt;'(1)"})),
          parse("#/groups/%5F%5FQUEUE_MODE%5F%5F"),
          parse(""),
          parse("#/queues/a/b"),
        ];
        """
    )
    assert got == [
        {"view": "queue", "params": {"name": "a/b?c#d"}},
        {"view": "message", "params": {"partitionId": "p-1", "transactionId": "t 2"}},
        {"view": "traces", "params": {"name": "order-12345"}},
        {"view": "dlq", "params": {"queue": "x&lt;b&gt;'(1)"}},
        {"view": "group", "params": {"name": "__QUEUE_MODE__"}},
        {"view": "overview", "params": {}},
        {"view": "notfound", "params": {}},
    ]


def test_elements_take_text_never_markup(quiet: Console) -> None:
    got = quiet.js(
        """
        const {h} = QueenConsole.dom;
        const probe = '<img src=x onerror="window.__xss=1">&amp;';
        const el = h("div", {title: probe, "data-x": '"><b>'}, probe, [probe, null, 3]);
        let bad = "no error";
        try { h("a", {href: "javascript:window.__xss=2"}); } catch (e) { bad = e.message; }
        return [el.childNodes.length, el.textContent, el.getAttribute("title"),
                el.querySelectorAll("*").length, bad, window.__xss === undefined];
        """
    )
    probe = '<img src=x onerror="window.__xss=1">&amp;'
    assert got == [
        3,
        probe + probe + "3",
        probe,
        0,
        'console links must be #/ routes, got "javascript:window.__xss=2"',
        True,
    ]


def test_error_bodies_answered_with_200_are_errors(quiet: Console) -> None:
    got = quiet.js(
        """
        const f = QueenConsole.api.isErrorBody;
        return [
          f({error: "Queue not found"}),
          f({success: false, error: "ERROR:  boom"}),
          f({success: true, error: null}),
          f([{success: false, error: "Message not found"}]),
          f({messages: [], error: "x"}),
          f(null),
        ];
        """
    )
    assert got == [True, True, False, False, False, False]


def test_dead_letter_pages_of_servers_with_and_without_paging(quiet: Console) -> None:
    got = quiet.js(
        """
        const pageOf = QueenConsole.views.dlq.pageOf;
        const many = Array.from({length: 60}, (_, i) => ({transactionId: "t" + i}));
        const ids = (page) => [page.total, page.messages.length, page.messages[0].transactionId];
        return [
          // queen_server: the page it was asked for, and the total
          ids(pageOf({messages: many.slice(25, 50), total: 60}, 25)),
          // upstream: everything, no total; the console cuts the page
          ids(pageOf({messages: many, pagination: {limit: 25, offset: 0}}, 25)),
          // upstream's answer to an offset: no list at all
          pageOf({success: true, value: null}, 25).total,
        ];
        """
    )
    assert got == [[60, 25, "t25"], [60, 25, "t25"], 0]


STAND_IN_FETCH = """
window.__seen = [];
window.fetch = async (url, init) => {
  const auth = (init && init.headers && init.headers.Authorization) || null;
  window.__seen.push({url: String(url), method: init.method, auth});
  const json = (status, body) => new Response(JSON.stringify(body),
    {status, headers: {"Content-Type": "application/json"}});
  if (auth === null) return json(401, {error: "Authentication required"});
  if (auth !== "Bearer good") return json(401, {error: "Invalid token signature"});
  if (init.method !== "GET") return json(403, {error: "Insufficient permissions"});
  return json(200, {queues: [{name: "orders"}]});
};
"""


def start(console: Console, call: str) -> None:
    """Start ``call`` (a promise) in the page; ``finish`` waits for its outcome."""
    console.js(
        "window.__outcome = undefined;"
        f"({call}).then((v) => {{ window.__outcome = {{ok: v}}; }},"
        " (e) => { window.__outcome = {error: e.name + ': ' + e.message}; });"
    )


def finish(console: Console) -> Any:
    console.wait(lambda: console.js("return window.__outcome !== undefined"), "the call to end")
    return console.js("return window.__outcome")


def answer_token_dialog(console: Console, text: str) -> None:
    from selenium.webdriver.common.keys import Keys

    console.wait(
        lambda: console.js("return document.getElementById('token-dialog').open"),
        "the token dialog",
    )
    assert console.js("return document.activeElement.id") == "token-input"
    console.find("#token-input").send_keys(text, Keys.ENTER)


def test_a_401_asks_for_a_token_kept_in_session_storage_and_sent_on_every_call(
    quiet: Console,
) -> None:
    quiet.js(STAND_IN_FETCH)
    # two calls at once: one dialog serves both
    start(
        quiet,
        "Promise.all([QueenConsole.api.get('/api/v1/resources/queues'),"
        " QueenConsole.api.get('/api/v1/consumer-groups')])",
    )
    assert "Authentication required" in quiet.text_of("#token-reason")
    answer_token_dialog(quiet, "Bearer good")  # a pasted "Bearer " prefix is dropped
    outcome = finish(quiet)
    assert outcome == {"ok": [{"queues": [{"name": "orders"}]}] * 2}
    assert quiet.js("return window.sessionStorage.getItem('queen-console.token')") == "good"
    assert "good" not in quiet.js("return window.location.href")
    seen = quiet.js("return window.__seen")
    assert [s["auth"] for s in seen] == [None, None, "Bearer good", "Bearer good"]
    assert "Token (not a JWT: role unknown)" in quiet.text_of("#session")

    # a 403 says so, and why the console could not have known
    start(quiet, "QueenConsole.api.post('/api/v1/messages/p/t/retry')")
    error = finish(quiet)["error"]
    assert error.startswith(
        "ApiError: POST /api/v1/messages/p/t/retry: 403 Insufficient permissions"
    )
    described = quiet.js(
        "return QueenConsole.ui.describeError(new QueenConsole.api.ApiError(403, 'x'))"
    )
    assert "not a JWT" in described


def test_a_rejected_token_asks_again_and_cancel_gives_up(quiet: Console) -> None:
    quiet.js(STAND_IN_FETCH)
    quiet.js("window.sessionStorage.setItem('queen-console.token', 'expired')")
    start(quiet, "QueenConsole.api.get('/api/v1/dlq')")
    answer_token_dialog(quiet, "wrong")
    quiet.wait(lambda: "Invalid token signature" in quiet.text_of("#token-reason"), "the reason")
    quiet.button("Cancel", quiet.find("#token-dialog")).click()
    assert finish(quiet) == {"error": "AuthRequired: GET /api/v1/dlq: 401 Invalid token signature"}
    assert [s["auth"] for s in quiet.js("return window.__seen")] == [
        "Bearer expired",
        "Bearer wrong",
    ]

    # cancelled: the next 401 (a live refresh, say) does not ask again by itself...
    start(quiet, "QueenConsole.api.get('/api/v1/dlq')")
    assert finish(quiet)["error"].startswith("AuthRequired:")
    assert quiet.js("return document.getElementById('token-dialog').open") is False
    # ...the Sign in button does (once the rejected token is forgotten)
    quiet.button("Forget token").click()
    quiet.button("Sign in").click()
    answer_token_dialog(quiet, "good")
    assert quiet.js("return window.sessionStorage.getItem('queen-console.token')") == "good"
    assert "Give the token to send to the API at" in quiet.text_of("#token-reason")


def test_forget_token_clears_it(quiet: Console) -> None:
    quiet.js(
        "window.sessionStorage.setItem('queen-console.token', arguments[0])",
        jwt({"role": "admin", "sub": "ops"}),
    )
    quiet.open(QUIET)
    assert "Role: admin (ops)" in quiet.text_of("#session")
    quiet.button("Forget token").click()
    assert quiet.js("return window.sessionStorage.getItem('queen-console.token')") is None
    assert "No token" in quiet.text_of("#session")


def test_an_action_a_server_lacks_is_reported_as_such(quiet: Console) -> None:
    # upstream Queen closes the connection on routes it does not have (retry is one)
    quiet.js("window.fetch = async () => { throw new TypeError('Failed to fetch'); }")
    start(
        quiet,
        "QueenConsole.ui.act({title: 'Retry message t?', body: 'b', confirmLabel: 'Retry message',"
        " run: () => QueenConsole.api.post('/api/v1/messages/p/t/retry'), done: () => 'done',"
        " unsupported: 'Retrying a dead letter is a queen_server route.'})",
    )
    quiet.confirm("Retry message")
    assert finish(quiet) == {"ok": False}
    alert = quiet.text_of("#alert")
    assert "POST /api/v1/messages/p/t/retry: no answer from" in alert
    assert "Retrying a dead letter is a queen_server route." in alert

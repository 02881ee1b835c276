"""The console in headless Chromium against a queen_server running the scripted workload:
every page shows the API's data, the actions work through their confirmation, the probes
render as text, and the page is usable from the keyboard.

The tests run in file order on one server: the read-only ones first, then those that act
(retry, delete, seek).
"""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from integration.servers import new_database

from queen_server.launch import ServerProcess

from .conftest import Console
from .workload import ATTRIBUTE_PROBE, MARKUP_QUEUE_SUFFIX, SCRIPT_PROBE, Api, Workload, build

# installing the browser (once per machine) may take minutes; every wait inside is bounded
pytestmark = pytest.mark.timeout(900)


def jwt(claims: dict[str, Any]) -> str:
    """An unsigned-looking JWT: the console only reads its payload (the API checks it)."""

    def part(value: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")

    return f"{part({'alg': 'HS256', 'typ': 'JWT'})}.{part(claims)}.c2lnbmF0dXJl"


def dlq_of(queue: str) -> str:
    return "#/dlq?" + urlencode({"queue": queue})


def message_link(message: dict[str, Any]) -> str:
    return f"#/messages/{message['partitionId']}/{message['transactionId']}"


# -- pages ------------------------------------------------------------------------------------


def test_overview_shows_every_queue_with_its_counts_health_and_throughput(
    console: Console, work: Workload
) -> None:
    console.open("#/")
    console.wait_text(work.orders)
    row = console.row_with(work.orders)
    cells = [c.text for c in row.find_elements("css selector", "th, td")]
    # queue, namespace, task, partitions, pending, processing, completed, dead-lettered
    assert cells == [work.orders, "shop", "billing", "3", "29", "0", "1", "0"]
    shipments = [
        c.text for c in console.row_with(work.shipments).find_elements("css selector", "td")
    ]
    assert shipments[-2:] == ["1", "2"]  # the handed-over order completed, two dead letters
    server = console.text_of("section[aria-labelledby='h-health']")
    assert "healthy" in server
    assert "Push maintenance mode\noff" in server
    assert console.find("svg.chart[role='img']").is_displayed()
    description = console.js("return document.querySelector('svg.chart desc').textContent")
    assert "Totals — pushed: " in description
    console.shot("overview")

    # the filter narrows the table without another request
    console.find("#queue-filter").send_keys("shipments")
    queues = "section[aria-labelledby='h-queues'] table"
    console.wait(lambda: work.orders not in console.text_of(queues), "the filter")
    assert work.shipments in console.text_of(queues)


def test_queue_page_shows_configuration_partitions_leases_and_group_lag(
    console: Console, work: Workload
) -> None:
    console.open(f"#/queues/{work.orders}")
    console.wait_text("fulfilment")
    config = console.text_of("section[aria-labelledby='h-config']")
    assert "Lease time\n1 min" in config
    assert "Namespace\nshop" in config
    partitions = console.text_of("section[aria-labelledby='h-partitions']")
    for word in ("eu", "us", "free"):
        assert word in partitions
    group = console.find("section[aria-labelledby='h-groups'] .group-block")
    assert "fulfilment" in group.text
    first = group.find_elements("css selector", "tbody tr")[0]
    cells = [c.text for c in first.find_elements("css selector", "th, td")]
    assert cells[:2] == ["eu", "12"]  # the 12 orders pushed after the one it read
    console.shot("queue")


def test_queue_messages_filter_by_status_and_partition_and_page(
    console: Console, work: Workload
) -> None:
    console.open(f"#/queues/{work.orders}")
    region = "section[aria-labelledby='h-messages']"
    console.wait_text("page 1 (25 shown", region)
    console.button("Older →").click()
    console.wait_text("page 2 (5 shown", region)

    console.js(
        "const s = document.getElementById('filter-status'); s.value = 'completed';"
        "s.dispatchEvent(new Event('change'))"
    )
    console.wait_text("page 1 (1 shown", region)
    assert "completed" in console.text_of(region)

    console.js(
        "const s = document.getElementById('filter-status'); s.value = '';"
        "s.dispatchEvent(new Event('change'));"
        "const p = document.getElementById('filter-partition'); p.value = 'us';"
        "p.dispatchEvent(new Event('change'))"
    )
    console.wait_text("page 1 (17 shown", region)
    rows = console.find_all(f"{region} tbody tr")
    assert {r.find_elements("css selector", "td")[1].text for r in rows} == {"us"}


def test_trace_search_finds_the_readme_order_across_queues(
    console: Console, work: Workload
) -> None:
    from selenium.webdriver.common.keys import Keys

    console.open("#/traces")
    field = console.find("#trace-name")
    field.send_keys("order-12345", Keys.ENTER)
    console.wait_text("3 event(s) of 2 message(s) in 2 queue(s)")
    events = console.find_all("#main ol.timeline > li")
    texts = [e.text for e in events]
    # oldest first, across both queues
    steps = ["payment accepted", "label printed", "handed to the carrier"]
    queues = [work.orders, work.shipments, work.shipments]
    for text, step, queue in zip(texts, steps, queues, strict=True):
        assert step in text
        assert queue in text
    assert console.js("return window.location.hash") == "#/traces?name=order-12345"
    assert "order-12345" in console.text_of("section[aria-labelledby='h-names']")
    console.shot("traces")

    # the first event links to its message, whose page has the payload and its own timeline
    events[0].find_element("link text", work.traced_messages[0]["transactionId"]).click()
    console.wait_loaded()
    console.wait_text('"orderId": 12345')
    console.shot("message")
    trace = console.text_of("section[aria-labelledby='h-trace']")
    assert "payment accepted" in trace
    assert "label printed" not in trace
    assert "completed" in console.main_text()


def test_message_page_shows_payload_ids_retries_and_lease(console: Console, work: Workload) -> None:
    console.open(message_link(work.dlq_message))
    console.wait_text("undeliverable address for order 777")
    text = console.main_text()
    assert "dead-lettered" in text
    assert work.dlq_message["partitionId"] in text
    assert "Retry count\n0" in text
    assert '"address": "nowhere"' in console.text_of("pre.json")
    assert "Lease expires" in text


def test_consumer_groups_page_lists_groups_and_lagging_partitions(
    console: Console, work: Workload
) -> None:
    console.open("#/groups")
    console.wait_text("fulfilment")
    row = [c.text for c in console.row_with("fulfilment").find_elements("css selector", "th, td")]
    assert row[:2] == ["fulfilment", work.orders]
    console.js(
        "const i = document.getElementById('min-lag'); i.value = '0';"
        "i.dispatchEvent(new Event('change'))"
    )
    console.wait_text("older than 0 s")
    lagging = console.text_of("section[aria-labelledby='h-lagging']")
    assert "fulfilment" in lagging
    assert work.orders in lagging
    console.shot("groups")


# -- what users write is shown as text --------------------------------------------------------


def assert_no_markup_ran(console: Console) -> None:
    assert console.js("return window.__xss") is None
    assert console.find_all("img") == []
    assert len(console.find_all("script")) == 1  # the console's own
    assert console.find_all("#main b") == []


def test_payloads_names_and_errors_render_as_text(console: Console, work: Workload) -> None:
    from selenium.webdriver.common.keys import Keys

    console.open("#/dlq")
    console.wait_text(SCRIPT_PROBE)
    row = console.row_with(work.probe_message["transactionId"])
    assert SCRIPT_PROBE + ATTRIBUTE_PROBE in row.text  # the error text
    assert work.probe_group in row.text  # the consumer group name
    assert MARKUP_QUEUE_SUFFIX in row.text  # the queue name, entities not decoded
    assert_no_markup_ran(console)

    console.go(message_link(work.probe_message))
    console.wait_text(SCRIPT_PROBE)
    payload = json.loads(console.text_of("pre.json"))
    assert payload == {
        "note": SCRIPT_PROBE + ATTRIBUTE_PROBE,
        SCRIPT_PROBE + ATTRIBUTE_PROBE: [SCRIPT_PROBE + ATTRIBUTE_PROBE],
    }
    assert_no_markup_ran(console)

    console.go("#/traces")
    console.find("#trace-name").send_keys(work.probe_trace_name, Keys.ENTER)
    console.wait_text("1 event(s) of 1 message(s)")
    assert work.probe_trace_name in console.main_text()
    assert_no_markup_ran(console)

    console.go("#/groups")
    console.wait_text(work.probe_group)
    console.go("#/")
    console.wait_text(work.markup_queue)
    assert_no_markup_ran(console)


# -- actions ----------------------------------------------------------------------------------


def test_a_dead_letter_is_retried_after_confirmation_and_then_consumed(
    console: Console, work: Workload, console_server: ServerProcess
) -> None:
    from selenium.webdriver.common.keys import Keys

    doomed = work.dlq_message
    console.open(dlq_of(work.shipments))
    console.wait_text(doomed["transactionId"])
    console.shot("dlq")
    row = console.row_with(doomed["transactionId"])
    assert "undeliverable address for order 777" in row.text

    # Escape cancels, and the focus goes back to the button that opened the dialog
    retry = console.button("Retry…", row)
    retry.click()
    console.wait(
        lambda: console.js("return document.getElementById('confirm-dialog').open"), "the dialog"
    )
    assert console.js("return document.activeElement.id") == "confirm-cancel"
    console.js("return document.activeElement").send_keys(Keys.ESCAPE)
    console.wait(
        lambda: not console.js("return document.getElementById('confirm-dialog').open"),
        "the dialog to close",
    )
    console.wait_text("Cancelled", "#announce")
    assert console.js("return document.activeElement.textContent") == "Retry…"
    assert doomed["transactionId"] in console.main_text()

    console.button("Retry…", console.row_with(doomed["transactionId"])).click()
    console.confirm("Retry message")
    console.wait_text("will be delivered again", "#announce")
    console.wait(lambda: doomed["transactionId"] not in console.main_text(), "the row to go")

    # the consumer group that dead-lettered it gets it again
    api = Api(console_server.url)
    try:
        (again,) = api.pop(work.shipments, "shipping", partition="us")
        assert again["transactionId"] == doomed["transactionId"]
        api.ack(again)
    finally:
        api.close()
    console.go(message_link(doomed))
    console.wait_text("completed")
    assert "dead-lettered" not in console.main_text()


def test_a_dead_letter_is_deleted_after_confirmation(
    console: Console, work: Workload, console_server: ServerProcess
) -> None:
    junk = work.junk_message
    console.open(dlq_of(work.shipments))
    console.wait_text(junk["transactionId"])
    console.button("Delete…", console.row_with(junk["transactionId"])).click()
    console.confirm("Delete message")
    console.wait_text("deleted", "#announce")
    console.wait(lambda: junk["transactionId"] not in console.main_text(), "the row to go")
    answer = httpx.get(
        f"{console_server.url}/api/v1/messages/{junk['partitionId']}/{junk['transactionId']}"
    ).json()
    assert answer == {"error": "Message not found"}


def group_lag(url: str, group: str, queue: str) -> dict[str, int]:
    detail = httpx.get(f"{url}/api/v1/consumer-groups/{group}").json()
    return {p["partition"]: p["offsetLag"] for p in detail[queue]["partitions"]}


def test_consumer_group_seeks_to_the_end_and_back_to_a_time(
    console: Console, work: Workload, console_server: ServerProcess
) -> None:
    console.open("#/groups/fulfilment")
    console.wait_text("lag 12 message(s)")
    console.button("Seek to end…").click()
    console.confirm("Seek to end")
    console.wait_text("now reads", "#announce")
    console.wait_text("lag 0 message(s)")
    assert group_lag(console_server.url, "fulfilment", work.orders) == {"eu": 0}

    # back to an hour ago (local time in the form): all 13 messages of eu are unread again
    an_hour_ago = (datetime.now() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S")
    console.js("document.getElementById('seek-time-0').value = arguments[0]", an_hour_ago)
    console.button("Seek to time…").click()
    console.confirm("Seek to time")
    console.wait_text("lag 13 message(s)")
    assert group_lag(console_server.url, "fulfilment", work.orders) == {"eu": 13}


# -- keyboard and accessibility ---------------------------------------------------------------


def test_the_console_is_usable_from_the_keyboard(console: Console, work: Workload) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    console.open("#/")
    console.wait_text(work.orders)
    keys = ActionChains(console.driver)
    keys.send_keys(Keys.TAB).perform()
    assert console.js("return document.activeElement.className") == "skip-link"
    # the focused skip link is on screen, with a visible outline
    assert console.js("return document.activeElement.getBoundingClientRect().top") >= 0
    assert console.js("return getComputedStyle(document.activeElement).outlineStyle") == "solid"
    keys.send_keys(Keys.ENTER).perform()
    assert console.js("return document.activeElement.id") == "main"

    # tab to "Dead letters" in the navigation and follow it with Enter
    console.js("document.querySelector('.skip-link').focus()")
    for _ in range(10):
        keys.send_keys(Keys.TAB).perform()
        if console.js("return document.activeElement.textContent") == "Dead letters":
            break
    keys.send_keys(Keys.ENTER).perform()
    console.wait(lambda: console.js("return window.location.hash") == "#/dlq", "the route")
    console.wait_loaded()
    assert console.js("return document.activeElement.tagName") == "H1"
    assert (
        console.js("return document.querySelector('[aria-current=page]').textContent")
        == "Dead letters"
    )


@pytest.mark.parametrize(
    "fragment",
    [
        "#/",
        "#/queues/{orders}",
        "#/traces?name=order-12345",
        "#/dlq",
        "#/groups",
        "#/groups/fulfilment",
        "{message}",
    ],
)
def test_every_page_labels_its_controls_and_tables(
    console: Console, work: Workload, fragment: str
) -> None:
    console.open(fragment.format(orders=work.orders, message=message_link(work.traced_messages[0])))
    problems = console.js(
        """
        const out = [];
        if (document.documentElement.lang !== 'en') out.push('html lang');
        if (document.querySelectorAll('#main h1').length !== 1) out.push('one h1');
        document.querySelectorAll('input, select, textarea').forEach((el) => {
          if (el.closest('dialog') && !el.closest('dialog').open && !el.labels.length) out.push('dialog field ' + el.id);
          else if (!el.labels.length && !el.getAttribute('aria-label')) out.push('unlabelled ' + (el.id || el.outerHTML));
        });
        document.querySelectorAll('button, a').forEach((el) => {
          if (!el.textContent.trim() && !el.getAttribute('aria-label')) out.push('nameless ' + el.outerHTML);
        });
        document.querySelectorAll('#main thead th').forEach((th) => {
          if (th.getAttribute('scope') !== 'col') out.push('th without scope');
        });
        document.querySelectorAll('svg[role=img]').forEach((svg) => {
          if (!svg.getAttribute('aria-label') && !svg.getAttribute('aria-labelledby')) out.push('unnamed chart');
        });
        return out;
        """
    )
    assert problems == []


# -- the token, the role, and what a read-only token sees ---------------------------------------


def test_a_read_only_token_sees_no_retry_delete_or_seek(console: Console, work: Workload) -> None:
    console.open("#/dlq")
    console.js(
        "window.sessionStorage.setItem('queen-console.token', arguments[0])",
        jwt({"sub": "viewer", "role": "read-only"}),
    )
    console.open(dlq_of(work.markup_queue))
    console.wait_text(work.probe_message["transactionId"])
    assert "Role: read-only (viewer)" in console.text_of("#session")
    assert console.find_all("#main button.danger, #main button.primary") == []
    assert "read-only" in console.row_with(work.probe_message["transactionId"]).text
    console.go("#/groups/fulfilment")
    console.wait_text("Queue")
    assert console.find_all("#main form.seek") == []
    console.go(message_link(work.probe_message))
    console.wait_text("Payload")
    assert console.find_all("#main .actions button") == []

    # read-write and admin (from `roles`), and a token that is not a JWT, see the actions
    for token in (
        jwt({"roles": ["read-only", "read-write"]}),
        jwt({"role": "admin"}),
        "static-token-not-a-jwt",
    ):
        console.js("window.sessionStorage.setItem('queen-console.token', arguments[0])", token)
        console.open(dlq_of(work.markup_queue))
        console.wait_text(work.probe_message["transactionId"])
        labels = [b.text for b in console.find_all("#main .actions button")]
        assert labels == ["Retry…", "Delete…"], token


@dataclass
class AuthenticatedConsole:
    """The console on a queen_server that enforces bearer tokens, with its workload."""

    console: Console
    work: Workload
    #: "admin", "read-write" and "read-only": JWTs the server accepts, with that role claim
    tokens: dict[str, str]


JWT_SECRET = "console-test-secret-of-at-least-32-bytes"


def role_token(role: str) -> str:
    """An HS256 JWT the authenticated server accepts, carrying ``role``."""
    import jwt  # PyJWT, from the server extra

    now = int(time.time())
    claims = {"sub": f"console-{role}", "role": role, "iat": now, "exp": now + 3600}
    return str(jwt.encode(claims, JWT_SECRET, algorithm="HS256"))


@pytest.fixture
def authenticated_console(
    driver: Any, pg_dsn: str, screenshot_dir: Any
) -> Iterator[AuthenticatedConsole]:
    """A server that checks JWTs, its workload built with the admin token, and the console."""
    env = {"JWT_ENABLED": "true", "JWT_ALGORITHM": "HS256", "JWT_SECRET": JWT_SECRET}
    tokens = {role: role_token(role) for role in ("admin", "read-write", "read-only")}
    with ServerProcess(new_database(pg_dsn, "console"), env=env) as server:
        work = build(server.url, tokens["admin"])
        driver.get("about:blank")
        driver.get(server.url + "/")
        driver.execute_script("window.sessionStorage.clear()")
        yield AuthenticatedConsole(Console(driver, server.url, screenshot_dir), work, tokens)


def test_a_read_only_token_given_after_a_401_sees_data_and_no_actions(
    authenticated_console: AuthenticatedConsole,
) -> None:
    console, work = authenticated_console.console, authenticated_console.work
    reader = authenticated_console.tokens["read-only"]
    console.driver.get(f"{console.url}/{dlq_of(work.shipments)}")
    # the API's 401 opens the token dialog
    console.wait(
        lambda: console.js("return document.getElementById('token-dialog').open"), "the dialog"
    )
    assert "Authentication required" in console.text_of("#token-reason")
    console.find("#token-input").send_keys(reader)
    console.button("Use token", console.find("#token-dialog")).click()
    console.wait_text(work.dlq_message["transactionId"])
    assert "Role: read-only" in console.text_of("#session")
    assert console.find_all("#main .actions button") == []
    assert console.js("return window.sessionStorage.getItem('queen-console.token')") == reader
    # the API, not the console, enforces the role: a retry sent anyway is refused with 403
    path = f"/api/v1/messages/{work.dlq_message['partitionId']}/{work.dlq_message['transactionId']}"
    error = console.js(
        "return QueenConsole.api.post(arguments[0]).then(() => 'sent', (e) => e.message)",
        path + "/retry",
    )
    assert "403 Insufficient permissions" in error


# -- pointed at another server ----------------------------------------------------------------


def test_console_api_makes_the_browser_read_another_server(
    driver: Any,
    work: Workload,
    console_server: ServerProcess,
    pg_dsn: str,
    screenshot_dir: Any,
    peer_port: int,
) -> None:
    # a second server on an empty database serves the console for the first one: whatever
    # the page lists came from the first server, across origins (another port), through CORS
    env = {"QUEEN_CONSOLE_API": console_server.url}
    with ServerProcess(new_database(pg_dsn, "console"), env=env, port=peer_port) as other:
        page = Console(driver, other.url, screenshot_dir)
        page.open("#/")
        page.wait_text(work.orders)
        assert page.text_of("#api-target") == f"API: {console_server.url}"
        assert page.js("return window.location.origin") == other.url

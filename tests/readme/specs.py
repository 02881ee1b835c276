"""What each README block must have done: one check per block, found by section and text.

Checks look at values: what the block left in its globals, what its client sent and the
server answered (``run.http``), what the stand-ins for the reader's code received
(``run.recorded``), what a program printed, and what the server holds afterwards.
"""

from __future__ import annotations

import ast
import uuid
from pathlib import Path
from typing import Any

import queen
import queen.sync
from queen_server.launch import free_port

from .harness import Run, spec
from .placeholders import ORDERS, STREAM

ORDER_DATA = [data for _, data in ORDERS]


# --- reading the server's state ------------------------------------------------------------


async def peek(server: queen.Queen, queue: str) -> list[tuple[str, Any]]:
    """Every message of ``queue`` as (partition, data), whatever its state, in order."""
    group = f"readme-peek-{uuid.uuid4().hex[:8]}"
    try:
        messages = await (
            server.queue(queue).group(group).batch(10_000).partitions(1_000).auto_ack(True).pop()
        )
    finally:
        await server.admin.delete_consumer_group(group, delete_metadata=True)
    return [(m["partition"], m["data"]) for m in messages]


async def totals(server: queen.Queen, queue: str) -> dict[str, int]:
    """Message counts of ``queue`` by state (queue mode)."""
    detail = await server.admin.get_queue_detail(queue)
    counts: dict[str, int] = detail["totals"]["messages"]
    return counts


async def queue_names(server: queen.Queen) -> set[str]:
    return {q["name"] for q in (await server.admin.list_queues())["queues"]}


async def statuses(server: queen.Queen, queue: str) -> dict[str, str]:
    """transactionId → status (queue mode) of every message of ``queue``."""
    listing = await server.admin.list_messages(queue=queue, limit=1_000)
    return {m["transactionId"]: m["status"] for m in listing["messages"]}


def _results(answer: Any) -> list[dict[str, Any]]:
    return [a for a in (answer if isinstance(answer, list) else [answer]) if isinstance(a, dict)]


def acked(run: Run) -> list[str]:
    """transactionIds the block's client acknowledged successfully, in order."""
    assert run.http is not None
    ids: list[str] = []
    for exchange in run.http.to("POST", "/api/v1/ack"):
        ids += [a["transactionId"] for a in _results(exchange.answer) if a.get("success")]
    return ids


def answers(run: Run, method: str, path: str, *, exact: bool = False) -> list[Any]:
    """The answers to the block's requests ``method path``, in order."""
    assert run.http is not None
    return [exchange.answer for exchange in run.http.to(method, path, exact=exact)]


def all_answered(run: Run) -> None:
    """Every request the block's client sent got a successful answer."""
    assert run.http is not None
    assert run.http.exchanges, "the block sent nothing"
    failed = [str(e) for e in run.http.exchanges if e.status >= 300]
    assert not failed, failed


async def seed_orders(server: queen.Queen, count: int = 3) -> None:
    """``count`` orders in one partition of ``orders``."""
    await server.queue("orders").push([{"data": {"orderId": n}} for n in range(1, count + 1)])


def data_of(calls: list[Any]) -> list[Any]:
    """The ``data`` of every message handed to a stand-in (lists of messages flattened)."""
    found: list[Any] = []
    for argument, *_ in calls:
        for message in argument if isinstance(argument, list) else [argument]:
            found.append(
                message["data"] if isinstance(message, dict) and "data" in message else message
            )
    return found


# --- the async client ----------------------------------------------------------------------


@spec("The async client: `queen.Queen`")
async def quickstart(run: Run) -> None:
    assert run.stdout == ""
    detail = await run.server.admin.get_queue_detail("orders")
    assert detail["queue"]["config"]["leaseTime"] == 30
    assert detail["queue"]["config"]["retryLimit"] == 3
    assert await peek(run.server, "orders") == [("Default", {"orderId": 1, "amount": 99.9})]
    assert (await totals(run.server, "orders"))["completed"] == 1


@spec("Connecting")
async def connecting(run: Run) -> None:
    assert run.placeholders is not None
    one, cluster, full, keywords = run.placeholders.built
    assert one.config.urls == (run.server_url,)
    assert cluster.config.urls == ("http://q1:6632", "http://q2:6632")
    assert full.config.urls == ("http://q1:6632",)
    assert (full.config.timeout_millis, full.config.retry_attempts) == (10_000, 5)
    assert full.config.load_balancing_strategy == "round-robin"
    assert full.config.bearer_token == "…"
    assert full.config.headers == {"X-Team": "billing"}
    assert keywords.config.timeout_millis == 5_000
    assert run.ns["queen"] is keywords


def _certificates(folder: Path) -> dict[str, str]:
    from transport.certificates import make_pki  # the TLS tests' throw-away PKI

    pki = make_pki(folder)
    return {
        "/etc/queen/ca.pem": str(pki.ca),
        '"client.pem"': repr(str(pki.client_cert)),
        '"client.key"': repr(str(pki.client_key)),
    }


@spec("HTTP backends, TLS and deadlines", contains="ssl_context=", replace=_certificates)
async def tls(run: Run) -> None:
    assert run.placeholders is not None
    private_ca, mutual, context = run.placeholders.built
    assert all(c.config.urls == ("https://queen.internal:6632",) for c in run.placeholders.built)
    assert private_ca.config.verify == str(run.tmp / "ca.pem")
    assert mutual.config.cert is not None
    assert mutual.config.cert[:2] == (str(run.tmp / "client.pem"), str(run.tmp / "client.key"))
    assert context.config.ssl_context is run.ns["my_context"]


@spec("HTTP backends, TLS and deadlines", contains="MemoryBackend(handler)")
async def memory_backend(run: Run) -> None:
    # the block asserts the failover itself; it must have got that far, silently
    assert (run.stdout, run.stderr) == ("", "")


@spec("Queues")
async def queues(run: Run) -> None:
    all_answered(run)
    configured = run.http.to("POST", "/api/v1/configure") if run.http else []
    assert [e.answer["configured"] for e in configured] == [True, True, True]
    assert (configured[0].body["queue"], configured[0].body["options"]) == ("orders", {})
    assert len(configured[1].body["options"]) == 15  # only the options given are sent
    assert (configured[2].body["namespace"], configured[2].body["task"]) == ("billing", "invoices")
    (deleted,) = answers(run, "DELETE", "/api/v1/resources/queues/orders")
    assert deleted["deleted"] is True
    assert "orders" not in await queue_names(run.server)


@spec("Push")
async def push(run: Run) -> None:
    assert [r["status"] for r in run.ns["results"]] == ["queued"] * 3
    assert await peek(run.server, "orders") == [
        ("Default", {"orderId": 1}),
        ("Default", {"orderId": 2}),
        ("Default", {"orderId": 3}),
        ("customer-42", {"orderId": 4}),
    ]
    listing = (await run.server.admin.list_messages(queue="orders"))["messages"]
    assert "order-2" in {m["transactionId"] for m in listing}
    assert "0192f6d2-3c4b-7d21-9a8e-5f1e2d3c4b5a" in {m["traceId"] for m in listing}


@spec("Buffered push", contains="buffer(")
async def buffered_push(run: Run) -> None:
    stats = await run.call(run.ns["queen"].get_buffer_stats)
    assert stats["totalBufferedMessages"] == 0
    assert stats["flushesPerformed"] >= 1
    assert stats["failedFlushes"] == 0
    assert [data for _, data in await peek(run.server, "events")] == list(STREAM)


async def _unreachable_client(run: Run) -> None:
    """``queen`` here: a client whose server has gone, with two messages still buffered."""
    url = f"http://127.0.0.1:{free_port()}"
    options: dict[str, Any] = {"close_timeout_millis": 300, "retry_attempts": 1}
    items = [{"data": {"orderId": 1}}, {"data": {"orderId": 2}}]
    settings = {"message_count": 100, "time_millis": 60_000}
    if run.flavour == "sync":
        client: Any = queen.sync.Queen(url, **options)
        await run.call(client.queue("orders").buffer(settings).push, items)
    else:
        client = queen.Queen(url, **options)
        await client.queue("orders").buffer(settings).push(items)
    run.ns["queen"] = client


@spec("Buffered push", contains="QueenFlushError", setup=_unreachable_client)
async def undelivered_on_close(run: Run) -> None:
    pending = run.ns["pending"]
    assert [item["payload"] for item in pending] == [{"orderId": 1}, {"orderId": 2}]
    assert {item["queue"] for item in pending} == {"orders"}
    assert all(item["transactionId"] for item in pending)
    assert run.ns["queen"].closed


# --- pop, ack, consume ---------------------------------------------------------------------


async def _pop_seed(server: queen.Queen) -> None:
    await server.queue("orders").namespace("billing").task("invoices").create()
    await server.queue("orders").push([{"data": {"orderId": 1}}])
    await (
        server.queue("orders")
        .partition("customer-42")
        .push([{"data": {"orderId": 2}}, {"data": {"orderId": 3}}])
    )


@spec("Pop", seed=_pop_seed)
async def pop(run: Run) -> None:
    all_answered(run)
    first, group, labels = [
        [(m["partition"], m["data"]["orderId"]) for m in answer["messages"]]
        for answer in answers(run, "GET", "/api/v1/pop")
    ]
    assert len(first) == 1
    # the group reads the partition from the start, whatever queue mode has leased
    assert group == [("customer-42", 2), ("customer-42", 3)]
    # queue mode: the labels pop gets the partition the first pop did not lease
    assert len(labels) == 1
    assert {first[0][0], labels[0][0]} == {"Default", "customer-42"}
    assert run.ns["messages"][0]["data"] == {"orderId": labels[0][1]}


@spec("Ack")
async def ack(run: Run) -> None:
    single = [_results(a)[0] for a in answers(run, "POST", "/api/v1/ack", exact=True)]
    assert [a["success"] for a in single] == [True, False, False, False, False]
    # once completed, the message's lease is gone: the other calls are refused, not raised
    assert {a["error"] for a in single[1:]} == {"Invalid or expired lease"}
    assert {k: run.ns["result"][k] for k in ("success", "processed", "failed")} == {
        "success": True,
        "processed": 2,
        "failed": 0,
    }
    assert (await totals(run.server, "orders"))["completed"] == 3


async def _three_acked(run: Run) -> bool:
    return len(acked(run)) >= 3


@spec("Consume", contains="consume(handler)  # runs until", seed=seed_orders, done=_three_acked)
async def consume_forever(run: Run) -> None:
    assert data_of(run.recorded("charge")) == [{"orderId": 1}, {"orderId": 2}, {"orderId": 3}]
    assert (await totals(run.server, "orders"))["completed"] == 3


async def _a_thousand(server: queen.Queen) -> None:
    await server.queue("orders").push([{"data": n} for n in range(1_000)])


@spec("Consume", contains="handle_many", seed=_a_thousand)
async def consume_bounded(run: Run) -> None:
    # the limit ends it: with 1 000 messages waiting, idle_millis never comes into play
    assert run.ns["result"] == {"processed": 1_000, "failed": 0, "ackFailures": 0}
    batches = [args[0] for args in run.recorded("store_all")]
    assert all(1 <= len(batch) <= 50 for batch in batches)
    assert sorted(n for batch in batches for n in batch) == list(range(1_000))


@spec("Consume", contains=".each()", seed=seed_orders, done=_three_acked)
async def consume_each(run: Run) -> None:
    calls = run.recorded("handler")
    assert all(isinstance(args[0], dict) for args in calls)  # one message per call
    assert data_of(calls) == [{"orderId": 1}, {"orderId": 2}, {"orderId": 3}]


@spec("Consume", contains="auto_ack(False)", seed=seed_orders, done=_three_acked)
async def consume_acking_handler(run: Run) -> None:
    assert data_of(run.recorded("charge")) == [{"orderId": 1}, {"orderId": 2}, {"orderId": 3}]
    # the handler's acks, and no others: an extra ack by the consumer would be refused
    assert len(answers(run, "POST", "/api/v1/ack", exact=True)) == 3
    assert (await totals(run.server, "orders"))["completed"] == 3


# --- leases, transactions, traces, DLQ, admin ----------------------------------------------


@spec("Leases")
async def leases(run: Run) -> None:
    all_answered(run)
    extended = run.http.to("POST", "/api/v1/lease/") if run.http else []
    message, m1, m2 = (run.ns[name] for name in ("message", "m1", "m2"))
    assert [(e.path.split("/")[4], e.body["seconds"]) for e in extended] == [
        (message["leaseId"], 60),
        (message["leaseId"], 300),
        (m1["leaseId"], 60),
        (m2["leaseId"], 60),
        (message["leaseId"], 60),
    ]
    assert all(e.answer[0]["success"] for e in extended)


@spec("Transactions")
async def transactions(run: Run) -> None:
    assert run.ns["result"]["success"] is True
    states = await statuses(run.server, "orders")
    assert states[run.ns["message"]["transactionId"]] == "completed"
    assert await peek(run.server, "shipping") == [("eu", {"orderId": 1, "step": "ship"})]


@spec("Traces", needs=("queen", "message"))
async def traces(run: Run) -> None:
    message = run.ns["message"]
    await run.call(run.ns["handler"], message)  # the block defines the handler: call it
    recorded = await run.server.admin.get_traces_for_message(
        message["partitionId"], message["transactionId"]
    )
    (trace,) = recorded["traces"]
    assert (trace["event_type"], trace["data"]) == ("step", {"text": "payment accepted"})
    by_name = await run.server.admin.get_traces_by_name(f"order-{message['data']['orderId']}")
    assert message["transactionId"] in {t["transaction_id"] for t in by_name["traces"]}


async def _dead_letters(server: queen.Queen) -> None:
    await seed_orders(server)
    for message in await server.queue("orders").batch(3).pop():
        if message["data"]["orderId"] != 3:
            await server.ack(message, "dlq", {"error": f"ValueError: bad {message['data']}"})
    (billing,) = await server.queue("orders").group("billing").pop()
    await server.ack(billing, "dlq", {"error": "ValueError: declined"})


@spec("Dead-letter queue", seed=_dead_letters)
async def dead_letters(run: Run) -> None:
    everything, billing = answers(run, "GET", "/api/v1/dlq")
    assert everything["total"] == 3
    assert run.ns["page"]["total"] == billing["total"] == 1
    assert [m["errorMessage"] for m in run.ns["page"]["messages"]] == ["ValueError: declined"]


async def _admin_seed(server: queen.Queen) -> None:
    await server.queue("orders").partition("eu").push([{"data": {"orderId": 7}}, {"data": 8}])
    (message,) = await server.queue("orders").group("billing").pop()
    await message["trace"]({"traceName": "order-1", "data": {"text": "seen"}})
    await server.ack(message, True)


@spec("Admin", seed=_admin_seed)
async def admin(run: Run) -> None:
    all_answered(run)
    transaction_id = run.ns["transaction_id"]
    path = f"/api/v1/messages/{run.ns['partition_id']}/{transaction_id}"
    (message,) = answers(run, "GET", path)
    assert message["transactionId"] == transaction_id
    assert [a["success"] for a in answers(run, "POST", path)] == [True, True]  # dlq, retry
    assert answers(run, "DELETE", path) == [
        {"success": True, "partitionId": run.ns["partition_id"], "transactionId": transaction_id,
         "message": "Message deleted successfully"}
    ]  # fmt: skip
    (by_name,) = answers(run, "GET", "/api/v1/traces/by-name/order-1")
    assert {"text": "seen"} in [t["data"] for t in by_name["traces"]]  # others may share the name
    (cleared,) = answers(run, "DELETE", "/api/v1/queues/orders/clear")
    assert cleared["deletedMessages"] == 2
    assert "orders" not in await queue_names(run.server)


# --- logging, the low-level API, services, the blocking client -----------------------------

_LOG_PROBE = """
from queen.sync import Queen

with Queen("http://localhost:6632") as probe:  # four requests: health, push, pop, ack
    probe.admin.health()
    probe.queue("orders").push([{"data": {"orderId": 1}}])
    probe.ack(probe.queue("orders").pop(), True)
"""


@spec("Logging", epilogue=_LOG_PROBE)
async def logging_setup(run: Run) -> None:
    # after the block, the client's DEBUG lines reach the root handler the block configured
    debug = [line for line in run.stderr.splitlines() if line.startswith("DEBUG:queen:")]
    assert any('"count":1' in line and '"buffered":false' in line for line in debug), run.stderr
    requests = [line for line in debug if '"status":200' in line]
    paths = [line.split('"url":"', 1)[1].split('"', 1)[0].split("/", 3)[-1] for line in requests]
    assert paths == [
        "health",
        "api/v1/push",
        "api/v1/pop/queue/orders?batch=1",
        "api/v1/ack/batch",
    ], run.stderr


@spec("Low-level API: `queen_generated`")
async def low_level(run: Run) -> None:
    printed = ast.literal_eval(run.stdout.strip())
    assert "raw-orders" in printed
    assert printed == sorted(printed)
    assert "raw-orders" in await queue_names(run.server)


async def _jobs(server: queen.Queen) -> None:
    await server.queue("jobs").push([{"data": {"job": n}} for n in range(3)])


async def _handled_three(run: Run) -> bool:
    return len(run.recorded("handle")) >= 3


@spec("asyncio services", seed=_jobs, done=_handled_three)
async def asyncio_service(run: Run) -> None:
    assert sorted(d["job"] for d in data_of(run.recorded("handle"))) == [0, 1, 2]
    # close() on SIGTERM let the handlers finish and acknowledged them
    assert (await totals(run.server, "jobs"))["completed"] == 3


async def _billed_and_audited(run: Run) -> bool:
    return len(data_of(run.recorded("bill"))) >= 3 and len(data_of(run.recorded("audit"))) >= 3


@spec("trio apps", seed=seed_orders, done=_billed_and_audited)
async def trio_app(run: Run) -> None:
    expected = [{"orderId": 1}, {"orderId": 2}, {"orderId": 3}]
    assert sorted(data_of(run.recorded("bill")), key=str) == expected
    assert data_of(run.recorded("audit")) == expected


@spec("The blocking client: `queen.sync.Queen`")
async def blocking_client(run: Run) -> None:
    assert run.recorded("ship") == [[{"orderId": 1}]]
    assert run.ns["result"] == {"processed": 1, "failed": 0, "ackFailures": 0}
    assert [m["data"] for m in run.ns["messages"]] == [{"orderId": 1}]
    assert await peek(run.server, "events") == [("Default", {"clicked": "buy"})]
    assert (await totals(run.server, "events"))["completed"] == 1
    assert (await totals(run.server, "shipping"))["completed"] == 1
    by_name = await run.server.admin.get_traces_by_name("shipping")
    assert {"step": "shipped"} in [t["data"] for t in by_name["traces"]]


# --- testing your application --------------------------------------------------------------


def _outcomes(run: Run) -> dict[str, str]:
    """Test name (without its anyio backend) → outcomes of its runs."""
    found: dict[str, str] = {}
    for name, outcome in run.outcomes.items():
        base = name.split("[")[0]
        found[base] = outcome if found.get(base, "passed") == "passed" else found[base]
    return found


def _token(folder: Path) -> dict[str, str]:
    return {'os.environ["QUEEN_TOKEN"]': '"readme-token-0123456789"'}


@spec("Authentication", replace=_token)
async def bearer_token(run: Run) -> None:
    assert (run.stdout, run.stderr) == ("", "")
    assert await peek(run.server, "orders") == [("Default", {"orderId": 1})]


async def _customer_orders(server: queen.Queen) -> None:
    orders = [{"data": {"amount": amount}} for amount in (10, 0, 32)]
    await server.queue("orders").partition("customer-7").push(orders)


async def _orders_consumed(run: Run) -> bool:
    return (await totals(run.server, "orders"))["completed"] == 3


@spec("Streams", contains="Stream.from_", seed=_customer_orders, done=_orders_consumed)
async def stream(run: Run) -> None:
    metrics = ast.literal_eval(run.stdout.strip())
    assert metrics["messagesTotal"] == 3
    assert metrics["errorsTotal"] == 0
    assert metrics["queryId"] == "orders-per-minute"
    # the minute's window is still open: nothing emitted yet, the state holds it
    assert await peek(run.server, "orders.per-minute") == []


async def _api_calls(server: queen.Queen) -> None:
    await server.queue("api-calls").push([{"data": {"call": n}} for n in range(5)])


async def _approved(run: Run) -> bool:
    return len(await peek(run.server, "api-calls.approved")) == 5


@spec("The blocking flavour: `queen.sync.Stream`", seed=_api_calls, done=_approved)
async def blocking_stream(run: Run) -> None:
    approved = sorted(data["call"] for _, data in await peek(run.server, "api-calls.approved"))
    assert approved == [0, 1, 2, 3, 4]  # within the bucket's capacity: all let through, once
    assert "Traceback" not in run.stderr


@spec("Testing your application with queen", contains="local_server")
async def local_servers(run: Run) -> None:
    assert _outcomes(run) == {"test_orders_flow": "passed", "test_orders_flow_blocking": "passed"}
    # every server ran on the session's database: each test's push is there
    assert await peek(run.server, "orders") == [("Default", {"orderId": 1})] * len(run.outcomes)


@spec("Testing your application with queen", contains="queen_sync_client")
async def plugin_fixtures(run: Run) -> None:
    assert _outcomes(run) == {
        "test_checkout_publishes_an_order": "passed",
        "test_worker_acks": "passed",
    }
    ((queue, cart),) = run.recorded("checkout")
    assert "orders" in queue
    assert cart == ["book"]
    # one handled message per run of the async test (one per anyio backend)
    runs = sum(name.startswith("test_worker_acks") for name in run.outcomes)
    assert data_of(run.recorded("my_handler")) == [{"n": 1}] * runs

"""A threaded web app (WSGI, as Flask or Django run it) that produces messages.

    python examples/wsgi_producer.py --url http://localhost:6632 [--port 8000] [--queue orders]

    curl -X POST localhost:8000/orders -d '{"customer": "c-1", "amount": 12.5}'

One blocking client is created at import time and shared by every request thread: it is
thread-safe, and nothing starts until the first request uses it. ``POST /orders`` pushes
through a client-side buffer (partitioned by customer), so a request costs no round trip to
Queen; ``GET /stats`` shows the buffer. On SIGTERM or Ctrl-C the server stops and
``queen.close()`` flushes whatever is still buffered: nothing accepted is lost.

With Flask the handler would read the same: ``queen.queue(...).push(...)`` in the view.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import threading
from collections.abc import Callable, Iterable
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from queen import QueenError
from queen.sync import Queen

parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
parser.add_argument("--url", default=os.environ.get("QUEEN_URL", "http://localhost:6632"))
parser.add_argument("--port", type=int, default=8000)
parser.add_argument("--queue", default="orders")
args = parser.parse_args()

queen = Queen(args.url)  # shared by all request threads
orders = queen.queue(args.queue).buffer({"message_count": 50, "time_millis": 200})

StartResponse = Callable[[str, list[tuple[str, str]]], Any]


def reply(start: StartResponse, status: str, body: Any) -> Iterable[bytes]:
    start(status, [("Content-Type", "application/json")])
    return [json.dumps(body).encode()]


def app(environ: dict[str, Any], start: StartResponse) -> Iterable[bytes]:
    method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "/")
    if method == "POST" and path == "/orders":
        length = int(environ.get("CONTENT_LENGTH") or 0)
        try:
            order = json.loads(environ["wsgi.input"].read(length) or b"{}")
            customer = str(order["customer"])
        except (ValueError, KeyError):
            return reply(start, "400 Bad Request", {"error": "send {'customer': ..., ...}"})
        try:
            orders.partition(customer).push({"data": order})
        except QueenError as exc:
            return reply(start, "503 Service Unavailable", {"error": str(exc)})
        return reply(start, "202 Accepted", {"accepted": True})
    if method == "GET" and path == "/stats":
        return reply(start, "200 OK", dict(queen.get_buffer_stats()))
    return reply(start, "404 Not Found", {"error": f"no route {method} {path}"})


class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *arguments: Any) -> None:
        pass


def serve() -> None:
    server = make_server(
        "127.0.0.1", args.port, app, server_class=ThreadingWSGIServer, handler_class=QuietHandler
    )

    def stop(signum: int, frame: Any) -> None:
        # shutdown() waits for serve_forever() to return: call it from another thread
        threading.Thread(target=server.shutdown).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f"listening on http://127.0.0.1:{server.server_port}", flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()
        pending = queen.get_buffer_stats()["totalBufferedMessages"]
        queen.close()  # flushes the buffer
        print(json.dumps({"stopped": "cleanly", "flushed_at_exit": pending}), flush=True)


if __name__ == "__main__":
    serve()

"""Assemble the console's static files into one HTML page, and the route that serves it.

The CSS and the scripts are inlined into ``index.html`` so the console is a single public
path (``/``, as upstream serves its dashboard), and the Content-Security-Policy allows
exactly those two inline blocks by their SHA-256 hashes: no other script can run in the
page, even if a payload were ever rendered as markup.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from dataclasses import dataclass
from importlib import resources
from urllib.parse import urlsplit

from queen_server.config import Settings
from queen_server.router import Route
from queen_server.web import Request, Response

#: the scripts, in the order they run (each one adds to ``window.QueenConsole``)
SCRIPTS = (
    "dom.js",
    "auth.js",
    "api.js",
    "ui.js",
    "chart.js",
    "views/overview.js",
    "views/queue.js",
    "views/message.js",
    "views/traces.js",
    "views/dlq.js",
    "views/groups.js",
    "main.js",
)

HTML_TYPE = b"text/html; charset=utf-8"
_PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")


@dataclass(frozen=True)
class ConsolePage:
    """The assembled page and the headers it is served with."""

    body: bytes
    headers: list[tuple[bytes, bytes]]


def normalize_api_base(url: str) -> str:
    """The API base URL the page calls: ``""`` for its own origin, else ``scheme://host[:port]
    [/path]`` without a trailing slash. Raises ``ValueError`` naming the value otherwise."""
    if not url:
        return ""
    parts = urlsplit(url)
    problem = None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        problem = "must be an http:// or https:// URL with a host"
    elif parts.username is not None or parts.password is not None:
        problem = "must not carry credentials (the console asks for a bearer token instead)"
    elif parts.query or parts.fragment or url.endswith(("?", "#")):
        problem = "must not have a query or a fragment"
    else:
        try:
            parts.port  # noqa: B018 - raises ValueError for a port out of range
        except ValueError:
            problem = "has an invalid port"
    if problem is not None:
        raise ValueError(f"--console-api {problem}, e.g. http://queen.internal:6632; got {url!r}")
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"


def _origin(api_base: str) -> str:
    parts = urlsplit(api_base)
    return f"{parts.scheme}://{parts.netloc}"


def _read(name: str) -> str:
    return (resources.files("queen_server.console") / "static" / name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def build_page(api_base: str = "") -> ConsolePage:
    """The console page calling ``api_base`` (``""``: the origin that served the page)."""
    api_base = normalize_api_base(api_base)
    style = _read("console.css")
    script = "\n".join(_read(f"js/{name}") for name in SCRIPTS)
    # an inline block ends at the first closing tag, whatever JavaScript thinks of it
    if "</style" in style.lower() or "</script" in script.lower():
        raise RuntimeError("a console asset contains a closing </style> or </script> tag")
    values = {
        "API_BASE": html.escape(api_base, quote=True),
        "STYLE": style,
        "SCRIPT": script,
    }
    page = _PLACEHOLDER.sub(lambda m: values[m.group(1)], _read("index.html"))
    connect = "'self'" + (f" {_origin(api_base)}" if api_base else "")
    policy = "; ".join(
        [
            "default-src 'none'",
            f"script-src 'sha256-{_sha256(script)}'",
            f"style-src 'sha256-{_sha256(style)}'",
            f"connect-src {connect}",
            "img-src 'self' data:",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        ]
    )
    headers = [
        (b"content-security-policy", policy.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"x-frame-options", b"DENY"),
        (b"referrer-policy", b"no-referrer"),
        (b"cache-control", b"no-cache"),
    ]
    return ConsolePage(page.encode(), headers)


def console_routes(settings: Settings) -> list[Route]:
    """``GET /``: the console page. It is static (built once here) and reads no data; the
    browser then calls the API with whatever token the user gives it."""
    page = build_page(settings.console_api)

    async def serve_console(_request: Request) -> Response:
        return Response(
            status=200,
            body=page.body,
            content_type=HTML_TYPE,
            headers=list(page.headers),
            cors=False,
        )

    return [Route("GET", "/", serve_console)]

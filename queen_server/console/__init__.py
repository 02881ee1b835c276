"""The web console: one HTML page, served at ``GET /``, that shows queues, lag, the DLQ and
message traces by calling the server's public API from the browser.

The page is assembled once at start-up from the files in ``static/`` (HTML, CSS and plain
JavaScript, no build step) into a single document, so serving it is one static route that
reads no data: everything the page shows comes from the API, with the bearer token the
user gives the page, exactly as any other client would. With ``--console-api URL`` the
page calls that API (for example an upstream Queen server) instead of its own origin.
"""

from __future__ import annotations

from queen_server.console.page import (
    ConsolePage,
    build_page,
    console_routes,
    normalize_api_base,
)

__all__ = ["ConsolePage", "build_page", "console_routes", "normalize_api_base"]

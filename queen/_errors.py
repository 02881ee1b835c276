"""One exception hierarchy for everything the client raises.

```
QueenError
├── QueenConfigError          bad option given to Queen(...) or a builder (also a ValueError)
├── QueenClosedError          the client was used after close()
├── QueenFlushError           close() could not deliver buffered messages (``messages``)
├── QueenConnectionError      no usable answer from any server (refused, reset, DNS, ...)
│   └── QueenTimeoutError     the server did not answer in time
├── QueenHTTPError            the server answered with an error
│   ├── QueenValidationError  400: the request was rejected (also raised client-side)
│   ├── QueenAuthError        401 / 403
│   ├── QueenNotFoundError    404: unknown route or resource
│   └── QueenServerError      5xx, or an error reported inside a 200 body
│       └── QueenTransactionError   a transaction was rolled back
└── QueenHandlerError         a consume() handler failed while auto_ack was off
```
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "QueenAuthError",
    "QueenClosedError",
    "QueenConfigError",
    "QueenConnectionError",
    "QueenError",
    "QueenFlushError",
    "QueenHTTPError",
    "QueenHandlerError",
    "QueenNotFoundError",
    "QueenServerError",
    "QueenTimeoutError",
    "QueenTransactionError",
    "QueenValidationError",
]


class QueenError(Exception):
    """Base class of every error raised by the queen client."""


class QueenConfigError(QueenError, ValueError):
    """An option passed to the client or a builder is invalid."""


class QueenClosedError(QueenError):
    """The client was used after ``close()``."""


class QueenFlushError(QueenError):
    """``close()`` could not deliver buffered messages before its deadline.

    ``messages`` hands them back as wire items (``queue``, ``partition``, ``payload``,
    ``transactionId``, and ``traceId`` when set), oldest first, so the caller can keep or
    re-push them; re-pushing with the same transactionId cannot store a message twice.
    """

    def __init__(self, message: str, *, messages: list[dict[str, Any]]) -> None:
        super().__init__(message)
        self.messages = messages


class QueenConnectionError(QueenError):
    """No usable answer could be obtained from any server.

    ``url`` is the last request's URL, ``attempts`` how many times the call was sent.
    """

    def __init__(self, message: str, *, url: str | None = None, attempts: int = 1) -> None:
        super().__init__(message)
        self.url = url
        self.attempts = attempts


class QueenTimeoutError(QueenConnectionError):
    """A request did not complete within its timeout."""


class QueenHTTPError(QueenError):
    """The server answered, and the answer is an error.

    ``status`` is the HTTP status (200 for errors upstream reports inside a 200 body),
    ``body`` the parsed answer and ``url`` the request's URL.
    """

    def __init__(
        self, message: str, *, status: int, body: Any = None, url: str | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.body = body
        self.url = url


class QueenValidationError(QueenHTTPError):
    """The request was rejected as invalid (HTTP 400, or caught before sending)."""


class QueenAuthError(QueenHTTPError):
    """Authentication or authorisation failed (HTTP 401 or 403)."""


class QueenNotFoundError(QueenHTTPError):
    """The route or the resource does not exist (HTTP 404)."""


class QueenServerError(QueenHTTPError):
    """The server failed (5xx) or reported an error inside a successful answer."""


class QueenTransactionError(QueenServerError):
    """A transaction was rejected and rolled back; ``results`` holds the server's items."""

    def __init__(
        self,
        message: str,
        *,
        status: int,
        body: Any = None,
        url: str | None = None,
        results: list[dict[str, Any]] | None = None,
    ) -> None:
        super().__init__(message, status=status, body=body, url=url)
        self.results = results or []


class QueenHandlerError(QueenError):
    """A ``consume()`` handler raised while ``auto_ack`` was off; the cause is chained."""


def client_validation_error(message: str) -> QueenValidationError:
    """A validation error detected before anything was sent."""
    return QueenValidationError(message, status=0)

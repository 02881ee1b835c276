"""Which queue, partition, namespace and task names the server accepts.

Names come in JSON bodies (push, configure) but are asked for again in URL paths
(``/api/v1/pop/queue/{queue}/partition/{partition}``, ``DELETE /api/v1/resources/queues/{queue}``,
...). Queen servers take path segments raw, without percent-decoding (upstream does, and this
server does the same to stay compatible). A name that an HTTP client must percent-encode is
therefore stored under one spelling and asked for under another: the pushes are answered
``queued``, every pop answers ``[]`` and delete says the queue never existed. The dot segments
``.`` and ``..`` are removed from paths by HTTP clients before sending, with the same effect.

So a name is accepted only when it reaches the server identically both ways:

* 1 to 255 characters (the protocol's limit; the columns themselves are ``text``);
* only RFC 3986 ``pchar`` characters that travel unescaped: letters ``A-Z a-z``, digits,
  ``- . _ ~`` (unreserved), ``! $ & ' ( ) * + , ; =`` (sub-delims), ``:`` and ``@``;
* not ``.`` or ``..``.

Space, ``/ ? # % " < > \\ ^ ` { | }``, control characters and anything outside ASCII are
refused. Clients apply the same rule before sending, so a name is refused the same way
whichever side sees it first.
"""

from __future__ import annotations

import re

MAX_LENGTH = 255
#: the characters a name may use, besides letters and digits
PUNCTUATION = "-._~!$&'()*+,;=:@"
_ALLOWED = re.compile(r"[A-Za-z0-9\-._~!$&'()*+,;=:@]+")
_DOT_SEGMENTS = frozenset({".", ".."})


def problem(value: str) -> str | None:
    """Why ``value`` cannot be a name (a phrase to put after the value), or None if it can."""
    if not value:
        return "must not be empty"
    if len(value) > MAX_LENGTH:
        return f"must be at most {MAX_LENGTH} characters, got {len(value)}"
    if value in _DOT_SEGMENTS:
        return "is a dot segment, which HTTP clients remove from URL paths"
    if _ALLOWED.fullmatch(value):
        return None
    index, char = next((i, c) for i, c in enumerate(value) if not _ALLOWED.fullmatch(c))
    return (
        f"contains {char!r} (U+{ord(char):04X}) at index {index}, which a URL path carries "
        f"only percent-encoded and Queen servers do not decode; names may use letters A-Z a-z, "
        f"digits and {' '.join(PUNCTUATION)}"
    )


def is_valid(value: str) -> bool:
    """True when ``value`` is a name every route can reach."""
    return problem(value) is None

"""Names that can travel to the server and back, or a clear refusal before anything is sent.

Queue, partition, consumer-group, namespace and task names appear in URL paths
(``/api/v1/pop/queue/{queue}/partition/{partition}``, admin routes). Upstream servers take
path parameters raw, without percent-decoding, so a name that needs escaping would be stored
by a push (names travel in its JSON body) and then be unreachable by every pop and admin call.
The client therefore accepts only names made of the characters a path segment carries
unescaped (RFC 3986 ``pchar`` minus ``%``), and never the dot segments ``.`` and ``..``, which
HTTP stacks rewrite. ``queen_server`` applies the same rule on push and configure.
"""

from __future__ import annotations

import re

from ._errors import client_validation_error

MAX_NAME_LENGTH = 255
#: characters sent unescaped in path segments (see the module docstring)
PATH_SAFE_PUNCTUATION = "-._~!$&'()*+,;=:@"
_ALLOWED = re.compile(r"[A-Za-z0-9\-._~!$&'()*+,;=:@]+")
_FIRST_BAD = re.compile(r"[^A-Za-z0-9\-._~!$&'()*+,;=:@]")
_checked: dict[str, None] = {}  # names already accepted: the check runs once per name


def check_name(field: str, value: object) -> str:
    """``value`` if it is a usable name, else raise ``QueenValidationError`` naming ``field``."""
    if type(value) is str and value in _checked:
        return value
    if not isinstance(value, str) or not value:
        raise client_validation_error(f"{field} must be a non-empty string, got {value!r}")
    if len(value) > MAX_NAME_LENGTH:
        raise client_validation_error(
            f"{field} {value[:40]!r}... is {len(value)} characters long; "
            f"names may have at most {MAX_NAME_LENGTH}"
        )
    if not _ALLOWED.fullmatch(value):
        bad = _FIRST_BAD.search(value)
        assert bad is not None
        raise client_validation_error(
            f"{field} {value!r} contains {bad.group()!r}, which cannot travel in a URL path "
            f"to the server; names may use letters, digits and {PATH_SAFE_PUNCTUATION}"
        )
    if value in (".", ".."):
        raise client_validation_error(
            f"{field} {value!r} is a dot segment, which HTTP clients rewrite; choose another name"
        )
    if len(_checked) < 10_000:
        _checked[value] = None
    return value

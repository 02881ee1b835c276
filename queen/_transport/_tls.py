"""One ``ssl.SSLContext`` from the client's TLS options, used by every backend alike."""

from __future__ import annotations

import os
import ssl
from typing import Any

from .._errors import QueenConfigError

#: ``cert``: a PEM file holding certificate and key, ``(certificate, key)`` or
#: ``(certificate, key, password)``, as httpx accepts it.
CertOption = str | os.PathLike[str] | tuple[str, str] | tuple[str, str, str]


def _path(value: Any, option: str) -> str:
    if not isinstance(value, (str, os.PathLike)) or not str(value):
        raise QueenConfigError(f"{option} must be a file path, got {value!r}")
    path = os.fspath(value)
    if not os.path.exists(path):
        raise QueenConfigError(f"{option}: no such file or directory: {path!r}")
    return str(path)


def check_verify(verify: Any) -> bool | str:
    """``True``, ``False`` or the path of a CA bundle (file or directory) that exists."""
    if isinstance(verify, bool):
        return verify
    if isinstance(verify, (str, os.PathLike)):
        return _path(verify, "verify")
    raise QueenConfigError(f"verify must be True, False or the path of a CA bundle, got {verify!r}")


def check_cert(cert: Any) -> tuple[str, str | None, str | None] | None:
    """``(certificate, key, password)`` from the accepted forms of ``cert``."""
    if cert is None:
        return None
    if isinstance(cert, (str, os.PathLike)):
        return _path(cert, "cert"), None, None
    if isinstance(cert, tuple) and len(cert) in (2, 3):
        certificate = _path(cert[0], "cert[0] (certificate)")
        key = _path(cert[1], "cert[1] (key)")
        password = cert[2] if len(cert) == 3 else None
        if password is not None and not isinstance(password, str):
            raise QueenConfigError(f"cert[2] (key password) must be a string, got {password!r}")
        return certificate, key, password
    raise QueenConfigError(
        "cert must be a PEM file path, (certificate, key) or (certificate, key, password), "
        f"got {cert!r}"
    )


def check_ssl_context(context: Any) -> ssl.SSLContext | None:
    if context is None or isinstance(context, ssl.SSLContext):
        return context
    raise QueenConfigError(f"ssl_context must be an ssl.SSLContext, got {context!r}")


def client_context(
    verify: bool | str = True,
    cert: tuple[str, str | None, str | None] | None = None,
    ssl_context: ssl.SSLContext | None = None,
) -> ssl.SSLContext:
    """The context for ``https://`` servers; a given ``ssl_context`` is used as it is."""
    if ssl_context is not None:
        return ssl_context
    try:
        if verify is False:
            context = ssl.create_default_context()
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        elif verify is True:
            context = ssl.create_default_context()
        elif os.path.isdir(verify):
            context = ssl.create_default_context(capath=verify)
        else:
            context = ssl.create_default_context(cafile=verify)
    except (OSError, ssl.SSLError) as exc:
        raise QueenConfigError(f"verify: cannot load the CA bundle {verify!r}: {exc}") from exc
    if cert is not None:
        certificate, key, password = cert
        try:
            context.load_cert_chain(certificate, key, password)
        except (OSError, ssl.SSLError) as exc:
            raise QueenConfigError(
                f"cert: cannot load the client certificate {certificate!r}"
                + (f" with key {key!r}" if key else "")
                + f": {exc}"
            ) from exc
    return context

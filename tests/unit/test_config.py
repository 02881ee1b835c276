from __future__ import annotations

import ssl
from pathlib import Path

import pytest

from queen import Queen, QueenConfigError
from queen._config import normalise
from queen.backends import HttpResponse, MemoryBackend


def test_url_string_form_strips_trailing_slashes() -> None:
    config = normalise("http://localhost:6632//")
    assert config.urls == ("http://localhost:6632",)
    assert config.timeout_millis == 30_000
    assert config.load_balancing_strategy == "affinity"


def test_keywords_are_honoured_with_the_url_form() -> None:
    config = normalise("http://a:1", timeout_millis=500, bearer_token="tok", retry_attempts=5)
    assert (config.timeout_millis, config.bearer_token, config.retry_attempts) == (500, "tok", 5)


def test_keywords_are_honoured_with_the_list_form() -> None:
    config = normalise(["http://a:1/", "http://b:2"], load_balancing_strategy="round-robin")
    assert config.urls == ("http://a:1", "http://b:2")
    assert config.load_balancing_strategy == "round-robin"


def test_keywords_override_the_dict_form() -> None:
    config = normalise(
        {"urls": ["http://a:1"], "timeout_millis": 1000, "headers": {"X-A": "1"}},
        timeout_millis=2000,
    )
    assert config.timeout_millis == 2000
    assert dict(config.headers) == {"X-A": "1"}


def test_camel_case_keys_are_accepted() -> None:
    config = normalise({"url": "http://a:1", "timeoutMillis": 1234, "enableFailover": False})
    assert config.timeout_millis == 1234
    assert config.enable_failover is False


def test_url_keyword_alone() -> None:
    assert normalise(url="https://q.example").urls == ("https://q.example",)


def test_duplicate_urls_collapse() -> None:
    assert normalise(["http://a:1", "http://a:1/"]).urls == ("http://a:1",)


@pytest.mark.parametrize(
    ("args", "kwargs", "fragment"),
    [
        ((), {}, "no server URL"),
        (("localhost:6632",), {}, "'localhost:6632'"),
        ((["http://a:1", 7],), {}, "urls[1]"),
        (("http://a:1",), {"timeout_millis": 0}, "timeout_millis must be an integer >= 1, got 0"),
        (
            ("http://a:1",),
            {"retry_attempts": "3"},
            "retry_attempts must be an integer >= 1, got '3'",
        ),
        (("http://a:1",), {"load_balancing_strategy": "random"}, "got 'random'"),
        (("http://a:1",), {"enable_failover": "yes"}, "enable_failover must be True or False"),
        (("http://a:1",), {"headers": {"X": 1}}, "headers must be a dict of str to str"),
        (("http://a:1",), {"timeout": 5}, "unknown client option 'timeout'"),
        (({"url": "http://a:1", "retry_attempt": 2},), {}, "did you mean 'retry_attempts'"),
        ((42,), {}, "got int: 42"),
    ],
)
def test_bad_configuration_names_key_and_value(
    args: tuple[object, ...], kwargs: dict[str, object], fragment: str
) -> None:
    with pytest.raises(QueenConfigError) as info:
        Queen(*args, **kwargs)
    assert fragment in str(info.value)


def test_config_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="bearer_token"):
        Queen("http://a:1", bearer_token="")


PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")


@pytest.fixture
def no_proxy_environment(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    return monkeypatch


def test_auto_backend_is_native_without_a_proxy(no_proxy_environment: pytest.MonkeyPatch) -> None:
    config = normalise("http://queen:6632", http_backend="auto")
    assert config.http_backend == "native"


def test_auto_backend_is_httpx_when_the_environment_sets_a_proxy(
    no_proxy_environment: pytest.MonkeyPatch,
) -> None:
    no_proxy_environment.setenv("HTTPS_PROXY", "http://proxy.corp:3128")
    assert normalise("https://queen.corp", http_backend="auto").http_backend == "httpx"
    # a proxy for the other scheme does not apply
    assert normalise("http://queen.corp", http_backend="auto").http_backend == "native"


def test_auto_backend_honours_no_proxy(no_proxy_environment: pytest.MonkeyPatch) -> None:
    no_proxy_environment.setenv("ALL_PROXY", "http://proxy.corp:3128")
    no_proxy_environment.setenv("NO_PROXY", "localhost,.internal")
    assert normalise("http://localhost:6632", http_backend="auto").http_backend == "native"
    assert normalise("http://q1.internal:6632", http_backend="auto").http_backend == "native"
    proxied = normalise(["http://q1.internal:6632", "http://q2.example:6632"], http_backend="auto")
    assert proxied.http_backend == "httpx"


def test_an_explicit_backend_wins_over_the_environment(
    no_proxy_environment: pytest.MonkeyPatch,
) -> None:
    no_proxy_environment.setenv("HTTP_PROXY", "http://proxy.corp:3128")
    assert normalise("http://queen:6632", http_backend="native").http_backend == "native"


# --- TLS, limits and backend objects --------------------------------------------------------


@pytest.fixture
def pem_files(tmp_path: Path) -> tuple[str, str]:
    from tests.transport.certificates import make_pki

    pki = make_pki(tmp_path)
    return str(pki.client_cert), str(pki.client_key)


def test_tls_defaults() -> None:
    config = normalise("https://q.example")
    assert (config.verify, config.ssl_context, config.cert) == (True, None, None)
    assert config.max_response_header_bytes == 64 * 1024
    assert config.max_response_body_bytes == 128 * 1024 * 1024


def test_cert_forms_are_normalised(pem_files: tuple[str, str]) -> None:
    cert, key = pem_files
    assert normalise("https://q", cert=cert).cert == (cert, None, None)
    assert normalise("https://q", cert=(cert, key)).cert == (cert, key, None)
    assert normalise("https://q", cert=(cert, key, "pw")).cert == (cert, key, "pw")
    assert normalise("https://q", verify=False).verify is False
    assert normalise("https://q", verify=Path(cert)).verify == cert


@pytest.mark.parametrize(
    ("options", "fragment"),
    [
        ({"verify": "/no/such/ca.pem"}, "verify: no such file or directory: '/no/such/ca.pem'"),
        ({"verify": 1}, "verify must be True, False or the path of a CA bundle, got 1"),
        ({"cert": "/no/such/cert.pem"}, "cert: no such file or directory"),
        ({"cert": 42}, "cert must be a PEM file path"),
        ({"cert": ("a",)}, "cert must be a PEM file path"),
        ({"ssl_context": "tls"}, "ssl_context must be an ssl.SSLContext, got 'tls'"),
        ({"max_response_body_bytes": 10}, "max_response_body_bytes must be an integer >= 1024"),
        ({"max_response_header_bytes": "64k"}, "max_response_header_bytes must be an integer"),
        ({"http_backend": "h2"}, "http_backend must be one of auto, native, httpx"),
        ({"http_backend": object()}, "an object with async send() and aclose()"),
        ({"headers": {"X-A": "1\r\nX-Injected: 1"}}, "is not a valid header"),
    ],
)
def test_bad_transport_options(options: dict[str, object], fragment: str) -> None:
    with pytest.raises(QueenConfigError) as info:
        Queen("https://q.example", **options)
    assert fragment in str(info.value)


def test_cert_key_mismatch_is_found_at_construction(
    pem_files: tuple[str, str], tmp_path: Path
) -> None:
    from tests.transport.certificates import make_pki

    cert, _ = pem_files
    (tmp_path / "other").mkdir()
    other = make_pki(tmp_path / "other")
    with pytest.raises(QueenConfigError, match="cannot load the client certificate"):
        Queen("https://q.example", cert=(cert, str(other.client_key)))


def test_a_ca_file_that_is_not_pem_is_found_at_construction(tmp_path: Path) -> None:
    bad = tmp_path / "ca.pem"
    bad.write_text("not a certificate")
    with pytest.raises(QueenConfigError, match="cannot load the CA bundle"):
        Queen("https://q.example", verify=str(bad))


def test_ssl_context_replaces_verify_and_cert(pem_files: tuple[str, str]) -> None:
    context = ssl.create_default_context()
    assert normalise("https://q", ssl_context=context).ssl_context is context
    with pytest.raises(QueenConfigError, match="ssl_context replaces verify and cert"):
        Queen("https://q", ssl_context=context, verify=False)
    with pytest.raises(QueenConfigError, match="ssl_context replaces verify and cert"):
        Queen("https://q", ssl_context=context, cert=pem_files)


def test_a_backend_object_is_kept_and_refuses_tls_options() -> None:
    backend = MemoryBackend(lambda request: HttpResponse.json([]))
    assert normalise("http://q", http_backend=backend).http_backend is backend
    with pytest.raises(QueenConfigError, match="configure TLS on that object"):
        Queen("http://q", http_backend=backend, verify=False)

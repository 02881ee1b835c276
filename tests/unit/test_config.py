from __future__ import annotations

import pytest

from queen import Queen, QueenConfigError
from queen._config import normalise


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

from __future__ import annotations

from queen._transport import Balancer, fnv1a_32

URLS = ["http://a:1", "http://b:2", "http://c:3"]


def test_fnv1a_known_values() -> None:
    assert fnv1a_32("") == 0x811C9DC5
    assert fnv1a_32("a") == 0xE40C292C


def test_affinity_is_stable_per_key_and_spreads_keys() -> None:
    balancer = Balancer(URLS, strategy="affinity")
    first = {key: balancer.order(key)[0].url for key in (f"q{i}:*:g" for i in range(60))}
    again = {key: balancer.order(key)[0].url for key in first}
    assert first == again
    assert set(first.values()) == set(URLS)


def test_affinity_moves_only_the_failed_servers_keys() -> None:
    balancer = Balancer(URLS, strategy="affinity")
    keys = [f"q{i}:p:g" for i in range(60)]
    before = {key: balancer.order(key)[0] for key in keys}
    failed = balancer.servers[0]
    balancer.mark_failure(failed)
    after = {key: balancer.order(key)[0] for key in keys}
    for key in keys:
        if before[key] is not failed:
            assert after[key] is before[key]
        else:
            assert after[key] is not failed


def test_order_lists_every_server_once_with_unhealthy_last() -> None:
    balancer = Balancer(URLS, strategy="round-robin")
    balancer.mark_failure(balancer.servers[1])
    order = balancer.order("k")
    assert sorted(s.url for s in order) == sorted(URLS)
    assert order[-1].url == "http://b:2"


def test_round_robin_cycles_over_healthy_servers() -> None:
    balancer = Balancer(URLS, strategy="round-robin")
    assert [balancer.order()[0].url for _ in range(6)] == URLS * 2
    balancer.mark_failure(balancer.servers[2])
    picks = {balancer.order()[0].url for _ in range(4)}
    assert picks == {"http://a:1", "http://b:2"}


def test_session_sticks_until_failure() -> None:
    balancer = Balancer(URLS, strategy="session")
    assert {balancer.order(f"k{i}")[0].url for i in range(5)} == {"http://a:1"}
    balancer.mark_failure(balancer.servers[0])
    assert {balancer.order(f"k{i}")[0].url for i in range(5)} == {"http://b:2"}
    balancer.mark_success(balancer.servers[0])
    assert balancer.order("k")[0].url == "http://b:2"


def test_unhealthy_server_becomes_eligible_after_retry_delay() -> None:
    balancer = Balancer(URLS[:2], strategy="session", retry_after_seconds=0)
    balancer.mark_failure(balancer.servers[0])
    assert balancer.servers[0].eligible(balancer.servers[0].retry_at)


def test_all_unhealthy_still_returns_servers() -> None:
    balancer = Balancer(URLS[:2], strategy="affinity", retry_after_seconds=60)
    for server in balancer.servers:
        balancer.mark_failure(server)
    assert len(balancer.order("x")) == 2

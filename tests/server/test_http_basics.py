"""Transport rules: health, metrics, preflight (no CORS by default), unknown routes."""

from __future__ import annotations

import httpx

from queen_server.app import NOT_FOUND_BODY


def test_health_reports_a_connected_database(http: httpx.Client) -> None:
    response = http.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "healthy"
    assert body["database"] == "connected"
    assert body["shared_state"]["maintenance_mode"] is False
    assert body["queen"] == {"worker_id": 0, "status": "active"}


def test_answers_carry_no_cors_headers_by_default(http: httpx.Client) -> None:
    response = http.get("/health", headers={"Origin": "http://evil.example"})
    assert response.headers["content-type"] == "application/json"
    assert "access-control-allow-origin" not in response.headers


def test_preflight_on_any_path_answers_200_with_no_body_and_no_cors(http: httpx.Client) -> None:
    for path in ("/api/v1/push", "/anything/at/all"):
        response = http.request(
            "OPTIONS",
            path,
            headers={"Origin": "http://evil.example", "Access-Control-Request-Method": "DELETE"},
        )
        assert response.status_code == 200
        assert response.content == b""
        assert not any(k.startswith("access-control-") for k in response.headers)


def test_unknown_route_or_method_answers_upstreams_404_page(http: httpx.Client) -> None:
    for method, path in [
        ("GET", "/api/v1/push"),
        ("PUT", "/api/v1/push"),
        ("GET", "/nope"),  # GET / is the web console (tests/console/)
        ("GET", "/health/"),
        ("DELETE", "/api/v1/nope"),
        ("POST", "/health"),
    ]:
        response = http.request(method, path)
        assert response.status_code == 404, (method, path)
        assert response.content == NOT_FOUND_BODY
        assert "content-type" not in response.headers
        assert "access-control-allow-origin" not in response.headers


def test_head_gets_404_without_a_body(http: httpx.Client) -> None:
    response = http.head("/health")
    assert response.status_code == 404
    assert response.content == b""


def test_metrics_json_has_upstreams_shape(http: httpx.Client) -> None:
    body = http.get("/metrics").json()
    assert set(body) == {"uptime", "requests", "messages", "database", "memory", "cpu"}
    assert body["database"]["poolSize"] >= 1
    assert body["memory"]["rss"] > 0


def test_prometheus_text(http: httpx.Client) -> None:
    response = http.get("/metrics/prometheus")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    assert "# TYPE queen_uptime_seconds gauge" in response.text
    assert "\nqueen_db_pool_size " in response.text

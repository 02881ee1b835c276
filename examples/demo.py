"""Start a queen_server on an embedded PostgreSQL and show that it answers.

Run with ``make demo``.
"""

from __future__ import annotations

import json

import httpx

from queen_server.launch import ServerProcess


def main() -> None:
    with ServerProcess() as server:
        print(f"queen_server running at {server.url}")
        health = httpx.get(f"{server.url}/health", timeout=10).json()
        print(json.dumps(health, indent=2))


if __name__ == "__main__":
    main()

"""HTTP transport: servers, load balancing, health, failover and retries."""

from ._balancer import Balancer, Server, fnv1a_32
from ._http import Transport, error_for, parse_body

__all__ = ["Balancer", "Server", "Transport", "error_for", "fnv1a_32", "parse_body"]

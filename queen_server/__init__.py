"""A Queen-compatible server in Python on PostgreSQL (embedded by default)."""

# one version for the whole queen-mq distribution, written once in queen/__init__.py
from queen import __version__

__all__ = ["__version__"]

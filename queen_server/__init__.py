"""A Queen-compatible server in Python on PostgreSQL (embedded by default)."""

__version__ = "0.1.0"

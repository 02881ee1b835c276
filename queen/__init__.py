"""queen-mq: the Python client for the Queen message queue."""

__version__ = "0.1.0"

"""Placeholder: replaced by `make generate`."""

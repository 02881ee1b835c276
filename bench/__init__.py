"""Reproducible benchmarks; ``python -m bench`` runs every scenario module in this folder."""

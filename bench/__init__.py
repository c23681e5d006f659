"""Benchmarks: figures, not tests (``make bench``, ``bench-classify``, ``bench-export``)."""

"""DedupeGate adapters: memory (one process) and Redis (shared across instances)."""

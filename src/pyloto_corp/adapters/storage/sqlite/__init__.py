"""SQLite backend: one file, real transactions; the embedded default of `make run`."""

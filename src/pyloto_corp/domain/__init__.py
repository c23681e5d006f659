"""Pure business rules: no I/O, no framework, no clock (time and ids are injected)."""

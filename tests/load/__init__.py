"""The load and fault harness (issue 9): ``make load``, ``make load-faults``."""

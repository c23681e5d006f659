"""Forensic export of one person's conversation: a pure renderer (no clock, no I/O)."""

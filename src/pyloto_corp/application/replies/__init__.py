"""Sending replies: the outbox, Meta's delivery rules, send errors and the shared send rate."""

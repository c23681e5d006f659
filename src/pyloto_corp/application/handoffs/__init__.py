"""Handoffs reach people: the notification outbox, its delivery and the human takeover."""

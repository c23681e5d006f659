"""Destinations of handoff notifications: log, signed webhook, Chatwoot."""

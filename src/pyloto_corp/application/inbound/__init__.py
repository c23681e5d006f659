"""Receiving a message: ingest a webhook batch, apply each message in one turn, sweep idle
sessions."""

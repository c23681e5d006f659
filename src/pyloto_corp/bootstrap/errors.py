"""Errors of the composition root."""


class ConfigurationError(Exception):
    """The settings make the service unsafe to start; the message names settings only."""

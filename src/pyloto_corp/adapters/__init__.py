"""Adapters: technology-specific implementations of the application's ports."""

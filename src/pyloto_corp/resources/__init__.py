"""Data shipped with the service (language resources, bot content): no code."""

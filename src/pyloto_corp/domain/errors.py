"""Base error of the domain layer."""


class DomainError(Exception):
    """A business rule was violated by the values given."""

"""Errors of the application layer, mapped to HTTP status in one place (api.errors)."""


class ApplicationError(Exception):
    """Base of every error raised by a use case."""


class DedupeUnavailable(ApplicationError):
    """The dedupe backend cannot answer: fail closed so Meta retries later."""


class MessagesInFlight(ApplicationError):
    """Some messages are being processed elsewhere right now; Meta should retry later."""

    def __init__(self, count: int) -> None:
        super().__init__(f"{count} message(s) in flight elsewhere")
        self.count = count

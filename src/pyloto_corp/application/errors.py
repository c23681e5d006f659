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


class StorageUnavailable(ApplicationError):
    """The store cannot answer now: answer 5xx so Meta retries and nothing is lost."""


class VersionConflict(ApplicationError):
    """Someone saved the record since it was read (optimistic concurrency): reload, retry."""


class AuditConflict(ApplicationError):
    """The audit chain moved since its tail was read: the append must be re-sealed."""


class InvalidRequest(ApplicationError):
    """An input broke a rule; ``field`` names it (the value is never repeated)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class ConversationNotFound(ApplicationError):
    """Nothing is stored for this person."""


class ExportAlreadyExists(ApplicationError):
    """Another export already sits at this path; exports are create-only, nothing was changed."""


class ExportSinkUnavailable(ApplicationError):
    """The export storage (local folder or bucket) cannot take the file now."""


class MediaStoreUnavailable(ApplicationError):
    """The media bucket (or local media folder) cannot answer now."""

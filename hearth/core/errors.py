class DomainError(Exception):
    """A rule of the service was broken; the message is fit to show the user."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field

"""The one error a refused file raises: a translated message, nothing stored."""

from participa.core.errors import DomainError


class FileRefused(DomainError):
    """A file that may not be attached (its type, its size, its content, the rules): the
    message says why, in the reader's language. Raised before anything is stored."""

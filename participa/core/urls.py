"""Addresses to send people back to."""

from urllib.parse import urlsplit


def safe_next(target: str | None, fallback: str) -> str:
    """A local path to go back to, never another site."""
    if not target:
        return fallback
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return fallback
    # browsers read "/\evil.example" as "//evil.example" and drop tabs and newlines
    if "\\" in target or not target.isprintable():
        return fallback
    return target

"""Addresses: the ids a route may carry, and where to send people back to."""

from urllib.parse import urlsplit

from werkzeug.routing import IntegerConverter

DB_INT_MAX = 2**31 - 1  # the largest id a database integer column holds


def db_int(value) -> int:
    """``request.args.get(name, type=db_int)``: a number a database id can be, or no value
    (a ValueError: werkzeug then gives the default) — never an overflow in SQL."""
    number = int(value)
    if not 0 < number <= DB_INT_MAX:
        raise ValueError(value)
    return number


class DatabaseIdConverter(IntegerConverter):
    """``<int:id>`` in every route: only numbers a database id can be; any other is a 404."""

    def __init__(self, url_map, fixed_digits=0, min=None, max=None, signed=False):
        super().__init__(url_map, fixed_digits=fixed_digits, min=min,
                         max=DB_INT_MAX if max is None else max, signed=signed)


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

"""Small text helpers."""

import re
import unicodedata

from participa.core.errors import DomainError


def fold(text: str) -> str:
    """Lowercase without accents: "Plaça del Mercat" → "placa del mercat"."""
    normalized = unicodedata.normalize("NFKD", text or "")
    return "".join(ch for ch in normalized if not unicodedata.combining(ch)).lower()


def slugify(text: str, max_length: int = 80) -> str:
    """An ASCII, lowercase, hyphenated slug: "Pla del Barri Vell" → "pla-del-barri-vell"."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text).encode("ascii", "ignore").decode("ascii"))
    slug = slug.strip("-")
    return slug[:max_length].strip("-") or "item"


def words(text: str, min_length: int = 1) -> list[str]:
    """The distinct folded words of a text, in order of appearance."""
    seen = []
    for word in re.findall(r"\w+", fold(text)):
        if len(word) >= min_length and word not in seen:
            seen.append(word)
    return seen


def csv_safe(value):
    """A cell value that cannot run as a spreadsheet formula (CSV injection); None → ""."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def _breaks_a_line(ch: str) -> bool:
    """Control and format characters, and the Unicode line and paragraph separators."""
    return unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp")


def single_line_problem(text: str | None) -> bool:
    """Whether a one-line value (a title, a name, a place) holds a character that breaks a line
    or hides itself: CR, LF, NUL, U+0085, U+2028, the other control characters."""
    return any(_breaks_a_line(ch) for ch in text or "")


def one_line(text) -> str:
    """Any text as one safe line (an e-mail header, a calendar line): every control character
    and line separator becomes a space."""
    return " ".join("".join(" " if _breaks_a_line(ch) else ch for ch in str(text or "")).split())


def plain_lines(text) -> str:
    """Any text as plain lines ("\\n" between them): every other kind of line break becomes
    one, every other control character goes (for calendar descriptions)."""
    text = re.sub(r"\r\n?|[\x85\u2028\u2029]", "\n", str(text or ""))
    return "".join(ch for ch in text if ch == "\n" or not _breaks_a_line(ch))


def text_value(data: dict, name: str, limit: int, message, *, required=True,
               one_line=False) -> str:
    """An operation's text input ``data[name]``, stripped; a DomainError with ``message`` on
    the field when it is missing (``required``), longer than ``limit``, holds a NUL byte, or
    (``one_line``) breaks a line."""
    value = (data.get(name) or "").strip()
    if (required and not value) or len(value) > limit or "\x00" in value or (
            one_line and single_line_problem(value)):
        raise DomainError(message, field=name)
    return value


def capital_first(text: str) -> str:
    """``text`` with its first letter as a capital, the rest untouched: a day or phrase that
    opens a line ("Diumenge, 6 de desembre", not "diumenge"; "Sunday, December 6" kept)."""
    return text[:1].upper() + text[1:]

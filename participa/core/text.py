"""Small text helpers."""

import re
import unicodedata


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

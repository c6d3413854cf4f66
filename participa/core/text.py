"""Small text helpers."""

import re
import unicodedata


def slugify(text: str, max_length: int = 80) -> str:
    """An ASCII, lowercase, hyphenated slug: "Pla del Barri Vell" → "pla-del-barri-vell"."""
    normalized = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", normalized.lower()).strip("-")
    return slug[:max_length].strip("-") or "item"

"""Euros as people read them: whole euros, grouped the way the reader's language groups them
("300.000 €" in Catalan and Spanish, "€300,000" in English)."""

from babel.numbers import format_currency
from flask_babel import get_locale

PATTERNS = {"en": "¤#,##0"}
DEFAULT_PATTERN = "#,##0\u00a0¤"


def format_euros(amount, locale=None) -> str:
    locale = str(locale or get_locale() or "ca")
    pattern = PATTERNS.get(locale, DEFAULT_PATTERN)
    return format_currency(amount, "EUR", format=pattern, locale=locale, currency_digits=False)


class Euros(int):
    """An amount that formats itself in the reader's language when shown: a translated
    message can carry it and be worded later (lazy messages, e-mails in another language)."""

    def __str__(self):
        return format_euros(int(self))

"""Texts the council writes (plans, goals, processes, phases, categories, meetings) in the
town's other languages.

A translated model keeps its ordinary columns in the town's default language (Catalan) and the
other languages in one JSON column, ``translations``: ``{"es": {"title": "…"}, "en": {…}}``,
holding only the fields the model names in ``TRANSLATED``. A page shows each text in the
reader's language, or the default language's text when there is no translation
(``text_in``), and says which language it shows (``language_of``) so the element holding a
fallback can carry its own ``lang`` (WCAG 3.1.2).

Operations clean what a form submitted with ``set_translations`` (only the other languages,
only the model's fields, stripped, empties dropped, the column's length limit)."""

import sqlalchemy as sa
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column
from wtforms import StringField, TextAreaField
from wtforms.validators import Length, Optional

from participa.core.errors import DomainError
from participa.core.i18n import language_code
from participa.core.models import CONTENT_LANGUAGES
from participa.core.text import single_line_problem

DEFAULT_LANGUAGE = CONTENT_LANGUAGES[0]  # the town's (BABEL_DEFAULT_LOCALE)
OTHER_LANGUAGES = CONTENT_LANGUAGES[1:]  # those a translation may be given in
TEXT_LIMIT = 20_000  # a translated text column without a length of its own (a description)


class Translated:
    """A model whose ``TRANSLATED`` fields may be given in the town's other languages."""

    TRANSLATED: tuple[str, ...] = ()

    translations: Mapped[dict] = mapped_column(sa.JSON, nullable=False, default=dict,
                                               server_default="{}")

    def text_in(self, field: str, locale=None) -> str:
        return text_in(self, field, locale)

    def language_of(self, field: str, locale=None) -> str:
        return language_of(self, field, locale)


def reader_language(locale=None) -> str:
    """The language of ``locale`` (``"en_GB"`` → ``"en"``), by default the reader's."""
    if locale is None:
        try:
            locale = get_locale()
        except RuntimeError:  # no application context
            locale = None
    if locale is None:
        return DEFAULT_LANGUAGE
    return language_code(locale, DEFAULT_LANGUAGE)


def _translation(obj, field: str, language: str) -> str:
    if language == DEFAULT_LANGUAGE or field not in getattr(obj, "TRANSLATED", ()):
        return ""
    texts = (getattr(obj, "translations", None) or {}).get(language)
    value = texts.get(field) if isinstance(texts, dict) else None
    return value.strip() if isinstance(value, str) else ""


def text_in(obj, field: str, locale=None) -> str:
    """``obj``'s ``field`` in the reader's language (or ``locale``'s), or in the town's default
    language when it has not been given in that one."""
    if obj is None:
        return ""
    return _translation(obj, field, reader_language(locale)) or (getattr(obj, field, "") or "")


def language_of(obj, field: str, locale=None) -> str:
    """The language of the text ``text_in`` shows: the reader's when translated, otherwise the
    town's default."""
    language = reader_language(locale)
    if obj is not None and _translation(obj, field, language):
        return language
    return DEFAULT_LANGUAGE


def all_texts(obj_or_translations, fields) -> list[str]:
    """Every translated text of ``fields`` (in the other languages): what search indexes."""
    translations = getattr(obj_or_translations, "translations", obj_or_translations) or {}
    texts = []
    for language in OTHER_LANGUAGES:
        given = translations.get(language) if isinstance(translations, dict) else None
        if isinstance(given, dict):
            texts.extend(given[field] for field in fields
                         if isinstance(given.get(field), str) and given[field].strip())
    return texts


# --- writing them ------------------------------------------------------------------------------


def _limit(model, field: str) -> int:
    column = model.__table__.c[field]
    return getattr(column.type, "length", None) or getattr(model, "TEXT_LIMIT", TEXT_LIMIT)


def clean_translations(model, submitted) -> dict:
    """The translations a form submitted for ``model`` (a class or a row), as stored:
    ``{"es": {"title": "…"}}`` with only the other languages and the model's ``TRANSLATED``
    fields, each text stripped and the empty ones dropped. A DomainError (on the field
    ``<field>_<language>``) for what cannot be stored: an unknown language or field, a value
    that is not text, longer than its column, with a NUL byte or (a one-line column) a line
    break."""
    model = model if isinstance(model, type) else type(model)
    if submitted is None:
        return {}
    if not isinstance(submitted, dict):
        raise DomainError(_l("These translations cannot be saved."))
    cleaned = {}
    for language, texts in submitted.items():
        if language not in OTHER_LANGUAGES or not isinstance(texts, dict):
            raise DomainError(_l("These translations cannot be saved."))
        for field, value in texts.items():
            name = f"{field}_{language}"
            if field not in model.TRANSLATED:
                raise DomainError(_l("These translations cannot be saved."))
            if value is None:
                continue
            if not isinstance(value, str):
                raise DomainError(_l("These translations cannot be saved."), field=name)
            value = value.strip()
            if not value:
                continue
            limit = _limit(model, field)
            if len(value) > limit:
                raise DomainError(_l("This text is too long: at most %(limit)s characters.",
                                     limit=limit), field=name)
            one_line = isinstance(model.__table__.c[field].type, sa.String) and not isinstance(
                model.__table__.c[field].type, sa.Text)
            if "\x00" in value or (one_line and single_line_problem(value)):
                raise DomainError(_l("Write this on one line, without line breaks or "
                                     "invisible characters."), field=name)
            cleaned.setdefault(language, {})[field] = value
    return cleaned


def set_translations(obj, submitted) -> None:
    """Give ``obj`` the cleaned ``submitted`` translations, in place of those it had (``None``
    keeps them as they are)."""
    if submitted is None:
        return
    obj.translations = clean_translations(obj, submitted)


# --- the council's forms -------------------------------------------------------------------------

_LABELS = {
    ("title", "es"): _l("Title in Spanish"), ("title", "en"): _l("Title in English"),
    ("summary", "es"): _l("Summary in Spanish"), ("summary", "en"): _l("Summary in English"),
    ("description", "es"): _l("Description in Spanish"),
    ("description", "en"): _l("Description in English"),
    ("name", "es"): _l("Name in Spanish"), ("name", "en"): _l("Name in English"),
}
_LABEL_OF = {"body": "description"}  # a plan's body is its description


def add_translation_fields(form_class, fields: dict) -> None:
    """Give a form class an optional field per translated field and other language:
    ``{"title": 200, "description": 20_000}`` adds ``title_es``, ``title_en``, … (a text area
    for a field longer than a line). The template shows them with ``translation_fields``."""
    for name, limit in fields.items():
        for language in OTHER_LANGUAGES:
            kind = TextAreaField if limit > 500 else StringField
            extra = {"render_kw": {"rows": 6}} if kind is TextAreaField else {}
            setattr(form_class, f"{name}_{language}", kind(
                _LABELS[(_LABEL_OF.get(name, name), language)],
                validators=[Optional(), Length(max=limit)], **extra))


def translation_form_data(obj, fields) -> dict:
    """The values of a form's translation fields for ``obj`` (pass them to the form with
    ``obj=``, so editing shows the translations already given)."""
    translations = (getattr(obj, "translations", None) or {}) if obj is not None else {}
    return {f"{field}_{language}": (translations.get(language) or {}).get(field, "")
            for field in fields for language in OTHER_LANGUAGES}


def submitted_translations(data: dict, fields) -> dict:
    """What a form's translation fields hold (``data`` from ``form_data``), as
    ``{"es": {"title": "…"}, "en": {…}}`` for an operation's ``translations``."""
    return {language: {field: data.get(f"{field}_{language}") or ""
                       for field in fields}
            for language in OTHER_LANGUAGES}

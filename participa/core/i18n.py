"""Languages: Catalan (default), Spanish, English. Dates shown in Europe/Madrid."""

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from babel import dates as babel_dates
from flask import current_app, g, has_request_context, request
from flask_babel import (
    format_decimal,
    get_locale,
    get_translations,
    to_user_timezone,
)
from flask_babel.speaklater import LazyString
from flask_login import current_user
from jinja2 import pass_context
from markupsafe import Markup, escape

from participa.core.text import capital_first
from participa.extensions import babel

# Flask-Babel's lazy strings tell Jinja they are safe HTML (``__html__`` returns the text as it
# is), so a lazy message worded with a person's text (a title, a name: ``_l("… %(title)s",
# title=…)``) would reach a page unescaped as soon as it is shown directly — a form error, a
# refusal. No message of ours is HTML: a lazy string is text, escaped like any other.
LazyString.__html__ = lambda self: str(escape(str(self)))

LANGUAGE_NAMES = {"ca": "Català", "es": "Español", "en": "English"}
LANGUAGE_COOKIE = "lang"


def select_locale() -> str:
    """The user's choice, then the language cookie, then Accept-Language, then Catalan."""
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():  # CLI, e-mails sent with force_locale, background work
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    cookie = request.cookies.get(LANGUAGE_COOKIE)
    if cookie in languages:
        return cookie
    return request.accept_languages.best_match(languages) or current_app.config[
        "BABEL_DEFAULT_LOCALE"
    ]


# --- dates: unambiguous in every language ------------------------------------------------------
#
# Babel's "short" dates are numeric and read differently in each language ("12/1/26" is the
# 1st of December in English and the 12th of January in Catalan), and its times carry
# seconds. Every named format here spells the month; times are hours and minutes.
DATE_PATTERNS = {
    "ca": {"short": "d MMM y", "medium": "d MMM y", "long": "d MMMM 'de' y",
           "full": "EEEE, d MMMM 'de' y"},
    "es": {"short": "d MMM y", "medium": "d MMM y", "long": "d 'de' MMMM 'de' y",
           "full": "EEEE, d 'de' MMMM 'de' y"},
    "en": {"short": "d MMM y", "medium": "d MMM y", "long": "d MMMM y",
           "full": "EEEE, d MMMM y"},
}
TIME_PATTERNS = {"ca": "H:mm", "es": "H:mm", "en": "h:mm a"}

# Catalan elides "de", "a", "per" and "el" before a day that starts with a vowel sound
# (1 and 11): "de l'1 de desembre", "a l'11 d'agost", "l'1 de març". A translated sentence
# puts a date after "del %(date)s", so the elision is made once the date is in.
_ELISION = re.compile(r"\b(del|Del|al|Al|pel|Pel|el|El) (1|11)(?= d(?:e |'|&#39;|’))")
_ELIDED = {"del": "de l", "al": "a l", "pel": "per l", "el": "l"}


def elide_catalan(text: str) -> str:
    """``text`` with "del 1 de …" written "de l'1 de …" (and "al", "pel", "el" alike)."""
    apostrophe = "&#39;" if isinstance(text, Markup) else "'"

    def elided(match):
        word, day = match.groups()
        done = _ELIDED[word.lower()]
        return (done[0].upper() + done[1:] if word[0].isupper() else done) + apostrophe + day

    result = _ELISION.sub(elided, str(text))
    return Markup(result) if isinstance(text, Markup) else result


def language_code(locale, default: str = "en") -> str:
    """The language of a locale ("en_GB" → "en") when the site speaks it, else ``default``."""
    language = getattr(locale, "language", None) or str(locale).split("_")[0]
    return language if language in DATE_PATTERNS else default



def _typed(text: str, language: str) -> str:
    """Babel writes Catalan's elided months with a typographic apostrophe (d’octubre); the
    catalogs write the plain one (L'Ajuntament), so a sentence keeps one kind."""
    return text.replace("’", "'") if language == "ca" else text


def format_day(value, fmt="medium", locale=None) -> str:
    """A date (or a datetime's day in the town's time zone) with the month spelled out;
    ``fmt`` is short, medium, long, full or a Babel pattern."""
    if not value:
        return ""
    language = language_code(locale or get_locale())
    pattern = DATE_PATTERNS[language].get(fmt, fmt)
    if isinstance(value, datetime):
        value = to_user_timezone(value).date()
    return _typed(babel_dates.format_date(value, pattern, locale=locale or get_locale()),
                  language)


def format_clock(value, fmt="short", locale=None) -> str:
    """A datetime's time of day in the town's time zone, without seconds (every ``fmt``)."""
    if not value:
        return ""
    language = language_code(locale or get_locale())
    if isinstance(value, datetime):
        value = to_user_timezone(value)
    return babel_dates.format_time(value, TIME_PATTERNS[language], locale=locale or get_locale())


@lru_cache(maxsize=16384)
def _formatted_datetime(value, fmt, locale):
    """Babel's formatting is dear and the same moments are shown again and again (a long list,
    a thread), so each worker keeps what it formatted (times are always shown in
    Europe/Madrid, so the locale completes the key)."""
    fmt = fmt if fmt in ("short", "medium", "long", "full") else "medium"
    return f"{format_day(value, fmt)}, {format_clock(value)}"


def format_datetime_cached(value, fmt="medium") -> str:
    """The day (month spelled out) and the time (no seconds) of a moment, in the town's time."""
    return _formatted_datetime(value, fmt, str(get_locale())) if value else ""


def last_day(value) -> date | None:
    """The last day a period ending at ``value`` (exclusive) covers, in the town's time zone:
    a phase that ends at midnight ends on the day before, not at "0:00" or "1:00" UTC."""
    if not value:
        return None
    return (to_user_timezone(value) - timedelta(microseconds=1)).date()


def _translations():
    """The request's translations in two lookups: Flask-Babel's own path to them, taken for
    each string a template translates, costs a dozen (``RequestDomain`` keeps them where this
    reads them; ``force_locale`` empties that slot, and Flask-Babel's path fills it again)."""
    try:
        space = g._get_current_object().__dict__.get("_flask_babel")
    except RuntimeError:  # no application context
        space = None
    translations = getattr(space, "babel_translations", None)
    return translations if translations is not None else get_translations()


@pass_context
def _template_gettext(context, string, **variables):
    """Jinja's own new-style ``gettext`` (escaped, always a format string), without its two
    dynamic calls per string (``_`` → ``gettext`` → the callable): a page translates dozens."""
    text = _translations().ugettext(string)
    if context.eval_ctx.autoescape:
        text = Markup(text)
    return _elided(text, text % variables) if variables else text % variables


@pass_context
def _template_ngettext(context, singular, plural, num, **variables):
    variables.setdefault("num", num)
    text = _translations().ungettext(singular, plural, num)
    if context.eval_ctx.autoescape:
        text = Markup(text)
    return _elided(text, text % variables)


def _elided(message, result):
    """``result`` (``message`` with its values in) with Catalan's elisions before a day, when
    the message puts a value after "el", "al", "del" or "pel" and the page is in Catalan."""
    if "l %(" in message and language_code(get_locale()) == "ca":
        return elide_catalan(result)
    return result


def lang_attr(language: str | None) -> Markup:
    """`` lang="es"`` for a text written in another language than the page's (WCAG 3.1.2), to
    put in the tag that holds it: ``<p{{ lang_attr(comment.language) }}>``; nothing otherwise."""
    if not language or language == language_code(get_locale()) or language not in LANGUAGE_NAMES:
        return Markup("")
    return Markup(' lang="%s"') % language


def init_app(app):
    babel.init_app(app, locale_selector=select_locale)
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: _translations().ugettext(s),
        ngettext=lambda s, p, n: _translations().ungettext(s, p, n),
        pgettext=lambda c, s: _translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: _translations().unpgettext(c, s, p, n),
        newstyle=True,
    )
    app.jinja_env.globals.update(_=_template_gettext, gettext=_template_gettext,
                                 ngettext=_template_ngettext)
    app.jinja_env.filters["datetime"] = format_datetime_cached
    app.jinja_env.filters["date"] = lambda value, fmt="long": format_day(value, fmt)
    app.jinja_env.filters["time"] = lambda value, fmt="short": format_clock(value, fmt)
    app.jinja_env.filters["last_day"] = last_day
    app.jinja_env.filters["capital_first"] = capital_first
    app.jinja_env.filters["number"] = lambda value: format_decimal(value)
    app.jinja_env.filters["label"] = lambda member: member.label if member is not None else ""
    app.jinja_env.globals["lang_attr"] = lang_attr

    @app.context_processor
    def language_context():
        return {
            "current_locale": str(get_locale()),
            "language_names": LANGUAGE_NAMES,
        }

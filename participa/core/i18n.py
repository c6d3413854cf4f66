"""Languages: Catalan (default), Spanish, English. Dates shown in Europe/Madrid."""

from functools import lru_cache

from flask import current_app, g, has_request_context, request
from flask_babel import (
    format_date,
    format_datetime,
    format_decimal,
    format_time,
    get_locale,
    get_translations,
)
from flask_babel.speaklater import LazyString
from flask_login import current_user
from jinja2 import pass_context
from markupsafe import Markup, escape

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


@lru_cache(maxsize=16384)
def _formatted_datetime(value, fmt, locale):
    """Babel's formatting is dear and the same moments are shown again and again (a long list,
    a thread), so each worker keeps what it formatted (times are always shown in
    Europe/Madrid, so the locale completes the key)."""
    return format_datetime(value, fmt)


def format_datetime_cached(value, fmt="medium") -> str:
    return _formatted_datetime(value, fmt, str(get_locale())) if value else ""


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
    return text % variables


@pass_context
def _template_ngettext(context, singular, plural, num, **variables):
    variables.setdefault("num", num)
    text = _translations().ungettext(singular, plural, num)
    if context.eval_ctx.autoescape:
        text = Markup(text)
    return text % variables


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
    app.jinja_env.filters["date"] = lambda value, fmt="long": (
        format_date(value, fmt) if value else ""
    )
    app.jinja_env.filters["time"] = lambda value, fmt="short": (
        format_time(value, fmt) if value else ""
    )
    app.jinja_env.filters["number"] = lambda value: format_decimal(value)
    app.jinja_env.filters["label"] = lambda member: member.label if member is not None else ""

    @app.context_processor
    def language_context():
        return {
            "current_locale": str(get_locale()),
            "language_names": LANGUAGE_NAMES,
        }

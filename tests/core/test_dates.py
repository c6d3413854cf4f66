"""Dates and times as pages show them: unambiguous in Catalan, Spanish and English (the month
spelled out, never "12/1/26"), times without seconds, in Europe/Madrid; a period's last day; and
Catalan's elision of "de", "a" and "el" before the 1st and the 11th."""

import html
from datetime import UTC, date, datetime

import pytest
from flask import current_app, render_template_string
from flask_babel import force_locale

# 1 December 2026 at 17:30 in Madrid (UTC+1), and a summer evening
WINTER = datetime(2026, 12, 1, 16, 30, 5, tzinfo=UTC)
SUMMER = datetime(2026, 8, 11, 17, 30, tzinfo=UTC)  # 19:30 in Madrid (UTC+2)
# a phase that ends at midnight in Madrid on the night of the 1st to the 2nd of December
MIDNIGHT = datetime(2026, 12, 1, 23, 0, tzinfo=UTC)


def render(source, locale, **values):
    with current_app.test_request_context(), force_locale(locale):
        return html.unescape(render_template_string(source, **values))


@pytest.mark.parametrize(("locale", "fmt", "expected"), [
    ("ca", "short", "1 de des. 2026"),
    ("ca", "medium", "1 de des. 2026"),
    ("ca", "long", "1 de desembre de 2026"),
    ("ca", "full", "dimarts, 1 de desembre de 2026"),
    ("es", "short", "1 dic 2026"),
    ("es", "medium", "1 dic 2026"),
    ("es", "long", "1 de diciembre de 2026"),
    ("es", "full", "martes, 1 de diciembre de 2026"),
    ("en", "short", "1 Dec 2026"),
    ("en", "medium", "1 Dec 2026"),
    ("en", "long", "1 December 2026"),
    ("en", "full", "Tuesday, 1 December 2026"),
])
def test_dates_spell_the_month(app, locale, fmt, expected):
    assert render("{{ when|date(fmt) }}", locale, when=WINTER, fmt=fmt) == expected
    assert render("{{ when|date(fmt) }}", locale, when=WINTER.date(), fmt=fmt) == expected


@pytest.mark.parametrize(("locale", "expected"), [
    ("ca", "11 d'ag. 2026, 19:30"),
    ("es", "11 ago 2026, 19:30"),
    ("en", "11 Aug 2026, 7:30 PM"),
])
def test_datetimes_have_no_seconds_and_are_in_madrid(app, locale, expected):
    for fmt in ("short", "medium"):
        assert render("{{ when|datetime(fmt) }}", locale, when=SUMMER, fmt=fmt) == expected


@pytest.mark.parametrize("locale", ["ca", "es", "en"])
def test_no_format_is_numeric_or_has_seconds(app, locale):
    for fmt in ("short", "medium", "long", "full"):
        shown = render("{{ when|datetime(fmt) }} {{ when|date(fmt) }} {{ when|time(fmt) }}",
                       locale, when=WINTER, fmt=fmt)
        assert "/" not in shown
        assert ":05" not in shown and "17:30:" not in shown
        assert "17:30" in shown or "5:30 PM" in shown


def test_catalan_months_elide_with_a_plain_apostrophe(app):
    assert render("{{ d|date('long') }}", "ca", d=date(2026, 10, 8)) == "8 d'octubre de 2026"
    assert render("{{ d|date('long') }}", "ca", d=date(2026, 8, 2)) == "2 d'agost de 2026"


def test_a_phase_ending_at_midnight_ends_the_day_before(app):
    assert render("{{ end|last_day|date('long') }}", "ca", end=MIDNIGHT) == (
        "1 de desembre de 2026")
    assert render("{{ end|last_day|date('medium') }}", "en", end=MIDNIGHT) == "1 Dec 2026"
    # a phase ending in the afternoon ends that day
    assert render("{{ end|last_day|date('medium') }}", "en", end=SUMMER) == "11 Aug 2026"


@pytest.mark.parametrize(("day", "catalan", "spanish"), [
    (date(2026, 12, 1), "Des de l'1 de desembre de 2026", "Desde el 1 de diciembre de 2026"),
    (date(2026, 12, 11), "Des de l'11 de desembre de 2026", "Desde el 11 de diciembre de 2026"),
    (date(2026, 12, 2), "Des del 2 de desembre de 2026", "Desde el 2 de diciembre de 2026"),
])
def test_catalan_elides_before_the_first_and_the_eleventh(app, day, catalan, spanish):
    # "Since %(start)s" is "Des del %(start)s" in Catalan: "des de l'1", but "des del 2"
    source = "{{ _('Since %(start)s', start=day|date('long')) }}"
    assert render(source, "ca", day=day) == catalan
    assert render(source, "es", day=day) == spanish


@pytest.mark.parametrize(("source", "expected"), [
    ("del 1 de desembre al 11 d'agost", "de l'1 de desembre a l'11 d'agost"),
    ("Del 11 de març", "De l'11 de març"),
    ("publicada el 1 de juny", "publicada l'1 de juny"),
    ("pel 1 de maig", "per l'1 de maig"),
    ("del 12 de maig al 21 de juny", "del 12 de maig al 21 de juny"),
    ("el 1 % dels vots", "el 1 % dels vots"),
])
def test_elide_catalan(source, expected):
    from participa.core.i18n import elide_catalan

    assert elide_catalan(source) == expected

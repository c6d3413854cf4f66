"""The council's page for the town's face (/admin/town/), /town.css, and the town's name in
the header, page titles and e-mails."""

import pytest
import sqlalchemy as sa

from participa.core.mail import mail_person
from participa.extensions import db
from participa.town.look import town_look
from participa.town.models import TownSettings
from participa.town.operations import update_town_settings
from participa.town.queries import get_town_settings
from tests.support import factories
from tests.support.records import log_entries
from tests.support.web import login, post, sync, text
from tests.town.conftest import RIUCLAR

ADMIN = "/admin/town/"


def save(client, **changes):
    return post(client, ADMIN, dict(RIUCLAR, **changes), token_from=ADMIN)


# --- who may -----------------------------------------------------------------------------------


def test_a_visitor_is_sent_to_sign_in(client):
    assert client.get(ADMIN).status_code == 302
    response = client.post(ADMIN, data=RIUCLAR)
    assert response.status_code in (302, 400)  # no CSRF token: refused before anything else
    assert get_town_settings() is None


@pytest.mark.parametrize("role", ["resident", "facilitator"])
def test_only_the_council_edits(client, commit, process, role):
    person = factories.make_user(role, process=process, locale="en")
    commit()
    login(client, person)
    assert client.get(ADMIN).status_code == 403
    assert post(client, ADMIN, RIUCLAR, token_from="/processes/").status_code == 403
    sync()
    assert get_town_settings() is None


# --- the council saves --------------------------------------------------------------------------


def test_the_council_saves_the_name_and_colours(as_council):
    page = as_council.get(ADMIN)
    assert page.status_code == 200
    assert 'value="#0b5c57"' in text(page)  # the defaults, until the council saves
    response = save(as_council)
    assert response.status_code == 302 and response.headers["Location"].endswith(ADMIN)
    sync()
    settings = get_town_settings()
    assert (settings.name, settings.primary_colour, settings.accent_colour) == \
        ("Riuclar", "#1d4f7a", "#b3412a")
    assert len(log_entries("update_town_settings", settings)) == 1
    page = text(as_council.get(ADMIN))
    assert "The town&#39;s name, logo and colours have been saved." in page
    assert "<title>Name, logo and colours · Riuclar</title>" in page
    assert '<span class="brand-name">Riuclar</span>' in page


@pytest.mark.parametrize("field, value, shown", [
    ("primary_colour", "#777777", "4.11:1"),  # against the panels' grey: 4.11, white: 4.48
    ("accent_colour", "#ff0000", "3.67:1"),
    ("accent_colour", "#ffffff", "1.00:1"),
])
def test_a_colour_without_contrast_is_refused_naming_the_ratio(as_council, field, value, shown):
    response = save(as_council, **{field: value})
    assert response.status_code == 400
    page = text(response)
    assert shown in page and "at least 4.50:1" in page
    assert 'aria-invalid="true"' in page
    sync()
    assert get_town_settings() is None
    assert log_entries("update_town_settings") == []


@pytest.mark.parametrize("value", ["red", "#1234567", "1d4f7a", "#1d4f7a\x00", "#1d4f7a;}"])
def test_a_malformed_colour_is_refused(as_council, value):
    response = save(as_council, primary_colour=value)
    assert response.status_code == 400
    sync()
    assert get_town_settings() is None


def test_the_refusal_is_in_the_readers_language(client, commit):
    council = factories.make_user("council", locale="ca")
    commit()
    login(client, council)
    page = text(save(client, primary_colour="#777777"))
    assert "4,11:1" in page and "Tria un color més fosc." in page


def test_an_empty_name_is_refused(as_council):
    assert save(as_council, name="").status_code == 400


# --- where the town shows -----------------------------------------------------------------------


def test_pages_carry_the_name_in_header_and_title(client, council, commit):
    update_town_settings(RIUCLAR, actor=council)
    commit()
    for url, title in (("/", "Home"), ("/plans/", None)):
        page = text(client.get(url))
        assert '<a class="brand" href="/">' in page
        assert '<span class="brand-name">Riuclar</span>' in page
        assert "· Riuclar</title>" in page
        if title:
            assert f"<title>{title} · Riuclar</title>" in page
    assert "· Riuclar</title>" in text(client.get("/no-such-page"))


def test_the_colours_reach_the_page_through_town_css(client, council, commit):
    update_town_settings(RIUCLAR, actor=council)
    commit()
    look = town_look()
    page = text(client.get("/"))
    link = f'<link rel="stylesheet" href="/town.css?v={look.version}">'
    assert link in page
    assert page.index("/static/css/main.css") < page.index(link)  # after: it overrides
    css = client.get(f"/town.css?v={look.version}")
    assert css.status_code == 200 and css.mimetype == "text/css"
    assert "--brand: #1d4f7a;" in text(css) and "--accent: #b3412a;" in text(css)
    assert "--brand-dark: #163b5c;" in text(css)
    assert "immutable" in css.headers["Cache-Control"]
    assert "style-src 'self'" in css.headers["Content-Security-Policy"]
    assert "style=" not in page.split("<main")[0]  # no inline style in the head or header
    # an address naming other colours is not kept long (this worker may not know them yet)
    assert "immutable" not in client.get("/town.css?v=0000000000").headers["Cache-Control"]
    assert "immutable" not in client.get("/town.css").headers["Cache-Control"]


def test_a_change_of_colours_changes_the_stylesheets_address(client, council, commit):
    update_town_settings(RIUCLAR, actor=council)
    commit()
    before = town_look().version
    update_town_settings(dict(RIUCLAR, accent_colour="#9e3a1e"), actor=council)
    commit()
    assert town_look().version != before
    assert f"/town.css?v={town_look().version}" in text(client.get("/"))


def test_e_mails_come_from_the_town_and_are_signed_by_it(council, outbox, commit):
    update_town_settings(RIUCLAR, actor=council)
    commit()
    person = factories.make_user(name="Marta Soler", email="marta@example.org", locale="ca")
    mail_person(person, "Hola", "accounts/email/confirm.txt", link="http://participa.test/x")
    commit()
    [message] = outbox()
    assert message["From"].addresses[0].display_name == "Riuclar"
    assert message["From"].addresses[0].addr_spec == "no-reply@participa.localhost"
    assert message.get_content().rstrip().endswith("— Riuclar")


def test_a_name_cannot_forge_mail_headers(council, outbox, commit):
    update_town_settings(dict(RIUCLAR, name='Riuclar" <x@evil.example>, Bcc: a@b.c'),
                         actor=council)
    commit()
    person = factories.make_user(email="marta@example.org")
    mail_person(person, "Hola", "accounts/email/confirm.txt", link="http://participa.test/x")
    commit()
    [message] = outbox()
    assert message["Bcc"] is None
    assert [a.addr_spec for a in message["From"].addresses] == ["no-reply@participa.localhost"]


def test_moderation_mail_signs_with_the_town(council, commit):
    update_town_settings(RIUCLAR, actor=council)
    commit()
    from flask import render_template
    body = render_template("moderation/email/blocked.txt", user=council, reason="x",
                           link="http://participa.test/")
    assert body.rstrip().endswith("-- \nRiuclar")


def test_the_settings_row_needs_nothing_but_itself(council):
    update_town_settings(RIUCLAR, actor=council)
    db.session.flush()
    assert db.session.scalar(sa.select(TownSettings.name)) == "Riuclar"

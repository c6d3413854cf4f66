"""The town's look is kept in each worker's memory: no query per page; the worker that saves
forgets it at once; another worker's change arrives within TOWN_CACHE_SECONDS; the visitors'
page cache keeps working."""

import time

import sqlalchemy as sa

from participa.extensions import db
from participa.town.look import town_look
from participa.town.models import TownSettings
from participa.town.operations import update_town_settings
from tests.support.queries import counting
from tests.support.web import login, post, text
from tests.town.conftest import RIUCLAR


def town_queries(statements):
    return [s for s in statements if "town_settings" in s]


def test_pages_read_the_town_without_a_query(app, client, council, commit):
    update_town_settings(RIUCLAR, actor=council)
    commit()
    client.get("/")  # warm
    with counting(app) as statements:
        for url in ("/", "/plans/", "/processes/", "/town.css?v=" + town_look().version):
            assert client.get(url).status_code == 200
    assert town_queries(statements) == []


def test_signed_in_pages_read_the_town_without_a_query(app, client, council, commit):
    update_town_settings(RIUCLAR, actor=council)
    commit()
    login(client, council)
    client.get("/accounts/me")
    with counting(app) as statements:
        for url in ("/accounts/me", "/", "/admin/town/"):
            assert "Riuclar" in text(client.get(url))
    assert town_queries(statements) == []


def test_the_worker_that_saves_shows_the_change_at_once(council, commit):
    assert town_look().name == "Participa"
    update_town_settings(RIUCLAR, actor=council)
    assert town_look().name == "Participa"  # not committed yet: nothing changed for pages
    commit()
    assert town_look().name == "Riuclar"
    update_town_settings(dict(RIUCLAR, name="Riuclar de Mar"), actor=council)
    commit()
    assert town_look().name == "Riuclar de Mar"


def test_a_rolled_back_change_is_not_shown(council, commit):
    update_town_settings(RIUCLAR, actor=council)
    commit()
    update_town_settings(dict(RIUCLAR, name="Mai desat"), actor=council)
    db.session.rollback()
    assert town_look().name == "Riuclar"
    commit()  # a later commit with nothing about the town forgets nothing
    assert town_look().name == "Riuclar"


def test_another_workers_change_arrives_within_the_ttl(app, council, commit, monkeypatch):
    monkeypatch.setitem(app.config, "TOWN_CACHE_SECONDS", 0.3)
    update_town_settings(RIUCLAR, actor=council)
    commit()
    assert town_look().name == "Riuclar"
    # another worker saves: this worker's session hears nothing of it
    with db.engine.begin() as connection:
        connection.execute(sa.update(TownSettings).values(name="Riuclar Nou",
                                                          primary_colour="#000000"))
    assert town_look().name == "Riuclar"  # still this worker's copy
    time.sleep(0.35)
    assert town_look().name == "Riuclar Nou" and town_look().primary == "#000000"


def test_the_stylesheet_follows_a_newer_page_from_another_worker(app, client, council, commit):
    update_town_settings(RIUCLAR, actor=council)
    commit()
    town_look()
    with db.engine.begin() as connection:  # another worker saves new colours
        connection.execute(sa.update(TownSettings).values(accent_colour="#9e3a1e"))
    old = town_look().version
    from participa.town.look import TownLook
    newer = TownLook(name="Riuclar", primary="#1d4f7a", accent="#9e3a1e").version
    css = client.get(f"/town.css?v={newer}")  # named by a page the other worker wrote
    assert "--accent: #9e3a1e;" in text(css) and "immutable" in css.headers["Cache-Control"]
    assert town_look().version == newer != old


def test_the_visitors_page_cache_keeps_working(client, as_council, page_cache, council, commit):
    update_town_settings(RIUCLAR, actor=council)
    commit()
    visitor = client.another()
    visitor.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    assert visitor.get("/").headers.get("X-Page-Cache") == "miss"
    second = visitor.get("/")
    assert second.headers.get("X-Page-Cache") == "hit" and "Riuclar" in text(second)
    # the council renames the town: this worker forgets its kept pages with its old look
    response = post(as_council, "/admin/town/", dict(RIUCLAR, name="Riuclar de Mar"),
                    token_from="/admin/town/")
    assert response.status_code == 302
    page = visitor.get("/")
    assert page.headers.get("X-Page-Cache") == "miss"
    assert '<span class="brand-name">Riuclar de Mar</span>' in text(page)
    assert visitor.get("/").headers.get("X-Page-Cache") == "hit"

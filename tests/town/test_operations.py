"""Saving the town's name and colours, without HTTP: checked, logged, one row."""

import pytest
import sqlalchemy as sa

from participa.core.errors import DomainError
from participa.extensions import db
from participa.town.look import town_look
from participa.town.models import TownSettings
from participa.town.operations import update_town_settings
from participa.town.queries import get_town_settings
from tests.support.records import log_entries
from tests.town.conftest import RIUCLAR


def test_the_first_save_makes_the_one_row_and_logs_it(council):
    settings = update_town_settings(dict(RIUCLAR, primary_colour="#1D4F7A "), actor=council)
    assert (settings.id, settings.name, settings.primary_colour, settings.accent_colour) == \
        (1, "Riuclar", "#1d4f7a", "#b3412a")
    assert settings.updated_by_id == council.id
    [entry] = log_entries("update_town_settings", settings)
    assert entry.actor_id == council.id
    assert entry.data["changed"]["name"] == [None, "Riuclar"]


def test_a_second_save_changes_the_same_row(council):
    update_town_settings(RIUCLAR, actor=council)
    update_town_settings(dict(RIUCLAR, name="Riuclar de Mar"), actor=council)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(TownSettings)) == 1
    assert get_town_settings().name == "Riuclar de Mar"
    entries = log_entries("update_town_settings")
    assert entries[-1].data["changed"] == {"name": ["Riuclar", "Riuclar de Mar"]}


@pytest.mark.parametrize("field, value", [
    ("primary_colour", "#777777"),  # 4.48 with white text
    ("primary_colour", "#767676"),  # 4.54 with white, 4.17 as links on the grey panels
    ("accent_colour", "#ff0000"),  # 4.0
    ("accent_colour", "#ffffff"),
    ("primary_colour", "red"),
    ("primary_colour", "#12345"),
    ("accent_colour", "#1d4f7a; color: red"),
    ("accent_colour", ""),
])
def test_a_colour_without_contrast_or_malformed_is_refused_and_nothing_changes(
        council, field, value):
    update_town_settings(RIUCLAR, actor=council)
    with pytest.raises(DomainError) as refused:
        update_town_settings(dict(RIUCLAR, name="Un altre nom", **{field: value}), actor=council)
    assert refused.value.field == field
    assert get_town_settings().name == "Riuclar"
    assert len(log_entries("update_town_settings")) == 1


@pytest.mark.parametrize("name", ["", "   ", "x" * 81])
def test_the_name_is_required_and_short(council, name):
    with pytest.raises(DomainError) as refused:
        update_town_settings(dict(RIUCLAR, name=name), actor=council)
    assert refused.value.field == "name"
    assert get_town_settings() is None


def test_the_name_is_one_line(council):
    settings = update_town_settings(dict(RIUCLAR, name="Riu\nclar\x07"), actor=council)
    assert settings.name == "Riu clar"


def test_the_database_keeps_one_row(council):
    update_town_settings(RIUCLAR, actor=council)
    db.session.add(TownSettings(id=2, name="Dos", primary_colour="#000000",
                                accent_colour="#000000"))
    with pytest.raises(sa.exc.IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_without_a_row_the_defaults_stand(app):
    look = town_look()
    assert look.name == app.config["SITE_NAME"]
    assert (look.primary, look.accent, look.logo) == ("#0b5c57", "#a3360f", None)

"""Neighbourhood operations without HTTP."""

import pytest
import sqlalchemy as sa

from participa.core.errors import DomainError
from participa.core.models import ActionLog
from participa.extensions import db
from participa.neighbourhoods import operations
from participa.neighbourhoods.queries import (
    get_neighbourhood_by_slug,
    list_neighbourhoods,
    neighbourhood_choices,
)
from tests.support import factories


def data(**overrides):
    values = {"name": "Sant Roc", "slug": None, "district": None, "population": None}
    values.update(overrides)
    return values


def test_create_neighbourhood(council):
    item = operations.create_neighbourhood(data(district="Nord", population=9480), actor=council)
    assert (item.name, item.slug, item.district, item.population) == (
        "Sant Roc", "sant-roc", "Nord", 9480
    )
    [entry] = db.session.scalars(sa.select(ActionLog))
    assert (entry.verb, entry.actor_id, entry.target_type, entry.target_id, entry.data) == (
        "create_neighbourhood", council.id, "neighbourhood", item.id, {"slug": "sant-roc"}
    )


def test_an_empty_district_is_stored_as_empty(council):
    assert operations.create_neighbourhood(data(), actor=council).district == ""


def test_slugs_from_names_with_accents_stay_unique(council):
    first = operations.create_neighbourhood(data(name="L'Eixample Àgora"), actor=council)
    second = operations.create_neighbourhood(data(name="l'eixample  agora!"), actor=council)
    assert first.slug == "l-eixample-agora"
    assert second.slug == "l-eixample-agora-2"


def test_a_taken_slug_is_refused(council):
    factories.make_neighbourhood(slug="sant-roc")
    with pytest.raises(DomainError) as error:
        operations.create_neighbourhood(data(slug="sant-roc"), actor=council)
    assert error.value.field == "slug"
    assert db.session.scalars(sa.select(ActionLog)).all() == []


def test_update_neighbourhood(council):
    item = factories.make_neighbourhood(name="Sant Roc", slug="sant-roc")
    operations.update_neighbourhood(item, data(name="Sant Roc Nou", slug="sant-roc",
                                               population=100), actor=council)
    assert (item.name, item.slug, item.population) == ("Sant Roc Nou", "sant-roc", 100)
    other = factories.make_neighbourhood(slug="can-puig")
    with pytest.raises(DomainError):
        operations.update_neighbourhood(other, data(slug="sant-roc"), actor=council)


def test_the_database_refuses_a_negative_population():
    item = factories.make_neighbourhood()
    item.population = -5
    with pytest.raises(sa.exc.IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_queries():
    b = factories.make_neighbourhood(name="Les Basses")
    a = factories.make_neighbourhood(name="Can Puig")
    assert list_neighbourhoods() == [a, b]
    assert get_neighbourhood_by_slug(b.slug) is b
    assert get_neighbourhood_by_slug("nowhere") is None
    choices = neighbourhood_choices()
    assert choices[0][0] is None
    assert choices[1:] == [(a.id, "Can Puig"), (b.id, "Les Basses")]
    assert neighbourhood_choices(blank=False) == choices[1:]

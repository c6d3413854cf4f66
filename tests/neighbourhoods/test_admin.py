"""The council's neighbourhood pages (/admin/neighbourhoods/)."""

import pytest
import sqlalchemy as sa

from participa.core.models import ActionLog
from participa.extensions import db
from participa.neighbourhoods.models import Neighbourhood
from tests.support import factories
from tests.support.web import login, post, text


def neighbourhoods():
    db.session.expire_all()
    return list(db.session.scalars(sa.select(Neighbourhood).order_by(Neighbourhood.id)))


@pytest.fixture
def item(commit):
    item = factories.make_neighbourhood(name="Sant Roc", slug="sant-roc")
    commit()
    return item


def pages(item):
    return ["/admin/neighbourhoods/", "/admin/neighbourhoods/new",
            f"/admin/neighbourhoods/{item.id}/edit"]


def test_anonymous_people_are_sent_to_sign_in(client, item):
    for url in pages(item):
        response = client.get(url)
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/accounts/login?next=")
    response = post(client, "/admin/neighbourhoods/new", {"name": "X"})
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/accounts/login")
    assert len(neighbourhoods()) == 1


@pytest.mark.parametrize("role", ["resident", "facilitator"])
def test_residents_and_facilitators_are_refused(client, item, role, process, commit):
    person = factories.make_user(role, process=process)
    commit()
    login(client, person)
    for url in pages(item):
        assert client.get(url).status_code == 403
    response = post(client, "/admin/neighbourhoods/new", {"name": "X"}, token_from="/")
    assert response.status_code == 403
    response = post(client, f"/admin/neighbourhoods/{item.id}/edit", {"name": "X"},
                    token_from="/")
    assert response.status_code == 403
    assert [n.name for n in neighbourhoods()] == ["Sant Roc"]


def test_the_council_sees_the_pages(as_council, item):
    for url in pages(item):
        response = as_council.get(url)
        assert response.status_code == 200, url
        assert response.headers["Cache-Control"] == "private, no-store"
    assert "Sant Roc" in text(as_council.get("/admin/neighbourhoods/"))
    assert 'value="Sant Roc"' in text(as_council.get(f"/admin/neighbourhoods/{item.id}/edit"))


def test_the_council_creates_a_neighbourhood(as_council):
    response = post(as_council, "/admin/neighbourhoods/new",
                    {"name": "La Florida", "slug": "", "district": "Ponent",
                     "population": "11840"}, token_from="/admin/neighbourhoods/new")
    assert response.status_code == 302
    assert response.headers["Location"] == "/admin/neighbourhoods/"
    [item] = neighbourhoods()
    assert (item.name, item.slug, item.district, item.population) == (
        "La Florida", "la-florida", "Ponent", 11840
    )
    assert "The neighbourhood has been created." in text(as_council.get("/admin/neighbourhoods/"))
    assert db.session.scalar(sa.select(ActionLog.verb)) == "create_neighbourhood"


def test_the_council_edits_a_neighbourhood(as_council, item):
    url = f"/admin/neighbourhoods/{item.id}/edit"
    response = post(as_council, url, {"name": "Sant Roc de Dalt", "slug": "sant-roc-de-dalt",
                                      "district": "", "population": ""}, token_from=url)
    assert response.status_code == 302
    [saved] = neighbourhoods()
    assert (saved.name, saved.slug, saved.district, saved.population) == (
        "Sant Roc de Dalt", "sant-roc-de-dalt", "", None
    )


@pytest.mark.parametrize(
    "data, message",
    [
        ({"name": ""}, None),
        ({"name": "X", "slug": "Not A Slug"}, "Use lowercase letters, digits and hyphens only."),
        ({"name": "X", "population": "-1"}, None),
        ({"name": "X", "population": "many"}, None),
        ({"name": "X" * 121}, None),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(as_council, data, message):
    response = post(as_council, "/admin/neighbourhoods/new", data,
                    token_from="/admin/neighbourhoods/new")
    assert response.status_code == 400
    assert "Please correct the marked fields." in text(response)
    if message:
        assert message in text(response)
    assert neighbourhoods() == []


def test_a_taken_slug_is_refused(as_council, item):
    response = post(as_council, "/admin/neighbourhoods/new", {"name": "Un altre",
                                                              "slug": "sant-roc"},
                    token_from="/admin/neighbourhoods/new")
    assert response.status_code == 400
    assert "This web address name is already used. Choose another one." in text(response)
    assert len(neighbourhoods()) == 1
    assert db.session.scalars(sa.select(ActionLog)).all() == []


def test_a_missing_neighbourhood_is_404(as_council):
    assert as_council.get("/admin/neighbourhoods/999999/edit").status_code == 404
    response = post(as_council, "/admin/neighbourhoods/999999/edit", {"name": "X"},
                    token_from="/")
    assert response.status_code == 404


def test_without_csrf_token_nothing_is_saved(as_council, item):
    response = as_council.post("/admin/neighbourhoods/new", data={"name": "Sense token"})
    assert response.status_code == 400
    response = as_council.post(f"/admin/neighbourhoods/{item.id}/edit", data={"name": "Nou"})
    assert response.status_code == 400
    assert [n.name for n in neighbourhoods()] == ["Sant Roc"]

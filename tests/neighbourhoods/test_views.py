"""The public neighbourhood pages."""

from participa.plans.models import PlanStatus
from tests.support import factories
from tests.support.web import text


def test_the_list_of_neighbourhoods(client, commit):
    factories.make_neighbourhood(name="Sant Roc")
    factories.make_neighbourhood(name="Can Puig")
    commit()
    response = client.get("/neighbourhoods/")
    assert response.status_code == 200
    page = text(response)
    assert page.index("Can Puig") < page.index("Sant Roc")


def test_an_empty_list(client):
    assert client.get("/neighbourhoods/").status_code == 200


def test_a_neighbourhood_shows_its_public_plans_and_processes(client, commit):
    barri = factories.make_neighbourhood(name="Barri Vell", slug="barri-vell",
                                         district="Centre", population=6120)
    other = factories.make_neighbourhood(name="El Serrat")
    factories.make_plan(title="Pla del Barri Vell", neighbourhoods=[barri])
    factories.make_plan(title="Pla esborrany secret", neighbourhoods=[barri],
                        status=PlanStatus.DRAFT)
    factories.make_plan(title="Pla del Serrat", neighbourhoods=[other])
    factories.make_process(title="Procés obert del barri", neighbourhoods=[barri])
    factories.make_process(title="Procés en preparació", neighbourhoods=[barri], published=False)
    commit()
    response = client.get("/neighbourhoods/barri-vell")
    assert response.status_code == 200
    page = text(response)
    assert "Barri Vell" in page and "Centre" in page
    assert "Pla del Barri Vell" in page
    assert "Procés obert del barri" in page
    for hidden in ("Pla esborrany secret", "Procés en preparació", "Pla del Serrat"):
        assert hidden not in page


def test_an_unknown_neighbourhood_is_404(client):
    response = client.get("/neighbourhoods/nowhere")
    assert response.status_code == 404
    assert "We could not find the page you were looking for." in text(response)


def test_names_are_escaped(client, commit):
    factories.make_neighbourhood(name="<script>alert(1)</script>", slug="xss")
    commit()
    for url in ("/neighbourhoods/", "/neighbourhoods/xss"):
        page = text(client.get(url))
        assert "<script>alert(1)" not in page
        assert "&lt;script&gt;alert(1)" in page

"""The public community plan pages."""

from participa.plans.models import PlanStatus
from participa.processes.models import PhaseKind
from tests.support import factories
from tests.support.web import login, text


def test_the_list_shows_public_plans_only(client, commit):
    factories.make_plan(title="Pla actiu", status=PlanStatus.ACTIVE)
    factories.make_plan(title="Pla tancat", status=PlanStatus.CLOSED)
    factories.make_plan(title="Pla esborrany", status=PlanStatus.DRAFT)
    commit()
    response = client.get("/plans/")
    assert response.status_code == 200
    page = text(response)
    assert "Pla actiu" in page and "Pla tancat" in page
    assert "Pla esborrany" not in page


def test_a_plan_page(client, commit):
    barri = factories.make_neighbourhood(name="Barri Vell", slug="barri-vell")
    plan = factories.make_plan(
        title="Pla del Barri Vell", slug="pla-barri-vell", neighbourhoods=[barri],
        summary="Veïnes i entitats", body="## Objectius\n\n- **Conviure** millor",
    )
    factories.make_process(title="Procés publicat", plan=plan)
    factories.make_process(title="Procés amagat", plan=plan, published=False)
    factories.make_process(title="Procés d'un altre pla")
    commit()
    response = client.get("/plans/pla-barri-vell")
    assert response.status_code == 200
    page = text(response)
    assert '<h1 lang="ca">Pla del Barri Vell</h1>' in page
    assert "Veïnes i entitats" in page
    assert "<h2>Objectius</h2>" in page and "<strong>Conviure</strong>" in page
    assert 'href="/neighbourhoods/barri-vell"' in page
    assert "Procés publicat" in page
    assert "Procés amagat" not in page
    assert "Procés d&#39;un altre pla" not in page and "Procés d'un altre pla" not in page


def test_the_body_is_sanitized(client, commit):
    factories.make_plan(slug="xss", body='<script>alert(1)</script>\n\n[x](javascript:alert(2))'
                        '\n\n<img src=x onerror=alert(3)>')
    commit()
    page = text(client.get("/plans/xss"))
    assert "<script>alert(1)" not in page
    assert "javascript:" not in page
    assert "onerror" not in page


def test_an_unknown_plan_is_404(client):
    assert client.get("/plans/no-such-plan").status_code == 404


def test_a_draft_plan_is_404_for_everyone_but_the_council(client, commit):
    factories.make_plan(title="Pla en preparació", slug="draft", status=PlanStatus.DRAFT)
    resident = factories.make_user()
    council = factories.make_user("council")
    commit()
    assert client.get("/plans/draft").status_code == 404
    login(client, resident)
    assert client.get("/plans/draft").status_code == 404
    other = client.another()
    login(other, council)
    response = other.get("/plans/draft")
    assert response.status_code == 200
    assert "Pla en preparació" in text(response)


def test_a_closed_plan_is_public(client, commit):
    factories.make_plan(slug="closed", status=PlanStatus.CLOSED)
    commit()
    assert client.get("/plans/closed").status_code == 200


def test_the_home_page_groups_public_plans_by_neighbourhood(client, commit):
    barri = factories.make_neighbourhood(name="Barri Vell")
    factories.make_plan(title="Pla públic", neighbourhoods=[barri])
    factories.make_plan(title="Pla esborrany", neighbourhoods=[barri], status=PlanStatus.DRAFT)
    factories.make_process(title="Procés actiu ara")
    factories.make_process(title="Procés acabat", phases=(
        (PhaseKind.PROPOSALS, -10, -5),))
    commit()
    page = text(client.get("/"))
    assert "Barri Vell" in page and "Pla públic" in page
    assert "Pla esborrany" not in page
    assert "Procés actiu ara" in page
    assert "Procés acabat" not in page

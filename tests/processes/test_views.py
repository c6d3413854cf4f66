"""The public process pages: list, page, phases, and who sees unpublished processes."""

import pytest

from participa.processes.models import PhaseKind
from tests.support import factories
from tests.support.web import login, text


def test_the_list_shows_published_processes_only(client, commit):
    factories.make_process(title="Procés obert")
    factories.make_process(title="Procés acabat", phases=((PhaseKind.PROPOSALS, -9, -2),))
    factories.make_process(title="Procés en preparació", published=False)
    commit()
    response = client.get("/processes/")
    assert response.status_code == 200
    page = text(response)
    assert "Procés obert" in page and "Procés acabat" in page
    assert "Procés en preparació" not in page


def test_a_process_page(client, commit):
    barri = factories.make_neighbourhood(name="Barri Vell", slug="barri-vell")
    plan = factories.make_plan(title="Pla del Barri Vell", slug="pla-barri-vell")
    factories.make_process(
        title="Pressupostos 2027", slug="pressupostos", plan=plan, neighbourhoods=[barri],
        summary="Decidim on invertim", description="## Com funciona\n\n*Proposa* i **suporta**",
        categories=("Cultura", "Mobilitat"),
        phases=((PhaseKind.INFORMATION, -20, -10), (PhaseKind.PROPOSALS, -10, 10),
                (PhaseKind.VOTING, 10, 20)),
    )
    commit()
    response = client.get("/processes/pressupostos")
    assert response.status_code == 200
    page = text(response)
    assert '<h1 lang="ca">Pressupostos 2027</h1>' in page
    assert 'href="/plans/pla-barri-vell"' in page
    assert 'href="/neighbourhoods/barri-vell"' in page
    assert "<h2>Com funciona</h2>" in page and "<em>Proposa</em>" in page
    assert "Cultura" in page and "Mobilitat" in page
    # the stepper marks the running phase and lists what it allows (no proposal to support
    # yet, nothing to vote on)
    assert page.count('aria-current="step"') == 1
    assert "Information" in page and "Voting" in page
    allowed = page.split('<ul class="allowed">')[1].split("</ul>")[0]
    assert "Make proposals" in allowed and "Support proposals" not in allowed
    assert "Vote" not in allowed


def test_a_process_without_a_running_phase(client, commit):
    factories.make_process(slug="later", phases=((PhaseKind.VOTING, 5, 10),))
    factories.make_process(slug="none", phases=())
    commit()
    for slug in ("later", "none"):
        response = client.get(f"/processes/{slug}")
        assert response.status_code == 200
        assert "No phase is running right now." in text(response)
    assert "No phases have been scheduled yet." in text(client.get("/processes/none"))


def test_an_unknown_process_is_404(client):
    assert client.get("/processes/no-such-process").status_code == 404


@pytest.fixture
def hidden(commit):
    process = factories.make_process(title="Procés en preparació", slug="hidden",
                                     published=False)
    commit()
    return process


@pytest.mark.parametrize("who, status", [("resident", 404), ("other_facilitator", 404),
                                         ("facilitator", 200), ("council", 200)])
def test_an_unpublished_process_is_404_for_outsiders(client, hidden, who, status, commit):
    if who == "facilitator":
        person = factories.make_user("facilitator", process=hidden, locale="en")
    elif who == "other_facilitator":
        person = factories.make_user("facilitator", process=factories.make_process())
    else:
        person = factories.make_user(who, locale="en")
    commit()
    login(client, person)
    response = client.get("/processes/hidden")
    assert response.status_code == status
    if status == 200:
        assert "This process is not published" in text(response)


def test_an_unpublished_process_is_404_for_visitors(client, hidden):
    response = client.get("/processes/hidden")
    assert response.status_code == 404
    assert "Procés en preparació" not in text(response)


def test_only_the_council_sees_the_manage_link(client, process, facilitator, commit):
    council = factories.make_user("council")
    commit()
    manage = f'href="/admin/processes/{process.id}/"'
    assert manage not in text(client.get(f"/processes/{process.slug}"))
    login(client, facilitator)
    assert manage not in text(client.get(f"/processes/{process.slug}"))
    other = client.another()
    login(other, council)
    assert manage in text(other.get(f"/processes/{process.slug}"))


def test_process_text_is_escaped_and_sanitized(client, commit):
    factories.make_process(slug="xss", title="<b>Títol</b>", summary="<i>resum</i>",
                           description="<script>alert(1)</script> [x](javascript:alert(1))",
                           categories=("<u>cat</u>",))
    commit()
    page = text(client.get("/processes/xss"))
    assert "&lt;b&gt;Títol&lt;/b&gt;" in page
    assert "<i>resum</i>" not in page
    assert "<script>alert" not in page and "javascript:" not in page
    assert "<u>cat</u>" not in page

"""The public pages of results and their open data: lists with filters, a result's page with
its timeline, parts and parent, the proposal and budget pages that show a result, and drafts
hidden on every read path (404 and absent from lists and exports)."""

import csv
import io
import json

import pytest

from participa.core.types import utcnow
from participa.extensions import db
from participa.plans.models import PlanStatus
from participa.results import operations
from tests.support import factories
from tests.support.results import make_result, process_with_outcomes, record
from tests.support.web import login, text


@pytest.fixture
def council(commit):
    return factories.person("council")


@pytest.fixture
def plan(commit):
    return factories.make_plan(title="Pla comunitari del Barri Vell")


@pytest.fixture
def shown(plan, council, commit):
    """A published result with a published part and a draft part, and a draft result."""
    barri = factories.make_neighbourhood("Barri Vell")
    top = make_result(plan, actor=council, title="Pla de places", publish=True,
                      neighbourhood_id=barri.id, responsible="Servei d'Espai Públic")
    part = make_result(plan, actor=council, title="Plaça del Mercat", parent_id=top.id,
                       planned_budget=30_000, publish=True)
    secret_part = make_result(plan, actor=council, title="Plaça secreta", parent_id=top.id,
                              planned_budget=10_000)
    record(part, actor=council, status="in_progress", progress=50,
           text="S'han començat les obres de la plaça.")
    draft = make_result(plan, actor=council, title="Esborrany amagat")
    commit()
    return {"top": top, "part": part, "secret_part": secret_part, "draft": draft,
            "barri": barri}


def url(plan, result=None):
    base = f"/plans/{plan.slug}/results/"
    return base if result is None else f"{base}{result.id}"


def test_the_plan_list_shows_published_results_only(client, plan, shown):
    page = text(client.get(url(plan)))
    assert "Pla de places" in page and "Plaça del Mercat" in page
    assert "Esborrany amagat" not in page and "Plaça secreta" not in page
    assert "Part of Pla de places" in page
    assert 'aria-labelledby="progress-' in page and "Progress: 50%" in page


def test_the_lists_filter_by_status_and_neighbourhood(client, plan, shown):
    top, part = shown["top"], shown["part"]
    by_status = text(client.get(url(plan) + f"?status={part.status_id}"))
    assert "Plaça del Mercat" in by_status and ">Pla de places</a>" not in by_status
    by_place = text(client.get(url(plan) + f"?neighbourhood={shown['barri'].id}"))
    assert ">Pla de places</a>" in by_place and "Plaça del Mercat" not in by_place
    assert client.get(url(plan) + "?status=abc&neighbourhood=x&page=99999999").status_code == 200
    assert top.id


def test_a_result_page_has_its_timeline_parts_and_parent(client, plan, shown):
    page = text(client.get(url(plan, shown["top"])))
    assert "Plaça del Mercat" in page and "Plaça secreta" not in page
    assert "Servei d&#39;Espai Públic" in page
    part_page = text(client.get(url(plan, shown["part"])))
    assert "S&#39;han començat les obres de la plaça." in part_page
    assert f'href="{url(plan, shown["top"])}"' in part_page  # the parent
    assert "Progress: 50%" in part_page


def test_pages_speak_catalan(client, plan, shown):
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "ca"
    page = text(client.get(url(plan, shown["part"])))
    assert "Cronologia" in page and "En curs" in page and "Avenç: 50 %" in page


def test_drafts_are_404_to_everyone_but_the_council(client, plan, shown, council):
    for result in (shown["draft"], shown["secret_part"]):
        assert client.get(url(plan, result)).status_code == 404
    resident = factories.make_user()
    db.session.commit()
    login(client, resident)
    assert client.get(url(plan, shown["draft"])).status_code == 404
    council_browser = client.another()
    login(council_browser, council)
    assert council_browser.get(url(plan, shown["draft"])).status_code == 200
    assert "Esborrany amagat" in text(council_browser.get(url(plan)))


def test_unknown_and_misplaced_results_are_404(client, plan, shown, commit):
    other = factories.make_plan()
    commit()
    assert client.get(url(plan) + "999999").status_code == 404
    assert client.get(url(other, shown["top"])).status_code == 404
    assert client.get("/plans/no-such-plan/results/").status_code == 404
    assert client.get("/processes/no-such-process/results/").status_code == 404


def test_a_draft_plan_hides_its_published_results(client, council, commit):
    hidden = factories.make_plan(status=PlanStatus.DRAFT)
    result = make_result(hidden, actor=council, publish=True)
    commit()
    assert client.get(url(hidden)).status_code == 404
    assert client.get(url(hidden, result)).status_code == 404
    assert client.get(f"/plans/{hidden.slug}/results.json").status_code == 404
    assert json.loads(text(client.get("/results.json"))) == []


def test_the_process_list_and_the_outcome_pages_show_the_result(client, plan, council, commit):
    process, (carried, alone), winners, _loser = process_with_outcomes(plan)
    made = operations.results_from_outcomes(process, plan, actor=council)
    commit()
    proposal_page = f"/processes/{process.slug}/proposals/{alone.id}"
    assert "What is being done" not in text(client.get(proposal_page))  # drafts: nothing yet
    assert client.get(f"/processes/{process.slug}/results/").status_code == 200
    for result in made:
        operations.publish_result(result, actor=council)
    from_alone = next(r for r in made if r.proposal_id == alone.id)
    record(from_alone, actor=council, status="in_progress", progress=35)
    commit()
    page = text(client.get(proposal_page))
    assert "What is being done" in page and "Progress: 35%" in page
    # the carried proposal shows the result of the project that carries it
    carried_page = text(client.get(f"/processes/{process.slug}/proposals/{carried.id}"))
    assert winners[0].title in carried_page and "Not started" in carried_page
    budget_page = text(client.get(f"/processes/{process.slug}/budgets/{winners[0].budget_id}"))
    assert "What is being done:" in budget_page
    result_page = text(client.get(f"/plans/{plan.slug}/results/{from_alone.id}"))
    assert f'href="/processes/{process.slug}/proposals/{alone.id}"' in result_page
    alone.hidden_at = utcnow()  # hidden by moderation: the result no longer names it
    commit()
    result_page = text(client.get(f"/plans/{plan.slug}/results/{from_alone.id}"))
    assert f'href="/processes/{process.slug}/proposals/{alone.id}"' not in result_page
    listing = text(client.get(f"/processes/{process.slug}/results/"))
    assert alone.title in listing and winners[1].title in listing
    assert "Results: what is being done" in text(client.get(f"/processes/{process.slug}"))


# --- open data ----------------------------------------------------------------------------------

def test_the_json_exports_hold_public_fields_of_published_results(client, plan, shown):
    rows = json.loads(text(client.get(f"/plans/{plan.slug}/results.json")))
    assert [r["title"] for r in rows] == ["Pla de places", "Plaça del Mercat"]
    part = rows[1]
    assert part["progress"] == 50 and part["parent_id"] == shown["top"].id
    assert part["url"] == f"http://participa.test/plans/{plan.slug}/results/{shown['part'].id}"
    assert "created_by_id" not in part and "description" not in part
    town = json.loads(text(client.get("/results.json")))
    assert [r["id"] for r in town] == [r["id"] for r in rows]


def test_the_csv_export_neutralises_formulas(client, plan, council, commit):
    make_result(plan, actor=council, title="=HYPERLINK(\"http://x\")", responsible="@SUM(A1)",
                publish=True)
    commit()
    response = client.get(f"/plans/{plan.slug}/results.csv")
    assert response.mimetype == "text/csv"
    [row] = list(csv.DictReader(io.StringIO(text(response))))
    assert row["title"].startswith("'=") and row["responsible"].startswith("'@")


def test_a_draft_parent_or_part_never_shows_through_a_published_one(client, plan, council,
                                                                    commit):
    parent = make_result(plan, actor=council, title="Projecte ocult")
    part = make_result(plan, actor=council, title="Part visible", parent_id=parent.id,
                       publish=True)
    top = make_result(plan, actor=council, title="Resultat públic", publish=True)
    secret = make_result(plan, actor=council, title="Part secreta", parent_id=top.id)
    record(secret, actor=council, progress=40)  # moves the public parent: a timeline entry
    commit()
    for page in (text(client.get(url(plan))), text(client.get(url(plan, part))),
                 text(client.get(url(plan, top))),
                 text(client.get(f"/plans/{plan.slug}/results.json"))):
        assert "Projecte ocult" not in page and "Part secreta" not in page
    assert "Progress: 40%" in text(client.get(url(plan, top)))  # its figures still roll up

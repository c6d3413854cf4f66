"""A results list, a result's page and the open data cost a fixed number of queries whatever
the number of results (DESIGN.md, performance), for visitors and for the council."""

import pytest

from participa.extensions import db
from tests.support import factories
from tests.support.plans import make_goal
from tests.support.queries import counting
from tests.support.results import make_result, record
from tests.support.web import login


def queries_for(app, client, url) -> int:
    client.get(url)  # warm: the first request loads what every request does
    with counting(app) as statements:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(statements)


def grow(plan, process, parent, council, n):
    """``n`` more published results, in places and categories, with goals and timelines."""
    goal = make_goal(plan)
    for i in range(n):
        result = make_result(plan, actor=council, publish=True, title=f"Acció {i}",
                             process_id=process.id, category_id=process.categories[i % 2].id,
                             neighbourhood_id=factories.make_neighbourhood().id,
                             goal_ids=[goal.id], parent_id=parent.id, planned_budget=1_000)
        record(result, actor=council, status="in_progress", progress=10 + i)
    db.session.commit()


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "council"])
def test_results_pages_cost_the_same_with_3_or_15_results(app, client, signed_in):
    council = factories.person("council")
    plan = factories.make_plan()
    process = factories.make_process(plan=plan, categories=("Espai públic", "Cultura"))
    parent = make_result(plan, actor=council, publish=True, title="Pla de places")
    grow(plan, process, parent, council, 3)
    if signed_in:
        login(client, council)
    urls = [f"/plans/{plan.slug}/results/", f"/processes/{process.slug}/results/",
            f"/plans/{plan.slug}/results/{parent.id}", f"/plans/{plan.slug}/results.json",
            f"/plans/{plan.slug}/results.csv", "/results.json"]
    few = {url: queries_for(app, client, url) for url in urls}
    grow(plan, process, parent, council, 12)
    many = {url: queries_for(app, client, url) for url in urls}
    assert many == few

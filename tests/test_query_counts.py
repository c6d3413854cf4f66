"""List pages load what they show in a fixed number of queries (DESIGN.md, performance): the
count with many rows equals the count with few, for visitors and signed-in people."""


import pytest
import sqlalchemy as sa

from participa.extensions import db
from participa.plans.models import PlanStatus
from tests.support import factories
from tests.support.meetings import make_meeting
from tests.support.proposals import make_proposal, make_supporters
from tests.support.queries import counting
from tests.support.web import login


def queries_for(app, client, url) -> int:
    client.get(url)  # warm: the session's first request loads what every request does
    with counting(app) as statements:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(statements)


def grow(process, facilitator, n):
    """``n`` more proposals (supported, in categories), meetings and plans."""
    for i in range(n):
        proposal = make_proposal(process, factories.make_user(), title=f"Proposta {i}",
                                 category_id=process.categories[i % 2].id)
        make_supporters(proposal, 2)
        make_meeting(process, facilitator, title=f"Trobada {i}")
        factories.make_plan(neighbourhoods=[factories.make_neighbourhood()],
                            status=PlanStatus.ACTIVE)
    db.session.commit()


PAGES = [
    "/",
    "/plans/",
    "/processes/",
    "/neighbourhoods/",
    "/meetings/",
    "/processes/{slug}/proposals/",
    "/processes/{slug}/proposals/?sort=supports",
    "/processes/{slug}/meetings/",
]


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "signed-in"])
def test_list_pages_cost_the_same_with_3_or_18_rows(app, client, process, facilitator, signed_in,
                                                    make_user):
    resident = make_user()
    grow(process, facilitator, 3)
    if signed_in:
        login(client, resident)
    urls = [page.format(slug=process.slug) for page in PAGES]
    few = {url: queries_for(app, client, url) for url in urls}
    grow(process, facilitator, 15)
    many = {url: queries_for(app, client, url) for url in urls}
    assert many == few
    assert db.session.scalar(sa.select(sa.func.count()).select_from(
        factories.CommunityPlan)) >= 18

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


def grow_associations(n, areas, places):
    """``n`` more associations, each in two areas and a neighbourhood, with a representative."""
    from participa.associations import operations
    from participa.associations.taxid import organisation_nif

    council = factories.make_user("council")
    start = db.session.scalar(sa.select(sa.func.count()).select_from(
        factories.User)) or 0
    for i in range(n):
        admin = factories.make_user()
        association = operations.register_association({
            "name": f"Associació {start}-{i}", "legal_form": "association",
            "tax_id": organisation_nif("G", f"{7_000_000 + start * 100 + i:07d}"),
            "area_ids": [a.id for a in areas], "neighbourhood_ids": [places[i % 2].id],
            "description": "Fem barri."}, actor=admin)
        if i % 2:
            operations.verify_association(association, actor=council)
        operations.ask_to_represent(association, actor=factories.make_user())
    db.session.commit()


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "signed-in"])
def test_the_register_of_associations_costs_the_same_with_3_or_18(app, client, signed_in,
                                                                   make_user):
    from participa.associations.models import AreaOfWork

    areas = [AreaOfWork(name="Gent gran", position=0), AreaOfWork(name="Esport", position=1)]
    db.session.add_all(areas)
    places = [factories.make_neighbourhood(), factories.make_neighbourhood()]
    resident = make_user()
    grow_associations(3, areas, places)
    if signed_in:
        login(client, resident)
    urls = ["/associations/", f"/associations/?area={areas[0].id}&q=associacio",
            f"/associations/?neighbourhood={places[0].id}", "/associations.json",
            "/associations.csv"]
    few = {url: queries_for(app, client, url) for url in urls}
    grow_associations(15, areas, places)
    many = {url: queries_for(app, client, url) for url in urls}
    assert many == few


# -- volunteering ------------------------------------------------------------------------------


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "signed-in"])
def test_volunteering_list_costs_the_same_with_3_or_18_opportunities(app, client, signed_in,
                                                                    make_user):
    from tests.associations.conftest import make_area
    from tests.volunteering.conftest import add_representative, make_association
    from tests.volunteering.conftest import make_opportunity as make_volunteering

    resident = make_user()
    area = make_area()
    association = make_association("verified")
    representative = add_representative(association)

    def grow(n):
        for i in range(n):
            opportunity = make_volunteering(
                representative, association=association, title=f"Crida {i}",
                neighbourhood_id=factories.make_neighbourhood().id, area_ids=[area.id])
            from participa.volunteering import operations
            operations.sign_up(opportunity, actor=resident)
        db.session.commit()

    grow(3)
    if signed_in:
        login(client, resident)
    few = queries_for(app, client, "/volunteering/")
    grow(15)
    assert queries_for(app, client, "/volunteering/") == few

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


# -- the community agenda -----------------------------------------------------------------------


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "signed-in"])
def test_the_agenda_costs_the_same_with_3_or_18_events(app, client, process, facilitator,
                                                       signed_in, make_user):
    """Day lists, the month grid, the feed and an association's page: multi-day events of
    associations, the council and people, in facilities' rooms or not."""
    from datetime import timedelta

    from participa.core.types import utcnow
    from tests.agenda.builders import add_representative, local, make_association, make_event
    from tests.facilities.builders import make_facility

    resident = make_user()
    council = make_user("council")
    association = make_association()
    representative = add_representative(association)
    facility = make_facility(rooms=(("Sala", 500),))
    year = utcnow().year + 1

    def grow(n, offset):
        for i in range(n):
            start = local(year, 6, 1, 10) + timedelta(days=(offset + i) % 28, hours=i)
            who = (representative, council, facilitator)[i % 3]
            extra = {"association": association} if who is representative else (
                {"organised_by": "council"} if who is council else {})
            make_event(process, who, start=start, hours=30 if i % 2 else 2,
                       title=f"Acte {offset + i}",
                       room_id=facility.rooms[0].id if i % 3 == 2 else None, **extra)
        db.session.commit()

    grow(3, 0)
    if signed_in:
        login(client, resident)
    # (each period holds events from the start: a process's phases and neighbourhoods load once
    # when there is any)
    urls = [f"/agenda/?view={view}&date={year}-06-02" for view in ("month", "grid", "week")]
    urls += [f"/agenda/?view=month&date={year}-06-10&organiser={association.id}",
             "/agenda.ics", f"/associations/{association.slug}"]
    few = {url: queries_for(app, client, url) for url in urls}
    grow(15, 3)
    assert {url: queries_for(app, client, url) for url in urls} == few


# -- proposals and comments on behalf of associations; co-authors ----------------------------


@pytest.mark.parametrize("reader", ["visitor", "resident", "representative", "author"])
def test_proposals_on_behalf_and_with_coauthors_cost_the_same(app, client, process, reader):
    """The index with proposals published as associations, and a proposal's page with one or
    five co-authors (people and associations) and comments written on behalf of associations,
    cost the same queries, for every kind of reader."""
    from participa.comments import operations as comments
    from participa.proposals import operations
    from tests.associations.conftest import make_association, make_link

    author = factories.person(name="Marta Soler")
    representative = factories.person()
    main = make_proposal(process, author, title="Amb coautors")

    def grow(n, coauthors):
        for i in range(n):
            association = make_association("verified", admin=author)
            make_link(association, representative)
            make_proposal(process, author, title=f"En nom {association.id}",
                          association_id=association.id)
            comments.create_comment(main, {"body": f"En nom de l'entitat {i}.",
                                           "association_id": association.id}, actor=author)
        for i in range(coauthors):
            if i % 2:
                invitation = operations.invite_association(
                    main, make_association("verified", admin=representative), actor=author)
                operations.accept_invitation(invitation, actor=representative)
            else:
                person = factories.person()
                invitation = operations.invite_person(main, person.email, actor=author)
                operations.accept_invitation(invitation, actor=person)
        db.session.commit()

    grow(1, 1)
    if reader != "visitor":
        person = {"resident": factories.person(), "representative": representative,
                  "author": author}[reader]
        db.session.commit()
        login(client, person)
    urls = [f"/processes/{process.slug}/proposals/", f"/processes/{process.slug}/proposals/"
            f"{main.id}", f"/processes/{process.slug}/proposals.json"]
    if reader == "author":  # the co-authors page, with its invitations and associations
        urls.append(f"/processes/{process.slug}/proposals/{main.id}/coauthors")
    if reader == "representative":  # the invitations they answer
        urls.append("/accounts/me/participation")
    few = {url: queries_for(app, client, url) for url in urls}
    grow(6, 4)
    many = {url: queries_for(app, client, url) for url in urls}
    assert many == few


def test_a_proposal_page_reads_co_authors_only_for_a_proposal_that_has_some(app, client,
                                                                            process):
    """Most proposals have no co-authors: their page learns it in its own query, and only a
    proposal with co-authors or invitations reads them."""
    from participa.proposals import operations

    author, person = factories.person(), factories.person()
    alone = make_proposal(process, author, title="Sense coautors")
    shared = make_proposal(process, author, title="Amb una coautora")
    invitation = operations.invite_person(shared, person.email, actor=author)
    operations.accept_invitation(invitation, actor=person)
    reader = factories.person()
    db.session.commit()
    login(client, reader)
    url = f"/processes/{process.slug}/proposals/"
    assert queries_for(app, client, url + str(shared.id)) == \
        queries_for(app, client, url + str(alone.id)) + 1

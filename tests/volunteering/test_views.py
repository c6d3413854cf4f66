"""The volunteering pages through the client: 200/302/400/403/404, CSRF, and that a refused
request changes nothing."""

from datetime import timedelta

import sqlalchemy as sa

from participa.core.types import utcnow
from participa.extensions import db
from participa.volunteering import operations
from participa.volunteering.models import Opportunity, OpportunityStatus, Signup, SignupStatus
from tests.support import factories
from tests.support.web import login, post, refreshed, sync, text
from tests.volunteering.conftest import add_representative, make_association, make_opportunity


def form(**values):
    start = (utcnow() + timedelta(days=10)).astimezone()
    data = {"organiser": "council", "title": "Padrins de lectura",
            "description": "Llegim amb infants.", "schedule": "recurring",
            "starts_at": "2030-01-10T17:00", "ends_at": "2030-06-10T18:00",
            "recurrence": "Dijous 17:00–18:00", "facility_id": "", "place": "Biblioteca",
            "address": "Carrer Major, 3", "neighbourhood_id": "", "places": "6",
            "skills": "Paciència", "contact": "biblioteca@riuclar.example"}
    del start
    data.update(values)
    return data


def count(model):
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def test_index_lists_open_opportunities_only(client, commit):
    council = factories.person("council")
    shown = make_opportunity(council, title="Obert")
    make_opportunity(council, title="Esborrany", publish=False)
    closed = make_opportunity(council, title="Tancat")
    operations.close_opportunity(closed, actor=council)
    past_start = utcnow() - timedelta(days=3)
    ended = make_opportunity(council, title="Passat", publish=False, starts_at=past_start,
                             ends_at=past_start + timedelta(days=1))
    ended.status = OpportunityStatus.PUBLISHED
    commit()
    page = text(client.get("/volunteering/"))
    assert "Obert" in page
    for hidden in ("Esborrany", "Tancat", "Passat"):
        assert hidden not in page
    assert client.get(f"/volunteering/{shown.id}").status_code == 200


def test_index_filters_by_neighbourhood_and_area(client, commit, make_neighbourhood):
    from tests.associations.conftest import make_area

    here, there = make_neighbourhood(), make_neighbourhood()
    area = make_area()
    make_opportunity(title="Al barri", neighbourhood_id=here.id, area_ids=[area.id])
    make_opportunity(title="A l'altre barri", neighbourhood_id=there.id)
    commit()
    page = text(client.get(f"/volunteering/?neighbourhood={here.id}"))
    assert "Al barri" in page and "altre barri" not in page
    page = text(client.get(f"/volunteering/?area={area.id}"))
    assert "Al barri" in page and "altre barri" not in page
    assert client.get("/volunteering/?neighbourhood=99999999999&area=x").status_code == 200


def test_unknown_and_huge_ids_are_404(client, commit):
    for url in ("/volunteering/999999", "/volunteering/99999999999999999999",
                "/volunteering/abc"):
        assert client.get(url).status_code == 404, url
    person = factories.person()
    commit()
    login(client, person)
    for url in ("/volunteering/999999/volunteers", "/volunteering/999999/edit",
                "/volunteering/99999999999999999999/leave"):
        assert client.get(url).status_code == 404, url
    assert post(client, "/volunteering/999999/sign-up").status_code == 404


def test_a_draft_is_404_for_others(client, commit):
    draft = make_opportunity(publish=False)
    person = factories.person()
    commit()
    assert client.get(f"/volunteering/{draft.id}").status_code == 404
    login(client, person)
    assert client.get(f"/volunteering/{draft.id}").status_code == 404


def test_sign_up_and_leave(client, commit, outbox):
    opportunity = make_opportunity(places=1)
    person = factories.person()
    commit()
    assert post(client, f"/volunteering/{opportunity.id}/sign-up").status_code == 302  # login
    login(client, person)
    url = f"/volunteering/{opportunity.id}"
    response = post(client, url + "/sign-up", token_from=url)
    assert response.status_code == 302
    page = text(client.get(url))
    assert "You have a place as a volunteer." in page
    assert [m["To"] for m in outbox()] == [person.email]

    twice = post(client, url + "/sign-up", token_from=url)
    assert twice.status_code == 400
    assert "already signed up" in text(twice)
    assert count(Signup) == 1

    assert client.get(url + "/leave").status_code == 200
    assert post(client, url + "/leave", token_from=url).status_code == 302
    sync()
    assert db.session.scalar(sa.select(Signup.status)) == SignupStatus.LEFT
    assert client.get(url + "/leave").status_code == 403


def test_posts_need_csrf(client, commit):
    opportunity = make_opportunity()
    person = factories.person()
    commit()
    login(client, person)
    response = client.post(f"/volunteering/{opportunity.id}/sign-up")
    assert response.status_code == 400
    assert count(Signup) == 0


def test_signing_up_to_a_closed_opportunity_is_refused(client, commit):
    council = factories.person("council")
    opportunity = make_opportunity(council)
    operations.close_opportunity(opportunity, actor=council)
    person = factories.person()
    commit()
    login(client, person)
    url = f"/volunteering/{opportunity.id}"
    response = post(client, url + "/sign-up", token_from=url)
    assert response.status_code == 400
    assert "no longer takes volunteers" in text(response)
    assert count(Signup) == 0


def test_the_council_posts_publishes_and_closes(as_council):
    assert as_council.get("/volunteering/new").status_code == 200
    response = post(as_council, "/volunteering/new", form(), token_from="/volunteering/new")
    assert response.status_code == 302, text(response)[:3000]
    opportunity = db.session.scalar(sa.select(Opportunity))
    assert opportunity.status == OpportunityStatus.DRAFT
    assert opportunity.recurrence == "Dijous 17:00–18:00"
    url = f"/volunteering/{opportunity.id}"
    assert post(as_council, url + "/publish", token_from=url).status_code == 302
    assert refreshed(opportunity).status == OpportunityStatus.PUBLISHED
    assert as_council.get(url + "/edit").status_code == 200
    response = post(as_council, url + "/edit", form(title="Padrins i padrines de lectura"),
                    token_from=url + "/edit")
    assert response.status_code == 302
    assert post(as_council, url + "/close", token_from=url).status_code == 302
    assert refreshed(opportunity).status == OpportunityStatus.CLOSED
    assert refreshed(opportunity).title == "Padrins i padrines de lectura"
    assert as_council.get("/admin/volunteering/").status_code == 200
    assert as_council.get("/admin/volunteering/?status=closed").status_code == 200


def test_bad_input_is_a_400_and_saves_nothing(as_council):
    for values in ({"places": "0"}, {"places": "-2"}, {"places": "molts"},
                   {"ends_at": "2030-01-09T17:00"}, {"title": "Padrins\x07 de lectura"},
                   {"place": "Biblioteca\u2028Central"}, {"schedule": "recurring",
                                                          "recurrence": ""},
                   {"organiser": "123"}):
        response = post(as_council, "/volunteering/new", form(**values),
                        token_from="/volunteering/new")
        assert response.status_code == 400, values
    assert count(Opportunity) == 0


def test_a_representative_posts_for_a_verified_association(client, commit):
    association = make_association("verified")
    representative = add_representative(association)
    commit()
    login(client, representative)
    response = post(client, "/volunteering/new", form(organiser=str(association.id)),
                    token_from="/volunteering/new")
    assert response.status_code == 302
    assert db.session.scalar(sa.select(Opportunity.association_id)) == association.id


def test_a_resident_or_an_unverified_representative_cannot_post(client, commit):
    association = make_association("pending")
    representative = add_representative(association)
    resident = factories.person()
    commit()
    assert client.get("/volunteering/new").status_code == 302  # sign in first
    for person in (resident, representative):
        other = client.another()
        login(other, person)
        assert other.get("/volunteering/new").status_code == 403
        response = post(other, "/volunteering/new", form(organiser=str(association.id)))
        assert response.status_code == 403
    assert count(Opportunity) == 0


def test_only_organisers_see_the_volunteers_and_write_to_them(client, commit, outbox):
    association = make_association("verified")
    representative = add_representative(association)
    opportunity = make_opportunity(representative, association=association, places=1)
    volunteer = factories.person(name="Núria Voluntària")
    operations.sign_up(opportunity, actor=volunteer)
    council_member = factories.person("council")
    commit()
    url = f"/volunteering/{opportunity.id}/volunteers"
    assert client.get(url).status_code == 302
    login(client, volunteer)
    assert client.get(url).status_code == 403
    assert post(client, url + "/email", {"subject": "Hola", "body": "Text"}).status_code == 403

    organiser = client.another()
    login(organiser, representative)
    page = organiser.get(url)
    assert page.status_code == 200
    assert volunteer.email in text(page) and "Núria Voluntària" in text(page)
    bad = post(organiser, url + "/email", {"subject": "Hola\r\nBcc: x@example.org",
                                           "body": "Text"}, token_from=url)
    assert bad.status_code == 400
    sent = post(organiser, url + "/email", {"subject": "Quedem a les 9", "body": "Guants."},
                token_from=url)
    assert sent.status_code == 302
    assert [m["To"] for m in outbox()][-1] == volunteer.email

    council = client.another()
    login(council, council_member)
    assert council.get(url).status_code == 200


def test_cancel_asks_then_tells(client, commit, outbox):
    council = factories.person("council")
    opportunity = make_opportunity(council)
    volunteer = factories.person()
    operations.sign_up(opportunity, actor=volunteer)
    commit()
    login(client, council)
    url = f"/volunteering/{opportunity.id}/cancel"
    assert client.get(url).status_code == 200
    assert post(client, url, {"reason": "Plourà."}, token_from=url).status_code == 302
    assert refreshed(opportunity).status == OpportunityStatus.CANCELLED
    assert [m["To"] for m in outbox()] == [volunteer.email]


def test_mine_lists_what_i_volunteer_for(client, commit):
    opportunity = make_opportunity(title="Banc d'aliments")
    person = factories.person()
    operations.sign_up(opportunity, actor=person)
    commit()
    login(client, person)
    page = client.get("/volunteering/mine")
    assert page.status_code == 200
    assert "Banc d&#39;aliments" in text(page) or "Banc d'aliments" in text(page)


def test_the_association_page_lists_its_opportunities(client, commit):
    association = make_association("verified")
    representative = add_representative(association)
    make_opportunity(representative, association=association, title="Repartiment")
    commit()
    page = text(client.get(f"/associations/{association.slug}"))
    assert "Repartiment" in page

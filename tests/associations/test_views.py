"""Associations through the test client: the public register and pages (public contact only
where made public, refused ones gone), the open data (public fields only), registering,
editing, asking to represent and managing representatives, the council's pages — with their
200/302/400/403/404 answers, CSRF, e-mails in the recipient's language and the ActionLog."""

import json

import pytest
import sqlalchemy as sa

from participa.associations.models import (
    Association,
    AssociationRepresentative,
    AssociationStatus,
    RepresentativeStatus,
)
from participa.core.models import ActionLog
from participa.extensions import db
from tests.associations.conftest import details, make_area, make_association, make_link, next_nif
from tests.support import factories
from tests.support.web import login, post, sync, text

HUGE = "99999999999999999999"


def form(**values) -> dict:
    """What the registration form posts (checkboxes: only when ticked)."""
    data = {k: v for k, v in details(**values).items() if v not in (False, [], None)}
    data.update({k: "y" for k, v in values.items() if v is True})
    return data


def count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


@pytest.fixture
def town(commit):
    council = factories.person("council")
    admin = factories.person(name="Marta Soler", email="marta@example.org")
    place = factories.make_neighbourhood("Barri Vell")
    area = make_area("Gent gran", en="Older people")
    verified = make_association(
        "verified", admin=admin, council=council, name="Casal del Barri Vell",
        neighbourhood_ids=[place.id], area_ids=[area.id], website="https://casal.example.org",
        is_website_public=True, email="secret-casal@example.org", is_email_public=False,
        phone="972 11 22 33", is_phone_public=False, description="Ball **cada diumenge**.")
    pending = make_association("pending", name="Joves del Nord")
    refused = make_association("refused", council=council, name="Entitat Fantasma")
    informal = make_association("verified", council=council, name="Xarxa de Suport",
                                legal_form="informal_group", tax_id="12345678Z")
    commit()
    return {"council": council, "admin": admin, "place": place, "area": area,
            "verified": verified, "pending": pending, "refused": refused,
            "informal": informal}


# --- the public register ------------------------------------------------------------------------

def test_the_register_shows_public_associations_with_the_mark(client, town):
    page = text(client.get("/associations/"))
    assert "Casal del Barri Vell" in page and "Joves del Nord" in page
    assert "Entitat Fantasma" not in page
    assert page.count('class="badge assoc-verified"') == 2
    assert 'class="badge assoc-pending"' in page
    filtered = text(client.get(f"/associations/?area={town['area'].id}&q=casal"))
    assert "Casal del Barri Vell" in filtered and "Joves del Nord" not in filtered
    assert "Older people" in filtered
    for query in (f"?neighbourhood={HUGE}&area=-1&page={HUGE}", "?q=%ff", "?page=nope"):
        assert client.get("/associations/" + query).status_code == 200
    assert client.get("/associations/?q=%00").status_code == 400


def test_an_association_page_shows_only_what_is_public(client, town):
    page = text(client.get("/associations/casal-del-barri-vell"))
    assert "Ball <strong>cada diumenge</strong>." in page
    assert "https://casal.example.org" in page
    assert "secret-casal@example.org" not in page and "972 11 22 33" not in page
    assert "Marta Soler" not in page and "marta@example.org" not in page
    assert "1 representative" in page
    assert town["verified"].tax_id in page
    assert "Nothing on the platform yet" in page
    informal = text(client.get("/associations/xarxa-de-suport"))
    assert "12345678Z" not in informal  # a person's DNI is never shown


def test_refused_and_unknown_associations_are_404(client, town):
    assert client.get("/associations/entitat-fantasma").status_code == 404
    assert client.get("/associations/no-such-thing").status_code == 404
    assert client.get("/associations/" + "x" * 300).status_code == 404
    login(client, town["admin"])  # not the refused one's administrator
    assert client.get("/associations/entitat-fantasma").status_code == 404


def test_a_refused_associations_administrator_and_the_council_see_it(client, town):
    admin = town["refused"].representatives[0].user
    login(client, admin)
    page = text(client.get("/associations/entitat-fantasma"))
    assert "No consta al registre." in page
    other = client.another()
    login(other, town["council"])
    assert other.get("/associations/entitat-fantasma").status_code == 200


def test_the_activity_registry_fills_the_page(client, town):
    from participa.associations.activity import ActivityItem, register_activity, unregister_activity

    register_activity("tests", "Proves", lambda association: [
        ActivityItem("Una trobada", "/meetings/")] if association.slug.startswith("casal")
        else [])
    try:
        page = text(client.get("/associations/casal-del-barri-vell"))
        assert "Proves" in page and "Una trobada" in page
        assert "Nothing on the platform yet" not in page
        assert "Proves" not in text(client.get("/associations/joves-del-nord"))
    finally:
        unregister_activity("tests")


PRIVATE = ("secret-casal@example.org", "972 11 22 33", "marta@example.org", "Marta Soler",
           "Entitat Fantasma", "12345678Z", "No consta al registre.")


def test_the_open_data_holds_public_fields_only(client, town):
    rows = json.loads(text(client.get("/associations.json")))
    assert {row["name"] for row in rows} == {"Casal del Barri Vell", "Joves del Nord",
                                             "Xarxa de Suport"}
    casal = next(row for row in rows if row["name"] == "Casal del Barri Vell")
    assert casal["website"] == "https://casal.example.org"
    assert casal["email"] is None and casal["phone"] is None
    assert casal["verified"] is True and casal["representatives"] == 1
    assert casal["areas"] == ["Gent gran"] and casal["neighbourhoods"] == ["Barri Vell"]
    assert casal["url"] == "http://participa.test/associations/casal-del-barri-vell"
    assert next(r for r in rows if r["name"] == "Xarxa de Suport")["tax_id"] is None
    csv = client.get("/associations.csv")
    assert csv.status_code == 200 and csv.mimetype == "text/csv"
    for body in (text(csv), json.dumps(rows, ensure_ascii=False)):
        for secret in PRIVATE:
            assert secret not in body
        assert "password" not in body and "created_by" not in body


# --- registering and editing --------------------------------------------------------------------

def test_a_visitor_is_sent_to_sign_in(client, town):
    response = client.get("/associations/new")
    assert response.status_code == 302 and "/accounts/login" in response.location
    assert client.get("/associations/mine").status_code == 302


def test_a_resident_registers_an_association(client, town, outbox):
    resident = factories.person()
    db.session.commit()
    login(client, resident)
    assert client.get("/associations/new").status_code == 200
    nif = next_nif()
    response = post(client, "/associations/new", form(
        name="Amics de la Bici", tax_id=nif.lower(), neighbourhood_ids=[town["place"].id],
        area_ids=[town["area"].id], email="bici@example.org", is_email_public=True))
    assert response.status_code == 302
    assert response.location.endswith("/associations/amics-de-la-bici")
    sync()
    association = db.session.scalar(sa.select(Association).where(Association.tax_id == nif))
    assert association.status == AssociationStatus.PENDING
    assert association.representatives[0].user_id == resident.id
    assert association.neighbourhoods == [town["place"]]
    page = text(client.get(response.location))
    assert "The association is in the register." in page and "bici@example.org" in page
    assert "Pending verification" in page


@pytest.mark.parametrize(("values", "field", "message"), [
    ({"tax_id": "G12345675"}, "tax_id", "This tax id is not valid"),
    ({"tax_id": ""}, "tax_id", "Give the tax id (NIF): only informal groups may have none."),
    ({"name": "Nom\x07"}, "name", "Write this on one line"),
    ({"registry_number": "A\u2028B"}, "registry_number", "Write this on one line"),
    ({"area_ids": ["999999"]}, "area_ids", "Choose areas of work from the list."),
    ({"neighbourhood_ids": ["nope"]}, "neighbourhood_ids", "Choose neighbourhoods from the list."),
    ({"legal_form": "company"}, "legal_form", "Not a valid choice"),
    ({"website": "javascript:alert(1)"}, "website", "starting with https://"),
    ({"email": "not an address"}, "email", "Write a valid e-mail address."),
])
def test_bad_input_gets_a_message_on_its_field_and_changes_nothing(client, town, values, field,
                                                                   message):
    resident = factories.person()
    db.session.commit()
    login(client, resident)
    before = count(Association)
    response = post(client, "/associations/new", form(**values))
    assert response.status_code == 400
    page = text(response)
    assert f'id="{field}-error"' in page and message in page
    sync()
    assert count(Association) == before


def test_a_duplicate_tax_id_is_refused_on_its_field(client, town):
    resident = factories.person()
    db.session.commit()
    login(client, resident)
    response = post(client, "/associations/new", form(tax_id=town["pending"].tax_id))
    assert response.status_code == 400
    assert 'id="tax_id-error"' in text(response)
    assert "already in the register" in text(response)


def test_posts_without_the_csrf_token_are_refused(client, town):
    resident = factories.person()
    db.session.commit()
    login(client, resident)
    before = count(Association), count(AssociationRepresentative)
    assert client.post("/associations/new", data=form()).status_code == 400
    assert client.post("/associations/joves-del-nord/represent").status_code == 400
    sync()
    assert (count(Association), count(AssociationRepresentative)) == before


def test_editing_is_for_representatives_and_the_council(client, town):
    verified = town["verified"]
    stranger = factories.person()
    db.session.commit()
    login(client, stranger)
    assert client.get("/associations/casal-del-barri-vell/edit").status_code == 403
    other = client.another()
    login(other, town["admin"])
    assert other.get("/associations/casal-del-barri-vell/edit").status_code == 200
    response = post(other, "/associations/casal-del-barri-vell/edit", form(
        name="Casal del Barri Vell", tax_id=verified.tax_id, phone="972 11 22 33",
        is_phone_public=True, area_ids=[town["area"].id]))
    assert response.status_code == 302
    assert "972 11 22 33" in text(other.get("/associations/casal-del-barri-vell"))
    assert other.get("/associations/entitat-fantasma/edit").status_code == 404


# --- representatives ------------------------------------------------------------------------

def test_asking_to_represent_and_being_accepted(client, town, outbox):
    town["admin"].locale = "ca"
    jordi = factories.person(name="Jordi Casals")
    db.session.commit()
    login(client, jordi)
    response = post(client, "/associations/casal-del-barri-vell/represent")
    assert response.status_code == 302
    assert "Your request has been sent" in text(client.get(response.location))
    [request_mail] = [m for m in outbox() if m["To"] == "marta@example.org"]
    assert request_mail["Subject"] == "Jordi Casals demana representar «Casal del Barri Vell»"
    again = post(client, "/associations/casal-del-barri-vell/represent")
    assert "You have already asked" in text(client.get(again.location))
    assert client.get("/associations/casal-del-barri-vell/representatives").status_code == 403

    admin = client.another()
    login(admin, town["admin"])
    page = text(admin.get("/associations/casal-del-barri-vell/representatives"))
    assert "Jordi Casals" in page
    sync()
    link = db.session.scalar(sa.select(AssociationRepresentative).where(
        AssociationRepresentative.user_id == jordi.id))
    url = f"/associations/casal-del-barri-vell/representatives/{link.id}"
    assert post(admin, url + "/accept").status_code == 302
    assert refreshed_status(link) == RepresentativeStatus.ACCEPTED
    [answer] = [m for m in outbox() if m["To"] == jordi.email]
    assert answer["Subject"] == 'You now represent "Casal del Barri Vell"'
    assert "You represent this association." in text(
        client.get("/associations/casal-del-barri-vell"))
    assert "Casal del Barri Vell" in text(client.get("/associations/mine"))
    entries = list(db.session.scalars(sa.select(ActionLog.verb).order_by(ActionLog.id)))
    assert entries[-2:] == ["ask_to_represent", "accept_representative"]
    # unknown or foreign links, and nonsense roles
    assert post(admin, "/associations/casal-del-barri-vell/representatives/"
                f"{HUGE}/accept").status_code == 404
    pending_link = town["pending"].representatives[0]
    assert post(admin, "/associations/casal-del-barri-vell/representatives/"
                f"{pending_link.id}/remove").status_code == 404
    assert post(admin, url + "/role", {"role": "boss"}).status_code == 400


def refreshed_status(link):
    sync()
    return db.session.get(AssociationRepresentative, link.id).status


def test_the_last_administrator_stays(client, town):
    login(client, town["admin"])
    [link] = town["verified"].representatives
    url = f"/associations/casal-del-barri-vell/representatives/{link.id}"
    for action, data in (("/remove", {}), ("/role", {"role": "representative"})):
        response = post(client, url + action, data)
        assert response.status_code == 302
        assert "at least one administrator" in text(client.get(response.location))
    sync()
    assert db.session.get(AssociationRepresentative, link.id).is_administrator


def test_a_plain_representative_manages_nobody(client, town):
    plain = factories.person()
    make_link(town["verified"], plain)
    db.session.commit()
    login(client, plain)
    assert client.get("/associations/casal-del-barri-vell/representatives").status_code == 403
    link = town["verified"].representatives[0]
    response = post(client, f"/associations/casal-del-barri-vell/representatives/{link.id}"
                            "/remove")
    assert response.status_code == 403


# --- the council ------------------------------------------------------------------------------

def test_the_councils_pages_are_the_councils(client, town):
    for url in ("/admin/associations/", f"/admin/associations/{town['pending'].id}",
                "/admin/associations/areas/", "/admin/associations/areas/new"):
        assert client.get(url).status_code == 302
    login(client, town["admin"])
    for url in ("/admin/associations/", f"/admin/associations/{town['pending'].id}",
                "/admin/associations/areas/"):
        assert client.get(url).status_code == 403
    assert post(client, f"/admin/associations/{town['pending'].id}/verify").status_code == 403
    sync()
    assert db.session.get(Association, town["pending"].id).is_pending


def test_the_council_verifies_and_the_administrators_are_told_in_their_language(
        client, town, outbox):
    pending = town["pending"]
    admin = pending.representatives[0].user
    admin.locale = "ca"
    db.session.commit()
    login(client, town["council"])
    index = text(client.get("/admin/associations/"))
    assert "Joves del Nord" in index and "Entitat Fantasma" in index
    assert client.get(f"/admin/associations/{HUGE}").status_code == 404
    response = post(client, f"/admin/associations/{pending.id}/verify")
    assert response.status_code == 302
    sync()
    assert db.session.get(Association, pending.id).is_verified
    [mail] = [m for m in outbox() if m["To"] == admin.email]
    assert mail["Subject"] == "«Joves del Nord» ja és una entitat verificada"
    assert "/associations/joves-del-nord" in mail.get_body(("plain",)).get_content()
    again = post(client, f"/admin/associations/{pending.id}/verify")
    assert "already been decided" in text(client.get(again.location))
    assert db.session.scalar(sa.select(ActionLog.verb).order_by(ActionLog.id.desc())) == \
        "verify_association"


def test_the_council_refuses_with_a_reason(client, town, outbox):
    pending = make_association("pending", name="Club Fantasma")
    admin = pending.representatives[0].user
    db.session.commit()
    login(client, town["council"])
    url = f"/admin/associations/{pending.id}"
    empty = post(client, url + "/refuse", {"reason": ""})
    assert empty.status_code == 400 and 'id="reason-error"' in text(empty)
    sync()
    assert db.session.get(Association, pending.id).is_pending
    response = post(client, url + "/refuse", {"reason": "El NIF és d'una altra entitat."})
    assert response.status_code == 302
    sync()
    assert db.session.get(Association, pending.id).is_refused
    [mail] = [m for m in outbox() if m["To"] == admin.email]
    assert "El NIF és d'una altra entitat." in mail.get_body(("plain",)).get_content()
    assert "Club Fantasma" not in text(client.another().get("/associations/"))
    entry = db.session.scalar(sa.select(ActionLog).order_by(ActionLog.id.desc()))
    assert entry.verb == "refuse_association" and entry.data["reason"]


def test_the_council_keeps_the_areas_of_work(client, town):
    login(client, town["council"])
    response = post(client, "/admin/associations/areas/new",
                    {"name": "Esport", "name_es": "Deporte", "name_en": "Sport"})
    assert response.status_code == 302
    duplicate = post(client, "/admin/associations/areas/new", {"name": "esport"})
    assert duplicate.status_code == 400 and 'id="name-error"' in text(duplicate)
    bad = post(client, "/admin/associations/areas/new", {"name": "Es\nport"})
    assert bad.status_code == 400
    sync()
    from participa.associations.models import AreaOfWork

    area = db.session.scalar(sa.select(AreaOfWork).where(AreaOfWork.name == "Esport"))
    assert area.translations == {"es": {"name": "Deporte"}, "en": {"name": "Sport"}}
    edit = post(client, f"/admin/associations/areas/{area.id}/edit",
                {"name": "Esports", "name_en": "Sports"})
    assert edit.status_code == 302
    assert "Esports" in text(client.get("/admin/associations/areas/"))
    assert client.get(f"/admin/associations/areas/{HUGE}/edit").status_code == 404
    assert "Sports" in text(client.get("/associations/"))  # the filter, in English


def test_signed_in_pages_are_not_stored(client, town):
    login(client, town["admin"])
    for url in ("/associations/", "/associations/casal-del-barri-vell", "/associations/mine"):
        assert "no-store" in client.get(url).headers.get("Cache-Control", "")


def test_leaving_an_association_and_withdrawing_a_request(client, town):
    jordi = factories.person(name="Jordi Casals")
    make_link(town["verified"], jordi)
    make_link(town["informal"], jordi, accepted=False)
    db.session.commit()
    signed_out = post(client, "/associations/casal-del-barri-vell/leave")
    assert "/accounts/login" in signed_out.location
    login(client, jordi)
    page = text(client.get("/associations/mine"))
    assert "Leave" in page and "Withdraw the request" in page
    assert client.post("/associations/casal-del-barri-vell/leave").status_code == 400  # CSRF
    response = post(client, "/associations/casal-del-barri-vell/leave")
    assert response.location.endswith("/associations/mine")
    assert "You no longer represent this association." in text(client.get(response.location))
    response = post(client, "/associations/xarxa-de-suport/leave")
    assert "Your request has been withdrawn." in text(client.get(response.location))
    # no link (any more), an unknown association
    assert post(client, "/associations/casal-del-barri-vell/leave").status_code == 404
    assert post(client, "/associations/no-such-one/leave").status_code == 404
    sync()
    assert town["verified"].link_of(jordi) is None and town["informal"].link_of(jordi) is None
    # the last administrator is told why they stay
    admin = client.another()
    login(admin, town["admin"])
    response = post(admin, "/associations/casal-del-barri-vell/leave")
    assert "at least one administrator" in text(admin.get(response.location))
    sync()
    assert town["verified"].link_of(town["admin"]).is_administrator

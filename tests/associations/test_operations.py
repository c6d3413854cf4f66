"""The associations' operations without HTTP: registering (checked input, nothing changes on
bad input), the council's decision, representatives (requests, roles, the last
administrator), areas of work, the ActionLog, and the helpers later features use
(``represented_associations``, ``can_act_for``)."""

import pytest
import sqlalchemy as sa

from participa.associations import operations
from participa.associations.models import (
    Association,
    AssociationRepresentative,
    AssociationStatus,
    RepresentativeRole,
    RepresentativeStatus,
)
from participa.associations.permissions import can_act_for
from participa.associations.queries import list_associations, represented_associations
from participa.core.errors import DomainError
from participa.core.models import ActionLog
from participa.extensions import db
from tests.associations.conftest import details, make_area, make_association, make_link, next_nif
from tests.support import factories


def count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def verbs() -> list[str]:
    return list(db.session.scalars(sa.select(ActionLog.verb).order_by(ActionLog.id)))


def test_registering_makes_a_pending_association_with_its_first_administrator():
    resident = factories.person()
    place = factories.make_neighbourhood()
    area = make_area("Gent gran")
    association = operations.register_association(details(
        name="Casal d'Avis", tax_id=" g-1234567.4 ", neighbourhood_ids=[place.id],
        area_ids=[area.id], website="https://casal.example.org", is_website_public=True,
        email="casal@example.org", is_email_public=False), actor=resident)
    assert association.status == AssociationStatus.PENDING
    assert association.tax_id == "G12345674"
    assert association.slug == "casal-d-avis"
    assert association.neighbourhoods == [place] and association.areas == [area]
    assert association.is_website_public and not association.is_email_public
    assert association.search_text == "casal d'avis\nfem **barri**."
    [link] = association.representatives
    assert link.user_id == resident.id and link.is_administrator
    assert verbs() == ["register_association"]


def test_an_informal_group_needs_no_tax_id_and_a_public_flag_needs_a_value():
    group = operations.register_association(details(
        legal_form="informal_group", tax_id="", is_phone_public=True), actor=factories.person())
    assert group.tax_id is None and not group.is_phone_public


BAD = [
    ({"tax_id": "G12345675"}, "tax_id"),  # wrong control character
    ({"tax_id": ""}, "tax_id"),  # an association needs one
    ({"tax_id": "", "legal_form": "cooperative"}, "tax_id"),
    ({"tax_id": "ABC"}, "tax_id"),
    ({"name": "Nom\nBcc: x"}, "name"),  # a control character in a one-line field
    ({"name": "No\u2028m"}, "name"),
    ({"name": ""}, "name"),
    ({"registry_number": "ENT\r1"}, "registry_number"),
    ({"phone": "972\t11"}, "phone"),
    ({"phone": "truca'm"}, "phone"),
    ({"website": "javascript:alert(1)"}, "website"),
    ({"website": "www.example.org"}, "website"),
    ({"email": "no-és-correu"}, "email"),
    ({"legal_form": "company"}, "legal_form"),
    ({"neighbourhood_ids": [99999]}, "neighbourhood_ids"),
    ({"neighbourhood_ids": ["x"]}, "neighbourhood_ids"),
    ({"area_ids": [2**40]}, "area_ids"),
    ({"description": "x" * 10_001}, "description"),
]


@pytest.mark.parametrize(("values", "field"), BAD)
def test_bad_input_is_refused_on_its_field_and_changes_nothing(values, field):
    resident = factories.person()
    db.session.commit()
    with pytest.raises(DomainError) as refused:
        operations.register_association(details(**values), actor=resident)
    db.session.rollback()
    assert refused.value.field == field
    assert count(Association) == 0 and count(ActionLog) == 0


def test_a_tax_id_is_unique_in_the_register():
    first = make_association("pending")
    db.session.commit()
    with pytest.raises(DomainError) as refused:
        operations.register_association(details(tax_id=first.tax_id.lower()),
                                        actor=factories.person())
    assert refused.value.field == "tax_id"
    db.session.rollback()
    assert count(Association) == 1


def test_the_database_refuses_what_must_never_happen(app):
    association = make_association("pending")
    db.session.commit()
    for statement in (
        sa.update(Association).values(tax_id=None),  # an association without a tax id
        sa.update(Association).values(status="refused"),  # refused without a reason
        sa.update(Association).values(status="verified"),  # verified without its date
    ):
        with pytest.raises(sa.exc.IntegrityError):
            with db.session.begin_nested():
                db.session.execute(statement)
    person = factories.person()
    db.session.add(AssociationRepresentative(association_id=association.id, user_id=person.id))
    db.session.flush()
    with pytest.raises(sa.exc.IntegrityError):  # one link per person and association
        with db.session.begin_nested():
            db.session.add(AssociationRepresentative(association_id=association.id,
                                                     user_id=person.id))
            db.session.flush()
    with pytest.raises(sa.exc.IntegrityError):  # only an accepted person administers
        with db.session.begin_nested():
            db.session.execute(sa.update(AssociationRepresentative).where(
                AssociationRepresentative.user_id == person.id).values(role="administrator"))


def test_the_council_verifies_or_refuses_once():
    council = factories.person("council")
    association = make_association("pending")
    operations.verify_association(association, actor=council)
    assert association.is_verified and association.verified_at is not None
    with pytest.raises(DomainError):
        operations.refuse_association(association, "Tard", actor=council)
    other = make_association("pending")
    with pytest.raises(DomainError) as refused:
        operations.refuse_association(other, "  ", actor=council)
    assert refused.value.field == "reason"
    operations.refuse_association(other, "No consta al registre municipal.", actor=council)
    assert other.is_refused and other.refusal_reason == "No consta al registre municipal."
    assert [v for v in verbs() if v != "register_association"] == [
        "verify_association", "refuse_association"]


def test_only_the_council_decides():
    association = make_association("pending")
    admin = association.representatives[0].user
    for person in (admin, factories.person()):
        with pytest.raises(DomainError):
            operations.verify_association(association, actor=person)
        with pytest.raises(DomainError):
            operations.refuse_association(association, "No", actor=person)
    assert association.is_pending


def test_refused_associations_leave_the_register():
    shown = make_association("verified", name="Amics del Riu")
    make_association("pending", name="Amics del Pont")
    make_association("refused", name="Amics de la Bassa")
    names = [a.name for a in list_associations(q="amics").items]
    assert names == ["Amics del Pont", "Amics del Riu"]
    assert shown.is_verified


def test_the_register_searches_words_without_accents_and_filters():
    place, area = factories.make_neighbourhood(), make_area()
    make_association(name="Associació Cultural Sardanista", neighbourhood_ids=[place.id])
    make_association(name="Penya Ciclista", description="Sortides en bicicleta",
                     area_ids=[area.id])
    assert [a.name for a in list_associations(q="ASSOCIACIO sardanista").items] == [
        "Associació Cultural Sardanista"]
    assert [a.name for a in list_associations(q="bicicleta").items] == ["Penya Ciclista"]
    assert [a.name for a in list_associations(neighbourhood_id=place.id).items] == [
        "Associació Cultural Sardanista"]
    assert [a.name for a in list_associations(area_id=area.id).items] == ["Penya Ciclista"]
    assert list_associations(q="100%_").items == []


def test_asking_to_represent_then_accepting_and_refusing():
    association = make_association("verified")
    admin = association.representatives[0].user
    marta, jordi = factories.person(), factories.person()
    link = operations.ask_to_represent(association, actor=marta)
    assert link.status == RepresentativeStatus.REQUESTED
    assert not can_act_for(marta, association)
    with pytest.raises(DomainError):
        operations.ask_to_represent(association, actor=marta)
    with pytest.raises(DomainError):  # a plain resident does not answer requests
        operations.accept_representative(link, actor=jordi)
    operations.accept_representative(link, actor=admin)
    assert link.is_accepted and can_act_for(marta, association)
    assert represented_associations(marta) == [association]
    with pytest.raises(DomainError):
        operations.accept_representative(link, actor=admin)
    other = operations.ask_to_represent(association, actor=jordi)
    operations.refuse_representative(other, actor=factories.person("council"))
    assert other.status == RepresentativeStatus.REFUSED and not can_act_for(jordi, association)
    with pytest.raises(DomainError):  # a refused person cannot ask again
        operations.ask_to_represent(association, actor=jordi)
    assert verbs()[-4:] == ["ask_to_represent", "accept_representative", "ask_to_represent",
                            "refuse_representative"]


def test_acting_for_needs_a_verified_association():
    pending = make_association("pending")
    admin = pending.representatives[0].user
    assert not can_act_for(admin, pending) and represented_associations(admin) == []
    operations.verify_association(pending, actor=factories.person("council"))
    assert can_act_for(admin, pending) and represented_associations(admin) == [pending]
    refused = make_association("refused")
    refused_admin = refused.representatives[0].user
    assert not can_act_for(refused_admin, refused)
    assert represented_associations(refused_admin) == []


def test_the_last_administrator_is_neither_removed_nor_demoted():
    association = make_association("verified")
    [admin_link] = association.representatives
    db.session.commit()
    for attempt in (
        lambda: operations.remove_representative(admin_link, actor=admin_link.user),
        lambda: operations.change_representative_role(admin_link, "representative",
                                                      actor=admin_link.user),
        lambda: operations.remove_representative(admin_link,
                                                 actor=factories.person("council")),
    ):
        with pytest.raises(DomainError) as refused:
            attempt()
        assert refused.value.message is operations.LAST_ADMINISTRATOR
        db.session.rollback()
    db.session.refresh(admin_link)
    assert admin_link.is_administrator
    # with a second administrator, the first may step down, then be removed
    helper = make_link(association, factories.person(), administrator=True)
    assert helper.is_administrator
    operations.change_representative_role(admin_link, RepresentativeRole.REPRESENTATIVE,
                                           actor=helper.user)
    assert not admin_link.is_administrator and admin_link.is_accepted
    operations.remove_representative(admin_link, actor=helper.user)
    assert [r.user_id for r in association.representatives] == [helper.user_id]
    with pytest.raises(DomainError):  # now the helper is the last one
        operations.change_representative_role(helper, "representative", actor=helper.user)
    with pytest.raises(DomainError):
        operations.change_representative_role(helper, "boss", actor=helper.user)


def test_a_plain_representative_does_not_manage_representatives():
    association = make_association("verified")
    plain = make_link(association, factories.person())
    asking = operations.ask_to_represent(association, actor=factories.person())
    with pytest.raises(DomainError):
        operations.accept_representative(asking, actor=plain.user)
    with pytest.raises(DomainError):
        operations.remove_representative(association.representatives[0], actor=plain.user)


def test_representatives_edit_the_details_not_the_verification():
    association = make_association("verified")
    plain = make_link(association, factories.person())
    db.session.commit()
    operations.update_association(association, details(
        name="Nou nom", tax_id=association.tax_id, email="hola@example.org",
        is_email_public=True), actor=plain.user)
    assert association.name == "Nou nom" and association.is_verified
    assert association.is_email_public
    with pytest.raises(DomainError) as refused:  # a verified association's tax id
        operations.update_association(association, details(tax_id=next_nif()),
                                      actor=plain.user)
    assert refused.value.field == "tax_id"
    db.session.rollback()
    with pytest.raises(DomainError):  # someone who does not represent it
        operations.update_association(association, details(tax_id=association.tax_id),
                                      actor=factories.person())


def test_areas_of_work_are_the_councils_with_translations():
    council = factories.person("council")
    area = operations.add_area({"name": "Esport"}, actor=council,
                               translations={"es": {"name": "Deporte"},
                                             "en": {"name": "Sport"}})
    assert area.text_in("name", "es") == "Deporte"
    with pytest.raises(DomainError):
        operations.add_area({"name": "esport"}, actor=council)
    with pytest.raises(DomainError):
        operations.add_area({"name": "Cultura"}, actor=factories.person())
    with pytest.raises(DomainError):
        operations.add_area({"name": "Cul\ntura"}, actor=council)
    operations.update_area(area, {"name": "Esports"}, actor=council,
                           translations={"es": {"name": "Deportes"}})
    assert area.name == "Esports" and area.text_in("name", "en") == "Esports"
    assert verbs() == ["add_area_of_work", "update_area_of_work"]


def test_a_blocked_account_neither_registers_nor_acts():
    from participa.core.types import utcnow

    association = make_association("verified")
    admin = association.representatives[0].user
    admin.blocked_at = utcnow()
    assert not can_act_for(admin, association)
    assert represented_associations(admin) == []
    with pytest.raises(DomainError):
        operations.register_association(details(), actor=admin)


def test_a_person_leaves_on_their_own_and_withdraws_a_request():
    association = make_association("verified")
    member, asker, other = factories.person(), factories.person(), factories.person()
    member_link = make_link(association, member)
    request = make_link(association, asker, accepted=False)
    db.session.commit()
    with pytest.raises(DomainError) as refused:  # someone else's link: not theirs to end
        operations.leave_association(member_link, actor=other)
    assert refused.value.message is operations.NOT_ALLOWED
    db.session.rollback()
    operations.leave_association(member_link, actor=member)
    operations.leave_association(request, actor=asker)
    db.session.commit()
    assert [r.user_id for r in association.representatives] == [
        association.representatives[0].user_id]
    assert association.link_of(member) is None and association.link_of(asker) is None
    assert not can_act_for(member, association)
    logged = db.session.scalars(sa.select(ActionLog.verb).where(
        ActionLog.verb == "leave_association")).all()
    assert len(logged) == 2
    # they may ask again
    operations.ask_to_represent(association, actor=member)


def test_the_last_administrator_cannot_leave():
    association = make_association("verified")
    [admin_link] = association.representatives
    db.session.commit()
    with pytest.raises(DomainError) as refused:
        operations.leave_association(admin_link, actor=admin_link.user)
    assert refused.value.message is operations.LAST_ADMINISTRATOR
    db.session.rollback()
    helper = make_link(association, factories.person(), administrator=True)
    operations.leave_association(admin_link, actor=admin_link.user)
    assert [r.user_id for r in association.representatives] == [helper.user_id]

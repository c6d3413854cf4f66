"""The demo town's associations: a dozen, all verified but one, with valid tax ids, areas in
three languages and representatives among the demo accounts; seeding twice adds nothing."""

import sqlalchemy as sa

from participa.accounts.queries import get_user_by_email
from participa.associations import taxid
from participa.associations.models import AreaOfWork, Association, AssociationStatus
from participa.associations.permissions import can_act_for, is_administrator
from participa.associations.queries import represented_associations
from participa.core.types import utcnow
from participa.extensions import db
from participa.seed import seed_demo
from participa.seed.associations import seed_associations
from tests.support.web import text


def test_the_demo_town_has_its_associations(app, client):
    seed_demo()
    db.session.commit()
    associations = list(db.session.scalars(sa.select(Association)))
    assert len(associations) == 12
    states = [a.status for a in associations]
    assert states.count(AssociationStatus.PENDING) == 1
    assert states.count(AssociationStatus.VERIFIED) == 11
    assert all(taxid.kind_of(a.tax_id) == taxid.ORGANISATION
               for a in associations if a.legal_form.value != "informal_group")
    assert any(a.tax_id is None for a in associations)
    area = db.session.scalar(sa.select(AreaOfWork).where(AreaOfWork.name == "Gent gran"))
    assert area.text_in("name", "en") == "Older people"

    barri_vell = db.session.scalar(sa.select(Association).where(
        Association.slug == "associacio-de-veins-del-barri-vell"))
    marta = get_user_by_email("marta@riuclar.example")
    jordi = get_user_by_email("jordi@riuclar.example")
    fatima = get_user_by_email("fatima@riuclar.example")
    assert is_administrator(marta, barri_vell) and can_act_for(marta, barri_vell)
    assert can_act_for(jordi, barri_vell) and not is_administrator(jordi, barri_vell)
    assert not can_act_for(fatima, barri_vell)  # she has asked; Marta has to answer
    assert barri_vell in represented_associations(marta)
    assert {a.name for a in represented_associations(fatima)} == {
        "Associació de Dones Migrades Teixint Riuclar"}

    assert seed_associations(utcnow()) == 0  # idempotent
    page = text(client.get("/associations/"))
    assert "Associació de Veïns de Les Basses" in page and "Club Esportiu Riuclar" in page

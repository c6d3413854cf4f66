"""The demo town's plan tables: each active plan with its neighbourhood's associations and the
public services that work there, a few residents who joined and one who has asked to (so the
facilitator has a request to answer). Runs after the associations; adds nothing to a plan that
already has members."""

import sqlalchemy as sa

from participa.accounts.models import User
from participa.associations.models import Association, AssociationStatus
from participa.extensions import db
from participa.plans.models import (
    CommunityPlan,
    MemberKind,
    MemberStatus,
    PlanMember,
    ServiceKind,
)

# plan slug → (associations by name, public services (name, kind, contact), residents who joined
# by e-mail, a resident who has asked)
TABLES = {
    "pla-comunitari-barri-vell": (
        ["Associació de Veïns del Barri Vell", "Casal de la Gent Gran del Barri Vell"],
        [("CAP Riuclar Centre", ServiceKind.HEALTH, "972 40 00 10"),
         ("Serveis Socials Bàsics Centre", ServiceKind.SOCIAL_SERVICES,
          "ssb.centre@riuclar.example · dimarts i dijous de 9 a 14 h"),
         ("Escola Pla de l'Ametller", ServiceKind.EDUCATION, "972 40 22 33"),
         ("Biblioteca Mercè Rodoreda", ServiceKind.CULTURE, "biblioteca@riuclar.example")],
        ["marta@riuclar.example", "jordi@riuclar.example"],
        "fatima@riuclar.example",
    ),
    "pla-comunitari-sant-roc-can-puig": (
        ["Associació de Veïns de Sant Roc", "Associació de Veïns de Can Puig",
         "Grup de Joves del Casal del Nord"],
        [("Serveis Socials Bàsics Nord", ServiceKind.SOCIAL_SERVICES, "972 40 31 00"),
         ("CAP Riuclar Nord", ServiceKind.HEALTH, "972 40 00 20"),
         ("Punt d'Informació Juvenil del Nord", ServiceKind.YOUTH, "pij.nord@riuclar.example")],
        ["vei01@riuclar.example", "vei02@riuclar.example"],
        None,
    ),
}


def seed_plan_members() -> int:
    created = 0
    for slug, (associations, services, joined, asking) in TABLES.items():
        plan = db.session.scalar(sa.select(CommunityPlan).where(CommunityPlan.slug == slug))
        if plan is None or db.session.scalar(
                sa.select(PlanMember.id).where(PlanMember.plan_id == plan.id).limit(1)):
            continue
        for association in db.session.scalars(sa.select(Association).where(
                Association.name.in_(associations),
                Association.status == AssociationStatus.VERIFIED)):
            db.session.add(PlanMember(plan=plan, kind=MemberKind.ASSOCIATION,
                                      association=association))
            created += 1
        for name, kind, contact in services:
            db.session.add(PlanMember(plan=plan, kind=MemberKind.SERVICE, name=name,
                                      service_kind=kind, contact=contact))
            created += 1
        people = [*joined, asking] if asking else joined
        for person in db.session.scalars(sa.select(User).where(User.email.in_(people))):
            db.session.add(PlanMember(
                plan=plan, kind=MemberKind.RESIDENT, user=person,
                status=MemberStatus.REQUESTED if person.email == asking else MemberStatus.MEMBER))
            created += 1
    db.session.flush()
    return created

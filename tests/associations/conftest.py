"""Builders for the associations' tests: areas of work, an association in any state with its
administrator, and a person's link to it."""

import pytest

from participa.associations import operations
from participa.associations.models import AreaOfWork
from participa.associations.taxid import organisation_nif
from participa.extensions import db
from tests.support import factories

_serial = iter(range(1000, 9_999_999))


def next_nif(letter="G") -> str:
    return organisation_nif(letter, f"{next(_serial):07d}")


def make_area(name=None, **translations) -> AreaOfWork:
    area = AreaOfWork(name=name or f"Àmbit {next(_serial)}",
                      translations={k: {"name": v} for k, v in translations.items()})
    db.session.add(area)
    db.session.flush()
    return area


def details(**values) -> dict:
    data = {"name": f"Associació {next(_serial)}", "legal_form": "association",
            "tax_id": next_nif(), "registry_number": "ENT-1", "description": "Fem **barri**.",
            "neighbourhood_ids": [], "area_ids": [], "website": "", "email": "", "phone": "",
            "is_website_public": False, "is_email_public": False, "is_phone_public": False}
    data.update(values)
    return data


def make_association(state="verified", *, admin=None, council=None, **values):
    """An association registered by ``admin`` (a new resident if None), then verified or
    refused by ``council`` (a new council member if None) when ``state`` asks."""
    admin = admin or factories.person()
    association = operations.register_association(details(**values), actor=admin)
    if state != "pending":
        council = council or factories.person("council")
        if state == "verified":
            operations.verify_association(association, actor=council)
        else:
            operations.refuse_association(association, "No consta al registre.", actor=council)
    return association


def make_link(association, person, *, accepted=True, administrator=False):
    link = operations.ask_to_represent(association, actor=person)
    if accepted:
        admin = next(r.user for r in association.representatives if r.is_administrator)
        operations.accept_representative(link, actor=admin)
        if administrator:
            operations.change_representative_role(link, "administrator", actor=admin)
    return link


@pytest.fixture
def association(commit):
    association = make_association("verified")
    commit()
    return association

"""Builders for the volunteering tests: an association in any state with a representative,
an opportunity's details, and an opportunity (published by default)."""

import itertools
from datetime import timedelta

import pytest

from participa.associations import operations as associations
from participa.associations.taxid import organisation_nif
from participa.core.types import utcnow
from participa.volunteering import operations
from tests.support import factories

_serial = itertools.count(3_100_000)


def make_association(state="verified", *, admin=None):
    """An association registered by ``admin`` (a new person if None), verified by a new
    council member unless ``state`` is "pending"."""
    admin = admin or factories.person()
    association = associations.register_association({
        "name": f"Associació {next(_serial)}", "legal_form": "association",
        "tax_id": organisation_nif("G", f"{next(_serial):07d}"), "registry_number": "",
        "description": "", "neighbourhood_ids": [], "area_ids": [], "website": "",
        "email": "", "phone": "", "is_website_public": False, "is_email_public": False,
        "is_phone_public": False,
    }, actor=admin)
    if state == "verified":
        associations.verify_association(association, actor=factories.person("council"))
    return association


def add_representative(association, person=None):
    """``person`` (a new one if None) as an accepted representative of ``association``."""
    person = person or factories.person()
    link = associations.ask_to_represent(association, actor=person)
    admin = next(r.user for r in association.representatives if r.is_administrator)
    associations.accept_representative(link, actor=admin)
    return person


def details(**values) -> dict:
    start = utcnow().replace(microsecond=0) + timedelta(days=7)
    data = {"title": "Muntatge de la Festa Major", "description": "Carreguem **cadires**.",
            "schedule": "once", "starts_at": start, "ends_at": start + timedelta(hours=3),
            "recurrence": "", "place": "Plaça del Mercat", "address": "Plaça del Mercat, 1",
            "neighbourhood_id": None, "facility_id": None, "places": 3,
            "skills": "Força i bon humor", "contact": "festa@riuclar.example",
            "area_ids": []}
    data.update(values)
    return data


def make_opportunity(actor=None, *, association=None, publish=True, **values):
    """An opportunity posted by ``actor`` (a new council member if None) for ``association``
    (None: the council), published unless ``publish`` is False."""
    actor = actor or factories.person("council")
    opportunity = operations.create_opportunity(details(**values), actor=actor,
                                                association=association)
    if publish:
        operations.publish_opportunity(opportunity, actor=actor)
    return opportunity


@pytest.fixture
def council_member():
    return factories.person("council")


@pytest.fixture
def opportunity(council_member):
    return make_opportunity(council_member)

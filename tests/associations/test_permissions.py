"""Who may do what with associations: a grid of the person's role (visitor, resident,
representative, the association's administrator, council) by the association's state
(pending, verified, refused), for every predicate the pages and operations share."""

import pytest
from flask_login import AnonymousUserMixin

from participa.associations import permissions as p
from tests.associations.conftest import make_association, make_link
from tests.support import factories

ROLES = ("visitor", "resident", "representative", "administrator", "council")
STATES = ("pending", "verified", "refused")

# (predicate, {state: set of roles allowed})
GRID = {
    "can_view_association": {
        "pending": set(ROLES), "verified": set(ROLES), "refused": {"administrator", "council"}},
    "can_ask_to_represent": {
        "pending": {"resident", "council"}, "verified": {"resident", "council"}, "refused": set()},
    "can_edit_association": {
        "pending": {"representative", "administrator", "council"},
        "verified": {"representative", "administrator", "council"}, "refused": set()},
    "can_manage_representatives": {
        "pending": {"administrator", "council"}, "verified": {"administrator", "council"},
        "refused": set()},
    "can_verify_association": {"pending": {"council"}, "verified": set(), "refused": set()},
    "can_refuse_association": {"pending": {"council"}, "verified": set(), "refused": set()},
    "can_act_for": {
        "pending": set(), "verified": {"representative", "administrator"}, "refused": set()},
}


def someone(role, association):
    if role == "visitor":
        return AnonymousUserMixin()
    if role == "council":
        return factories.person("council")
    if role == "administrator":
        return association.representatives[0].user
    person = factories.person()
    if role == "representative":
        link = make_link(association, person)
        association.representatives  # noqa: B018 - loaded with the new link
        assert link.is_accepted
    return person


def built(state):
    association = make_association("pending" if state == "refused" else state)
    return association


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("predicate", sorted(GRID))
def test_grid(predicate, role, state):
    association = built(state)
    user = someone(role, association)
    if state == "refused":
        from participa.associations import operations

        operations.refuse_association(association, "No", actor=factories.person("council"))
    allowed = role in GRID[predicate][state]
    assert getattr(p, predicate)(user, association) is allowed


@pytest.mark.parametrize("role", ROLES)
def test_registering_and_the_areas(role):
    association = make_association("pending")
    user = someone(role, association)
    assert p.can_register_association(user) is (role != "visitor")
    assert p.can_manage_areas(user) is (role == "council")


def test_a_blocked_representative_does_nothing_for_it():
    from participa.core.types import utcnow

    association = make_association("verified")
    admin = association.representatives[0].user
    admin.blocked_at = utcnow()
    for predicate in ("can_edit_association", "can_manage_representatives", "can_act_for",
                      "can_ask_to_represent"):
        assert not getattr(p, predicate)(admin, association)
    assert not p.can_register_association(admin)
    assert not p.can_act_for(admin, None)

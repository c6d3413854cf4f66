"""Who may do what with an opportunity: visitor, resident, a representative of the verified
association that posted it, a representative of an unverified association, and the council,
across the opportunity's status."""

from datetime import timedelta

import pytest
from flask_login import AnonymousUserMixin

from participa.core.types import utcnow
from participa.volunteering import operations
from participa.volunteering.permissions import (
    PostRefusal,
    SignupRefusal,
    can_cancel_opportunity,
    can_close_opportunity,
    can_contact_volunteers,
    can_edit_opportunity,
    can_leave,
    can_post_for,
    can_publish_opportunity,
    can_see_volunteers,
    can_view_opportunity,
    why_not_post,
    why_not_sign_up,
)
from tests.support import factories
from tests.volunteering.conftest import add_representative, make_association, make_opportunity

ROLES = ["visitor", "resident", "representative", "unverified_representative", "council"]
STATUSES = ["draft", "published", "closed", "cancelled"]


def _setting(status):
    verified = make_association("verified")
    representative = add_representative(verified)
    unverified = make_association("pending")
    unverified_rep = add_representative(unverified)
    opportunity = make_opportunity(representative, association=verified,
                                   publish=status != "draft")
    if status == "closed":
        operations.close_opportunity(opportunity, actor=representative)
    elif status == "cancelled":
        operations.cancel_opportunity(opportunity, actor=representative)
    people = {"visitor": AnonymousUserMixin(), "resident": factories.person(),
              "representative": representative, "unverified_representative": unverified_rep,
              "council": factories.person("council")}
    return opportunity, people, verified, unverified


# what each role may do, by status (True where allowed)
MANAGE = {"representative", "council"}
EXPECTED = {
    "view": {"draft": MANAGE, "published": set(ROLES), "closed": set(ROLES),
             "cancelled": set(ROLES)},
    "edit": {"draft": MANAGE, "published": MANAGE, "closed": set(), "cancelled": set()},
    "publish": {"draft": MANAGE, "published": set(), "closed": set(), "cancelled": set()},
    "close": {"draft": set(), "published": MANAGE, "closed": set(), "cancelled": set()},
    "cancel": {"draft": MANAGE, "published": MANAGE, "closed": set(), "cancelled": set()},
    "see_volunteers": {s: MANAGE for s in STATUSES},
    "contact": {"draft": set(), "published": MANAGE, "closed": MANAGE, "cancelled": MANAGE},
    "sign_up": {"draft": set(), "published": set(ROLES) - {"visitor"}, "closed": set(),
                "cancelled": set()},
}
PREDICATES = {
    "view": can_view_opportunity, "edit": can_edit_opportunity,
    "publish": can_publish_opportunity, "close": can_close_opportunity,
    "cancel": can_cancel_opportunity, "see_volunteers": can_see_volunteers,
    "contact": can_contact_volunteers,
    "sign_up": lambda user, o: why_not_sign_up(user, o) is None,
}


@pytest.mark.parametrize("status", STATUSES)
def test_permission_grid(status):
    opportunity, people, _verified, _unverified = _setting(status)
    for verb, predicate in PREDICATES.items():
        for role in ROLES:
            allowed = role in EXPECTED[verb][status]
            assert predicate(people[role], opportunity) is allowed, (verb, role, status)


@pytest.mark.parametrize("role, organiser, refusal", [
    ("visitor", "council", PostRefusal.SIGN_IN),
    ("resident", "council", PostRefusal.COUNCIL_ONLY),
    ("council", "council", None),
    ("representative", "council", PostRefusal.COUNCIL_ONLY),
    ("resident", "verified", PostRefusal.NOT_REPRESENTATIVE),
    ("council", "verified", PostRefusal.NOT_REPRESENTATIVE),
    ("representative", "verified", None),
    ("unverified_representative", "verified", PostRefusal.NOT_REPRESENTATIVE),
    ("unverified_representative", "unverified", PostRefusal.UNVERIFIED),
    ("representative", "unverified", PostRefusal.NOT_REPRESENTATIVE),
])
def test_who_posts_for_whom(role, organiser, refusal):
    _opportunity, people, verified, unverified = _setting("draft")
    association = {"council": None, "verified": verified, "unverified": unverified}[organiser]
    assert why_not_post(people[role], association) is refusal
    assert can_post_for(people[role], association) is (refusal is None)


def test_a_blocked_representative_manages_nothing():
    opportunity, people, _verified, _unverified = _setting("published")
    representative = people["representative"]
    representative.blocked_at = utcnow()
    assert not can_edit_opportunity(representative, opportunity)
    assert why_not_sign_up(representative, opportunity) is not None


def test_sign_up_reasons(council_member):
    start = utcnow() + timedelta(days=1)
    opportunity = make_opportunity(council_member, starts_at=start,
                                   ends_at=start + timedelta(hours=2))
    person = factories.person()
    assert why_not_sign_up(AnonymousUserMixin(), opportunity) is SignupRefusal.SIGN_IN
    assert why_not_sign_up(person, opportunity,
                           now=start + timedelta(hours=2)) is SignupRefusal.PAST
    signup = operations.sign_up(opportunity, actor=person)
    assert why_not_sign_up(person, opportunity, signup=signup) is SignupRefusal.ALREADY
    assert can_leave(person, opportunity, signup=signup)
    assert not can_leave(person, opportunity, signup=signup, now=start + timedelta(hours=3))
    assert not can_leave(factories.person(), opportunity, signup=signup)

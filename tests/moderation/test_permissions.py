"""Who may report, moderate, block and appeal: grids of role × kind of item, checked with the
same pure predicates the views (403) and templates (buttons) use."""

import pytest
from flask_login import AnonymousUserMixin

from participa.moderation import operations
from participa.moderation.permissions import (
    can_appeal,
    can_block_user,
    can_manage_process,
    can_moderate,
    can_report,
    can_see_moderation_queue,
)
from tests.support import factories
from tests.support.moderation import KINDS, make_item, moderation_process, report, report_by

REPORTERS = ("visitor", "resident", "author", "blocked")
MODERATORS = ("visitor", "resident", "facilitator", "other_facilitator", "council")


@pytest.fixture
def process():
    return moderation_process()


@pytest.fixture
def author():
    return factories.make_user()


def _blocked_person():
    person = factories.make_user()
    operations.block_user(person, actor=factories.make_user("council"))
    return person


def _moderator(role, process):
    if role == "visitor":
        return AnonymousUserMixin()
    if role == "facilitator":
        return factories.make_user("facilitator", process=process)
    if role == "other_facilitator":
        return factories.make_user("facilitator", process=factories.make_process())
    return factories.make_user("council" if role == "council" else "resident")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("role", REPORTERS)
def test_can_report(role, kind, process, author, facilitator):
    item = make_item(kind, process, author, facilitator=facilitator)
    owner = facilitator if kind == "meeting" else author
    user = {"visitor": AnonymousUserMixin, "resident": factories.make_user,
            "author": lambda: owner, "blocked": _blocked_person}[role]()

    allowed = can_report(user, item)

    assert allowed is (role == "resident")


@pytest.mark.parametrize("target", ["process item", "profile"])
@pytest.mark.parametrize("role", MODERATORS)
def test_can_moderate(role, target, process, author):
    item = make_item("comment" if target == "process item" else "user", process, author)
    moderation, _, _ = report(item, factories.make_user())
    user = _moderator(role, process)

    expected = role == "council" or (role == "facilitator" and target == "process item")

    assert can_moderate(user, moderation) is expected
    assert can_manage_process(user, moderation.process) is expected


@pytest.mark.parametrize("role, sees", [("visitor", False), ("resident", False),
                                        ("facilitator", True), ("other_facilitator", True),
                                        ("council", True)])
def test_can_see_the_queue(role, sees, process):
    assert can_see_moderation_queue(_moderator(role, process)) is sees


@pytest.mark.parametrize("role, target, allowed", [
    ("council", "resident", True),
    ("council", "facilitator", True),
    ("council", "council", False),
    ("council", "self", False),
    ("facilitator", "resident", False),
    ("resident", "resident", False),
    ("visitor", "resident", False),
])
def test_can_block_user(role, target, allowed, process):
    user = _moderator(role, process)
    person = {"resident": factories.make_user, "council": lambda: factories.make_user("council"),
              "facilitator": lambda: factories.make_user("facilitator", process=process),
              "self": lambda: user}[target]()
    assert can_block_user(user, person) is allowed


@pytest.mark.parametrize("situation, who, allowed", [
    ("hidden", "author", True),
    ("hidden", "resident", False),
    ("hidden", "facilitator", False),
    ("hidden", "council", False),
    ("hidden", "visitor", False),
    ("reported", "author", False),
    ("restored", "author", False),
    ("appealed", "author", False),
])
def test_can_appeal(situation, who, allowed, process, author):
    item = make_item("comment", process, author)
    facilitator = factories.make_user("facilitator", process=process)
    _, (moderation, _, _) = report_by(item, 1 if situation == "reported" else 3)
    if situation == "restored":
        operations.unhide_target(moderation, actor=facilitator)
    elif situation == "appealed":
        operations.appeal(moderation, "Torneu-lo a mostrar.", actor=author)
    user = {"author": author, "resident": factories.make_user(), "facilitator": facilitator,
            "council": factories.make_user("council"), "visitor": AnonymousUserMixin()}[who]

    assert can_appeal(user, moderation) is allowed


@pytest.mark.parametrize("role", ["facilitator", "council"])
def test_nobody_moderates_their_own_content(role, process):
    """A facilitator whose comment was reported (or a council member whose profile was) cannot
    restore it or answer their own appeal: another moderator decides."""
    moderator = _moderator(role, process)
    item = make_item("comment" if role == "facilitator" else "user", process, moderator)
    moderation, _, _ = report(item, factories.make_user())
    assert can_moderate(moderator, moderation) is False
    assert can_moderate(_moderator("council", process), moderation) is True

"""What the moderation client tests share: the people and a reported comment."""

import pytest

from tests.support import factories
from tests.support.comments import make_comment
from tests.support.moderation import COMMENT_TEXT, moderation_process
from tests.support.proposals import make_proposal


@pytest.fixture
def process():
    return moderation_process(title="Pressupostos del Raval")


@pytest.fixture
def author():
    return factories.make_user(name="Aina Autora", email="aina@example.org", locale="en")


@pytest.fixture
def other():
    return factories.make_user(name="Biel Veí", email="biel@example.org", locale="en")


@pytest.fixture
def facilitator(process):
    return factories.make_user("facilitator", process=process, name="Fina Facilitadora",
                               email="fina@example.org", locale="en")


@pytest.fixture
def council():
    return factories.make_user("council", name="Carme Consell", email="carme@example.org",
                               locale="en")


@pytest.fixture
def comment(process, author):
    proposal = make_proposal(process, factories.make_user(), title="Bancs a la plaça")
    return make_comment(proposal, author, COMMENT_TEXT)

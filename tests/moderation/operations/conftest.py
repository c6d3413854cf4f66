"""What the moderation operation tests share: English refusals, the people, a comment."""

import pytest
from flask_babel import force_locale

from participa.extensions import db
from participa.moderation.models import ModerationStatus
from tests import factories
from tests.moderation.helpers import make_comment, make_item, moderation_process
from tests.proposals.helpers import make_proposal

HIDDEN, PENDING, RESTORED, IGNORED = (ModerationStatus.HIDDEN, ModerationStatus.PENDING,
                                      ModerationStatus.RESTORED, ModerationStatus.IGNORED)


@pytest.fixture(autouse=True)
def _english():
    """The refusals are matched by their English text, whatever the default language."""
    with force_locale("en"):
        yield


@pytest.fixture
def process():
    return moderation_process()


@pytest.fixture
def author():
    return factories.make_user(name="Aina Autora")


@pytest.fixture
def comment(process, author):
    return make_comment(make_proposal(process, factories.make_user()), author, "Ets un ruc.")


def item_of(kind, process, author, facilitator):
    return make_item(kind, process, author, facilitator=facilitator)


def fresh(obj):
    db.session.refresh(obj)
    return obj

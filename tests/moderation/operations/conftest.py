"""What the moderation operation tests share: English refusals, the people, a comment."""

import pytest
from flask_babel import force_locale

from tests.support import factories
from tests.support.comments import make_comment
from tests.support.moderation import moderation_process
from tests.support.proposals import make_proposal


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

import pytest

from tests.support import factories


@pytest.fixture
def author():
    return factories.make_user("resident", name="Aina Autora", email="aina@example.org",
                               locale="en")


@pytest.fixture
def other():
    return factories.make_user("resident", name="Biel Veí", email="biel@example.org",
                               locale="en")


@pytest.fixture
def facilitator(process):
    return factories.make_user("facilitator", process=process, locale="en")


@pytest.fixture
def council():
    return factories.make_user("council", locale="en")

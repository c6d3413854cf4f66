import pytest

from tests.support.comments import make_target, veteran


@pytest.fixture
def author():
    return veteran(name="Aina Autora")


@pytest.fixture
def other():
    return veteran(name="Biel Veí")


@pytest.fixture
def proposal(process):
    return make_target("proposal", process)

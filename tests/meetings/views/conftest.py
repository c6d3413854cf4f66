"""What the meetings client tests share: English-speaking people and a published meeting."""

import pytest

from tests.support.factories import person
from tests.support.meetings import make_meeting


@pytest.fixture
def resident():
    return person()


@pytest.fixture
def facilitator(process):
    return person("facilitator", process=process)


@pytest.fixture
def council():
    return person("council")


@pytest.fixture
def meeting(process, facilitator):
    return make_meeting(process, facilitator, title="Assemblea a la plaça del Mercat",
                        description="Parlem de les **ombres**.")

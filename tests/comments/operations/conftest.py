"""What the comment operation tests share."""

import pytest

from tests.support.comments import veteran
from tests.support.proposals import make_proposal


@pytest.fixture
def proposal(process):
    return make_proposal(process, veteran())

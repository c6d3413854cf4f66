"""What the comment operation tests share."""

import pytest

from tests.comments.helpers import veteran
from tests.proposals.helpers import make_proposal


def ids(nodes):
    return [node.comment.id for node in nodes]


@pytest.fixture
def proposal(process):
    return make_proposal(process, veteran())

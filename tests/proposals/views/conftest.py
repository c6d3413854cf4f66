"""What the proposals client tests share: a proposal in a category."""

import pytest

from tests.support.proposals import make_proposal


@pytest.fixture
def proposal(process, author):
    return make_proposal(process, author, title="Ombra a la plaça del Mercat",
                         body="Plantem **arbres** i posem bancs.",
                         category_id=process.categories[0].id)

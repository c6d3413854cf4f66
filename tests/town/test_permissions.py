"""Only the council changes the town's face."""

import pytest
from flask_login import AnonymousUserMixin

from participa.town.permissions import can_edit_town
from tests.support import factories


@pytest.mark.parametrize("role, allowed", [
    ("anonymous", False), ("resident", False), ("facilitator", False), ("council", True),
])
def test_who_edits_the_town(role, allowed, process):
    user = AnonymousUserMixin() if role == "anonymous" else \
        factories.make_user(role, process=process)
    assert can_edit_town(user) is allowed
    assert can_edit_town(None) is False

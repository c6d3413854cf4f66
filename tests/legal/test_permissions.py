"""Who may do what with the legal texts: everyone reads every published version; only the
council publishes."""

import pytest
from flask_login import AnonymousUserMixin

from participa.legal.permissions import can_publish_legal_text, can_view_legal_text
from tests.legal.helpers import publish
from tests.support import factories


def _person(role, process):
    if role == "visitor":
        return AnonymousUserMixin()
    return factories.make_user(role, process=process)


@pytest.mark.parametrize("role, publishes", [
    ("visitor", False), ("resident", False), ("facilitator", False), ("council", True),
])
def test_permission_grid(role, publishes, process, council):
    person = _person(role, process)
    version = publish(actor=council)
    old = publish(actor=council)
    assert can_publish_legal_text(person) is publishes
    assert can_view_legal_text(person, version) and can_view_legal_text(person, old)
    assert not can_view_legal_text(person, None)
    assert not can_publish_legal_text(None)

import pytest

from tests.facilities.builders import make_facility as _make_facility
from tests.facilities.builders import make_meeting_in as _make_meeting_in


@pytest.fixture
def make_facility():
    """``make_facility(name=None, *, rooms=(("Sala 1", 30),), hours=(), actor=None, **data)``."""
    return _make_facility


@pytest.fixture
def make_meeting_in():
    """``make_meeting_in(room, process, actor, *, publish=True, start=None, hours=2, **values)``."""
    return _make_meeting_in

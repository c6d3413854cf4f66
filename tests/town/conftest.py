"""The town's face: every test starts and ends with this worker's copy of it forgotten (the
tables are emptied between tests behind the session's back)."""

import pytest

from participa.files import storage
from participa.town.look import forget_look

RIUCLAR = {"name": "Riuclar", "primary_colour": "#1d4f7a", "accent_colour": "#b3412a"}


@pytest.fixture(autouse=True)
def _fresh_look(app):
    # the files core's default store is process-wide: another app made by an earlier test
    # (tests/core/test_unavailable_database.py) may have set its own; use this app's
    storage.configure(app.extensions["participa_files"])
    with app.app_context():
        forget_look()
    yield
    with app.app_context():
        forget_look()

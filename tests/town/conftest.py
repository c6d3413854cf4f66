"""The town's face: every test starts and ends with this worker's copy of it forgotten (the
tables are emptied between tests behind the session's back)."""

import pytest

from participa.town.look import forget_look

RIUCLAR = {"name": "Riuclar", "primary_colour": "#1d4f7a", "accent_colour": "#b3412a"}


@pytest.fixture(autouse=True)
def _fresh_look(app):
    with app.app_context():
        forget_look()
    yield
    with app.app_context():
        forget_look()

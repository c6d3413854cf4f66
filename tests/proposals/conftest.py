"""Fixtures of the proposals tests.

tests/conftest.py keeps one app context open for the whole test, and a test client's requests
reuse it, so they share ``g`` — where Flask-Login caches the signed-in user. Without the fixture
below, a second client in the same test (a visitor after a resident, the facilitator after the
author) would be served as whoever signed in first."""

import pytest
from flask import g, request_started

from tests import factories


@pytest.fixture(autouse=True)
def _user_from_each_request_cookie(app):
    def forget_cached_user(sender, **extra):
        g.pop("_login_user", None)

    request_started.connect(forget_cached_user, app)
    yield
    request_started.disconnect(forget_cached_user, app)


@pytest.fixture
def author():
    return factories.make_user("resident", name="Aina Autora", email="aina@example.org")


@pytest.fixture
def other():
    return factories.make_user("resident", name="Biel Veí", email="biel@example.org")

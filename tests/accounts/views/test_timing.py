"""Registration and password reset take as long for an address with an account as for one
without: timing cannot tell who is registered. Measured at argon2's real cost (the tests
otherwise lower it), as the ratio of the median times, with a margin for a noisy machine."""

import statistics
import time

import pytest

from tests.support import factories
from tests.support.accounts import registration
from tests.support.web import CSRF_RE, text

ROUNDS = 15


@pytest.fixture
def real_cost(app, monkeypatch):
    monkeypatch.setitem(app.config, "PASSWORD_HASHING", {})
    monkeypatch.setitem(app.config, "RATELIMIT_ENABLED", False)
    for setting in ("RATELIMIT_REGISTER", "RATELIMIT_RESET"):
        monkeypatch.setitem(app.config, setting, "10000 per minute")


def median_times(client, url, known_data, unknown_data) -> tuple[float, float]:
    """Known and unknown addresses in turn, so both meet the same noise."""
    times = {"known": [], "unknown": []}
    for n in range(ROUNDS):
        for which, data_for in (("known", known_data), ("unknown", unknown_data)):
            token = CSRF_RE.search(text(client.get(url))).group(1)
            data = {**data_for(n), "csrf_token": token}
            started = time.perf_counter()
            response = client.post(url, data=data)
            times[which].append(time.perf_counter() - started)
            assert response.status_code == 302
    return statistics.median(times["known"]), statistics.median(times["unknown"])


def assert_alike(known, unknown):
    ratio = known / unknown
    assert 0.5 < ratio < 2, f"known {known * 1000:.1f} ms, unknown {unknown * 1000:.1f} ms"


def test_registering_a_used_address_takes_as_long_as_a_new_one(client, real_cost, commit):
    for n in range(ROUNDS):
        factories.make_user(email=f"used{n}@example.org")
    commit()
    assert_alike(*median_times(client, "/accounts/register",
                               lambda n: registration(email=f"used{n}@example.org"),
                               lambda n: registration(email=f"new{n}@example.org")))


def test_asking_to_reset_takes_as_long_with_or_without_an_account(client, real_cost, commit):
    for n in range(ROUNDS):
        factories.make_user(email=f"used{n}@example.org")
    commit()
    assert_alike(*median_times(client, "/accounts/reset",
                               lambda n: {"email": f"used{n}@example.org"},
                               lambda n: {"email": f"nobody{n}@example.org"}))

"""Password rules (12–128 characters, no common passwords, not the name or e-mail) and hashing."""

import pytest
from flask_babel import force_locale

from participa.accounts.passwords import (
    MAX_LENGTH,
    MIN_LENGTH,
    hash_password,
    needs_rehash,
    password_problem,
    verify_password,
)

GOOD = "a long and quiet river 42"


@pytest.fixture(autouse=True)
def _default_hashing_cost(app, monkeypatch):
    """Here the hasher production uses: argon2's own cost (config/testing.py lowers it)."""
    monkeypatch.setitem(app.config, "PASSWORD_HASHING", {})


def problem(password, **kwargs):
    """The problem as English text, or None."""
    with force_locale("en"):
        found = password_problem(password, **kwargs)
        return None if found is None else str(found)


def test_a_long_unusual_password_is_fine():
    assert problem(GOOD, email="marta@example.org", name="Marta Soler") is None


@pytest.mark.parametrize("length, ok", [(MIN_LENGTH - 1, False), (MIN_LENGTH, True),
                                        (MAX_LENGTH, True), (MAX_LENGTH + 1, False)])
def test_length_limits(length, ok):
    password = ("correct horse battery staple " * 10)[:length]
    assert len(password) == length
    assert (problem(password) is None) is ok


def test_too_short_and_too_long_say_why():
    assert problem("short one") == "Use at least 12 characters."
    assert problem("x" * 100 + "y" * 29 + "abcde") == "Use at most 128 characters."


@pytest.mark.parametrize(
    "password",
    [
        "password1234",  # listed as is
        "PASSWORD1234",  # case does not matter
        "123456789012",
        "barcelona2026",
        "!!password!!2026",  # the stem "password" is listed
        "contrasenya123",
        "qwertyuiop123",
        "aaaaaaaaaaaaaaa",  # fewer than five different characters
        "abababababababab",
    ],
)
def test_common_or_predictable_passwords_are_refused(password):
    assert problem(password) == "This password is too common. Choose a less predictable one."


def test_the_name_or_e_mail_is_refused():
    refused = "Do not use your name or e-mail address in your password."
    assert problem("marta.soler-was-here", email="marta.soler@example.org") == refused
    assert problem("i am martasoler indeed", name="Marta Soler") == refused
    # short names and mailbox names are not checked (too many false alarms)
    assert problem("the ana way of life", name="Ana", email="ana@example.org") is None


def test_hash_and_verify():
    hashed = hash_password(GOOD)
    assert hashed.startswith("$argon2")
    assert GOOD not in hashed
    assert verify_password(hashed, GOOD)
    assert not verify_password(hashed, GOOD + "!")
    assert not needs_rehash(hashed)


def test_the_same_password_hashes_differently_each_time():
    assert hash_password(GOOD) != hash_password(GOOD)


@pytest.mark.parametrize("stored", [None, "", "not-a-hash", "$argon2id$broken"])
def test_verify_is_false_for_missing_or_broken_hashes(stored):
    assert verify_password(stored, GOOD) is False


def test_the_hashing_cost_is_the_apps_and_a_cheaper_hash_is_rehashed(app, monkeypatch):
    assert "m=65536" in hash_password(GOOD)  # argon2's default cost
    monkeypatch.setitem(app.config, "PASSWORD_HASHING",
                        {"time_cost": 1, "memory_cost": 8, "parallelism": 1})
    cheap = hash_password(GOOD)
    assert "m=8,t=1,p=1" in cheap and verify_password(cheap, GOOD)
    monkeypatch.setitem(app.config, "PASSWORD_HASHING", {})
    assert needs_rehash(cheap)  # the next sign-in stores it at the configured cost

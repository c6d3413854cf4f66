"""``why_not_eligible``: the grid of who may take part where the census decides (no database)."""

from datetime import date
from types import SimpleNamespace

import pytest
from flask_babel import force_locale
from flask_login import AnonymousUserMixin

from participa.census.eligibility import Ineligibility, why_not_eligible

ON = date(2027, 3, 1)
HERE, THERE = 1, 2
person = SimpleNamespace(is_authenticated=True, id=7)
anonymous = AnonymousUserMixin()


def verified(neighbourhood_id=HERE, birth_year=1980):
    return SimpleNamespace(neighbourhood_id=neighbourhood_id, birth_year=birth_year)


def check(user, verification, census_required=False, neighbourhood_ids=(), minimum_age=None):
    return why_not_eligible(user, verification, census_required=census_required,
                            neighbourhood_ids=neighbourhood_ids, minimum_age=minimum_age, on=ON)


@pytest.mark.parametrize("user", [anonymous, None])
@pytest.mark.parametrize("census_required, minimum_age", [(False, None), (True, None),
                                                          (False, 16), (True, 16)])
def test_anonymous_people_are_asked_to_sign_in(user, census_required, minimum_age):
    assert check(user, None, census_required, [HERE], minimum_age) is Ineligibility.SIGN_IN


def test_without_census_or_age_anyone_signed_in_takes_part():
    assert check(person, None) is None
    assert check(person, None, neighbourhood_ids=[HERE]) is None  # no census: no scope
    assert check(person, verified(THERE)) is None


@pytest.mark.parametrize("census_required, minimum_age", [(True, None), (False, 16), (True, 16)])
def test_unverified_people_are_asked_to_verify(census_required, minimum_age):
    assert check(person, None, census_required, [HERE], minimum_age) is \
        Ineligibility.NOT_VERIFIED


@pytest.mark.parametrize("neighbourhood_ids, expected", [
    ([HERE], None),
    ([THERE, HERE], None),
    ({HERE}, None),
    ([THERE], Ineligibility.OTHER_NEIGHBOURHOOD),
    ([], None),  # the whole census
    ((), None),
])
def test_the_census_limits_to_its_neighbourhoods(neighbourhood_ids, expected):
    assert check(person, verified(HERE), True, neighbourhood_ids) is expected


def test_a_minimum_age_without_the_census_ignores_the_neighbourhood():
    assert check(person, verified(THERE), False, [HERE], 16) is None


@pytest.mark.parametrize("birth_year, expected", [
    (2011, None),  # turns 16 in 2027: from 1 January
    (2010, None),
    (2012, Ineligibility.TOO_YOUNG),  # turns 16 only in 2028
    (1930, None),
])
def test_the_age_counts_in_calendar_years(birth_year, expected):
    assert check(person, verified(birth_year=birth_year), True, [HERE], 16) is expected
    assert check(person, verified(birth_year=birth_year), False, (), 16) is expected


def test_the_neighbourhood_is_said_before_the_age():
    assert check(person, verified(THERE, 2015), True, [HERE], 16) is \
        Ineligibility.OTHER_NEIGHBOURHOOD


@pytest.mark.parametrize("locale", ["ca", "es", "en"])
def test_every_reason_tells_what_to_do_in_every_language(app, locale):
    with force_locale(locale):
        labels = {reason: str(reason.label) for reason in Ineligibility}
    assert all(label.endswith(".") for label in labels.values())
    assert len(set(labels.values())) == len(Ineligibility)
    expected = {"en": "Verify that you live here with the census first.",
                "ca": "Primer verifica amb el padró que hi vius.",
                "es": "Primero verifica con el padrón que vives aquí."}[locale]
    assert labels[Ineligibility.NOT_VERIFIED] == expected

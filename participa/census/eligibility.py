"""Who may take part where the census decides (budgets, polls): pure, no database. The caller
loads the person's verification (``queries.verification_of``) and says what is required."""

from datetime import date

from flask_babel import lazy_gettext as _l

from participa.core.enums import LabelledEnum


class Ineligibility(LabelledEnum):
    """Why a person may not take part, worded as what they can do about it."""

    SIGN_IN = "sign_in", _l("Sign in to take part.")
    NOT_VERIFIED = "not_verified", _l("Verify that you live here with the census first.")
    OTHER_NEIGHBOURHOOD = "other_neighbourhood", _l(
        "Only residents of the neighbourhoods this vote is for can take part.")
    TOO_YOUNG = "too_young", _l("You are not old enough to take part in this vote yet.")


def why_not_eligible(user, verification, *, census_required: bool, neighbourhood_ids,
                     minimum_age: int | None, on: date) -> Ineligibility | None:
    """None if ``user`` may take part on the day ``on``; otherwise the first reason why not.

    - anonymous (or no user) → SIGN_IN;
    - the census is required, or there is a minimum age, and the person has no verification
      (``verification`` is None) → NOT_VERIFIED;
    - the census is required for some neighbourhoods (``neighbourhood_ids`` not empty) and the
      person's verified neighbourhood is not one of them → OTHER_NEIGHBOURHOOD (an empty
      ``neighbourhood_ids`` means every neighbourhood of the census);
    - a minimum age and ``on.year - birth_year < minimum_age`` → TOO_YOUNG.

    Only the birth year is stored (the census keeps no more than it needs), so the age is
    counted in whole calendar years: a person may take part from 1 January of the year they
    turn ``minimum_age``, possibly a few months before their birthday."""
    if user is None or not getattr(user, "is_authenticated", False):
        return Ineligibility.SIGN_IN
    if (census_required or minimum_age) and verification is None:
        return Ineligibility.NOT_VERIFIED
    if census_required and neighbourhood_ids and \
            verification.neighbourhood_id not in set(neighbourhood_ids):
        return Ineligibility.OTHER_NEIGHBOURHOOD
    if minimum_age and on.year - verification.birth_year < minimum_age:
        return Ineligibility.TOO_YOUNG
    return None

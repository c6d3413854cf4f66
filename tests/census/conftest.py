"""Census fixtures: two neighbourhoods and a loaded census."""

from datetime import date

import pytest

from participa.census import operations
from tests.support import factories

KEY = "testing-ballot-key"
TODAY = date(2026, 12, 2)
CSV = (
    "document,birth date,neighbourhood\n"
    "12345678Z,1980-05-17,sant-roc\n"
    "X1234567L,01/02/2005,Can Puig\n"
)


@pytest.fixture
def places():
    return (factories.make_neighbourhood(name="Sant Roc", slug="sant-roc"),
            factories.make_neighbourhood(name="Can Puig", slug="can-puig"))


@pytest.fixture
def census(places, council):
    """Two people: 12345678Z born 1980-05-17 in Sant Roc, 00000001R born 1990-01-01 in Can
    Puig."""
    return operations.load_census(
        "12345678Z,1980-05-17,sant-roc\n00000001R,01/01/1990,Can Puig\n",
        key=KEY, actor=council, today=TODAY)

"""Spanish tax ids against known valid and invalid ones, and against the algorithm."""

import pytest

from participa.associations import taxid

VALID = [
    # organisations, from published examples (each checked by hand against the algorithm)
    "A58818501", "Q2826000H", "B65410011", "B12345674", "G12345674",
    # the same with spaces, hyphens, dots and lower case
    "b-6541001-1", " a58.818.501 ", "q2826000h",
    # people
    "12345678Z", "00000000T", "X1234567L", "Y1234567X", "Z1234567R",
]
INVALID = [
    "A58818502",  # wrong control digit
    "Q28260008",  # Q needs a letter control, not the digit
    "A5881850A",  # A needs a digit control ("JABCDEFGHI"[1] = A)
    "B6541001A",  # B needs the digit
    "Q2826000J",  # a letter, but the wrong one
    "12345678A",  # wrong DNI letter
    "X1234567A",  # wrong NIE letter
    "I12345674",  # not an organisation letter
    "1234567Z", "123456789", "G1234567", "G123456745", "", "ÑANDÚ", "G12345\x0074",
]


@pytest.mark.parametrize("value", VALID)
def test_valid_ids(value):
    assert taxid.is_valid(value)


@pytest.mark.parametrize("value", INVALID)
def test_invalid_ids(value):
    assert not taxid.is_valid(value)


def test_kinds():
    assert taxid.kind_of("12345678Z") == taxid.DNI
    assert taxid.kind_of("X1234567L") == taxid.NIE
    assert taxid.kind_of("G12345674") == taxid.ORGANISATION
    assert taxid.kind_of("G12345675") is None


def test_normalise():
    assert taxid.normalise(" g-1234567.4 ") == "G12345674"


@pytest.mark.parametrize("letter", list(taxid.ORGANISATION_LETTERS))
def test_every_organisation_letter_takes_its_own_control(letter):
    """The generator and the checker agree; and exactly one control character is wrong for
    each other digit or letter."""
    for digits in ("0000000", "1234567", "8765432", "5881850", "2826000"):
        good = taxid.organisation_nif(letter, digits)
        assert taxid.is_valid(good)
        control = taxid.organisation_control(digits)
        wrong_digit = f"{letter}{digits}{(control + 1) % 10}"
        assert not taxid.is_valid(wrong_digit)
        as_letter = f"{letter}{digits}{taxid.CIF_LETTERS[control]}"
        as_digit = f"{letter}{digits}{control}"
        if letter in taxid.LETTER_CONTROL:
            assert taxid.is_valid(as_letter) and not taxid.is_valid(as_digit)
        elif letter in taxid.DIGIT_CONTROL:
            assert taxid.is_valid(as_digit) and not taxid.is_valid(as_letter)
        else:
            assert taxid.is_valid(as_digit) and taxid.is_valid(as_letter)


def test_dni_letters_follow_mod_23():
    for number in (0, 1, 22, 23, 12345678, 99999999):
        value = f"{number:08d}{taxid.DNI_LETTERS[number % 23]}"
        assert taxid.kind_of(value) == taxid.DNI

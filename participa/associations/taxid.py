"""Spanish tax ids: the NIF of a person (DNI, NIE) and of an organisation (the old CIF, now
also called NIF), each checked with its control character.

- DNI: 8 digits and a letter, ``"TRWAGMYFPDXBNJZSQVHLCKE"[number % 23]``.
- NIE: X, Y or Z (read as 0, 1, 2), 7 digits, and the DNI's letter of those 8 digits.
- An organisation's NIF: a letter saying what kind of organisation it is, 7 digits (the first
  two the province) and a control character worked out from the digits: the odd positions
  doubled (digits of the product added), the even ones as they are; the control is
  ``(10 - total % 10) % 10``, written as that digit or as ``"JABCDEFGHI"[control]``. Companies
  (A, B), joint ownerships (E) and horizontal property (H) end in the digit; the public bodies,
  religious bodies, foreign and non-resident organisations (N, P, Q, R, S, W) in the letter;
  the others (C, D, F cooperatives, G associations and foundations, J, U, V) in either.

``normalise`` writes an id as it is stored (upper case, no spaces, dots or hyphens);
``is_valid`` says whether its control character is right; ``kind_of`` what it is."""

import re

DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
CIF_LETTERS = "JABCDEFGHI"
NIE_PREFIXES = {"X": "0", "Y": "1", "Z": "2"}
ORGANISATION_LETTERS = "ABCDEFGHJNPQRSUVW"
LETTER_CONTROL = frozenset("NPQRSW")  # these end in a letter
DIGIT_CONTROL = frozenset("ABEH")  # these end in a digit; the others in either

_DNI = re.compile(r"^(\d{8})([A-Z])$")
_NIE = re.compile(r"^([XYZ])(\d{7})([A-Z])$")
_CIF = re.compile(r"^([A-Z])(\d{7})([0-9A-J])$")

DNI, NIE, ORGANISATION = "dni", "nie", "organisation"


def normalise(value: str | None) -> str:
    """``" g-1234567.4 "`` → ``"G12345674"``: what is compared and stored."""
    return re.sub(r"[\s.\-]", "", value or "").upper()


def dni_letter(number: int) -> str:
    return DNI_LETTERS[number % 23]


def organisation_control(digits: str) -> int:
    """The control digit of an organisation's seven digits."""
    total = 0
    for position, char in enumerate(digits, start=1):
        digit = int(char)
        if position % 2:  # odd positions: doubled, the product's digits added
            doubled = digit * 2
            total += doubled // 10 + doubled % 10
        else:
            total += digit
    return (10 - total % 10) % 10


def organisation_nif(letter: str, digits: str) -> str:
    """A valid organisation NIF for ``letter`` and seven ``digits`` (the letter control where
    the kind needs it, the digit otherwise): for the demo town and the tests."""
    control = organisation_control(digits)
    return f"{letter}{digits}{CIF_LETTERS[control] if letter in LETTER_CONTROL else control}"


def kind_of(value: str | None) -> str | None:
    """DNI, NIE or ORGANISATION when the (normalised) id is valid; None otherwise."""
    value = normalise(value)
    if match := _DNI.match(value):
        number, letter = match.groups()
        return DNI if dni_letter(int(number)) == letter else None
    if match := _NIE.match(value):
        prefix, number, letter = match.groups()
        return NIE if dni_letter(int(NIE_PREFIXES[prefix] + number)) == letter else None
    if match := _CIF.match(value):
        letter, digits, control = match.groups()
        if letter not in ORGANISATION_LETTERS:
            return None
        expected = organisation_control(digits)
        as_digit, as_letter = str(expected), CIF_LETTERS[expected]
        if letter in LETTER_CONTROL:
            allowed = {as_letter}
        elif letter in DIGIT_CONTROL:
            allowed = {as_digit}
        else:
            allowed = {as_digit, as_letter}
        return ORGANISATION if control in allowed else None
    return None


def is_valid(value: str | None) -> bool:
    return kind_of(value) is not None

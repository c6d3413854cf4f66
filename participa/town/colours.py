"""The brand colours' rules, as pure functions: the ``#rrggbb`` form, WCAG 2.x relative
luminance and contrast ratio, and the text each colour is shown with.

Each colour is checked against exactly the backgrounds or text it meets in ``main.css`` (the
``town.css`` section): the main colour is the background of the header and buttons, under
white text, and the colour of links, on white pages and on the light grey panels (``--soft``);
the accent colours links under the pointer, on the same two backgrounds, and the strip under
the header. White on a colour and that colour on white have the same ratio, so each colour
meets two backgrounds: white and the panels' light grey. Text needs 4.5:1 (WCAG 2.2 AA, 1.4.3)."""

import math
import re
from dataclasses import dataclass

from flask_babel import format_decimal
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

HEX = re.compile(r"^#[0-9a-f]{6}$")
MINIMUM = 4.5
WHITE = "#ffffff"
SOFT = "#f3f6f5"  # main.css --soft: the background of panels, hero boxes, tabs
DEFAULT_PRIMARY = "#0b5c57"  # main.css --brand
DEFAULT_ACCENT = "#a3360f"  # main.css --accent

# what each colour meets: (the other colour, what a person would call that pairing)
PAIRS = {
    "primary": (
        (WHITE, _l("the white text of the header and buttons")),
        (SOFT, _l("the light grey panels, where it colours links")),
    ),
    "accent": (
        (WHITE, _l("the white page, where it colours links under the pointer")),
        (SOFT, _l("the light grey panels, where it colours links under the pointer")),
    ),
}


def normalise(value: str | None) -> str | None:
    """``#RRGGBB`` (any case, surrounding spaces) as ``#rrggbb``; None when it is not one."""
    text = (value or "").strip().lower()
    return text if HEX.match(text) else None


def _channel(byte: int) -> float:
    c = byte / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of ``#rrggbb`` (0 black … 1 white)."""
    hex_ = normalise(colour)
    if hex_ is None:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    r, g, b = (int(hex_[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours, 1 … 21 (order does not matter)."""
    a, b = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def shown_ratio(ratio: float) -> float:
    """A ratio as a refusal states it: cut (not rounded) to two decimals, so 4.499 reads 4.49
    and never looks like the 4.5 it failed."""
    return math.floor(ratio * 100) / 100


def darker(colour: str, factor: float = 0.75) -> str:
    """The colour with each channel scaled by ``factor``: the hover shade of buttons. Darker
    only raises its contrast with white."""
    hex_ = normalise(colour)
    r, g, b = (round(int(hex_[i:i + 2], 16) * factor) for i in (1, 3, 5))
    return f"#{r:02x}{g:02x}{b:02x}"


@dataclass(frozen=True)
class Shortfall:
    """The weakest pairing of a colour, when it falls below 4.5:1."""

    ratio: float
    other: str
    use: object  # lazy text naming the pairing


def shortfall(role: str, colour: str) -> Shortfall | None:
    """The weakest of ``role``'s pairings ("primary" or "accent") when below 4.5:1."""
    weakest = min((contrast_ratio(colour, other), other, use) for other, use in PAIRS[role])
    return Shortfall(*weakest) if weakest[0] < MINIMUM else None


def _decimal(value: float) -> str:
    return format_decimal(value, format="0.00")


MALFORMED = _l("Write the colour as # and six hexadecimal digits, for example #0b5c57.")


def colour_problem(role: str, value: str | None):
    """What is wrong with ``value`` as the ``role`` colour, translated when shown (it names the
    measured ratio); None when it may be used."""
    colour = normalise(value)
    if colour is None:
        return MALFORMED
    short = shortfall(role, colour)
    if short is None:
        return None
    return LazyString(lambda: str(_l(
        "The contrast between %(colour)s and %(use)s (%(other)s) is %(ratio)s:1; text needs at "
        "least %(minimum)s:1. Choose a darker colour.",
        colour=colour, use=short.use, other=short.other,
        ratio=_decimal(shown_ratio(short.ratio)), minimum=_decimal(MINIMUM))))

"""The contrast check (WCAG 2.x relative luminance), as pure functions, on known pairs."""

import pytest
from flask_babel import force_locale

from participa.town.colours import (
    SOFT,
    WHITE,
    colour_problem,
    contrast_ratio,
    darker,
    normalise,
    relative_luminance,
    shortfall,
    shown_ratio,
)


@pytest.mark.parametrize("first, second, ratio", [
    ("#000000", "#ffffff", 21.0),
    ("#ffffff", "#ffffff", 1.0),
    ("#777777", "#ffffff", 4.48),  # the grey that famously just fails
    ("#767676", "#ffffff", 4.54),  # the lightest grey that passes on white
    ("#0000ff", "#ffffff", 8.59),
    ("#ff0000", "#ffffff", 4.0),
])
def test_known_wcag_pairs(first, second, ratio):
    assert round(contrast_ratio(first, second), 2) == ratio
    assert contrast_ratio(second, first) == contrast_ratio(first, second)


def test_luminance_ends():
    assert relative_luminance("#000000") == 0
    assert relative_luminance("#FFFFFF") == pytest.approx(1)


@pytest.mark.parametrize("value, expected", [
    ("#0B5C57", "#0b5c57"), (" #0b5c57 ", "#0b5c57"), ("0b5c57", None), ("#0b5c5", None),
    ("#0b5c577", None), ("#gggggg", None), ("red", None), ("#fff", None), ("", None),
    (None, None), ("#0b5c57\n", "#0b5c57"), ("#0b5c57;}", None),
])
def test_only_rrggbb(value, expected):
    assert normalise(value) == expected


def test_a_colour_is_checked_against_white_text_and_the_panels():
    # #777777 fails with white (4.48); #767676 passes with white (4.54) but is shown as link
    # text on the light grey panels too, where it measures 4.17
    assert shortfall("primary", "#777777").ratio < 4.5
    on_white = shortfall("primary", "#767676")
    assert contrast_ratio("#767676", WHITE) >= 4.5
    assert on_white.other == SOFT and shown_ratio(on_white.ratio) == 4.17
    assert shortfall("primary", "#707070") is None  # 4.95 on white, 4.55 on the panels
    assert shortfall("accent", "#707070") is None
    assert shortfall("primary", "#000000") is None


def test_a_refusal_names_the_measured_ratio_in_the_readers_language(app):
    with app.test_request_context():
        problem = colour_problem("primary", "#777777")
        with force_locale("en"):
            assert "4.11:1" in str(problem) and "4.50:1" in str(problem)
            assert "#777777" in str(problem)
        with force_locale("ca"):
            assert "4,11:1" in str(problem) and "Tria un color més fosc" in str(problem)
        with force_locale("en"):
            assert "hexadecimal" in str(colour_problem("accent", "#fff"))
        assert colour_problem("accent", "#1d4f7a") is None


def test_a_ratio_is_cut_not_rounded_up():
    assert shown_ratio(4.4999) == 4.49
    assert shown_ratio(21.0) == 21.0


def test_the_hover_shade_is_darker():
    assert darker("#1d4f7a") == "#163b5c"
    assert contrast_ratio(darker("#1d4f7a"), WHITE) > contrast_ratio("#1d4f7a", WHITE)

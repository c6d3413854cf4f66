"""An indicator as people read it: its values in the reader's language with the unit's
precision, how far it has come from the baseline towards the target, and the geometry of its
small line chart (the page draws the SVG; the same figures are in a table beside it)."""

from dataclasses import dataclass
from decimal import Decimal

from flask_babel import format_decimal


def format_measure(value, decimals: int = 0) -> str:
    """``value`` grouped and with ``decimals`` places, as the reader's language writes it
    ("1.234,5" in Catalan and Spanish, "1,234.5" in English)."""
    if value is None:
        return ""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(Decimal(value), format=pattern)


def progress(indicator) -> int | None:
    """How far the latest value has gone from the baseline to the target, in percent (below 0:
    it went the wrong way; above 100: past the target); None without the three figures."""
    latest = indicator.latest
    if latest is None or indicator.baseline_value is None or indicator.target_value is None:
        return None
    span = indicator.target_value - indicator.baseline_value
    if span == 0:
        return None
    return round((latest.value - indicator.baseline_value) / span * 100)


def trend(indicator) -> str | None:
    """"better", "worse" or "same": the latest value against the baseline, in the indicator's
    direction (None without both)."""
    latest = indicator.latest
    if latest is None or indicator.baseline_value is None:
        return None
    if latest.value == indicator.baseline_value:
        return "same"
    higher = latest.value > indicator.baseline_value
    return "better" if higher == (indicator.direction.value == "higher") else "worse"


# --- the chart ---------------------------------------------------------------------------------

WIDTH, HEIGHT = 480, 250  # narrow, so that its 22-px labels stay readable on a phone
LEFT, RIGHT, TOP, BOTTOM = 100, 18, 18, 62


@dataclass
class Point:
    x: float
    y: float
    measurement: object


def chart(indicator) -> dict | None:
    """Coordinates, in a 480 × 250 viewBox that scales to any screen, of the series as a line
    with a dot per measurement, the baseline and the target as horizontal lines, and the
    labels of both axes (the lowest and highest value, the first and last date). None when
    there is nothing to draw."""
    series = indicator.measurements
    if not series:
        return None
    values = [m.value for m in series]
    marks = [v for v in (indicator.baseline_value, indicator.target_value) if v is not None]
    low, high = min(values + marks), max(values + marks)
    if low == high:
        low, high = low - 1, high + 1
    pad = (high - low) / 10
    low, high = low - pad, high + pad
    first, last = series[0].measured_on, series[-1].measured_on
    days = max((last - first).days, 1)
    x0, x1, y0, y1 = LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM

    def x_of(day):
        if len(series) == 1:
            return round((x0 + x1) / 2, 1)
        return round(x0 + (day - first).days / days * (x1 - x0), 1)

    def y_of(value):
        return round(float(y1 - (value - low) / (high - low) * (y1 - y0)), 1)

    points = [Point(x_of(m.measured_on), y_of(m.value), m) for m in series]
    return {
        "width": WIDTH, "height": HEIGHT, "x0": x0, "x1": x1, "y0": y0, "y1": y1,
        "points": points,
        "line": " ".join(f"{p.x},{p.y}" for p in points),
        "baseline_y": y_of(indicator.baseline_value)
        if indicator.baseline_value is not None else None,
        "target_y": y_of(indicator.target_value) if indicator.target_value is not None else None,
        "low": min(values), "high": max(values),
        "low_y": y_of(min(values)), "high_y": y_of(max(values)),
        "first": first, "last": last,
    }

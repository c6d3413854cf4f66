"""An evaluation beside the one before it: each indicator's value at the end of both periods
with the change (and whether it went the right way), and the results done, pending and
discarded in both with the change. Pure: it reads the two snapshots only."""

from dataclasses import dataclass
from decimal import Decimal


@dataclass
class IndicatorComparison:
    name: str
    unit: str
    decimals: int
    previous: Decimal | None
    current: Decimal | None
    direction: str = "higher"

    @property
    def change(self) -> Decimal | None:
        if self.previous is None or self.current is None:
            return None
        return self.current - self.previous

    @property
    def trend(self) -> str | None:
        """"better", "worse" or "same" in the indicator's direction (None without both)."""
        change = self.change
        if change is None:
            return None
        if change == 0:
            return "same"
        return "better" if (change > 0) == (self.direction == "higher") else "worse"


@dataclass
class CountRow:
    key: str
    previous: int
    current: int

    @property
    def change(self) -> int:
        return self.current - self.previous


def result_counts(evaluation) -> dict:
    """Results done, pending and discarded at the end of the period, and all of them."""
    results = evaluation.results
    return {"done": sum(r.is_done for r in results),
            "pending": sum(r.is_pending for r in results),
            "discarded": sum(r.is_discarded for r in results),
            "total": len(results)}


def _key(row):
    return ("indicator", row.indicator_id) if row.indicator_id is not None else ("name",
                                                                                 row.name)


def compare(current, previous) -> dict:
    """{"indicators": [IndicatorComparison], "results": [CountRow]}: the current snapshot's
    indicators in order (matched with the previous one's by indicator, or by name once it is
    gone), then those only the previous one had."""
    before = {_key(row): row for row in previous.indicators}
    rows = []
    for row in current.indicators:
        old = before.pop(_key(row), None)
        rows.append(IndicatorComparison(row.name, row.unit, row.decimals,
                                        old.value if old else None, row.value,
                                        direction=row.direction.value))
    rows.extend(IndicatorComparison(old.name, old.unit, old.decimals, old.value, None,
                                    direction=old.direction.value) for old in before.values())
    now, then = result_counts(current), result_counts(previous)
    return {"indicators": rows,
            "results": [CountRow(key, then[key], now[key]) for key in now]}

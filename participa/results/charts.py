"""Every dashboard bar chart's geometry: horizontal bars in a 600-wide viewBox, which
templates/results/_charts.html draws as SVG (the same figures go in a table beside it)."""

BAR = 22  # a bar's height
LINE = 28  # the label's line above a group of bars (20-px text, readable on a phone)
GAP = 14
CHART_WIDTH = 600
VALUE_ROOM = 250  # right of the longest bar, for its value (and series)
SHORT_NAME = 12  # a series name this long or shorter is written at each bar's value


def bars(groups: list, series: list) -> dict:
    """Horizontal bars in a 600-wide viewBox: for each group (label, [value per series]) a
    label line, then one bar per series, each with its value written at its end (so no series
    is told apart by colour alone: the page also gives each series its own pattern and says
    which is which). ``series``: the series' names, in order."""
    most = max((v or 0 for _label, values in groups for v in values), default=0) or 1
    y, rows = 0, []
    for label, values in groups:
        row = {"label": label, "label_y": y + LINE - 8, "bars": []}
        y += LINE
        for index, value in enumerate(values):
            width = round(float(value or 0) / float(most) * (CHART_WIDTH - VALUE_ROOM), 1)
            row["bars"].append({"series": index, "value": value, "y": y, "width": width,
                                "value_x": width + 6, "value_y": y + BAR - 5})
            y += BAR + 2
        y += GAP
        rows.append(row)
    return {"width": CHART_WIDTH, "height": max(y, 1), "bar": BAR, "rows": rows,
            "series": series, "most": most,
            # a bar's value also names its series when the names are short enough to fit
            "named_bars": all(len(str(name)) <= SHORT_NAME for name in series)}


def chart_of(labels: list, series_values: list, series_names: list) -> dict:
    """``bars`` from columns: the groups' labels, then one list of values per series (as the
    templates hold them)."""
    return bars([(label, [values[i] for values in series_values])
                 for i, label in enumerate(labels)], list(series_names))

"""A budget's results as the results page shows them: both rules side by side, turnout, each
neighbourhood's share of the money against its share of the voters, and where one voter's
choices went. Figures only; the page draws them (an SVG chart with the same figures in a table
beside it)."""

from dataclasses import dataclass, field

from participa.budgets import queries
from participa.budgets.models import BudgetState

RULE_KEYS = ("equal-shares", "greedy")


@dataclass
class Row:
    project: object
    votes: int
    paper_votes: int
    funded: dict  # rule → bool


@dataclass
class Share:
    name: str
    voters: int
    voters_share: float
    money: dict  # rule → euros
    money_share: dict  # rule → fraction of the money spent


@dataclass
class Results:
    budget: object
    rows: list  # every project, most votes first
    selected: dict  # rule → [projects] in the order chosen
    spent: dict  # rule → euros
    voters: int
    paper_ballots: int
    eligible: int | None
    shares: list = field(default_factory=list)
    mine: dict | None = None  # rule → {"funded": [...], "not_funded": [...]}

    @property
    def turnout(self) -> float | None:
        if not self.eligible:
            return None
        return (self.voters + self.paper_ballots) / self.eligible

    @property
    def most_votes(self) -> int:
        return max((r.votes for r in self.rows), default=0)


def figures(budget, counted: dict, *, my_choices=None, eligible=None) -> Results:
    """``counted``: the budget's stored results (``operations.count_results``);
    ``my_choices``: the reader's own ballot (project ids), when they voted."""
    by_id = {p.id: p for p in budget.projects}
    votes = {int(k): v for k, v in counted["votes"].items()}
    paper = {int(k): v for k, v in counted.get("paper_votes", {}).items()}
    selected = {rule: [by_id[pid] for pid in counted[rule]["selected"] if pid in by_id]
                for rule in RULE_KEYS}
    funded = {rule: {p.id for p in projects} for rule, projects in selected.items()}
    order = {p.id: i for i, p in enumerate(budget.projects)}
    rows = sorted(
        (Row(project=p, votes=votes.get(p.id, 0), paper_votes=paper.get(p.id, 0),
             funded={rule: p.id in funded[rule] for rule in RULE_KEYS})
         for p in budget.projects),
        key=lambda r: (-r.votes, r.project.cost, order[r.project.id]))
    spent = {rule: counted[rule]["cost"] for rule in RULE_KEYS}
    results = Results(budget=budget, rows=rows, selected=selected, spent=spent,
                      voters=counted["voters"], paper_ballots=counted.get("paper_ballots", 0),
                      eligible=eligible)
    results.shares = _shares(budget, selected, spent)
    if my_choices is not None:
        mine = set(my_choices)
        results.mine = {rule: {
            "funded": [p for p in budget.projects if p.id in mine and p.id in funded[rule]],
            "not_funded": [p for p in budget.projects if p.id in mine and p.id not in funded[rule]],
        } for rule in RULE_KEYS}
    return results


def _shares(budget, selected, spent) -> list[Share]:
    """For each neighbourhood: its share of the online voters, and of the money each rule
    spends on projects located in it (town-wide projects count for no neighbourhood)."""
    voters = queries.voters_by_neighbourhood(budget)
    total_voters = sum(voters.values())
    places = {}
    for project in budget.projects:
        if project.neighbourhood is not None:
            places[project.neighbourhood.id] = project.neighbourhood.name
    shares = []
    for place_id, name in sorted(places.items(), key=lambda item: item[1]):
        money = {rule: sum(p.cost for p in selected[rule] if p.neighbourhood_id == place_id)
                 for rule in RULE_KEYS}
        shares.append(Share(
            name=name, voters=voters.get(place_id, 0),
            voters_share=voters.get(place_id, 0) / total_voters if total_voters else 0.0,
            money=money,
            money_share={rule: money[rule] / spent[rule] if spent[rule] else 0.0
                         for rule in RULE_KEYS}))
    return shares


def counted_results(budget, count) -> dict | None:
    """The published results, or (for the managers of a closed budget) a fresh count."""
    if budget.state == BudgetState.PUBLISHED and budget.results:
        return budget.results
    if budget.state == BudgetState.CLOSED:
        return count(budget)
    return None


# --- the chart ---------------------------------------------------------------------------------

BAR_HEIGHT = 26
LABEL = 26  # the label's line above its bar (20-px text: readable when a phone scales it)
GAP = 12
WIDTH = 600


def chart(results) -> dict:
    """Bars of votes per project (the same figures as the table), each marked funded or not
    by each rule; coordinates in a 600-wide viewBox that scales to any screen."""
    most = results.most_votes or 1
    bars = []
    y = 0
    for row in results.rows:
        width = round(row.votes / most * (WIDTH - 90), 1)
        bars.append({"row": row, "label_y": y + LABEL - 6, "bar_y": y + LABEL, "width": width,
                     "value_x": width + 6, "value_y": y + LABEL + BAR_HEIGHT - 6})
        y += LABEL + BAR_HEIGHT + GAP
    return {"bars": bars, "width": WIDTH, "height": max(y, 1), "bar_height": BAR_HEIGHT}

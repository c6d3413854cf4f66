"""Counting a participatory budget's approval ballots: greedy, and the Method of Equal Shares.

Pure functions on an ``Election`` (projects in their listed order, their costs, the budget and
the ballots), so the council's result and anyone's recount (``participa budgets tally``) run the
same code. Every comparison is exact: money is held as integers and fractions, never floats.

Equal shares is the rule equalshares.net defines for approval ballots with cost utilities: each
voter starts with an equal share of the budget; round by round, the project whose supporters
can pay for it with the smallest largest payment per euro of its cost is funded (ties: lower
cost, then more votes, then the project listed first), each supporter paying at most that
share; the Add1 completion then raises every voter's starting share one euro at a time and
counts again while the outcome still fits the real budget, keeping the last that fits; greedy
may spend what is left."""

from dataclasses import dataclass
from fractions import Fraction

RULES = ("greedy", "equal-shares")
COMPLETIONS = ("add1", "add1-greedy", "none")


@dataclass(frozen=True)
class Election:
    """``projects``: ids in listed order; ``costs``: id → euros (integers); ``budget``: euros;
    ``ballots``: one set of approved project ids per voter (a voter who approved nothing
    still counts: they hold a share of the budget)."""

    projects: tuple
    costs: dict
    budget: int
    ballots: tuple

    def votes(self) -> dict:
        counts = dict.fromkeys(self.projects, 0)
        for ballot in self.ballots:
            for project in ballot:
                counts[project] += 1
        return counts


@dataclass(frozen=True)
class Outcome:
    selected: tuple  # project ids, in the order the rule chose them
    cost: int

    def as_dict(self) -> dict:
        return {"selected": list(self.selected), "cost": self.cost}


def tally(election: Election, rule: str, completion: str = "add1") -> Outcome:
    if rule == "greedy":
        return greedy(election)
    if rule == "equal-shares":
        return equal_shares(election, completion=completion)
    raise ValueError(f"unknown rule {rule!r}: one of {', '.join(RULES)}")


def greedy(election: Election, *, chosen=(), spent: int = 0) -> Outcome:
    """Projects by votes, most first (ties: lower cost, then listed first), each taken when it
    still fits. ``chosen``/``spent``: what an earlier rule funded (greedy completes it)."""
    votes = election.votes()
    position = {p: i for i, p in enumerate(election.projects)}
    selected = list(chosen)
    taken = set(chosen)
    for project in sorted(election.projects,
                          key=lambda p: (-votes[p], election.costs[p], position[p])):
        if project in taken or votes[project] == 0:
            continue
        if spent + election.costs[project] <= election.budget:
            selected.append(project)
            taken.add(project)
            spent += election.costs[project]
    return Outcome(tuple(selected), spent)


def equal_shares(election: Election, *, completion: str = "add1") -> Outcome:
    if completion not in COMPLETIONS:
        raise ValueError(f"unknown completion {completion!r}: one of {', '.join(COMPLETIONS)}")
    voters = len(election.ballots)
    if voters == 0:
        return Outcome((), 0)
    chosen = _equal_shares_fixed(election, Fraction(election.budget))
    if completion != "none":
        # Add1: whole euros per voter, one more each time, while the outcome still fits
        # (past a share of the whole budget each, one supporter alone pays for any project)
        share = election.budget // voters
        while share < election.budget and not _exhaustive(election, chosen):
            share += 1
            larger = _equal_shares_fixed(election, Fraction(share * voters))
            if _cost(election, larger) > election.budget:
                break
            chosen = larger
    outcome = Outcome(tuple(chosen), _cost(election, chosen))
    if completion == "add1-greedy":
        outcome = greedy(election, chosen=outcome.selected, spent=outcome.cost)
    return outcome


def _cost(election, chosen) -> int:
    return sum(election.costs[p] for p in chosen)


def _exhaustive(election, chosen) -> bool:
    """No project that someone approved and that was left out would still fit in the real
    budget (a project nobody approved is never funded, however large the shares)."""
    left = election.budget - _cost(election, chosen)
    taken = set(chosen)
    approved = set().union(*election.ballots)
    return all(election.costs[p] > left for p in election.projects
               if p not in taken and p in approved)


def _equal_shares_fixed(election: Election, total: Fraction) -> list:
    """Equal shares with ``total`` spread equally over the voters, no completion."""
    voters = len(election.ballots)
    money = [total / voters] * voters
    supporters = {p: [] for p in election.projects}
    for voter, ballot in enumerate(election.ballots):
        for project in ballot:
            supporters[project].append(voter)
    position = {p: i for i, p in enumerate(election.projects)}
    votes = {p: len(v) for p, v in supporters.items()}
    candidates = [p for p in election.projects if election.costs[p] > 0 and supporters[p]]
    chosen = []
    while candidates:
        best, best_key = None, None
        for project in list(candidates):
            cost = election.costs[project]
            backers = supporters[project]
            if sum(money[v] for v in backers) < cost:
                candidates.remove(project)  # its supporters can no longer afford it
                continue
            payment = _largest_payment(sorted(money[v] for v in backers), cost)
            # smallest largest payment per euro of cost; then lower cost, more votes, listed first
            key = (payment / cost, cost, -votes[project], position[project])
            if best_key is None or key < best_key:
                best, best_key = project, key
        if best is None:
            break
        chosen.append(best)
        candidates.remove(best)
        payment = best_key[0] * election.costs[best]
        for voter in supporters[best]:
            money[voter] -= min(money[voter], payment)
    return chosen


def _largest_payment(funds: list, cost: int) -> Fraction:
    """The least α such that the supporters, paying min(their money, α) each, cover ``cost``
    (``funds`` sorted, smallest first; they can cover it)."""
    paid, remaining = Fraction(0), len(funds)
    for own in funds:
        alpha = (cost - paid) / remaining
        if own >= alpha:
            return alpha
        paid += own
        remaining -= 1
    raise ArithmeticError("the supporters cannot afford the project")  # checked by the caller

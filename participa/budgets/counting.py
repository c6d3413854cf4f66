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

from dataclasses import dataclass, field
from fractions import Fraction

RULES = ("greedy", "equal-shares")
COMPLETIONS = ("add1", "add1-greedy", "none")


@dataclass(frozen=True)
class Election:
    """``projects``: ids in listed order; ``costs``: id → euros (integers); ``budget``: euros;
    ``ballots``: one set of approved project ids per voter (a voter who approved nothing
    still counts: they hold a share of the budget). ``extra_votes``: id → votes from paper
    ballot boxes counted as totals, which greedy adds and equal shares cannot use (it needs
    each ballot)."""

    projects: tuple
    costs: dict
    budget: int
    ballots: tuple
    extra_votes: dict = field(default_factory=dict)

    def votes(self) -> dict:
        counts = dict.fromkeys(self.projects, 0)
        for project, votes in self.extra_votes.items():
            counts[project] += votes
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
        approved = frozenset().union(*election.ballots)
        while share < election.budget and not _exhaustive(election, chosen, approved):
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


def _exhaustive(election, chosen, approved) -> bool:
    """No project that someone approved (``approved``) and that was left out would still fit
    in the real budget (a project nobody approved is never funded, however large the
    shares)."""
    left = election.budget - _cost(election, chosen)
    taken = set(chosen)
    return all(election.costs[p] > left for p in election.projects
               if p not in taken and p in approved)


CLOSE = 1e-7  # relative: floats decide nothing closer than this; fractions decide it


def _equal_shares_fixed(election: Election, total: Fraction) -> list:
    """Equal shares with ``total`` spread equally over the voters, no completion.

    Voters with the same ballot always hold the same money (they start alike and pay alike),
    so they are counted as one group with a weight. A project's price per euro (``rho``) only
    rises from round to round, as money is spent; so candidates are visited cheapest last-known
    price first, and the round stops at the first one whose last-known price is already above
    the best found (equalshares.net's own speed-up).

    Prices are first worked out in floating point; every candidate within ``CLOSE`` of the best
    (and any whose affordability is that close) is then priced in exact fractions, which
    choose. The money is kept exactly (a float copy for the first pass), so the outcome is the
    exact one."""
    voters = len(election.ballots)
    weights = {}
    for ballot in election.ballots:
        weights[ballot] = weights.get(ballot, 0) + 1
    groups = list(weights)
    weight = [weights[g] for g in groups]
    # each group's money, exactly: an index into ``amounts`` (voters hold few distinct amounts,
    # so each is worked out, compared and summed once, and never hashed)
    amounts = [total / voters]
    holds = [0] * len(groups)
    approx = [float(total / voters)] * len(groups)
    supporters = {p: [] for p in election.projects}
    for index, ballot in enumerate(groups):
        for project in ballot:
            supporters[project].append(index)
    position = {p: i for i, p in enumerate(election.projects)}
    votes = {p: sum(weight[g] for g in v) for p, v in supporters.items()}
    cost = election.costs
    known = {p: 0.0 for p in election.projects if cost[p] > 0 and supporters[p]}
    chosen = []
    while known:
        best_f, close = None, []
        for project in sorted(known, key=lambda p: (known[p], cost[p], -votes[p], position[p])):
            if best_f is not None and known[project] > best_f * (1 + CLOSE):
                break  # its price can only have risen: it cannot win this round
            backers = supporters[project]
            held = sum(approx[g] * weight[g] for g in backers)
            if held < cost[project] * (1 - CLOSE):
                del known[project]  # its supporters can no longer afford it
                continue
            if held < cost[project] * (1 + CLOSE):  # too close to tell in floats
                funds = _holdings(amounts, holds, weight, backers)
                if sum(amount * count for amount, count in funds) < cost[project]:
                    del known[project]
                    continue
                rho = float(_largest_payment(funds, cost[project]) / cost[project])
            else:
                payment = _largest_payment(sorted((approx[g], weight[g]) for g in backers),
                                           cost[project], 0.0)
                rho = float("inf") if payment is None else payment / cost[project]
            known[project] = rho
            close.append(project)
            if best_f is None or rho < best_f:
                best_f = rho
        if best_f is None:
            break
        best, best_key = None, None
        for project in close:
            if known.get(project, float("inf")) > best_f * (1 + CLOSE):
                continue
            payment = _largest_payment(_holdings(amounts, holds, weight, supporters[project]),
                                       cost[project])
            key = (payment / cost[project], cost[project], -votes[project], position[project])
            if best_key is None or key < best_key:
                best, best_key = project, key
        chosen.append(best)
        del known[best]
        payment = best_key[0] * cost[best]
        after = {}  # what each amount held becomes, worked out once
        for group in supporters[best]:
            held = holds[group]
            left = after.get(held)
            if left is None:
                amount = amounts[held]
                amounts.append(amount - min(amount, payment))
                left = after[held] = len(amounts) - 1
            holds[group] = left
            approx[group] = float(amounts[left])
    return chosen


def _holdings(amounts, holds, weight, backers) -> list:
    """(money, how many voters hold it) over the backers, smallest first, added up by amount
    before the (exact, dear) sort."""
    by_amount = {}
    for group in backers:
        by_amount[holds[group]] = by_amount.get(holds[group], 0) + weight[group]
    return sorted((amounts[held], count) for held, count in by_amount.items())


def _largest_payment(funds: list, cost: int, zero=Fraction(0)):
    """The least α such that the supporters, paying min(their money, α) each, cover ``cost``
    (``funds``: (money, how many voters hold it), smallest first), or None if they cannot.
    ``zero`` sets the arithmetic: exact fractions, or 0.0 for the floating-point first pass."""
    paid, remaining = zero, sum(count for _, count in funds)
    for own, count in funds:
        alpha = (cost - paid) / remaining
        if own >= alpha:
            return alpha
        paid += own * count
        remaining -= count
    return None

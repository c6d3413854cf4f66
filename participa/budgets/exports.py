"""A closed budget's ballots as a Pabulib file (META, PROJECTS, VOTES): voters as pseudonymous
ids in the box's key order (keyed hashes, so an order that tells nothing), each with the
receipt its voter was given, so anyone can find their own ballot and recount the whole."""

from participa.budgets import pabulib, queries
from participa.budgets.models import BallotKind


def pabulib_text(budget, *, town: str, language: str = "ca") -> str:
    official = (budget.results or {}).get(budget.rule.value, {}).get("selected", [])
    meta = {
        "description": budget.title,
        "country": "Spain",
        "unit": town,
        "instance": budget.process.slug,
        "num_projects": len(budget.projects),
        "num_votes": 0,
        "budget": budget.amount,
        "vote_type": "approval",
        "rule": budget.rule.value,
        "currency": "EUR",
        "language": language,
    }
    if budget.closed_at is not None:
        meta["date_end"] = budget.closed_at.date().isoformat()
    if budget.ballot_kind == BallotKind.KNAPSACK:
        meta["max_sum_cost"] = budget.amount
        if budget.minimum_share:
            meta["min_sum_cost"] = budget.minimum_spend
    else:
        meta["min_length"] = budget.min_choices
        if budget.max_choices:
            meta["max_length"] = budget.max_choices
    paper = sum(count.ballots for count in queries.paper_counts(budget))
    if paper:
        meta["comment"] = (f"{paper} paper ballots counted as totals per project are not "
                           "listed in VOTES")
    ids = {p.id: p.pabulib_id for p in budget.projects}
    votes = []
    for number, ballot in enumerate(queries.ballots(budget), start=1):
        votes.append({"voter_id": number,
                      "vote": [ids[pid] for pid in ballot.project_ids if pid in ids],
                      "receipt": ballot.receipt})
    meta["num_votes"] = len(votes)
    tallied = {}
    for ballot_ids in (v["vote"] for v in votes):
        for pid in ballot_ids:
            tallied[pid] = tallied.get(pid, 0) + 1
    projects = [{"project_id": p.pabulib_id, "cost": p.cost,
                 "votes": tallied.get(p.pabulib_id, 0), "name": p.title,
                 "category": p.category.name if p.category else "",
                 "selected": 1 if p.id in official else 0}
                for p in budget.projects]
    return pabulib.write(meta, projects, votes)

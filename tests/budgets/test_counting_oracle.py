"""Our counting against pabutools (1.2.3, a test dependency only: it never computes an
official result) on random approval elections: greedy, equal shares, equal shares with Add1.

The instances keep clear of the places where two correct implementations may differ: every
project has a supporter, costs are distinct (ties then go to the cheaper project in both), and
the budget is a whole number of euros per voter (where Add1 starts)."""

import random

import pytest
from pabutools.election import ApprovalBallot, ApprovalProfile, Cost_Sat, Instance, Project
from pabutools.rules import greedy_utilitarian_welfare, method_of_equal_shares
from pabutools.tiebreaking import min_cost_tie_breaking

from participa.budgets.counting import Election, equal_shares, greedy


def random_election(rng: random.Random) -> Election:
    count = rng.randint(3, 12)
    costs = rng.sample(range(5, 400), count)
    projects = tuple(f"p{i:02d}" for i in range(count))
    voters = rng.randint(3, 40)
    ballots = []
    for _ in range(voters):
        liked = rng.random()
        ballots.append(frozenset(p for p in projects if rng.random() < liked * 0.6))
    for project in projects:  # everyone's project has a supporter
        if not any(project in b for b in ballots):
            i = rng.randrange(voters)
            ballots[i] = ballots[i] | {project}
    budget = voters * rng.randint(max(1, sum(costs) // (4 * voters)),
                                  max(2, sum(costs) // (2 * voters)))
    return Election(projects=projects, costs=dict(zip(projects, costs, strict=True)),
                    budget=budget, ballots=tuple(ballots))


def pabutools_outcomes(election: Election) -> dict:
    instance = Instance(budget_limit=election.budget)
    by_name = {p: Project(p, election.costs[p]) for p in election.projects}
    instance.update(by_name.values())
    profile = ApprovalProfile(
        [ApprovalBallot([by_name[p] for p in ballot]) for ballot in election.ballots],
        instance=instance)

    def names(allocation):
        return {p.name for p in allocation}

    return {
        "greedy": names(greedy_utilitarian_welfare(
            instance, profile, sat_class=Cost_Sat, tie_breaking=min_cost_tie_breaking)),
        "none": names(method_of_equal_shares(
            instance, profile, sat_class=Cost_Sat, tie_breaking=min_cost_tie_breaking)),
        "add1": names(method_of_equal_shares(
            instance, profile, sat_class=Cost_Sat, tie_breaking=min_cost_tie_breaking,
            voter_budget_increment=1)),
    }


@pytest.mark.parametrize("seed", range(60))
def test_the_same_outcomes_as_pabutools(seed):
    election = random_election(random.Random(seed))
    expected = pabutools_outcomes(election)
    assert set(greedy(election).selected) == expected["greedy"]
    assert set(equal_shares(election, completion="none").selected) == expected["none"]
    assert set(equal_shares(election, completion="add1").selected) == expected["add1"]

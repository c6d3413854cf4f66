"""Counting approval ballots: greedy and the Method of Equal Shares (participa/budgets/
counting.py), on examples worked out by hand; the pabutools comparison is in
test_counting_oracle.py."""

import pytest

from participa.budgets.counting import Election, equal_shares, greedy, tally


def election(budget, costs, groups):
    """``costs``: id → cost, in listed order; ``groups``: (how many voters, what they approve)."""
    ballots = []
    for count, approved in groups:
        ballots += [frozenset(approved)] * count
    return Election(projects=tuple(costs), costs=dict(costs), budget=budget,
                    ballots=tuple(ballots))


# 60 voters want the A projects, 40 want B: greedy gives the majority the whole budget, equal
# shares gives each group what its share of the budget pays for
MAJORITY = election(1000, {"A1": 300, "A2": 300, "A3": 300, "B": 300},
                    [(60, {"A1", "A2", "A3"}), (40, {"B"})])


def test_greedy_funds_the_most_voted_while_they_fit():
    assert greedy(MAJORITY).selected == ("A1", "A2", "A3")
    assert greedy(MAJORITY).cost == 900


def test_equal_shares_gives_the_minority_its_share():
    # each voter holds 10 €: the 60 pay 5 € each for A1, then A2 (1/60 per euro of cost,
    # less than B's 7.50 € each, 1/40); they have nothing left for A3; the 40 pay B
    outcome = equal_shares(MAJORITY, completion="none")
    assert outcome.selected == ("A1", "A2", "B") and outcome.cost == 900
    # 100 € are left and nothing costs that little: Add1 changes nothing
    assert equal_shares(MAJORITY).selected == ("A1", "A2", "B")


def test_add1_spends_what_the_first_count_leaves():
    # 10 voters with 100 € each; X (cost 600) is wanted by 5, who hold only 500 €: the first
    # count funds Y alone; with 20 € more each (Add1), the 5 can pay X and the whole still fits
    case = election(1000, {"X": 600, "Y": 400}, [(5, {"X"}), (5, {"Y"})])
    assert equal_shares(case, completion="none").selected == ("Y",)
    outcome = equal_shares(case)
    assert set(outcome.selected) == {"X", "Y"} and outcome.cost == 1000


def test_add1_stops_before_the_outcome_overspends_and_greedy_spends_the_rest():
    # two voters with 50 € each want a project of 60 € each: neither can pay; raising the
    # shares to 60 € would fund both, 120 € in all, over the budget, so Add1 keeps nothing;
    # the greedy completion then funds the first listed of the two (equal votes and cost)
    case = election(100, {"P": 60, "Q": 60}, [(1, {"P"}), (1, {"Q"})])
    assert equal_shares(case).selected == ()
    finished = equal_shares(case, completion="add1-greedy")
    assert finished.selected == ("P",) and finished.cost == 60


def test_ties_go_to_the_cheaper_then_the_more_voted_then_the_first_listed():
    same = election(100, {"P": 50, "Q": 50}, [(2, {"P", "Q"})])
    assert equal_shares(same, completion="none").selected == ("P", "Q")
    assert greedy(same).selected == ("P", "Q")
    cheaper = election(100, {"P": 60, "Q": 40}, [(1, {"P"}), (1, {"Q"})])
    assert greedy(cheaper).selected == ("Q", "P")  # equal votes: the cheaper first
    assert equal_shares(cheaper, completion="none").selected == ("Q",)


def test_exact_arithmetic_where_floats_would_tie():
    # three voters, a third of the budget each: in floats 1/3 + 1/3 + 1/3 may miss 1
    case = election(1, {"P": 1}, [(3, {"P"})])
    assert equal_shares(case, completion="none").selected == ("P",)
    # six voters with 7/3 € each: Q's three hold exactly its 7 €, P's cannot reach 10 €
    case = election(14, {"P": 10, "Q": 7}, [(3, {"P"}), (3, {"Q"})])
    assert equal_shares(case, completion="none").selected == ("Q",)


def test_edge_cases():
    empty = election(100, {"P": 50}, [])
    assert equal_shares(empty).selected == () and greedy(empty).selected == ()
    nobody = election(100, {"P": 50}, [(4, set())])
    assert equal_shares(nobody).selected == () and greedy(nobody).selected == ()
    with pytest.raises(ValueError):
        tally(MAJORITY, "borda")
    with pytest.raises(ValueError):
        tally(MAJORITY, "equal-shares", "add2")

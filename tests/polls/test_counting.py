"""Counting polls by hand-checked examples: yes/no/abstain, approval, the pairwise table,
Schulze (Wikipedia's 45-voter example) and instant runoff with its tie-breaking."""

import pytest

from participa.polls.counting import (
    approval_ranking,
    instant_runoff,
    irv_winner,
    pairwise,
    schulze_ranking,
    schulze_winners,
    strongest_paths,
    tally_approval,
    tally_ranked,
    tally_yes_no,
)


def profile(*groups):
    """(count, "ACBED") groups → ballots as lists of letters."""
    return [list(order) for count, order in groups for _ in range(count)]


# -- yes / no / abstain ----------------------------------------------------------------------


def test_yes_no_counts_and_outcome():
    result = tally_yes_no(["yes", "no", "yes", "abstain", "yes"])
    assert (result.yes, result.no, result.abstain, result.ballots) == (3, 1, 1, 5)
    assert result.outcome == "yes"
    assert tally_yes_no(["no", "abstain", "abstain"]).outcome == "no"


def test_a_tie_or_only_abstentions_has_no_outcome():
    assert tally_yes_no(["yes", "no", "abstain"]).outcome is None
    assert tally_yes_no(["abstain"]).outcome is None
    assert tally_yes_no([]).ballots == 0


def test_yes_no_refuses_anything_else():
    with pytest.raises(ValueError):
        tally_yes_no(["maybe"])


# -- approval ----------------------------------------------------------------------------------


def test_approval_counts_each_ballot_once_per_option():
    counts = tally_approval("ABCD", [{"A", "B"}, {"B"}, {"B", "D"}, set(), ["A", "A"]])
    assert counts == {"A": 2, "B": 3, "C": 0, "D": 1}
    assert approval_ranking(counts) == ["B", "A", "D", "C"]


def test_approval_ties_keep_the_listed_order():
    assert approval_ranking(tally_approval("XYZ", [{"Z"}, {"Y"}])) == ["Y", "Z", "X"]


def test_approval_refuses_unknown_options():
    with pytest.raises(ValueError):
        tally_approval("AB", [{"C"}])


# -- the pairwise table ----------------------------------------------------------------------


def test_unranked_options_rank_below_ranked_ones_and_tie_among_themselves():
    d = pairwise("ABCD", [["B"], ["A", "C"]])
    assert d["B"] == {"A": 1, "C": 1, "D": 1}
    assert d["A"] == {"B": 1, "C": 1, "D": 1}
    assert d["C"] == {"A": 0, "B": 1, "D": 1}
    assert d["D"] == {"A": 0, "B": 0, "C": 0}  # never ranked, never above anyone


def test_a_ranking_naming_an_option_twice_is_refused():
    with pytest.raises(ValueError):
        pairwise("ABC", [["A", "B", "A"]])
    with pytest.raises(ValueError):
        instant_runoff("ABC", [["A", "Z"]])


# -- Schulze -----------------------------------------------------------------------------------

# https://en.wikipedia.org/wiki/Schulze_method#Example (45 voters, 5 candidates)
WIKIPEDIA = profile((5, "ACBED"), (5, "ADECB"), (8, "BEDAC"), (3, "CABED"), (7, "CAEBD"),
                    (2, "CBADE"), (7, "DCEBA"), (8, "EBADC"))


def test_wikipedia_pairwise_table():
    d = pairwise("ABCDE", WIKIPEDIA)
    assert d["A"] == {"B": 20, "C": 26, "D": 30, "E": 22}
    assert d["B"] == {"A": 25, "C": 16, "D": 33, "E": 18}
    assert d["C"] == {"A": 19, "B": 29, "D": 17, "E": 24}
    assert d["D"] == {"A": 15, "B": 12, "C": 28, "E": 14}
    assert d["E"] == {"A": 23, "B": 27, "C": 21, "D": 31}


def test_wikipedia_strongest_paths_winner_and_ranking():
    d = pairwise("ABCDE", WIKIPEDIA)
    p = strongest_paths("ABCDE", d)
    assert p["A"] == {"B": 28, "C": 28, "D": 30, "E": 24}
    assert p["B"] == {"A": 25, "C": 28, "D": 33, "E": 24}
    assert p["C"] == {"A": 25, "B": 29, "D": 29, "E": 24}
    assert p["D"] == {"A": 25, "B": 28, "C": 28, "E": 24}
    assert p["E"] == {"A": 25, "B": 28, "C": 28, "D": 31}
    assert schulze_winners("ABCDE", p) == ["E"]
    assert schulze_ranking("ABCDE", p) == [["E"], ["A"], ["C"], ["B"], ["D"]]


def test_a_condorcet_cycle_with_equal_strengths_is_a_tie():
    ballots = profile((1, "ABC"), (1, "BCA"), (1, "CAB"))
    result = tally_ranked("ABC", ballots)
    assert result.winners == ["A", "B", "C"]
    assert result.ranking == [["A", "B", "C"]]


def test_a_condorcet_winner_wins_schulze():
    ballots = profile((4, "BAC"), (3, "ACB"), (2, "CAB"))
    result = tally_ranked("ABC", ballots)
    assert result.winners == ["A"]  # A beats B 5–4 and C 7–2, though B has most first places
    assert result.ranking == [["A"], ["B"], ["C"]] or result.ranking == [["A"], ["C"], ["B"]]


def test_no_ballots_ties_everyone():
    result = tally_ranked("AB", [])
    assert result.winners == ["A", "B"]
    assert result.rounds[-1].winner is None


# -- instant runoff ----------------------------------------------------------------------------


def test_instant_runoff_rounds_transfer_votes():
    ballots = profile((4, "BAC"), (3, "ACB"), (2, "CAB"))
    rounds = instant_runoff("ABC", ballots)
    assert [r.counts for r in rounds] == [{"A": 3, "B": 4, "C": 2}, {"A": 5, "B": 4}]
    assert rounds[0].eliminated == "C" and rounds[0].tied == []
    assert irv_winner(rounds) == "A"


def test_instant_runoff_stops_at_a_majority():
    rounds = instant_runoff("ABC", profile((3, "A"), (1, "B"), (1, "C")))
    assert len(rounds) == 1 and rounds[0].winner == "A"


def test_exhausted_ballots_leave_the_count():
    ballots = profile((3, "A"), (2, "BA"), (2, "C"), (1, "D"))
    rounds = instant_runoff("ABCD", ballots)
    # D goes; its ballot ranks nothing else, so it is exhausted
    assert rounds[0].eliminated == "D"
    assert rounds[1].exhausted == 1 and rounds[1].continuing == 7
    # B and C tie on 2 in round 2 and in round 1: C is listed last and goes
    assert rounds[1].tied == ["B", "C"] and rounds[1].eliminated == "C"
    assert rounds[2].exhausted == 3 and rounds[2].counts == {"A": 3, "B": 2}
    assert irv_winner(rounds) == "A"


def test_ties_look_back_at_earlier_rounds():
    ballots = profile((4, "A"), (3, "B"), (2, "C"), (1, "DB"), (1, "E"))
    rounds = instant_runoff("ABCDE", ballots)
    # round 1: D and E tie on 1 and there is no earlier round: E (listed last) goes
    assert rounds[0].tied == ["D", "E"] and rounds[0].eliminated == "E"
    # round 2: D has 1, the fewest: it goes and its ballot moves to B; round 3: C goes
    assert rounds[1].eliminated == "D"
    assert rounds[2].counts == {"A": 4, "B": 4, "C": 2} and rounds[2].eliminated == "C"
    # round 4: A 4, B 4: tied now, and in round 3; in round 2 B had 3 and A 4: B goes
    assert rounds[3].tied == ["A", "B"] and rounds[3].eliminated == "B"
    assert irv_winner(rounds) == "A"


def test_the_last_option_standing_wins():
    rounds = instant_runoff("AB", profile((1, "A"), (1, "B")))
    assert rounds[0].tied == ["A", "B"] and rounds[0].eliminated == "B"
    assert irv_winner(rounds) == "A"


def test_wikipedia_instant_runoff():
    rounds = instant_runoff("ABCDE", WIKIPEDIA)
    assert rounds[0].counts == {"A": 10, "B": 8, "C": 12, "D": 7, "E": 8}
    assert rounds[0].eliminated == "D"
    assert irv_winner(rounds) == tally_ranked("ABCDE", WIKIPEDIA).irv_winner

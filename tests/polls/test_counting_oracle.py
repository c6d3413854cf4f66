"""Our ranked counting against pref-voting (1.18.2, a test dependency only: it never computes
a result) on random profiles.

- Schulze: the winner set equals pref-voting's ``beat_path`` with winning votes as the strength
  (``support``), on complete and on truncated ballots (unranked options below, tied).
- The pairwise table equals pref-voting's ``support``.
- Instant runoff: on complete ballots our winner is always one of the parallel-universe winners
  (``instant_runoff_put``: every winner some tie-breaking could give), and equals plain
  ``instant_runoff`` when no elimination was a tie; on truncated ballots it equals
  ``instant_runoff_for_truncated_linear_orders`` when no elimination was a tie."""

import random
import warnings

import pytest

with warnings.catch_warnings():  # pref-voting's own imports (numba, matplotlib, ...)
    warnings.simplefilter("ignore")
    from pref_voting.profiles import Profile
    from pref_voting.profiles_with_ties import ProfileWithTies
    from pref_voting.voting_methods import (
        beat_path,
        instant_runoff,
        instant_runoff_for_truncated_linear_orders,
        instant_runoff_put,
    )

from participa.polls import counting

SEEDS = range(150)


def complete_profile(rng):
    count = rng.randint(2, 6)
    options = list(range(count))
    ballots = [rng.sample(options, count) for _ in range(rng.randint(1, 25))]
    return options, ballots


def truncated_profile(rng):
    count = rng.randint(2, 6)
    options = list(range(count))
    ballots = []
    for _ in range(rng.randint(1, 25)):
        ballots.append(rng.sample(options, rng.randint(1, count)))
    return options, ballots


def with_ties(options, ballots):
    profile = ProfileWithTies([{o: i + 1 for i, o in enumerate(b)} for b in ballots],
                              candidates=options)
    profile.use_extended_strict_preference()  # unranked below ranked, as ours
    return profile


def no_real_tie(rounds) -> bool:
    """No elimination chose among options tied above zero votes (options with no votes go
    one after another, which changes nobody's count)."""
    return all(not r.tied or r.counts[r.tied[0]] == 0 for r in rounds)


@pytest.mark.parametrize("seed", SEEDS)
def test_schulze_and_pairwise_on_complete_ballots(seed):
    options, ballots = complete_profile(random.Random(seed))
    profile = Profile(ballots)
    result = counting.tally_ranked(options, ballots)
    for a in options:
        for b in options:
            if a != b:
                assert result.d[a][b] == profile.support(a, b)
    assert result.winners == beat_path(profile)
    assert result.ranking[0] == result.winners


@pytest.mark.parametrize("seed", SEEDS)
def test_schulze_on_truncated_ballots(seed):
    options, ballots = truncated_profile(random.Random(1000 + seed))
    profile = with_ties(options, ballots)
    result = counting.tally_ranked(options, ballots)
    for a in options:
        for b in options:
            if a != b:
                assert result.d[a][b] == profile.support(a, b)
    assert result.winners == beat_path(profile, strength_function=profile.support)


@pytest.mark.parametrize("seed", SEEDS)
def test_instant_runoff_on_complete_ballots(seed):
    options, ballots = complete_profile(random.Random(2000 + seed))
    profile = Profile(ballots)
    rounds = counting.instant_runoff(options, ballots)
    ours = counting.irv_winner(rounds)
    assert ours in instant_runoff_put(profile)
    if no_real_tie(rounds):
        assert [ours] == instant_runoff(profile)


@pytest.mark.parametrize("seed", SEEDS)
def test_instant_runoff_on_truncated_ballots(seed):
    rng = random.Random(3000 + seed)
    while True:  # the first profile of this seed whose eliminations were no ties
        options, ballots = truncated_profile(rng)
        rounds = counting.instant_runoff(options, ballots)
        if no_real_tie(rounds):
            break
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = instant_runoff_for_truncated_linear_orders(with_ties(options, ballots),
                                                            hide_warnings=True)
    assert [counting.irv_winner(rounds)] == theirs

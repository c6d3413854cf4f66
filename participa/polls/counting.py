"""Counting a poll's ballots. Pure functions of the options (in their listed order) and the
ballots, so the published result and anyone's recount from the CSV run the same code.

- Yes/no/abstain: how many of each; the question passes with more yes than no (abstentions
  count for turnout, not for the outcome).
- Approval: how many ballots approve each option.
- Ranked: a ballot orders some or all of the options; the options it leaves out rank below
  every option it ranks, tied among themselves. From the ballots, the pairwise table
  ``d[a][b]`` (how many ballots rank ``a`` above ``b``), then:

  * **Schulze** (the official result): the strength of the link ``a → b`` is ``d[a][b]`` when
    ``d[a][b] > d[b][a]`` and 0 otherwise (winning votes); ``p[a][b]`` is the strength of the
    strongest (widest) path from ``a`` to ``b``. ``a`` beats ``b`` when ``p[a][b] > p[b][a]``;
    the winners are the options nobody beats, and the full ranking repeats this on the
    options left (so it is a list of tiers; options in one tier are tied).
  * **Instant runoff**, shown alongside: each round, every ballot counts for its highest-ranked
    option still in the count (a ballot with none left is exhausted); an option with more than
    half of the ballots still counting wins; otherwise the option with the fewest votes is
    eliminated. Ties for the fewest are broken *backwards*: among the tied options, the one
    with fewer votes in the latest earlier round where they differ goes; if they never
    differed, the one listed last goes. The round records the tie, so the page can say so.
"""

from dataclasses import dataclass, field

YES, NO, ABSTAIN = "yes", "no", "abstain"
ANSWERS = (YES, NO, ABSTAIN)


# -- yes / no / abstain -----------------------------------------------------------------------


@dataclass(frozen=True)
class YesNoResult:
    yes: int
    no: int
    abstain: int

    @property
    def ballots(self) -> int:
        return self.yes + self.no + self.abstain

    @property
    def outcome(self) -> str | None:
        """``"yes"`` or ``"no"`` (whichever has more), or None on a tie."""
        if self.yes == self.no:
            return None
        return YES if self.yes > self.no else NO


def tally_yes_no(ballots) -> YesNoResult:
    """``ballots``: one of "yes", "no", "abstain" each."""
    counts = dict.fromkeys(ANSWERS, 0)
    for answer in ballots:
        if answer not in counts:
            raise ValueError(f"not a yes/no/abstain answer: {answer!r}")
        counts[answer] += 1
    return YesNoResult(**counts)


# -- approval ----------------------------------------------------------------------------------


def tally_approval(options, ballots) -> dict:
    """Votes per option, in the options' listed order. ``ballots``: collections of options."""
    counts = dict.fromkeys(options, 0)
    for ballot in ballots:
        for option in set(ballot):
            if option not in counts:
                raise ValueError(f"unknown option: {option!r}")
            counts[option] += 1
    return counts


def approval_ranking(counts: dict) -> list:
    """Options by votes, most first; ties keep the listed order."""
    order = {option: i for i, option in enumerate(counts)}
    return sorted(counts, key=lambda option: (-counts[option], order[option]))


# -- ranked: the pairwise table ---------------------------------------------------------------


def _check_ranking(options_set, ballot) -> None:
    if len(set(ballot)) != len(ballot):
        raise ValueError(f"an option is ranked twice: {ballot!r}")
    unknown = [o for o in ballot if o not in options_set]
    if unknown:
        raise ValueError(f"unknown options: {unknown!r}")


def pairwise(options, ballots) -> dict:
    """``d[a][b]``: how many ballots rank ``a`` above ``b`` (a ranked option is above every
    option the ballot leaves out; two left out are tied)."""
    options = list(options)
    options_set = set(options)
    d = {a: dict.fromkeys((b for b in options if b != a), 0) for a in options}
    for ballot in ballots:
        ballot = list(ballot)
        _check_ranking(options_set, ballot)
        ranked = set(ballot)
        unranked = [o for o in options if o not in ranked]
        for i, a in enumerate(ballot):
            row = d[a]
            for b in ballot[i + 1:]:
                row[b] += 1
            for b in unranked:
                row[b] += 1
    return d


# -- ranked: Schulze ---------------------------------------------------------------------------


def strongest_paths(options, d: dict) -> dict:
    """``p[a][b]``: the strength of the widest path from ``a`` to ``b`` (winning votes)."""
    options = list(options)
    p = {a: {b: (d[a][b] if d[a][b] > d[b][a] else 0) for b in options if b != a}
         for a in options}
    for k in options:
        for i in options:
            if i == k:
                continue
            via = p[i][k]
            if not via:
                continue
            row_i, row_k = p[i], p[k]
            for j in options:
                if j == i or j == k:
                    continue
                width = min(via, row_k[j])
                if width > row_i[j]:
                    row_i[j] = width
    return p


def schulze_winners(options, p: dict, among=None) -> list:
    """The options (of ``among``, by default all) that no other among them beats, in the
    listed order."""
    among = list(options) if among is None else list(among)
    return [a for a in among if all(p[a][b] >= p[b][a] for b in among if b != a)]


def schulze_ranking(options, p: dict) -> list[list]:
    """The full ranking as tiers: the winners, then the winners of the rest, and so on."""
    left = list(options)
    tiers = []
    while left:
        tier = schulze_winners(options, p, among=left)
        if not tier:  # cannot happen (the relation is transitive); never loop forever
            tier = left
        tiers.append(tier)
        left = [o for o in left if o not in tier]
    return tiers


# -- ranked: instant runoff --------------------------------------------------------------------


@dataclass
class Round:
    """One round of the instant runoff."""

    counts: dict  # option → votes this round, for the options still in the count
    exhausted: int  # ballots with no option left in the count
    winner: object = None  # set in the last round when someone has a majority (or is alone)
    eliminated: object = None
    tied: list = field(default_factory=list)  # the options tied for the fewest, if several

    @property
    def continuing(self) -> int:
        return sum(self.counts.values())


def instant_runoff(options, ballots) -> list[Round]:
    """The rounds of the instant runoff; the last names the winner (None without ballots)."""
    options = list(options)
    options_set = set(options)
    ballots = [list(b) for b in ballots]
    for ballot in ballots:
        _check_ranking(options_set, ballot)
    order = {option: i for i, option in enumerate(options)}
    remaining = list(options)
    rounds: list[Round] = []
    while remaining:
        left = set(remaining)
        counts = dict.fromkeys(remaining, 0)
        exhausted = 0
        for ballot in ballots:
            top = next((o for o in ballot if o in left), None)
            if top is None:
                exhausted += 1
            else:
                counts[top] += 1
        current = Round(counts=counts, exhausted=exhausted)
        rounds.append(current)
        continuing = current.continuing
        if continuing == 0:
            return rounds  # nobody ranked any option: no winner
        leader = max(remaining, key=lambda o: (counts[o], -order[o]))
        if 2 * counts[leader] > continuing or len(remaining) == 1:
            current.winner = leader
            return rounds
        fewest = min(counts.values())
        tied = [o for o in remaining if counts[o] == fewest]
        if len(tied) > 1:
            current.tied = tied
        current.eliminated = _backwards(tied, rounds[:-1], order)
        remaining.remove(current.eliminated)
    return rounds


def _backwards(tied: list, earlier: list[Round], order: dict):
    """Who goes among the options tied for the fewest votes: the one with fewer votes in the
    latest earlier round where they differ; failing that, the one listed last."""
    candidates = list(tied)
    for previous in reversed(earlier):
        if len(candidates) == 1:
            break
        fewest = min(previous.counts[o] for o in candidates)
        candidates = [o for o in candidates if previous.counts[o] == fewest]
    return max(candidates, key=lambda o: order[o])


def irv_winner(rounds: list[Round]):
    return rounds[-1].winner if rounds else None


# -- ranked: everything the results page shows ---------------------------------------------


@dataclass(frozen=True)
class RankedResult:
    options: list
    d: dict
    p: dict
    winners: list
    ranking: list  # tiers
    rounds: list

    @property
    def irv_winner(self):
        return irv_winner(self.rounds)


def tally_ranked(options, ballots) -> RankedResult:
    options = list(options)
    ballots = [list(b) for b in ballots]
    d = pairwise(options, ballots)
    p = strongest_paths(options, d)
    return RankedResult(options=options, d=d, p=p, winners=schulze_winners(options, p),
                        ranking=schulze_ranking(options, p),
                        rounds=instant_runoff(options, ballots))

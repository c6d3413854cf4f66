"""A poll's result as its pages show it: the count of its ballots (``counting``) with the
options' titles, and the turnout."""

from dataclasses import dataclass

from participa.polls import counting, queries
from participa.polls.models import PollKind


@dataclass
class PollResults:
    poll: object
    ballots: int
    voters: int
    eligible: int | None  # verified residents who may vote, when the census is used
    yes_no: counting.YesNoResult | None = None
    approval: list | None = None  # (option, votes), most votes first
    ranked: counting.RankedResult | None = None

    @property
    def turnout(self) -> float | None:
        """Voters over eligible verified residents (0–1), when the census is used."""
        if not self.eligible:
            return None
        return self.voters / self.eligible

    @property
    def options(self) -> dict:
        return {option.id: option for option in self.poll.options}

    def tiers(self) -> list[list]:
        """The Schulze ranking with option objects."""
        options = self.options
        return [[options[i] for i in tier] for tier in self.ranked.ranking]

    def winners(self) -> list:
        options = self.options
        return [options[i] for i in self.ranked.winners]


def poll_results(poll, *, on) -> PollResults:
    """Count the poll's ballots now (``on``: the day eligibility is counted for)."""
    choices = [ballot.choice for ballot in queries.list_ballots(poll)]
    result = PollResults(poll=poll, ballots=len(choices), voters=poll.voters_count,
                         eligible=queries.count_eligible(poll, on=on))
    option_ids = [option.id for option in poll.options]
    if poll.kind == PollKind.YES_NO:
        result.yes_no = counting.tally_yes_no(choices)
    elif poll.kind == PollKind.APPROVAL:
        counts = counting.tally_approval(option_ids, choices)
        options = result.options
        result.approval = [(options[i], counts[i]) for i in counting.approval_ranking(counts)]
    else:
        result.ranked = counting.tally_ranked(option_ids, choices)
    return result


def choice_text(poll, choice) -> tuple[str, str]:
    """A ballot as the CSV writes it: (by option number, by option title). Numbers are the
    options' positions as the poll lists them; a ranking is written best first with ``>``."""
    if poll.kind == PollKind.YES_NO:
        return choice, choice
    options = {option.id: option for option in poll.options}
    chosen = [options[i] for i in choice if i in options]
    separator = ">" if poll.kind == PollKind.RANKED else ","
    return (separator.join(str(o.position) for o in chosen),
            f" {separator} ".join(o.title for o in chosen))

"""Who may do what with polls. Pure predicates shared by views (403) and templates.

The process's managers (the council and its facilitators) create, edit and open polls; the
council closes them and turns live results on. Voting needs an open poll, a phase that allows
votes and an eligible person (``participa.census.eligibility`` decides who is)."""

from datetime import datetime

from flask_babel import lazy_gettext as _l

from participa.census.eligibility import Ineligibility, why_not_eligible
from participa.core.enums import LabelledEnum
from participa.core.permissions import is_council
from participa.core.timeutil import local_date as voting_day
from participa.core.types import utcnow
from participa.polls.models import PollState
from participa.processes.permissions import can_manage_process, can_view_process
from participa.processes.phases import Action, phase_allows


class VoteRefusal(LabelledEnum):
    NOT_OPEN = "not_open", _l("This poll is not open for voting.")
    PHASE = "phase", _l("The current phase of this process does not take votes.")
    BLOCKED = "blocked", _l("Your account is blocked: you cannot vote.")


def can_manage_polls(user, process) -> bool:
    return can_manage_process(user, process)


def can_view_poll(user, poll) -> bool:
    """Open and closed polls are public; drafts only to the process's managers."""
    if not can_view_process(user, poll.process):
        return False
    return poll.state != PollState.DRAFT or can_manage_polls(user, poll.process)


def can_edit_poll(user, poll) -> bool:
    """Managers until it closes (the rules themselves freeze with the first ballot)."""
    return can_manage_polls(user, poll.process) and poll.state != PollState.CLOSED


def can_open_poll(user, poll) -> bool:
    return can_manage_polls(user, poll.process) and poll.state == PollState.DRAFT


def can_close_poll(user, poll) -> bool:
    """The council closes a poll (and so publishes its result)."""
    return is_council(user) and poll.state == PollState.OPEN


def can_set_live_results(user, poll) -> bool:
    """The council may show the count while the poll is open (or before)."""
    return is_council(user) and poll.state != PollState.CLOSED


def can_see_results(user, poll) -> bool:
    """Results are public once the poll closes; before, only with live results on — for
    everyone alike, the council too."""
    if not can_view_poll(user, poll):
        return False
    return poll.state == PollState.CLOSED or (poll.state == PollState.OPEN
                                              and poll.live_results)


def can_download_ballots(user, poll) -> bool:
    return can_view_poll(user, poll) and poll.state == PollState.CLOSED


def why_not_vote(user, poll, verification, *,
                 now: datetime | None = None) -> VoteRefusal | Ineligibility | None:
    """Why ``user`` may not vote in ``poll`` now (None: they may). ``verification`` is their
    census verification (``participa.census.queries.verification_of``), or None."""
    now = now or utcnow()
    if poll.state != PollState.OPEN:
        return VoteRefusal.NOT_OPEN
    if not phase_allows(poll.process, Action.VOTE, now):
        return VoteRefusal.PHASE
    if getattr(user, "is_blocked", False):
        return VoteRefusal.BLOCKED
    return why_not_eligible(
        user, verification, census_required=poll.census_required,
        neighbourhood_ids=[n.id for n in poll.neighbourhoods],
        minimum_age=poll.minimum_age, on=voting_day(now),
    )


def can_vote(user, poll, verification, now: datetime | None = None) -> bool:
    return why_not_vote(user, poll, verification, now=now) is None

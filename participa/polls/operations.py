"""Every write about polls and their ballots. Flush, never commit; the actor, the clock and the
ballot key (``BALLOT_KEY`` from the configuration, never stored) are passed in.

One ballot per person under parallel requests: casting takes ``lock_row(User, actor.id)`` (one
person's requests queue up) and then ``lock_row(Poll, poll.id)`` (so a rule change and a first
ballot cannot cross: whichever comes second sees the other); the roll's primary key (poll,
person) and the box's key (a keyed hash of poll and person) refuse a second row anyway.

A voter may change their ballot until the poll closes: the same key finds their ballot, which
is replaced (the last one counts) and gets a **new receipt** — the old one no longer appears in
the published ballots. The ActionLog says who cast or changed a ballot, never what it says."""

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from participa.accounts.models import User
from participa.census.queries import verification_of
from participa.core.database import add_to_counters, lock_row
from participa.core.errors import DomainError
from participa.core.models import log_action
from participa.core.secrecy import keyed_digest, new_receipt, rewrite_in_random_order
from participa.core.types import utcnow
from participa.extensions import db
from participa.neighbourhoods.models import Neighbourhood
from participa.polls.counting import ANSWERS
from participa.polls.models import (
    DESCRIPTION_LIMIT,
    MAX_OPTIONS,
    Poll,
    PollBallot,
    PollKind,
    PollOption,
    PollState,
    PollVoter,
)
from participa.polls.permissions import (
    can_close_poll,
    can_edit_poll,
    can_manage_polls,
    can_open_poll,
    can_set_live_results,
    voting_day,
    why_not_vote,
)

BALLOT_PURPOSE = "poll-ballot"

# the ActionLog verbs written here, as the council's log reads them
VERBS = {
    "create_poll": _l("created a poll"),
    "update_poll": _l("edited a poll"),
    "open_poll": _l("opened a poll"),
    "close_poll": _l("closed a poll"),
    "set_poll_live_results": _l("changed whether a poll shows live results"),
    "cast_poll_ballot": _l("voted in a poll"),
    "change_poll_ballot": _l("changed their ballot in a poll"),
}

FROZEN = _l("People have already voted: the kind, the options, the limits and who may vote "
            "can no longer change.")


# -- the poll and its rules --------------------------------------------------------------------


def _option_titles(data) -> list[str]:
    raw = data.get("options") or []
    if isinstance(raw, str):
        raw = raw.splitlines()
    return [line.strip() for line in raw if line and line.strip()]


def _rules(data) -> dict:
    """The rules asked for, checked: what freezes with the first ballot."""
    try:
        kind = PollKind(data.get("kind") or PollKind.YES_NO.value)
    except ValueError:
        raise DomainError(_l("Choose one of the kinds of poll."), field="kind") from None
    options = _option_titles(data) if kind != PollKind.YES_NO else []
    if kind != PollKind.YES_NO:
        if not 2 <= len(options) <= MAX_OPTIONS:
            raise DomainError(_l("Give between 2 and %(n)s options, one per line.",
                                 n=MAX_OPTIONS), field="options")
        if any(len(title) > 200 for title in options):
            raise DomainError(_l("Each option can be at most 200 characters long."),
                              field="options")
        if len({title.casefold() for title in options}) != len(options):
            raise DomainError(_l("Each option must be different."), field="options")
    max_choices = None
    if kind == PollKind.APPROVAL:
        max_choices = data.get("max_choices") or None
        if max_choices is None or not 1 <= max_choices <= len(options):
            raise DomainError(_l("Say how many options a person may pick: from 1 to the "
                                 "number of options."), field="max_choices")
    minimum_age = data.get("minimum_age") or None
    if minimum_age is not None and not 1 <= minimum_age <= 120:
        raise DomainError(_l("Give an age between 1 and 120, or leave it blank."),
                          field="minimum_age")
    census_required = bool(data.get("census_required"))
    neighbourhood_ids = sorted(set(data.get("neighbourhood_ids") or [])) if census_required \
        else []
    return {"kind": kind, "options": options, "max_choices": max_choices,
            "census_required": census_required, "neighbourhood_ids": neighbourhood_ids,
            "minimum_age": minimum_age}


def _current_rules(poll) -> dict:
    return {"kind": poll.kind, "options": [o.title for o in poll.options],
            "max_choices": poll.max_choices, "census_required": poll.census_required,
            "neighbourhood_ids": sorted(n.id for n in poll.neighbourhoods),
            "minimum_age": poll.minimum_age}


def _apply_text(poll, data):
    title = (data.get("title") or "").strip()
    description = (data.get("description") or "").strip()
    if not title or len(title) > 200:
        raise DomainError(_l("Write the question in at most 200 characters."), field="title")
    if len(description) > DESCRIPTION_LIMIT:
        raise DomainError(_l("Write a text of at most %(n)s characters.", n=DESCRIPTION_LIMIT),
                          field="description")
    poll.title, poll.description = title, description


def _apply_rules(poll, rules):
    neighbourhoods = []
    if rules["neighbourhood_ids"]:
        neighbourhoods = list(db.session.scalars(
            sa.select(Neighbourhood).where(Neighbourhood.id.in_(rules["neighbourhood_ids"]))))
        if len(neighbourhoods) != len(rules["neighbourhood_ids"]):
            raise DomainError(_l("Choose neighbourhoods from the list."),
                              field="neighbourhood_ids")
    poll.kind, poll.max_choices = rules["kind"], rules["max_choices"]
    poll.census_required, poll.minimum_age = rules["census_required"], rules["minimum_age"]
    poll.neighbourhoods = neighbourhoods
    if [o.title for o in poll.options] != rules["options"]:
        poll.options.clear()
        db.session.flush()  # the old positions go before the new ones take them
        poll.options.extend(PollOption(position=i, title=title)
                            for i, title in enumerate(rules["options"], start=1))


def create_poll(process, data: dict, *, actor) -> Poll:
    """A draft poll; it takes votes once opened."""
    if not can_manage_polls(actor, process):
        raise DomainError(_l("Only the process's facilitators and the council can create "
                             "polls."))
    poll = Poll(process=process, created_by_id=actor.id, state=PollState.DRAFT,
                live_results=False, voters_count=0)
    _apply_text(poll, data)
    rules = _rules(data)
    db.session.add(poll)
    _apply_rules(poll, rules)
    db.session.flush()
    log_action("create_poll", poll, actor=actor, process_id=process.id, kind=poll.kind)
    return poll


def update_poll(poll, data: dict, *, actor) -> Poll:
    """Save the question and text; the rules too, unless someone has voted already."""
    lock_row(Poll, poll.id)
    db.session.refresh(poll)
    if not can_edit_poll(actor, poll):
        raise DomainError(_l("A closed poll cannot be edited."))
    rules = _rules(data)
    changed = rules != _current_rules(poll)
    if changed and poll.is_frozen:
        raise DomainError(FROZEN)
    _apply_text(poll, data)
    if changed:
        _apply_rules(poll, rules)
    db.session.flush()
    log_action("update_poll", poll, actor=actor, process_id=poll.process_id,
               rules_changed=changed)
    return poll


def open_poll(poll, *, actor, now=None) -> Poll:
    lock_row(Poll, poll.id)
    db.session.refresh(poll)
    if not can_open_poll(actor, poll):
        raise DomainError(_l("Only a draft poll can be opened."))
    poll.state = PollState.OPEN
    poll.opened_at = now or utcnow()
    db.session.flush()
    log_action("open_poll", poll, actor=actor, process_id=poll.process_id)
    return poll


def close_poll(poll, *, actor, now=None) -> Poll:
    """Close the poll and publish its result. The box is rewritten in a random order, so its
    physical order no longer follows the order people voted in."""
    lock_row(Poll, poll.id)
    db.session.refresh(poll)
    if not can_close_poll(actor, poll):
        raise DomainError(_l("Only the council can close an open poll."))
    poll.state = PollState.CLOSED
    poll.closed_at = now or utcnow()
    poll.closed_by_id = actor.id
    db.session.flush()
    ballots = rewrite_in_random_order(PollBallot, PollBallot.poll_id == poll.id)
    log_action("close_poll", poll, actor=actor, process_id=poll.process_id, ballots=ballots)
    return poll


def set_live_results(poll, live: bool, *, actor) -> Poll:
    if not can_set_live_results(actor, poll):
        raise DomainError(_l("Only the council can change whether results show live."))
    poll.live_results = bool(live)
    db.session.flush()
    log_action("set_poll_live_results", poll, actor=actor, process_id=poll.process_id,
               live=poll.live_results)
    return poll


# -- ballots -----------------------------------------------------------------------------------


def _option_ids(values) -> list[int]:
    ids = []
    for value in values or []:
        try:
            ids.append(int(value))
        except (TypeError, ValueError):
            raise DomainError(_l("Choose only this poll's options."), field="choice") from None
    return ids


def read_choice(poll, choice):
    """The ballot's content, checked against the poll: an answer for yes/no, option ids for
    approval (in listed order) and ranked (in the voter's order)."""
    if poll.kind == PollKind.YES_NO:
        if choice not in ANSWERS:
            raise DomainError(_l("Choose yes, no or abstain."), field="choice")
        return choice
    if isinstance(choice, str | bytes | int):
        choice = [choice]
    ids = _option_ids(choice)
    position = {o.id: o.position for o in poll.options}
    if any(i not in position for i in ids):
        raise DomainError(_l("Choose only this poll's options."), field="choice")
    if not ids:
        raise DomainError(_l("Choose at least one option."), field="choice")
    if len(set(ids)) != len(ids):
        if poll.kind == PollKind.RANKED:
            raise DomainError(_l("Each option can appear only once in your ranking."),
                              field="choice")
        raise DomainError(_l("Choose each option only once."), field="choice")
    if poll.kind == PollKind.APPROVAL:
        if len(ids) > poll.max_choices:
            raise DomainError(_l("Choose at most %(n)s options.", n=poll.max_choices),
                              field="choice")
        return sorted(ids, key=position.__getitem__)
    return ids


def box_key(ballot_key: str, poll, user) -> str:
    """Where ``user``'s ballot in ``poll`` lives in the box: HMAC under the ballot key."""
    return keyed_digest(ballot_key, BALLOT_PURPOSE, poll.id, user.id)


def cast_ballot(poll, choice, *, actor, ballot_key: str, now=None):
    """Cast (or replace) ``actor``'s ballot. Returns (ballot, changed): ``changed`` when it
    replaced an earlier one. The receipt is new either way."""
    now = now or utcnow()
    lock_row(User, actor.id)
    lock_row(Poll, poll.id)
    db.session.refresh(poll)
    refusal = why_not_vote(actor, poll, verification_of(actor.id), now=now)
    if refusal is not None:
        raise DomainError(refusal.label)
    content = read_choice(poll, choice)
    day = voting_day(now)
    key = box_key(ballot_key, poll, actor)
    ballot = db.session.get(PollBallot, key)
    changed = ballot is not None
    if ballot is None:
        ballot = PollBallot(key=key, poll_id=poll.id)
        db.session.add(ballot)
    ballot.choice, ballot.receipt, ballot.cast_on = content, new_receipt(), day
    voter = db.session.get(PollVoter, (poll.id, actor.id))
    if voter is None:
        db.session.add(PollVoter(poll_id=poll.id, user_id=actor.id, voted_on=day))
        db.session.flush()
        add_to_counters(poll, voters_count=1)
    else:
        voter.voted_on = day
    db.session.flush()
    log_action("change_poll_ballot" if changed else "cast_poll_ballot", poll, actor=actor,
               process_id=poll.process_id)
    return ballot, changed

"""Every write about budgets. Flush, never commit; the actor, the clock and the ballot key are
passed in.

Locks (PostgreSQL; SQLite serializes every writer anyway): a rule change, closing and
publishing take the budget row ``FOR UPDATE``; casting takes it ``FOR KEY SHARE``, which ballots
do not contend for among themselves but which a rule change or a close waits for (and which
waits for them). The first ballot sets ``frozen_at`` with a guarded UPDATE, so a rule change and
a first ballot cannot both win. The voter's own row is locked first, so one person's parallel
submissions run one after the other and the second replaces the first."""

import secrets

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from participa.accounts.models import User
from participa.budgets import counting, queries
from participa.budgets.ballots import check_ballot
from participa.budgets.models import (
    MAX_AMOUNT,
    TEXT_LIMIT,
    BallotKind,
    Budget,
    BudgetBallot,
    BudgetProject,
    BudgetState,
    BudgetVoter,
    CountingRule,
    PaperCount,
)
from participa.budgets.permissions import (
    can_close_budget,
    can_enter_paper_count,
    can_manage_budget,
    can_publish_results,
    why_not_vote,
)
from participa.core.database import lock_row
from participa.core.errors import DomainError
from participa.core.models import log_action
from participa.core.money import Euros
from participa.core.secrecy import keyed_digest, new_receipt, rewrite_in_random_order
from participa.core.types import utcnow
from participa.extensions import db
from participa.meetings.models import Meeting
from participa.proposals.models import Proposal, ProposalState

# the ActionLog verbs written here, as the council's log reads them (never a ballot's content)
VERBS = {
    "create_budget": _l("created a budget"),
    "update_budget": _l("changed a budget's rules"),
    "create_budget_project": _l("added a project to a budget"),
    "update_budget_project": _l("edited a budget project"),
    "delete_budget_project": _l("removed a project from a budget"),
    "cast_ballot": _l("voted in a budget"),
    "change_ballot": _l("changed their ballot in a budget"),
    "close_budget": _l("closed voting in a budget"),
    "publish_budget_results": _l("published a budget's results"),
    "enter_paper_count": _l("entered a paper ballot box's totals"),
    "import_budget": _l("imported a budget from a Pabulib file"),
}

FROZEN = _l("The rules froze when the first ballot was cast: amount, projects and costs, "
            "ballot kind, limits and counting rule can no longer change.")
BALLOT_PURPOSE = "budget-ballot"


def ballot_key(ballot_secret: str, budget, user) -> str:
    """The key of ``user``'s ballot in ``budget``: nobody can compute it without the secret."""
    return keyed_digest(ballot_secret, BALLOT_PURPOSE, budget.id, user.id)


# --- preparing a budget ------------------------------------------------------------------------

def _text(data, name, limit, message, *, required=True):
    value = (data.get(name) or "").strip()
    if (required and not value) or len(value) > limit:
        raise DomainError(message, field=name)
    return value


def _whole(data, name, low, high, message, *, optional=False):
    value = data.get(name)
    if value in (None, "") and optional:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise DomainError(message, field=name)
    return value


def _apply_budget(budget, process, data, *, rules: bool):
    budget.title = _text(data, "title", 150, _l("Write a title of at most 150 characters."))
    budget.description = _text(data, "description", TEXT_LIMIT,
                               _l("Write a text of at most %(n)s characters.", n=TEXT_LIMIT),
                               required=False)
    if not rules:
        return
    budget.amount = _whole(data, "amount", 1, MAX_AMOUNT,
                           _l("Give the amount in whole euros, more than zero."))
    dearest = max((p.cost for p in budget.projects), default=0) if budget.id else 0
    if dearest > budget.amount:
        raise DomainError(_l("A project already costs more than that: give at least "
                             "%(amount)s, or change the project first.", amount=Euros(dearest)),
                          field="amount")
    neighbourhood_id = data.get("neighbourhood_id") or None
    if neighbourhood_id and neighbourhood_id not in {n.id for n in process.neighbourhoods}:
        raise DomainError(_l("Choose one of this process's neighbourhoods."),
                          field="neighbourhood_id")
    budget.neighbourhood_id = neighbourhood_id
    budget.ballot_kind = BallotKind(data.get("ballot_kind") or BallotKind.KNAPSACK.value)
    budget.rule = CountingRule(data.get("rule") or CountingRule.EQUAL_SHARES.value)
    budget.minimum_share = _whole(data, "minimum_share", 0, 100,
                                  _l("Give a percentage between 0 and 100."),
                                  optional=True) or 0
    budget.min_choices = _whole(data, "min_choices", 0, 1000,
                                _l("Give a number between 0 and 1,000."), optional=True) or 0
    budget.max_choices = _whole(data, "max_choices", 1, 1000,
                                _l("Give a number between 1 and 1,000."), optional=True)
    if budget.max_choices is not None and budget.max_choices < budget.min_choices:
        raise DomainError(_l("The most projects a ballot may choose cannot be fewer than the "
                             "fewest."), field="max_choices")
    budget.census_required = bool(data.get("census_required"))
    budget.minimum_age = _whole(data, "minimum_age", 1, 120,
                                _l("Give an age between 1 and 120."), optional=True)


def create_budget(process, data: dict, *, actor) -> Budget:
    if not can_manage_budget(actor, process):
        raise DomainError(_l("Only the council and the process's facilitators prepare budgets."))
    budget = Budget(process=process, state=BudgetState.OPEN)
    _apply_budget(budget, process, data, rules=True)
    db.session.add(budget)
    db.session.flush()
    log_action("create_budget", budget, actor=actor, process_id=process.id)
    return budget


def _lock_budget(budget, *, read=False) -> Budget:
    """Lock the budget's row (``read``: FOR KEY SHARE, else FOR UPDATE) and make sure what was
    read of it still holds: it is read again, with its projects, as it now stands — except by a
    reader of a frozen budget whose state has not moved, for whom nothing else can have."""
    if db.session.get_bind().dialect.name == "sqlite":
        lock_row(Budget, budget.id)
        now_stands = sa.select(Budget.state, Budget.frozen_at).where(Budget.id == budget.id)
    else:
        now_stands = (sa.select(Budget.state, Budget.frozen_at).where(Budget.id == budget.id)
                      .with_for_update(read=read, key_share=read))
    state, frozen_at = db.session.execute(now_stands).one()
    if read and budget.frozen_at is not None and (state, frozen_at) == (budget.state,
                                                                        budget.frozen_at):
        return budget  # the rules, the amount and the projects no longer change
    db.session.refresh(budget)
    db.session.expire(budget, ["projects"])
    return budget


RULES = ("amount", "neighbourhood_id", "ballot_kind", "rule", "minimum_share", "min_choices",
         "max_choices", "census_required", "minimum_age")


def update_budget(budget, data: dict, *, actor) -> Budget:
    """Title and description can always be edited; the rules only until the first ballot
    (a form sent with rules after that, say from a page opened before it, is refused whole)."""
    if not can_manage_budget(actor, budget):
        raise DomainError(_l("Only the council and the process's facilitators prepare budgets."))
    _lock_budget(budget)
    if budget.is_frozen:
        before = {name: getattr(budget, name) for name in RULES}
        _apply_budget(budget, budget.process, data, rules=any(name in data for name in RULES))
        if any(getattr(budget, name) != value for name, value in before.items()):
            raise DomainError(FROZEN)
    else:
        _apply_budget(budget, budget.process, data, rules=True)
    db.session.flush()
    log_action("update_budget", budget, actor=actor, process_id=budget.process_id)
    return budget


def _apply_project(project, budget, data):
    project.title = _text(data, "title", 150, _l("Write a title of at most 150 characters."))
    project.description = _text(data, "description", TEXT_LIMIT,
                                _l("Write a text of at most %(n)s characters.", n=TEXT_LIMIT),
                                required=False)
    project.cost = _whole(data, "cost", 1, budget.amount,
                          _l("Give the cost in whole euros, at most the budget's amount."))
    process = budget.process
    category_id = data.get("category_id") or None
    if category_id and category_id not in {c.id for c in process.categories}:
        raise DomainError(_l("Choose one of this process's categories."), field="category_id")
    project.category_id = category_id
    neighbourhood_id = data.get("neighbourhood_id") or None
    if neighbourhood_id and neighbourhood_id not in {n.id for n in process.neighbourhoods}:
        raise DomainError(_l("Choose one of this process's neighbourhoods."),
                          field="neighbourhood_id")
    project.neighbourhood_id = neighbourhood_id
    ids = list(data.get("proposal_ids") or [])
    proposals = list(db.session.scalars(sa.select(Proposal).where(
        Proposal.id.in_(ids), Proposal.process_id == process.id,
        Proposal.state == ProposalState.ACCEPTED, Proposal.deleted_at.is_(None)))) if ids else []
    if len(proposals) != len(set(ids)):
        raise DomainError(_l("Link only accepted proposals of this process."),
                          field="proposal_ids")
    project.proposals = proposals


def create_project(budget, data: dict, *, actor) -> BudgetProject:
    if not can_manage_budget(actor, budget):
        raise DomainError(_l("Only the council and the process's facilitators prepare budgets."))
    _lock_budget(budget)
    if budget.is_frozen:
        raise DomainError(FROZEN)
    project = BudgetProject(budget=budget, position=len(budget.projects))
    db.session.add(project)  # before _apply_project's queries autoflush the budget's projects
    _apply_project(project, budget, data)
    db.session.flush()
    log_action("create_budget_project", project, actor=actor, budget_id=budget.id)
    return project


def update_project(project, data: dict, *, actor) -> BudgetProject:
    budget = project.budget
    if not can_manage_budget(actor, budget):
        raise DomainError(_l("Only the council and the process's facilitators prepare budgets."))
    _lock_budget(budget)
    if budget.is_frozen:
        raise DomainError(FROZEN)
    _apply_project(project, budget, data)
    db.session.flush()
    log_action("update_budget_project", project, actor=actor, budget_id=budget.id)
    return project


def delete_project(project, *, actor) -> None:
    budget = project.budget
    if not can_manage_budget(actor, budget):
        raise DomainError(_l("Only the council and the process's facilitators prepare budgets."))
    _lock_budget(budget)
    if budget.is_frozen:
        raise DomainError(FROZEN)
    log_action("delete_budget_project", project, actor=actor, budget_id=budget.id)
    db.session.delete(project)
    db.session.flush()


# --- voting ------------------------------------------------------------------------------------

def cast_ballot(budget, project_ids, *, actor, verification, ballot_secret: str,
                now=None) -> str:
    """Cast (or replace) ``actor``'s ballot; returns its new receipt code.

    ``verification`` is the actor's census verification (or None); ``ballot_secret`` the
    configured ballot key. Refuses, changing nothing, an ineligible voter, a closed budget and
    a ballot that breaks a rule."""
    now = now or utcnow()
    lock_row(User, actor.id)  # the voter's own submissions, one after the other
    _lock_budget(budget, read=True)  # a close or a rule change waits, and is waited for
    refusal = why_not_vote(actor, budget, verification, now=now)
    if refusal is not None:
        raise DomainError(refusal.label)
    check = check_ballot(budget, project_ids)
    if not check.ok:
        raise DomainError(check.problems[0])
    if budget.frozen_at is None:  # the first ballot freezes the rules; one writer wins
        db.session.execute(sa.update(Budget).where(Budget.id == budget.id,
                                                   Budget.frozen_at.is_(None))
                           .values(frozen_at=now))
    key = ballot_key(ballot_secret, budget, actor)
    receipt = new_receipt()
    choices = ",".join(str(p.id) for p in sorted(check.chosen, key=lambda p: p.id))
    today = now.date()
    ballot = queries.get_ballot(budget, key)
    voted = ballot is not None  # the roll names whoever has a ballot in the box
    if ballot is None:
        db.session.add(BudgetBallot(key=key, budget_id=budget.id, choices=choices,
                                    receipt=receipt, cast_on=today))
    else:
        ballot.choices, ballot.receipt, ballot.cast_on = choices, receipt, today
    if not voted:
        neighbourhood_id = (verification.neighbourhood_id if verification is not None
                            else actor.neighbourhood_id)
        db.session.add(BudgetVoter(budget_id=budget.id, user_id=actor.id,
                                   neighbourhood_id=neighbourhood_id, voted_on=today))
    try:
        db.session.flush()
    except IntegrityError as error:  # a receipt drawn twice in a budget: vanishingly rare
        raise DomainError(_l("Your ballot could not be saved. Please send it again.")) from error
    log_action("change_ballot" if voted else "cast_ballot", budget, actor=actor,
               process_id=budget.process_id)
    return receipt


# --- closing, paper ballots, results -----------------------------------------------------------

def close_budget(budget, *, actor, now=None) -> Budget:
    """Close voting: no ballot after this, and the box is rewritten in random order so its
    stored order can no longer be matched with the roll's."""
    _lock_budget(budget)
    if not can_close_budget(actor, budget):
        raise DomainError(_l("Only the council closes voting, and only once."))
    budget.state = BudgetState.CLOSED
    budget.closed_at = now or utcnow()
    if budget.frozen_at is None:
        budget.frozen_at = budget.closed_at
    db.session.flush()
    rewrite_in_random_order(BudgetBallot, BudgetBallot.budget_id == budget.id)
    log_action("close_budget", budget, actor=actor, process_id=budget.process_id)
    return budget


def enter_paper_count(budget, data: dict, *, actor, now=None) -> PaperCount:
    """The totals of a paper ballot box: how many ballots, and votes per project."""
    if not can_enter_paper_count(actor, budget):
        raise DomainError(_l("Paper ballots can be entered until the results are published."))
    _lock_budget(budget)
    place = _text(data, "place", 150, _l("Say where these ballots were cast."))
    ballots = _whole(data, "ballots", 1, 1_000_000,
                     _l("Give the number of paper ballots, more than zero."))
    votes = {}
    for project in budget.projects:
        count = _whole(data, f"votes_{project.id}", 0, ballots,
                       _l("Give each project's votes: between 0 and the number of ballots."),
                       optional=True) or 0
        votes[str(project.id)] = count
    meeting_id = data.get("meeting_id") or None
    if meeting_id is not None and db.session.scalar(sa.select(Meeting.process_id).where(
            Meeting.id == meeting_id)) != budget.process_id:
        raise DomainError(_l("Choose one of this process's meetings."), field="meeting_id")
    count = PaperCount(budget_id=budget.id, meeting_id=meeting_id,
                       place=place, ballots=ballots, votes=votes, entered_by_id=actor.id,
                       created_at=now or utcnow())
    db.session.add(count)
    db.session.flush()
    log_action("enter_paper_count", budget, actor=actor, process_id=budget.process_id,
               ballots=ballots)
    return count


def election_of(budget) -> counting.Election:
    """The budget's projects and online ballots as an election (paper totals ride along as
    extra votes, which greedy counts and equal shares cannot: it needs each ballot)."""
    projects = tuple(p.id for p in budget.projects)
    paper = dict.fromkeys(projects, 0)
    for count in queries.paper_counts(budget):
        for pid, votes in count.votes.items():
            if int(pid) in paper:
                paper[int(pid)] += votes
    return counting.Election(
        projects=projects, costs={p.id: p.cost for p in budget.projects}, budget=budget.amount,
        ballots=tuple(frozenset(b.project_ids) for b in queries.ballots(budget)),
        extra_votes=paper)


def count_results(budget) -> dict:
    """Both rules' outcomes with the figures the results page shows."""
    election = election_of(budget)
    greedy = counting.greedy(election)
    shares = counting.equal_shares(election, completion="add1")
    return {
        "greedy": greedy.as_dict(),
        "equal-shares": shares.as_dict(),
        "completion": "add1",
        "votes": {str(k): v for k, v in election.votes().items()},
        "paper_votes": {str(k): v for k, v in election.extra_votes.items()},
        "voters": len(election.ballots),
        "paper_ballots": sum(c.ballots for c in queries.paper_counts(budget)),
    }


def publish_results(budget, *, actor, now=None) -> Budget:
    _lock_budget(budget)
    if not can_publish_results(actor, budget):
        raise DomainError(_l("Only the council publishes results, once voting has closed."))
    budget.results = count_results(budget)
    budget.state = BudgetState.PUBLISHED
    budget.published_at = now or utcnow()
    db.session.flush()
    log_action("publish_budget_results", budget, actor=actor, process_id=budget.process_id)
    return budget


# --- importing a Pabulib file ------------------------------------------------------------------

def import_pabulib(process, parsed, *, actor=None, now=None) -> Budget:
    """Load a parsed Pabulib approval election (``pabulib.parse``) as a closed budget of
    ``process`` with its ballots, its results published. Ballot keys are random (the file's
    voters are nobody here); the file's ``receipt`` column is kept when it has one. Flushes
    everything or, on an error, nothing (the caller commits once)."""
    now = now or utcnow()
    meta = parsed.meta
    title = (meta.get("description") or meta.get("instance") or "Pabulib").strip()[:150]
    rule = CountingRule.GREEDY if meta.get("rule", "").lower().startswith("greedy") \
        else CountingRule.EQUAL_SHARES
    knapsack = "max_sum_cost" in meta
    budget = Budget(process=process, title=title, amount=meta["budget"], rule=rule,
                    ballot_kind=BallotKind.KNAPSACK if knapsack else BallotKind.APPROVAL,
                    min_choices=_meta_int(meta, "min_length", 0),
                    max_choices=_meta_int(meta, "max_length", None),
                    state=BudgetState.CLOSED, frozen_at=now, closed_at=now,
                    source={k: str(v) for k, v in meta.items()})
    if budget.amount <= 0:
        raise DomainError(_l("The file's budget must be more than zero."))
    db.session.add(budget)
    db.session.flush()
    projects = {}
    for position, row in enumerate(parsed.projects):
        if row["cost"] <= 0:
            raise DomainError(_l("Line %(line)s: a project's cost must be more than zero.",
                                 line=row["line"]))
        project = BudgetProject(budget_id=budget.id, position=position,
                                title=(row.get("name") or row.get("title")
                                       or row["project_id"])[:150],
                                description=row.get("description", ""), cost=row["cost"],
                                external_id=row["project_id"][:64])
        db.session.add(project)
        projects[row["project_id"]] = project
    db.session.flush()
    day = now.date()
    rows, receipts = [], set()
    for vote in parsed.votes:
        receipt = (vote.get("receipt") or "").strip()[:16] or new_receipt()
        while receipt in receipts:
            receipt = new_receipt()
        receipts.add(receipt)
        rows.append({"key": keyed_digest(new_receipt(), "imported-ballot", vote["voter_id"]),
                     "budget_id": budget.id, "receipt": receipt, "cast_on": day,
                     "choices": ",".join(str(i) for i in sorted(
                         projects[p].id for p in vote["vote"]))})
    secrets.SystemRandom().shuffle(rows)
    for start in range(0, len(rows), 5000):
        db.session.execute(sa.insert(BudgetBallot), rows[start:start + 5000])
    db.session.expire(budget, ["projects"])
    budget.results = count_results(budget)
    budget.state = BudgetState.PUBLISHED
    budget.published_at = now
    db.session.flush()
    log_action("import_budget", budget, actor=actor, process_id=process.id,
               ballots=len(rows))
    return budget


def _meta_int(meta, key, default):
    try:
        return int(meta[key]) if key in meta else default
    except ValueError:
        return default

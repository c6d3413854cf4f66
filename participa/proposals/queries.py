"""Reads about proposals: index pages in a fixed number of queries, counts, similar ones."""

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from participa.accounts.models import User
from participa.core.pagination import Page
from participa.core.text import fold, words
from participa.extensions import db
from participa.neighbourhoods.models import Neighbourhood
from participa.processes.models import Category
from participa.proposals.models import Proposal, ProposalState, Support

SORTS = ("recent", "supports", "comments", "random")
RANDOM_MODULUS = 2_147_483_629  # a prime: the random sort is a stable shuffle per seed


def _visible(process):
    return sa.and_(Proposal.process_id == process.id, Proposal.deleted_at.is_(None))


def _listed(process):
    """What lists, searches and exports show: neither deleted nor hidden by moderation."""
    return sa.and_(_visible(process), Proposal.hidden_at.is_(None))


LIST_COLUMNS = (
    Proposal.id, Proposal.title, Proposal.state, Proposal.author_id, User.name,
    Proposal.created_at, Category.name, Neighbourhood.name, Proposal.supports_count,
    Proposal.comments_count, Proposal.hidden_at,
)


@dataclass(frozen=True, slots=True)
class ProposalListItem:
    """A proposal as a list shows it, read as plain columns: building ORM objects (and their
    authors, categories, neighbourhoods) for a page of them cost more than the query itself.
    Permissions take it as they take a proposal (state, hiding, process)."""

    id: int
    title: str
    state: ProposalState
    author_id: int
    author_name: str
    created_at: datetime
    category_name: str | None
    neighbourhood_name: str | None
    supports_count: int
    comments_count: int
    hidden_at: datetime | None
    process: object

    @property
    def is_withdrawn(self) -> bool:
        return self.state == ProposalState.WITHDRAWN

    @property
    def reached_threshold(self) -> bool:
        threshold = self.process.support_threshold
        return bool(threshold) and self.supports_count >= threshold


def list_proposals(
    process, *, q="", state=None, category_id=None, neighbourhood_id=None, sort="recent",
    seed=1, page=1, per_page=20, author_id=None, supporter_id=None,
) -> Page:
    """One page of a process's proposals. Withdrawn ones only when asked for by state.

    One query whatever the page size (authors', categories' and neighbourhoods' names joined
    in), read as plain rows (``ProposalListItem``); no COUNT, so a deep archive costs what a
    small one does."""
    query = (
        sa.select(*LIST_COLUMNS)
        .join(User, User.id == Proposal.author_id)
        .outerjoin(Category, Category.id == Proposal.category_id)
        .outerjoin(Neighbourhood, Neighbourhood.id == Proposal.neighbourhood_id)
        .where(_listed(process))
    )
    if state is not None:
        query = query.where(Proposal.state == state)
    else:
        query = query.where(Proposal.state != ProposalState.WITHDRAWN)
    if category_id:
        query = query.where(Proposal.category_id == category_id)
    if neighbourhood_id:
        query = query.where(Proposal.neighbourhood_id == neighbourhood_id)
    if author_id:
        query = query.where(Proposal.author_id == author_id)
    if supporter_id:
        query = query.where(
            Proposal.id.in_(sa.select(Support.proposal_id).where(Support.user_id == supporter_id))
        )
    for word in words(q)[:8]:
        query = query.where(Proposal.search_text.contains(word, autoescape=True))

    if sort == "supports":
        query = query.order_by(Proposal.supports_count.desc(), Proposal.id.desc())
    elif sort == "comments":
        query = query.order_by(Proposal.comments_count.desc(), Proposal.id.desc())
    elif sort == "random":
        # (id * a + b) mod p alone keeps the ids' order for many seeds (a small multiplier, or
        # one near -1 mod p), so "random" would list a process oldest or newest first; squaring
        # it once more mixes the order whatever the seed. Every step stays within 64 bits.
        a = 1 + (seed * 2_654_435_761 + 1_013_904_223) % (RANDOM_MODULUS - 1)
        b = (seed * 40_503 + 12_345) % RANDOM_MODULUS
        c = 1 + (seed * 40_503 + 1_664_525) % (RANDOM_MODULUS - 1)
        k = (sa.cast(Proposal.id, sa.BigInteger) * a + b) % RANDOM_MODULUS
        shuffled = ((k * k) % RANDOM_MODULUS * c + k) % RANDOM_MODULUS
        query = query.order_by(shuffled, Proposal.id)
    else:
        query = query.order_by(Proposal.id.desc())

    rows = [ProposalListItem(*row, process=process) for row in db.session.execute(
        query.limit(per_page + 1).offset((page - 1) * per_page))]
    return Page(items=rows[:per_page], page=page, per_page=per_page, has_next=len(rows) > per_page)


def get_proposal(process, proposal_id: int, *, for_page=True) -> Proposal | None:
    """A proposal of the process; with what its page shows (author, category, neighbourhood,
    who answered) joined in, unless ``for_page`` is False (an action needs none of it)."""
    if not for_page:
        return db.session.scalar(sa.select(Proposal).where(_visible(process),
                                                           Proposal.id == proposal_id))
    return db.session.scalar(
        sa.select(Proposal)
        .where(_visible(process), Proposal.id == proposal_id)
        .options(joinedload(Proposal.author), joinedload(Proposal.category),
                 joinedload(Proposal.neighbourhood), joinedload(Proposal.answered_by))
    )


def _authored(process, user):
    return sa.select(sa.func.count()).select_from(Proposal).where(
        _visible(process), Proposal.author_id == user.id)


def _supports_used(process, user):
    return sa.select(sa.func.count()).select_from(Support).where(
        Support.user_id == user.id, Support.process_id == process.id)


def count_authored(process, user) -> int:
    """Proposals this person has in the process (withdrawn ones count: no limit dodging)."""
    return db.session.scalar(_authored(process, user))


def supports_used(process, user) -> int:
    return db.session.scalar(_supports_used(process, user))


def reader_figures(process, user, proposal_ids) -> tuple[int, int, set[int]]:
    """What a page of proposals needs to know about its reader, in one query: how many
    proposals they have in the process (``count_authored``), how many supports they have used
    in it (``supports_used``), and which of these proposals they support."""
    authored = _authored(process, user).add_columns(sa.literal("authored"))
    used = _supports_used(process, user).add_columns(sa.literal("used"))
    parts = [authored, used]
    if proposal_ids:
        parts.append(sa.select(Support.proposal_id, sa.literal("supports"))
                     .where(Support.user_id == user.id,
                            Support.proposal_id.in_(list(proposal_ids))))
    figures = {"authored": 0, "used": 0}
    supported = set()
    for value, name in db.session.execute(sa.union_all(*parts)):
        if name == "supports":
            supported.add(value)
        else:
            figures[name] = value
    return figures["authored"], figures["used"], supported


def support_figures(proposal, user) -> tuple[int, bool]:
    """How many supports the person has used in the proposal's process, and whether one of
    them is this proposal's: one query (what a support or its withdrawal checks)."""
    used, supported = db.session.execute(
        sa.select(sa.func.count(), sa.func.count().filter(Support.proposal_id == proposal.id))
        .select_from(Support)
        .where(Support.user_id == user.id, Support.process_id == proposal.process_id)
    ).one()
    return used, bool(supported)


def has_supported(proposal, user) -> bool:
    return db.session.scalar(
        sa.select(Support.id).where(Support.proposal_id == proposal.id, Support.user_id == user.id)
    ) is not None


def similar_proposals(process, title: str, body: str = "", *, exclude_id=None, limit=5):
    """Up to ``limit`` proposals of the process sharing the most words (4+ letters) with this
    title and body — shown before publishing, so people support instead of duplicating."""
    title_words = words(title, min_length=4)
    body_words = [w for w in words(body, min_length=5) if w not in title_words]
    candidates = (title_words + body_words)[:12]
    if not candidates:
        return []
    query = (
        sa.select(Proposal)
        .where(_listed(process), Proposal.state != ProposalState.WITHDRAWN)
        .where(sa.or_(*[Proposal.search_text.contains(w, autoescape=True) for w in candidates]))
        .order_by(Proposal.supports_count.desc(), Proposal.id.desc())
        .limit(200)
    )
    if exclude_id:
        query = query.where(Proposal.id != exclude_id)
    scored = []
    for proposal in db.session.scalars(query):
        text = proposal.search_text
        title_text = fold(proposal.title)
        score = sum(3 if w in title_text else 1 for w in candidates if w in text)
        scored.append((score, proposal.supports_count, proposal.id, proposal))
    scored.sort(key=lambda item: item[:3], reverse=True)
    return [item[3] for item in scored[:limit]]


def list_for_export(process):
    """Every visible proposal of a process, oldest first, with what the export shows."""
    return db.session.scalars(
        sa.select(Proposal)
        .where(_listed(process))
        .order_by(Proposal.id)
        .options(joinedload(Proposal.author), joinedload(Proposal.category),
                 joinedload(Proposal.neighbourhood))
    )

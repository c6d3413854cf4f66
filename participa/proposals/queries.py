"""Reads about proposals: index pages in a fixed number of queries, counts, similar ones."""

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

import sqlalchemy as sa
from sqlalchemy.orm import joinedload, load_only, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from participa.accounts.models import User
from participa.associations.models import Association
from participa.core.database import read_rows
from participa.core.pagination import Page
from participa.core.text import fold, words
from participa.extensions import db
from participa.neighbourhoods.models import Neighbourhood
from participa.processes.models import Category, Process
from participa.processes.queries import FRAME_STAMP, in_published_processes, process_frame
from participa.proposals.models import (
    ANSWER_STATES,
    CoauthorStatus,
    Proposal,
    ProposalCoauthor,
    ProposalState,
    Support,
)

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
    Proposal.comments_count, Proposal.hidden_at, Proposal.language, Proposal.association_id,
    Association.name, Association.slug,
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
    language: str
    # the association it was published on behalf of (None: the person alone)
    association_id: int | None
    association_name: str | None
    association_slug: str | None
    process: object

    @property
    def is_withdrawn(self) -> bool:
        return self.state == ProposalState.WITHDRAWN

    @property
    def reached_threshold(self) -> bool:
        threshold = self.process.support_threshold
        return bool(threshold) and self.supports_count >= threshold


def list_proposals(process, **filters) -> Page:
    """One page of a process's proposals. Withdrawn ones only when asked for by state.

    One query whatever the page size (authors', categories' and neighbourhoods' names joined
    in), read as plain rows (``ProposalListItem``); no COUNT, so a deep archive costs what a
    small one does. The statement of each shape of request (which filters, which sort, how
    many words) is built once per worker, its values bound at each use."""
    return _list_proposals(process, None, **filters)[0]


def list_proposals_for(reader, process, **filters) -> tuple[Page, tuple[int, int, set[int]]]:
    """``list_proposals``, and the reader's figures (``reader_figures``) read in the same
    query."""
    return _list_proposals(process, reader, **filters)


def _list_proposals(
    process, reader, *, q="", state=None, category_id=None, neighbourhood_id=None,
    sort="recent", seed=1, page=1, per_page=20, author_id=None, supporter_id=None,
):
    terms = words(q)[:8]
    params = {"process_id": process.id, "limit": per_page + 1,
              "offset": (page - 1) * per_page, "state": state or ProposalState.WITHDRAWN,
              "category_id": category_id, "neighbourhood_id": neighbourhood_id,
              "author_id": author_id, "supporter_id": supporter_id}
    for i, word in enumerate(terms):
        params[f"word{i}"] = "%" + LIKE_SPECIALS.sub(r"/\g<0>", word) + "%"
    if sort == "random":
        # (id * a + b) mod p alone keeps the ids' order for many seeds (a small multiplier, or
        # one near -1 mod p), so "random" would list a process oldest or newest first; squaring
        # it once more mixes the order whatever the seed. Every step stays within 64 bits.
        params["a"] = 1 + (seed * 2_654_435_761 + 1_013_904_223) % (RANDOM_MODULUS - 1)
        params["b"] = (seed * 40_503 + 12_345) % RANDOM_MODULUS
        params["c"] = 1 + (seed * 40_503 + 1_664_525) % (RANDOM_MODULUS - 1)
    statement = _list_statement(state is not None, bool(category_id), bool(neighbourhood_id),
                                bool(author_id), bool(supporter_id), len(terms), sort,
                                reader is not None)
    figures = None
    counted = not terms  # a search is not counted (see _list_statement)
    if counted:
        params["count_cap"] = COUNT_CAP + 1
    rows = read_rows(statement, {**params, "user_id": reader.id} if reader else params)
    total = None
    if counted:  # the last column is the capped count of every match (the same in each row)
        total = rows[0][-1] if rows else (0 if page == 1 else None)
        rows = [row[:-1] for row in rows]
    elif len(rows) > per_page:  # a search with more pages: more than the pages so far
        total = page * per_page + 1
    elif rows or page == 1:  # its last page: exactly what came before and what is here
        total = (page - 1) * per_page + len(rows)
    capped = total is not None and total > (COUNT_CAP if counted else page * per_page)
    if reader is not None:
        # the reader's columns follow the list's own: each row holds the same two counts
        count = len(LIST_COLUMNS)
        figures = (rows[0][count], rows[0][count + 1],
                   {row[0] for row in rows[:per_page] if row[count + 2]}) if rows \
            else reader_figures(process, reader, ())
        rows = [row[:count] for row in rows]
    items = [ProposalListItem(*row, process=process) for row in rows]
    return Page(items=items[:per_page], page=page, per_page=per_page,
                has_next=len(items) > per_page, total=total, total_capped=capped), figures


LIKE_SPECIALS = re.compile(r"[/%_]")


COUNT_CAP = 1000  # a list counts its matches this far, then says "more than"


def _filtered(query, by_state, by_category, by_neighbourhood, by_author, by_supporter,
              word_count):
    """``query`` narrowed to what the list shows and the filters of its shape."""
    param = sa.bindparam
    query = query.where(Proposal.process_id == param("process_id"),
                        Proposal.deleted_at.is_(None), Proposal.hidden_at.is_(None))
    if by_state:
        query = query.where(Proposal.state == param("state", type_=Proposal.state.type))
    else:
        query = query.where(Proposal.state != param("state", type_=Proposal.state.type))
    if by_category:
        query = query.where(Proposal.category_id == param("category_id"))
    if by_neighbourhood:
        query = query.where(Proposal.neighbourhood_id == param("neighbourhood_id"))
    if by_author:
        query = query.where(Proposal.author_id == param("author_id"))
    if by_supporter:
        query = query.where(Proposal.id.in_(
            sa.select(Support.proposal_id).where(Support.user_id == param("supporter_id"))))
    for i in range(word_count):
        query = query.where(Proposal.search_text.like(param(f"word{i}", type_=sa.String),
                                                      escape="/"))
    return query


@lru_cache(maxsize=512)
def _list_statement(by_state, by_category, by_neighbourhood, by_author, by_supporter,
                    word_count, sort, for_reader):
    """The list query of one shape, its values left as bound parameters (``list_proposals``
    gives them); ``for_reader``: with the reader's figures as three more columns.

    Without search words its last column counts the matches up to ``COUNT_CAP`` + 1 (a scalar
    subquery, run once: about a millisecond at 100,000 proposals), so a list says how many it
    holds without counting a whole archive. A search is not counted: its words are matched
    row by row, and counting a rare word's thousand matches reads the whole process (half a
    second at 100,000); the page then says "more than" what the pages so far hold, or the exact
    number on its last page."""
    param = sa.bindparam
    filters = (by_state, by_category, by_neighbourhood, by_author, by_supporter, word_count)
    counted = ()
    if not word_count:
        matches = _filtered(sa.select(Proposal.id), *filters).limit(param("count_cap"))
        counted = (sa.select(sa.func.count()).select_from(matches.subquery())
                   .scalar_subquery(),)
    columns = LIST_COLUMNS + (READER_COLUMNS if for_reader else ()) + counted
    query = _filtered(
        sa.select(*columns)
        .join(User, User.id == Proposal.author_id)
        .outerjoin(Association, Association.id == Proposal.association_id)
        .outerjoin(Category, Category.id == Proposal.category_id)
        .outerjoin(Neighbourhood, Neighbourhood.id == Proposal.neighbourhood_id), *filters)

    if sort == "supports":
        query = query.order_by(Proposal.supports_count.desc(), Proposal.id.desc())
    elif sort == "comments":
        query = query.order_by(Proposal.comments_count.desc(), Proposal.id.desc())
    elif sort == "random":
        big = sa.BigInteger
        k = (sa.cast(Proposal.id, big) * param("a", type_=big) + param("b", type_=big)) \
            % RANDOM_MODULUS
        shuffled = ((k * k) % RANDOM_MODULUS * param("c", type_=big) + k) % RANDOM_MODULUS
        query = query.order_by(shuffled, Proposal.id)
    else:
        query = query.order_by(Proposal.id.desc())
    return query.limit(param("limit")).offset(param("offset"))


_PROPOSAL_PAGE = sa.select(
    Proposal,
    # whether it has co-authors or invitations: most have none, and those are not read again
    sa.exists().where(ProposalCoauthor.proposal_id == Proposal.id),
).where(
    Proposal.process_id == sa.bindparam("process_id"), Proposal.deleted_at.is_(None),
    Proposal.id == sa.bindparam("id"),
).options(
    joinedload(Proposal.author), joinedload(Proposal.category),
    joinedload(Proposal.neighbourhood), joinedload(Proposal.answered_by),
    joinedload(Proposal.association))


def _page_proposal(row):
    """The proposal of a ``_PROPOSAL_PAGE`` row, its co-authors known: none (set, without a
    query) or read when its page first asks for them (a query, only for the few that have
    some)."""
    proposal, has_coauthors = row[0], row[1]
    if not has_coauthors:
        set_committed_value(proposal, "coauthors", [])
    return proposal


def get_proposal(process, proposal_id: int) -> Proposal | None:
    """A proposal of the process, with what its page shows (author, category, neighbourhood,
    who answered) joined in; an action reads it with ``get_proposal_by_slug``."""
    row = db.session.execute(_PROPOSAL_PAGE, {"process_id": process.id, "id": proposal_id}).first()
    return _page_proposal(row) if row is not None else None


_PROPOSAL_BY_SLUG = (
    sa.select(Proposal, *FRAME_STAMP)
    .join(Process, Process.id == Proposal.process_id)
    .where(Process.slug == sa.bindparam("slug"), Proposal.id == sa.bindparam("id"),
           Proposal.deleted_at.is_(None))
    # what the actions and their checks read (not the text): anything else is loaded when
    # an action asks for it
    .options(load_only(Proposal.id, Proposal.process_id, Proposal.author_id, Proposal.state,
                       Proposal.hidden_at, Proposal.deleted_at, Proposal.withdrawn_at,
                       Proposal.supports_count, Proposal.answered_at))
)


def get_proposal_by_slug(slug: str, proposal_id: int):
    """(process, proposal) for an action on a proposal, read in one query with the stamp of
    its process's frame (``process_frame``); (None, None) when either is missing. The
    proposal comes with the columns the actions check, not its text."""
    row = db.session.execute(_PROPOSAL_BY_SLUG, {"slug": slug, "id": proposal_id}).first()
    if row is None:
        return None, None
    process = process_frame(row[1:])
    return (process, row[0]) if process is not None else (None, None)


def get_proposal_for(reader, process, proposal_id: int):
    """``get_proposal`` for its page, and the reader's figures about it (``reader_figures``)
    read in the same query: (proposal, figures), or (None, None)."""
    row = db.session.execute(_PROPOSAL_PAGE_FOR_READER, {
        "process_id": process.id, "id": proposal_id, "user_id": reader.id}).first()
    if row is None:
        return None, None
    proposal, (authored, used, supported) = _page_proposal(row), row[2:]
    return proposal, (authored, used, {proposal.id} if supported else set())


# what a page asks about its reader, as statements built once (their values bound at each use)
_AUTHORED = sa.select(sa.func.count()).select_from(Proposal).where(
    Proposal.process_id == sa.bindparam("process_id"), Proposal.deleted_at.is_(None),
    Proposal.author_id == sa.bindparam("user_id"))
_SUPPORTS_USED = sa.select(sa.func.count()).select_from(Support).where(
    Support.user_id == sa.bindparam("user_id"), Support.process_id == sa.bindparam("process_id"))
_READER_FIGURES = sa.union_all(
    _AUTHORED.add_columns(sa.literal("authored")),
    _SUPPORTS_USED.add_columns(sa.literal("used")),
    sa.select(Support.proposal_id, sa.literal("supports")).where(
        Support.user_id == sa.bindparam("user_id"),
        Support.proposal_id.in_(sa.bindparam("ids", expanding=True))),
)


# the reader's figures as three columns of a query of proposals (the same two counts on every
# row, and whether they support the row's proposal)
READER_COLUMNS = (
    _AUTHORED.scalar_subquery(), _SUPPORTS_USED.scalar_subquery(),
    sa.exists().where(Support.proposal_id == Proposal.id,
                      Support.user_id == sa.bindparam("user_id")),
)
_PROPOSAL_PAGE_FOR_READER = _PROPOSAL_PAGE.add_columns(*READER_COLUMNS)


def count_authored(process, user) -> int:
    """Proposals this person has in the process (withdrawn ones count: no limit dodging)."""
    return db.session.scalar(_AUTHORED, {"process_id": process.id, "user_id": user.id})


def supports_used(process, user) -> int:
    return db.session.scalar(_SUPPORTS_USED, {"process_id": process.id, "user_id": user.id})


def reader_figures(process, user, proposal_ids) -> tuple[int, int, set[int]]:
    """What a page of proposals needs to know about its reader, in one query: how many
    proposals they have in the process (``count_authored``), how many supports they have used
    in it (``supports_used``), and which of these proposals they support."""
    figures = {"authored": 0, "used": 0}
    supported = set()
    for value, name in db.session.execute(_READER_FIGURES, {
            "process_id": process.id, "user_id": user.id, "ids": list(proposal_ids)}):
        if name == "supports":
            supported.add(value)
        else:
            figures[name] = value
    return figures["authored"], figures["used"], supported


_SUPPORT_FIGURES = (
    sa.select(sa.func.count(),
              sa.func.count().filter(Support.proposal_id == sa.bindparam("proposal_id")))
    .select_from(Support)
    .where(Support.user_id == sa.bindparam("user_id"),
           Support.process_id == sa.bindparam("process_id"))
)


def support_figures(proposal, user) -> tuple[int, bool]:
    """How many supports the person has used in the proposal's process, and whether one of
    them is this proposal's: one query (what a support or its withdrawal checks)."""
    used, supported = db.session.execute(_SUPPORT_FIGURES, {
        "proposal_id": proposal.id, "user_id": user.id,
        "process_id": proposal.process_id}).one()
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
                 joinedload(Proposal.neighbourhood), joinedload(Proposal.association),
                 selectinload(Proposal.coauthors))
    )


def proposal_figures(process) -> tuple[int, int, int]:
    """(listed, answered, accepted) proposals of ``process``, in one query."""
    listed, answered, accepted = db.session.execute(
        sa.select(sa.func.count(),
                  sa.func.count().filter(Proposal.state.in_(ANSWER_STATES)),
                  sa.func.count().filter(Proposal.state == ProposalState.ACCEPTED))
        .where(Proposal.process_id == process.id, Proposal.deleted_at.is_(None),
               Proposal.hidden_at.is_(None))
    ).one()
    return listed or 0, answered or 0, accepted or 0


# -- a person's own: "my participation" ----------------------------------------------------


def list_authored_by(user, *, limit: int, offset: int = 0) -> list[Proposal]:
    """The person's proposals in published processes, newest first, with their processes, in
    one query; deleted ones are left out (hidden ones stay: their author may appeal)."""
    return in_published_processes(
        sa.select(Proposal).where(Proposal.author_id == user.id, Proposal.deleted_at.is_(None))
        .options(joinedload(Proposal.association)),
        Proposal, order_by=Proposal.id.desc(), limit=limit, offset=offset)


def supports_by_process(user) -> list[tuple[Process, int]]:
    """(process, supports used) for each published process the person has supported in, in one
    query, the latest process first: what each allowance has left (``supports_per_person``).
    Every support counts, as when supporting (``supports_used``)."""
    used = sa.func.count(Support.id)
    return [tuple(row) for row in db.session.execute(
        sa.select(Process, used)
        .join(Support, Support.process_id == Process.id)
        .where(Support.user_id == user.id, Process.is_published.is_(True))
        .group_by(Process.id)
        .order_by(sa.func.max(Support.id).desc())
    )]


def list_supported_by(user, *, limit: int, offset: int = 0) -> list[Proposal]:
    """The proposals the person supports in published processes, latest support first, with
    their processes, in one query (deleted ones left out)."""
    return in_published_processes(
        sa.select(Proposal).join(Support, Support.proposal_id == Proposal.id)
        .where(Support.user_id == user.id, Proposal.deleted_at.is_(None)),
        Proposal, order_by=Support.id.desc(), limit=limit, offset=offset)


# -- co-authors and associations -------------------------------------------------------------


def get_coauthor(proposal, coauthor_id: int) -> ProposalCoauthor | None:
    """One invitation (any state) of ``proposal``."""
    return db.session.scalar(sa.select(ProposalCoauthor).where(
        ProposalCoauthor.id == coauthor_id, ProposalCoauthor.proposal_id == proposal.id))


def taken_places(proposal) -> set[int]:
    """The places (1…MAX_COAUTHORS) its waiting and accepted invitations hold, read afresh."""
    return set(db.session.scalars(sa.select(ProposalCoauthor.place).where(
        ProposalCoauthor.proposal_id == proposal.id, ProposalCoauthor.place.is_not(None))))


def proposals_of_association(association, *, limit=50) -> list[Proposal]:
    """The proposals ``association`` published (through a representative) or co-authors
    (accepted), in published processes, newest first, neither deleted nor hidden: one query,
    with their processes."""
    coauthored = sa.select(ProposalCoauthor.proposal_id).where(
        ProposalCoauthor.association_id == association.id,
        ProposalCoauthor.status == CoauthorStatus.ACCEPTED)
    return list(db.session.scalars(
        sa.select(Proposal).join(Process, Process.id == Proposal.process_id)
        .where(sa.or_(Proposal.association_id == association.id, Proposal.id.in_(coauthored)),
               Process.is_published.is_(True), Proposal.deleted_at.is_(None),
               Proposal.hidden_at.is_(None))
        .options(joinedload(Proposal.process))
        .order_by(Proposal.id.desc()).limit(limit)))


def list_invitations_for(user, association_ids=()) -> list[ProposalCoauthor]:
    """The invitations waiting for ``user``'s answer: to them, or to an association they may
    act for (``association_ids``), on proposals that are neither deleted nor hidden, in
    published processes; newest first, with their proposals and processes: one query."""
    who = ProposalCoauthor.user_id == user.id
    if association_ids:
        who = sa.or_(who, ProposalCoauthor.association_id.in_(list(association_ids)))
    return list(db.session.scalars(
        sa.select(ProposalCoauthor).join(Proposal, Proposal.id == ProposalCoauthor.proposal_id)
        .join(Process, Process.id == Proposal.process_id)
        .where(who, ProposalCoauthor.status == CoauthorStatus.INVITED,
               Proposal.deleted_at.is_(None), Proposal.hidden_at.is_(None),
               Process.is_published.is_(True))
        .options(joinedload(ProposalCoauthor.proposal).joinedload(Proposal.process))
        .order_by(ProposalCoauthor.id.desc())))

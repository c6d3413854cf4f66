"""What the site search finds, kind by kind: how each kind's rows become search documents
(read with plain SQL, so indexing works inside a flush and over a whole table), and how a row
found is loaded, checked again and shown.

Search sits above the content packages and reads them; they never import it. A new kind
(budgets, results, associations, ...) is one more ``SearchKind`` in ``SEARCH_KINDS``."""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import joinedload, lazyload

from participa.comments.models import Comment
from participa.comments.queries import COMMENTS
from participa.core.content import kind_named
from participa.core.translated import all_texts, language_of, text_in
from participa.debates.models import Debate
from participa.extensions import db
from participa.meetings.models import Meeting, MeetingStatus
from participa.plans.models import CommunityPlan, PlanStatus, plan_neighbourhoods
from participa.processes.models import Process, process_neighbourhoods
from participa.proposals.models import Proposal
from participa.search.folding import fold

EXCERPT_LENGTH = 220


@dataclass(frozen=True)
class Source:
    """A kind's row as the index reads it."""

    id: int
    process_id: int | None
    title: str
    body: str
    own_places: tuple  # its own neighbourhoods (empty: its process's or plan's)
    public: bool


@dataclass(frozen=True, eq=False)
class SearchKind:
    value: str  # stored in search_documents.kind; the ?kind= filter
    model: type
    label: Any  # the heading of its group ("Proposals")
    # the rows with these ids (None: all, in id order from ``after``) as Sources
    sources: Callable[[Any, Iterable[int] | None], list[Source]]
    visible: Callable[[Any], bool]  # the row found may be shown to anyone
    url: Callable[[Any], str]
    title: Callable[[Any], str]
    text: Callable[[Any], str]  # what its excerpt is cut from
    context: Callable[[Any], str] = lambda row: ""  # where it belongs (the process)
    eager: tuple = ()  # relationships loaded with the rows shown
    # the languages its title and text are shown in (None: the page's own), for ``lang``
    languages: Callable[[Any], tuple] = lambda row: (None, None)

    def load(self, ids) -> dict:
        """The rows with these ids, by id, in one query."""
        if not ids:
            return {}
        query = sa.select(self.model).where(self.model.id.in_(ids))
        for option in self.eager:
            query = query.options(option)
        return {row.id: row for row in db.session.scalars(query).unique()}


def _where_ids(query, column, ids):
    return query if ids is None else query.where(column.in_(list(ids)))


def _public(condition):
    return sa.case((condition, sa.true()), else_=sa.false()).label("public")


def _join(*parts) -> str:
    return "\n".join(part for part in parts if part)


def _proposal_sources(connection, ids) -> list[Source]:
    p = Proposal.__table__.c
    query = _where_ids(sa.select(p.id, p.process_id, p.title, p.body, p.neighbourhood_id,
                                 _public(p.hidden_at.is_(None) & p.deleted_at.is_(None))),
                       p.id, ids)
    return [Source(r.id, r.process_id, r.title, r.body,
                   (r.neighbourhood_id,) if r.neighbourhood_id else (), bool(r.public))
            for r in connection.execute(query)]


def _debate_sources(connection, ids) -> list[Source]:
    d = Debate.__table__.c
    query = _where_ids(sa.select(d.id, d.process_id, d.title, d.body, d.conclusion,
                                 _public(d.hidden_at.is_(None) & d.deleted_at.is_(None))),
                       d.id, ids)
    return [Source(r.id, r.process_id, r.title, _join(r.body, r.conclusion), (), bool(r.public))
            for r in connection.execute(query)]


def _meeting_sources(connection, ids) -> list[Source]:
    m = Meeting.__table__.c
    public = (m.status != MeetingStatus.DRAFT.value) & m.hidden_at.is_(None)
    query = _where_ids(sa.select(m.id, m.process_id, m.title, m.description, m.place, m.address,
                                 m.organizer, m.minutes, m.translations, _public(public)),
                       m.id, ids)
    return [Source(r.id, r.process_id, _join(r.title, *all_texts(r.translations, ("title",))),
                   _join(r.description, *all_texts(r.translations, ("description",)), r.place,
                         r.address, r.organizer, r.minutes), (),
                   bool(r.public))
            for r in connection.execute(query)]


# what a comment is on: whether it is public and its own neighbourhood, kind by kind
def _proposal_targets(connection, ids) -> dict:
    return {s.id: s for s in _proposal_sources(connection, ids)}


def _debate_targets(connection, ids) -> dict:
    return {s.id: s for s in _debate_sources(connection, ids)}


def _meeting_targets(connection, ids) -> dict:
    return {s.id: s for s in _meeting_sources(connection, ids)}


_TARGETS = {"proposals": _proposal_targets, "debates": _debate_targets,
            "meetings": _meeting_targets}


def _comment_sources(connection, ids) -> list[Source]:
    c = Comment.__table__.c
    query = _where_ids(sa.select(c.id, c.process_id, c.target_kind, c.target_id, c.body,
                                 _public(c.hidden_at.is_(None) & c.deleted_at.is_(None))),
                       c.id, ids)
    rows = list(connection.execute(query))
    wanted: dict[str, set] = {}
    for row in rows:
        wanted.setdefault(row.target_kind, set()).add(row.target_id)
    targets = {kind: _TARGETS[kind](connection, target_ids)
               for kind, target_ids in wanted.items() if kind in _TARGETS}
    sources = []
    for row in rows:
        public, places = bool(row.public), ()
        if row.target_kind in targets:  # other kinds: checked when found
            target = targets[row.target_kind].get(row.target_id)
            public = public and target is not None and target.public
            places = target.own_places if target is not None else ()
        sources.append(Source(row.id, row.process_id, "", row.body, places, public))
    return sources


def _process_sources(connection, ids) -> list[Source]:
    p = Process.__table__.c
    query = _where_ids(sa.select(p.id, p.title, p.summary, p.description, p.translations,
                                 p.is_published), p.id, ids)
    rows = list(connection.execute(query))
    places = places_of_processes(connection, [row.id for row in rows])
    # the texts in every language: a Spanish word finds a process written in Catalan
    return [Source(r.id, r.id, _join(r.title, *all_texts(r.translations, ("title",))),
                   _join(r.summary, r.description,
                         *all_texts(r.translations, ("summary", "description"))),
                   tuple(places.get(r.id, ())), bool(r.is_published))
            for r in rows]


def _plan_sources(connection, ids) -> list[Source]:
    p = CommunityPlan.__table__.c
    query = _where_ids(sa.select(p.id, p.title, p.summary, p.body, p.translations,
                                 _public(p.status != PlanStatus.DRAFT.value)), p.id, ids)
    rows = list(connection.execute(query))
    links = plan_neighbourhoods.c
    places: dict[int, list] = {}
    if rows:
        for plan_id, place_id in connection.execute(
                sa.select(links.plan_id, links.neighbourhood_id)
                .where(links.plan_id.in_([row.id for row in rows]))):
            places.setdefault(plan_id, []).append(place_id)
    return [Source(r.id, None, _join(r.title, *all_texts(r.translations, ("title",))),
                   _join(r.summary, r.body, *all_texts(r.translations, ("summary", "body"))),
                   tuple(places.get(r.id, ())), bool(r.public))
            for r in rows]


def places_of_processes(connection, process_ids) -> dict[int, list[int]]:
    """Each process's neighbourhoods, by process id."""
    links = process_neighbourhoods.c
    places: dict[int, list] = {}
    if process_ids:
        for process_id, place_id in connection.execute(
                sa.select(links.process_id, links.neighbourhood_id)
                .where(links.process_id.in_(list(process_ids)))):
            places.setdefault(process_id, []).append(place_id)
    return places


# -- read time: a row found is shown only if anyone may read it now --------------------------


def _content_visible(row) -> bool:
    """Not hidden, not deleted, and readable by a visitor (published process, not a draft)."""
    return (getattr(row, "hidden_at", None) is None and getattr(row, "deleted_at", None) is None
            and kind_named(_content_value(row)).can_view(None, row))


def _content_value(row) -> str:
    return {Proposal: "proposals", Debate: "debates", Meeting: "meetings",
            Comment: COMMENTS}[type(row)]


def _comment_visible(comment) -> bool:
    if not comment.is_visible:
        return False
    target_kind = kind_named(comment.target_kind)
    target = target_kind.get(comment.target_id) if target_kind is not None else None
    return (target is not None and getattr(target, "hidden_at", None) is None
            and getattr(target, "deleted_at", None) is None
            and target_kind.can_view(None, target))


def load_comment_targets(comments) -> None:
    """What these comments are on, kind by kind in one query each (with their processes), so
    checking and showing the comments asks nothing more of the database."""
    wanted: dict[str, set] = {}
    for comment in comments:
        wanted.setdefault(comment.target_kind, set()).add(comment.target_id)
    for value, ids in wanted.items():
        content = kind_named(value)
        if content is None:
            continue
        query = sa.select(content.model).where(content.model.id.in_(ids))
        if hasattr(content.model, "process"):
            query = query.options(_with_process(content.model))
        db.session.scalars(query).unique().all()


def _comment_context(comment) -> str:
    target_kind = kind_named(comment.target_kind)
    target = target_kind.get(comment.target_id)
    return str(_l("On: %(title)s", title=target_kind.title(target)))


def excerpt(text: str, length: int = EXCERPT_LENGTH) -> str:
    """A plain beginning of a text (Markdown's marks dropped), cut at a word."""
    plain = " ".join(re.sub(r"[*_`#>|~]+|!?\[|\]\([^)]*\)|\]", " ", text or "").split())
    if len(plain) <= length:
        return plain
    return plain[:length].rsplit(" ", 1)[0] + "…"


def _with_process(model):
    """Load a row's process with it, and nothing of the process's own (phases, categories,
    neighbourhoods, plan): showing a hit needs only its title, address and being published."""
    return joinedload(model.process).options(lazyload("*"))


def _written_in(row) -> tuple:
    """What a person wrote is in the language they wrote it in, title and text alike."""
    return row.language, row.language


def _given_in(row, title: str, *texts: str) -> tuple:
    """The languages a council text's title and excerpt are shown in (the excerpt comes from
    the first of ``texts`` that has something)."""
    shown = next((field for field in texts if text_in(row, field)), texts[-1])
    return language_of(row, title), language_of(row, shown)


def _process_title(row) -> str:
    return text_in(row.process, "title") if row.process is not None else ""


SEARCH_KINDS = (
    SearchKind(
        value="proposals", model=Proposal, label=_l("Proposals"), sources=_proposal_sources,
        visible=_content_visible, url=lambda row: kind_named("proposals").url(row),
        title=lambda row: row.title, text=lambda row: row.body, context=_process_title,
        eager=(_with_process(Proposal),), languages=_written_in,
    ),
    SearchKind(
        value="debates", model=Debate, label=_l("Debates"), sources=_debate_sources,
        visible=_content_visible, url=lambda row: kind_named("debates").url(row),
        title=lambda row: row.title, text=lambda row: row.body, context=_process_title,
        eager=(_with_process(Debate),), languages=_written_in,
    ),
    SearchKind(
        value="meetings", model=Meeting, label=_l("Meetings"), sources=_meeting_sources,
        visible=_content_visible, url=lambda row: kind_named("meetings").url(row),
        title=lambda row: text_in(row, "title"), text=lambda row: text_in(row, "description"),
        context=_process_title, eager=(_with_process(Meeting),),
        languages=lambda row: _given_in(row, "title", "description"),
    ),
    SearchKind(
        value="processes", model=Process, label=_l("Processes"), sources=_process_sources,
        visible=lambda row: row.is_published,
        url=lambda row: url_for("processes.show", slug=row.slug),
        title=lambda row: text_in(row, "title"),
        text=lambda row: text_in(row, "summary") or text_in(row, "description"),
        languages=lambda row: _given_in(row, "title", "summary", "description"),
    ),
    SearchKind(
        value="plans", model=CommunityPlan, label=_l("Community plans"), sources=_plan_sources,
        visible=lambda row: row.status != PlanStatus.DRAFT,
        url=lambda row: url_for("plans.show", slug=row.slug),
        title=lambda row: text_in(row, "title"),
        text=lambda row: text_in(row, "summary") or text_in(row, "body"),
        languages=lambda row: _given_in(row, "title", "summary", "body"),
    ),
    SearchKind(
        value=COMMENTS, model=Comment, label=_l("Comments"), sources=_comment_sources,
        visible=_comment_visible, url=lambda row: kind_named(COMMENTS).url(row),
        title=lambda row: kind_named(COMMENTS).title(row), text=lambda row: row.body,
        context=_comment_context, languages=lambda row: (None, row.language),
    ),
)

BY_VALUE = {kind.value: kind for kind in SEARCH_KINDS}
BY_MODEL = {kind.model: kind for kind in SEARCH_KINDS}


def document_for(kind: SearchKind, source: Source, process_places: dict) -> dict:
    """The search document of one source row."""
    places = source.own_places
    inherits = not places and source.process_id is not None and kind.value != "processes"
    if inherits:
        places = tuple(process_places.get(source.process_id, ()))
    return {
        "kind": kind.value, "target_id": source.id, "process_id": source.process_id,
        "neighbourhood_ids": places_text(places), "inherits_places": inherits,
        "title": fold(source.title), "body": fold(source.body), "is_public": source.public,
    }


def places_text(place_ids) -> str:
    """",3,7,": what ``neighbourhood_ids`` holds (a neighbourhood is found with LIKE '%,3,%')."""
    ids = sorted({int(i) for i in place_ids if i})
    return "," + ",".join(map(str, ids)) + "," if ids else ""

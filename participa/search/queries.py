"""Searching: the documents whose words match, ranked by the database's full-text index
(SQLite's FTS5 ``bm25``, PostgreSQL's ``ts_rank`` over a GIN index), grouped by kind with
counts. The rows found are loaded and checked again before they are shown: a document that is
out of step with its row (or a row that is hidden, deleted or a draft) is never shown."""

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from participa.comments.queries import COMMENTS
from participa.core.pagination import Page
from participa.extensions import db
from participa.processes.models import Process
from participa.search.folding import query_words
from participa.search.kinds import BY_VALUE, SEARCH_KINDS, excerpt, load_comment_targets
from participa.search.models import SearchDocument

PER_PAGE = 20
PREFIX_FROM = 3  # words this long also find longer ones ("bici" finds "bicicletes")
# the matches ranked and counted: beyond these, a search for a very common word ranks the first
# ones the index gives and its counts say "or more" (a page costs what a rarer word's does)
CANDIDATES = 1000

FTS = sa.table("search_fts", sa.column("rowid"))
VECTOR = sa.literal_column("search_documents.search_fts_vector")


@dataclass
class Hit:
    kind: Any  # SearchKind
    row: Any
    title: str
    url: str
    excerpt: str
    context: str
    title_language: str | None = None  # None: the page's own
    text_language: str | None = None


@dataclass
class SearchResults:
    words: list[str]
    counts: dict[str, int] = field(default_factory=dict)  # by kind value
    capped: bool = False  # more matched than were counted: the counts are "or more"
    page: Page | None = None

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _dialect() -> str:
    return db.session.get_bind().dialect.name


def _match(words: list[str]):
    """The full-text condition and the score (higher is better) of ``words``, for this
    database: PostgreSQL's ``ts_rank`` (title words weigh more), SQLite's ``bm25``."""
    if _dialect() == "postgresql":
        terms = " & ".join(f"{w}:*" if len(w) >= PREFIX_FROM else w for w in words)
        query = sa.func.to_tsquery(sa.literal_column("'simple'::regconfig"),
                                   sa.literal(terms, sa.String))
        return VECTOR.op("@@")(query), sa.func.ts_rank(VECTOR, query)
    terms = " AND ".join(f'"{w}"*' if len(w) >= PREFIX_FROM else f'"{w}"' for w in words)
    return (sa.literal_column("search_fts").op("MATCH")(sa.literal(terms, sa.String)),
            -sa.literal_column("bm25(search_fts, 4.0, 1.0)"))


def _candidates(words, neighbourhood_id):
    """The public documents that match (at most CANDIDATES), with their scores."""
    d = SearchDocument
    condition, score = _match(words)
    query = sa.select(d.id, d.kind, d.target_id, score.label("score")).select_from(d)
    if _dialect() != "postgresql":
        query = query.join(FTS, FTS.c.rowid == d.id)
    query = (query.outerjoin(Process, Process.id == d.process_id)
             .where(condition, d.is_public.is_(True),
                    sa.or_(d.process_id.is_(None), Process.is_published.is_(True))))
    if neighbourhood_id is not None:
        query = query.where(d.neighbourhood_ids.like(f"%,{int(neighbourhood_id)},%"))
    return query.limit(CANDIDATES).cte("hits").prefix_with("MATERIALIZED")


def search(text: str, *, kind: str | None = None, neighbourhood_id: int | None = None,
           page: int = 1, per_page: int = PER_PAGE) -> SearchResults:
    """The page ``page`` of what matches ``text`` (of one kind, or of every kind), best first,
    with every kind's count — in one statement: the matches are read once."""
    words = query_words(text)
    results = SearchResults(words=words)
    if not words:
        results.page = Page(items=[], page=page, per_page=per_page, has_next=False)
        return results
    hits = _candidates(words, neighbourhood_id)
    counts = (sa.select(sa.literal("count").label("row_type"), hits.c.kind,
                        sa.func.count().label("target_id"), sa.literal(0.0).label("score"),
                        sa.literal(0).label("id"))
              .group_by(hits.c.kind))
    shown = sa.select(sa.literal("hit").label("row_type"), hits.c.kind, hits.c.target_id,
                      hits.c.score, hits.c.id)
    if kind is not None:
        shown = shown.where(hits.c.kind == kind)
    shown = (shown.order_by(hits.c.score.desc(), hits.c.id.desc())
             .limit(per_page + 1).offset((page - 1) * per_page))
    rows = db.session.execute(sa.union_all(counts, shown.subquery().select())).all()
    results.counts = {k.value: 0 for k in SEARCH_KINDS}
    found = []
    for row in rows:
        if row.row_type == "count":
            results.counts[row.kind] = row.target_id
        else:
            found.append((row.kind, row.target_id, row.score, row.id))
    results.capped = results.total >= CANDIDATES
    found.sort(key=lambda hit: (-hit[2], -hit[3]))
    pairs = [(kind_value, target_id) for kind_value, target_id, _score, _id in found]
    results.page = Page(items=_hits(pairs[:per_page]), page=page, per_page=per_page,
                        has_next=len(pairs) > per_page)
    return results


def _hits(rows) -> list[Hit]:
    """The rows found, loaded kind by kind and checked again, in their order."""
    wanted: dict[str, list] = {}
    for kind_value, target_id in rows:
        wanted.setdefault(kind_value, []).append(target_id)
    loaded = {value: BY_VALUE[value].load(ids) for value, ids in wanted.items()
              if value in BY_VALUE}
    load_comment_targets(loaded.get(COMMENTS, {}).values())
    hits = []
    for kind_value, target_id in rows:
        kind = BY_VALUE.get(kind_value)
        row = loaded.get(kind_value, {}).get(target_id)
        if kind is None or row is None or not kind.visible(row):
            continue
        title_language, text_language = kind.languages(row)
        hits.append(Hit(kind=kind, row=row, title=kind.title(row), url=kind.url(row),
                        excerpt=excerpt(kind.text(row)), context=kind.context(row),
                        title_language=title_language, text_language=text_language))
    return hits

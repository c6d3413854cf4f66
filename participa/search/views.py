"""The site search's page: ``/search?q=&kind=&neighbourhood=&page=``."""

from flask import Blueprint, render_template, request
from flask_babel import gettext as _

from participa.core.pagination import requested_page
from participa.neighbourhoods.queries import get_neighbourhood_by_slug, list_neighbourhoods
from participa.search.folding import MAX_QUERY_LENGTH
from participa.search.kinds import BY_VALUE, SEARCH_KINDS
from participa.search.queries import search

bp = Blueprint("search", __name__, url_prefix="/search")


@bp.get("")
def index():
    """Anyone's search (a visitor's page may come from the page cache: it is the same for
    everyone). A query that cannot be searched says why, with a 400."""
    q = request.args.get("q", "").strip()
    kind = BY_VALUE.get(request.args.get("kind", ""))
    slug = request.args.get("neighbourhood", "")
    neighbourhood = get_neighbourhood_by_slug(slug[:80]) if slug else None
    problem, results = None, None
    if len(q) > MAX_QUERY_LENGTH:
        problem = _("Write at most %(n)s characters to search.", n=MAX_QUERY_LENGTH)
    elif q:
        results = search(q, kind=kind.value if kind else None,
                         neighbourhood_id=neighbourhood.id if neighbourhood else None,
                         page=requested_page())
        if not results.words:
            problem = _("Write a word to search for: letters or digits.")
            results = None
    page = render_template(
        "search/index.html", q=q, kind=kind, neighbourhood=neighbourhood, results=results,
        problem=problem, kinds=SEARCH_KINDS, neighbourhoods=list_neighbourhoods(),
        max_length=MAX_QUERY_LENGTH)
    return (page, 400) if problem else page

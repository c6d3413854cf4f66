"""A list of proposals, rendered fast.

Most of an index page's cost is Jinja writing twenty cards. A card shows the proposal (title,
state, author and the association it speaks for, date, category, neighbourhood, counts), the
reader's language and the reader's relation to it (supported or not, why not, may take it
back) — not who the reader is. So each card is written once per such key and kept in a
per-worker LRU: the key holds every value the card shows, so a card is never stale. The one
personal thing a card holds, the session's CSRF token in its support form, is put back in
when the page is joined (``cached_fragment``)."""

from flask import current_app
from markupsafe import Markup

from participa.core.cache import cached_fragment, fragment_cache


def render_cards(process, proposals, states, *, show_supports: bool, locale: str,
                 next_url: str, thumbnails=None) -> list[Markup]:
    """Each proposal's card, in order; ``states`` is the support state of each (by id),
    ``thumbnails`` the first image of each (by id, read in one query)."""
    thumbnails = thumbnails or {}
    macro = current_app.jinja_env.get_template("proposals/_card.html").module.proposal_card
    cache = fragment_cache("proposal-cards", current_app.config["PROPOSAL_CARDS"])
    cards = []
    for proposal in proposals:
        state = states[proposal.id]
        thumb = thumbnails.get(proposal.id)
        key = (
            proposal.id, proposal.title, proposal.language, proposal.state, proposal.author_name,
            # on whose behalf: a renamed association (or a new slug) makes a new card
            proposal.association_id, proposal.association_name, proposal.association_slug,
            proposal.created_at, proposal.category_name, proposal.neighbourhood_name,
            proposal.comments_count, proposal.supports_count, process.slug,
            process.support_threshold, show_supports, state["supported"], state["refusal"],
            state["may_unsupport"], next_url, locale,
            # the thumbnail: another image (a new id), or its text changed, makes a new card
            (thumb.id, thumb.alt_text, thumb.language) if thumb is not None else None,
        )
        cards.append(cached_fragment(cache, key, lambda p=proposal, s=state, t=thumb: macro(
            process, p, show_supports, s, next_url, t)))
    return cards

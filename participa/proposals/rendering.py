"""A list of proposals, rendered fast.

Most of an index page's cost is Jinja writing twenty cards. A card shows the proposal (title,
state, author, date, category, neighbourhood, counts), the reader's language and the reader's
relation to it (supported or not, why not, may take it back) — not who the reader is. So each
card is written once per such key and kept in a per-worker LRU: the key holds every value the
card shows, so a card is never stale. The one personal thing a card holds, the session's CSRF
token in its support form, is put back in when the page is joined."""

from flask import current_app
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

from participa.core.cache import fragment_cache

TTL = 3600
TOKEN = "\x00csrf\x00"  # stands for the reader's CSRF token in a stored card


def render_cards(process, proposals, states, *, show_supports: bool, locale: str,
                 next_url: str) -> list[Markup]:
    """Each proposal's card, in order; ``states`` is the support state of each (by id)."""
    macro = current_app.jinja_env.get_template("proposals/_card.html").module.proposal_card
    cache = fragment_cache("proposal-cards", current_app.config["PROPOSAL_CARDS"])
    cards = []
    for proposal in proposals:
        state = states[proposal.id]
        key = (
            proposal.id, proposal.title, proposal.state, proposal.author_name,
            proposal.created_at, proposal.category_name, proposal.neighbourhood_name,
            proposal.comments_count, proposal.supports_count, process.slug,
            process.support_threshold, show_supports, state["supported"], state["refusal"],
            state["may_unsupport"], next_url, locale,
        )
        html = cache.get(key)
        if html is None:
            html = str(macro(process, proposal, show_supports, state, next_url))
            if 'name="csrf_token"' in html:  # a form: the token it holds is the reader's
                html = html.replace(generate_csrf(), TOKEN)
            cache.set(key, html, TTL)
        if TOKEN in html:  # only a card with a form asks for a token (visitors get none)
            html = html.replace(TOKEN, generate_csrf())
        cards.append(Markup(html))
    return cards

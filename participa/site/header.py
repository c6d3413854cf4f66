"""The header every page starts with. Jinja would write it afresh for every request (a dozen
links, translations and the language switch); it depends only on the language, the section
of the site (which link is current), whether the reader is signed in, council or a moderator,
and the town's look (name, logo, colours) — so it is written once per such key and kept, with
the session's CSRF token and the page's own address (where the language switch returns) put in
each time."""

from flask import render_template, request
from flask_babel import get_locale
from flask_login import current_user
from markupsafe import Markup, escape

from participa.core.cache import cached_fragment, fragment_cache
from participa.moderation.permissions import can_see_moderation_queue
from participa.town.look import town_look

NEXT = "\x00next\x00"  # stands for the page's address in a kept header


def site_header() -> Markup:
    user = current_user._get_current_object()
    signed_in = user.is_authenticated
    key = (str(get_locale()), request.blueprint, signed_in, signed_in and user.is_council,
           can_see_moderation_queue(user), town_look(),
           _my_participation_page())
    html = cached_fragment(fragment_cache("headers", 256), key,
                           lambda: render_template("_header.html", next_url=NEXT))
    here = request.full_path if request.query_string else request.path
    return Markup(html.replace(NEXT, str(escape(here))))


def _my_participation_page() -> bool:
    """Whether this is one of the "my participation" pages (its header link is marked
    current): part of a kept header's key, as the section of the site is."""
    return request.endpoint in ("accounts.participation", "accounts.participation_section")

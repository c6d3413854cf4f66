"""Markdown stored raw, rendered once here: Markdown → HTML → bleach allowlist → Markup.

Nothing user-written reaches a template as trusted HTML any other way."""

from functools import lru_cache, partial
from urllib.parse import urlsplit

import bleach
import markdown as md
from bleach.linkifier import LinkifyFilter
from markupsafe import Markup

TAGS = frozenset(
    {"p", "br", "em", "strong", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote",
     "code", "pre", "hr"}
)
# Comments (later) use a smaller allowlist: no headings, no rules.
COMMENT_TAGS = frozenset({"p", "br", "em", "strong", "ul", "ol", "li", "a", "blockquote", "code"})
ATTRIBUTES = {"a": ["href", "title"]}
SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow noopener ugc"


def _safe_link(attrs, new=False):
    """bleach linkify callback: drop links whose scheme is not allowed, mark the rest.

    bleach removes a forbidden href but keeps the ``<a>``: a link to nowhere goes too."""
    href = attrs.get((None, "href"), "")
    if not href or not is_safe_url(href):
        return None
    attrs[(None, "rel")] = LINK_REL
    return attrs


def is_safe_url(url: str) -> bool:
    """Only http, https and mailto links (or relative ones), whatever bleach thinks.

    bleach reads ``javascript:1`` as a host and a port and lets it through; we check the scheme
    ourselves after removing the characters browsers ignore."""
    cleaned = "".join(ch for ch in url if ch.isprintable() and not ch.isspace())
    try:
        scheme = urlsplit(cleaned).scheme.lower()
    except ValueError:
        return False
    if scheme:
        return scheme in SCHEMES
    # no scheme: a relative link is fine, unless it hides one ("java&#x09;script:" is gone by now)
    return ":" not in cleaned.split("/", 1)[0]


def render_markdown(text: str | None, *, tags=TAGS) -> Markup:
    """Render user Markdown to sanitized HTML, safe to put in a page."""
    if not text:
        return Markup("")
    return _render(text, tags)


@lru_cache(maxsize=4096)
def _render(text: str, tags: frozenset) -> Markup:
    """The rendering itself. Pure (the same text, the same HTML), so each worker keeps the
    texts it rendered lately: a proposal's body is not re-parsed for every reader."""
    html = md.markdown(text, extensions=["sane_lists"], output_format="html")
    # linkify as a filter of the same pass: a second bleach.linkify pass escaped the text of
    # <code> and <pre> again ("&lt;" shown as "&amp;lt;")
    cleaner = bleach.Cleaner(
        tags=tags,
        attributes=ATTRIBUTES,
        protocols=SCHEMES,
        strip=True,
        strip_comments=True,
        filters=[partial(LinkifyFilter, callbacks=[_safe_link], skip_tags={"pre", "code"})],
    )
    return Markup(cleaner.clean(html))


def render_comment_markdown(text: str | None) -> Markup:
    """A comment's Markdown, with the smaller allowlist."""
    return render_markdown(text, tags=COMMENT_TAGS)

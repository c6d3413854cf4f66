"""A long thread, rendered fast.

Most of a thread's cost is Jinja turning each comment into HTML. What a comment looks like
depends on the comment (its version), the reader's language, and the reader's relation to it
(which buttons they get, how they voted) — not on who the reader is. So each comment's HTML is
made once per such key and kept in a small per-worker LRU (the page cache's class); the page
only joins the pieces. Nothing personal is in them: their buttons post the thread's one form,
which holds the session's CSRF token.

The empty form for a new comment is the same for every reader of a target in a language but
for that token, so it is kept too (``new_comment_form``)."""

import re

from flask import current_app, g, render_template
from markupsafe import Markup

from participa.associations.queries import represented_associations
from participa.comments.forms import CommentForm
from participa.comments.permissions import (
    can_delete_comment,
    can_edit_comment,
    can_reply,
    can_vote_comment,
    target_open,
)
from participa.comments.queries import LONG_THREAD
from participa.core.cache import cached_fragment, fragment_cache
from participa.core.permissions import is_signed_in
from participa.moderation.permissions import can_report
from participa.processes.permissions import can_manage_process

TTL = 3600
WHOLE_THREAD_FROM = LONG_THREAD  # comments: a shorter thread is joined from its pieces
# the macro's indentation, a third of each piece: HTML shows any run of blanks between tags as
# one space (comments hold no <pre>), so one space is kept
BLANKS_BETWEEN_TAGS = re.compile(r">\s+<")


def render_comments(thread, *, may_comment: bool, locale: str, reply_url: str) -> Markup:
    """The thread's ``<li>`` items, nested, as one piece of HTML (``locale``: the language the
    pieces are written in, part of their cache key).

    A long thread is also kept whole, for every reader who stands to it as this one does
    (``_reader``) and under every comment's version: a reader of a kept thread costs a lookup,
    not a walk through hundreds of comments."""
    viewer, target = thread.viewer, thread.target
    moderates = can_manage_process(viewer, target.process)
    is_open = target_open(target)
    whole_key = None
    if len(thread.comments) >= WHOLE_THREAD_FROM:
        whole_key = (
            thread.kind.value, target.id, thread.sort, locale, reply_url, may_comment, is_open,
            moderates, _reader(viewer, thread),
            tuple((c.id, c.version) for c in thread.comments),
        )
        threads = fragment_cache("threads", current_app.config["THREAD_FRAGMENTS"])
        html = threads.get(whole_key)
        if html is not None:
            return Markup(html)
    html = _walk(thread, viewer, target, moderates=moderates, is_open=is_open,
                 may_comment=may_comment, locale=locale, reply_url=reply_url)
    if whole_key is not None:
        threads.set(whole_key, html, TTL)
    return Markup(html)


def _reader(viewer, thread) -> tuple:
    """Everything the comment predicates (``participa.comments.permissions``,
    ``can_report``) read of the reader beyond the page's own answers (may comment, open,
    moderates): whether they may report (signed in, not blocked); and, once the thread holds
    anything of theirs (a comment, a vote, an appeal), who they are and what that is. Readers
    alike get the same thread."""
    if not is_signed_in(viewer):
        return (False,)
    stake = bool(thread.my_votes or thread.appeals) or any(
        c.author_id == viewer.id for c in thread.comments)
    if not stake:
        return (True, viewer.is_blocked)
    return (True, viewer.is_blocked, viewer.id, tuple(sorted(thread.my_votes.items())),
            tuple(sorted(thread.appeals.items())))


def _walk(thread, viewer, target, *, moderates, is_open, may_comment, locale, reply_url) -> str:
    """The thread's HTML, joined from each comment's kept piece."""
    macro = current_app.jinja_env.get_template("comments/_comment.html").module.comment
    cache = fragment_cache("comments", current_app.config.get("COMMENT_FRAGMENTS", 20_000))
    parts = []
    positions = thread.kind.comment_positions

    def walk(nodes):
        for node in nodes:
            c = node.comment
            flags = (
                can_vote_comment(viewer, c, target, may_comment=may_comment),
                can_reply(viewer, c, target, may_comment=may_comment),
                can_edit_comment(viewer, c, target, is_open=is_open),
                can_delete_comment(viewer, c, target, is_open=is_open),
                c.deleted_at is None and can_report(viewer, c, author_id=c.author_id),
                thread.my_votes.get(c.id, 0),
                thread.appeals.get(c.id),
                moderates and c.edited_at is not None,  # may read the earlier versions
            )
            key = (c.id, c.version, locale, reply_url, positions, flags)
            html = cache.get(key)
            if html is None:
                html = BLANKS_BETWEEN_TAGS.sub("> <", str(macro(
                    c, *flags, reply_url=reply_url, positions=positions)).strip())
                cache.set(key, html, TTL)
            parts.append(html)
            if node.replies:
                parts.append('<ol class="comment-list replies">')
                walk(node.replies)
                parts.append("</ol>")
            parts.append("</li>")

    walk(thread.roots)
    return "".join(parts)


def publish_as_associations(user) -> list:
    """The verified associations the reader may publish as (``represented_associations``),
    read once per request however many forms a page holds; none for visitors."""
    if not is_signed_in(user):
        return []
    space = g._get_current_object().__dict__
    found = space.get("participa_publish_as")
    if found is None or found[0] != user.id:
        found = space["participa_publish_as"] = (user.id, represented_associations(user))
    return found[1]


def new_comment_form(target, kind, *, locale: str, associations=()) -> Markup:
    """The empty form for a new comment on ``target`` (``comments/_form.html``), written once
    per target, length limit, language and the associations its reader may publish as (their
    ids and names: a rename makes a new form)."""
    process = target.process
    limit = process.comment_body_limit
    key = (kind.value, target.id, process.slug, limit, locale,
           tuple((a.id, a.name) for a in associations))
    return cached_fragment(
        fragment_cache("comment-forms", current_app.config["COMMENT_FORMS"]), key,
        lambda: render_template("comments/_form.html", target=target, kind=kind,
                                form=CommentForm(limit=limit, formdata=None,
                                                 positions=kind.comment_positions,
                                                 associations=associations)))

"""A short-lived cache of whole public pages for anonymous visitors.

Most traffic is people reading without an account. Their pages carry nothing personal (no
session, no CSRF token, no flash), so for ``PAGE_CACHE_SECONDS`` one rendering serves everyone
asking for the same address in the same language. Signed-in people and any request with a session
cookie always get a fresh page; a response that sets a cookie or fills the session (a CSRF
token, a flash message) is never stored. Each worker keeps
its own small LRU; a few seconds of staleness for anonymous readers is the whole trade-off."""

import threading
import time
from collections import OrderedDict

from flask import current_app, g, request, session
from flask_babel import get_locale
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup


class PageCache:
    def __init__(self, max_entries=512):
        self.max_entries = max_entries
        self._entries: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if entry[0] < time.monotonic():
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return entry[1]

    def set(self, key, value, ttl):
        with self._lock:
            self._entries[key] = (time.monotonic() + ttl, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self):
        with self._lock:
            self._entries.clear()


TOKEN = "\x00csrf\x00"  # stands for the reader's CSRF token in a kept fragment


def cached_fragment(cache: PageCache, key, render, ttl=3600) -> Markup:
    """The fragment kept under ``key`` in ``cache``, made by ``render()`` when missing. A form
    in it holds the session's CSRF token, the one personal thing a shared fragment may hold:
    it is kept with a stand-in, and the reader's own token is put back each time."""
    html = cache.get(key)
    if html is None:
        html = str(render())
        if 'name="csrf_token"' in html:
            html = html.replace(generate_csrf(), TOKEN)
        cache.set(key, html, ttl)
    if TOKEN in html:  # only a fragment with a form asks for a token (visitors get none)
        html = html.replace(TOKEN, _request_token())
    return Markup(html)


def _request_token() -> str:
    """The session's CSRF token, asked of Flask-WTF once per request (twenty cards would ask
    twenty times)."""
    space = g._get_current_object().__dict__
    token = space.get("participa_csrf_token")
    if token is None:
        token = space["participa_csrf_token"] = generate_csrf()
    return token


def fragment_cache(name: str, max_entries: int) -> PageCache:
    """This worker's cache of HTML pieces called ``name`` (a thread's comments, a list's cards).
    A piece's key holds everything it shows, so a piece is never stale: a change makes a new
    key, and the old piece ages out of the LRU."""
    cache = current_app.extensions.get(f"fragments:{name}")
    if cache is None:
        cache = current_app.extensions[f"fragments:{name}"] = PageCache(max_entries)
    return cache


def _cacheable_request() -> bool:
    """An anonymous GET of a public page, asked of the site's own host: a response built for a
    request naming another host is never stored nor served from the cache."""
    return (
        request.method == "GET"
        and request.host == current_app.config["SERVER_NAME"]
        and current_app.config["PAGE_CACHE_SECONDS"] > 0
        and current_app.config["SESSION_COOKIE_NAME"] not in request.cookies
        and current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token") not in request.cookies
        and request.endpoint not in (None, "static", "site.healthz", "site.readyz")
    )


def init_app(app):
    cache = PageCache(app.config.get("PAGE_CACHE_ENTRIES", 512))
    app.extensions["page_cache"] = cache

    @app.before_request
    def serve_cached_page():
        if not _cacheable_request():
            return None
        g.page_cache_key = (request.full_path, str(get_locale()))
        hit = cache.get(g.page_cache_key)
        if hit is None:
            return None
        body, headers = hit
        response = current_app.response_class(body, status=200, headers=headers)
        response.headers["X-Page-Cache"] = "hit"
        g.page_cache_key = None  # nothing to store
        return response

    @app.after_request
    def store_page(response):
        key = g.pop("page_cache_key", None)
        if (
            key is not None
            and response.status_code == 200
            and "Set-Cookie" not in response.headers
            and not session.modified  # a CSRF token or a flash: personal, and saved after this
            and not response.is_streamed
        ):
            headers = [(k, v) for k, v in response.headers.items()
                       if k.lower() in ("content-type", "content-disposition",
                                        "access-control-allow-origin")]
            cache.set(key, (response.get_data(), headers), app.config["PAGE_CACHE_SECONDS"])
            response.headers["X-Page-Cache"] = "miss"
        return response

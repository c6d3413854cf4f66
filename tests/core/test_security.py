"""Security headers on every response, cookie flags, no inline script, private pages uncached."""

import re

import pytest

from tests.support import factories
from tests.support.web import login, post


def csp(response) -> dict[str, list[str]]:
    policy = response.headers["Content-Security-Policy"]
    directives = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def assert_security_headers(response):
    policy = csp(response)
    assert policy["default-src"] == ["'self'"]
    script_src = policy.get("script-src", policy["default-src"])
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "*" not in script_src and "data:" not in script_src
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] in (
        "no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"
    )


@pytest.fixture
def site(commit):
    """A little of everything, so every public page has something to show."""
    barri = factories.make_neighbourhood(slug="barri")
    plan = factories.make_plan(slug="pla", neighbourhoods=[barri])
    process = factories.make_process(slug="proces", plan=plan, neighbourhoods=[barri])
    council = factories.make_user("council")
    commit()
    return {"process": process, "council": council}


PUBLIC_PAGES = ["/", "/processes/", "/processes/proces", "/plans/", "/plans/pla",
                "/neighbourhoods/", "/neighbourhoods/barri", "/accounts/login",
                "/accounts/register", "/accounts/reset"]


@pytest.mark.parametrize("url", PUBLIC_PAGES + ["/healthz", "/static/css/main.css",
                                                "/static/js/participa.js", "/no-such-page",
                                                "/processes/no-such-process"])
def test_every_response_carries_the_security_headers(client, site, url):
    response = client.get(url)
    response.close()  # static files are streamed
    assert response.status_code in (200, 404)
    assert_security_headers(response)


def test_errors_redirects_and_posts_carry_them_too(client, site):
    responses = [
        client.get("/admin/"),  # 302 to sign in
        client.post("/accounts/login", data={}),  # 400, no CSRF token
        client.get("/accounts/logout"),  # 405
        post(client, "/accounts/login", {"email": site["council"].email,
                                         "password": factories.PASSWORD}),  # 302 signed in
        client.get("/admin/"),  # 200
        client.get("/admin/processes/99999/"),  # 404
    ]
    assert [r.status_code for r in responses] == [302, 400, 405, 302, 200, 404]
    for response in responses:
        assert_security_headers(response)


def test_the_session_cookie_is_http_only_and_same_site(client, site):
    response = post(client, "/accounts/login", {"email": site["council"].email,
                                                "password": factories.PASSWORD})
    [cookie] = [c for c in response.headers.getlist("Set-Cookie") if c.startswith("session=")]
    attributes = [part.strip() for part in cookie.split(";")]
    assert "HttpOnly" in attributes
    assert "SameSite=Lax" in attributes
    assert "Path=/" in attributes


def test_production_cookies_are_secure(tmp_path, monkeypatch):
    from participa import create_app

    monkeypatch.setenv("PARTICIPA_SECRET_KEY", "a-real-secret-for-this-test-only-123456")
    monkeypatch.setenv("PARTICIPA_BALLOT_KEY", "a-real-ballot-key-for-this-test-only-654321")
    app = create_app({"ENV": "production", "DATABASE_URL": f"sqlite:///{tmp_path}/p.sqlite3",
                      "MAIL_OUTBOX_DIR": str(tmp_path / "outbox"),
                      "PUBLIC_URL": "https://participa.example.cat"})
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["REMEMBER_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"


def test_production_refuses_to_start_without_a_real_secret(tmp_path, monkeypatch):
    from participa import create_app

    monkeypatch.delenv("PARTICIPA_SECRET_KEY", raising=False)
    config = {"ENV": "production", "DATABASE_URL": f"sqlite:///{tmp_path}/p.sqlite3"}
    with pytest.raises(RuntimeError):
        create_app(config)
    with pytest.raises(RuntimeError):
        create_app({**config, "SECRET_KEY": "dev-only-not-secret-change-me"})


def test_production_refuses_to_start_without_a_real_ballot_key(tmp_path, monkeypatch):
    """The ballot key keeps ballots and census entries unlinkable from the database alone: it
    lives in the configuration, and production has no default."""
    from participa import create_app

    monkeypatch.delenv("PARTICIPA_BALLOT_KEY", raising=False)
    config = {"ENV": "production", "DATABASE_URL": f"sqlite:///{tmp_path}/p.sqlite3",
              "SECRET_KEY": "a-real-secret-for-this-test-only-123456",
              "PUBLIC_URL": "https://participa.example.cat",
              "MAIL_OUTBOX_DIR": str(tmp_path / "outbox")}
    with pytest.raises(RuntimeError, match="PARTICIPA_BALLOT_KEY"):
        create_app(config)
    with pytest.raises(RuntimeError, match="PARTICIPA_BALLOT_KEY"):
        create_app({**config, "BALLOT_KEY": "dev-only-ballot-key-change-me"})
    assert create_app({**config, "BALLOT_KEY": "a-real-ballot-key-654321"}).config["BALLOT_KEY"]


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)
HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.I)
JAVASCRIPT_URL = re.compile(r"""(?:href|src|action)\s*=\s*["']?\s*javascript:""", re.I)


def assert_no_inline_code(page, url):
    assert not INLINE_SCRIPT.search(page), url
    assert not HANDLER.search(page), url
    assert not STYLE_ATTRIBUTE.search(page), url
    assert not JAVASCRIPT_URL.search(page), url


def test_pages_have_no_inline_script_handlers_or_styles(client, site):
    """The CSP forbids inline script and style, so no page may depend on them."""
    for url in PUBLIC_PAGES:
        assert_no_inline_code(client.get(url).get_data(as_text=True), url)
    login(client, site["council"])
    process_id = site["process"].id
    for url in ["/", "/accounts/me", "/admin/", "/admin/neighbourhoods/",
                "/admin/neighbourhoods/new", "/admin/plans/", "/admin/plans/new",
                "/admin/processes/", "/admin/processes/new", f"/admin/processes/{process_id}/",
                f"/admin/processes/{process_id}/edit",
                f"/admin/processes/{process_id}/phases/new"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_inline_code(response.get_data(as_text=True), url)


def test_private_pages_are_not_cached(client, site):
    assert "no-store" not in client.get("/plans/").headers.get("Cache-Control", "")
    login(client, site["council"])
    # every page a signed-in person gets is theirs (a door code, a token): public ones too
    for url in ("/accounts/me", "/admin/", "/admin/plans/", "/plans/", "/", "/meetings/"):
        assert client.get(url).headers["Cache-Control"] == "private, no-store", url


def test_a_response_that_sets_a_cookie_is_not_cached(client, site):
    # the sign-in form starts a session (its CSRF token), signing in renews it
    first = client.get("/accounts/login")
    assert any(c.startswith("session=") for c in first.headers.getlist("Set-Cookie"))
    assert first.headers["Cache-Control"] == "no-store"
    response = post(client, "/accounts/login", {"email": site["council"].email,
                                                "password": factories.PASSWORD})
    assert any(c.startswith("session=") for c in response.headers.getlist("Set-Cookie"))
    assert response.headers["Cache-Control"] == "private, no-store"
    visitor = client.another()
    chosen = visitor.post("/language", data={"lang": "es", "next": "/"})
    assert chosen.status_code == 302
    assert chosen.headers["Cache-Control"] == "no-store"


def test_forms_carry_a_csrf_token(client, site):
    for url in ("/accounts/login", "/accounts/register", "/accounts/reset"):
        assert 'name="csrf_token"' in client.get(url).get_data(as_text=True), url


def test_user_content_is_escaped_in_pages(client, commit):
    factories.make_process(slug="x", title='"><script>alert(1)</script>',
                           summary="<img src=x onerror=alert(1)>")
    commit()
    for url in ("/processes/", "/processes/x", "/"):
        page = client.get(url).get_data(as_text=True)
        assert "<script>alert(1)" not in page, url
        assert "<img src=x" not in page, url


def test_a_lazy_message_worded_with_a_persons_text_is_escaped_on_a_page(app):
    """A refusal or form error built with ``_l(…, title=…)`` carries someone's text: Jinja must
    escape it like any other text (Flask-Babel's lazy strings call themselves safe HTML)."""
    from flask import render_template_string
    from flask_babel import lazy_gettext

    message = lazy_gettext("Cancelled: \"%(title)s\"", title="<script>alert(1)</script>")
    with app.test_request_context():
        page = render_template_string("<p>{{ message }}</p>", message=message)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page

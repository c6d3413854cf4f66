"""The legal pages through HTTP: the public pages in the reader's language with their version,
date and earlier versions; the footer on every page (no query added, the visitors' page cache
still working); the council's publishing pages (302 for visitors, 403 for residents, 400 for
bad input, 404 for unknown texts and versions); the ActionLog."""

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from participa.core.models import ActionLog
from participa.extensions import db
from participa.legal import operations
from participa.legal.models import LegalKind
from tests.legal.helpers import publish
from tests.support import factories
from tests.support.queries import counting
from tests.support.web import login, post, text

LINKS = ("/legal/notice", "/legal/privacy", "/legal/terms", "/legal/accessibility")


@pytest.fixture
def published(council, commit):
    first = publish(actor=council, body="## Condicions\n\nPrimera versió.",
                    es="## Condiciones\n\nPrimera versión.",
                    now=datetime(2026, 3, 2, 10, tzinfo=UTC))
    second = publish(actor=council, body="## Condicions\n\nSegona versió, **vigent**.",
                     summary="Hi afegim la moderació", en="## Terms\n\nSecond version.",
                     now=datetime(2026, 11, 20, 10, tzinfo=UTC))
    commit()
    return first, second


def test_the_current_version_in_the_readers_language(client, published):
    page = text(client.get("/legal/terms"))
    assert "<h1>Terms of use</h1>" in page
    assert "Second version." in page and "Segona" not in page
    assert "Version 2, published on 20 November 2026." in page
    assert "Hi afegim la moderació" in page  # what changed, not translated: the Catalan
    assert 'lang="ca"' in page  # marked as such (WCAG 3.1.2)
    assert 'href="/legal/terms/versions/1"' in page and 'href="/legal/terms/versions/2"' in page


def test_a_missing_language_falls_back_to_catalan(client, published):
    page = text(client.get("/legal/terms", headers={"Accept-Language": "es"}))
    assert "Segona versió, <strong>vigent</strong>." in page  # Markdown, rendered safely
    assert '<div class="prose" lang="ca">' in page


def test_earlier_versions_stay_readable(client, published):
    response = client.get("/legal/terms/versions/1", headers={"Accept-Language": "es"})
    assert response.status_code == 200
    page = text(response)
    assert "Primera versión." in page
    assert 'href="/legal/terms"' in page  # to the version in force


@pytest.mark.parametrize("url", ["/legal/other", "/legal/terms/versions/3",
                                 "/legal/terms/versions/0", "/legal/notice/versions/1",
                                 "/legal/terms/versions/99999999999999999999"])
def test_unknown_texts_and_versions_are_404(client, published, url):
    assert client.get(url).status_code == 404


def test_an_unpublished_text_says_so(client):
    response = client.get("/legal/accessibility")
    assert response.status_code == 200
    assert "The council has not published this text yet." in text(response)


def test_markdown_is_sanitised(client, council, commit):
    publish(LegalKind.NOTICE, actor=council,
            body="<script>alert(1)</script> [x](javascript:alert(1)) **ok**")
    commit()
    page = text(client.get("/legal/notice"))
    assert "<script>alert" not in page and "javascript:" not in page
    assert "<strong>ok</strong>" in page


def test_the_footer_links_the_four_texts_on_every_page(client, resident, commit):
    commit()
    for url in ("/", "/processes/", "/accounts/login", "/legal/terms"):
        page = text(client.get(url))
        for link in LINKS:
            assert f'href="{link}"' in page, (url, link)
    login(client, resident)
    page = text(client.get("/accounts/me"))
    assert all(f'href="{link}"' in page for link in LINKS)


def test_the_footer_adds_no_query(app, client, published):
    """The links are fixed addresses: the footer reads nothing, with texts published or not."""
    client.get("/neighbourhoods/")  # whatever other parts keep in-process is loaded now
    with counting(app) as statements:
        client.get("/neighbourhoods/")
    assert not any("legal_versions" in statement for statement in statements)
    with_texts = len(statements)
    db.session.execute(sa.text("DELETE FROM legal_versions"))
    db.session.commit()
    with counting(app) as statements:
        client.get("/neighbourhoods/")
    assert len(statements) == with_texts


def test_visitors_page_cache_still_works_and_publishing_clears_it(client, page_cache, council,
                                                                   commit):
    terms = publish(LegalKind.TERMS, actor=council, body="Primera")
    operations.accept_terms(council, terms)  # so signing in asks nothing
    commit()
    visitor = client
    assert visitor.get("/legal/terms").headers.get("X-Page-Cache") == "miss"
    assert visitor.get("/legal/terms").headers.get("X-Page-Cache") == "hit"
    assert visitor.get("/").headers.get("X-Page-Cache") == "miss"
    assert visitor.get("/").headers.get("X-Page-Cache") == "hit"
    staff = client.another()
    login(staff, council)
    response = post(staff, "/admin/legal/terms/publish", {"body": "Segona"})
    assert response.status_code == 302
    fresh = visitor.get("/legal/terms")  # this worker cleared its cache on publishing
    assert fresh.headers.get("X-Page-Cache") == "miss" and "Segona" in text(fresh)


# --- the council's pages ------------------------------------------------------------------------

ADMIN_PAGES = ["/admin/legal/", "/admin/legal/terms/publish"]


@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_visitors_are_sent_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login" in response.headers["Location"]


@pytest.mark.parametrize("role", ["resident", "facilitator"])
@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_others_get_403(client, process, commit, role, url):
    person = factories.make_user(role, process=process)
    commit()
    login(client, person)
    assert client.get(url).status_code == 403
    assert post(client, "/admin/legal/privacy/publish", {"body": "x"},
                token_from="/accounts/me").status_code == 403
    assert client.get("/legal/privacy").status_code == 200  # reading is for everyone


def test_the_council_publishes_a_version(as_council, published):
    index = text(as_council.get("/admin/legal/"))
    assert "Version 2, published on 20 November 2026." in index
    assert "Not published yet." in index
    form = as_council.get("/admin/legal/terms/publish")
    assert form.status_code == 200
    assert "Segona versió, **vigent**." in text(form)  # starts from the text in force
    assert "Second version." in text(form)
    response = post(as_council, "/admin/legal/terms/publish", {
        "body": "## Condicions\n\nTercera versió.", "summary": "Canvis en els comentaris",
        "body_es": "Tercera versión.", "summary_es": "Cambios en los comentarios",
        "body_en": "", "summary_en": ""}, token_from="/admin/legal/terms/publish")
    assert response.status_code == 302 and response.headers["Location"] == "/legal/terms"
    page = text(as_council.get("/legal/terms"))
    assert "Version 3, published on" in page and "Tercera versió." in page
    entry = db.session.scalar(sa.select(ActionLog).where(
        ActionLog.verb == "publish_legal_text").order_by(ActionLog.id.desc()))
    assert entry.data == {"kind": "terms", "number": 3}
    log = text(as_council.get("/admin/log"))
    assert "published a new version of a legal text" in log and "Terms of use (3)" in log


def test_publishing_without_the_catalan_text_is_400_and_changes_nothing(as_council, published):
    response = post(as_council, "/admin/legal/terms/publish",
                    {"body": "", "body_es": "Solo en castellano"},
                    token_from="/admin/legal/terms/publish")
    assert response.status_code == 400
    assert "This field is required." in text(response)
    assert "Version 2, published on" in text(as_council.get("/legal/terms"))


def test_publishing_an_unknown_text_is_404(as_council):
    assert as_council.get("/admin/legal/other/publish").status_code == 404
    assert post(as_council, "/admin/legal/other/publish", {"body": "x"},
                token_from="/admin/legal/").status_code == 404

"""Serving files: the right type and headers, and a 404 (never a 403) for the files of
content the reader may not see. The council's page for the rules."""

import pytest

from participa.core.types import utcnow
from participa.files import operations, queries
from participa.proposals import operations as proposal_operations
from tests.files.builders import image_bytes, pdf_bytes, upload
from tests.support import factories
from tests.support.web import login, post, text


def attach_image(proposal):
    return operations.attach_file("proposal", proposal.id, upload(image_bytes()),
                                  alt_text="Arbres a la plaça", language="ca",
                                  actor=proposal.author)


def attach_pdf(proposal):
    return operations.attach_file("proposal", proposal.id, upload(pdf_bytes(), "x.pdf"),
                                  title="Pressupost detallat", language="ca",
                                  actor=proposal.author)


def test_an_image_is_served_inline_with_its_type(client, proposal, commit):
    image = attach_image(proposal)
    commit()
    for variant, content_type in (("full", "image/jpeg"), ("page", "image/webp"),
                                  ("card", "image/webp")):
        response = client.get(f"/files/{image.id}/{variant}")
        assert response.status_code == 200
        assert response.headers["Content-Type"] == content_type
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Content-Disposition"] == "inline"
        assert response.headers["Cache-Control"].startswith("public")
    again = client.get(f"/files/{image.id}/card",
                       headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


def test_a_document_is_downloaded_under_its_title(client, proposal, commit):
    document = attach_pdf(proposal)
    commit()
    response = client.get(f"/files/{document.id}/full")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="pressupost-detallat.pdf"')
    assert response.data.startswith(b"%PDF-")
    assert client.get(f"/files/{document.id}/card").status_code == 404


def test_signed_in_reads_are_private(client, proposal, author, commit):
    image = attach_image(proposal)
    commit()
    login(client, author)
    response = client.get(f"/files/{image.id}/card")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("path", ["/files/999999/full", "/files/1/nothing",
                                  "/files/99999999999999999999/full", "/files/0/full"])
def test_unknown_files_and_variants_are_404(client, proposal, commit, path):
    attach_image(proposal)
    commit()
    assert client.get(path).status_code == 404


def hide(proposal):
    proposal.hidden_at = utcnow()


def withdraw(proposal):
    proposal_operations.withdraw_proposal(proposal, actor=proposal.author)


def delete(proposal):
    proposal.deleted_at = utcnow()


def unpublish(proposal):
    proposal.process.is_published = False


@pytest.mark.parametrize("change", [hide, withdraw, delete, unpublish])
@pytest.mark.parametrize("reader", ["visitor", "resident", "author"])
def test_files_of_content_one_may_not_see_are_404(client, proposal, commit, change, reader):
    image = attach_image(proposal)
    document = attach_pdf(proposal)
    change(proposal)
    commit()
    if reader == "resident":
        person = factories.person()
        commit()
        login(client, person)
    elif reader == "author":
        login(client, proposal.author)
    assert client.get(f"/files/{image.id}/card").status_code == 404
    assert client.get(f"/files/{document.id}/full").status_code == 404


def test_the_council_reads_files_of_an_unpublished_process_privately(as_council, proposal,
                                                                     commit):
    image = attach_image(proposal)
    proposal.process.is_published = False
    commit()
    response = as_council.get(f"/files/{image.id}/card")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-store"


def test_the_council_sets_the_rules(as_council, commit):
    page = as_council.get("/admin/files/")
    assert page.status_code == 200 and "Proposals" in text(page)
    assert as_council.get("/admin/files/proposal").status_code == 200
    response = post(as_council, "/admin/files/proposal",
                    {"images_allowed": "y", "max_files": "2", "max_mb": "3"},
                    token_from="/admin/files/proposal")
    assert response.status_code == 302
    rules = queries.rules_for("proposal")
    assert (rules.images_allowed, rules.documents_allowed, rules.max_files, rules.max_mb) == (
        True, False, 2, 3)
    bad = post(as_council, "/admin/files/proposal", {"max_files": "-1", "max_mb": "99"},
               token_from="/admin/files/proposal")
    assert bad.status_code == 400
    assert as_council.get("/admin/files/nothing").status_code == 404


def test_only_the_council_sees_the_rules(client, commit):
    assert client.get("/admin/files/").status_code == 302
    person = factories.person()
    commit()
    login(client, person)
    assert client.get("/admin/files/").status_code == 403
    assert post(client, "/admin/files/proposal", {"max_files": "9", "max_mb": "9"}
                ).status_code == 403

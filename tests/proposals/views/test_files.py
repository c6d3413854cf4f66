"""A proposal's images and documents through the test client: publishing with a photo and a
PDF, refusals that keep the form and save nothing, editing, removing, the card's thumbnail
and the page's gallery."""

import io

import pytest
import sqlalchemy as sa

from participa.extensions import db
from participa.files import operations as file_operations
from participa.files.models import Attachment
from participa.files.queries import files_of
from tests.files.builders import HTML_AS_PDF, SVG_WITH_SCRIPT, bomb_png, image_bytes, pdf_bytes
from tests.files.builders import upload as make_upload
from tests.support.proposals import count_proposals, make_supporters, url
from tests.support.web import login, post, sync, text


def files(**named):
    """Form values for files: name -> (bytes, file name)."""
    return {field: (io.BytesIO(data), name) for field, (data, name) in named.items()}


def attachments() -> list[Attachment]:
    sync()
    return list(db.session.scalars(sa.select(Attachment).order_by(Attachment.id)))


def publish(client, process, **values):
    data = {"title": "Bancs a l'ombra", "body": "Posem bancs sota els plàtans.",
            "action": "publish", **values}
    return post(client, url(process, action="new"), data, content_type="multipart/form-data")


def test_the_form_offers_the_upload_fields(client, process, author, commit):
    commit()
    login(client, author)
    html = text(client.get(url(process, action="new")))
    assert 'enctype="multipart/form-data"' in html
    assert 'name="image"' in html and 'accept="image/jpeg,image/png,image/webp' in html
    assert 'name="alt_text"' in html and 'name="document_title"' in html
    assert 'accept="application/pdf,.pdf"' in html


def test_a_resident_publishes_with_a_photo_and_a_pdf(client, process, author, commit):
    commit()
    login(client, author)
    response = publish(client, process, alt_text="Bancs de fusta sota els arbres",
                       document_title="Pressupost", **files(
                           image=(image_bytes(size=(1200, 900)), "IMG_20260101_casa.jpg"),
                           document=(pdf_bytes(), "pressupost-aina.pdf")))
    assert response.status_code == 302, text(response)[:2000]
    stored = attachments()
    assert [a.kind for a in stored] == ["image", "document"]
    assert stored[0].alt_text == "Bancs de fusta sota els arbres"
    assert stored[0].language == "en"  # the author's language
    assert stored[1].title == "Pressupost"
    page = text(client.get(response.headers["Location"]))
    assert 'alt="Bancs de fusta sota els arbres"' in page
    assert f"/files/{stored[0].id}/page" in page and 'loading="lazy"' in page
    assert f"/files/{stored[1].id}/full" in page and "Pressupost" in page
    assert "IMG_20260101" not in page and "pressupost-aina" not in page
    index = text(client.get(url(process)))
    assert f'src="/files/{stored[0].id}/card"' in index
    assert 'width="480" height="360"' in index


@pytest.mark.parametrize("values, field, words", [
    ({"image": (image_bytes(), "photo.jpg")}, "alt_text", "alternative text"),
    ({"document": (pdf_bytes(), "doc.pdf")}, "document_title", "title"),
    ({"image": (SVG_WITH_SCRIPT, "logo.svg"), "alt_text": "Logo"}, "image", "SVG"),
    ({"image": (bomb_png(), "bomb.png"), "alt_text": "Bomba"}, "image", "too many pixels"),
    ({"image": (HTML_AS_PDF, "photo.jpg"), "alt_text": "Foto"}, "image", "not a JPEG"),
    ({"document": (HTML_AS_PDF, "informe.pdf"), "document_title": "Informe"}, "document",
     "not a PDF"),
    ({"image": (image_bytes(), "../../../etc/photo.jpg"), "alt_text": "Foto"}, "image",
     "folder path"),
])
def test_a_refused_file_keeps_the_form_and_saves_nothing(client, process, author, commit,
                                                          values, field, words):
    commit()
    login(client, author)
    named = {k: v for k, v in values.items() if isinstance(v, tuple)}
    plain = {k: v for k, v in values.items() if not isinstance(v, tuple)}
    response = publish(client, process, **plain, **files(**named))
    assert response.status_code == 400
    html = text(response)
    assert words in html
    assert f'id="{field}-error"' in html
    assert "Bancs a l&#39;ombra" in html  # the rest of the form is kept
    sync()
    assert count_proposals() == 0
    assert attachments() == []


def test_the_author_adds_and_removes_files_when_editing(client, process, proposal, author,
                                                        commit):
    commit()
    login(client, author)
    response = post(client, url(process, proposal, "edit"), {
        "title": proposal.title, "body": proposal.body, "alt_text": "La plaça avui",
        **files(image=(image_bytes("PNG"), "placa.png"))}, content_type="multipart/form-data")
    assert response.status_code == 302
    [image] = attachments()
    edit = text(client.get(url(process, proposal, "edit")))
    assert f"/files/{image.id}/page" in edit
    remove = f"{url(process, proposal)}/files/{image.id}/remove"
    assert remove in edit
    assert post(client, remove, {}).status_code == 302
    assert attachments() == []


def test_others_may_not_remove_a_proposals_files(client, process, proposal, author, other,
                                                 commit):
    image = file_operations.attach_file("proposal", proposal.id, make_upload(image_bytes()),
                                        alt_text="Foto", language="ca", actor=author)
    commit()
    login(client, other)
    remove = f"{url(process, proposal)}/files/{image.id}/remove"
    assert post(client, remove, {}).status_code == 403
    assert post(client, f"{url(process, proposal)}/files/999999/remove", {}).status_code == 404
    assert len(files_of("proposal", proposal.id)) == 1


def test_the_card_changes_when_its_image_changes(client, process, proposal, author, commit):
    first = file_operations.attach_file("proposal", proposal.id, make_upload(image_bytes()),
                                        alt_text="Primera foto", language="ca", actor=author)
    commit()
    assert 'alt="Primera foto"' in text(client.get(url(process)))
    file_operations.remove_file(first, actor=author)
    file_operations.attach_file("proposal", proposal.id, make_upload(image_bytes()),
                                alt_text="Segona foto", language="ca", actor=author)
    commit()
    html = text(client.get(url(process)))
    assert 'alt="Segona foto"' in html and "Primera foto" not in html


def test_no_files_once_supported(client, process, proposal, author, commit):
    make_supporters(proposal, 1)
    commit()
    login(client, author)
    response = post(client, url(process, proposal, "edit"), {
        "title": "T", "body": "B", "alt_text": "Foto",
        **files(image=(image_bytes(), "a.jpg"))}, content_type="multipart/form-data")
    assert response.status_code == 403
    assert attachments() == []


def test_a_file_above_the_request_limit_is_refused(app, client, process, author, commit,
                                                   monkeypatch):
    monkeypatch.setitem(app.config, "FILE_MAX_REQUEST_MB", 0.2)  # (the body stays in memory)
    commit()
    login(client, author)
    response = publish(client, process, alt_text="Gran", **files(
        image=(b"\xff\xd8" + b"0" * (300 * 1024), "big.jpg")))
    assert response.status_code == 413
    assert "The files are too big" in text(response)
    assert count_proposals() == 0

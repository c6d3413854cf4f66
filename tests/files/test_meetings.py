"""A meeting's images and documents: its managers add them from the meeting's form; a draft's
files are read only by those who manage it (404 for everyone else); the page shows them."""

import io

import sqlalchemy as sa

from participa.extensions import db
from participa.files import operations
from participa.files.models import Attachment
from tests.files.builders import image_bytes, pdf_bytes, upload
from tests.support import factories
from tests.support.meetings import form_values, make_meeting
from tests.support.web import login, post, sync, text


def test_a_facilitator_adds_a_poster_and_the_agenda(client, process, facilitator, commit):
    commit()
    login(client, facilitator)
    response = post(client, f"/processes/{process.slug}/meetings/new", {
        **form_values(), "alt_text": "Cartell de l'assemblea amb la plaça",
        "document_title": "Ordre del dia",
        "image": (io.BytesIO(image_bytes()), "cartell.jpg"),
        "document": (io.BytesIO(pdf_bytes()), "ordre.pdf")}, content_type="multipart/form-data")
    assert response.status_code == 302, text(response)[:3000]
    sync()
    stored = list(db.session.scalars(sa.select(Attachment).order_by(Attachment.id)))
    assert [(a.owner_kind, a.kind) for a in stored] == [("meeting", "image"),
                                                         ("meeting", "document")]
    page = text(client.get(response.headers["Location"]))
    assert 'alt="Cartell de l&#39;assemblea amb la plaça"' in page
    assert "Ordre del dia" in page


def test_a_drafts_files_are_404_for_all_but_its_managers(client, process, facilitator, commit):
    draft = make_meeting(process, facilitator, publish=False)
    image = operations.attach_file("meeting", draft.id, upload(image_bytes()),
                                   alt_text="Cartell", language="ca", actor=facilitator)
    resident = factories.person()
    commit()
    assert client.get(f"/files/{image.id}/card").status_code == 404
    login(client, resident)
    assert client.get(f"/files/{image.id}/card").status_code == 404
    manager = client.another()
    login(manager, facilitator)
    response = manager.get(f"/files/{image.id}/card")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-store"


def test_a_published_meetings_files_are_public(client, process, facilitator, commit):
    meeting = make_meeting(process, facilitator)
    image = operations.attach_file("meeting", meeting.id, upload(image_bytes()),
                                   alt_text="Cartell", language="ca", actor=facilitator)
    commit()
    response = client.get(f"/files/{image.id}/page")
    assert response.status_code == 200
    assert response.headers["Cache-Control"].startswith("public")
    assert 'alt="Cartell"' in text(client.get(f"/processes/{process.slug}/meetings/{meeting.id}"))

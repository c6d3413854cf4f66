"""A debate's images and documents: whoever may edit it adds them from its form (a refused file
saves nothing), its page shows them, and a hidden or deleted debate's files are 404."""

import io

import sqlalchemy as sa

from participa.debates.models import Debate
from participa.extensions import db
from participa.files import operations
from participa.files.models import Attachment
from participa.files.registry import kind_of
from tests.files.builders import image_bytes, pdf_bytes, upload
from tests.support import factories
from tests.support.debates import make_debate
from tests.support.web import login, post, sync, text


def _count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def test_a_facilitator_opens_a_debate_with_a_photo_and_a_report(client, process, facilitator,
                                                                commit):
    commit()
    login(client, facilitator)
    response = post(client, f"/processes/{process.slug}/debates/new", {
        "title": "Què fem amb el solar del carrer Major?", "body": "Parlem-ne.",
        "alt_text": "El solar buit, amb herbes i una tanca", "document_title": "Estudi previ",
        "image": (io.BytesIO(image_bytes()), "solar.jpg"),
        "document": (io.BytesIO(pdf_bytes()), "estudi.pdf")}, content_type="multipart/form-data")
    assert response.status_code == 302, text(response)[:3000]
    sync()
    stored = list(db.session.scalars(sa.select(Attachment).order_by(Attachment.id)))
    assert [(a.owner_kind, a.kind) for a in stored] == [("debate", "image"),
                                                         ("debate", "document")]
    page = text(client.get(response.headers["Location"]))
    assert 'alt="El solar buit, amb herbes i una tanca"' in page
    assert "Estudi previ" in page


def test_a_refused_file_opens_nothing(client, process, facilitator, commit):
    commit()
    login(client, facilitator)
    response = post(client, f"/processes/{process.slug}/debates/new", {
        "title": "Un debat amb un fitxer dolent", "body": "Parlem-ne.",
        "alt_text": "Un dibuix", "image": (io.BytesIO(b"<svg onload=alert(1)></svg>"),
                                           "dibuix.svg")}, content_type="multipart/form-data")
    assert response.status_code == 400
    assert "Un debat amb un fitxer dolent" in text(response)  # the form keeps what was typed
    sync()
    assert _count(Debate) == 0 and _count(Attachment) == 0


def test_a_hidden_debates_files_are_404(client, process, facilitator, commit):
    debate = make_debate(process, facilitator)
    image = operations.attach_file("debate", debate.id, upload(image_bytes()),
                                   alt_text="La plaça", language="ca", actor=facilitator)
    commit()
    assert client.get(f"/files/{image.id}/card").status_code == 200
    debate.hidden_at = debate.created_at
    resident = factories.person()
    commit()
    assert client.get(f"/files/{image.id}/card").status_code == 404
    login(client, resident)
    assert client.get(f"/files/{image.id}/page").status_code == 404


def test_only_who_may_edit_the_debate_attaches(process, facilitator, commit):
    debate = make_debate(process, facilitator)
    commit()
    kind = kind_of("debate")
    assert kind.can_attach(facilitator, debate.id)
    assert not kind.can_attach(factories.person(), debate.id)
    assert kind.can_read(factories.person(), debate.id)

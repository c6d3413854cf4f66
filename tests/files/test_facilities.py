"""A facility's photos and documents: the council adds them from the facility's form (a refused
file saves nothing), the facility's public page shows them to everyone, and only the council
attaches."""

import io

import sqlalchemy as sa

from participa.extensions import db
from participa.facilities.models import Facility
from participa.files.models import Attachment
from participa.files.registry import kind_of
from tests.facilities.builders import make_facility
from tests.files.builders import image_bytes, pdf_bytes
from tests.support import factories
from tests.support.web import login, post, sync, text

FIELDS = {"name": "Biblioteca de Les Basses", "kind": "library",
          "address": "Avinguda del Riu, 45"}


def _count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def test_the_council_adds_a_photo_and_the_rules_of_use(client, commit):
    council = factories.person("council")
    commit()
    login(client, council)
    assert 'enctype="multipart/form-data"' in text(client.get("/admin/facilities/new"))
    response = post(client, "/admin/facilities/new", {
        **FIELDS, "alt_text": "La sala de lectura, amb taules llargues i llum natural",
        "document_title": "Normes d'ús de les sales",
        "image": (io.BytesIO(image_bytes()), "sala.jpg"),
        "document": (io.BytesIO(pdf_bytes()), "normes.pdf")}, content_type="multipart/form-data")
    assert response.status_code == 302, text(response)[:3000]
    sync()
    facility = db.session.scalar(sa.select(Facility))
    assert [(a.owner_kind, a.kind) for a in db.session.scalars(
        sa.select(Attachment).order_by(Attachment.id))] == [("facility", "image"),
                                                           ("facility", "document")]
    visitor = client.another()
    page = text(visitor.get(f"/facilities/{facility.slug}"))
    assert 'alt="La sala de lectura, amb taules llargues i llum natural"' in page
    assert "Normes d&#39;ús de les sales" in page


def test_a_refused_file_creates_nothing(client, commit):
    council = factories.person("council")
    commit()
    login(client, council)
    response = post(client, "/admin/facilities/new", {
        **FIELDS, "document_title": "Normes",
        "document": (io.BytesIO(b"<html><script>alert(1)</script></html>"), "normes.pdf")},
        content_type="multipart/form-data")
    assert response.status_code == 400
    sync()
    assert _count(Facility) == 0 and _count(Attachment) == 0


def test_only_the_council_attaches(commit):
    facility = make_facility()
    council, resident = factories.person("council"), factories.person()
    commit()
    kind = kind_of("facility")
    assert kind.can_attach(council, facility.id) and not kind.can_attach(resident, facility.id)
    assert kind.can_read(None, facility.id) and not kind.can_read(council, 999_999)

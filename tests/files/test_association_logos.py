"""An association's logo: whoever may edit the association sets or replaces it from its form
(one image, its alternative text the association's name; a refused file saves nothing), the
register's cards and the association's page show it (the cards in one query), and a refused
association's logo is 404 for the public."""

import io

import sqlalchemy as sa

from participa.associations.models import Association
from participa.extensions import db
from participa.files import operations
from participa.files.models import Attachment
from participa.files.registry import kind_of
from tests.associations.conftest import make_association
from tests.files.builders import image_bytes, upload
from tests.support import factories
from tests.support.queries import counting
from tests.support.web import login, post, sync, text


def _logos() -> list:
    return list(db.session.scalars(sa.select(Attachment).where(
        Attachment.owner_kind == "association").order_by(Attachment.id)))


def test_an_administrator_sets_and_replaces_the_logo(client, commit):
    admin = factories.person()
    association = make_association("verified", admin=admin, name="Casal del Barri Vell")
    commit()
    login(client, admin)
    url = f"/associations/{association.slug}/edit"
    form = text(client.get(url))
    assert 'enctype="multipart/form-data"' in form and 'name="logo"' in form
    fields = {"name": "Casal del Barri Vell", "legal_form": "association",
              "tax_id": association.tax_id, "description": "Ball cada diumenge."}
    response = post(client, url, {**fields, "logo": (io.BytesIO(image_bytes()), "logo.png")},
                    content_type="multipart/form-data")
    assert response.status_code == 302, text(response)[:2000]
    sync()
    [first] = _logos()
    first_key = first.storage_key
    assert first.alt_text == "Casal del Barri Vell"
    page = text(client.get(f"/associations/{association.slug}"))
    assert f'/files/{first.id}/card' in page and 'alt="Casal del Barri Vell"' in page
    # a new one replaces it; an SVG is refused and keeps the one there
    post(client, url, {**fields, "logo": (io.BytesIO(image_bytes(color=(200, 30, 30))),
                                          "nou.jpg")}, content_type="multipart/form-data")
    sync()
    [second] = _logos()
    assert second.storage_key != first_key
    refused = post(client, url, {**fields, "logo": (io.BytesIO(b"<svg/>"), "logo.svg")},
                   content_type="multipart/form-data")
    assert refused.status_code == 400
    sync()
    assert [a.storage_key for a in _logos()] == [second.storage_key]


def test_the_register_shows_logos_in_one_query(app, client, commit):
    def grow(n):
        for _ in range(n):
            association = make_association("verified")
            operations.attach_file("association", association.id, upload(image_bytes()),
                                   alt_text=association.name, language="ca",
                                   actor=factories.person("council"))
        commit()

    def queries():
        client.get("/associations/")
        with counting(app) as statements:
            page = text(client.get("/associations/"))
        return len(statements), page.count('class="assoc-logo"')

    grow(2)
    few, shown = queries()
    assert shown == 2
    grow(5)
    many, shown = queries()
    assert shown == 7 and many == few


def test_who_reads_and_who_sets_a_logo(client, commit):
    admin, stranger, council = factories.person(), factories.person(), factories.person("council")
    refused = make_association("refused", admin=admin, council=council)
    logo = operations.attach_file("association", refused.id, upload(image_bytes()),
                                  alt_text=refused.name, language="ca", actor=council)
    verified = make_association("verified")
    commit()
    kind = kind_of("association")
    assert kind.accepts == ("image",)
    assert kind.can_attach(council, verified.id) and not kind.can_attach(stranger, verified.id)
    assert not kind.can_attach(admin, refused.id)  # a refused one is not edited
    assert client.get(f"/files/{logo.id}/card").status_code == 404
    login(client, admin)
    assert client.get(f"/files/{logo.id}/card").status_code == 200
    assert db.session.get(Association, refused.id) is not None

"""The town's logo: a file of the files core (owner kind "town"), uploaded by the council on
/admin/town/, shown in the header with the town's name as its alternative text and its size."""

import io
import re

import pytest
from PIL import Image

from participa.core.errors import DomainError
from participa.files.queries import images_of
from participa.seed.branding import LOGO
from participa.town.look import town_look
from participa.town.operations import remove_town_logo, set_town_logo, update_town_settings
from participa.town.queries import get_town_settings
from tests.support import factories
from tests.support.records import log_entries
from tests.support.web import login, post, sync, text
from tests.town.conftest import RIUCLAR

ADMIN = "/admin/town/"


def png(width=300, height=120, colour=(29, 79, 122)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "PNG")
    return out.getvalue()


def test_the_logo_is_shown_in_the_header_with_the_towns_name(client, council, commit):
    settings = update_town_settings(RIUCLAR, actor=council)
    logo = set_town_logo(settings, LOGO.read_bytes(), actor=council)
    commit()
    assert logo.alt_text == "Riuclar" and logo.owner_kind == "town"
    assert log_entries("set_town_logo", settings)[-1].data["attachment_id"] == logo.id
    page = text(client.get("/"))
    img = re.search(r'<img class="brand-logo" [^>]+>', page).group(0)
    assert f'src="/files/{logo.id}/card"' in img
    assert 'alt="Riuclar"' in img
    assert f'width="{logo.card_width}" height="{logo.card_height}"' in img
    served = client.get(f"/files/{logo.id}/card")
    assert served.status_code == 200 and served.mimetype.startswith("image/")
    assert served.headers["Cache-Control"].startswith("public")


def test_a_new_logo_replaces_the_old(council, commit):
    settings = update_town_settings(RIUCLAR, actor=council)
    first = set_town_logo(settings, png(), actor=council)
    commit()
    assert town_look().logo.attachment_id == first.id
    second = set_town_logo(settings, png(colour=(179, 65, 42)), actor=council)
    commit()
    assert [image.id for image in images_of("town", settings.id)] == [second.id]
    assert town_look().logo.attachment_id == second.id  # this worker forgot the old one


@pytest.mark.parametrize("upload", [
    b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    b"%PDF-1.4 not a picture",
    b"not an image at all",
])
def test_a_refused_file_keeps_the_old_logo(council, commit, upload):
    settings = update_town_settings(RIUCLAR, actor=council)
    first = set_town_logo(settings, png(), actor=council)
    commit()
    with pytest.raises(DomainError) as refused:
        set_town_logo(settings, upload, actor=council)
    assert refused.value.field == "logo"
    from participa.extensions import db
    db.session.rollback()
    assert [image.id for image in images_of("town", settings.id)] == [first.id]


def test_the_logo_can_be_taken_away(client, council, commit):
    settings = update_town_settings(RIUCLAR, actor=council)
    set_town_logo(settings, png(), actor=council)
    commit()
    assert remove_town_logo(settings, actor=council)
    commit()
    assert town_look().logo is None
    assert "brand-logo" not in text(client.get("/"))
    assert not remove_town_logo(settings, actor=council)


def test_the_council_uploads_the_logo_on_its_page(as_council):
    response = post(as_council, ADMIN, dict(RIUCLAR, logo=(io.BytesIO(png()), "logo.png")),
                    token_from=ADMIN, content_type="multipart/form-data")
    assert response.status_code == 302
    sync()
    [logo] = images_of("town", get_town_settings().id)
    assert (logo.width, logo.height, logo.alt_text) == (300, 120, "Riuclar")
    page = text(as_council.get(ADMIN))
    assert f'src="/files/{logo.id}/card"' in page
    # and takes it away
    response = post(as_council, ADMIN, dict(RIUCLAR, remove_logo="y"), token_from=ADMIN)
    assert response.status_code == 302
    sync()
    assert images_of("town", get_town_settings().id) == []


@pytest.mark.parametrize("name, content", [
    ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ("logo.png", b"<html><body>not a png</body></html>"),
    ("../../etc/logo.png", None),
])
def test_a_bad_logo_upload_is_a_400_beside_the_field(as_council, name, content):
    response = post(as_council, ADMIN,
                    dict(RIUCLAR, logo=(io.BytesIO(content or png()), name)),
                    token_from=ADMIN, content_type="multipart/form-data")
    assert response.status_code == 400
    page = text(response)
    assert re.search(r'id="logo-error"', page)
    sync()
    assert get_town_settings() is None  # nothing saved: not the name, not the colours


def test_only_the_council_may_attach_a_logo(make_user, process):
    from participa.files.permissions import can_attach_to
    resident = make_user()
    facilitator = factories.make_user("facilitator", process=process)
    council = make_user("council")
    assert not can_attach_to(resident, "town", 1)
    assert not can_attach_to(facilitator, "town", 1)
    assert not can_attach_to(None, "town", 1)
    assert can_attach_to(council, "town", 1)


def test_anyone_sees_the_logo(client, council, commit):
    settings = update_town_settings(RIUCLAR, actor=council)
    logo = set_town_logo(settings, png(), actor=council)
    commit()
    visitor = client.another()
    resident = factories.make_user(locale="en")
    commit()
    login(client, resident)
    for reader in (visitor, client):
        assert reader.get(f"/files/{logo.id}/card").status_code == 200

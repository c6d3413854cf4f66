"""The demo town's face: Riuclar's name, colours that pass the contrast check, and its logo
(a small PNG kept in the repository); seeding twice adds nothing."""

from flask_babel import force_locale

from participa.core.activity import describe_targets
from participa.files.queries import images_of
from participa.seed.branding import ACCENT, LOGO, PRIMARY, seed_branding
from participa.town.colours import shortfall
from participa.town.look import town_look
from tests.support.records import log_entries


def test_the_demo_logo_is_small_and_its_colours_readable():
    assert LOGO.stat().st_size < 30_000
    assert LOGO.read_bytes().startswith(b"\x89PNG")
    assert shortfall("primary", PRIMARY) is None and shortfall("accent", ACCENT) is None


def test_seeding_gives_riuclar_its_face_once(council, commit):
    assert seed_branding(council) == 2
    commit()
    look = town_look()
    assert (look.name, look.primary, look.accent) == ("Riuclar", PRIMARY, ACCENT)
    assert look.logo is not None and look.logo.width == look.logo.height == 200
    [logo] = images_of("town", 1)
    assert logo.alt_text == "Riuclar"
    assert seed_branding(council) == 0
    entries = log_entries("update_town_settings") + log_entries("set_town_logo")
    with force_locale("en"):
        described = describe_targets(entries)
    assert {described[e.id].text for e in entries} == {"The town: Riuclar"}
    assert all(described[e.id].url.endswith("/admin/town/") for e in entries)

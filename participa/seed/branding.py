"""The demo town's face: Riuclar's name, its colours (a river blue and a terracotta, both
4.5:1 or more with white and the panels' grey) and its logo (``images/town-logo.png``: a white
R over two waves and a sun, drawn once with Pillow and kept in the repository)."""

from pathlib import Path

from participa.files.queries import images_of
from participa.town.look import OWNER_KIND
from participa.town.operations import set_town_logo, update_town_settings
from participa.town.queries import get_town_settings

TOWN_NAME = "Riuclar"
PRIMARY = "#1d4f7a"
ACCENT = "#b3412a"
LOGO = Path(__file__).resolve().parent / "images" / "town-logo.png"


def seed_branding(council) -> int:
    """Riuclar's name, colours and logo, unless the council already set them."""
    created = 0
    settings = get_town_settings()
    if settings is None:
        settings = update_town_settings({"name": TOWN_NAME, "primary_colour": PRIMARY,
                                         "accent_colour": ACCENT}, actor=council)
        created += 1
    if not images_of(OWNER_KIND, settings.id):
        set_town_logo(settings, LOGO.read_bytes(), actor=council)
        created += 1
    return created

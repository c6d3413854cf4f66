"""Reading the town's settings row (pages read ``look.town_look()``, kept in memory)."""

from participa.extensions import db
from participa.town.models import SETTINGS_ID, TownSettings


def get_town_settings() -> TownSettings | None:
    """The council's row, or None while nothing was saved (the defaults apply)."""
    return db.session.get(TownSettings, SETTINGS_ID)

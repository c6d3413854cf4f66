"""What a facility's page asks other features for (they connect at start-up)."""

from participa.core.signals import pages

# sent with ``facility=``; receivers return a dict for the page's template (what happens there)
facility_page = pages.signal("facilities.facility-page")

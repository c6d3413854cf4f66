"""What a person's public profile asks other features for (they connect at start-up)."""

from participa.core.signals import pages

# sent with ``person=``; receivers return a dict for the profile's template
profile_page = pages.signal("accounts.profile-page")

# sent with ``person=`` and ``listing=`` (``participation.Listing``); receivers return
# ``participation.section(...)``: their part of the person's "My participation" page
participation_page = pages.signal("accounts.participation-page")

"""What a neighbourhood's page asks other features for (they connect at start-up)."""

from participa.core.signals import pages

# sent with ``neighbourhood=``; receivers return a dict for the page's template
neighbourhood_page = pages.signal("neighbourhoods.neighbourhood-page")

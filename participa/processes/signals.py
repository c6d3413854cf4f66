"""What a process's page asks other features for (they connect at start-up)."""

from participa.core.signals import pages

# sent with ``process=``; receivers return a dict for the page's template (open debates,
# moderation figures, ...)
process_page = pages.signal("processes.process-page")

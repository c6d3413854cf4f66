"""What a process's page asks other features for (they connect at start-up)."""

from participa.core.signals import pages

# sent with ``process=``; receivers return a dict for the page's template (open debates,
# moderation figures, ...)
process_page = pages.signal("processes.process-page")

# sent with ``process=``; each feature's receiver returns a list of ``actions.ProcessAction``:
# its links for the page's action bar, with their figures, what they let people do in the
# active phase, and what came of a finished process
process_actions = pages.signal("processes.process-actions")

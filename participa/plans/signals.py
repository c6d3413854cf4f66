"""What a plan's page asks other features for (they connect at start-up)."""

from participa.core.signals import pages

# sent with ``plan=``; receivers return a dict for the page's template (its evaluations, ...)
plan_page = pages.signal("plans.plan-page")

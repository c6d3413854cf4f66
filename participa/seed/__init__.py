"""The demo town: Riuclar, a mid-sized Catalan town with its community plans.

``seed_demo()`` is idempotent: every record is looked up by its slug or e-mail first. Dates are
relative to today, so the processes are always in the phases described."""

from participa.seed.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD, NEIGHBOURS
from participa.seed.town import seed_demo

__all__ = ["DEMO_ACCOUNTS", "DEMO_PASSWORD", "NEIGHBOURS", "seed_demo"]

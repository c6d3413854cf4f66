"""Pages that show other features' figures ask for them through a signal (blinker, as Flask's
own signals): the page's package defines the signal, each feature that has something to add
connects a receiver at start-up returning a dict for the template. The page's package imports
none of them."""

from flask import current_app
from flask.signals import Namespace

pages = Namespace()


def page_context(signal, **kwargs) -> dict:
    """What every receiver of ``signal`` adds to a page's template context."""
    context = {}
    for _receiver, extra in signal.send(current_app._get_current_object(), **kwargs):
        if extra:
            context.update(extra)
    return context

"""What a process page's action bar shows of results (a ``process_actions`` receiver)."""

from flask import url_for
from flask_babel import gettext as _

from participa.processes.actions import ProcessAction
from participa.results import queries


def result_actions(sender, process, **kwargs) -> list[ProcessAction]:
    """The published results of the process: what is being done with what it decided."""
    count = queries.count_results(process)
    if not count:
        return []
    return [ProcessAction(
        "results", _("Results: what is being done"),
        url_for("results.process_index", slug=process.slug), order=60, count=count,
        outcome=True)]

"""The write flow every view uses: validate → one operation → commit once → flash → respond.

A view hands the flow one operation (a callable running one ``operations`` function); the flow
commits once when it succeeds and rolls everything back when the domain refuses (a
``DomainError``), so a refused request changes nothing and mails nothing (queued mail goes with
the rollback). The operation's whole result comes back to the view. A ``TooMany`` is left to
the error pages (429), as is a ``DomainError`` raised outside the flow (409)."""

from flask import flash, redirect, render_template, request

from participa.core.errors import DomainError, TooMany
from participa.extensions import db


class Refused:
    """What the flow returns when the input or the domain said no: the domain's error (None
    when the form itself was invalid), already rolled back."""

    def __init__(self, error: DomainError | None = None):
        self.error = error

    def __bool__(self):
        return False


def form_data(form, exclude=("csrf_token", "form_name", "submit")) -> dict:
    """A form's cleaned values as a plain dict for an operation."""
    return {name: field.data for name, field in form._fields.items() if name not in exclude}


def attach_error(form, error: DomainError) -> None:
    """Show a domain error beside its field, or at the top of the form."""
    field = getattr(form, error.field, None) if error.field else None
    if field is not None:
        field.errors = [*field.errors, error.message]
    else:
        form.form_errors.append(error.message)


def commit(operation, success=None):
    """Run ``operation()`` and commit, then flash ``success`` (a message, or a function of the
    result). Returns the result, or ``Refused`` after rolling back on a domain error."""
    try:
        result = operation()
    except TooMany:
        db.session.rollback()
        raise
    except DomainError as error:
        db.session.rollback()
        return Refused(error)
    message = success(result) if callable(success) else success  # worded before the commit:
    db.session.commit()  # nothing after it needs the database
    if message:
        flash(message, "success")
    return result


def submit(form, save, success=None):
    """Validate a posted form and run ``save(data)`` through ``commit``. Returns what ``save``
    returned, or ``Refused`` when the input or the domain said no (the errors are then on the
    form and nothing has changed)."""
    if not form.validate():
        return Refused()
    outcome = commit(lambda: save(form_data(form)), success)
    if isinstance(outcome, Refused):
        attach_error(form, outcome.error)
    return outcome


def save_form(form, save, *, template, success, next_url, **context):
    """A whole form page: GET renders it; POST validates, saves, commits, flashes and redirects
    to ``next_url(result)``. Invalid input re-renders the form with a 400 and changes nothing."""
    if request.method == "POST":
        saved = submit(form, save, success)
        if not isinstance(saved, Refused):
            return redirect(next_url(saved))
    return render_form(template, form, **context)


def render_form(template, form, **context):
    """A form's page: 400 when it carries errors, 200 otherwise."""
    status = 400 if (form.errors or form.form_errors) else 200
    return render_template(template, form=form, **context), status


def perform(action, success=None):
    """A POST-only action: ``commit`` it, and flash the domain's refusal as an error. Returns
    what the operation returned (``Refused`` when refused)."""
    outcome = commit(action, success)
    if isinstance(outcome, Refused):
        flash(outcome.error.message, "error")
    return outcome

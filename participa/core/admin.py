"""Helpers the council's and facilitators' management pages share."""

from flask import flash, redirect, render_template, request

from participa.core.errors import DomainError
from participa.extensions import db


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


REFUSED = object()


def submit(form, save, success):
    """Validate a posted form, run ``save(data)`` (one operation), commit and flash ``success``.
    Returns what ``save`` returned, or ``REFUSED`` when the input or the domain said no (the
    errors are then on the form and nothing has changed)."""
    if not form.validate():
        return REFUSED
    try:
        saved = save(form_data(form))
    except DomainError as error:
        db.session.rollback()
        attach_error(form, error)
        return REFUSED
    db.session.commit()
    flash(success, "success")
    return saved


def save_form(form, save, *, template, success, next_url, **context):
    """The management form flow: validate → operation → commit → flash → redirect.

    ``save(data)`` calls one operation and returns the saved object; ``next_url(obj)`` says where
    to go after. Invalid input re-renders the form with a 400 and changes nothing."""
    if request.method == "POST":
        saved = submit(form, save, success)
        if saved is not REFUSED:
            return redirect(next_url(saved))
    status = 400 if (form.errors or form.form_errors) else 200
    return render_template(template, form=form, **context), status


def perform(action, success):
    """A POST-only action: run one operation, then commit and flash ``success``, or roll back
    and flash the domain error. Returns what the operation returned (None when refused)."""
    try:
        result = action()
    except DomainError as error:
        db.session.rollback()
        flash(error.message, "error")
        return None
    db.session.commit()
    flash(success, "success")
    return result

"""The council's pages for processes, phases, categories and facilitators (/admin/processes/)."""

from flask import Blueprint, abort, redirect, render_template, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from participa.accounts.queries import get_user_by_email
from participa.core.auth import council_required
from participa.core.flow import Refused, perform, save_form, submit
from participa.core.translated import submitted_translations, translation_form_data
from participa.extensions import db
from participa.neighbourhoods.queries import neighbourhood_choices
from participa.plans.queries import plan_choices
from participa.processes import operations
from participa.processes.forms import CategoryForm, FacilitatorForm, PhaseForm, ProcessForm
from participa.processes.models import Category, Phase, Process, ProcessRole
from participa.processes.queries import list_all_processes

bp = Blueprint("processes_admin", __name__, url_prefix="/admin/processes")


def _process_or_404(id) -> Process:
    return db.session.get(Process, id) or abort(404)


def _child_or_404(model, child_id, process):
    child = db.session.get(model, child_id)
    if child is None or child.process_id != process.id:
        abort(404)
    return child


def _process_form(process=None):
    form = ProcessForm(obj=process, **translation_form_data(process, Process.TRANSLATED))
    form.plan_id.choices = plan_choices()
    form.neighbourhood_ids.choices = neighbourhood_choices(blank=False)
    if process is not None and not form.is_submitted():
        form.neighbourhood_ids.data = [n.id for n in process.neighbourhoods]
    return form


def _to_manage(obj):
    process_id = obj.id if isinstance(obj, Process) else obj.process_id
    return url_for(".manage", id=process_id)


@bp.get("/")
@council_required
def index():
    return render_template("processes/admin/index.html", processes=list_all_processes())


@bp.route("/new", methods=["GET", "POST"])
@council_required
def new():
    return save_form(
        _process_form(),
        lambda data: operations.create_process(
            data, actor=current_user,
            translations=submitted_translations(data, Process.TRANSLATED)),
        template="processes/admin/form.html",
        success=_l("The process has been created. Now add its phases."),
        next_url=_to_manage,
        process=None,
    )


@bp.route("/<int:id>/edit", methods=["GET", "POST"])
@council_required
def edit(id):
    process = _process_or_404(id)
    return save_form(
        _process_form(process),
        lambda data: operations.update_process(
            process, data, actor=current_user,
            translations=submitted_translations(data, Process.TRANSLATED)),
        template="processes/admin/form.html",
        success=_l("The process has been saved."),
        next_url=_to_manage,
        process=process,
    )


def _render_manage(process, category_form=None, facilitator_form=None, status=200):
    return (
        render_template(
            "processes/admin/manage.html",
            process=process,
            category_form=category_form or CategoryForm(formdata=None),
            facilitator_form=facilitator_form or FacilitatorForm(formdata=None),
        ),
        status,
    )


@bp.get("/<int:id>/")
@council_required
def manage(id):
    return _render_manage(_process_or_404(id))


@bp.route("/<int:id>/phases/new", methods=["GET", "POST"])
@council_required
def new_phase(id):
    process = _process_or_404(id)
    return save_form(
        PhaseForm(position=len(process.phases)),
        lambda data: operations.add_phase(
            process, data, actor=current_user,
            translations=submitted_translations(data, Phase.TRANSLATED)),
        template="processes/admin/phase_form.html",
        success=_l("The phase has been added."),
        next_url=_to_manage,
        process=process,
        phase=None,
    )


@bp.route("/<int:id>/phases/<int:phase_id>/edit", methods=["GET", "POST"])
@council_required
def edit_phase(id, phase_id):
    process = _process_or_404(id)
    phase = _child_or_404(Phase, phase_id, process)
    form = PhaseForm(obj=phase, **translation_form_data(phase, Phase.TRANSLATED))
    if not form.is_submitted():
        form.kind.data = phase.kind.value
    return save_form(
        form,
        lambda data: operations.update_phase(
            phase, data, actor=current_user,
            translations=submitted_translations(data, Phase.TRANSLATED)),
        template="processes/admin/phase_form.html",
        success=_l("The phase has been saved."),
        next_url=_to_manage,
        process=process,
        phase=phase,
    )


@bp.post("/<int:id>/phases/<int:phase_id>/delete")
@council_required
def delete_phase(id, phase_id):
    process = _process_or_404(id)
    phase = _child_or_404(Phase, phase_id, process)
    perform(lambda: operations.delete_phase(phase, actor=current_user),
            _l("The phase has been deleted."))
    return redirect(url_for(".manage", id=id))


@bp.post("/<int:id>/categories")
@council_required
def add_category(id):
    process = _process_or_404(id)
    form = CategoryForm()
    saved = submit(form, lambda data: operations.add_category(
        process, data["name"], actor=current_user,
        translations=submitted_translations(data, Category.TRANSLATED)),
                   _l("The category has been added."))
    if isinstance(saved, Refused):
        return _render_manage(process, category_form=form, status=400)
    return redirect(url_for(".manage", id=id))


@bp.post("/<int:id>/categories/<int:category_id>/delete")
@council_required
def remove_category(id, category_id):
    process = _process_or_404(id)
    category = _child_or_404(Category, category_id, process)
    perform(lambda: operations.remove_category(category, actor=current_user),
            _l("The category has been removed."))
    return redirect(url_for(".manage", id=id))


@bp.post("/<int:id>/facilitators")
@council_required
def add_facilitator(id):
    process = _process_or_404(id)
    form = FacilitatorForm()
    saved = submit(form, lambda data: operations.assign_facilitator(
        process, get_user_by_email(data["email"]), actor=current_user),
        _l("The person now facilitates this process."))
    if isinstance(saved, Refused):
        return _render_manage(process, facilitator_form=form, status=400)
    return redirect(url_for(".manage", id=id))


@bp.post("/<int:id>/facilitators/<int:role_id>/delete")
@council_required
def remove_facilitator(id, role_id):
    process = _process_or_404(id)
    role = _child_or_404(ProcessRole, role_id, process)
    perform(lambda: operations.remove_facilitator(role, actor=current_user),
            _l("The person no longer facilitates this process."))
    return redirect(url_for(".manage", id=id))



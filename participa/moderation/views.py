"""Reporting anything, the moderation queue at /moderation/, decisions, blocks and appeals.

Views stay thin: load (404), authorize (403), one operation, one commit, then the e-mails."""

from flask import (
    Blueprint,
    abort,
    current_app,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from participa.accounts.models import User
from participa.comments.models import TargetKind
from participa.comments.views import (
    target_url,
    visible_comment_or_404,
    visible_target_or_404,
)
from participa.core.admin import REFUSED, perform, submit
from participa.core.pagination import requested_page
from participa.core.security import post_limit
from participa.core.views import safe_next
from participa.extensions import db
from participa.moderation import notifications, operations, queries
from participa.moderation.forms import AppealForm, ReportForm
from participa.moderation.models import ReportableKind
from participa.moderation.permissions import (
    can_appeal,
    can_block_user,
    can_moderate,
    can_moderate_process,
    can_report,
    can_see_moderation_queue,
)
from participa.moderation.targets import author_id_of, title_of
from participa.processes.views import get_visible_process_or_404

bp = Blueprint("moderation", __name__)

_report_limit = post_limit("RATELIMIT_REPORT")


@bp.app_template_global()
def item_url(item, external=False) -> str:
    """Where a reportable item is read."""
    kind = ReportableKind.of(item)
    if kind is ReportableKind.USER:
        return url_for("accounts.profile", id=item.id, _external=external)
    if kind is ReportableKind.COMMENT:
        return url_for("comments.show", id=item.id, _external=external)
    return target_url(item, external=external)


@bp.app_template_global()
def moderation_title(item) -> str:
    return title_of(item) if item is not None else "—"


@bp.app_template_global()
def report_url(item) -> str:
    kind = ReportableKind.of(item)
    if kind is ReportableKind.USER:
        return url_for("moderation.report_profile", id=item.id)
    if kind is ReportableKind.COMMENT:
        return url_for("moderation.report_comment", id=item.id)
    return url_for("moderation.report", slug=item.process.slug, kind=kind.value, id=item.id)


@bp.app_template_global()
def can_report_item(user, item) -> bool:
    return can_report(user, item, author_id=author_id_of(item))


def moderation_context(item) -> dict:
    """What a content page needs about moderation: may the reader report it, and, when it is
    hidden, its moderation (so its author can appeal and moderators can act)."""
    moderation = queries.moderation_of(item) if item.hidden_at is not None else None
    return {
        "may_report": can_report_item(current_user, item),
        "hidden_moderation": moderation,
        "may_appeal": moderation is not None and can_appeal(current_user, moderation),
        "may_moderate_item": moderation is not None and can_moderate(current_user, moderation),
    }


# -- reporting ---------------------------------------------------------------------------------


def _report(item, back):
    """The report form (GET) and the report itself (POST), for any kind of item."""
    if not can_report_item(current_user, item):
        abort(403)
    g.private_page = True
    form = ReportForm()
    outcome = {}

    def save(data):
        moderation, first, hidden = operations.report_item(
            item, reason=data["reason"], details=data["details"], actor=current_user)
        outcome.update(moderation=moderation, first=first, hidden=hidden)
        return moderation

    if request.method == "POST":
        saved = submit(form, save, _("Thank you. The moderators will look at your report."))
        if saved is not REFUSED:
            moderation = outcome["moderation"]
            if outcome["first"]:
                notifications.send_first_report(moderation, item)
            if outcome["hidden"]:
                notifications.send_hidden(moderation, item, moderation.author)
            return redirect(back)
    status = 400 if (form.errors or form.form_errors) else 200
    return render_template("moderation/report.html", form=form, item=item,
                           kind=ReportableKind.of(item), title=title_of(item), back=back), status


@bp.route("/processes/<slug>/<any(proposals,debates,meetings):kind>/<int:id>/report",
          methods=["GET", "POST"])
@login_required
@_report_limit
def report(slug, kind, id):
    process = get_visible_process_or_404(slug)
    item = visible_target_or_404(TargetKind(kind), process, id)
    return _report(item, target_url(item))


@bp.route("/comments/<int:id>/report", methods=["GET", "POST"])
@login_required
@_report_limit
def report_comment(id):
    comment, target = visible_comment_or_404(id)
    if comment.deleted_at is not None:
        abort(404)
    return _report(comment, target_url(target, anchor=f"comment-{comment.id}"))


@bp.route("/accounts/people/<int:id>/report", methods=["GET", "POST"])
@login_required
@_report_limit
def report_profile(id):
    person = db.session.get(User, id) or abort(404)
    return _report(person, url_for("accounts.profile", id=person.id))


# -- the queue ---------------------------------------------------------------------------------


def _moderation_or_404(id):
    moderation = queries.get_moderation(id)
    if moderation is None:
        abort(404)
    if not can_moderate(current_user, moderation):
        abort(403)
    g.private_page = True
    return moderation


@bp.get("/moderation/")
@login_required
def queue():
    if not can_see_moderation_queue(current_user):
        abort(403)
    g.private_page = True
    show = request.args.get("show") if request.args.get("show") in queries.QUEUE_FILTERS \
        else "pending"
    items_page = queries.list_queue(current_user, show=show, page=requested_page(),
                                    per_page=current_app.config["PAGE_SIZE"])
    return render_template("moderation/queue.html", page=items_page, show=show,
                           items=queries.load_items(items_page.items),
                           filters=queries.QUEUE_FILTERS)


@bp.get("/moderation/<int:id>")
@login_required
def show(id):
    moderation = _moderation_or_404(id)
    item = operations.get_item(moderation)
    return render_template(
        "moderation/show.html", moderation=moderation, item=item,
        kind=moderation.target_kind, title=title_of(item) if item else "",
        reasons=queries.open_reasons(moderation),
        history=queries.history(moderation),
        may_block=moderation.author is not None and can_block_user(current_user,
                                                                   moderation.author),
    )


def _decide(id, action, success, *, tell_author=None):
    moderation = _moderation_or_404(id)
    item = operations.get_item(moderation)
    appealed = moderation.open_appeal
    done = perform(lambda: action(moderation), success)
    if done is not None and item is not None:
        if tell_author == "hidden":
            notifications.send_hidden(moderation, item, moderation.author)
        elif tell_author is not None and appealed:
            notifications.send_appeal_answer(moderation, item, moderation.author,
                                             restored=tell_author == "restored")
    return redirect(url_for(".show", id=id))


@bp.post("/moderation/<int:id>/hide")
@login_required
def hide(id):
    return _decide(id, lambda m: operations.hide_item(m, actor=current_user),
                   _("The content is hidden. Its author has been told why."),
                   tell_author="hidden")


@bp.post("/moderation/<int:id>/unhide")
@login_required
def unhide(id):
    return _decide(id, lambda m: operations.unhide_item(m, actor=current_user),
                   _("The content is visible again and its reports are dismissed."),
                   tell_author="restored")


@bp.post("/moderation/<int:id>/ignore")
@login_required
def ignore(id):
    return _decide(id, lambda m: operations.ignore_reports(m, actor=current_user),
                   _("The reports are dismissed; the content stays visible."))


@bp.post("/moderation/<int:id>/keep-hidden")
@login_required
def keep_hidden(id):
    return _decide(id, lambda m: operations.keep_hidden(m, actor=current_user),
                   _("The appeal is answered: the content stays hidden."),
                   tell_author="kept")


def _person_or_404(id):
    person = db.session.get(User, id) or abort(404)
    if not can_block_user(current_user, person):
        abort(403)
    return person


@bp.post("/moderation/people/<int:id>/block")
@login_required
def block(id):
    person = _person_or_404(id)
    perform(lambda: operations.block_user(person, actor=current_user),
            _("%(name)s is blocked: they cannot sign in and what they wrote is hidden.",
              name=person.name))
    return redirect(safe_next(request.form.get("next"), url_for("accounts.profile", id=id)))


@bp.post("/moderation/people/<int:id>/unblock")
@login_required
def unblock(id):
    person = _person_or_404(id)
    perform(lambda: operations.unblock_user(person, actor=current_user),
            _("%(name)s is unblocked.", name=person.name))
    return redirect(safe_next(request.form.get("next"), url_for("accounts.profile", id=id)))


# -- appeals -----------------------------------------------------------------------------------


@bp.route("/moderation/<int:id>/appeal", methods=["GET", "POST"])
@login_required
@_report_limit
def appeal(id):
    moderation = queries.get_moderation(id)
    if moderation is None or moderation.author_id != current_user.id:
        abort(404)
    g.private_page = True
    item = operations.get_item(moderation)
    may_appeal = can_appeal(current_user, moderation)
    form = AppealForm()
    if request.method == "POST":
        if not may_appeal:
            abort(403)
        saved = submit(form, lambda data: operations.appeal(moderation, data["appeal"],
                                                            actor=current_user),
                       _("Your appeal has been sent to the moderators."))
        if saved is not REFUSED:
            return redirect(url_for(".appeal", id=id))
    status = 400 if (form.errors or form.form_errors) else 200
    return render_template("moderation/appeal.html", moderation=moderation, item=item,
                           title=title_of(item) if item else "", form=form,
                           may_appeal=may_appeal, reasons=queries.open_reasons(moderation),
                           kind=moderation.target_kind), status


bp.add_app_template_global(can_see_moderation_queue)
bp.add_app_template_global(ReportableKind, "hidden_kinds")
bp.add_app_template_global(queries.open_reasons, "moderation_reasons")
bp.add_app_template_global(can_moderate_process)

"""Reporting anything, the moderation queue at /moderation/, decisions, blocks and appeals.

Views stay thin: load (404), authorize (403), one operation and its e-mails, one commit."""

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
from participa.core.content import content_kinds, kind_named
from participa.core.flow import Refused, perform, render_form, submit
from participa.core.pagination import requested_page
from participa.core.security import post_limit
from participa.core.urls import safe_next
from participa.extensions import db
from participa.moderation import notifications, operations, queries
from participa.moderation.context import target_title
from participa.moderation.forms import AppealForm, DecisionReasonForm, ReportForm
from participa.moderation.permissions import (
    can_appeal,
    can_block_user,
    can_moderate,
    can_report,
    can_see_moderation_queue,
)

bp = Blueprint("moderation", __name__)

_report_limit = post_limit("RATELIMIT_REPORT")


# -- reporting ---------------------------------------------------------------------------------


def _target_or_404(kind_value, id, slug):
    """The reported target, if this person may read it; ``slug``: the process it must be in."""
    kind = kind_named(kind_value)
    if kind is None or not kind.reportable:
        abort(404)
    target = kind.get(id)
    if target is None or not kind.can_view(current_user, target):
        abort(404)
    if getattr(target, "deleted_at", None) is not None:
        abort(404)
    if slug is not None and getattr(getattr(target, "process", None), "slug", None) != slug:
        abort(404)
    return kind, target


@login_required
@_report_limit
def report(kind, id, slug=None):
    """The report form (GET) and the report itself (POST), for any kind of content: its
    address is the target's own followed by /report (``add_report_rules``)."""
    kind, target = _target_or_404(kind, id, slug)
    if not can_report(current_user, target):
        abort(403)
    g.private_page = True
    form = ReportForm()

    def save(data):
        moderation, first, hidden = operations.report_target(
            target, reason=data["reason"], details=data["details"], actor=current_user,
            profile_threshold=current_app.config["MODERATION_HIDE_AFTER"])
        if first:
            notifications.send_first_report(moderation, target)
        if hidden:
            notifications.send_hidden(moderation, target)
        return moderation

    if request.method == "POST":
        saved = submit(form, save, _("Thank you. The moderators will look at your report."))
        if not isinstance(saved, Refused):
            return redirect(kind.url(target))
    return render_form("moderation/report.html", form, target=target, kind=kind,
                       title=kind.title(target), back=kind.url(target))


def add_report_rules(app) -> None:
    """One report address per reportable kind: the kind's own address rule + /report."""
    for kind in content_kinds():
        if kind.reportable and kind.address_rule:
            app.add_url_rule(kind.address_rule + "/report", "moderation.report", report,
                             methods=["GET", "POST"], defaults={"kind": kind.value})


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
                           targets=queries.load_targets(items_page.items),
                           filters=queries.QUEUE_FILTERS)


@bp.get("/moderation/<int:id>")
@login_required
def show(id):
    moderation = _moderation_or_404(id)
    target = queries.get_target(moderation)
    return render_template(
        "moderation/show.html", moderation=moderation, target=target,
        kind=moderation.kind, title=target_title(target) if target else "",
        reasons=queries.open_reasons(moderation),
        history=queries.history(moderation),
        may_block=moderation.author is not None and can_block_user(current_user,
                                                                   moderation.author),
    )


def _decide(id, action, success, *, tell_author=None, reason=""):
    """One moderator's decision; its author is told in the same transaction (hidden, or the
    answer to their appeal), with the moderator's ``reason`` when one was written."""
    moderation = _moderation_or_404(id)
    target = queries.get_target(moderation)
    appealed = moderation.open_appeal

    def decide():
        decided = action(moderation)
        if target is not None:
            if tell_author == "hidden":
                notifications.send_hidden(moderation, target, reason=reason)
            elif tell_author is not None and appealed:
                notifications.send_appeal_answer(moderation, target,
                                                 restored=tell_author == "restored",
                                                 reason=reason)
        return decided

    perform(decide, success)
    return redirect(url_for(".show", id=id))


def _confirm_decision(id, *, heading, explanation, confirm, form=None, status=200):
    """The confirmation page of a decision that needs a written reason (GET, or a POST whose
    reason was missing: then a 400 and nothing changed)."""
    moderation = _moderation_or_404(id)
    target = queries.get_target(moderation)
    return render_template(
        "confirm.html", heading=heading,
        subject=f"{moderation.kind.label}: {target_title(target)}" if target else None,
        explanation=explanation, action=request.path, confirm=confirm,
        back=url_for(".show", id=id), back_label=_("Go back without deciding"),
        form=form or DecisionReasonForm(formdata=None), next=None, confirm_class=None,
    ), status


def _decide_with_reason(id, action, success, *, tell_author, heading, explanation, confirm):
    """GET: the confirmation page; POST: the decision, once a reason is written."""
    if request.method == "GET":
        return _confirm_decision(id, heading=heading, explanation=explanation, confirm=confirm)
    _moderation_or_404(id)  # 404 / 403 before reading the form
    form = DecisionReasonForm()
    if not form.validate():
        return _confirm_decision(id, heading=heading, explanation=explanation,
                                 confirm=confirm, form=form, status=400)
    reason = form.reason.data
    return _decide(id, lambda m: action(m, reason), success, tell_author=tell_author,
                   reason=reason)


@bp.route("/moderation/<int:id>/hide", methods=["GET", "POST"])
@login_required
def hide(id):
    return _decide_with_reason(
        id, lambda m, reason: operations.hide_target(m, actor=current_user, reason=reason),
        _("The content is hidden. Its author has been told why."), tell_author="hidden",
        heading=_("Hide this content?"),
        explanation=[_("Nobody but the moderators will read it. Its author is e-mailed your "
                       "reason and may appeal once.")],
        confirm=_("Hide it"))


@bp.post("/moderation/<int:id>/unhide")
@login_required
def unhide(id):
    return _decide(id, lambda m: operations.unhide_target(m, actor=current_user),
                   _("The content is visible again and its reports are dismissed."),
                   tell_author="restored")


@bp.post("/moderation/<int:id>/ignore")
@login_required
def ignore(id):
    return _decide(id, lambda m: operations.ignore_reports(m, actor=current_user),
                   _("The reports are dismissed; the content stays visible."))


@bp.route("/moderation/<int:id>/keep-hidden", methods=["GET", "POST"])
@login_required
def keep_hidden(id):
    return _decide_with_reason(
        id, lambda m, reason: operations.keep_hidden(m, actor=current_user, reason=reason),
        _("The appeal is answered: the content stays hidden."), tell_author="kept",
        heading=_("Keep it hidden?"),
        explanation=[_("This answers the author's appeal, which cannot be made again. They "
                       "are e-mailed your reason.")],
        confirm=_("Keep it hidden"))


def _person_or_404(id):
    person = db.session.get(User, id) or abort(404)
    if not can_block_user(current_user, person):
        abort(403)
    return person


def _confirm_block(person, form, status=200):
    back = safe_next(request.values.get("next"), url_for("accounts.profile", id=person.id))
    return render_template(
        "confirm.html", heading=_("Block %(name)s?", name=person.name), subject=None,
        explanation=[_("They will be signed out and will not be able to sign in, and "
                       "everything they published will be hidden until the block is lifted."),
                     _("They are e-mailed your reason.")],
        action=url_for(".block", id=person.id), confirm=_("Block %(name)s", name=person.name),
        back=back, back_label=_("Go back without blocking"), form=form,
        next=back, confirm_class=None,
    ), status


@bp.route("/moderation/people/<int:id>/block", methods=["GET", "POST"])
@login_required
def block(id):
    person = _person_or_404(id)
    g.private_page = True
    if request.method == "GET":
        return _confirm_block(person, DecisionReasonForm(formdata=None))
    form = DecisionReasonForm()
    if not form.validate():
        return _confirm_block(person, form, status=400)
    reason = form.reason.data

    def block_and_tell():
        blocked = operations.block_user(person, actor=current_user, reason=reason)
        notifications.send_blocked(blocked, reason=reason)
        return blocked

    perform(block_and_tell,
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
    target = queries.get_target(moderation)
    may_appeal = can_appeal(current_user, moderation)
    form = AppealForm()
    if request.method == "POST":
        if not may_appeal:
            abort(403)
        saved = submit(form, lambda data: operations.appeal(moderation, data["appeal"],
                                                            actor=current_user),
                       _("Your appeal has been sent to the moderators."))
        if not isinstance(saved, Refused):
            return redirect(url_for(".appeal", id=id))
    return render_form("moderation/appeal.html", form, moderation=moderation, target=target,
                       title=target_title(target) if target else "", may_appeal=may_appeal,
                       reasons=queries.open_reasons(moderation), kind=moderation.kind)

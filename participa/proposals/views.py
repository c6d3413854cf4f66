"""Proposals of a process: index, new (with preview), page, edit, withdraw, support, answer,
and the open-data exports."""

import secrets

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required

from participa.associations.queries import get_association, verified_association_choices
from participa.comments.queries import thread_for
from participa.comments.rendering import publish_as_associations
from participa.core.exports import csv_response, json_response
from participa.core.flow import Refused, attach_error, commit, form_data, perform, save_form
from participa.core.models import written_in
from participa.core.pagination import requested_page
from participa.core.security import post_limit
from participa.core.urls import db_int, safe_next
from participa.extensions import limiter
from participa.files.errors import FileRefused
from participa.files.operations import remove_file, save_with_files
from participa.files.queries import files_of, first_images, get_attachment, rules_for
from participa.moderation.context import moderation_context
from participa.processes.loaders import get_visible_process_or_404
from participa.processes.permissions import can_manage_process, can_view_process
from participa.proposals import files, notifications, operations, queries
from participa.proposals.forms import (
    AnswerForm,
    InviteAssociationForm,
    InvitePersonForm,
    ProposalForm,
)
from participa.proposals.models import MAX_COAUTHORS, ProposalState
from participa.proposals.permissions import (
    ProposalRefusal,
    can_answer_invitation,
    can_answer_proposal,
    can_edit_proposal,
    can_leave_coauthorship,
    can_manage_coauthors,
    can_remove_coauthor,
    can_see_supports,
    can_unsupport,
    can_withdraw_proposal,
    why_not_propose,
    why_not_support,
)
from participa.proposals.rendering import render_cards

bp = Blueprint("proposals", __name__, url_prefix="/processes/<slug>")


# supporting and withdrawing a support draw on one allowance
_support_limit = limiter.shared_limit(
    lambda: current_app.config["RATELIMIT_SUPPORT"], scope="support", methods=["POST"]
)


def _proposal_or_404(process, id):
    return queries.get_proposal(process, id) or abort(404)


def _support_context(process, proposals, *, figures=None):
    """What the support buttons need for these proposals: for each, whether the reader
    supports it, why they may not (None: they may) and whether they may take their support
    back. ``figures`` are the reader's (``queries.reader_figures``) when already read."""
    used, supported, remaining = 0, set(), None
    if current_user.is_authenticated:
        _authored, used, supported = figures or queries.reader_figures(
            process, current_user, [p.id for p in proposals])
        limit = process.supports_per_person
        remaining = max(limit - used, 0) if limit else None
    states = {}
    for proposal in proposals:
        is_supported = proposal.id in supported
        states[proposal.id] = {
            "supported": is_supported,
            "refusal": None if is_supported else why_not_support(
                current_user, proposal, used=used, supported=is_supported),
            "may_unsupport": can_unsupport(current_user, proposal, supported=is_supported),
        }
    return {"used": used, "supported": supported, "remaining": remaining,
            "support_states": states}


def _index_args():
    args = request.args
    state = args.get("state") or None
    try:
        state = ProposalState(state) if state else None
    except ValueError:
        state = None
    sort = args.get("sort") if args.get("sort") in queries.SORTS else "recent"
    return {
        "q": (args.get("q") or "").strip()[:100],
        "state": state,
        "category_id": args.get("category", type=db_int),
        "neighbourhood_id": args.get("neighbourhood", type=db_int),
        "sort": sort,
        "page": requested_page(),
        "filter": args.get("filter") if args.get("filter") in ("mine", "supported") else None,
    }


@bp.get("/proposals/")
def index(slug):
    process = get_visible_process_or_404(slug)
    filters = _index_args()
    if filters["sort"] == "random" and "seed" not in session:
        session["seed"] = secrets.randbelow(2**31)
    mine = filters["filter"] == "mine" and current_user.is_authenticated
    supported = filters["filter"] == "supported" and current_user.is_authenticated
    listing = dict(
        q=filters["q"], state=filters["state"], category_id=filters["category_id"],
        neighbourhood_id=filters["neighbourhood_id"], sort=filters["sort"],
        seed=session.get("seed", 1), page=filters["page"],
        per_page=current_app.config["PAGE_SIZE"],
        author_id=current_user.id if mine else None,
        supporter_id=current_user.id if supported else None,
    )
    if current_user.is_authenticated:
        page, figures = queries.list_proposals_for(current_user, process, **listing)
    else:
        page, figures = queries.list_proposals(process, **listing), (0, 0, set())
    support = _support_context(process, page.items, figures=figures)
    show_supports = can_see_supports(current_user, process)
    # visitors are invited to sign in once, above the cards, not on each of them
    invite_sign_in = any(state["refusal"] is ProposalRefusal.SIGN_IN
                         for state in support["support_states"].values())
    return render_template(
        "proposals/index.html",
        process=process,
        page=page,
        filters=filters,
        states=list(ProposalState),
        propose_refusal=why_not_propose(current_user, process, authored=figures[0]),
        invite_sign_in=invite_sign_in,
        cards=render_cards(process, page.items, support["support_states"],
                           thumbnails=first_images(files.KIND, files.readable_ids(page.items)),
                           show_supports=show_supports, locale=str(get_locale()),
                           next_url=request.full_path),
        **support,
    )


@bp.route("/proposals/new", methods=["GET", "POST"])
@login_required
@post_limit("RATELIMIT_POST")
def new(slug):
    process = get_visible_process_or_404(slug)
    refusal = why_not_propose(current_user, process,
                              authored=queries.count_authored(process, current_user))
    if refusal is not None:
        flash(_("You cannot create a proposal in this process now.")
              if refusal is not ProposalRefusal.LIMIT
              else _("You have reached the limit of proposals in this process."), "error")
        return redirect(url_for(".index", slug=slug))
    form = ProposalForm(process=process, associations=publish_as_associations(current_user))
    preview = similar = None
    if form.validate_on_submit():
        if request.form.get("action") == "publish":
            proposal = commit(lambda: _create_with_files(process, form_data(form)),
                              _("Your proposal has been published."))
            if isinstance(proposal, Refused):
                attach_error(form, proposal.error)
            else:
                return redirect(url_for(".show", slug=slug, id=proposal.id))
        else:
            preview = form_data(form)
            if preview.get("association_id"):
                preview["association"] = next(
                    (a for a in publish_as_associations(current_user)
                     if a.id == preview["association_id"]), None)
            similar = queries.similar_proposals(process, form.title.data, form.body.data)
            try:  # the files are checked now, and chosen again to publish
                preview["files"] = bool(files.prepare_uploads(
                    preview, language=written_in(current_user)))
            except FileRefused as error:
                attach_error(form, error)
    status = 400 if (form.errors or form.form_errors) else 200
    return render_template("proposals/form.html", process=process, form=form, proposal=None,
                           preview=preview, similar=similar,
                           file_rules=rules_for(files.KIND)), status


def _create_with_files(process, data):
    """A new proposal and its files: the files are checked first, so a refused one saves
    nothing."""
    return save_with_files(files.KIND, data, lambda: operations.create_proposal(
        process, data, actor=current_user), actor=current_user,
        language=written_in(current_user))


def _update_with_files(proposal, data):
    return save_with_files(files.KIND, data, lambda: operations.update_proposal(
        proposal, data, actor=current_user), actor=current_user,
        language=written_in(current_user))


@bp.get("/proposals/<int:id>")
def show(slug, id):
    process = get_visible_process_or_404(slug)
    if not current_user.is_authenticated:
        return _render_show(process, _proposal_or_404(process, id))
    proposal, figures = queries.get_proposal_for(current_user, process, id)
    if proposal is None:
        abort(404)
    return _render_show(process, proposal, figures=figures)


def _render_show(process, proposal, answer_form=None, status=200, *, figures=None):
    context = _support_context(process, [proposal], figures=figures)
    state = context["support_states"][proposal.id]
    if answer_form is None and can_answer_proposal(current_user, proposal):
        answer_form = AnswerForm(formdata=None, state=(proposal.answer_state or
                                 ProposalState.EVALUATING).value, answer=proposal.answer,
                                 publish=proposal.is_answer_published)
    return render_template(
        "proposals/show.html",
        process=process,
        proposal=proposal,
        thread=thread_for(proposal, current_user, request.args.get("comments")),
        **moderation_context(proposal),
        supported=state["supported"],
        blocked=state["refusal"],
        may_unsupport=state["may_unsupport"],
        remaining=context["remaining"],
        show_supports=can_see_supports(current_user, proposal),
        may_edit=can_edit_proposal(current_user, proposal),
        may_withdraw=can_withdraw_proposal(current_user, proposal),
        may_manage=can_manage_process(current_user, process),
        answer_form=answer_form,
        attachments=files_of(files.KIND, proposal.id)
        if files.can_read_files(current_user, proposal) else [],
        **_coauthoring_context(proposal),
    ), status


def _coauthoring_context(proposal) -> dict:
    """What the page shows of co-authoring to its reader: the accepted co-authors (to
    everyone); the invitations the reader may answer and the co-authorships they may leave
    (people invited, representatives of an association invited); whether they manage them
    (the author). The reader's associations are read once (the comment form needs them too)."""
    represented = {a.id for a in publish_as_associations(current_user)}
    return {
        "coauthors": proposal.accepted_coauthors,
        "my_invitations": [c for c in proposal.coauthors if can_answer_invitation(
            current_user, c, represented_ids=represented)],
        "may_leave": [c for c in proposal.coauthors if can_leave_coauthorship(
            current_user, c, represented_ids=represented)],
        "may_manage_coauthors": can_manage_coauthors(current_user, proposal),
    }


@bp.route("/proposals/<int:id>/edit", methods=["GET", "POST"])
@login_required
@post_limit("RATELIMIT_POST")
def edit(slug, id):
    process = get_visible_process_or_404(slug)
    proposal = _proposal_or_404(process, id)
    if not can_edit_proposal(current_user, proposal):
        abort(403)
    return save_form(
        ProposalForm(process=process, obj=proposal),
        lambda data: _update_with_files(proposal, data),
        template="proposals/form.html",
        success=_("Your proposal has been saved."),
        next_url=lambda saved: url_for(".show", slug=slug, id=saved.id),
        process=process, proposal=proposal, preview=None, similar=None,
        file_rules=rules_for(files.KIND), attachments=files_of(files.KIND, proposal.id),
        remove_url=lambda attachment: url_for(".remove_attachment", slug=slug, id=id,
                                              attachment_id=attachment.id),
    )


@bp.post("/proposals/<int:id>/files/<int:attachment_id>/remove")
@login_required
def remove_attachment(slug, id, attachment_id):
    """Remove one of a proposal's files (whoever may edit the proposal)."""
    process = get_visible_process_or_404(slug)
    proposal = _proposal_or_404(process, id)
    attachment = get_attachment(attachment_id)
    if attachment is None or attachment.owner_kind != files.KIND or \
            attachment.owner_id != proposal.id:
        abort(404)
    if not files.can_attach_files(current_user, proposal):
        abort(403)
    perform(lambda: remove_file(attachment, actor=current_user), _("The file has been removed."))
    return redirect(url_for(".edit", slug=slug, id=id))


def _act(slug, id, action, success, *, permission=None):
    """The POST-only actions: load (the proposal and its process in one query), authorize
    (404, 403), run one operation, commit, go back."""
    process, proposal = queries.get_proposal_by_slug(slug, id)
    if proposal is None or not can_view_process(current_user, process):
        abort(404)
    if permission is not None and not permission(current_user, proposal):
        abort(403)
    perform(lambda: action(proposal), success)
    fallback = url_for(".show", slug=slug, id=id)
    return redirect(safe_next(request.form.get("next"), fallback))


@bp.get("/proposals/<int:id>/withdraw")
@login_required
def confirm_withdraw(slug, id):
    """Withdrawing asks first, on a page of its own (no script needed)."""
    process, proposal = queries.get_proposal_by_slug(slug, id)
    if proposal is None or not can_view_process(current_user, process):
        abort(404)
    if not can_withdraw_proposal(current_user, proposal):
        abort(403)
    g.private_page = True
    return render_template(
        "confirm.html",
        heading=_("Withdraw your proposal?"),
        subject=proposal.title,
        explanation=[
            _("It stays visible, marked as withdrawn, with its comments. Its supports are "
              "frozen and nobody can support it any more."),
            _("This cannot be undone."),
        ],
        action=url_for(".withdraw", slug=slug, id=id),
        confirm=_("Yes, withdraw the proposal"),
        back=url_for(".show", slug=slug, id=id),
        back_label=_("No, keep the proposal"),
        form=None, next=None, confirm_class=None,
    )


@bp.post("/proposals/<int:id>/withdraw")
@login_required
def withdraw(slug, id):
    return _act(slug, id, lambda p: operations.withdraw_proposal(p, actor=current_user),
                _("Your proposal has been withdrawn."), permission=can_withdraw_proposal)


@bp.post("/proposals/<int:id>/support")
@login_required
@_support_limit
def support(slug, id):
    return _act(slug, id, lambda p: operations.support_proposal(p, actor=current_user),
                _("Thank you: you support this proposal."))


@bp.post("/proposals/<int:id>/unsupport")
@login_required
@_support_limit
def unsupport(slug, id):
    return _act(slug, id, lambda p: operations.unsupport_proposal(p, actor=current_user),
                _("You no longer support this proposal."))


@bp.post("/proposals/<int:id>/answer")
@login_required
def answer(slug, id):
    process = get_visible_process_or_404(slug)
    proposal = _proposal_or_404(process, id)
    if not can_answer_proposal(current_user, proposal):
        abort(403)
    form = AnswerForm()
    if not form.validate():
        return _render_show(process, proposal, answer_form=form, status=400)
    was_published = proposal.is_answer_published

    def answer_and_tell():
        operations.answer_proposal(proposal, state=form.state.data, answer=form.answer.data,
                                   publish=form.publish.data, actor=current_user)
        if form.publish.data:
            notifications.send_answer(proposal, updated=was_published)

    perform(answer_and_tell,
            _("The answer has been published and the author has been told.")
            if form.publish.data else _("The answer has been saved without publishing it."))
    return redirect(url_for(".show", slug=slug, id=id))


EXPORT_FIELDS = ("id", "title", "body", "state", "category", "neighbourhood", "address",
                 "author", "association", "coauthors", "supports", "comments", "answer",
                 "created_at", "url")


def _export_rows(process):
    show_supports = process.supports_visible
    for p in queries.list_for_export(process):
        yield {
            "id": p.id,
            "title": p.title,
            "body": p.body,
            "state": p.state.value,
            "category": p.category.name if p.category else None,
            "neighbourhood": p.neighbourhood.name if p.neighbourhood else None,
            "address": p.address or None,
            "author": p.author.name,
            # the association it was published on behalf of, and its accepted co-authors
            "association": p.association.name if p.association else None,
            "coauthors": "; ".join(c.name for c in p.accepted_coauthors) or None,
            "supports": p.supports_count if show_supports else None,
            "comments": p.comments_count,
            "answer": p.answer if p.is_answer_published else None,
            "created_at": p.created_at.isoformat(),
            "url": url_for(".show", slug=process.slug, id=p.id, _external=True),
        }


@bp.get("/proposals.json")
def export_json(slug):
    return json_response(_export_rows(get_visible_process_or_404(slug)))


@bp.get("/proposals.csv")
def export_csv(slug):
    process = get_visible_process_or_404(slug)
    return csv_response(_export_rows(process), EXPORT_FIELDS, f"{process.slug}-proposals.csv")


# -- co-authors ---------------------------------------------------------------------------


def _coauthors_page(process, proposal, person_form=None, association_form=None, status=200):
    g.private_page = True
    return render_template(
        "proposals/coauthors.html", process=process, proposal=proposal,
        person_form=person_form or InvitePersonForm(formdata=None),
        association_form=association_form or InviteAssociationForm(
            formdata=None, associations=verified_association_choices()),
        may_remove=can_remove_coauthor, max_coauthors=MAX_COAUTHORS,
    ), status


@bp.get("/proposals/<int:id>/coauthors")
@login_required
def coauthors(slug, id):
    """The author's page for co-authors: who accepted, who has not answered, and the two
    ways to invite (a person by e-mail address, a verified association)."""
    process = get_visible_process_or_404(slug)
    proposal = _proposal_or_404(process, id)
    if not can_manage_coauthors(current_user, proposal):
        abort(403)
    return _coauthors_page(process, proposal)


def _invite(slug, id, form_class, invite, success, **form_kwargs):
    process = get_visible_process_or_404(slug)
    proposal = _proposal_or_404(process, id)
    if not can_manage_coauthors(current_user, proposal):
        abort(403)
    form = form_class(**form_kwargs)
    forms = {"person_form": form} if form_class is InvitePersonForm \
        else {"association_form": form}
    if form.validate():
        def invite_and_tell():
            coauthor = invite(proposal, form)
            notifications.send_invitation(coauthor)
            return coauthor

        outcome = commit(invite_and_tell, success(form))
        if not isinstance(outcome, Refused):
            return redirect(url_for(".coauthors", slug=slug, id=id))
        attach_error(form, outcome.error)
    return _coauthors_page(process, proposal, status=400, **forms)


@bp.post("/proposals/<int:id>/coauthors/person")
@login_required
@post_limit("RATELIMIT_POST")
def invite_person(slug, id):
    # the same answer whether or not the address has an account (nothing tells them apart)
    return _invite(
        slug, id, InvitePersonForm,
        lambda proposal, form: operations.invite_person(proposal, form.email.data,
                                                        actor=current_user),
        lambda form: _("Invitation saved. If %(email)s belongs to someone on Participa, they "
                       "will get an e-mail to accept or decline it.", email=form.email.data))


@bp.post("/proposals/<int:id>/coauthors/association")
@login_required
@post_limit("RATELIMIT_POST")
def invite_association(slug, id):
    return _invite(
        slug, id, InviteAssociationForm,
        lambda proposal, form: operations.invite_association(
            proposal, get_association(form.association_id.data), actor=current_user),
        lambda form: _("Invitation sent: the association's representatives can accept or "
                       "decline it."),
        associations=verified_association_choices())


def _coauthor_or_404(slug, id, coauthor_id):
    process = get_visible_process_or_404(slug)
    proposal = _proposal_or_404(process, id)
    coauthor = queries.get_coauthor(proposal, coauthor_id) or abort(404)
    return process, proposal, coauthor


def _on_coauthor(slug, id, coauthor_id, permission, action, success, back="show"):
    """A POST on one invitation: load (404), authorize (403), one operation, commit, back to
    the proposal's page (or the co-authors page)."""
    _process, _proposal, coauthor = _coauthor_or_404(slug, id, coauthor_id)
    if not permission(current_user, coauthor):
        abort(403)
    perform(lambda: action(coauthor), success)
    if back == "coauthors":
        return redirect(url_for(".coauthors", slug=slug, id=id))
    return redirect(url_for(".show", slug=slug, id=id, _anchor="coauthoring"))


@bp.post("/proposals/<int:id>/coauthors/<int:coauthor_id>/accept")
@login_required
def accept_coauthorship(slug, id, coauthor_id):
    return _on_coauthor(slug, id, coauthor_id, can_answer_invitation,
                        lambda c: operations.accept_invitation(c, actor=current_user),
                        _("You have accepted: the proposal now lists you as a co-author."))


@bp.post("/proposals/<int:id>/coauthors/<int:coauthor_id>/decline")
@login_required
def decline_coauthorship(slug, id, coauthor_id):
    return _on_coauthor(slug, id, coauthor_id, can_answer_invitation,
                        lambda c: operations.decline_invitation(c, actor=current_user),
                        _("You have declined the invitation."))


@bp.post("/proposals/<int:id>/coauthors/<int:coauthor_id>/leave")
@login_required
def leave_coauthorship(slug, id, coauthor_id):
    return _on_coauthor(slug, id, coauthor_id, can_leave_coauthorship,
                        lambda c: operations.leave_coauthorship(c, actor=current_user),
                        _("You no longer co-author this proposal."))


@bp.post("/proposals/<int:id>/coauthors/<int:coauthor_id>/remove")
@login_required
def remove_coauthor(slug, id, coauthor_id):
    return _on_coauthor(slug, id, coauthor_id, can_remove_coauthor,
                        lambda c: operations.remove_coauthor(c, actor=current_user),
                        _("The co-author has been removed."), back="coauthors")

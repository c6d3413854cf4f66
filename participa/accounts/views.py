"""Registration, sign-in and -out, password reset and "my account".

Terms of use: when the council has published them, registering asks to accept the current
version, and signing in (a correct password, a confirmation or a password reset) asks a person
who has not accepted the current version to accept it before the session starts. Until they
do, the session only holds a *pending sign-in*: who, bound to this browser's session, valid for
``TERMS_PENDING_SECONDS`` and once (it names the person's last sign-in, which accepting moves
on). The check runs at sign-in only, never on other requests."""

import time

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
from flask_login import current_user, login_required, login_user, logout_user

from participa.accounts import notifications, operations, queries, tokens
from participa.accounts.forms import (
    ChangePasswordForm,
    ConfirmForm,
    LoginForm,
    ProfileForm,
    RegisterForm,
    ResetPasswordForm,
    ResetRequestForm,
    TermsForm,
)
from participa.accounts.models import User
from participa.accounts.participation import Listing, sections_of
from participa.accounts.passwords import hash_password
from participa.accounts.sessions import SignInRefusal, authenticate, why_not_sign_in
from participa.accounts.signals import participation_page, profile_page
from participa.core.flow import Refused, attach_error, commit, render_form
from participa.core.pagination import requested_page
from participa.core.security import per_account_limit, post_limit
from participa.core.signals import page_context
from participa.core.urls import safe_next
from participa.extensions import db
from participa.legal import queries as legal_queries
from participa.legal.models import LegalKind
from participa.neighbourhoods.queries import neighbourhood_choices

bp = Blueprint("accounts", __name__, url_prefix="/accounts")


def _sign_in(user, remember=False):
    """Start a fresh session for ``user`` (nothing from the anonymous session carries over)."""
    keep = {k: session[k] for k in ("_flashes",) if k in session}
    session.clear()
    session.update(keep)
    login_user(user, remember=remember)


PENDING = "pending_sign_in"  # the session key of a sign-in waiting for the terms' acceptance


def _last_sign_in(user) -> str:
    return user.last_login_at.isoformat() if user.last_login_at else ""


_ASK = object()


def _finish_sign_in(user, *, remember=False, next_url=None, success=None, terms=_ASK):
    """Sign ``user`` in (flashing ``success``), unless the current terms of use wait for their
    acceptance (``terms``: what ``terms_to_accept`` said, when already asked): then keep a
    pending sign-in in this session and show the terms."""
    if terms is _ASK:
        terms = legal_queries.terms_to_accept(user.id)
    if terms is None:
        _sign_in(user, remember=remember)
        if success:
            flash(success, "success")
        return redirect(next_url or url_for("site.home"))
    session[PENDING] = {
        "user": user.id,
        "token": user.session_token,  # signing out everywhere, a new password: no longer valid
        "last": _last_sign_in(user),  # once: accepting records a new sign-in
        "until": time.time() + current_app.config.get("TERMS_PENDING_SECONDS", 600),
        "remember": bool(remember),
        "next": next_url,
    }
    return redirect(url_for("accounts.terms"))


def _pending_sign_in():
    """The person this session is signing in and the pending sign-in, or (None, None) when
    there is none or it is no longer valid (expired, used, or the account changed since)."""
    pending = session.get(PENDING)
    if not isinstance(pending, dict) or not isinstance(pending.get("user"), int):
        return None, None
    if not isinstance(pending.get("until"), int | float) or pending["until"] < time.time():
        return None, None
    user = db.session.get(User, pending["user"])
    if (user is None or user.session_token != pending.get("token")
            or _last_sign_in(user) != pending.get("last") or why_not_sign_in(user) is not None):
        return None, None
    return user, pending


@bp.route("/register", methods=["GET", "POST"])
@post_limit("RATELIMIT_REGISTER")
def register():
    """Create an account and e-mail a link to confirm it. The answer is the same whether or not
    the address already has an account (that owner is told by e-mail instead), so the form
    cannot be used to find out who is registered."""
    if current_user.is_authenticated:
        return redirect(url_for("site.home"))
    terms = legal_queries.current_terms()  # None until the council publishes terms of use
    form = RegisterForm(terms=terms)
    form.neighbourhood_id.choices = neighbourhood_choices()
    if not form.is_submitted():  # the account's language: the page's, unless they choose
        form.locale.data = str(get_locale())
    if form.validate_on_submit():
        existing = queries.get_user_by_email(form.email.data)
        if existing is not None:
            hash_password(form.password.data)  # what a new account costs: as long an answer
            commit(lambda: notifications.send_already_registered(existing))
        else:
            # a DomainError here: registered by a parallel request a moment ago (the same answer)
            commit(lambda: notifications.send_confirmation(operations.register_user(
                name=form.name.data, email=form.email.data, password=form.password.data,
                locale=form.locale.data, neighbourhood_id=form.neighbourhood_id.data,
                terms=terms)))
        flash(_("We have sent a message to %(email)s. Open the link in it to finish "
                "creating your account.", email=form.email.data), "info")
        return redirect(url_for("accounts.login"))
    return render_form("accounts/register.html", form, terms=terms)


@bp.route("/confirm/<token>", methods=["GET", "POST"])
def confirm(token):
    """The link from the registration e-mail: a button to press (GET changes nothing)."""
    g.private_page = True
    user = tokens.user_for_confirm_token(token)
    if user is None:
        flash(_("This link is not valid any more. Sign in to get a new one."), "error")
        return redirect(url_for("accounts.login"))
    form = ConfirmForm()
    if form.validate_on_submit():
        confirmed = commit(lambda: operations.confirm_email(user, form.password.data,
                                                            actor=user))
        if isinstance(confirmed, Refused):
            attach_error(form, confirmed.error)
        else:
            return _finish_sign_in(user, success=_(
                "Welcome to Participa, %(name)s. Your account is ready.", name=user.name))
    return render_form("accounts/confirm.html", form, user=user)


@bp.route("/login", methods=["GET", "POST"])
@post_limit("RATELIMIT_LOGIN")
@per_account_limit("RATELIMIT_LOGIN_ACCOUNT")
def login():
    if current_user.is_authenticated:
        return redirect(url_for("site.home"))
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.email.data, form.password.data)
        refusal = why_not_sign_in(user) if user is not None else None
        if user is None:
            form.form_errors.append(_("The e-mail or the password is not correct."))
        elif refusal is SignInRefusal.BLOCKED:
            form.form_errors.append(refusal.label)
        elif refusal is SignInRefusal.UNCONFIRMED:
            commit(lambda: notifications.send_confirmation(user))
            form.form_errors.append(refusal.label)
        else:
            next_url = safe_next(request.args.get("next"), url_for("site.home"))
            terms = legal_queries.terms_to_accept(user.id)
            if terms is None:  # otherwise not signed in yet: the sign-in is noted on accepting
                commit(lambda: operations.record_sign_in(user, form.password.data))
            return _finish_sign_in(user, remember=form.remember.data, next_url=next_url,
                                   success=_("You are signed in."), terms=terms)
    return render_form("accounts/login.html", form)


@bp.route("/terms", methods=["GET", "POST"])
def terms():
    """The current terms of use, to accept before a pending sign-in becomes a session; declining
    leaves the person signed out (and told why)."""
    g.private_page = True
    if current_user.is_authenticated:
        return redirect(url_for("site.home"))
    user, pending = _pending_sign_in()
    if user is None:
        session.pop(PENDING, None)
        flash(_("Sign in to continue: the page asking you to accept the terms of use was "
                "no longer valid."), "error")
        return redirect(url_for("accounts.login"))
    current = legal_queries.current_terms()
    form = TermsForm()
    if form.validate_on_submit():
        if form.decision.data == "decline":
            session.pop(PENDING, None)
            flash(_("You have not accepted the terms of use, so you are not signed in. You "
                    "need to accept them to take part; you can still read everything that is "
                    "public."), "info")
            return redirect(url_for("accounts.login"))
        if current is not None and form.version.data != str(current.number):
            form.form_errors.append(_("The terms of use have changed since you opened this "
                                      "page. Read the new version and accept it."))
        else:
            accepted = commit(lambda: operations.sign_in_accepting_terms(user, current)
                              if current is not None else operations.record_sign_in(user))
            if isinstance(accepted, Refused):
                attach_error(form, accepted.error)
            else:
                _sign_in(user, remember=pending.get("remember", False))
                flash(_("Thank you for accepting the terms of use. You are signed in."),
                      "success")
                return redirect(safe_next(pending.get("next"), url_for("site.home")))
    status = 400 if (form.errors or form.form_errors) else 200
    return render_template("accounts/terms.html", form=form, terms=current, person=user,
                           privacy=LegalKind.PRIVACY,
                           accepted_before=bool(legal_queries.list_acceptances(user.id))), status


@bp.post("/logout")
def logout():
    if current_user.is_authenticated:
        commit(lambda: operations.end_sessions(current_user._get_current_object()))
    logout_user()
    session.clear()
    flash(_("You are signed out."), "info")
    return redirect(url_for("site.home"))


@bp.route("/reset", methods=["GET", "POST"])
@post_limit("RATELIMIT_RESET")
def reset_request():
    form = ResetRequestForm()
    if form.validate_on_submit():
        user = queries.get_user_by_email(form.email.data)
        if user is not None:
            commit(lambda: notifications.send_reset(user))
        else:
            notifications.write_reset_for_nobody(form.email.data, str(get_locale()))
            commit(lambda: None)
        # the same answer whether or not the address has an account
        flash(_("If an account uses this address, we have sent it a link to choose a new "
                "password. The link works once, for one hour."), "info")
        return redirect(url_for("accounts.login"))
    return render_form("accounts/reset_request.html", form)


@bp.route("/reset/<token>", methods=["GET", "POST"])
@post_limit("RATELIMIT_RESET")
def reset_password(token):
    g.private_page = True
    user = tokens.user_for_reset_token(token)
    if user is None:
        flash(_("This link is not valid any more. Ask for a new one."), "error")
        return redirect(url_for("accounts.reset_request"))
    form = ResetPasswordForm(user=user)
    if form.validate_on_submit():
        commit(lambda: operations.reset_password(user, form.password.data, actor=user),
               _("Your password has been changed."))
        return _finish_sign_in(user)
    return render_form("accounts/reset_password.html", form)


@bp.route("/me", methods=["GET", "POST"])
@login_required
def me():
    g.private_page = True
    user = current_user._get_current_object()
    choices = neighbourhood_choices()
    which = request.form.get("form_name") if request.method == "POST" else None
    if which not in (None, "profile", "password"):
        abort(400)
    profile = ProfileForm(obj=user, formdata=request.form if which == "profile" else None)
    profile.neighbourhood_id.choices = choices
    password = ChangePasswordForm(user=user, formdata=request.form if which == "password" else None)

    if which == "profile" and profile.validate():
        commit(lambda: operations.update_profile(
            user, name=profile.name.data, locale=profile.locale.data,
            neighbourhood_id=profile.neighbourhood_id.data, actor=user,
        ), _("Your details have been saved."))
        return redirect(url_for("accounts.me"))
    if which == "password" and password.validate():
        changed = commit(lambda: operations.change_password(
            user, password.current_password.data, password.password.data, actor=user,
        ), _("Your password has been changed."))
        if isinstance(changed, Refused):
            password.current_password.errors.append(changed.error.message)
        else:
            _sign_in(user)
            return redirect(url_for("accounts.me"))
    failed = bool(profile.errors or password.errors)
    return (
        render_template("accounts/me.html", profile=profile, password_form=password),
        400 if failed else 200,
    )


@bp.get("/me/participation")
@login_required
def participation():
    """Everything of mine on one page: each feature's part, its first few items."""
    g.private_page = True
    listing = Listing(current_user._get_current_object())
    sections = sections_of(page_context(participation_page, person=listing.person,
                                        listing=listing))
    return render_template("accounts/participation.html", listing=listing, sections=sections)


@bp.get("/me/participation/<name>")
@login_required
def participation_section(name):
    """One part of "my participation" on its own, page by page (the overview's "see all")."""
    g.private_page = True
    listing = Listing(current_user._get_current_object(), section=name,
                      page=requested_page())
    sections = sections_of(page_context(participation_page, person=listing.person,
                                        listing=listing))
    if len(sections) != 1:
        abort(404)
    return render_template("accounts/participation.html", listing=listing, sections=sections)


@bp.get("/people/<int:id>")
def profile(id):
    """A person's public profile: their name, neighbourhood and what they have contributed."""
    person = db.session.get(User, id) or abort(404)
    return render_template(
        "accounts/profile.html", person=person,
        contributions=queries.count_contributions(person),
        **page_context(profile_page, person=person),
    )

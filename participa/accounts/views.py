"""Registration, sign-in and -out, password reset and "my account"."""

from flask import (
    Blueprint,
    abort,
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
from participa.neighbourhoods.queries import neighbourhood_choices

bp = Blueprint("accounts", __name__, url_prefix="/accounts")


def _sign_in(user, remember=False):
    """Start a fresh session for ``user`` (nothing from the anonymous session carries over)."""
    keep = {k: session[k] for k in ("_flashes",) if k in session}
    session.clear()
    session.update(keep)
    login_user(user, remember=remember)


@bp.route("/register", methods=["GET", "POST"])
@post_limit("RATELIMIT_REGISTER")
def register():
    """Create an account and e-mail a link to confirm it. The answer is the same whether or not
    the address already has an account (that owner is told by e-mail instead), so the form
    cannot be used to find out who is registered."""
    if current_user.is_authenticated:
        return redirect(url_for("site.home"))
    form = RegisterForm()
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
                locale=form.locale.data, neighbourhood_id=form.neighbourhood_id.data)))
        flash(_("We have sent a message to %(email)s. Open the link in it to finish "
                "creating your account.", email=form.email.data), "info")
        return redirect(url_for("accounts.login"))
    return render_form("accounts/register.html", form)


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
            _sign_in(user)
            flash(_("Welcome to Participa, %(name)s. Your account is ready.", name=user.name),
                  "success")
            return redirect(url_for("site.home"))
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
            commit(lambda: operations.record_sign_in(user, form.password.data))
            _sign_in(user, remember=form.remember.data)
            flash(_("You are signed in."), "success")
            return redirect(safe_next(request.args.get("next"), url_for("site.home")))
    return render_form("accounts/login.html", form)


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
        commit(lambda: operations.reset_password(user, form.password.data, actor=user))
        _sign_in(user)
        flash(_("Your password has been changed."), "success")
        return redirect(url_for("site.home"))
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

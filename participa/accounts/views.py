"""Registration, sign-in and -out, password reset and "my account"."""

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
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from participa.accounts import operations
from participa.accounts.forms import (
    ChangePasswordForm,
    LoginForm,
    ProfileForm,
    RegisterForm,
    ResetPasswordForm,
    ResetRequestForm,
)
from participa.core.errors import DomainError
from participa.core.mail import send_mail
from participa.core.views import safe_next
from participa.extensions import db, limiter
from participa.neighbourhoods.queries import neighbourhood_choices

bp = Blueprint("accounts", __name__, url_prefix="/accounts")


def _limit(name):
    return limiter.limit(lambda: current_app.config[name], methods=["POST"])


def _sign_in(user, remember=False):
    """Start a fresh session for ``user`` (nothing from the anonymous session carries over)."""
    keep = {k: session[k] for k in ("_flashes",) if k in session}
    session.clear()
    session.update(keep)
    login_user(user, remember=remember)


@bp.route("/register", methods=["GET", "POST"])
@_limit("RATELIMIT_REGISTER")
def register():
    if current_user.is_authenticated:
        return redirect(url_for("core.home"))
    form = RegisterForm()
    form.neighbourhood_id.choices = neighbourhood_choices()
    if form.validate_on_submit():
        try:
            user = operations.register_user(
                name=form.name.data,
                email=form.email.data,
                password=form.password.data,
                locale=form.locale.data,
                neighbourhood_id=form.neighbourhood_id.data,
            )
        except DomainError as error:
            form.email.errors.append(error.message)
        else:
            db.session.commit()
            _sign_in(user)
            flash(_("Welcome to Participa, %(name)s. Your account is ready.", name=user.name),
                  "success")
            return redirect(url_for("core.home"))
    return render_template("accounts/register.html", form=form), 400 if form.errors else 200


@bp.route("/login", methods=["GET", "POST"])
@_limit("RATELIMIT_LOGIN")
def login():
    if current_user.is_authenticated:
        return redirect(url_for("core.home"))
    form = LoginForm()
    if form.validate_on_submit():
        user = operations.authenticate(form.email.data, form.password.data)
        if user is None:
            form.form_errors.append(_("The e-mail or the password is not correct."))
        else:
            db.session.commit()
            _sign_in(user, remember=form.remember.data)
            flash(_("You are signed in."), "success")
            return redirect(safe_next(request.args.get("next"), url_for("core.home")))
    status = 400 if (form.errors or form.form_errors) else 200
    return render_template("accounts/login.html", form=form), status


@bp.post("/logout")
def logout():
    if current_user.is_authenticated:
        operations.end_sessions(current_user._get_current_object())
        db.session.commit()
    logout_user()
    session.clear()
    flash(_("You are signed out."), "info")
    return redirect(url_for("core.home"))


@bp.route("/reset", methods=["GET", "POST"])
@_limit("RATELIMIT_RESET")
def reset_request():
    form = ResetRequestForm()
    if form.validate_on_submit():
        user = operations.get_user_by_email(form.email.data)
        if user is not None:
            _send_reset_mail(user)
        # the same answer whether or not the address has an account
        flash(_("If an account uses this address, we have sent it a link to choose a new "
                "password. The link works once, for one hour."), "info")
        return redirect(url_for("accounts.login"))
    return render_template("accounts/reset_request.html", form=form), 400 if form.errors else 200


def _send_reset_mail(user):
    token = operations.make_reset_token(user)
    link = url_for("accounts.reset_password", token=token, _external=True)
    with force_locale(user.locale):
        send_mail(
            user.email,
            _("Choose a new password for Participa"),
            render_template("accounts/email/reset.txt", user=user, link=link),
        )


@bp.route("/reset/<token>", methods=["GET", "POST"])
@_limit("RATELIMIT_RESET")
def reset_password(token):
    g.private_page = True
    user = operations.user_for_reset_token(token)
    if user is None:
        flash(_("This link is not valid any more. Ask for a new one."), "error")
        return redirect(url_for("accounts.reset_request"))
    form = ResetPasswordForm(user=user)
    if form.validate_on_submit():
        operations.set_password(user, form.password.data, actor=user)
        db.session.commit()
        _sign_in(user)
        flash(_("Your password has been changed."), "success")
        return redirect(url_for("core.home"))
    return render_template("accounts/reset_password.html", form=form), 400 if form.errors else 200


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
        operations.update_profile(
            user,
            name=profile.name.data,
            locale=profile.locale.data,
            neighbourhood_id=profile.neighbourhood_id.data,
            actor=user,
        )
        db.session.commit()
        flash(_("Your details have been saved."), "success")
        return redirect(url_for("accounts.me"))
    if which == "password" and password.validate():
        try:
            operations.change_password(
                user, password.current_password.data, password.password.data, actor=user
            )
        except DomainError as error:
            password.current_password.errors.append(error.message)
        else:
            db.session.commit()
            _sign_in(user)
            flash(_("Your password has been changed."), "success")
            return redirect(url_for("accounts.me"))
    failed = bool(profile.errors or password.errors)
    return (
        render_template("accounts/me.html", profile=profile, password_form=password),
        400 if failed else 200,
    )

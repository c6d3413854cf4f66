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
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required, login_user, logout_user

from participa.accounts import operations, queries
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
from participa.core.errors import DomainError
from participa.core.mail import send_mail
from participa.core.security import post_limit
from participa.core.views import safe_next
from participa.extensions import db
from participa.moderation.permissions import can_block_user
from participa.moderation.views import moderation_context
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
        return redirect(url_for("core.home"))
    form = RegisterForm()
    form.neighbourhood_id.choices = neighbourhood_choices()
    if form.validate_on_submit():
        existing = operations.get_user_by_email(form.email.data)
        if existing is not None:
            _mail(existing, _l("Someone tried to register with your address"),
                  "accounts/email/already_registered.txt",
                  login=url_for("accounts.login", _external=True),
                  reset=url_for("accounts.reset_request", _external=True))
        else:
            try:
                user = operations.register_user(
                    name=form.name.data,
                    email=form.email.data,
                    password=form.password.data,
                    locale=form.locale.data,
                    neighbourhood_id=form.neighbourhood_id.data,
                )
            except DomainError:  # registered by a parallel request a moment ago
                db.session.rollback()
            else:
                db.session.commit()
                _send_confirmation(user)
        flash(_("We have sent a message to %(email)s. Open the link in it to finish "
                "creating your account.", email=form.email.data), "info")
        return redirect(url_for("accounts.login"))
    return render_template("accounts/register.html", form=form), 400 if form.errors else 200


def _mail(user, subject, template, **context):
    """One e-mail to ``user``, written in their language (``subject`` is lazy: translated
    here)."""
    with force_locale(user.locale):
        send_mail(user.email, str(subject), render_template(template, user=user, **context))


def _send_confirmation(user):
    token = operations.make_confirm_token(user)
    _mail(user, _l("Confirm your Participa account"), "accounts/email/confirm.txt",
          link=url_for("accounts.confirm", token=token, _external=True))


@bp.route("/confirm/<token>", methods=["GET", "POST"])
def confirm(token):
    """The link from the registration e-mail: a button to press (GET changes nothing)."""
    g.private_page = True
    user = operations.user_for_confirm_token(token)
    if user is None:
        flash(_("This link is not valid any more. Sign in to get a new one."), "error")
        return redirect(url_for("accounts.login"))
    form = ConfirmForm()
    if form.validate_on_submit():
        operations.confirm_email(user, actor=user)
        db.session.commit()
        _sign_in(user)
        flash(_("Welcome to Participa, %(name)s. Your account is ready.", name=user.name),
              "success")
        return redirect(url_for("core.home"))
    return render_template("accounts/confirm.html", form=form, user=user)


@bp.route("/login", methods=["GET", "POST"])
@post_limit("RATELIMIT_LOGIN")
def login():
    if current_user.is_authenticated:
        return redirect(url_for("core.home"))
    form = LoginForm()
    if form.validate_on_submit():
        user = operations.authenticate(form.email.data, form.password.data)
        if user is None:
            form.form_errors.append(_("The e-mail or the password is not correct."))
        elif user.is_blocked:
            db.session.rollback()
            form.form_errors.append(_("This account has been blocked by the council, so it "
                                      "cannot sign in."))
        elif not user.is_confirmed:
            db.session.commit()
            _send_confirmation(user)
            form.form_errors.append(_("Confirm your e-mail address first: we have sent you the "
                                      "link again."))
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
@post_limit("RATELIMIT_RESET")
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
    _mail(user, _l("Choose a new password for Participa"), "accounts/email/reset.txt",
          link=url_for("accounts.reset_password", token=token, _external=True))


@bp.route("/reset/<token>", methods=["GET", "POST"])
@post_limit("RATELIMIT_RESET")
def reset_password(token):
    g.private_page = True
    user = operations.user_for_reset_token(token)
    if user is None:
        flash(_("This link is not valid any more. Ask for a new one."), "error")
        return redirect(url_for("accounts.reset_request"))
    form = ResetPasswordForm(user=user)
    if form.validate_on_submit():
        operations.reset_password(user, form.password.data, actor=user)
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


@bp.get("/people/<int:id>")
def profile(id):
    """A person's public profile: their name, neighbourhood and what they have contributed."""
    person = db.session.get(User, id) or abort(404)
    return render_template(
        "accounts/profile.html", person=person,
        contributions=queries.count_contributions(person),
        may_block=can_block_user(current_user, person),
        **moderation_context(person),
    )

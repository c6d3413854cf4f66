"""Account forms: validation only, never saving."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, HiddenField, PasswordField, StringField
from wtforms.validators import AnyOf, Email, EqualTo, InputRequired, Length, ValidationError

from participa.accounts.passwords import MAX_LENGTH, password_problem
from participa.core.forms import Form, OptionalIntSelect, language_field


class NewPasswordMixin:
    """A new password checked against the rules; ``user=`` (when known) adds its name and e-mail
    to what the password must not contain."""

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def validate_password(self, field):
        email = self.email.data if hasattr(self, "email") else getattr(self.user, "email", "")
        name = self.name.data if hasattr(self, "name") else getattr(self.user, "name", "")
        problem = password_problem(field.data or "", email=email or "", name=name or "")
        if problem:
            raise ValidationError(problem)


def new_password_field():
    return PasswordField(
        _l("Password"),
        validators=[InputRequired(), Length(max=MAX_LENGTH)],
        description=_l("At least 12 characters. A short sentence is easy to remember."),
        render_kw={"autocomplete": "new-password"},
    )


def confirm_field():
    return PasswordField(
        _l("Repeat the password"),
        validators=[
            InputRequired(), EqualTo("password", message=_l("The passwords do not match."))
        ],
        render_kw={"autocomplete": "new-password"},
    )


class RegisterForm(NewPasswordMixin, Form):
    name = StringField(
        _l("Name"),
        validators=[InputRequired(), Length(max=80)],
        description=_l("Shown next to what you publish."),
        render_kw={"autocomplete": "name"},
    )
    email = EmailField(
        _l("E-mail"),
        validators=[InputRequired(), Email(check_deliverability=False), Length(max=254)],
        render_kw={"autocomplete": "email"},
    )
    password = new_password_field()
    confirm = confirm_field()
    locale = language_field()
    neighbourhood_id = OptionalIntSelect(_l("Neighbourhood (optional)"), choices=[])
    # asked only when terms of use have been published (``terms=``, the current version)
    accept_terms = BooleanField(_l("I accept the terms of use and have read the privacy "
                                   "policy"))
    terms_version = HiddenField()

    def __init__(self, *args, terms=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.terms = terms

    def validate_accept_terms(self, field):
        if self.terms is None:
            return
        if not field.data:
            raise ValidationError(_l("To create an account, accept the terms of use."))
        if (self.terms_version.data or "") != str(self.terms.number):
            raise ValidationError(TERMS_CHANGED)


TERMS_CHANGED = _l("The terms of use changed while you were filling in the form: read the new "
                   "version and accept it.")


class TermsForm(Form):
    """Accepting (or declining) the current terms of use before being signed in: which version
    the page showed, and the button pressed."""

    version = HiddenField(validators=[InputRequired()])
    decision = StringField(validators=[InputRequired(), AnyOf(("accept", "decline"))])


class LoginForm(Form):
    email = EmailField(
        _l("E-mail"), validators=[InputRequired(), Length(max=254)],
        render_kw={"autocomplete": "email"},
    )
    password = PasswordField(
        _l("Password"), validators=[InputRequired(), Length(max=MAX_LENGTH)],
        render_kw={"autocomplete": "current-password"},
    )
    remember = BooleanField(_l("Keep me signed in on this device"))


class ResetRequestForm(Form):
    email = EmailField(
        _l("E-mail"),
        validators=[InputRequired(), Email(check_deliverability=False), Length(max=254)],
        render_kw={"autocomplete": "email"},
    )


class ResetPasswordForm(NewPasswordMixin, Form):
    password = new_password_field()
    confirm = confirm_field()


class ProfileForm(Form):
    name = StringField(
        _l("Name"), validators=[InputRequired(), Length(max=80)],
        render_kw={"autocomplete": "name"},
    )
    locale = language_field()
    neighbourhood_id = OptionalIntSelect(_l("Neighbourhood (optional)"), choices=[])


class ChangePasswordForm(NewPasswordMixin, Form):
    current_password = PasswordField(
        _l("Current password"), validators=[InputRequired(), Length(max=MAX_LENGTH)],
        render_kw={"autocomplete": "current-password"},
    )
    password = new_password_field()
    confirm = confirm_field()


class ConfirmForm(Form):
    """Confirming is a button press, never a plain GET, and takes the password the account was
    created with: holding the mailbox alone does not confirm an account someone else made."""

    password = PasswordField(
        _l("Password"), validators=[InputRequired(), Length(max=MAX_LENGTH)],
        description=_l("The password you chose when you registered."),
        render_kw={"autocomplete": "current-password"},
    )

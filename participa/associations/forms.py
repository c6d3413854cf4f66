"""Association forms: they only validate. The operations check the tax id against the
register, and the areas and neighbourhoods against the database."""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import Email, InputRequired, Length, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from participa.associations import taxid
from participa.associations.models import (
    AREA_LIMIT,
    DESCRIPTION_LIMIT,
    EMAIL_LIMIT,
    NAME_LIMIT,
    PHONE_LIMIT,
    REASON_LIMIT,
    REGISTRY_LIMIT,
    WEBSITE_LIMIT,
    LegalForm,
    RepresentativeRole,
)
from participa.core.forms import Form
from participa.core.translated import add_translation_fields

MARKDOWN_HELP = _l("You can use Markdown: **bold**, *italics*, lists and links.")


class MultiCheckboxField(SelectMultipleField):
    """Checkboxes of integer choices; anything else is refused with ``message`` on the field."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def __init__(self, label=None, validators=None, message=None, **kwargs):
        super().__init__(label, validators, coerce=int, **kwargs)
        self.message = message
        self.type = "SelectMultipleField"  # the form macro shows it as a fieldset of boxes

    def process_formdata(self, valuelist):
        self.bad_input = False
        try:
            self.data = [int(x) for x in valuelist]
        except (TypeError, ValueError):
            self.data = []
            self.bad_input = True

    def pre_validate(self, form):
        known = {value for value, *_ in (self.choices or [])}
        if getattr(self, "bad_input", False) or any(v not in known for v in self.data or []):
            raise ValidationError(self.message)


class AssociationForm(Form):
    name = StringField(_l("Name"), validators=[InputRequired(), Length(max=NAME_LIMIT)],
                       description=_l("As it appears in its statutes, or as people know it "
                                      "for an informal group."))
    logo = FileField(_l("Logo"), description=_l(
        "A JPEG, PNG or WebP picture; people who cannot see it hear the association's name. "
        "A new one replaces the one before."))
    legal_form = SelectField(
        _l("Legal form"), choices=[SelectChoice(f.value, f.label) for f in LegalForm],
        validators=[InputRequired()],
        coerce=lambda value: value.value if isinstance(value, LegalForm) else str(value))
    tax_id = StringField(
        _l("Tax id (NIF)"), validators=[Optional(), Length(max=20)],
        description=_l("For example G12345674. Informal groups may leave it blank."))
    registry_number = StringField(
        _l("Municipal registry number (optional)"),
        validators=[Optional(), Length(max=REGISTRY_LIMIT)])
    neighbourhood_ids = MultiCheckboxField(
        _l("Neighbourhoods where it works"), validators=[Optional()],
        message=_l("Choose neighbourhoods from the list."))
    area_ids = MultiCheckboxField(_l("Areas of work"), validators=[Optional()],
                                  message=_l("Choose areas of work from the list."))
    description = TextAreaField(_l("Description"),
                                validators=[Optional(), Length(max=DESCRIPTION_LIMIT)],
                                description=MARKDOWN_HELP)
    website = StringField(_l("Website (optional)"),
                          validators=[Optional(), Length(max=WEBSITE_LIMIT)],
                          description=_l("A full address, starting with https://."))
    is_website_public = BooleanField(_l("Show the website on the association's page"))
    email = StringField(_l("Contact e-mail (optional)"),
                        validators=[Optional(), Length(max=EMAIL_LIMIT),
                                    Email(check_deliverability=False,
                                          message=_l("Write a valid e-mail address."))])
    is_email_public = BooleanField(_l("Show the e-mail on the association's page"))
    phone = StringField(_l("Contact phone (optional)"),
                        validators=[Optional(), Length(max=PHONE_LIMIT)])
    is_phone_public = BooleanField(_l("Show the phone on the association's page"))

    def validate_tax_id(self, field):
        """Its control character (a missing one is the operation's to refuse: it depends on
        the legal form)."""
        if field.data and not taxid.is_valid(field.data):
            raise ValidationError(_l("This tax id is not valid: check its letters and digits, "
                                     "and its last (control) character."))


class RefuseForm(Form):
    reason = TextAreaField(
        _l("Reason for refusing"), validators=[InputRequired(), Length(max=REASON_LIMIT)],
        description=_l("The association's administrators receive it by e-mail."))


class RoleForm(Form):
    role = SelectField(_l("Role"),
                       choices=[SelectChoice(r.value, r.label) for r in RepresentativeRole],
                       validators=[InputRequired()])


class AreaForm(Form):
    name = StringField(_l("Name"), validators=[InputRequired(), Length(max=AREA_LIMIT)])


add_translation_fields(AreaForm, {"name": AREA_LIMIT})

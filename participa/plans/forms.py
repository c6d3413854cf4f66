from flask_babel import lazy_gettext as _l
from wtforms import (
    DateField,
    IntegerField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError

from participa.core.forms import Form, SlugField, checkbox_list
from participa.core.translated import add_translation_fields
from participa.plans.models import (
    MAX_DECIMALS,
    SERVICE_CONTACT_LIMIT,
    SERVICE_NAME_LIMIT,
    Direction,
    PlanStatus,
    ServiceKind,
)


class PlanForm(Form):
    title = StringField(_l("Title"), validators=[InputRequired(), Length(max=200)])
    slug = SlugField()
    summary = StringField(_l("Summary"), validators=[Optional(), Length(max=500)])
    body = TextAreaField(
        _l("Description"), validators=[Optional(), Length(max=20_000)],
        description=_l("You can use Markdown: **bold**, *italics*, lists and links."),
    )
    starts_on = DateField(_l("Starts on"), validators=[InputRequired()])
    ends_on = DateField(_l("Ends on (optional)"), validators=[Optional()])
    status = SelectField(
        _l("Status"), choices=[SelectChoice(s.value, s.label) for s in PlanStatus],
        default="draft",
    )
    neighbourhood_ids = checkbox_list(_l("Neighbourhoods"))

    def validate_ends_on(self, field):
        if field.data and self.starts_on.data and field.data < self.starts_on.data:
            raise ValidationError(_l("The end must come after the start."))

    def validate_neighbourhood_ids(self, field):
        if not field.data:
            raise ValidationError(_l("Choose at least one neighbourhood."))


VALUE_HELP = _l("A number, with a comma or a point for the decimals: for example 42 or 3,5.")


class GoalForm(Form):
    title = StringField(_l("Title"), validators=[InputRequired(), Length(max=200)])
    description = TextAreaField(
        _l("Description"), validators=[Optional(), Length(max=5000)],
        description=_l("You can use Markdown: **bold**, *italics*, lists and links."),
    )


# the council's texts in the town's other languages (``title_es``, ``title_en``, …)
add_translation_fields(PlanForm, {"title": 200, "summary": 500, "body": 20_000})
add_translation_fields(GoalForm, {"title": 200, "description": 5000})


class IndicatorForm(Form):
    """An indicator. The numbers are text here: the operation reads them as people write them
    ("3,5"), with the precision the indicator gives itself."""

    name = StringField(_l("Name"), validators=[InputRequired(), Length(max=200)])
    unit = StringField(
        _l("Unit (optional)"), validators=[Optional(), Length(max=40)],
        description=_l("What is counted or measured: people, gardens, %, euros…"),
    )
    decimals = IntegerField(
        _l("Decimals"), default=0, validators=[InputRequired(),
                                               NumberRange(min=0, max=MAX_DECIMALS)],
        description=_l("The unit's precision: 0 for whole numbers, 1 for tenths, up to 4."),
    )
    direction = RadioField(
        _l("Direction"), choices=[SelectChoice(d.value, d.label) for d in Direction],
        default=Direction.HIGHER.value,
        coerce=lambda value: value.value if isinstance(value, Direction) else str(value),
    )
    baseline_value = StringField(_l("Baseline value (optional)"),
                                 validators=[Optional(), Length(max=40)], description=VALUE_HELP)
    baseline_on = DateField(_l("Baseline date (optional)"), validators=[Optional()])
    target_value = StringField(_l("Target value (optional)"),
                               validators=[Optional(), Length(max=40)], description=VALUE_HELP)
    target_on = DateField(_l("Target date (optional)"), validators=[Optional()])
    source = SelectField(
        _l("How it is measured"), choices=[], default="",
        description=_l("By hand: you record each measurement. From the platform: Participa "
                       "records it itself once a day, from the plan's processes."),
    )


class MeasurementForm(Form):
    measured_on = DateField(_l("Date"), validators=[InputRequired()])
    value = StringField(_l("Value"), validators=[InputRequired(), Length(max=40)],
                        description=VALUE_HELP)
    source = StringField(_l("Source (optional)"), validators=[Optional(), Length(max=200)],
                         description=_l("Where the figure comes from: a survey, a count, a "
                                        "municipal register…"))
    note = StringField(_l("Note (optional)"), validators=[Optional(), Length(max=500)])


class MoveForm(Form):
    direction = SelectField(choices=[SelectChoice("up", "up"), SelectChoice("down", "down")],
                            validators=[InputRequired()])


class AssociationMemberForm(Form):
    """Seat an association at a plan's table (``association_id.choices``: the verified ones
    not seated yet)."""

    association_id = SelectField(_l("Association"), coerce=int, validators=[InputRequired()],
                                 validate_choice=False)


class ServiceMemberForm(Form):
    name = StringField(_l("Name of the service"),
                       validators=[InputRequired(), Length(max=SERVICE_NAME_LIMIT)],
                       description=_l("For example: Serveis Socials Bàsics Nord"))
    service_kind = SelectField(
        _l("Kind"), choices=[SelectChoice(kind.value, kind.label) for kind in ServiceKind],
        validators=[InputRequired()])
    contact = StringField(_l("Contact (optional)"),
                          validators=[Optional(), Length(max=SERVICE_CONTACT_LIMIT)],
                          description=_l("A telephone, an e-mail address or opening hours."))

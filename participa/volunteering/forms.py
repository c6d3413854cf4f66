"""Volunteering forms: they only validate. The operations check what spans fields (the end
after the start, a rule for a recurring opportunity, a place or a facility) and who may
organise."""

import enum

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    IntegerField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from participa.core.forms import Form, LocalDateTimeField, OptionalIntSelect, checkbox_list
from participa.volunteering.models import (
    ADDRESS_LIMIT,
    CONTACT_LIMIT,
    DESCRIPTION_LIMIT,
    MAX_PLACES,
    PLACE_LIMIT,
    RECURRENCE_LIMIT,
    SKILLS_LIMIT,
    TITLE_LIMIT,
    Schedule,
)

COUNCIL = "council"  # the organiser select's value for the council itself


def _enum_value(value):
    return value.value if isinstance(value, enum.Enum) else value


class OpportunityForm(Form):
    organiser = SelectField(_l("Organised by"), choices=[],
                            description=_l("Who asks for volunteers: the council, or an "
                                           "association you represent."))
    title = StringField(_l("Title"), validators=[InputRequired(), Length(max=TITLE_LIMIT)])
    description = TextAreaField(
        _l("What volunteers will do"), validators=[Optional(), Length(max=DESCRIPTION_LIMIT)],
        description=_l("You can use Markdown: **bold**, *italics*, lists and links."),
        render_kw={"rows": 8})
    schedule = SelectField(
        _l("How often"), coerce=_enum_value, default=Schedule.ONCE.value,
        choices=[SelectChoice(s.value, s.label) for s in Schedule])
    starts_at = LocalDateTimeField(
        _l("Starts at"), validators=[InputRequired()],
        description=_l("Local time (Europe/Madrid). For a recurring opportunity, the first "
                       "day."))
    ends_at = LocalDateTimeField(
        _l("Ends at"), validators=[InputRequired()],
        description=_l("Local time (Europe/Madrid). For a recurring opportunity, the last "
                       "day."))
    recurrence = StringField(
        _l("When it repeats"), validators=[Optional(), Length(max=RECURRENCE_LIMIT)],
        description=_l("Only for a recurring opportunity. For example: Saturdays "
                       "10:00–13:00."))
    facility_id = OptionalIntSelect(
        _l("Municipal facility (optional)"), choices=[],
        description=_l("Its address and neighbourhood are used."))
    place = StringField(_l("Place"), validators=[Optional(), Length(max=PLACE_LIMIT)],
                        description=_l("Where volunteers meet. For example: Plaça de la "
                                       "Font."))
    address = StringField(_l("Address"), validators=[Optional(), Length(max=ADDRESS_LIMIT)],
                          render_kw={"autocomplete": "street-address"})
    neighbourhood_id = OptionalIntSelect(_l("Neighbourhood"), choices=[])
    places = IntegerField(
        _l("Places"),
        validators=[InputRequired(message=_l("Give the number of places.")),
                    NumberRange(min=1, max=MAX_PLACES,
                                message=_l("Give a number of places between 1 and %(max)s.",
                                           max=MAX_PLACES))],
        description=_l("When they are taken, people can join a waiting list."),
        render_kw={"inputmode": "numeric"})
    skills = StringField(_l("Skills wanted (optional)"),
                         validators=[Optional(), Length(max=SKILLS_LIMIT)],
                         description=_l("For example: lifting boxes, patience with children, "
                                        "speaking Arabic."))
    contact = StringField(_l("Contact for volunteers (optional)"),
                          validators=[Optional(), Length(max=CONTACT_LIMIT)],
                          description=_l("A telephone or e-mail address volunteers can use. "
                                         "Shown on the page."))
    area_ids = checkbox_list(_l("Areas of work"), choices=[])

    def __init__(self, *args, organisers=(), facilities=(), neighbourhoods=(), areas=(),
                 **kwargs):
        super().__init__(*args, **kwargs)
        self.organiser.choices = [SelectChoice(value, label) for value, label in organisers]
        self.facility_id.choices = [(None, _l("None"))] + list(facilities)
        self.neighbourhood_id.choices = [(None, _l("Not in one neighbourhood"))] + list(
            neighbourhoods)
        self.area_ids.choices = list(areas)


class ContactForm(Form):
    subject = StringField(_l("Subject"), validators=[InputRequired(), Length(max=150)])
    body = TextAreaField(_l("Message"), validators=[InputRequired(), Length(max=5_000)],
                         render_kw={"rows": 8})
    include_waiting = BooleanField(_l("Also write to the people on the waiting list"))


class CancelForm(Form):
    reason = TextAreaField(_l("Why is it cancelled? (optional)"),
                           validators=[Optional(), Length(max=2_000)],
                           description=_l("The volunteers receive it by e-mail."),
                           render_kw={"rows": 4})


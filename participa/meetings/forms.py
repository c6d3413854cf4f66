"""Meeting forms: they only validate. The operations check what spans fields (end after start,
a place for in-person meetings, a link for online ones, reserved places below the capacity)."""

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
from wtforms.validators import InputRequired, Length, NumberRange, Optional, Regexp

from participa.core.forms import Form, LocalDateTimeField, checkbox_list
from participa.core.translated import add_translation_fields
from participa.files.forms import FileFieldsMixin
from participa.meetings.models import PRICE_LIMIT, EventType, MeetingKind, Organiser

MARKDOWN_HELP = _l("You can use Markdown: **bold**, *italics*, lists and links.")


def _room_id(value):
    """A room select's value: a room's id, or None for "no room"."""
    if value in (None, "", "None"):
        return None
    return int(value)


def _enum_value(value):
    """A select's value from the stored enum (edit forms) or the submitted string."""
    return value.value if isinstance(value, enum.Enum) else value


class MeetingForm(FileFieldsMixin, Form):
    title = StringField(_l("Title"), validators=[InputRequired(), Length(max=200)])
    description = TextAreaField(
        _l("Description"), validators=[Optional(), Length(max=20_000)],
        description=MARKDOWN_HELP, render_kw={"rows": 8},
    )
    event_type = SelectField(
        _l("Type"), coerce=_enum_value, default=EventType.MEETING.value,
        choices=[SelectChoice(t.value, t.label) for t in EventType],
        description=_l("A meeting, an assembly or a workshop, or a cultural event: a fair, a "
                       "festival, an exhibition, a talk or a sports event."),
    )
    organiser = SelectField(
        _l("Organizer"), choices=[],
        description=_l("Publish it in your own name, in the name of an association you "
                       "represent (verified by the council) or, for council members, in the "
                       "council's."),
    )
    kind = SelectField(
        _l("Kind of meeting"), coerce=_enum_value, default=MeetingKind.IN_PERSON.value,
        choices=[SelectChoice(k.value, k.label) for k in MeetingKind],
        description=_l("In person needs a place; online needs a link; hybrid needs both."),
    )
    room_id = SelectField(
        _l("Room in a municipal facility (optional)"), coerce=_room_id, choices=[],
        description=_l("Its facility gives the place and address, and the room's capacity is "
                       "the most places the meeting can have. Online meetings take no room."),
    )
    place = StringField(
        _l("Place"), validators=[Optional(), Length(max=200)],
        description=_l("For example: Casal de barri del Barri Vell, main hall."),
    )
    address = StringField(
        _l("Address"), validators=[Optional(), Length(max=300)],
        render_kw={"autocomplete": "street-address"},
    )
    online_url = StringField(
        _l("Link to join online"),
        validators=[
            Optional(), Length(max=500),
            Regexp(r"^https?://[^\s]+$", message=_l("Give a web address starting with https://.")),
        ],
        description=_l("Shown only to registered people, from shortly before the start."),
        render_kw={"type": "url", "inputmode": "url"},
    )
    starts_at = LocalDateTimeField(
        _l("Starts at"), validators=[InputRequired()],
        description=_l("Local time (Europe/Madrid)."),
    )
    ends_at = LocalDateTimeField(
        _l("Ends at"), validators=[InputRequired()],
        description=_l("Local time (Europe/Madrid)."),
    )
    is_all_day = BooleanField(
        _l("All day"),
        description=_l("It is shown as whole days, without hours: from the start's day to the "
                       "end's (for an exhibition or a festival, for example)."),
    )
    organizer = StringField(
        _l("Organized together with (optional)"), validators=[Optional(), Length(max=200)],
        description=_l("Other associations, services or groups that organize it too."),
    )
    price = StringField(
        _l("Price (optional)"), validators=[Optional(), Length(max=PRICE_LIMIT)],
        description=_l("Leave it empty if it is free. For example: 5 € · free for under-12s."),
    )
    step_free_access = BooleanField(_l("Step-free access"))
    sign_language = BooleanField(_l("Sign language interpretation"))
    childcare = BooleanField(_l("Childcare"))
    accessibility_notes = StringField(
        _l("Other accessibility notes (optional)"), validators=[Optional(), Length(max=500)],
    )
    registrations_enabled = BooleanField(_l("Take registrations"))
    capacity = IntegerField(
        _l("Capacity"), validators=[Optional(), NumberRange(min=0, max=100_000)], default=0,
        description=_l("0 means no limit."), render_kw={"min": 0, "inputmode": "numeric"},
    )
    reserved_places = IntegerField(
        _l("Reserved places"), validators=[Optional(), NumberRange(min=0, max=100_000)],
        default=0, description=_l("Places kept aside (speakers, invited people), not offered."),
        render_kw={"min": 0, "inputmode": "numeric"},
    )
    registration_closes_at = LocalDateTimeField(
        _l("Registration closes at (optional)"), validators=[Optional()],
        description=_l("Local time (Europe/Madrid). Otherwise it closes when the meeting starts."),
    )
    registration_terms = TextAreaField(
        _l("Registration terms (optional)"), validators=[Optional(), Length(max=5_000)],
        description=_l("If you write terms, people must accept them to register."),
        render_kw={"rows": 3},
    )


    def __init__(self, *args, rooms=(), organisers=(), **kwargs):
        """``rooms``: the rooms it may take, with their facilities (grouped by facility);
        ``organisers``: (value, label) of whom it may be published as (``organiser_choices``)."""
        super().__init__(*args, **kwargs)
        self.organiser.choices = [SelectChoice(value, label) for value, label in organisers]
        if not self.organiser.data and organisers:  # a form sent without it: the first
            self.organiser.data = organisers[0][0]
        self.room_id.choices = [SelectChoice("", _l("No room"))] + [
            SelectChoice(room.id, _l("%(room)s (%(n)s people)", room=room.name, n=room.capacity),
                         optgroup=room.facility.name)
            for room in rooms
        ]


def organiser_value(organised_by, association_id=None) -> str:
    """The organiser select's value: ``person``, ``council`` or ``association-<id>``."""
    if organised_by == Organiser.ASSOCIATION:
        return f"association-{association_id}"
    return organised_by.value


def parse_organiser(value) -> dict:
    """The organiser select's value as an operation reads it (``organised_by`` and, for an
    association, ``association_id``); unknown values read as the person."""
    value = value or ""
    if value.startswith("association-") and value[12:].isdigit():
        return {"organised_by": Organiser.ASSOCIATION.value, "association_id": int(value[12:])}
    if value == Organiser.COUNCIL.value:
        return {"organised_by": value, "association_id": None}
    return {"organised_by": Organiser.PERSON.value, "association_id": None}


# the title and description in the town's other languages (``title_es``, ``title_en``, …)
add_translation_fields(MeetingForm, {"title": 200, "description": 20_000})


class RegisterForm(Form):
    accept_terms = BooleanField(_l("I accept the registration terms"))


class CancelForm(Form):
    reason = TextAreaField(
        _l("Why is it cancelled?"), validators=[InputRequired(), Length(max=2_000)],
        description=_l("Everyone registered is e-mailed this reason."), render_kw={"rows": 4},
    )


class CloseForm(Form):
    """The minutes. ``proposals=`` gives the process's proposals to choose from."""

    minutes = TextAreaField(
        _l("Minutes"), validators=[InputRequired(), Length(max=50_000)],
        description=MARKDOWN_HELP, render_kw={"rows": 12},
    )
    attendees_count = IntegerField(
        _l("Number of attendees (optional)"),
        validators=[Optional(), NumberRange(min=0, max=1_000_000)],
        render_kw={"min": 0, "inputmode": "numeric"},
    )
    attending_organizations = TextAreaField(
        _l("Attending organizations (optional)"), validators=[Optional(), Length(max=5_000)],
        description=_l("Associations, services and groups that took part."),
        render_kw={"rows": 3},
    )
    proposal_ids = checkbox_list(_l("Proposals discussed"), choices=[])

    def __init__(self, *args, proposals=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.proposal_ids.choices = [(p.id, p.title) for p in proposals]


class AttendanceForm(Form):
    code = StringField(
        _l("Registration code"), validators=[InputRequired(), Length(max=12)],
        description=_l("The code the person shows at the door."),
        render_kw={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"},
    )

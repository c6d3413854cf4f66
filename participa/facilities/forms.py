"""Facility forms: they only validate. The operations check what spans fields (closes after it
opens, no overlapping hours, one exception a day, a free room name)."""

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
    IntegerField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from participa.core.forms import Form, SlugField
from participa.core.translated import add_translation_fields
from participa.facilities.models import MAX_ROOM_CAPACITY, WEEKDAYS, FacilityKind
from participa.files.forms import FileFieldsMixin


def _optional_id(value):
    """A select's value: an id, or None for the empty choice."""
    return None if value in (None, "", "None") else int(value)


class FacilityForm(FileFieldsMixin, Form):
    """``neighbourhoods=``: the (id, name) choices."""

    name = StringField(_l("Name"), validators=[InputRequired(), Length(max=120)])
    slug = SlugField()
    kind = SelectField(
        _l("Kind of facility"), default=FacilityKind.CIVIC_CENTRE.value,
        choices=[SelectChoice(k.value, k.label) for k in FacilityKind],
        coerce=lambda value: getattr(value, "value", value),
    )
    neighbourhood_id = SelectField(_l("Neighbourhood"), coerce=lambda v: _optional_id(v),
                                   choices=[])
    address = StringField(_l("Address"), validators=[InputRequired(), Length(max=300)],
                          render_kw={"autocomplete": "street-address"})
    accessibility_notes = StringField(
        _l("Accessibility notes (optional)"), validators=[Optional(), Length(max=500)],
        description=_l("For example: step-free entrance, adapted toilet, induction loop."),
    )
    accessibility_notes_es = StringField(_l("Accessibility notes in Spanish"),
                                         validators=[Optional(), Length(max=500)])
    accessibility_notes_en = StringField(_l("Accessibility notes in English"),
                                         validators=[Optional(), Length(max=500)])
    description = TextAreaField(
        _l("Description (optional)"), validators=[Optional(), Length(max=20_000)],
        description=_l("You can use Markdown: **bold**, *italics*, lists and links."),
        render_kw={"rows": 6},
    )

    def __init__(self, *args, neighbourhoods=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.neighbourhood_id.choices = [SelectChoice("", _l("— none —"))] + [
            SelectChoice(id_, name) for id_, name in neighbourhoods]


add_translation_fields(FacilityForm, {"description": 20_000})


class RoomForm(Form):
    name = StringField(_l("Name of the room"), validators=[InputRequired(), Length(max=60)])
    capacity = IntegerField(
        _l("Capacity"), validators=[InputRequired(), NumberRange(min=1, max=MAX_ROOM_CAPACITY)],
        description=_l("How many people the room holds."),
        render_kw={"min": 1, "inputmode": "numeric"},
    )


class HoursForm(Form):
    weekday = SelectField(_l("Day of the week"), coerce=int,
                          choices=[SelectChoice(n, label) for n, label in enumerate(WEEKDAYS)])
    opens = TimeField(_l("Opens at"), validators=[InputRequired()])
    closes = TimeField(_l("Closes at"), validators=[InputRequired()])


class ExceptionForm(Form):
    day = DateField(_l("Day"), validators=[InputRequired()])
    is_closed = BooleanField(_l("Closed all day"), default=True)
    opens = TimeField(_l("Opens at (if not closed)"), validators=[Optional()])
    closes = TimeField(_l("Closes at (if not closed)"), validators=[Optional()])
    note = StringField(_l("Note (optional)"), validators=[Optional(), Length(max=200)],
                       description=_l("For example: Public holiday, Festa major."))
    note_es = StringField(_l("Note in Spanish"), validators=[Optional(), Length(max=200)])
    note_en = StringField(_l("Note in English"), validators=[Optional(), Length(max=200)])

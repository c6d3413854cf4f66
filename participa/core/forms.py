"""Form pieces shared by every feature."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateTimeLocalField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import Length, Optional, Regexp, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from participa.core.i18n import LANGUAGE_NAMES
from participa.core.text import single_line_problem
from participa.core.timeutil import local_to_utc, utc_to_local


class Form(FlaskForm):
    """Every form's base: text must be text. A NUL byte is refused in any field (PostgreSQL
    stores none), and a one-line field (a title, a name, a place: any ``StringField``) refuses
    line breaks and other control characters, which would break e-mail headers and calendars."""

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        for field in self:
            value = field.data
            if not isinstance(value, str) or not value:
                continue
            if "\x00" in value:
                field.errors = [*field.errors, _l("Remove the invisible characters from this "
                                                  "text.")]
                valid = False
            elif (isinstance(field, StringField) and not isinstance(field, TextAreaField)
                  and single_line_problem(value)):
                field.errors = [*field.errors, _l("Write this on one line, without line "
                                                  "breaks or invisible characters.")]
                valid = False
        return valid


def language_field(label=None):
    return SelectField(
        label or _l("Language"),
        choices=[SelectChoice(code, name) for code, name in LANGUAGE_NAMES.items()],
        default="ca",
    )


class OptionalIntSelect(SelectField):
    """A select whose empty choice means None and whose other values are integers."""

    def iter_choices(self):
        """Render the empty choice as ``value=""`` (not "None") and mark the chosen integer as
        selected (SelectField compares ``str(value)`` with the integer data, never equal)."""
        return [
            choice._replace(
                value="" if choice.value is None else choice.value,
                selected=choice.value == self.data,
            )
            for choice in super().iter_choices()
        ]

    def process_data(self, value):
        """The stored value (an id or None), kept as an integer so it shows as chosen."""
        try:
            self.data = None if value in (None, "") else int(value)
        except (TypeError, ValueError):
            self.data = None

    def process_formdata(self, valuelist):
        if valuelist:
            raw = valuelist[0]
            if raw in ("", "None", None):
                self.data = None
                return
            try:
                self.data = int(raw)
            except ValueError:
                self.data = None
                raise ValueError(self.gettext("Not a valid choice."))  # noqa: B904

    def pre_validate(self, form):
        if self.data is None:
            return
        if self.data not in {value for value, _ in self.choices if value is not None}:
            raise ValidationError(_l("Not a valid choice."))

    def _value(self):
        return "" if self.data is None else str(self.data)


class LocalDateTimeField(DateTimeLocalField):
    """A ``datetime-local`` input typed in Europe/Madrid; ``data`` is an aware UTC datetime."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("format", ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"])
        super().__init__(*args, **kwargs)

    def process_formdata(self, valuelist):
        super().process_formdata(valuelist)
        if self.data is not None:
            self.data = local_to_utc(self.data)

    def _value(self):
        if self.raw_data:
            return " ".join(self.raw_data)
        return utc_to_local(self.data).strftime("%Y-%m-%dT%H:%M") if self.data else ""


def checkbox_list(label, **kwargs):
    """Several choices as a list of checkboxes (integers)."""
    return SelectMultipleField(
        label, coerce=int, widget=ListWidget(prefix_label=False), option_widget=CheckboxInput(),
        **kwargs,
    )


SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def SlugField():  # noqa: N802 - reads as a field class where it is used
    """An optional web address name; blank means "make one from the title"."""
    return StringField(
        _l("Web address name (optional)"),
        validators=[
            Optional(),
            Length(max=80),
            Regexp(SLUG_PATTERN, message=_l("Use lowercase letters, digits and hyphens only.")),
        ],
        description=_l("Leave it blank to make one from the title."),
    )

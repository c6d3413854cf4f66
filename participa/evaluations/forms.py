"""Evaluation forms: they only validate. The operations check the period against the plan's
other evaluations and what publishing needs."""

from flask_babel import lazy_gettext as _l
from wtforms import DateField, RadioField, SelectChoice, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from participa.core.forms import Form
from participa.evaluations.models import (
    COMMENT_LIMIT,
    SCALE_MAX,
    SCALE_MIN,
    SCALES,
    TEXT_LIMIT,
    Rating,
)

MARKDOWN_HELP = _l("You can use Markdown: **bold**, *italics*, lists and links.")


class EvaluationForm(Form):
    title = StringField(_l("Title"), validators=[InputRequired(), Length(max=200)],
                        description=_l("For example: Evaluation of 2026."))
    starts_on = DateField(_l("The period starts on"), validators=[InputRequired()])
    ends_on = DateField(_l("The period ends on"), validators=[InputRequired()],
                        description=_l("Indicators are read as they stood on this day."))
    conclusions = TextAreaField(_l("Conclusions"),
                                validators=[Optional(), Length(max=TEXT_LIMIT)],
                                description=MARKDOWN_HELP)

    def validate_ends_on(self, field):
        if field.data and self.starts_on.data and field.data < self.starts_on.data:
            raise ValidationError(_l("The period cannot end before it starts."))


class AssessmentForm(Form):
    rating = RadioField(
        _l("Was the goal achieved?"),
        choices=[SelectChoice(r.value, r.label) for r in Rating],
        validators=[InputRequired(message=_l("Say whether the goal was achieved, partly "
                                             "achieved or not achieved."))],
        coerce=lambda value: value.value if isinstance(value, Rating) else str(value),
    )
    reasons = TextAreaField(_l("Reasons"), validators=[InputRequired(),
                                                       Length(max=TEXT_LIMIT)],
                            description=MARKDOWN_HELP)


SCALE_CHOICES = [SelectChoice(value, str(value)) for value in range(SCALE_MIN, SCALE_MAX + 1)]
SCALE_LABELS = dict(SCALES)
SCALE_HELP = _l("From 1 (I strongly disagree) to 5 (I strongly agree).")


def _scale(label):
    return RadioField(label, choices=SCALE_CHOICES, coerce=int, description=SCALE_HELP,
                      validators=[InputRequired(message=_l("Choose a value from 1 to 5."))])


class QuestionnaireForm(Form):
    improved = _scale(SCALE_LABELS["improved"])
    took_part = _scale(SCALE_LABELS["took_part"])
    informed = _scale(SCALE_LABELS["informed"])
    comment = TextAreaField(
        _l("Comment (optional)"), validators=[Optional(), Length(max=COMMENT_LIMIT)],
        description=_l("The council reads it; once the evaluation is published it is shown "
                       "with the others, without your name."))


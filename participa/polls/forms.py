"""Poll forms: they only validate. The operations check what spans fields and the poll's own
rules (how many options, a ranking naming an option twice, who may vote)."""

import enum

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    IntegerField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from participa.core.forms import Form, OptionalIntSelect, checkbox_list
from participa.polls.counting import ABSTAIN, NO, YES
from participa.polls.models import DESCRIPTION_LIMIT, MAX_OPTIONS, PollKind

ANSWER_LABELS = {YES: _l("Yes"), NO: _l("No"), ABSTAIN: _l("Abstain")}


def _enum_value(value):
    """A select's value from the stored enum (edit forms) or the submitted string."""
    return value.value if isinstance(value, enum.Enum) else value


class PollForm(Form):
    """A poll's fields. ``neighbourhoods=`` gives the neighbourhoods to choose from."""

    title = StringField(
        _l("Question"), validators=[InputRequired(), Length(max=200)],
        description=_l("At most 200 characters: what people answer."),
    )
    description = TextAreaField(
        _l("Description (optional)"), validators=[Optional(), Length(max=DESCRIPTION_LIMIT)],
        description=_l("What is at stake and what the result will be used for. You can use "
                       "Markdown: **bold**, *italics*, lists and links."),
        render_kw={"rows": 8},
    )
    kind = SelectField(
        _l("Kind of poll"), coerce=_enum_value, default=PollKind.YES_NO.value,
        choices=[SelectChoice(k.value, k.label) for k in PollKind],
    )
    options = TextAreaField(
        _l("Options"), validators=[Optional(), Length(max=MAX_OPTIONS * 201)],
        description=_l("For approval and ranked polls: one option per line, in the order "
                       "they are listed."),
        render_kw={"rows": 6},
    )
    max_choices = IntegerField(
        _l("Most options a person may pick"),
        validators=[Optional(), NumberRange(min=1, max=MAX_OPTIONS)],
        description=_l("For approval polls only."),
        render_kw={"min": 1, "inputmode": "numeric"},
    )
    census_required = BooleanField(_l("Only residents verified with the census"))
    neighbourhood_ids = checkbox_list(
        _l("Of these neighbourhoods (none ticked: any neighbourhood)"), choices=[])
    minimum_age = IntegerField(
        _l("Minimum age (optional)"), validators=[Optional(), NumberRange(min=1, max=120)],
        description=_l("Counted from the census birth year: people verify with the census to "
                       "vote."),
        render_kw={"min": 1, "inputmode": "numeric"},
    )

    def __init__(self, *args, neighbourhoods=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.neighbourhood_ids.choices = [(n.id, n.name) for n in neighbourhoods]


class YesNoBallotForm(Form):
    choice = RadioField(
        _l("Your answer"), validators=[InputRequired(message=_l("Choose yes, no or abstain."))],
        choices=[SelectChoice(value, label) for value, label in ANSWER_LABELS.items()],
    )

    def ballot(self):
        return self.choice.data


class ApprovalBallotForm(Form):
    choice = checkbox_list(_l("Your choice"), choices=[])

    def __init__(self, *args, poll, **kwargs):
        super().__init__(*args, **kwargs)
        self.choice.choices = [(o.id, o.title) for o in poll.options]
        self.choice.label.text = _l("Pick up to %(n)s options", n=poll.max_choices)

    def ballot(self):
        return list(self.choice.data or [])


def _rank_label(n):
    return _l("Choice number %(n)s", n=n)


def ranked_ballot_form(poll, *args, **kwargs):
    """A form with one select per place in the ranking (``rank_1`` is the favourite)."""
    places = range(1, len(poll.options) + 1)

    class RankedBallotForm(Form):
        def ballot(self):
            return [self[f"rank_{n}"].data for n in places if self[f"rank_{n}"].data is not None]

    for n in places:
        setattr(RankedBallotForm, f"rank_{n}", OptionalIntSelect(_rank_label(n), choices=[]))
    form = RankedBallotForm(*args, **kwargs)
    choices = [(None, _l("— not ranked —"))] + [(o.id, o.title) for o in poll.options]
    for n in places:
        form[f"rank_{n}"].choices = choices
    return form


def earlier_choice(poll, choice) -> dict:
    """The form's data for a ballot already cast, so the voter sees it and changes it."""
    if poll.kind == PollKind.YES_NO:
        return {"choice": choice}
    if poll.kind == PollKind.APPROVAL:
        return {"choice": list(choice)}
    return {f"rank_{n}": option_id for n, option_id in enumerate(choice, start=1)}


def ballot_form(poll, *args, **kwargs):
    if poll.kind == PollKind.YES_NO:
        return YesNoBallotForm(*args, **kwargs)
    if poll.kind == PollKind.APPROVAL:
        return ApprovalBallotForm(*args, poll=poll, **kwargs)
    return ranked_ballot_form(poll, *args, **kwargs)


class LiveResultsForm(Form):
    live = BooleanField(_l("Show the results while the poll is open"))

"""Forms for budgets. They only validate; the choices that depend on the process (its
neighbourhoods, categories, accepted proposals and meetings) come in from the view."""

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    IntegerField,
    RadioField,
    SelectChoice,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from participa.budgets.models import MAX_AMOUNT, TEXT_LIMIT, BallotKind, CountingRule
from participa.core.enums import LabelledEnum
from participa.core.forms import Form, OptionalIntSelect
from participa.core.money import Euros

MARKDOWN_HELP = _l("You can use Markdown: **bold**, *italics*, lists and links.")
MAX_PAPER_BALLOTS = 1_000_000


def _enum_value(value):
    """A stored enum member (or a posted string) as the choice's value."""
    return value.value if isinstance(value, LabelledEnum) else str(value)


def _enum_radio(label, enum, **kwargs):
    return RadioField(label, choices=[SelectChoice(m.value, m.label) for m in enum],
                      coerce=_enum_value, **kwargs)


class FrozenBudgetForm(Form):
    """What can still change once the rules have frozen: the words, not the rules."""

    title = StringField(_l("Title"), validators=[InputRequired(), Length(max=150)])
    description = TextAreaField(
        _l("Description"), validators=[Optional(), Length(max=TEXT_LIMIT)],
        description=MARKDOWN_HELP,
    )


class BudgetForm(FrozenBudgetForm):
    """A budget and its rules (until the first ballot freezes them)."""

    amount = IntegerField(
        _l("Amount (euros)"), validators=[InputRequired(), NumberRange(min=1, max=MAX_AMOUNT)],
        description=_l("In whole euros, without points or the € sign: for example 300000."),
    )
    neighbourhood_id = OptionalIntSelect(
        _l("Neighbourhood"), choices=[],
        description=_l("The neighbourhood this money is for, or the whole area of the process."),
    )
    ballot_kind = _enum_radio(
        _l("Kind of ballot"), BallotKind, default=BallotKind.KNAPSACK.value,
        description=_l(
            "Projects within the budget: each person chooses projects whose costs add up to "
            "at most the amount, as if spending it themselves. A number of projects: each "
            "person chooses between the fewest and the most projects set below, whatever they "
            "cost."),
    )
    minimum_share = IntegerField(
        _l("Minimum share of the amount (%)"), default=0,
        validators=[Optional(), NumberRange(min=0, max=100)],
        description=_l("Projects within the budget only: a ballot must spend at least this "
                       "percentage of the amount (for example 70). 0 means no minimum."),
    )
    min_choices = IntegerField(
        _l("Fewest projects a ballot chooses"), default=1,
        validators=[Optional(), NumberRange(min=0, max=1000)],
        description=_l("For both kinds of ballot. 0 lets a person send an empty ballot."),
    )
    max_choices = IntegerField(
        _l("Most projects a ballot chooses"),
        validators=[Optional(), NumberRange(min=1, max=1000)],
        description=_l("For both kinds of ballot. Leave it blank for no limit."),
    )
    rule = _enum_radio(
        _l("Counting rule"), CountingRule, default=CountingRule.EQUAL_SHARES.value,
        description=_l(
            "Method of Equal Shares: the amount is shared equally among the voters and each "
            "project is paid for by the people who chose it, so every group gets projects in "
            "proportion to its size. Most votes first: projects are funded in order of votes "
            "while the money lasts, which lets a majority take the whole budget. The results "
            "page shows both side by side; this rule gives the official result."),
    )
    census_required = BooleanField(
        _l("Only residents verified with the census"),
        description=_l("People vote after verifying once that they live here with the census "
                       "(of the budget's neighbourhood, when it has one)."),
    )
    minimum_age = IntegerField(
        _l("Minimum age"), validators=[Optional(), NumberRange(min=1, max=120)],
        description=_l("Age on the voting day, from the census: only verified residents can "
                       "vote when there is a minimum age. Leave it blank for no minimum."),
    )

    def validate_max_choices(self, field):
        if (field.data is not None and self.min_choices.data is not None
                and field.data < self.min_choices.data):
            raise ValidationError(_l("The most projects a ballot may choose cannot be fewer "
                                     "than the fewest."))


class ProposalCheckboxes(SelectMultipleField):
    """Checkboxes of the process's accepted proposals (ids); anything else is refused with a
    message of its own rather than WTForms' generic one."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(label, validators, coerce=int, **kwargs)
        self.type = "SelectMultipleField"  # the form macros draw it as the checkbox list it is

    def pre_validate(self, form):
        allowed = {value for value, _label in self.choices}
        if any(pid not in allowed for pid in self.data or []):
            raise ValidationError(_l("Link only accepted proposals of this process."))


class ProjectForm(Form):
    """A project of a budget. ``amount`` (the budget's, in euros) caps the cost."""

    title = StringField(_l("Title"), validators=[InputRequired(), Length(max=150)])
    description = TextAreaField(
        _l("Description"), validators=[Optional(), Length(max=TEXT_LIMIT)],
        description=MARKDOWN_HELP,
    )
    cost = IntegerField(
        _l("Cost (euros)"), validators=[InputRequired(), NumberRange(min=1, max=MAX_AMOUNT)],
        description=_l("In whole euros, without points or the € sign: for example 45000."),
    )
    category_id = OptionalIntSelect(_l("Category"), choices=[])
    neighbourhood_id = OptionalIntSelect(_l("Neighbourhood"), choices=[])
    proposal_ids = ProposalCheckboxes(
        _l("Accepted proposals it comes from"),
        description=_l("Only the process's accepted proposals can be linked; their pages "
                       "link to the project."),
    )

    def __init__(self, *args, amount=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.amount = amount

    def validate_cost(self, field):
        if self.amount is not None and field.data is not None and field.data > self.amount:
            raise ValidationError(_l("A project cannot cost more than the budget's amount "
                                     "(%(amount)s).", amount=Euros(self.amount)))


class PaperCountForm(Form):
    """The totals of a paper ballot box; one votes field per project is added by
    ``paper_count_form``."""

    place = StringField(
        _l("Voting point"), validators=[InputRequired(), Length(max=150)],
        description=_l("Where these ballots were cast: for example, the civic centre."),
    )
    meeting_id = OptionalIntSelect(
        _l("Meeting (optional)"), choices=[],
        description=_l("The process's meeting where the ballot box was, if any."),
    )
    ballots = IntegerField(
        _l("Number of paper ballots"),
        validators=[InputRequired(), NumberRange(min=1, max=MAX_PAPER_BALLOTS)],
    )

    def vote_fields(self):
        return [field for name, field in self._fields.items() if name.startswith("votes_")]

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        ballots = self.ballots.data
        if ballots is None:
            return valid
        for field in self.vote_fields():
            if field.data is not None and field.data > ballots and not field.errors:
                field.errors = [*field.errors, _l("A project cannot have more votes than "
                                                  "there are ballots.")]
                valid = False
        return valid


def paper_count_form(projects, **kwargs) -> PaperCountForm:
    """A ``PaperCountForm`` with a ``votes_<project id>`` field for each of ``projects``."""

    class ForProjects(PaperCountForm):
        pass

    for project in projects:
        setattr(ForProjects, f"votes_{project.id}", IntegerField(
            project.title, default=0,
            validators=[Optional(), NumberRange(min=0, max=MAX_PAPER_BALLOTS)]))
    return ForProjects(**kwargs)

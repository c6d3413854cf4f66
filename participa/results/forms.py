"""Forms for results. They only validate; the choices that depend on the plan (its processes,
their categories, its goals and results) come in from the view, and the operations check them
again against the plan."""

from flask_babel import lazy_gettext as _l
from wtforms import DateField, IntegerField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from participa.core.forms import Form, OptionalIntSelect, checkbox_list
from participa.results.models import MAX_AMOUNT, TEXT_LIMIT, UPDATE_LIMIT

MARKDOWN_HELP = _l("You can use Markdown: **bold**, *italics*, lists and links.")
EUROS_HELP = _l("In whole euros, without points or the € sign: for example 45000.")


def _progress_field(description):
    return IntegerField(_l("Progress (%)"), validators=[Optional(), NumberRange(min=0, max=100)],
                        description=description)


def _euros_field(label):
    return IntegerField(label, validators=[Optional(), NumberRange(min=0, max=MAX_AMOUNT)],
                        description=EUROS_HELP)


class ResultForm(Form):
    """A result's words, links and dates (its figures change through updates)."""

    title = StringField(_l("Title"), validators=[InputRequired(), Length(max=200)])
    description = TextAreaField(_l("Description"),
                                validators=[Optional(), Length(max=TEXT_LIMIT)],
                                description=MARKDOWN_HELP)
    responsible = StringField(
        _l("Who is responsible"), validators=[Optional(), Length(max=300)],
        description=_l("The people, services or bodies that carry it out."))
    goal_ids = checkbox_list(_l("Goals it serves"), choices=[])
    process_id = OptionalIntSelect(_l("Process"), choices=[])
    category_id = OptionalIntSelect(_l("Category"), choices=[],
                                    description=_l("A category of the result's process."))
    neighbourhood_id = OptionalIntSelect(_l("Neighbourhood"), choices=[])
    parent_id = OptionalIntSelect(
        _l("Part of"), choices=[],
        description=_l("A result made of parts takes its progress and budget from them."))
    starts_on = DateField(_l("Start date"), validators=[Optional()])
    ends_on = DateField(_l("End date"), validators=[Optional()])


class NewResultForm(ResultForm):
    """A new result also says where it starts from."""

    status_id = OptionalIntSelect(_l("Status"), choices=[])
    progress = _progress_field(_l("Leave it blank to take the status's default progress."))
    planned_budget = _euros_field(_l("Planned budget (euros)"))
    executed_budget = _euros_field(_l("Executed budget (euros)"))


class UpdateForm(Form):
    """A change of status, progress or budget, with a short text for the public timeline."""

    status_id = OptionalIntSelect(_l("Status"), choices=[])
    progress = _progress_field(_l("Leave it blank to keep it, or to take the new status's "
                                  "default progress."))
    planned_budget = _euros_field(_l("Planned budget (euros)"))
    executed_budget = _euros_field(_l("Executed budget (euros)"))
    text = TextAreaField(_l("What has happened"),
                         validators=[Optional(), Length(max=UPDATE_LIMIT)],
                         description=_l("A short text for the public timeline."))


class StatusForm(Form):
    name = StringField(_l("Name"), validators=[Optional(), Length(max=120)],
                       description=_l("Leave it blank on a built-in status to keep its name in "
                                      "every language."))
    default_progress = IntegerField(
        _l("Default progress (%)"), validators=[Optional(), NumberRange(min=0, max=100)],
        description=_l("The progress a result takes when it moves to this status. Blank: it "
                       "keeps its own."))
    position = IntegerField(_l("Position"), default=0,
                            validators=[Optional(), NumberRange(min=0, max=1000)])

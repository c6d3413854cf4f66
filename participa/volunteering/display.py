"""How an opportunity reads on a page or in an e-mail (template globals): when it happens and
who organises it, in the reader's language and Europe/Madrid time."""

from flask_babel import gettext as _

from participa.core.i18n import format_clock, format_day
from participa.core.text import capital_first
from participa.core.timeutil import utc_to_local
from participa.volunteering.models import Schedule


def opportunity_when(opportunity) -> str:
    """A one-off: the day and the hours (or both ends in full when it spans days); a recurring
    one: its rule and the period."""
    start, end = opportunity.starts_at, opportunity.ends_at
    if opportunity.schedule == Schedule.RECURRING:
        return _("%(rule)s, from %(start)s to %(end)s", rule=opportunity.recurrence,
                 start=format_day(start, "long"), end=format_day(end, "long"))
    if utc_to_local(start).date() == utc_to_local(end).date():
        return capital_first(_("%(date)s, %(start)s–%(end)s", date=format_day(start, "full"),
                               start=format_clock(start), end=format_clock(end)))

    def full(value):
        return f"{format_day(value, 'full')} {format_clock(value)}"

    return _("From %(start)s to %(end)s", start=full(start), end=full(end))


def organiser_name(opportunity) -> str:
    """The association's name, or the council's."""
    if opportunity.association is not None:
        return opportunity.association.name
    return _("The City Council")

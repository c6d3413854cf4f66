"""Every model, imported once so the metadata (migrations, schema test) is complete."""

from participa.accounts.models import User  # noqa: F401
from participa.associations.models import (  # noqa: F401
    AreaOfWork,
    Association,
    AssociationRepresentative,
)
from participa.budgets.models import (  # noqa: F401
    Budget,
    BudgetBallot,
    BudgetProject,
    BudgetVoter,
    PaperCount,
)
from participa.census.models import CensusEntry, CensusVerification  # noqa: F401
from participa.comments.models import Comment, CommentVersion, CommentVote  # noqa: F401
from participa.core.jobs import Job  # noqa: F401
from participa.core.models import ActionLog  # noqa: F401
from participa.debates.models import Debate  # noqa: F401
from participa.evaluations.models import (  # noqa: F401
    Evaluation,
    EvaluationIndicator,
    EvaluationResult,
    GoalAssessment,
    QuestionnaireAnswer,
)
from participa.facilities.models import (  # noqa: F401
    Facility,
    OpeningException,
    OpeningHours,
    Room,
)
from participa.files.models import Attachment, FileRules  # noqa: F401
from participa.legal.models import LegalVersion, TermsAcceptance  # noqa: F401
from participa.meetings.models import Meeting, Registration  # noqa: F401
from participa.moderation.models import Moderation, Report  # noqa: F401
from participa.neighbourhoods.models import Neighbourhood  # noqa: F401
from participa.plans.models import CommunityPlan, PlanMember  # noqa: F401
from participa.polls.models import Poll, PollBallot, PollOption, PollVoter  # noqa: F401
from participa.processes.models import Category, Phase, Process, ProcessRole  # noqa: F401
from participa.proposals.models import Proposal, Support  # noqa: F401
from participa.results.models import Result, ResultStatus, ResultUpdate  # noqa: F401
from participa.search.models import SearchDocument  # noqa: F401
from participa.town.models import TownSettings  # noqa: F401
from participa.volunteering.models import Opportunity, Signup  # noqa: F401

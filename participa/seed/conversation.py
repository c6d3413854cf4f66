"""The demo town's debates, comment threads and moderation queue."""

from datetime import timedelta

from sqlalchemy import select

from participa.accounts.models import User
from participa.comments import operations as comments
from participa.comments.models import Comment
from participa.debates.models import Debate, DebateStatus
from participa.extensions import db
from participa.meetings.models import Meeting
from participa.moderation import operations as moderation
from participa.moderation import queries as moderation_queries
from participa.processes.models import Process
from participa.proposals.models import Proposal

DEBATES = {
    "places-i-espais-verds-sant-roc": [
        ("Ombra o sol a la plaça del Mercat?",
         "Els veïns demanen més ombra a l'estiu, però a l'hivern la plaça és l'únic racó "
         "assolellat del barri. **Arbres de fulla caduca**, pèrgoles o veles?", None),
        ("Quins usos volem per als horts del Rec?",
         "Horts familiars, escolars o per a entitats? Com repartim les parcel·les?",
         "Després de tres setmanes de debat, la Taula Comunitària proposa repartir les "
         "parcel·les a parts iguals entre famílies, l'escola i les entitats del barri."),
    ],
    "pressupostos-participatius-barri-vell": [
        ("Com prioritzem les propostes de gent gran?",
         "Moltes propostes parlen de bancs, ombra i accessibilitat. Com les prioritzem?", None),
    ],
}

# (author index, alignment, text, replies [(author index, alignment, text)])
CONVERSATION = [
    (2, "in_favour", "Arbres, sense dubte: donen ombra a l'estiu i deixen passar el sol a "
     "l'hivern.", [(3, "against", "Els arbres triguen anys a créixer; una pèrgola és "
                   "immediata."), (4, "in_favour", "Es poden plantar arbres ja grans, com "
                   "a la rambla.")]),
    (5, "against", "Les veles s'espatllen amb el vent de tramuntana. Millor una pèrgola "
     "amb plantes enfiladisses.", []),
    (6, "neutral", "Podríem provar-ho un estiu amb veles i decidir després?",
     [(2, "neutral", "Bona idea: una prova pilot i una enquesta al setembre.")]),
]


def seed_conversation(users, now) -> int:
    """Debates (one closed with its conclusion), threaded comments with alignments and votes
    on debates, proposals and a meeting, and moderation: an item waiting with two reports and
    a comment hidden by three reports whose author has appealed."""
    if db.session.scalar(select(Debate.id).limit(1)) is not None:
        return 0
    created = 0
    neighbours = list(db.session.scalars(
        select(User).where(User.email.like("vei%@riuclar.example")).order_by(User.email)))
    people = [users["council"], users["facilitator"], users["resident"], *neighbours]
    facilitator = users["facilitator"]
    first_debate = None
    for slug, specs in DEBATES.items():
        process = db.session.scalar(select(Process).where(Process.slug == slug))
        if process is None:
            continue
        process.residents_open_debates = slug == "places-i-espais-verds-sant-roc"
        for title, body, conclusion in specs:
            debate = Debate(process=process, author=facilitator, title=title, body=body,
                            status=DebateStatus.OPEN, comments_count=0,
                            created_at=now - timedelta(days=9))
            db.session.add(debate)
            db.session.flush()
            first_debate = first_debate or debate
            created += 1 + _seed_thread(comments, debate, people, now)
            if conclusion:
                debate.status, debate.conclusion = DebateStatus.CLOSED, conclusion
                debate.closed_at, debate.closed_by = now - timedelta(days=1), facilitator

    # proposals and a meeting get a short conversation too
    proposal = db.session.scalar(select(Proposal).where(
        Proposal.process.has(slug="pressupostos-participatius-barri-vell"),
        Proposal.answer_published_at.is_(None)).order_by(Proposal.supports_count.desc()))
    if proposal is not None:
        created += _seed_thread(comments, proposal, people, now)
    meeting = db.session.scalar(select(Meeting).where(
        Meeting.status == "closed").order_by(Meeting.id))
    if meeting is not None:
        created += _seed_thread(comments, meeting, people, now, limit=1)

    # moderation: one comment waits with two reports, another is hidden after three
    if first_debate is not None:
        thread = list(db.session.scalars(select(Comment).where(
            Comment.target_kind == "debates", Comment.target_id == first_debate.id,
            Comment.parent_id.is_(None)).order_by(Comment.id)))
        rude = comments.create_comment(first_debate, {
            "body": "Qui vol pèrgoles no ha vist mai un arbre. Quina colla d'ignorants!",
            "alignment": "against"}, actor=people[7], now=now - timedelta(hours=30))
        for reporter, reason in ((people[8], "offensive"), (people[9], "offensive"),
                                 (people[2], "does_not_belong")):  # people[2]: Marta
            moderation.report_target(rude, reason=reason, details="Insults a veïns.",
                                     actor=reporter, now=now - timedelta(hours=20))
        hidden = moderation_queries.moderation_of(rude)
        moderation.appeal(hidden, "Em vaig escalfar, però no volia insultar ningú. Ho "
                          "reescriuré.", actor=people[7])
        for reporter in (people[11], people[12]):
            moderation.report_target(thread[1], reason="spam", details="", actor=reporter,
                                     now=now - timedelta(hours=5))
        # one report the facilitator read and dismissed: the process's figures have a decision
        dismissed, _, _ = moderation.report_target(
            thread[2], reason="other", details="No sé si és el lloc per dir-ho.",
            actor=people[13], now=now - timedelta(hours=3))
        moderation.ignore_reports(dismissed, actor=facilitator)
        created += 8
    db.session.flush()
    return created


def _seed_thread(comments, target, people, now, limit=None) -> int:
    created = 0
    for i, (author, alignment, text, replies) in enumerate(CONVERSATION[:limit]):
        when = now - timedelta(days=3, hours=-i)
        parent = comments.create_comment(target, {"body": text, "alignment": alignment},
                                         actor=people[author], now=when)
        created += 1
        for j, (reply_author, reply_alignment, reply_text) in enumerate(replies):
            comments.create_comment(target, {"body": reply_text, "alignment": reply_alignment},
                                    actor=people[reply_author], parent=parent,
                                    now=when + timedelta(hours=j + 1))
            created += 1
        for voter in people[3 + i:8 + i]:
            if voter.id != parent.author_id:
                comments.vote_comment(parent, 1 if (voter.id + i) % 4 else -1, actor=voter,
                                      now=when)
    return created

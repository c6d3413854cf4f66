"""The demo town's debates, comment threads and moderation queue.

Every thread belongs to its item: the neighbours talk about that proposal's, debate's or
meeting's own subject, reply to each other and rate each other's comments."""

from datetime import timedelta

from sqlalchemy import select

from participa.accounts.models import User
from participa.associations.models import Association
from participa.comments import operations as comments
from participa.comments.models import Comment
from participa.debates.models import Debate, DebateStatus
from participa.extensions import db
from participa.meetings.models import Meeting, MeetingStatus
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

# Who speaks: the part of their e-mail address before "@riuclar.example" ("marta", "vei03",
# "dinamitzadora"); "marta@avv" is Marta writing on behalf of the association ``BEHALF``
# names (she administers it). The neighbours vei13–vei21 stay out of the threads and their
# ratings: the browser tests sign in as them to report, rate, reply and be blocked.
#
# A thread: [(author, alignment, text, replies, ups, downs)], replies [(author, alignment,
# text)]; ups and downs: how many neighbours rate the comment up and down. Meetings take no
# position (their comments are stored as neutral whatever is written here).
F, N, A = "in_favour", "neutral", "against"
BEHALF = {"avv": "Associació de Veïns del Barri Vell"}
THREADS = {
    ("debates", "Ombra o sol a la plaça del Mercat?"): [
        ("marta", F, "Arbres, sense dubte: donen ombra a l'estiu i deixen passar el sol a "
         "l'hivern.", [("vei01", A, "Els arbres triguen anys a créixer; una pèrgola és "
                        "immediata."),
                       ("vei02", F, "Es poden plantar arbres ja grans, com a la rambla.")], 4, 1),
        ("vei03", A, "Les veles s'espatllen amb el vent de tramuntana. Millor una pèrgola amb "
         "plantes enfiladisses.", [], 3, 2),
        ("vei04", N, "Podríem provar-ho un estiu amb veles i decidir després?",
         [("marta", N, "Bona idea: una prova pilot i una enquesta al setembre.")], 5, 0),
    ],
    ("debates", "Quins usos volem per als horts del Rec?"): [
        ("vei12", F, "A l'escola hi ha ganes de tenir-hi un hort: els dijous a la tarda els "
         "infants hi podrien anar amb les famílies.",
         [("vei07", F, "La colla de l'AFA s'hi apunta. Caldria un armari per guardar-hi les "
           "eines.")], 6, 0),
        ("vei08", N, "Les parcel·les familiars s'haurien de sortejar cada dos anys, perquè no "
         "siguin sempre per a les mateixes famílies.",
         [("dinamitzadora", N, "Ho recollim per a les conclusions; la Taula Comunitària en "
           "parlarà dijous.")], 4, 1),
        ("vei22", A, "Si fem massa parcel·les petites, l'aigua del rec no arribarà a tothom. "
         "Millor menys horts i ben regats.", [], 2, 3),
    ],
    ("debates", "Com prioritzem les propostes de gent gran?"): [
        ("vei06", F, "Primer, les que fan que la gent gran no es quedi tancada a casa: bancs "
         "cada cent metres i lavabos públics oberts.",
         [("marta", F, "I ombra! A la plaça de la Font, a l'agost, no s'hi pot estar."),
          ("vei09", N, "Bancs amb reposabraços, si us plau: sense, molts avis no s'hi poden "
           "aixecar.")], 5, 0),
        ("vei10", N, "Podríem demanar al Consell de la Gent Gran que en triï tres, i que "
         "aquestes passin al davant.",
         [("dinamitzadora", N, "El Consell es reuneix el dia 15: els ho portarem i us en "
           "farem el retorn aquí.")], 3, 1),
        ("vei11", A, "No m'agrada fer llistes per edats: un banc o una rampa ajuden tothom, "
         "també qui va amb cotxet o amb crosses.", [], 4, 2),
    ],
    ("proposals", "Ombra i bancs a la plaça de la Font"): [
        ("vei01", F, "Hi passo cada dia amb la meva mare i no hi ha enlloc on seure. "
         "Totalment a favor.",
         [("marta", F, "Gràcies, Núria! Per això hi demanem bancs amb respatller.")], 6, 0),
        ("vei02", A, "Els arbres aixequen el paviment i la plaça és petita. No seria millor "
         "una pèrgola?",
         [("vei05", F, "Amb escocells grans no passa: a la rambla fa vint anys que hi són i el "
           "terra està bé.")], 2, 3),
        ("jordi", F, "I la font d'aigua, que a l'estiu la mainada no té on beure.", [], 5, 0),
    ],
    ("proposals", "Casal de gent gran obert també els caps de setmana"): [
        ("vei07", F, "La meva veïna té 88 anys i no parla amb ningú de divendres a dilluns. "
         "Això li canviaria la setmana.",
         [("fatima", F, "Jo hi podria fer de voluntària els dissabtes al matí.")], 7, 0),
        ("vei08", N, "Qui obriria i tancaria el casal? Si només depèn del voluntariat, potser "
         "durarà poc.",
         [("dinamitzadora", N, "Ho parlem amb els serveis socials: la idea és que hi hagi una "
           "persona contractada i voluntariat de suport.")], 3, 0),
    ],
    ("proposals", "Voreres amples i sense obstacles al carrer Major"): [
        ("vei07", F, "Amb el caminador de la meva mare hem de baixar a la calçada cada cop que "
         "hi ha una jardinera. Ja tocava.",
         [("marta@avv", F, "Per això ho vam portar a l'assemblea, Carme: l'associació farà "
           "un plànol dels punts més estrets i el durem a la trobada amb els tècnics.")],
         5, 0),
        ("vei08", N, "I la càrrega i descàrrega de les botigues? Si eixamplem, on paren les "
         "furgonetes?",
         [("vei12", N, "Es podrien fer places de càrrega a la plaça de la Font, al matí.")],
         2, 1),
        ("vei24", F, "Els guals rebaixats són el més urgent: amb el cotxet és impossible.", [],
         4, 0),
    ],
    ("proposals", "Horts urbans al solar del carrer Nou"): [
        ("vei09", F, "L'escola ja té un hort petit al pati i se li ha quedat curt.", [], 4, 0),
        ("marta@avv", F, "L'assemblea de l'associació hi dona suport: ens oferim a portar la "
         "llista d'espera de les parcel·les i a fer-ne el sorteig cada dos anys.", [], 5, 0),
        ("vei10", A, "Aquest solar també serviria per aparcar bicicletes. Hi ha lloc per a les "
         "dues coses?",
         [("vei03", N, "El solar fa uns 900 m²: hi caben els horts i, tocant al carrer, un "
           "aparcament.")], 2, 2),
    ],
    ("proposals", "Il·luminació del passatge del Rec"): [
        ("fatima", F, "Quan plego del torn de nit faig la volta per no passar-hi. Hi cal llum "
         "ja.",
         [("vei12", F, "Jo també. I que siguin fanals baixos, que no enlluernin els pisos.")],
         8, 0),
        ("vei06", N, "Millor llums LED amb sensor de presència: no cal que estiguin enceses "
         "tota la nit.", [], 3, 1),
    ],
    ("proposals", "Biblioteca de carrer a la plaça Major"): [
        ("vei11", F, "Tinc dues caixes de contes que els meus fills ja no llegeixen. Compteu-hi!",
         [("marta@avv", F, "Genial, Mireia! Des de l'associació en farem difusió i el casal de "
           "joves s'ha ofert a pintar la caseta.")],
         4, 0),
        ("vei22", N, "Estaria bé que hi hagués llibres en altres llengües: al barri hi vivim "
         "famílies de molts llocs.", [], 5, 0),
    ],
    ("proposals", "Cicle de cinema a la fresca"): [
        ("vei23", F, "Amb subtítols, si us plau, que la meva parella és sorda.", [], 6, 0),
        ("vei24", N, "Al juliol el pati de l'escola és ple de casals d'estiu. No es podria fer "
         "a la plaça?", [], 2, 1),
    ],
    ("proposals", "Horts comunitaris al solar del carrer Nou"): [
        ("vei04", F, "Amb el punt de compostatge, les restes de la fruiteria no aniran a la "
         "brossa.",
         [("marta", F, "Exacte, Ahmed. Ja n'hem parlat amb la fruiteria del carrer Nou i "
           "s'hi apunten.")], 5, 0),
        ("vei02", N, "Qui regarà a l'agost, quan tothom és fora?",
         [("vei09", N, "L'escola tanca, però l'esplai hi és tot l'estiu i se n'ha ofert.")],
         3, 0),
    ],
    ("proposals", "Zona de jocs inclusiva a la plaça Major"): [
        ("fatima", F, "El meu fill va amb cadira de rodes i ara només pot mirar com juguen els "
         "altres.", [("vei10", F, "I bancs a l'ombra per a qui els acompanya.")], 9, 0),
    ],
    ("proposals", "Escola d'estiu de l'Associació Veïnal de Les Basses"): [
        ("vei08", F, "L'any passat una vintena d'infants es van quedar sense plaça. Ben "
         "necessària.",
         [("marta", N, "Enguany volem arribar a seixanta places, amb dos monitors de lleure "
           "més.")], 4, 0),
        ("vei12", N, "Les famílies amb menys recursos hauran de pagar la quota?",
         [("marta", N, "No: hi haurà beques, que decidirem amb els serveis socials.")], 3, 0),
    ],
    ("proposals", "Acompanyament a persones soles"): [
        ("vei07", F, "A la Florida ho vam fer i funciona: una visita cada setmana canvia la "
         "vida de moltes persones.", [], 6, 0),
    ],
    ("meetings", "Passejada exploratòria pel Barri Vell"): [
        ("vei01", N, "Gràcies per la passejada! Es va veure clar que el passatge del Rec "
         "necessita llum.",
         [("dinamitzadora", N, "Gràcies a vosaltres! A l'acta hi ha el recorregut i els punts "
           "que vam marcar.")], 4, 0),
        ("marta", N, "Quan publicareu el mapa amb els racons foscos que vam anotar?", [], 3, 0),
    ],
    ("meetings", "Taller de disseny dels horts del Rec"): [
        ("vei12", N, "Vam sortir del taller amb tres propostes de distribució. Les penjareu al "
         "debat?",
         [("dinamitzadora", N, "Sí, aquesta setmana les afegim al debat dels horts.")], 3, 0),
    ],
    ("meetings", "Sessió informativa en línia sobre els pressupostos"): [
        ("vei03", N, "Es podrà veure la gravació després? Aquell vespre treballo.",
         [("dinamitzadora", N, "Sí: l'endemà la penjarem a la pàgina del procés, amb els "
           "subtítols.")], 3, 0),
    ],
    ("meetings", "Assemblea de barri: presentació de propostes"): [
        ("vei09", N, "Hi haurà servei de canguratge? Amb dos petits em costa molt venir.",
         [("dinamitzadora", N, "Sí: l'esplai farà activitats per als infants a la sala del "
           "costat.")], 4, 0),
        ("jordi", N, "Es podrà presentar una proposta que encara no hàgim penjat al web?",
         [("dinamitzadora", N, "I tant: porteu-la escrita i us ajudarem a penjar-la allà "
           "mateix.")], 2, 0),
    ],
}
# who rates comments (never their own): the neighbours the browser tests leave alone
RATERS = [f"vei{n:02d}" for n in (*range(1, 13), 22, 23, 24)]


def seed_conversation(users, now) -> int:
    """Debates (one closed with its conclusion), a thread of its own on each debate, on the
    main proposals and on some meetings (with replies, alignments and ratings), and
    moderation: an item waiting with two reports and a comment hidden by three reports whose
    author has appealed."""
    if db.session.scalar(select(Debate.id).limit(1)) is not None:
        return 0
    created = 0
    people = {user.email.split("@")[0]: user for user in db.session.scalars(
        select(User).where(User.email.like("%@riuclar.example")))}
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
            created += 1 + _seed_thread(debate, THREADS[("debates", title)], people,
                                        debate.created_at + timedelta(days=1))
            if conclusion:
                debate.status, debate.conclusion = DebateStatus.CLOSED, conclusion
                debate.closed_at, debate.closed_by = now - timedelta(days=1), facilitator

    for (kind, title), thread in THREADS.items():
        if kind == "proposals":
            for proposal in db.session.scalars(select(Proposal).where(Proposal.title == title)):
                created += _seed_thread(proposal, thread, people,
                                        proposal.created_at + timedelta(days=1))
        elif kind == "meetings":
            for meeting in db.session.scalars(select(Meeting).where(Meeting.title == title)):
                held = meeting.status == MeetingStatus.CLOSED
                start = meeting.ends_at + timedelta(hours=6) if held else now - timedelta(days=3)
                created += _seed_thread(meeting, thread, people, start)

    # moderation: one comment waits with two reports, another is hidden after three
    if first_debate is not None:
        thread = list(db.session.scalars(select(Comment).where(
            Comment.target_kind == "debates", Comment.target_id == first_debate.id,
            Comment.parent_id.is_(None)).order_by(Comment.id)))
        rude = comments.create_comment(first_debate, {
            "body": "Qui vol pèrgoles no ha vist mai un arbre. Quina colla d'ignorants!",
            "alignment": "against"}, actor=people["vei05"], now=now - timedelta(hours=30))
        for reporter, reason in ((people["vei06"], "offensive"), (people["vei07"], "offensive"),
                                 (people["marta"], "does_not_belong")):
            moderation.report_target(rude, reason=reason, details="Insults a veïns.",
                                     actor=reporter, now=now - timedelta(hours=20))
        hidden = moderation_queries.moderation_of(rude)
        moderation.appeal(hidden, "Em vaig escalfar, però no volia insultar ningú. Ho "
                          "reescriuré.", actor=people["vei05"])
        for reporter in (people["vei09"], people["vei10"]):
            moderation.report_target(thread[1], reason="spam", details="", actor=reporter,
                                     now=now - timedelta(hours=5))
        # one report the facilitator read and dismissed: the process's figures have a decision
        dismissed, _, _ = moderation.report_target(
            thread[2], reason="other", details="No sé si és el lloc per dir-ho.",
            actor=people["vei11"], now=now - timedelta(hours=3))
        moderation.ignore_reports(dismissed, actor=facilitator)
        created += 8
    db.session.flush()
    return created


def _speaker(key, people) -> tuple:
    """(the person, the association id they write on behalf of, or None) for a key of
    ``THREADS`` ("marta", or "marta@avv")."""
    person, _, behalf = key.partition("@")
    association_id = None
    if behalf:
        association_id = db.session.scalar(select(Association.id).where(
            Association.name == BEHALF[behalf]))
    return people[person], association_id


def _seed_thread(target, thread, people, start) -> int:
    """``thread`` on ``target``: its comments a few hours apart from ``start``, each reply an
    hour after the one before, and the ratings of neighbours other than the author."""
    created = 0
    for i, (author, alignment, text, replies, ups, downs) in enumerate(thread):
        when = start + timedelta(hours=5 * i)
        person, association_id = _speaker(author, people)
        parent = comments.create_comment(target, {"body": text, "alignment": alignment,
                                                  "association_id": association_id},
                                         actor=person, now=when)
        created += 1
        author = person.email.split("@")[0]  # never rated by the person behind it
        for j, (reply_author, reply_alignment, reply_text) in enumerate(replies, start=1):
            replier, association_id = _speaker(reply_author, people)
            comments.create_comment(target, {"body": reply_text, "alignment": reply_alignment,
                                             "association_id": association_id},
                                    actor=replier, parent=parent,
                                    now=when + timedelta(hours=j))
            created += 1
        raters = [key for key in RATERS[i * 3:] + RATERS[:i * 3] if key != author]
        for n, key in enumerate(raters[:ups + downs]):
            comments.vote_comment(parent, 1 if n < ups else -1, actor=people[key],
                                  now=when + timedelta(hours=len(replies) + 1))
            created += 1
    return created

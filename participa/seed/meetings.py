"""The demo town's meetings: upcoming, full, online, held, cancelled and draft."""

from datetime import timedelta

from flask import current_app
from sqlalchemy import select

from participa.accounts.models import User
from participa.core.jobs import Job, JobStatus
from participa.extensions import db
from participa.meetings import operations as meetings
from participa.meetings.models import Meeting
from participa.meetings.notifications import send_registration
from participa.processes.models import Process
from participa.proposals.models import Proposal

# process slug → meetings: (title, kind, days from now, hours long, capacity, neighbours
# registered, extra); extra may say "closed" (with minutes), "cancelled" (with a reason) or
# "draft"
MEETINGS = {
    "pressupostos-participatius-barri-vell": [
        ("Assemblea de barri: presentació de propostes", "in_person", 6, 2, 40, 8, None),
        ("Taller d'ombres i arbrat per a la plaça de la Font", "hybrid", 12, 2, 3, 4, None),
        ("Sessió informativa en línia sobre els pressupostos", "online", 3, 1, 0, 4, None),
        ("Passejada exploratòria pel Barri Vell", "in_person", -15, 2, 30, 9, "closed"),
        ("Trobada de joves al casal", "in_person", 9, 2, 25, 1, "cancelled"),
    ],
    "places-i-espais-verds-sant-roc": [
        ("Debat obert a la plaça del Mercat", "in_person", 5, 2, 0, 6, None),
        ("Taller de disseny dels horts del Rec", "in_person", -6, 3, 20, 7, "closed"),
        ("Visita tècnica a la plaça (preparació)", "in_person", 20, 1, 10, 0, "draft"),
    ],
}
# the demo residents' places: registered for some meetings, on the waiting list of the full
# one (they sign up after its neighbours), and not registered for the others
DEMO_PLACES = {
    "Assemblea de barri: presentació de propostes": ["marta", "jordi"],
    "Taller d'ombres i arbrat per a la plaça de la Font": ["marta"],
    "Sessió informativa en línia sobre els pressupostos": ["jordi"],
    "Passejada exploratòria pel Barri Vell": ["marta", "fatima"],
    "Trobada de joves al casal": ["marta"],
    "Debat obert a la plaça del Mercat": ["fatima"],
    "Taller de disseny dels horts del Rec": ["jordi", "fatima"],
}
# a room address as long as the ones videoconference services hand out (it must wrap on a phone)
ONLINE_URL = ("https://meet.example.org/riuclar/taula-comunitaria-del-barri-vell-sessio-oberta"
              "?config.prejoinPageEnabled=true&lang=ca")
# where: (place, address, step-free access, accessibility notes); an online meeting has no
# venue, so neither an address nor step-free access (its notes are about the call)
VENUES = {
    "Assemblea de barri: presentació de propostes": (
        "Casal de Barri Vell", "Carrer de la Font, 12", True,
        "Entrada sense graons pel carrer de la Font i lavabo adaptat."),
    "Taller d'ombres i arbrat per a la plaça de la Font": (
        "Escola Sant Jordi, sala d'actes", "Carrer Nou, 8", True,
        "Rampa a l'entrada del pati; bucle magnètic a la sala."),
    "Sessió informativa en línia sobre els pressupostos": (
        "", "", False, "Amb subtítols en directe en català."),
    "Passejada exploratòria pel Barri Vell": (
        "Sortida de la plaça de la Font", "Plaça de la Font", False,
        "El recorregut té trams amb escales; hi haurà un itinerari alternatiu."),
    "Trobada de joves al casal": (
        "Casal de Barri Vell", "Carrer de la Font, 12", True, ""),
    "Debat obert a la plaça del Mercat": (
        "Plaça del Mercat", "Davant del mercat municipal de Sant Roc", True,
        "A l'aire lliure, amb cadires per a qui ho necessiti."),
    "Taller de disseny dels horts del Rec": (
        "Centre Cívic del Nord", "Plaça del Mercat, 3", True, "Ascensor fins a la sala 2."),
    "Visita tècnica a la plaça (preparació)": (
        "Plaça del Mercat", "Davant del mercat municipal de Sant Roc", True, ""),
}


def seed_meetings(users, now) -> int:
    """Upcoming meetings with registration open (one full, with a waiting list), past ones with
    their registrations, attendance and minutes, a cancelled one and a draft — for the
    processes that have none."""
    created = 0
    refused_mail = None
    facilitator = users["facilitator"]
    neighbours = list(db.session.scalars(
        select(User).where(User.email.like("vei%@riuclar.example")).order_by(User.email)))
    residents = {user.email.split("@")[0]: user for user in db.session.scalars(
        select(User).where(User.email.in_([f"{key}@riuclar.example"
                                            for key in ("marta", "jordi", "fatima")])))}
    for slug, specs in MEETINGS.items():
        process = db.session.scalar(select(Process).where(Process.slug == slug))
        if process is None or db.session.scalar(
            select(Meeting.id).where(Meeting.process_id == process.id).limit(1)
        ):
            continue
        for title, kind, days, hours, capacity, registrations, extra in specs:
            place, address, step_free, notes = VENUES[title]
            starts_at = (now + timedelta(days=days)).replace(hour=16)
            meeting = meetings.create_meeting(process, {
                "title": title, "kind": kind, "place": place, "address": address,
                "online_url": ONLINE_URL if kind != "in_person" else "",
                "description": f"{title}. Obert a tot el veïnat; porteu idees i ganes de "
                               "parlar-ne.\n\n**Ordre del dia**\n\n1. Benvinguda\n"
                               "2. Presentació\n3. Torn obert de paraules",
                "starts_at": starts_at, "ends_at": starts_at + timedelta(hours=hours),
                "organizer": "Taula Comunitària i Servei de Dinamització",
                "step_free_access": step_free, "sign_language": kind == "in_person",
                "childcare": days % 2 == 0, "accessibility_notes": notes,
                "registrations_enabled": True, "capacity": capacity,
                "registration_terms": "",
            }, actor=facilitator)
            meeting.created_at = min(starts_at, now) - timedelta(days=10)  # announced early
            created += 1
            if extra == "draft":
                continue
            meetings.publish_meeting(meeting, actor=facilitator)
            # people signed up in the days before it (a past meeting took registrations too)
            signed_up = min(starts_at, now) - timedelta(days=3)
            queue = neighbours[:registrations] + [
                residents[key] for key in DEMO_PLACES.get(title, ()) if key in residents]
            for n, person in enumerate(queue):
                registration = meetings.register(meeting, actor=person,
                                                 now=signed_up + timedelta(hours=n))
                if days < 0 and n % 4 != 3:  # most of them came
                    registration.attended_at = starts_at + timedelta(minutes=5 + n)
                if days > 0 and person in neighbours:
                    refused_mail = registration  # a neighbour's, not a demo account's
                created += 1
            if extra == "closed":
                meetings.close_meeting(meeting, {
                    "minutes": "Hi van participar veïnes, entitats i l'equip tècnic.\n\n"
                               "## Acords\n\n- Prioritzar l'ombra a les places.\n"
                               "- Fer un seguiment trimestral amb la Taula Comunitària.",
                    "attendees_count": 23,
                    "attending_organizations": "AV Barri Vell, Casal de Joves, Escola Sant Jordi",
                    "proposals": list(db.session.scalars(
                        select(Proposal).where(Proposal.process_id == process.id)
                        .order_by(Proposal.id).limit(2))),
                }, actor=facilitator)
                meeting.closed_at = meeting.ends_at + timedelta(days=1)
            elif extra == "cancelled":
                meetings.cancel_meeting(meeting, "La sala no està disponible; la tornarem a "
                                        "convocar ben aviat.", actor=facilitator)
    if refused_mail is not None:
        _mail_the_server_refused(refused_mail, now)
        created += 1
    db.session.flush()
    return created


def _mail_the_server_refused(registration, now) -> None:
    """One e-mail that the worker could not send, however often it tried (the person's mail
    server refused it): the council finds it under Administration → Outgoing e-mail, and can
    send it again."""
    send_registration(registration)
    [job] = [item for item in db.session.new if isinstance(item, Job)]
    job.status, job.finished_at = JobStatus.FAILED, now
    job.attempts = len(current_app.config["JOB_RETRY_DELAYS"]) + 1
    job.last_error = (f"SMTPRecipientsRefused: {{'{registration.user.email}': "
                      "(550, b'5.1.1 Mailbox unavailable')}")

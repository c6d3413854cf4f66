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

# process slug → meetings: (title, kind, days from now, hours long, capacity, registrations,
# extra); extra may say "closed" (with minutes), "cancelled" (with a reason) or "draft"
MEETINGS = {
    "pressupostos-participatius-barri-vell": [
        ("Assemblea de barri: presentació de propostes", "in_person", 6, 2, 40, 9, None),
        ("Taller d'ombres i arbrat per a la plaça de la Font", "hybrid", 12, 2, 3, 5, None),
        ("Sessió informativa en línia sobre els pressupostos", "online", 3, 1, 0, 4, None),
        ("Passejada exploratòria pel Barri Vell", "in_person", -15, 2, 30, 0, "closed"),
        ("Trobada de joves al casal", "in_person", 9, 2, 25, 2, "cancelled"),
    ],
    "places-i-espais-verds-sant-roc": [
        ("Debat obert a la plaça del Mercat", "in_person", 5, 2, 0, 6, None),
        ("Taller de disseny dels horts del Rec", "in_person", -6, 3, 20, 0, "closed"),
        ("Visita tècnica a la plaça (preparació)", "in_person", 20, 1, 10, 0, "draft"),
    ],
}
# a room address as long as the ones videoconference services hand out (it must wrap on a phone)
ONLINE_URL = ("https://meet.example.org/riuclar/taula-comunitaria-del-barri-vell-sessio-oberta"
              "?config.prejoinPageEnabled=true&lang=ca")
MEETING_PLACES = {
    "in_person": ("Casal de Barri Vell", "Carrer de la Font, 12"),
    "hybrid": ("Centre Cívic del Nord", "Plaça del Mercat, 3"),
    "online": ("", ""),
}


def seed_meetings(users, now) -> int:
    """Upcoming meetings with registration open (one full, with a waiting list), past ones with
    minutes, a cancelled one and a draft — for the processes that have none."""
    created = 0
    refused_mail = None
    facilitator = users["facilitator"]
    people = [users["resident"]] + list(db.session.scalars(
        select(User).where(User.email.like("vei%@riuclar.example")).order_by(User.email)))
    for slug, specs in MEETINGS.items():
        process = db.session.scalar(select(Process).where(Process.slug == slug))
        if process is None or db.session.scalar(
            select(Meeting.id).where(Meeting.process_id == process.id).limit(1)
        ):
            continue
        for title, kind, days, hours, capacity, registrations, extra in specs:
            place, address = MEETING_PLACES[kind]
            starts_at = (now + timedelta(days=days)).replace(hour=16)
            meeting = meetings.create_meeting(process, {
                "title": title, "kind": kind, "place": place, "address": address,
                "online_url": ONLINE_URL if kind != "in_person" else "",
                "description": f"{title}. Obert a tot el veïnat; porteu idees i ganes de "
                               "parlar-ne.\n\n**Ordre del dia**\n\n1. Benvinguda\n"
                               "2. Presentació\n3. Torn obert de paraules",
                "starts_at": starts_at, "ends_at": starts_at + timedelta(hours=hours),
                "organizer": "Taula Comunitària i Servei de Dinamització",
                "step_free_access": True, "sign_language": kind == "in_person",
                "childcare": days % 2 == 0,
                "accessibility_notes": "Espai accessible amb cadira de rodes.",
                "registrations_enabled": True, "capacity": capacity,
                "registration_terms": "",
            }, actor=facilitator)
            created += 1
            if extra == "draft":
                continue
            meetings.publish_meeting(meeting, actor=facilitator)
            if days > 0:
                queue = people[:registrations]
                if capacity and registrations > capacity:
                    # the full one: Marta signs up last, so she is on its waiting list
                    queue = people[1:registrations] + people[:1]
                for person in queue:
                    registration = meetings.register(meeting, actor=person)
                    refused_mail = registration  # the last: a neighbour, not a demo account
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

"""The demo town's community agenda, through the meetings' operations (so every rule holds and
the ActionLog tells the story):

- the Festa Major del Nord in the "festa-major-compartida" process, organised by its
  commission (a representative acts for it): the opening speech, a correfoc, a concert past
  midnight, sardanes, a popular race with registration, and the whole festa as four all-day
  days;
- the associations' fair (fira d'entitats), organised by the council;
- a two-week exhibition of the Barri Vell's neighbours' association;
- a bicycle-repair workshop in a facility's room, priced, with places;
- a talk next month;
and the demo's earlier meetings get their types (assemblies, workshops).

``seed_agenda(users, now)`` is idempotent: it adds only the events missing by title, and does
nothing when the processes or the associations are not there."""

from datetime import datetime, time, timedelta

import sqlalchemy as sa

from participa.associations.models import (
    Association,
    AssociationRepresentative,
    RepresentativeStatus,
)
from participa.core.errors import DomainError
from participa.core.timeutil import local_date, local_to_utc
from participa.extensions import db
from participa.facilities.models import Facility, Room
from participa.meetings import operations
from participa.meetings.models import EventType, Meeting
from participa.processes.models import Process

FESTA = "Comissió de Festes de la Festa Major del Nord"
AVV = "Associació de Veïns del Barri Vell"
PLACA = ("Plaça del Mercat", "Plaça del Mercat, Sant Roc")

# title: (process, organiser ("festa", "avv", "council" or "facilitator"), type, days from now
# and local start, hours long, all day, price, place/address or (facility slug, room), places
# (0: no registration), description)
EVENTS = {
    "Festa Major del Nord: quatre dies de festa": (
        "festa-major-compartida", "festa", EventType.FESTIVAL, (12, "00:00"), 24 * 3, True, "",
        PLACA, 0, "Quatre dies de festa compartida entre Sant Roc i Can Puig. Tot el programa, "
                  "acte per acte, és a l'agenda."),
    "Pregó i inauguració de la Festa Major": (
        "festa-major-compartida", "festa", EventType.FESTIVAL, (12, "19:00"), 1.5, False, "",
        PLACA, 0, "Obrim la festa amb el pregó de les entitats del barri i la cercavila dels "
                  "gegants."),
    "Correfoc de la Colla de Diables del Nord": (
        "festa-major-compartida", "festa", EventType.FESTIVAL, (12, "22:00"), 1.5, False, "",
        ("Carrers de Sant Roc (sortida de la plaça del Mercat)", "Plaça del Mercat, Sant Roc"),
        0, "Porteu roba de cotó, barret i mocador. Recorregut: plaça del Mercat, carrer Nou i "
           "rambla del Rec."),
    "Concert de Festa Major amb l'Orquestra Riuclar": (
        "festa-major-compartida", "festa", EventType.FESTIVAL, (13, "22:30"), 3.5, False,
        "8 € · gratuït per a menors de 12 anys", PLACA, 0,
        "Ball i concert fins a la matinada. Barra de la comissió; els beneficis van a la "
        "festa."),
    "Ballada de sardanes amb la Cobla del Rec": (
        "festa-major-compartida", "festa", EventType.FESTIVAL, (14, "12:00"), 2, False, "",
        PLACA, 0, "Sardanes a la plaça per a tothom: si no en sabeu, us n'ensenyem."),
    "Cursa popular de la Festa Major": (
        "festa-major-compartida", "festa", EventType.SPORT, (15, "09:30"), 2.5, False,
        "5 € (inscripció amb samarreta) · infants gratuït", PLACA, 200,
        "Cinc quilòmetres pels dos barris, amb una cursa curta per als infants."),
    "Fira d'entitats del Nord": (
        "places-i-espais-verds-sant-roc", "council", EventType.FAIR, (20, "10:00"), 9, False,
        "", PLACA, 0, "Les entitats de Sant Roc i Can Puig ens expliquen què fan: parades, "
                      "tallers i música a la plaça."),
    "Exposició «Riuclar, 50 anys de moviment veïnal»": (
        "pressupostos-participatius-barri-vell", "avv", EventType.EXHIBITION, (3, "00:00"),
        24 * 13, True, "", ("Biblioteca Les Basses, vestíbul", "Biblioteca Les Basses"), 0,
        "Fotografies, cartells i actes de les assemblees de barri des de 1976. Oberta en "
        "l'horari de la biblioteca."),
    "Taller de reparació de bicicletes": (
        "pressupostos-participatius-barri-vell", "facilitator", EventType.WORKSHOP,
        (8, "17:30"), 2, False, "3 € (material inclòs)", ("casal-de-barri-vell", "Sala petita"),
        12, "Aprenem a canviar una cambra, ajustar els frens i greixar la cadena."),
    "Xerrada: la memòria dels horts del Rec": (
        "places-i-espais-verds-sant-roc", "facilitator", EventType.TALK, (38, "18:30"), 1.5,
        False, "", ("Centre Cívic del Nord, sala d'actes", "Plaça del Mercat, 3"), 0,
        "Els primers hortolans del Rec expliquen com van començar els horts comunitaris."),
}
# the demo's earlier meetings, by type
TYPES = {
    "Assemblea de barri: presentació de propostes": EventType.ASSEMBLY,
    "Taller d'ombres i arbrat per a la plaça de la Font": EventType.WORKSHOP,
    "Taller de disseny dels horts del Rec": EventType.WORKSHOP,
    "Debat obert a la plaça del Mercat": EventType.ASSEMBLY,
}


def _acting_for(name):
    """The association and a person who acts for it (an accepted representative)."""
    association = db.session.scalar(sa.select(Association).where(Association.name == name))
    if association is None or not association.is_verified:
        return None, None
    link = db.session.scalar(
        sa.select(AssociationRepresentative).where(
            AssociationRepresentative.association_id == association.id,
            AssociationRepresentative.status == RepresentativeStatus.ACCEPTED)
        .order_by(AssociationRepresentative.id).limit(1))
    return association, (link.user if link is not None else None)


def _room(place):
    slug, room_name = place
    return db.session.scalar(sa.select(Room).join(Room.facility).where(
        Facility.slug == slug, Room.name == room_name))


def seed_agenda(users, now) -> int:
    created = 0
    for title, event_type in TYPES.items():
        for meeting in db.session.scalars(sa.select(Meeting).where(Meeting.title == title)):
            if meeting.event_type == EventType.MEETING:
                meeting.event_type = event_type
    processes = {p.slug: p for p in db.session.scalars(sa.select(Process))}
    organisers = {"festa": _acting_for(FESTA), "avv": _acting_for(AVV),
                  "council": (None, users.get("council")),
                  "facilitator": (None, users.get("facilitator"))}
    existing = set(db.session.scalars(sa.select(Meeting.title).where(
        Meeting.title.in_(list(EVENTS)))))
    for title, (slug, who, event_type, (days, clock), hours, all_day, price, place, places,
                description) in EVENTS.items():
        association, actor = organisers[who]
        process = processes.get(slug)
        if title in existing or actor is None or process is None:
            continue
        day = local_date(now + timedelta(days=days))
        start = local_to_utc(datetime.combine(day, time.fromisoformat(clock)))
        data = {"title": title, "description": description, "kind": "in_person",
                "event_type": event_type.value, "starts_at": start,
                "ends_at": start + timedelta(hours=hours), "is_all_day": all_day,
                "price": price, "registrations_enabled": bool(places), "capacity": places,
                "reserved_places": 0, "step_free_access": True, "organizer": "",
                "organised_by": ("association" if association is not None
                                 else "council" if who == "council" else "person"),
                "association_id": association.id if association is not None else None}
        room = _room(place) if "-" in place[0] else None
        if room is not None:
            data["room_id"] = room.id
        else:
            data["place"], data["address"] = place
        for _attempt in range(7):  # a room already taken then: the next day at the same hour
            try:
                with db.session.begin_nested():
                    meeting = operations.create_meeting(process, data, actor=actor)
                    operations.publish_meeting(meeting, actor=actor)
                break
            except DomainError:
                data["starts_at"] += timedelta(days=1)
                data["ends_at"] += timedelta(days=1)
        else:
            continue
        created += 1
    db.session.flush()
    return created

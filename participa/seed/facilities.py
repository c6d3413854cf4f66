"""The demo town's facilities: a civic centre, a neighbourhood casal, the library, a school
open to the neighbourhood after hours and a sports hall, with their rooms, weekly hours, the
next public holiday (closed) and a day of special hours this week; and several demo meetings
placed in their rooms (capacity within the room's, never two at once in one room)."""

from datetime import date, time, timedelta

from sqlalchemy import select

from participa.core.timeutil import local_date
from participa.extensions import db
from participa.facilities import operations as facilities
from participa.facilities.models import Facility, FacilityKind, Room
from participa.meetings import operations as meetings
from participa.meetings.models import Meeting, MeetingStatus
from participa.neighbourhoods.models import Neighbourhood

WEEKDAYS, SATURDAY, SUNDAY = range(5), 5, 6

# slug: (name, kind, neighbourhood, address, rooms [(name, capacity)], hours
# [(weekdays, opens, closes)], accessibility notes {ca, es, en}, description {ca, es, en})
FACILITIES = {
    "centre-civic-del-nord": (
        "Centre Cívic del Nord", FacilityKind.CIVIC_CENTRE, "sant-roc", "Plaça del Mercat, 3",
        [("Sala d'actes", 80), ("Sala 1", 30), ("Sala 2", 24)],
        [(WEEKDAYS, "09:00", "14:00"), (WEEKDAYS, "16:00", "21:00"), ((SATURDAY,), "10:00",
                                                                        "14:00")],
        {"ca": "Entrada sense graons, ascensor a totes les plantes i bucle magnètic a la sala "
               "d'actes.",
         "es": "Entrada sin escalones, ascensor a todas las plantas y bucle magnético en la "
               "sala de actos.",
         "en": "Step-free entrance, a lift to every floor and an induction loop in the main "
               "hall."},
        {"ca": "L'equipament de referència de Sant Roc i Can Puig: tallers, entitats i la seu "
               "de la Taula Comunitària del Nord.",
         "es": "El equipamiento de referencia de Sant Roc y Can Puig: talleres, entidades y la "
               "sede de la Mesa Comunitaria del Norte.",
         "en": "Sant Roc and Can Puig's main facility: workshops, local associations and the "
               "home of the Northern Community Table."},
    ),
    "casal-de-barri-vell": (
        "Casal de Barri Vell", FacilityKind.CASAL, "barri-vell", "Carrer de la Font, 12",
        [("Sala gran", 60), ("Sala petita", 15)],
        [(WEEKDAYS, "10:00", "13:00"), (WEEKDAYS, "16:00", "20:00"), ((SATURDAY,), "10:00",
                                                                        "13:00")],
        {"ca": "Entrada sense graons pel carrer de la Font i lavabo adaptat.",
         "es": "Entrada sin escalones por la calle de la Font y lavabo adaptado.",
         "en": "Step-free entrance from Carrer de la Font and an accessible toilet."},
        {"ca": "El casal del barri i de la gent gran: activitats cada tarda, l'espai de les "
               "entitats i la sala on es reuneix l'assemblea del barri.",
         "es": "El casal del barrio y de las personas mayores: actividades cada tarde, el "
               "espacio de las entidades y la sala donde se reúne la asamblea del barrio.",
         "en": "The neighbourhood's and older people's casal: activities every afternoon, room "
               "for local associations and the hall of the neighbourhood assembly."},
    ),
    "biblioteca-les-basses": (
        "Biblioteca de Les Basses", FacilityKind.LIBRARY, "les-basses", "Avinguda del Riu, 45",
        [("Sala polivalent", 40), ("Aula de formació", 16)],
        [((0,), "15:30", "20:30"), ((1, 2, 3, 4), "10:00", "14:00"),
         ((1, 2, 3, 4), "15:30", "20:30"), ((SATURDAY,), "10:00", "14:00")],
        {"ca": "Tot en una planta; préstec de lupes i audiollibres.",
         "es": "Todo en una planta; préstamo de lupas y audiolibros.",
         "en": "All on one floor; magnifiers and audiobooks to borrow."},
        {"ca": "Biblioteca pública amb club de lectura, espai infantil i sala per a "
               "presentacions i trobades.",
         "es": "Biblioteca pública con club de lectura, espacio infantil y sala para "
               "presentaciones y encuentros.",
         "en": "Public library with a book club, a children's corner and a room for talks "
               "and gatherings."},
    ),
    "escola-sant-jordi": (
        "Escola Sant Jordi", FacilityKind.SCHOOL, "barri-vell", "Carrer Nou, 8",
        [("Sala d'actes", 120), ("Gimnàs", 90)],
        [(WEEKDAYS, "17:00", "21:00"), ((SATURDAY,), "09:00", "14:00")],
        {"ca": "Rampa a l'entrada del pati; bucle magnètic a la sala d'actes.",
         "es": "Rampa en la entrada del patio; bucle magnético en la sala de actos.",
         "en": "A ramp at the playground entrance; an induction loop in the main hall."},
        {"ca": "Escola oberta al barri: fora de l'horari lectiu, les entitats i el veïnat en "
               "fan servir la sala d'actes i el gimnàs.",
         "es": "Escuela abierta al barrio: fuera del horario lectivo, las entidades y el "
               "vecindario usan su sala de actos y su gimnasio.",
         "en": "A school open to the neighbourhood: outside school hours, associations and "
               "residents use its hall and gym."},
    ),
    "pavello-municipal-la-florida": (
        "Pavelló Municipal de La Florida", FacilityKind.SPORTS_HALL, "la-florida",
        "Carrer de l'Esport, 2",
        [("Pista poliesportiva", 300), ("Sala de reunions", 20)],
        [(WEEKDAYS, "08:00", "22:00"), ((SATURDAY,), "09:00", "21:00"),
         ((SUNDAY,), "09:00", "14:00")],
        {"ca": "Accés sense graons i vestidors adaptats.",
         "es": "Acceso sin escalones y vestuarios adaptados.",
         "en": "Step-free access and accessible changing rooms."},
        {"ca": "Pista poliesportiva i sala de reunions per als clubs i les entitats del barri.",
         "es": "Pista polideportiva y sala de reuniones para los clubes y las entidades del "
               "barrio.",
         "en": "A multi-sports court and a meeting room for the neighbourhood's clubs and "
               "associations."},
    ),
}

# Catalonia's fixed public holidays: (month, day) → the note (ca, es, en)
HOLIDAYS = {
    (1, 1): ("Cap d'Any", "Año Nuevo", "New Year's Day"),
    (1, 6): ("Reis", "Reyes", "Epiphany"),
    (5, 1): ("Festa del Treball", "Fiesta del Trabajo", "Labour Day"),
    (6, 24): ("Sant Joan", "San Juan", "Saint John's Day"),
    (8, 15): ("L'Assumpció", "La Asunción", "Assumption Day"),
    (9, 11): ("Diada Nacional de Catalunya", "Diada Nacional de Cataluña",
              "National Day of Catalonia"),
    (10, 12): ("Festa Nacional d'Espanya", "Fiesta Nacional de España", "Spain's National Day"),
    (11, 1): ("Tots Sants", "Todos los Santos", "All Saints' Day"),
    (12, 6): ("Dia de la Constitució", "Día de la Constitución", "Constitution Day"),
    (12, 8): ("La Immaculada", "La Inmaculada", "Immaculate Conception"),
    (12, 25): ("Nadal", "Navidad", "Christmas Day"),
    (12, 26): ("Sant Esteve", "San Esteban", "Saint Stephen's Day"),
}

# meeting title → (facility slug, room name): the demo meetings held in a facility's room
MEETING_ROOMS = {
    "Assemblea de barri: presentació de propostes": ("casal-de-barri-vell", "Sala gran"),
    "Taller d'ombres i arbrat per a la plaça de la Font": ("escola-sant-jordi", "Sala d'actes"),
    "Taller de disseny dels horts del Rec": ("centre-civic-del-nord", "Sala 2"),
}


def next_holiday(today: date) -> tuple[date, tuple[str, str, str]]:
    """The first fixed public holiday from ``today`` on."""
    for offset in range(0, 370):
        day = today + timedelta(days=offset)
        if (day.month, day.day) in HOLIDAYS:
            return day, HOLIDAYS[(day.month, day.day)]
    raise AssertionError("a year always has a public holiday")


def _clock(text: str) -> time:
    return time.fromisoformat(text)


def seed_facilities(users, now) -> int:
    """The five facilities (those missing), then the demo meetings placed in their rooms."""
    created = 0
    council = users["council"]
    neighbourhoods = {n.slug: n for n in db.session.scalars(select(Neighbourhood))}
    today = local_date(now)
    holiday, names = next_holiday(today + timedelta(days=1))
    special_day = today + timedelta(days=2)
    for slug, (name, kind, neighbourhood, address, rooms, hours, notes,
               description) in FACILITIES.items():
        if db.session.scalar(select(Facility.id).where(Facility.slug == slug)):
            continue
        facility = facilities.create_facility({
            "name": name, "slug": slug, "kind": kind.value, "address": address,
            "neighbourhood_id": neighbourhoods[neighbourhood].id
            if neighbourhood in neighbourhoods else None,
            "accessibility_notes": notes["ca"], "description": description["ca"],
        }, actor=council, translations={
            language: {"accessibility_notes": notes[language],
                       "description": description[language]} for language in ("es", "en")})
        created += 1
        for room_name, capacity in rooms:
            facilities.add_room(facility, {"name": room_name, "capacity": capacity},
                                actor=council)
            created += 1
        for days, opens, closes in hours:
            for weekday in days:
                facilities.add_opening_hours(facility, {
                    "weekday": weekday, "opens": _clock(opens), "closes": _clock(closes)},
                    actor=council)
                created += 1
        if kind != FacilityKind.SPORTS_HALL:  # the sports hall opens on holidays
            facilities.add_opening_exception(
                facility, {"day": holiday, "is_closed": True, "note": names[0]},
                actor=council, translations={"es": {"note": names[1]},
                                             "en": {"note": names[2]}})
            created += 1
        if slug == "centre-civic-del-nord" and special_day != holiday:
            facilities.add_opening_exception(facility, {
                "day": special_day, "is_closed": False, "opens": time(10), "closes": time(13),
                "note": "Jornada de portes obertes de les entitats",
            }, actor=council, translations={
                "es": {"note": "Jornada de puertas abiertas de las entidades"},
                "en": {"note": "Open day of the local associations"}})
            created += 1
    db.session.flush()
    return created + _place_meetings(users)


def _place_meetings(users) -> int:
    """Hold the demo meetings in their rooms: through the meetings' own edit (its rules hold)
    for those still to come; a held meeting's history is written as it was."""
    placed = 0
    for title, (slug, room_name) in MEETING_ROOMS.items():
        meeting = db.session.scalar(select(Meeting).where(Meeting.title == title,
                                                          Meeting.room_id.is_(None)))
        room = db.session.scalar(select(Room).join(Room.facility).where(
            Facility.slug == slug, Room.name == room_name))
        if meeting is None or room is None:
            continue
        if meeting.status in (MeetingStatus.DRAFT, MeetingStatus.PUBLISHED):
            data = {field: getattr(meeting, field) for field in meetings.FIELDS}
            data.update(kind=meeting.kind.value, room_id=room.id)
            meetings.update_meeting(meeting, data, actor=users["facilitator"])
        else:
            meeting.room_id, meeting.place = room.id, room.label
            meeting.address = room.facility.address
        placed += 1
    db.session.flush()
    return placed

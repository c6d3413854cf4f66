"""What other features hang on facilities, filled at start-up (facilities import none of them).

- ``room_checks``: each ``check(room)`` may refuse (a DomainError) a change to a room before it is
  saved — the meetings refuse a capacity below one of their upcoming meetings in it.
- ``venue_listeners``: each ``listener(facility)`` learns that a facility's name, address or a
  room's name changed, inside the same transaction — the meetings held there take the new place.
"""

room_checks: list = []
venue_listeners: list = []


def register_room_check(check) -> None:
    if check not in room_checks:
        room_checks.append(check)


def register_venue_listener(listener) -> None:
    if listener not in venue_listeners:
        venue_listeners.append(listener)


def check_room(room) -> None:
    for check in room_checks:
        check(room)


def venue_changed(facility) -> None:
    for listener in venue_listeners:
        listener(facility)

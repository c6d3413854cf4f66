"""Meetings: in-person, online and hybrid meetings with registration, a waiting list, calendar
feeds and minutes."""

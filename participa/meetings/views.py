"""Meetings: public pages, calendar feeds, registration, and the facilitators' management."""

from flask import Blueprint

bp = Blueprint("meetings", __name__)

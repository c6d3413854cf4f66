"""Participatory processes, their ordered phases, categories and facilitators.

``participa.processes.phases`` is the one place that decides what the active phase allows."""

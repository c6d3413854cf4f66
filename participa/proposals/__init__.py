"""Proposals and supports: residents propose and support; facilitators and the council answer."""

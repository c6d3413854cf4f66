"""Neighbourhoods: the places plans and processes belong to."""

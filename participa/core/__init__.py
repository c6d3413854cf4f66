"""Shared pieces every feature uses: database types, markdown, mail, errors, i18n, security."""

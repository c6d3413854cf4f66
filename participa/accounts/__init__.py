"""Accounts: registration, sign-in, password reset, "my account" and roles."""

"""Operators' commands (.venv): the launcher, the conversations CLI and the generators of Rasa data."""

"""Telegram bridge (.venv): forwards each chat's messages to Rasa's REST channel, renders the replies.

Run with ``python -m clients.telegram`` (see :mod:`clients.telegram.config` for the environment variables).
Rasa's own Telegram connector is not used: it is webhook-only, calls Telegram at start-up, calls
``getMe`` on every update and never checks Telegram's secret token.
"""

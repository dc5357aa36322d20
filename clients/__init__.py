"""Clients of the assistant that talk to Rasa over HTTP (.venv): the Telegram bridge and the web widget."""

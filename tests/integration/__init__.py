"""Integration tests (.venv): real servers, Rasa, a browser; marked `integration`."""

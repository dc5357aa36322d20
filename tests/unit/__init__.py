"""Unit tests (.venv): no servers, no Rasa; `make test-unit` runs these and tests/actions."""

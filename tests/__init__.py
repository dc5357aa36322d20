"""The test suite (.venv): unit/, actions/, integration/; shared helpers to start servers and services."""

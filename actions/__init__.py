"""The rasa-sdk action server (.venv, Python 3.11): thin adapters from a Rasa turn to answers/."""

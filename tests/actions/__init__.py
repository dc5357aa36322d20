"""The rasa-sdk actions on Tracker fixtures (.venv): exact events and text, no servers."""

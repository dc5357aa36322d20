"""Pure answer functions (knowledge, question, context) -> reply text: no rasa_sdk, no I/O. Runs in .venv."""

"""The conversational front end: Rasa training data, channels and the launcher."""

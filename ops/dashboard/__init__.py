"""The knowledge team's dashboard (runs in .venv): a read-only web app over Rasa's tracker store.

``review.py`` is the data layer (turns, overview, what to add next, conversations, transcripts);
``app.py`` the web app that shows them.
"""

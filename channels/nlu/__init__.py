"""NLU components that Rasa loads from config.yml (.venv-rasa, Python 3.10): the e5 sentence featurizer."""

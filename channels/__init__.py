"""Code that runs inside Rasa (.venv-rasa, Python 3.10): REST and socket.io inputs, rate limit, speed-ups."""

"""Everything a person reads from the bridge itself (Spanish). Rasa writes the answers."""

from __future__ import annotations

START = (
    "¡Hola! Soy el asistente de Gobierno Abierto: Cocreación desde lo local (INAI y SNT, {years}).\n"
    "Te digo la situación de cada estado en la iniciativa, sus cifras, las recomendaciones del SNT "
    "ante la COVID-19, las guías y los contactos, siempre con su fuente y fecha.\n"
    "Escribe tu pregunta o usa /estado, /recomendaciones, /guias o /help."
)

PICK_STATE = "Elige un estado para conocer su situación en Gobierno Abierto:"
PICK_OPTION = "Elige una opción:"
UNAVAILABLE = "Lo siento: el servicio no está disponible, intenta en unos minutos."
NO_ANSWER = "No tengo una respuesta para eso. Prueba con otra pregunta o con /help."
STALE_BUTTON = "Este botón ya no está disponible. Escribe tu pregunta de nuevo."
TEXT_ONLY = "Por ahora solo entiendo mensajes de texto. Escribe tu pregunta, por favor."

#: The commands shown in Telegram's menu (setMyCommands): name and description.
COMMANDS = (
    ("start", "Qué puedo responder y aviso de privacidad"),
    ("help", "Ayuda y ejemplos de preguntas"),
    ("estado", "Situación de un estado en la iniciativa"),
    ("recomendaciones", "Las recomendaciones del SNT ante la COVID-19"),
    ("guias", "Las guías de Gobierno Abierto"),
)

#: What each command sends to Rasa as the person's message.
HELP_MESSAGE = "ayuda"
RECOMMENDATIONS_MESSAGE = "cuales son las recomendaciones"
GUIDES_MESSAGE = "que guias hay"


def start_text(years: str, privacy: str) -> str:
    """The /start message: what the assistant answers (the documents' ``years``), then the privacy notice."""
    return f"{START.format(years=years)}\n\n{privacy}"

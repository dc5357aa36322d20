"""Everything a person reads from the bridge itself (Spanish). Rasa writes the answers."""

from __future__ import annotations

START = (
    "¡Hola! Soy el asistente de Gobierno Abierto: Cocreación desde lo local (INAI y SNT, {years}).\n"
    "Te digo la situación de cada estado en la iniciativa, sus cifras, las recomendaciones del SNT "
    "ante la COVID-19, las guías y los contactos, siempre con su fuente y fecha.\n"
    "Escribe tu pregunta, envíala como nota de voz o usa /estado, /recomendaciones, /guias o /help."
)

PICK_STATE = "Elige un estado para conocer su situación en Gobierno Abierto:"
PICK_OPTION = "Elige una opción:"
UNAVAILABLE = "Lo siento: el servicio no está disponible, intenta en unos minutos."
NO_ANSWER = "No tengo una respuesta para eso. Prueba con otra pregunta o con /help."
STALE_BUTTON = "Este botón ya no está disponible. Escribe tu pregunta de nuevo."
TEXT_ONLY = (
    "Entiendo mensajes de texto y notas de voz. Escribe tu pregunta o dímela en una nota de voz, por favor."
)
PICK_RECOMMENDATION = "Elige una recomendación para leerla:"
DEEP_LINK_PRIVACY = "Para saber cómo trato tus datos, usa /start o escribe «privacidad»."

# Voice notes (clients/telegram/voice.py)
HEARD = "Entendí: «{text}»"
VOICE_TOO_LONG = (
    "Tu nota de voz dura más de {seconds} segundos y no alcanzo a escucharla completa. "
    "¿Puedes enviar una más corta o escribir tu pregunta?"
)
VOICE_UNREADABLE = "No pude abrir ese audio. ¿Puedes grabarlo de nuevo o escribir tu pregunta?"
VOICE_EMPTY = "No alcancé a entender lo que dijiste. ¿Puedes repetirlo con calma o escribir tu pregunta?"
VOICE_BUSY = "Estoy escuchando muchas notas de voz a la vez. Intenta en un momento o escribe tu pregunta."
VOICE_UNAVAILABLE = "Por ahora no puedo escuchar notas de voz. Escribe tu pregunta, por favor."

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
#: What a /recomendaciones button asks, with the recommendation's name from knowledge/ («primera»).
RECOMMENDATION_QUESTION = "¿Qué dice la {name} recomendación?"
#: Deep links (t.me/<bot>?start=…) besides the state ids: what each opens.
DEEP_LINK_RECOMMENDATIONS = "recomendaciones"
DEEP_LINK_GUIDES = "guias"


def start_text(years: str, privacy: str) -> str:
    """The /start message: what the assistant answers (the documents' ``years``), then the privacy notice."""
    return f"{START.format(years=years)}\n\n{privacy}"

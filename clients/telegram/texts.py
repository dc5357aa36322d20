"""Everything a person reads from the bridge itself (Spanish). Rasa writes the answers."""

from __future__ import annotations

START = (
    "¡Hola! Soy el asistente de Gobierno Abierto: Cocreación desde lo local (INAI y SNT, 2015–2020).\n"
    "Te digo la situación de cada estado en la iniciativa, sus cifras, las recomendaciones del SNT "
    "ante la COVID-19, las guías y los contactos, siempre con su fuente y fecha.\n"
    "Escribe tu pregunta o usa /estado, /recomendaciones, /guias o /help."
)
PRIVACY = (
    "Privacidad: guardamos las conversaciones en el registro del asistente para responder en contexto "
    "y mejorar el servicio; {retention}. No compartimos tus datos con terceros, aparte de Telegram."
)
RETENTION_DAYS = "se conservan {days} días"
RETENTION_DAY = "se conservan 1 día"
RETENTION_OPERATOR = "el operador del servicio define cuánto tiempo se conservan"

PICK_STATE = "Elige un estado para conocer su situación en Gobierno Abierto:"
PICK_OPTION = "Elige una opción:"
UNAVAILABLE = "Lo siento: el servicio no está disponible, intenta en unos minutos."
NO_ANSWER = "No tengo una respuesta para eso. Prueba con otra pregunta o con /help."
SLOW_DOWN = (
    "Estás enviando muchos mensajes seguidos. Espera un minuto y vuelve a escribir; con gusto te respondo."
)
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


def start_text(retention_days: int | None) -> str:
    """The /start message: what the assistant answers, then an honest privacy notice."""
    if retention_days is None:
        retention = RETENTION_OPERATOR
    elif retention_days == 1:
        retention = RETENTION_DAY
    else:
        retention = RETENTION_DAYS.format(days=retention_days)
    return f"{START}\n\n{PRIVACY.format(retention=retention)}"

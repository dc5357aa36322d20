"""Text people read that is not an answer from the documents: one copy, for every channel and client."""

from __future__ import annotations

from common.bounds import SENDER

CUT_NOTICE = (
    "Tu mensaje era muy largo: leí solo los primeros {limit} caracteres. "
    "Si puedes, haz una pregunta más corta."
)
SLOW_DOWN = (
    "Estás enviando muchos mensajes seguidos. Espera un minuto y vuelve a escribir; con gusto te respondo."
)
APOLOGY = "Lo siento: no pude responder en este momento. Intenta de nuevo en unos minutos."
STORE_DOWN = (
    "Lo siento: ahora mismo no puedo guardar la conversación, así que no atendí tu mensaje. "
    "Escríbelo de nuevo en unos minutos; seguiremos donde nos quedamos."
)
BUSY = "Hay mucha demanda en este momento: intenta de nuevo en un momento, por favor."
# What a 👎 can say was wrong: the reason's id (the payload's «motivo») and the title of its button
# (actions/feedback.py asks for it; `make report` names it).
FEEDBACK_REASONS = {
    "incorrecta": "Incorrecta",
    "incompleta": "Incompleta",
    "no_entendio": "No entendió mi pregunta",
    "otra": "Otra",
}
# Refusals of Rasa's REST channel (channels/inputs.py), read by whoever wrote the client: what to do.
BODY_TOO_LARGE = "La solicitud es demasiado grande: envía como máximo {limit} bytes."
ORIGIN_REFUSED = (
    "Este sitio no puede usar el asistente: quien lo opera debe agregar su origen a CORS_ORIGINS."
)
RESERVED_SENDER = (
    "Los identificadores que empiezan con «telegram:» son del puente de Telegram: usa otro «sender»."
)


def privacy_notice(days: int, contact: str, sender_id: str) -> str:
    """The privacy notice every channel gives (the ``privacidad`` intent, Telegram's /start): what is
    kept, for how long, and how the person with conversation ``sender_id`` exercises ARCO rights. The id
    is quoted only as the channels store it (common/bounds.py); another one is not repeated."""
    kept = "1 día" if days == 1 else f"{days} días"
    whom = f"escribe a {contact}" if contact else "pídelo a quien opera este servicio"
    which = (
        f"indica tu identificador de conversación: {sender_id}"
        if SENDER.fullmatch(sender_id)
        else "indica la fecha y la hora de esta conversación (tu identificador no se puede mostrar aquí)"
    )
    return (
        f"Aviso de privacidad: guardo esta conversación para responderte en contexto y mejorar el "
        f"servicio; se conserva {kept} y después se borra. No necesito datos personales: no escribas "
        f"tu correo, teléfono, CURP ni RFC. Para obtener una copia de tu conversación, corregirla, "
        f"borrarla u oponerte a su uso (derechos ARCO), {whom} e {which}"
    )

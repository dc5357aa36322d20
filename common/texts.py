"""Text people read that is not an answer from the documents: one copy, for every channel and client."""

from __future__ import annotations

CUT_NOTICE = (
    "Tu mensaje era muy largo: leí solo los primeros {limit} caracteres. "
    "Si puedes, haz una pregunta más corta."
)
SLOW_DOWN = (
    "Estás enviando muchos mensajes seguidos. Espera un minuto y vuelve a escribir; con gusto te respondo."
)
APOLOGY = "Lo siento: no pude responder en este momento. Intenta de nuevo en unos minutos."


def privacy_notice(days: int, contact: str, sender_id: str) -> str:
    """The privacy notice every channel gives (the ``privacidad`` intent, Telegram's /start): what is
    kept, for how long, and how the person with conversation ``sender_id`` exercises ARCO rights."""
    kept = "1 día" if days == 1 else f"{days} días"
    whom = f"escribe a {contact}" if contact else "pídelo a quien opera este servicio"
    return (
        f"Aviso de privacidad: guardo esta conversación para responderte en contexto y mejorar el "
        f"servicio; se conserva {kept} y después se borra. No necesito datos personales: no escribas "
        f"tu correo, teléfono, CURP ni RFC. Para obtener una copia de tu conversación, corregirla, "
        f"borrarla u oponerte a su uso (derechos ARCO), {whom} e indica tu identificador de "
        f"conversación: {sender_id}"
    )

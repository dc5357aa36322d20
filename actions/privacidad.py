"""The privacy notice: what is kept, for how long, and how to get a copy or have it deleted.

The retention period is the one `make purge` applies (RETENTION_DAYS, default 30); the contact for
access, rectification, cancellation and opposition (ARCO) requests is the operator's (PRIVACY_CONTACT).
"""
from __future__ import annotations

import os

DEFAULT_RETENTION_DAYS = 30  # also `make purge`'s (bot/conversations.py) and the launcher's (bot/serve.py)


def retention_days() -> int:
    return int(os.environ.get("RETENTION_DAYS") or DEFAULT_RETENTION_DAYS)


def privacy_answer(sender_id: str, days: int, contact: str) -> str:
    """The notice for the person with conversation ``sender_id``."""
    kept = "1 día" if days == 1 else f"{days} días"
    whom = f"escribe a {contact}" if contact else "pídelo a quien opera este servicio"
    return (f"Aviso de privacidad: guardo esta conversación para responderte en contexto y mejorar el "
            f"servicio; se conserva {kept} y después se borra. No necesito datos personales: no escribas "
            f"tu correo, teléfono, CURP ni RFC. Para obtener una copia de tu conversación, corregirla, "
            f"borrarla u oponerte a su uso (derechos ARCO), {whom} e indica tu identificador de "
            f"conversación: {sender_id}")

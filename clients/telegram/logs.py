"""Logging for the bridge: the token never appears, third-party chatter (which can hold message texts)
only when TELEGRAM_LOG_TEXT=1, and personal data people type never (common/redaction.py)."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from common.redaction import install_log_redaction

#: Libraries whose debug output includes URLs with the token or whole updates with people's texts.
NOISY = ("telegram", "httpx", "httpcore", "tornado", "apscheduler", "hpack", "asyncio")


class Redact(logging.Filter):
    """Replace every secret in a record (message, arguments, traceback) with ``[REDACTED]``."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]
        self._formatter = logging.Formatter()

    def _clean(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "[REDACTED]")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self._clean(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:  # already cleaned of personal data by common.redaction when it was made
            record.exc_text = self._clean(record.exc_text)
            record.exc_info = None
        if record.stack_info:
            record.stack_info = self._clean(record.stack_info)
        return True


def setup(level: str, secrets: Iterable[str], log_text: bool = False) -> None:
    """Log to stderr at ``level`` with secrets redacted; libraries at WARNING unless ``log_text``."""
    install_log_redaction()
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(Redact(secrets))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    numeric = logging.getLevelName(level.upper())
    root.setLevel(numeric if isinstance(numeric, int) else logging.INFO)
    for name in NOISY:
        logging.getLogger(name).setLevel(logging.NOTSET if log_text else logging.WARNING)

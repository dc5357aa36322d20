"""Personal data out of logs and reports: e-mail addresses, phone numbers, CURP and RFC.

``redact(text)`` replaces them with ``[correo]``, ``[teléfono]``, ``[CURP]`` and ``[RFC]``;
``install_log_redaction()`` applies it to every log record of the process. Standard library only:
this module is imported both by the Python 3.11 tools and inside Rasa (Python 3.10).

What counts (case-insensitive, since people type in lower case):

- e-mail: ``local@domain.tld``.
- phone: 10 digits grouped 2-4-4, 3-3-4 or in pairs, or written together, the area code optionally
  in parentheses, separated by spaces, dashes or dots, with an optional ``+52``/``52``/``0052``
  (and the mobile ``1``) or ``044``/``045`` in front; any number written with ``+`` and a country
  code, 9 digits or more.
- CURP: 4 letters, a valid date (YYMMDD), H/M/X, 2 letters, 3 consonants, 1 letter or digit, 1 digit.
- RFC: personas físicas, 4 letters and a valid date, with or without the 3-character homoclave (the
  initials and birth date alone identify a person); personas morales, 3 letters (Ñ and & included),
  a date and the homoclave, which is required so that ordinary codes such as ``ABC200101`` stay.

Document numbers (INAI/265/19), years and dates, amounts (1,000) and URLs without an ``@`` are left
alone: a number is a phone only with ten digits in a phone's grouping, never inside a longer number
or a path.
"""

from __future__ import annotations

import logging
import re
from typing import Any

_DATE = r"\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
_SEP = r"[ .\-]"
_MX_PREFIX = rf"(?:(?:\+|00)?52{_SEP}*(?:1{_SEP}*)?|04[45]{_SEP}*)"
_MX_NUMBER = (
    rf"(?:\(\d{{2}}\)|\d{{2}}){_SEP}?\d{{4}}{_SEP}?\d{{4}}"
    rf"|(?:\(\d{{3}}\)|\d{{3}}){_SEP}?\d{{3}}{_SEP}?\d{{4}}"
    rf"|\d{{2}}(?:{_SEP}?\d{{2}}){{4}}"
)
_INTERNATIONAL = rf"\+\d{{1,3}}{_SEP}?(?:\(\d{{1,4}}\)|\d{{1,4}})(?:{_SEP}?\d{{2,4}}){{1,4}}"

_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_NUMBERS = re.compile(  # each alternative has a digit within its first 5 characters: checked first
    r"(?=[\w(+&]{1,4}\d|\d)(?:"
    rf"(?P<CURP>(?<!\w)[A-Z]{{4}}{_DATE}[HMX][A-Z]{{2}}[B-DF-HJ-NP-TV-Z]{{3}}[A-Z\d]\d(?!\w))"
    rf"|(?P<RFC>(?<![\w&])(?:[A-ZÑ]{{4}}{_DATE}(?:[A-Z\d]{{3}})?|[A-ZÑ&]{{3}}{_DATE}[A-Z\d]{{3}})(?![\w&]))"
    rf"|(?P<teléfono>(?<![\w/+])(?<!\d[.\-])(?:{_MX_PREFIX}?(?:{_MX_NUMBER})|{_INTERNATIONAL})"
    r"(?![\w/]|[.\-]\d)))",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_MIN_PHONE_DIGITS = 9


def _marker(match: re.Match[str]) -> str:
    kind = match.lastgroup
    found: str = match.group()
    if kind == "teléfono" and len(_DIGIT.findall(found)) < _MIN_PHONE_DIGITS:
        return found
    return f"[{kind}]"


def redact(text: str) -> str:
    """``text`` with e-mail addresses, phone numbers, CURP and RFC replaced by markers."""
    if "@" in text:
        text = _EMAIL.sub("[correo]", text)
    if _DIGIT.search(text):
        text = _NUMBERS.sub(_marker, text)
    return text


def install_log_redaction() -> None:
    """Make every log record of the process carry redacted text (idempotent).

    Wraps the current log record factory: the message is formatted with its arguments, redacted and
    stored as ``record.msg`` with ``record.args = None``. Tracebacks are formatted later by handlers
    and are not touched. A record whose message cannot be formatted is left as it was.
    """
    previous = logging.getLogRecordFactory()
    if getattr(previous, "redacts_personal_data", False):
        return

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        try:
            record.msg = redact(record.getMessage())
        except Exception:  # noqa: BLE001 - a broken log call must still be logged, as logging itself would do
            return record
        record.args = None
        return record

    setattr(factory, "redacts_personal_data", True)  # noqa: B010 - a mark on a function, read above
    logging.setLogRecordFactory(factory)

"""Personal data out of logs and reports: e-mail addresses, phone numbers, CURP and RFC.

``redact(text)`` replaces them with ``[correo]``, ``[teléfono]``, ``[CURP]`` and ``[RFC]``;
``install_log_redaction()`` makes every log record of the process safe to keep, traceback included:
redacted, without the conversations that error replies carry, and bounded in length. Standard library
only: this module is imported both by the Python 3.11 tools and inside Rasa (Python 3.10).

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

What else a log record loses, since it would put what people wrote in the log:

- the body of an error reply Rasa quotes (``body='b'…''``, its ``ClientResponseError``: rasa_sdk's 500
  reply holds the whole tracker), replaced by its length;
- in Rasa's structured events (structlog, one JSON object a line, or ``key=value`` in a terminal), the
  fields Rasa itself lists as anonymizable (``text``, ``user_message``…), replaced by their length, and
  the frame locals of their tracebacks;
- beyond ``MAX_MESSAGE_CHARS`` (a traceback: ``MAX_TRACEBACK_CHARS``), the middle, replaced by a note of
  how many characters were cut.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

MAX_MESSAGE_CHARS = 2000
MAX_TRACEBACK_CHARS = 8000

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


# The fields of Rasa's structured log events that may hold what people wrote (rasa.utils.log_utils).
PERSON_FIELDS = frozenset(
    {
        "text", "response_text", "user_text", "slot_values", "parse_data_text", "parse_data_entities",
        "prediction_events", "tracker_latest_message", "prefilled_slots", "message", "response",
        "slot_candidates", "rasa_event", "rasa_events", "tracker_states", "current_states", "old_states",
        "successes", "current_entity", "next_entity", "states", "entity", "token_text", "user_message",
        "json_message",
    }
)  # fmt: skip
_ERROR_BODY = re.compile(r"""body='b(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")'""")
_CONSOLE_FIELD = re.compile(  # structlog's ConsoleRenderer: key in cyan, value in magenta
    rf"(\x1b\[36m(?:{'|'.join(PERSON_FIELDS)})\x1b\[0m=\x1b\[35m)(.*?)(\x1b\[0m)", re.DOTALL
)
_FORMATTER = logging.Formatter()


def _omitted(text: str) -> str:
    return f"[omitido: {len(text)} caracteres]"


def _structured_event(text: str) -> str:
    """A JSON log event of Rasa's without what people wrote (``PERSON_FIELDS``) and without frame locals;
    any other text as it is."""
    if not text.startswith("{"):
        return text
    try:
        event = json.loads(text)
    except ValueError:
        return text
    if not isinstance(event, dict) or "event" not in event:
        return text
    for field in PERSON_FIELDS & event.keys():
        value = event[field]
        event[field] = _omitted(value if isinstance(value, str) else json.dumps(value))
    _drop_locals(event.get("exception"))
    return json.dumps(event)


def _drop_locals(exceptions: Any) -> None:
    """Drop the frame locals of a structlog dict traceback: ``[{"frames": [{"locals": {…}}, …]}, …]``."""
    for exception in exceptions if isinstance(exceptions, list) else []:
        frames = exception.get("frames") if isinstance(exception, dict) else None
        for frame in frames if isinstance(frames, list) else []:
            if isinstance(frame, dict):
                frame.pop("locals", None)


def bounded(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """``text``, or when longer than ``limit`` its beginning and end around a note of how much was cut."""
    if len(text) <= limit:
        return text
    half = limit // 2
    return f"{text[:half]} … [recortado: {len(text) - 2 * half} caracteres] … {text[-half:]}"


def loggable(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """``text`` as a log may keep it: no error body nor field of Rasa's holding what people wrote, no
    frame locals, personal data redacted, at most about ``limit`` characters."""
    text = _CONSOLE_FIELD.sub(lambda m: m[1] + _omitted(m[2]) + m[3], _structured_event(text))
    text = _ERROR_BODY.sub(lambda m: "body=" + _omitted(m[0][len("body=") :]), text)
    return bounded(redact(text), limit)


def _make_safe(record: logging.LogRecord) -> None:
    """Make ``record``'s message, traceback and stack ``loggable``. The traceback is formatted here into
    ``exc_text``, which every standard formatter prints instead of formatting ``exc_info`` again."""
    if record.exc_info and not record.exc_text:
        record.exc_text = _FORMATTER.formatException(record.exc_info)
    if record.exc_text:
        record.exc_text = loggable(record.exc_text, MAX_TRACEBACK_CHARS)
    if record.stack_info:
        record.stack_info = loggable(record.stack_info, MAX_TRACEBACK_CHARS)
    try:
        record.msg = loggable(record.getMessage())
    except Exception:  # noqa: BLE001 - a broken log call must still be logged, as logging itself would do
        return
    record.args = None


def install_log_redaction() -> None:
    """Make every log record of the process ``loggable`` when it is made (idempotent).

    Wraps the current log record factory: the message is formatted with its arguments, made loggable
    and stored as ``record.msg`` with ``record.args = None``; the traceback is formatted and made
    loggable into ``record.exc_text``. A record whose message cannot be formatted keeps its message.
    """
    previous = logging.getLogRecordFactory()
    if getattr(previous, "redacts_personal_data", False):
        return

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        _make_safe(record)
        return record

    setattr(factory, "redacts_personal_data", True)  # noqa: B010 - a mark on a function, read above
    logging.setLogRecordFactory(factory)

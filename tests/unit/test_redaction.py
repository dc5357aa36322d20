"""common.redaction: personal data replaced by markers, the domain's own text left alone, in logs too:
tracebacks, the error replies and structured events of Rasa, and over-long messages cut."""

from __future__ import annotations

import io
import json
import logging

import pytest

from common.redaction import MAX_MESSAGE_CHARS, install_log_redaction, redact


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ana.lopez@gmail.com", "[correo]"),
        ("Escribe a juan_perez+inai@ejemplo.org.mx.", "Escribe a [correo]."),
        ("mi correo es MARIA-88@Correo.COM y gracias", "mi correo es [correo] y gracias"),
        ("mailto:contacto@dominio.gob.mx", "mailto:[correo]"),
        ("55 1234 5678", "[teléfono]"),
        ("(55) 1234-5678", "[teléfono]"),
        ("(55)1234-5678", "[teléfono]"),
        ("+52 1 55 1234 5678", "[teléfono]"),
        ("+525512345678", "[teléfono]"),
        ("52 55 1234 5678", "[teléfono]"),
        ("0052 55 1234 5678", "[teléfono]"),
        ("+52 (55) 1234 5678", "[teléfono]"),
        ("5512345678", "[teléfono]"),
        ("044 55 1234 5678", "[teléfono]"),
        ("045 (33) 1234 5678", "[teléfono]"),
        ("333 123 4567", "[teléfono]"),
        ("(333) 123-4567", "[teléfono]"),
        ("55.1234.5678", "[teléfono]"),
        ("55 12 34 56 78", "[teléfono]"),
        ("+1 202 555 0143", "[teléfono]"),
        ("+44 20 7946 0958", "[teléfono]"),
        ("+34 912 345 678", "[teléfono]"),
        ("llámame al 55-1234-5678.", "llámame al [teléfono]."),
        ("tel:5512345678, gracias", "tel:[teléfono], gracias"),
        ("GODE561231HDFRRN09", "[CURP]"),
        ("mi curp es gode561231hdfrrn09", "mi curp es [CURP]"),
        ("LOMP800229MJCPRRA1", "[CURP]"),
        ("GODE561231GR8", "[RFC]"),
        ("rfc: gode561231gr8", "rfc: [RFC]"),
        ("GODE561231", "[RFC]"),
        ("ABC200101AB1", "[RFC]"),
        ("ÑEZ010203AB1", "[RFC]"),
        ("A&C900101AB2", "[RFC]"),
        (
            "soy ana@x.mx, tel 55 1234 5678, CURP GODE561231HDFRRN09, RFC GODE561231GR8",
            "soy [correo], tel [teléfono], CURP [CURP], RFC [RFC]",
        ),
    ],
)
def test_personal_data_is_replaced(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "INAI/265/19",
        "INAI/002/18",
        "2020",
        "14 de agosto de 2020",
        "40 STL",
        "1,000",
        "1,240 turnos",
        "1.000.000.000",
        "25/05/2020",
        "25.05.2020",
        "2015-2020",
        "2015 2016 2017 2018",
        "2015, 2016, 2017 y 2018",
        "https://home.inai.org.mx/wp-content/documentos/x.pdf",
        "https://x.mx/2020/05/5512345678.pdf",
        "ACT-PUB/19/08/2020.04",
        "ISBN 978-607-8620-67-3",
        "folio 330024622000123",
        "COVID-19",
        "la 3a recomendación",
        "p95 < 150 ms",
        "+52",
        "+1 2020",
        "ABC200101",
        "Según el comunicado INAI/265/19, 14 de agosto de 2020, Jalisco tiene Secretariado Técnico "
        "Local (STL).",
        "¿Qué dice la recomendación 3 del SNT del 25 de mayo de 2020?",
        "Michoacán, Oaxaca y Ciudad de México: 21 STL y 16 PAL",
        "",
    ],
)
def test_domain_text_is_left_alone(text):
    assert redact(text) == text


def test_redaction_is_idempotent():
    once = redact("ana@x.mx 55 1234 5678 GODE561231HDFRRN09 GODE561231GR8")
    assert redact(once) == once


@pytest.fixture
def log_output():
    """A StringIO handler on the root logger; the record factory is restored afterwards."""
    factory = logging.getLogRecordFactory()
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(name)s %(message)s"))
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    yield stream
    root.removeHandler(handler)
    root.setLevel(level)
    logging.setLogRecordFactory(factory)


def test_log_records_are_redacted_whatever_the_logger(log_output):
    install_log_redaction()
    install_log_redaction()
    logging.getLogger("rasa.core.processor").info("Received user message '%s'", "mi correo es ana@x.mx")
    logging.getLogger("actions").warning("contact %s / %s", "55 1234 5678", {"curp": "gode561231hdfrrn09"})
    logging.getLogger().error("rfc=%(rfc)s", {"rfc": "GODE561231GR8"})
    output = log_output.getvalue()
    assert "rasa.core.processor Received user message 'mi correo es [correo]'" in output
    assert "actions contact [teléfono] / {'curp': '[CURP]'}" in output
    assert "root rfc=[RFC]" in output
    for secret in ("ana@x.mx", "1234", "gode561231", "GODE561231"):
        assert secret not in output


def test_install_is_idempotent_and_records_keep_no_args(log_output):
    install_log_redaction()
    factory = logging.getLogRecordFactory()
    install_log_redaction()
    assert logging.getLogRecordFactory() is factory
    record = logging.getLogger("x").makeRecord("x", logging.INFO, __file__, 1, "a %s", ("ana@x.mx",), None)
    assert (record.msg, record.args) == ("a [correo]", None)


def test_a_record_that_cannot_be_formatted_is_left_as_it_was(log_output):
    install_log_redaction()
    record = logging.getLogger("x").makeRecord("x", logging.INFO, __file__, 1, "%d items", ("many",), None)
    assert (record.msg, record.args) == ("%d items", ("many",))


def test_tracebacks_still_reach_the_handler(log_output):
    install_log_redaction()
    try:
        raise ValueError("boom")
    except ValueError:
        logging.getLogger("x").exception("failed for %s", "ana@x.mx")
    output = log_output.getvalue()
    assert "x failed for [correo]" in output and "ValueError: boom" in output


def _fail_with(text: str) -> None:
    contact = f"{text}, ana@x.mx"  # a frame local: never in the log
    raise ValueError(f"no pude procesar {contact} ni 55 1234 5678")


def test_a_logged_traceback_is_redacted_for_every_handler(log_output):
    install_log_redaction()
    try:
        _fail_with("escríbeme a juan@ejemplo.org")
    except ValueError:
        logging.getLogger("actions").exception("la acción falló")
    output = log_output.getvalue()
    assert "ValueError: no pude procesar escríbeme a [correo], [correo] ni [teléfono]" in output
    for secret in ("juan@ejemplo.org", "ana@x.mx", "1234 5678"):
        assert secret not in output


def test_a_stack_logged_with_the_record_is_redacted(log_output):
    install_log_redaction()
    logging.getLogger("x").info("contexto", stack_info=True)  # this line shows: ana@x.mx
    output = log_output.getvalue()
    assert "Stack (most recent call last)" in output and "[correo]" in output and "ana@x.mx" not in output


def test_an_over_long_message_is_cut_saying_how_much(log_output):
    install_log_redaction()
    logging.getLogger("rasa.core.processor").info("%s%s", "a" * 6000, "z" * 4000)
    line = log_output.getvalue().strip()
    assert len(line) < MAX_MESSAGE_CHARS + 100
    assert "a" * 900 + " … [recortado: 8000 caracteres] … " + "z" * 900 in line


class ClientResponseError(Exception):
    """As rasa.utils.endpoints words it: the body of the reply, as bytes, in the message."""

    def __init__(self, status: int, reason: str, body: bytes) -> None:
        super().__init__(f"{status}, {reason}, body='{body!r}'")


def test_an_error_reply_rasa_quotes_leaves_only_its_length(log_output):
    install_log_redaction()
    body = json.dumps(
        {"error": "x", "request_body": {"tracker": {"latest_message": {"text": "¿y Jalisco?"}}}}
    )
    error = ClientResponseError(500, "Internal Server Error", body.encode())
    try:
        try:
            raise error
        except ClientResponseError as cause:
            raise RuntimeError("Failed to execute custom action 'action_feedback'") from cause
    except RuntimeError:
        logging.getLogger("rasa.core.processor").exception("Encountered an exception while running action")
    logging.getLogger("rasa.core.actions.action").warning("as a result of error '%s'. The default", error)
    output = log_output.getvalue()
    assert "Internal Server Error, body=[omitido: " in output and "as a result of error '500" in output
    assert "request_body" not in output and "Jalisco" not in output


def test_rasa_structured_events_keep_no_text_people_wrote_nor_frame_locals(log_output):
    install_log_redaction()
    frame = {"filename": "rest.py", "lineno": 171, "name": "receive", "locals": {"text": "'¿y Jalisco?'"}}
    event = {
        "text": "¿y Jalisco?",
        "event": "rest.message.received.failure",
        "level": "error",
        "exception": [{"exc_type": "CancelledError", "frames": [frame]}],
    }
    logging.getLogger("rasa.core.channels.rest").error(json.dumps(event))
    console = "\x1b[1mrest.message.received.timeout \x1b[0m \x1b[36mtext\x1b[0m=\x1b[35m¿y Jalisco?\x1b[0m"
    logging.getLogger("rasa.core.channels.rest").error(console)
    logged = log_output.getvalue().splitlines()
    kept = json.loads(logged[0].removeprefix("rasa.core.channels.rest "))
    assert kept["text"] == "[omitido: 11 caracteres]" and kept["event"] == "rest.message.received.failure"
    assert kept["exception"][0]["frames"] == [{"filename": "rest.py", "lineno": 171, "name": "receive"}]
    assert "\x1b[36mtext\x1b[0m=\x1b[35m[omitido: 11 caracteres]\x1b[0m" in logged[1]
    assert "Jalisco" not in log_output.getvalue()

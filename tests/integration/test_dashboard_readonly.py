"""The dashboard needs no more than reading: on PostgreSQL, a role granted only SELECT on ``events`` reads
every page's data (ops/dashboard/review.py), and the web app serves every page with it; the sessions the
data layer opens are read-only, so even a role that could write would not.

The store is the unit tests' fixture (tests/unit/test_dashboard_review.py), written by the owner of the
database into the table as Rasa 3.6 creates it on PostgreSQL."""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from ops.conversations import StoreError
from ops.dashboard import review, store

from ..rasa_store import INSERT, columns, events_ddl
from ..servers import skip_or_fail
from ..services import PG_DB, Postgres, postgres_bin
from ..unit.test_dashboard_review import TELEGRAM, Store, fill

pytestmark = pytest.mark.integration

PG_PORT = 54349
READER, READER_PASSWORD = "lector_tablero", "solo-lectura"
TOKEN = "token-de-prueba-del-tablero-0123456789"


class PostgresStore(Store):
    """The fixture store, written into PostgreSQL by the database's owner."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.clock = {}
        self.engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg2://"))
        with self.engine.begin() as connection:
            for statement in events_ddl("SERIAL"):
                connection.exec_driver_sql(statement)

    def add(self, sender: str, event: dict) -> None:
        with self.engine.begin() as connection:
            connection.exec_driver_sql(INSERT.replace("?", "%s"), columns(sender, event))

    def rows(self) -> int:
        with self.engine.connect() as connection:
            return connection.exec_driver_sql("SELECT COUNT(*) FROM events").scalar_one()


@pytest.fixture(scope="module")
def postgres() -> Iterator[Postgres]:
    if postgres_bin() is None:
        skip_or_fail("not installed: postgresql (run `make services`)")
    server = Postgres(PG_PORT)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def stores(postgres) -> Iterator[tuple[PostgresStore, str]]:
    """The fixture store, and the URL of a role that may only read ``events``."""
    owner = PostgresStore(postgres.url)
    fill(owner)
    with owner.engine.begin() as connection:
        connection.exec_driver_sql(f"CREATE ROLE {READER} LOGIN PASSWORD '{READER_PASSWORD}'")
        connection.exec_driver_sql(f"REVOKE ALL ON DATABASE {PG_DB} FROM PUBLIC")
        connection.exec_driver_sql(f"GRANT CONNECT ON DATABASE {PG_DB} TO {READER}")
        connection.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {READER}")
        connection.exec_driver_sql(f"GRANT SELECT ON events TO {READER}")
    reader = f"postgresql://{READER}:{READER_PASSWORD}@127.0.0.1:{postgres.port}/{PG_DB}"
    yield owner, reader
    owner.engine.dispose()


@pytest.fixture
def reader_engine(stores) -> Iterator[sa.Engine]:
    store.forget()
    engine = review.open_store(stores[1])
    yield engine
    engine.dispose()
    store.forget()


def test_a_role_that_may_only_select_reads_every_page_s_data(reader_engine, stores):
    turns = review.turns(reader_engine)
    assert len(turns) == 16
    figures = review.overview(turns)
    assert figures.totals == {"answered": 5, "not_found": 5, "refused": 2, "clarified": 2, "other": 2}
    assert (figures.up, figures.down) == (1, 3)
    assert set(figures.by_channel) == {"rest", "socketio", "telegram"}
    groups = review.to_add(turns)
    assert (groups[0].key, groups[0].count) == ("hay algo sobre blockchain", 3)
    assert "'=cmd" in review.to_add_csv(groups)
    assert len(review.conversations(turns, outcome="not_found")) == 3
    assert [t.text for t in review.transcript(reader_engine, TELEGRAM)][2] == "Oaxaca"
    assert len(review.turns(reader_engine, since=turns[13].at)) == 3  # a period: the ids bisected
    owner, _ = stores
    owner.session("nuevo", turns[-1].at + 60)  # the assistant keeps writing: the new rows are read
    owner.say("nuevo", "que es un pal", "que_es_pal", "action_definicion", review_answer())
    assert review.turns(reader_engine)[-1].text == "que es un pal"
    with owner.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM events WHERE sender_id = 'nuevo'")
    assert len(review.turns(reader_engine)) == 16


def review_answer() -> dict:
    from ..unit.test_dashboard_review import answer

    return answer("Plan de Acción Local (PAL).")


def test_the_reader_cannot_write_and_its_sessions_are_read_only(reader_engine, stores, postgres):
    with reader_engine.connect() as connection:
        assert connection.exec_driver_sql("SHOW transaction_read_only").scalar_one() == "on"
    with pytest.raises(sa.exc.DBAPIError), reader_engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM events")
    assert stores[0].rows() > 0
    # Even the owner, who may write, gets a read-only session from the data layer.
    owner_engine = review.open_store(postgres.url)
    try:
        with (
            pytest.raises(sa.exc.DBAPIError, match="read-only transaction"),
            owner_engine.begin() as connection,
        ):
            connection.exec_driver_sql("DELETE FROM events")
    finally:
        owner_engine.dispose()
    assert stores[0].rows() > 0


def test_a_wrong_password_is_a_store_error_without_the_password(stores, postgres):
    wrong = stores[1].replace(READER_PASSWORD, "otra-clave-secreta")
    with pytest.raises(StoreError) as error:
        review.open_store(wrong)
    assert "otra-clave-secreta" not in str(error.value)


def test_the_web_app_serves_every_page_with_the_reader(stores):
    app_module = pytest.importorskip("ops.dashboard.app")
    testclient = pytest.importorskip("starlette.testclient")
    store.forget()
    app = app_module.create_app(app_module.Config(token=TOKEN, store_url=stores[1]))
    period = "desde=2026-11-01&hasta=2026-11-04"
    bearer = {"Authorization": f"Bearer {TOKEN}"}
    with testclient.TestClient(app) as client:
        pages = {
            "/": "Resumen",
            "/agregar": "HAY ALGO SOBRE BLOCKCHAIN",
            "/agregar.csv": "HAY ALGO SOBRE BLOCKCHAIN",
            "/conversaciones": TELEGRAM,
            f"/conversaciones/{urllib.parse.quote(TELEGRAM, safe='')}": "Oaxaca",
        }
        for path, expected in pages.items():
            reply = client.get(f"{path}?{period}", headers=bearer)
            assert reply.status_code == 200, (path, reply.text[:500])
            assert expected in reply.text, path
            assert "/estado_situacion" not in reply.text
    store.forget()

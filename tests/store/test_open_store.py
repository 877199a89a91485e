"""open_store: which locations open which backend; a PostgreSQL store that cannot be used says so in one line."""
from __future__ import annotations

from pathlib import Path

import pytest
from hostile import assert_one_line_error, tmtool
from store.pgcluster import PASSWORD, PASSWORD_USER, Cluster, free_port, psql

from tm.errors import StoreError
from tm.store import SQLiteStore, open_store, shown_location, without_password
from tm.store.postgres import PostgresStore


def test_a_path_opens_an_sqlite_store(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.db") as store:
        assert isinstance(store, SQLiteStore) and store.location == str(tmp_path / "t.db")


@pytest.mark.parametrize("url, shown", [
    ("postgresql://user:secret@localhost/tm", "postgresql://localhost/tm"),
    ("postgres://localhost:5433/tm", "postgres://localhost:5433/tm"),
    ("postgresql://:secret@db.example/tm?sslmode=require", "postgresql://db.example/tm?sslmode=require"),
    ("postgresql://tm@127.0.0.1/unterm", "postgresql://127.0.0.1/unterm"),
])
def test_without_password(url: str, shown: str) -> None:
    assert without_password(url) == shown == shown_location(url)


@pytest.mark.parametrize("path", ["C:/tm/project.db", "a@b:c.db", "tmtool.db"])
def test_a_path_is_shown_as_it_is(path: str) -> None:
    assert shown_location(path) == path


def test_a_postgresql_url_opens_a_postgres_store(pg_url: str) -> None:
    with open_store(pg_url) as store:
        assert isinstance(store, PostgresStore) and store.location == without_password(pg_url)


def test_postgres_scheme_is_accepted(pg_url: str) -> None:
    url = pg_url.replace("postgresql://", "postgres://")
    with open_store(url) as store:
        assert store.count_units() == 0


def refused_url(pg_cluster: Cluster) -> str:
    return f"postgresql://{PASSWORD_USER}:{PASSWORD}@127.0.0.1:{free_port()}/tm"


# (case, URL from the cluster, words of the one-line error)
UNUSABLE = [
    ("connection-refused", refused_url, "Connection refused"),
    ("auth-failed", lambda c: c.url("postgres", PASSWORD_USER, "wrong-" + PASSWORD), "password authentication failed"),
    ("missing-database", lambda c: c.url("no_such_db", PASSWORD_USER, PASSWORD),
     'database "no_such_db" does not exist'),
]


@pytest.mark.parametrize("command", [("stats",), ("build", "--example"), ("search", "доклад")],
                         ids=["stats", "build", "search"])
@pytest.mark.parametrize("case, make, message", UNUSABLE, ids=[c[0] for c in UNUSABLE])
def test_an_unusable_server_is_one_line_without_the_password(pg_cluster: Cluster, case: str, make: object,
                                                              message: str, command: tuple[str, ...]) -> None:
    url = make(pg_cluster)  # type: ignore[operator]
    line = assert_one_line_error(tmtool(*command, "--db", url), without_password(url), message)
    assert "s3cret" not in line and "cannot connect" in line


def test_the_password_is_never_printed(pg_cluster: Cluster) -> None:
    psql(pg_cluster, "CREATE DATABASE pw_store OWNER secretuser")
    url = pg_cluster.url("pw_store", PASSWORD_USER, PASSWORD)
    for command in (("build", "--example"), ("stats",), ("stats", "--json"), ("search", "доклад")):
        outcome = tmtool(*command, "--db", url)
        assert outcome.code == (1 if command[0] == "search" else 0), outcome.stderr  # search: 1 is "no match"
        assert PASSWORD not in outcome.stdout + outcome.stderr
    assert without_password(url) in tmtool("stats", "--db", url).stdout


def test_a_database_with_foreign_tables_is_refused_untouched(pg_url: str, pg_cluster: Cluster) -> None:
    database = pg_url.rsplit("/", 1)[1]
    psql(pg_cluster, "CREATE TABLE units (name text)", database)
    assert_one_line_error(tmtool("build", "--example", "--db", pg_url),
                          without_password(pg_url), "not a tmtool store")
    assert psql(pg_cluster, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", database) == "1"


def test_a_newer_schema_is_refused(pg_url: str, pg_cluster: Cluster) -> None:
    open_store(pg_url).close()
    psql(pg_cluster, "UPDATE tmtool_meta SET value = '99' WHERE key = 'schema_version'", pg_url.rsplit("/", 1)[1])
    assert_one_line_error(tmtool("stats", "--db", pg_url),
                          without_password(pg_url), "newer than this tmtool understands")


def test_an_empty_database_is_no_store_for_reading(pg_url: str) -> None:
    assert_one_line_error(tmtool("stats", "--db", pg_url),
                          without_password(pg_url), "no tmtool store in this database")
    with pytest.raises(StoreError, match="no tmtool store"):
        open_store(pg_url, create=False)


def test_a_store_made_before_a_column_existed_gains_it(pg_url: str, pg_cluster: Cluster) -> None:
    """A column added to postgres_schema's tables (one line) reaches older stores when they are opened."""
    database = pg_url.rsplit("/", 1)[1]
    assert tmtool("build", "--example", "--db", pg_url).code == 0
    psql(pg_cluster, "ALTER TABLE units DROP COLUMN markup", database)
    with open_store(pg_url, readonly=True) as store:  # reading does not change the schema
        assert psql(pg_cluster, "SELECT count(*) FROM information_schema.columns WHERE column_name = 'markup'",
                    database) == "0"
    with open_store(pg_url) as store:
        assert store.count_units() > 0
    assert psql(pg_cluster, "SELECT count(*) FROM units WHERE markup = ''", database) == psql(
        pg_cluster, "SELECT count(*) FROM units", database)
    outcome = tmtool("export", "--format", "tmx", "-o", "-", "--db", pg_url)
    assert outcome.code == 0 and "<tu" in outcome.stdout


def test_a_store_made_before_the_untranslated_index_counts_alike_and_gains_it(tmp_path: Path) -> None:
    import sqlite3

    from tm.model import DocumentInfo, Unit

    db = tmp_path / "old.db"
    units = [Unit(id=f"d:{i}", doc="d", source=f"Текст {i}.", target="" if i % 3 else f"Text {i}.", position=i)
             for i in range(7)]
    with open_store(db) as store, store.writer() as writer:
        writer.replace_document(DocumentInfo("d", "ru", "en", "sum", "sig", {}), units)
    with sqlite3.connect(db) as conn:
        conn.execute("DROP INDEX units_untranslated")
    with open_store(db, create=False, readonly=True) as store:
        assert store.unit_counts() == {"d": (7, 3)}
    with open_store(db) as store:
        assert store.unit_counts() == {"d": (7, 3)}
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'units_untranslated'").fetchone() == (1,)

import duckdb
import pytest

from flashpoint.errors import StoreError
from flashpoint.store.migrations import MIGRATIONS, applied_versions, latest_version, migrate
from flashpoint.store.rows import ROW_SCHEMAS

CONTRACT_EVENT_COLUMNS = {
    "id", "article_id", "date", "source_actor_id", "source_name", "source_country",
    "source_sector", "source_code", "target_actor_id", "target_name", "target_country",
    "target_sector", "target_code", "cameo", "root", "plover", "mode", "quad_class",
    "goldstein", "intensity", "negated", "hypothetical", "fatalities", "location_name",
    "location_country", "location_lat", "location_lon", "sentence", "span_start", "span_end",
    "trigger", "rule"}


def columns(con, table):
    return {r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?",
        [table]).fetchall()}


def test_fresh_database_gets_every_migration_once():
    con = duckdb.connect()
    assert migrate(con) == sorted(MIGRATIONS)
    assert migrate(con) == []
    assert applied_versions(con) == sorted(MIGRATIONS)
    assert latest_version() == max(MIGRATIONS)


def test_migrations_apply_one_by_one_from_an_older_version():
    con = duckdb.connect()
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, "
                "applied_at TIMESTAMP DEFAULT current_timestamp)")
    MIGRATIONS[1].apply(con)
    con.execute("INSERT INTO schema_migrations (version, name) VALUES (1, 'v1')")
    assert migrate(con) == [n for n in sorted(MIGRATIONS) if n > 1]


def test_a_newer_database_is_refused():
    con = duckdb.connect()
    migrate(con)
    con.execute("INSERT INTO schema_migrations (version, name) VALUES (999, 'future')")
    with pytest.raises(StoreError, match="newer"):
        migrate(con)


def test_events_table_has_the_contract_fields(con):
    assert CONTRACT_EVENT_COLUMNS <= columns(con, "events")


@pytest.mark.parametrize("table", sorted(ROW_SCHEMAS))
def test_row_schemas_match_the_tables(con, table):
    assert set(ROW_SCHEMAS[table].names) <= columns(con, table)

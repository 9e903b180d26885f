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


def test_v6_recodes_stored_international_bodies():
    """Rows stored as a bare "IGO" take the body's own code, as new rows do."""
    import duckdb

    from flashpoint.store.migrations import MIGRATIONS, migrate

    con = duckdb.connect()
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, "
                "applied_at TIMESTAMP DEFAULT current_timestamp)")
    for number in sorted(n for n in MIGRATIONS if n < 6):
        MIGRATIONS[number].apply(con)
        con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
                    [number, MIGRATIONS[number].name])
    con.execute("INSERT INTO actors (id, name, type, country, sector, code, entry) VALUES "
                "('a1', 'United Nations', 'organization', NULL, 'IGO', 'IGO', 'UN'), "
                "('a2', 'Iraq', 'country', 'IRQ', NULL, 'IRQ', NULL), "
                "('a3', 'UN envoy', 'person', NULL, 'IGO', 'IGO', NULL)")
    con.execute("INSERT INTO events (id, article_id, source_actor_id, source_code, "
                "target_actor_id, target_code, cameo, root, quad_class, goldstein, negated, "
                "hypothetical, sentence, span_start, span_end, trigger, rule) VALUES "
                "('e1', 'x', 'a1', 'IGO', 'a2', 'IRQ', '111', '11', 3, -2, false, false, 's', "
                "0, 1, 't', 'r')")
    assert 6 in migrate(con)
    assert con.execute("SELECT code FROM actors ORDER BY id").fetchall() == [
        ("IGOUN",), ("IRQ",), ("IGO",)]  # a person of no named body keeps "IGO"
    assert con.execute("SELECT source_code, target_code, confidence FROM events").fetchall() \
        == [("IGOUN", "IRQ", None)]

"""Schema versions as registered migrations (sqlite-utils ``migrations.py`` style).

Each migration is a function registered with a number; :func:`migrate` applies the ones a
database lacks, in order, each in its own transaction together with its row in
``schema_migrations``. Never edit a released migration: add a new one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb

from flashpoint.errors import StoreError


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    apply: Callable[[duckdb.DuckDBPyConnection], None]


MIGRATIONS: dict[int, Migration] = {}


def migration(number: int, name: str):
    """Register ``fn(con)`` as migration ``number``."""
    def register(fn):
        if number in MIGRATIONS:
            raise ValueError(f"migration {number} registered twice")
        MIGRATIONS[number] = Migration(number, name, fn)
        return fn
    return register


def latest_version() -> int:
    return max(MIGRATIONS)


def applied_versions(con: duckdb.DuckDBPyConnection) -> list[int]:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchone()[0]
    if not exists:
        return []
    rows = con.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()
    return [r[0] for r in rows]


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply every registered migration the database lacks; returns the numbers applied."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                "name VARCHAR NOT NULL, applied_at TIMESTAMP DEFAULT current_timestamp)")
    done = set(applied_versions(con))
    newer = sorted(done - set(MIGRATIONS))
    if newer:
        raise StoreError(f"database schema version {max(newer)} is newer than this Flashpoint "
                         f"(knows up to {latest_version()}); upgrade Flashpoint")
    applied = []
    for number in sorted(set(MIGRATIONS) - done):
        step = MIGRATIONS[number]
        con.execute("BEGIN TRANSACTION")
        try:
            step.apply(con)
            con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
                        [number, step.name])
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"migration {number} ({step.name}) failed: {exc}") from exc
        applied.append(number)
    return applied


def _run(con: duckdb.DuckDBPyConnection, ddl: str) -> None:
    for statement in ddl.split(";"):
        if statement.strip():
            con.execute(statement)


@migration(1, "articles, actors, places, events, quotes, links, ingest errors")
def _v1(con: duckdb.DuckDBPyConnection) -> None:
    _run(con, """
    CREATE TABLE articles (
        id VARCHAR PRIMARY KEY, name VARCHAR, title VARCHAR, date DATE, source VARCHAR,
        url VARCHAR, origin VARCHAR, text_sha256 VARCHAR NOT NULL, text VARCHAR NOT NULL,
        n_chars INTEGER, n_events INTEGER, repairs INTEGER, sourcing JSON, errors JSON,
        ingested_at TIMESTAMP DEFAULT current_timestamp);
    CREATE TABLE actors (
        id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, type VARCHAR, country VARCHAR,
        sector VARCHAR, code VARCHAR, entry VARCHAR);
    CREATE TABLE article_actors (
        article_id VARCHAR NOT NULL, local_id VARCHAR NOT NULL, actor_id VARCHAR NOT NULL,
        role VARCHAR, mentions JSON, PRIMARY KEY (article_id, local_id));
    CREATE TABLE places (
        id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, kind VARCHAR, country VARCHAR,
        lat DOUBLE, lon DOUBLE, geonameid BIGINT);
    CREATE TABLE article_places (
        article_id VARCHAR NOT NULL, local_id VARCHAR NOT NULL, place_id VARCHAR NOT NULL,
        mentions JSON, PRIMARY KEY (article_id, local_id));
    CREATE TABLE events (
        id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, local_id VARCHAR, date DATE,
        date_raw VARCHAR, date_precision VARCHAR, date_basis VARCHAR,
        source_actor_id VARCHAR, source_name VARCHAR, source_country VARCHAR,
        source_sector VARCHAR, source_code VARCHAR,
        target_actor_id VARCHAR, target_name VARCHAR, target_country VARCHAR,
        target_sector VARCHAR, target_code VARCHAR,
        cameo VARCHAR NOT NULL, root VARCHAR NOT NULL, plover VARCHAR, mode VARCHAR,
        context VARCHAR[], quad_class TINYINT, goldstein DOUBLE, intensity DOUBLE,
        negated BOOLEAN NOT NULL, hypothetical BOOLEAN NOT NULL,
        fatalities INTEGER, injured INTEGER,
        location_place_id VARCHAR, location_name VARCHAR, location_country VARCHAR,
        location_lat DOUBLE, location_lon DOUBLE, location_basis VARCHAR,
        sentence VARCHAR, span_start INTEGER, span_end INTEGER, trigger VARCHAR,
        trigger_start INTEGER, trigger_end INTEGER, rule VARCHAR, modality_cue VARCHAR);
    CREATE TABLE event_actors (
        event_id VARCHAR NOT NULL, role VARCHAR NOT NULL, actor_id VARCHAR NOT NULL,
        span_start INTEGER, span_end INTEGER, PRIMARY KEY (event_id, role));
    CREATE TABLE event_places (
        event_id VARCHAR NOT NULL, place_id VARCHAR NOT NULL, basis VARCHAR,
        PRIMARY KEY (event_id, place_id));
    CREATE TABLE quotes (
        id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, local_id VARCHAR, text VARCHAR,
        span_start INTEGER, span_end INTEGER, direct BOOLEAN, speaker_text VARCHAR,
        speaker_name VARCHAR, speaker_actor_id VARCHAR, speaker_start INTEGER,
        speaker_end INTEGER, anonymous BOOLEAN, speaker_country VARCHAR,
        speaker_sector VARCHAR, cue VARCHAR, rule VARCHAR);
    CREATE TABLE ingest_errors (
        key VARCHAR PRIMARY KEY, article_id VARCHAR, origin VARCHAR NOT NULL,
        error_type VARCHAR NOT NULL, message VARCHAR NOT NULL, article JSON,
        attempts INTEGER NOT NULL DEFAULT 1,
        first_seen TIMESTAMP DEFAULT current_timestamp,
        last_seen TIMESTAMP DEFAULT current_timestamp);
    """)


@migration(2, "event clusters (cross-article de-duplication) and evidence views")
def _v2(con: duckdb.DuckDBPyConnection) -> None:
    _run(con, """
    CREATE TABLE event_clusters (
        id VARCHAR PRIMARY KEY, representative_event_id VARCHAR NOT NULL,
        cameo VARCHAR, root VARCHAR, quad_class TINYINT,
        source_country VARCHAR, source_name VARCHAR, target_country VARCHAR,
        target_name VARCHAR, location_name VARCHAR, location_country VARCHAR,
        first_date DATE, last_date DATE, first_report DATE, last_report DATE,
        article_count INTEGER NOT NULL, mention_count INTEGER NOT NULL);
    CREATE TABLE event_cluster_members (
        event_id VARCHAR PRIMARY KEY, cluster_id VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL);
    CREATE VIEW evidence AS
        SELECT e.id AS event_id, e.article_id, a.title AS article_title,
               a.date AS article_date, a.url AS article_url, a.source AS article_source,
               e.sentence, e.span_start, e.span_end, e.trigger, e.trigger_start,
               e.trigger_end, e.rule
        FROM events e JOIN articles a ON a.id = e.article_id;
    CREATE VIEW cluster_evidence AS
        SELECT m.cluster_id, v.*
        FROM event_cluster_members m JOIN evidence v ON v.event_id = m.event_id;
    """)


@migration(3, "indexes for the analytics filters")
def _v3(con: duckdb.DuckDBPyConnection) -> None:
    # Zone maps already prune by date; these ART indexes serve point look-ups by article
    # and cluster, which the API's /events/{id} evidence and retry paths do.
    _run(con, """
    CREATE INDEX events_article ON events (article_id);
    CREATE INDEX members_cluster ON event_cluster_members (cluster_id);
    CREATE INDEX quotes_article ON quotes (article_id);
    """)


@migration(4, "store_state: flags such as clusters_stale")
def _v4(con: duckdb.DuckDBPyConnection) -> None:
    # Batch writes set clusters_stale in their own transaction and reclustering clears it,
    # so an ingest killed between the two still reclusters on its next run.
    _run(con, "CREATE TABLE store_state (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)")


@migration(5, "articles.date_basis: where the article date came from")
def _v5(con: duckdb.DuckDBPyConnection) -> None:
    # Rows stored before this migration keep NULL: their date's source was not recorded.
    con.execute("ALTER TABLE articles ADD COLUMN date_basis VARCHAR")


@migration(6, "events.confidence; IGO/NGO codes carry the organisation's id")
def _v6(con: duckdb.DuckDBPyConnection) -> None:
    # Rows stored before confidence existed keep NULL: they were never scored. Codes of
    # international bodies stored as a bare "IGO"/"NGO" take their dictionary entry's id
    # ("IGOUN"), as new rows do, so dyads and the network do not split one body in two.
    _run(con, "ALTER TABLE events ADD COLUMN confidence DOUBLE")
    con.execute("""
        UPDATE actors SET code = sector || upper(entry)
        WHERE code IN ('IGO', 'NGO') AND country IS NULL AND entry IS NOT NULL
          AND type = 'organization'""")
    for side in ("source", "target"):  # side: our constant
        con.execute(f"""
            UPDATE events SET {side}_code = a.code FROM actors a
            WHERE events.{side}_actor_id = a.id AND events.{side}_code IN ('IGO', 'NGO')
              AND a.code <> events.{side}_code""")

"""Sourcing statistics over the store: who is quoted, named or anonymous, from where.

The corpus-level counterpart of ``flashpoint.sourcing.sourcing_summary`` (one article).
``anonymous_share`` is over *attributed* quotes (a quote with no speaker found is
``unattributed``, neither named nor anonymous), the same definition as per article.
"""

from __future__ import annotations

import duckdb

from flashpoint.analytics.common import parse_date
from flashpoint.errors import SettingError

MAX_SPEAKERS = 500
_KIND = ("CASE WHEN q.speaker_text IS NULL THEN 'unattributed' "
         "WHEN q.anonymous THEN 'anonymous' ELSE 'named' END")


def _where(since: str | None, until: str | None, country: str | None) -> tuple[str, list]:
    parts, params = [], []
    if since:
        parse_date("since", since)
        parts.append("a.date >= CAST(? AS DATE)")
        params.append(since)
    if until:
        parse_date("until", until)
        parts.append("a.date <= CAST(? AS DATE)")
        params.append(until)
    if country:
        parts.append("q.speaker_country = upper(?)")
        params.append(country)
    return (" WHERE " + " AND ".join(parts)) if parts else "", params


def sourcing_stats(con: duckdb.DuckDBPyConnection, *, since: str | None = None,
                   until: str | None = None, country: str | None = None,
                   speakers: int = 20) -> dict:
    """``{"quotes", "direct", "reported", "named", "anonymous", "unattributed",
    "anonymous_share", "by_country": [{"country", "named", "anonymous", "quotes"}],
    "by_sector": [...same with "sector"], "speakers": [{"speaker", "country", "sector",
    "quotes", "articles"}]}`` for quotes in articles dated in [since, until]."""
    if not 1 <= speakers <= MAX_SPEAKERS:
        raise SettingError(f"speakers {speakers} must be between 1 and {MAX_SPEAKERS}")
    where, params = _where(since, until, country)
    base = f"FROM quotes q JOIN articles a ON a.id = q.article_id{where}"
    row = con.execute(
        f"SELECT count(*), count(*) FILTER (WHERE q.direct), "
        f"count(*) FILTER (WHERE NOT q.direct), count(*) FILTER (WHERE {_KIND} = 'named'), "
        f"count(*) FILTER (WHERE {_KIND} = 'anonymous') {base}", params).fetchone()
    total, direct, reported, named, anonymous = row
    attributed = named + anonymous
    return {"quotes": total, "direct": direct, "reported": reported, "named": named,
            "anonymous": anonymous, "unattributed": total - attributed,
            "anonymous_share": round(anonymous / attributed, 4) if attributed else None,
            "by_country": _breakdown(con, "speaker_country", "country", base, params),
            "by_sector": _breakdown(con, "speaker_sector", "sector", base, params),
            "speakers": _speakers(con, base, params, speakers)}


def _breakdown(con, column: str, name: str, base: str, params: list) -> list[dict]:
    # column is one of two constants chosen by the caller above, never input.
    rows = con.execute(
        f"SELECT coalesce(q.{column}, 'unknown') AS k, "
        f"count(*) FILTER (WHERE {_KIND} = 'named'), "
        f"count(*) FILTER (WHERE {_KIND} = 'anonymous') {base} "
        f"{'AND' if 'WHERE' in base else 'WHERE'} q.speaker_text IS NOT NULL "
        "GROUP BY 1 ORDER BY count(*) DESC, 1", params).fetchall()
    return [{name: k, "named": n, "anonymous": a, "quotes": n + a} for k, n, a in rows]


def _speakers(con, base: str, params: list, limit: int) -> list[dict]:
    rows = con.execute(
        "SELECT coalesce(q.speaker_name, q.speaker_text) AS s, any_value(q.speaker_country), "
        "any_value(q.speaker_sector), count(*), count(DISTINCT q.article_id) "
        f"{base} {'AND' if 'WHERE' in base else 'WHERE'} q.speaker_text IS NOT NULL "
        "AND NOT coalesce(q.anonymous, false) GROUP BY 1 ORDER BY 4 DESC, 1 LIMIT ?",
        [*params, limit]).fetchall()
    return [{"speaker": s, "country": c, "sector": sec, "quotes": n, "articles": k}
            for s, c, sec, n, k in rows]

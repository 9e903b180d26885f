"""Hand-built event data for tests, backtests and benchmarks (no NLP model involved).

* :func:`make_analysis` builds a real :class:`flashpoint.schema.Analysis` from short event
  specs, so fixtures go through the store's own writer exactly like ingested articles;
* :func:`build_store` writes such analyses into a DuckDB file with the store's functions;
* :func:`bulk_events` fills a store with ``n`` synthetic events in SQL (the 1,000,000-event
  benchmark: building it through Python records would take minutes);
* :func:`change_series` draws a daily count series whose rate jumps at a known day (the
  escalation backtest).

The coding table below is a deliberately small stand-in for the ontology: quad class and a
Goldstein-like score per CAMEO root, enough for aggregates to be checkable by hand.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from flashpoint.schema import Actor, ActorRef, Analysis, Article, Event, Quote, Speaker

# CAMEO root -> (quad class, goldstein, PLOVER type); roots 01-05 verbal cooperation,
# 06-08 material cooperation, 09-14 verbal conflict, 15-20 material conflict.
ROOTS = {
    "01": (1, 0.0, "AGREE"), "02": (1, 3.0, "CONSULT"), "03": (1, 4.0, "AGREE"),
    "04": (1, 1.0, "CONSULT"), "05": (1, 3.5, "COOPERATE"), "06": (2, 6.0, "COOPERATE"),
    "07": (2, 7.0, "AID"), "08": (2, 5.0, "RETREAT"), "09": (3, -2.0, "DEMAND"),
    "10": (3, -5.0, "DEMAND"), "11": (3, -2.0, "ACCUSE"), "12": (3, -4.0, "REJECT"),
    "13": (3, -6.0, "THREATEN"), "14": (3, -6.5, "PROTEST"), "15": (4, -7.2, "MOBILIZE"),
    "16": (4, -4.0, "SANCTION"), "17": (4, -7.0, "COERCE"), "18": (4, -9.0, "ASSAULT"),
    "19": (4, -10.0, "FIGHT"), "20": (4, -10.0, "ASSAULT"),
}

COUNTRY_NAMES = {"USA": "United States", "IRN": "Iran", "IRQ": "Iraq", "ISR": "Israel",
                 "SAU": "Saudi Arabia", "RUS": "Russia", "TUR": "Turkey", "SYR": "Syria",
                 "GBR": "United Kingdom", "FRA": "France", "CHN": "China", "YEM": "Yemen"}


@dataclass(frozen=True, kw_only=True)
class EventSpec:
    """One event to build: ``source``/``target`` are ISO3 codes or ``"ISO3:Name:SECTOR"``."""

    source: str
    target: str | None
    cameo: str = "190"
    date: str | None = None  # default: the article's date
    negated: bool = False
    hypothetical: bool = False


@dataclass(frozen=True, kw_only=True)
class QuoteSpec:
    speaker: str | None  # a name, or None for an unattributed quote
    anonymous: bool = False
    country: str | None = None
    sector: str | None = None
    direct: bool = True


def _parse_actor(spec: str) -> tuple[str, str | None, str | None]:
    """``"IRN"`` -> (Iran, IRN, None); ``"IRN:Qassem Soleimani:MIL"`` -> (name, IRN, MIL)."""
    parts = spec.split(":")
    country = parts[0] or None
    name = parts[1] if len(parts) > 1 else COUNTRY_NAMES.get(country or "", country or spec)
    sector = parts[2] if len(parts) > 2 else None
    return name, country, sector


def make_analysis(article_id: str, date: str, events: Iterable[EventSpec],
                  quotes: Iterable[QuoteSpec] = ()) -> Analysis:
    """A hand-built Analysis whose article text holds one sentence per event and quote."""
    events, quotes = list(events), list(quotes)
    actors: dict[tuple, Actor] = {}
    sentences = [f"Sentence {i} of {article_id}." for i in range(len(events) + len(quotes))]
    body = " ".join(sentences) or f"Empty article {article_id}."
    offsets, pos = [], 0
    for s in sentences:
        offsets.append((pos, pos + len(s)))
        pos += len(s) + 1

    def ref(spec: str | None, span) -> ActorRef | None:
        if spec is None:
            return None
        name, country, sector = _parse_actor(spec)
        key = (name, country, sector)
        if key not in actors:
            kind = "country" if sector is None and name == COUNTRY_NAMES.get(country) else "person"
            actors[key] = Actor(id=f"A{len(actors) + 1}", name=name, type=kind,
                                country=country, sector=sector, mentions=(span,))
        return ActorRef.of(actors[key], span)

    built = []
    for i, spec in enumerate(events):
        quad, goldstein, plover = ROOTS[spec.cameo[:2]]
        span = offsets[i]
        built.append(Event(
            id=f"E{i + 1}", source=ref(spec.source, span), target=ref(spec.target, span),
            cameo=spec.cameo, root=spec.cameo[:2], plover=plover, mode=None, context=(),
            quad_class=quad, goldstein=goldstein, intensity=goldstein, negated=spec.negated,
            hypothetical=spec.hypothetical, date=spec.date or date,
            sentence=body[span[0]:span[1]], span=span, trigger="did", rule="synthetic",
            date_basis="text" if spec.date else "article"))
    built_quotes = [_quote(i, q, offsets[len(events) + i], body) for i, q in enumerate(quotes)]
    article = Article(id=article_id, text=body, title=f"Title of {article_id}", date=date,
                      source="synthetic", origin=article_id)
    from flashpoint.sourcing import sourcing_summary
    return Analysis(article=article, actors=tuple(actors.values()), events=tuple(built),
                    quotes=tuple(built_quotes), sourcing=sourcing_summary(built_quotes))


def _quote(i: int, spec: QuoteSpec, span, body: str) -> Quote:
    speaker = None
    if spec.speaker is not None:
        speaker = Speaker(text=spec.speaker, span=None, name=None if spec.anonymous
                          else spec.speaker, anonymous=spec.anonymous, country=spec.country,
                          sector=spec.sector)
    return Quote(id=f"Q{i + 1}", text=body[span[0]:span[1]], span=span, direct=spec.direct,
                 speaker=speaker, cue="said", rule="synthetic")


def build_store(path: str | os.PathLike, analyses: Iterable[Analysis], *,
                recluster: bool = True) -> None:
    """Write analyses into ``path`` with the store's writer and compute event clusters
    (``recluster=False``: leave them stale, as an ingest batch does)."""
    from flashpoint.corpus.dedup import recluster as recompute
    from flashpoint.store.connection import connect
    from flashpoint.store.rows import analysis_rows, merge
    from flashpoint.store.writer import write_rows

    rows = merge(analysis_rows(a) for a in analyses)
    with connect(path) as con:
        write_rows(con, rows)
        if recluster:
            recompute(con)


def bulk_events(path: str | os.PathLike, n: int, *, seed: int = 0, days: int = 730,
                countries: tuple[str, ...] = tuple(COUNTRY_NAMES)) -> None:
    """``n`` random events over ``days`` days between ``countries``, written in SQL.

    One article per 20 events; dates, dyads and roots are drawn from DuckDB's seeded
    random(), so the same ``seed`` gives the same store.
    """
    from flashpoint.store.connection import connect

    roots = sorted(ROOTS)
    with connect(path) as con:
        con.execute("SET enable_progress_bar = false")
        con.execute("SELECT setseed(?)", [(seed % 1000) / 1000])
        con.execute("CREATE TEMP TABLE codes AS SELECT * FROM (VALUES "
                    + ", ".join(f"({i}, '{r}', {ROOTS[r][0]}, {ROOTS[r][1]}, '{ROOTS[r][2]}')"
                                for i, r in enumerate(roots))
                    + ") t(i, root, quad, gold, plover)")
        con.execute("CREATE TEMP TABLE cs AS SELECT * FROM (SELECT unnest(?) AS c) "
                    "t(c)", [list(countries)])
        con.execute("CREATE TEMP TABLE cidx AS SELECT row_number() OVER () - 1 AS i, c FROM cs")
        k = len(countries)
        con.execute("BEGIN TRANSACTION")
        con.execute(
            "INSERT INTO articles (id, name, title, date, source, text_sha256, text, n_chars, "
            "n_events) SELECT 'abulk' || i, 'bulk' || i, 'Bulk article ' || i, "
            "DATE '2020-01-01' + CAST(floor(random() * ?) AS INTEGER), 'synthetic', "
            "md5(i::VARCHAR), 'Bulk text ' || i, 12, 20 FROM range(?) r(i)",
            [days, (n + 19) // 20])
        con.execute(
            "INSERT INTO events (id, article_id, local_id, date, source_name, source_country, "
            "target_name, target_country, cameo, root, plover, quad_class, goldstein, "
            "intensity, negated, hypothetical, sentence, span_start, span_end, trigger, rule) "
            "SELECT 'ebulk' || r.i, 'abulk' || (r.i // 20), 'E' || r.i, "
            "a.date + CAST(floor(random() * 3) AS INTEGER), s.c, s.c, t.c, t.c, "
            "c.root || '0', c.root, c.plover, c.quad, c.gold, c.gold, random() < 0.05, "
            "random() < 0.1, 'Bulk sentence.', 0, 14, 'did', 'bulk' "
            "FROM (SELECT i, CAST(floor(random() * ?) AS INTEGER) AS si, "
            "CAST(floor(random() * ?) AS INTEGER) AS ti, "
            "CAST(floor(random() * ?) AS INTEGER) AS ri FROM range(?) q(i)) r "
            "JOIN articles a ON a.id = 'abulk' || (r.i // 20) "
            "JOIN cidx s ON s.i = r.si JOIN cidx t ON t.i = r.ti JOIN codes c ON c.i = r.ri",
            [k, k, len(roots), n])
        con.execute("COMMIT")


def change_series(*, days: int = 120, change_day: int = 90, rate_before: float = 1.0,
                  rate_after: float = 4.0, seed: int = 0) -> np.ndarray:
    """Daily Poisson counts whose rate jumps from ``rate_before`` to ``rate_after`` at
    ``change_day`` (0-based): the known change the escalation backtest must find."""
    rng = np.random.default_rng(seed)
    rates = np.where(np.arange(days) < change_day, rate_before, rate_after)
    return rng.poisson(rates)


def ingarch_series(*, days: int, omega: float, alpha: float, beta: float,
                   seed: int = 0) -> np.ndarray:
    """Counts from a Poisson INGARCH(1,1) (a daily-binned Hawkes process) with known
    parameters, for checking that the forecast model recovers them."""
    rng = np.random.default_rng(seed)
    lam = omega / (1 - alpha - beta)
    out = np.zeros(days, dtype=int)
    prev = 0
    for t in range(days):
        lam = omega + alpha * prev + beta * lam
        prev = out[t] = rng.poisson(lam)
    return out


def demo_analyses() -> list[Analysis]:
    """Four small articles whose aggregates can be checked by hand (the tests' store).

    USA-IRN (undirected, asserted): 3 conflict events, 2 on 2020-01-03 and 1 on 2020-01-08;
    one hypothetical threat and one negated attack are excluded by default. USA cooperates
    with IRQ, SAU and GBR; ISR-IRN is one conflict event. Quotes: 2 anonymous, 2 named,
    1 unattributed.
    """
    return [
        make_analysis("a1", "2020-01-01", [
            EventSpec(source="USA", target="IRQ", cameo="042"),
            EventSpec(source="IRQ", target="USA", cameo="061")]),
        make_analysis("a2", "2020-01-03", [
            EventSpec(source="USA", target="IRN:Qassem Soleimani:MIL", cameo="186"),
            EventSpec(source="IRN", target="USA", cameo="111"),
            EventSpec(source="IRN", target="USA", cameo="138", hypothetical=True),
            EventSpec(source="USA", target="IRN", cameo="190", negated=True)], [
            QuoteSpec(speaker="one U.S. official", anonymous=True, country="USA",
                      sector="GOV"),
            QuoteSpec(speaker="Javad Zarif", country="IRN", sector="GOV"),
            QuoteSpec(speaker=None)]),
        make_analysis("a3", "2020-01-08", [
            EventSpec(source="IRN:Islamic Revolutionary Guard Corps:MIL", target="USA",
                      cameo="190"),
            EventSpec(source="ISR", target="IRN", cameo="173")], [
            QuoteSpec(speaker="an Iraqi official", anonymous=True, country="IRQ",
                      sector="GOV"),
            QuoteSpec(speaker="Javad Zarif", country="IRN", sector="GOV", direct=False)]),
        make_analysis("a4", "2020-01-08", [
            EventSpec(source="SAU", target="USA", cameo="050"),
            EventSpec(source="GBR", target="USA", cameo="040")]),
    ]

"""Cross-article event de-duplication: cluster events that denote the same happening.

GDELT counts reports, not events; an analyst wants one record per real event with how often
and by whom it was reported. Two events are linked when they have

* the same CAMEO root and the same modality (a denied strike is not the strike),
* a compatible dyad: the same actor, or the same country with compatible sectors, on each
  side (a missing target only matches a missing target),
* dates within ``window_days`` (the event date, else the article's),
* compatible locations (unknown, or only the article's main place, matches anything; else
  the same country and, with coordinates, within ``max_km``),
* similar evidence: Jaccard overlap of the content words of the two sentences at least
  ``min_similarity`` (waived inside one article, where repeats are the same story's
  headline and body).

Clusters are the connected components of these links (single linkage). The result depends
only on the set of events, never on the order they were ingested, so a resumed ingest ends
with exactly the clusters of an uninterrupted one; a cluster is named after its smallest
member id.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import warnings
from collections import defaultdict
from dataclasses import dataclass

import duckdb
import pyarrow as pa

from flashpoint.store.ids import cluster_id
from flashpoint.store.writer import mark_clusters_stale, transaction

_WORD = re.compile(r"[a-z][a-z'-]{2,}")
_STOP = frozenset("""the and for that with from this have has had was were are but not his her
its their they them said says say will would could should been being into over after before
about than then there which who whom what when where while also more most other some such only
one two three new last first year years week month day today yesterday told officials official
""".split())


@dataclass(frozen=True, kw_only=True)
class DedupSettings:
    window_days: int = 3
    max_km: float = 200.0
    min_similarity: float = 0.08


DEDUP_HELP = {
    "window_days": "Largest gap in days between two reports of the same event.",
    "max_km": "Largest distance between two located reports of the same event.",
    "min_similarity": "Least Jaccard overlap of evidence content words across articles.",
}

_COLUMNS = ("id", "article_id", "date", "date_precision", "article_date", "root", "cameo",
            "quad_class",
            "negated", "hypothetical", "source_actor_id", "source_name", "source_country",
            "source_sector", "target_actor_id", "target_name", "target_country",
            "target_sector", "location_name", "location_country", "location_lat",
            "location_lon", "location_basis", "sentence", "span_start")


def words(sentence: str | None) -> frozenset[str]:
    """Content words of an evidence sentence.

    >>> sorted(words("Turkish jets struck Kurdish positions near Afrin on Sunday"))
    ['afrin', 'jets', 'kurdish', 'near', 'positions', 'struck', 'sunday', 'turkish']
    """
    return frozenset(w for w in _WORD.findall((sentence or "").lower()) if w not in _STOP)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _side_ok(e: dict, f: dict, side: str) -> bool:
    aid, bid = e[f"{side}_actor_id"], f[f"{side}_actor_id"]
    if aid and aid == bid:
        return True
    ac, bc = e[f"{side}_country"], f[f"{side}_country"]
    sa, sb = e[f"{side}_sector"], f[f"{side}_sector"]
    if ac and bc:
        return ac == bc and (sa == sb or sa is None or sb is None)
    if not ac and not bc and sa and sa == sb:
        return True  # "militants" in one report, "insurgents" in another: both REB
    an, bn = _name_key(e[f"{side}_name"]), _name_key(f[f"{side}_name"])
    return an == bn


def _side_missing(e: dict, side: str) -> bool:
    return not (e[f"{side}_actor_id"] or e[f"{side}_country"] or e[f"{side}_name"])


def _name_key(name: str | None) -> str | None:
    """Uncoded actors are matched by name: case, a leading "the" and a plural -s ignored.

    >>> _name_key("The Houthis") == _name_key("Houthi")
    True
    """
    if name is None:
        return None
    key = re.sub(r"^the\s+", "", name.casefold().strip())
    return key[:-1] if key.endswith("s") and len(key) > 3 else key


def _km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _place_ok(e: dict, f: dict, max_km: float) -> bool:
    if "article" in (e.get("location_basis"), f.get("location_basis")):
        return True  # an article's main place is no evidence of where this event was
    if e["location_country"] and f["location_country"] \
            and e["location_country"] != f["location_country"]:
        return False
    coords = (e["location_lat"], e["location_lon"], f["location_lat"], f["location_lon"])
    if None not in coords:
        return _km(*coords) <= max_km
    return True


def same_happening(e: dict, f: dict, settings: DedupSettings) -> bool:
    """Whether two events (rows with ``_COLUMNS`` plus ``_day`` and ``_words``) match."""
    if abs(e["_day"] - f["_day"]) > settings.window_days:
        return False
    if not _side_ok(e, f, "source"):
        return False
    # One report may leave out the target ("the attack") that another names: then the
    # evidence must agree twice as strongly.
    target_gap = _side_missing(e, "target") != _side_missing(f, "target")
    if not target_gap and not _side_ok(e, f, "target"):
        return False
    if not _place_ok(e, f, settings.max_km):
        return False
    if e["article_id"] == f["article_id"]:
        return not target_gap
    needed = settings.min_similarity * (2 if target_gap else 1)
    return jaccard(e["_words"], f["_words"]) >= needed


def _block_key(e: dict) -> tuple:
    def side(s):
        return e[f"{s}_country"] or e[f"{s}_sector"] or _name_key(e[f"{s}_name"])
    return (e["root"], e["negated"], e["hypothetical"], side("source"))


def cluster_events(events: list[dict], *,
                   settings: DedupSettings | None = None) -> dict[str, str]:
    """Map every event id to its cluster id."""
    settings = settings or DedupSettings()
    parent = {e["id"]: e["id"] for e in events}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    blocks: dict[tuple, list[dict]] = defaultdict(list)
    for e in events:
        if e["date"] is not None and e["date_precision"] != "day":
            continue  # "in March 2018": background, too vague to match reports by date
        day = e["date"] or e["article_date"]
        if day is None:
            continue  # undatable: stays its own cluster
        e["_day"] = day.toordinal()
        e["_words"] = words(e["sentence"])
        blocks[_block_key(e)].append(e)
    for block in blocks.values():
        block.sort(key=lambda r: (r["_day"], r["id"]))
        for i, e in enumerate(block):
            for f in block[i + 1:]:
                if f["_day"] - e["_day"] > settings.window_days:
                    break
                if same_happening(e, f, settings):
                    a, b = find(e["id"]), find(f["id"])
                    if a != b:
                        parent[max(a, b)] = min(a, b)  # the root is the smallest id
    return {eid: cluster_id(find(eid)) for eid in parent}


def _cluster_rows(events: list[dict], assignment: dict[str, str]) -> tuple[list, list]:
    members: dict[str, list[dict]] = defaultdict(list)
    for e in events:
        members[assignment[e["id"]]].append(e)
    clusters, links = [], []
    for cid, group in sorted(members.items()):
        rep = min(group, key=lambda r: (r["article_date"] or dt.date.max, r["span_start"] or 0,
                                        r["id"]))
        dates = [r["date"] or r["article_date"] for r in group if r["date"] or r["article_date"]]
        reports = [r["article_date"] for r in group if r["article_date"]]
        clusters.append({
            "id": cid, "representative_event_id": rep["id"], "cameo": rep["cameo"],
            "root": rep["root"], "quad_class": rep["quad_class"],
            "source_country": rep["source_country"], "source_name": rep["source_name"],
            "target_country": rep["target_country"], "target_name": rep["target_name"],
            "location_name": rep["location_name"], "location_country": rep["location_country"],
            "first_date": min(dates, default=None), "last_date": max(dates, default=None),
            "first_report": min(reports, default=None), "last_report": max(reports, default=None),
            "article_count": len({r["article_id"] for r in group}),
            "mention_count": len(group)})
        links += [{"event_id": r["id"], "cluster_id": cid, "article_id": r["article_id"]}
                  for r in group]
    return clusters, links


def recluster(con: duckdb.DuckDBPyConnection, *, settings: DedupSettings | None = None) -> int:
    """Recompute every cluster from the stored events in one transaction; returns the count."""
    return apply_recluster(con, plan_recluster(con, settings=settings))


@dataclass(frozen=True)
class ClusterPlan:
    """Clusters recomputed from a snapshot of the events, as the change to the stored ones:
    computing it needs only a read-only connection (a server keeps serving meanwhile);
    writing it (:func:`apply_recluster`) is a short transaction."""

    events: int  # stored events the plan was computed from
    total: int  # clusters after the change
    upsert: list[dict]  # new or changed cluster rows
    drop: list[str]  # cluster ids that are gone or changed
    links: list[dict]  # new or changed member rows


@dataclass(frozen=True)
class Snapshot:
    """The stored events and clusters as Arrow tables: read in a second or two, then
    clustered with the file closed."""

    events: pa.Table
    clusters: pa.Table
    members: pa.Table


def read_snapshot(con: duckdb.DuckDBPyConnection) -> Snapshot:
    """What clustering needs from the store, fetched as Arrow (reads only, and fast: a
    writer waiting for the file waits for this, not for the clustering)."""
    cols = ", ".join(f"e.{c}" if c != "article_date" else "a.date AS article_date"
                     for c in _COLUMNS)
    def table(sql: str) -> pa.Table:
        with warnings.catch_warnings():  # "an extra copy of the rows": cheap beside clustering
            warnings.simplefilter("ignore", UserWarning)
            return con.execute(sql).to_arrow_table()

    return Snapshot(
        events=table(f"SELECT {cols} FROM events e JOIN articles a "
                     "ON a.id = e.article_id ORDER BY e.id"),
        clusters=table("SELECT * FROM event_clusters"),
        members=table("SELECT event_id, cluster_id FROM event_cluster_members"))


def plan_recluster(con: duckdb.DuckDBPyConnection | Snapshot, *,
                   settings: DedupSettings | None = None) -> ClusterPlan:
    """Cluster the stored events (a connection, or a :func:`read_snapshot` of one) and
    compare with the stored clusters; writes nothing."""
    snapshot = con if isinstance(con, Snapshot) else read_snapshot(con)
    events = snapshot.events.to_pylist()
    clusters, links = _cluster_rows(events, cluster_events(events, settings=settings))
    stored = {row["id"]: row for row in snapshot.clusters.to_pylist()}
    members = dict(zip(snapshot.members.column("event_id").to_pylist(),
                       snapshot.members.column("cluster_id").to_pylist()))
    upsert = [c for c in clusters if stored.get(c["id"]) != c]
    keep = {c["id"] for c in clusters}
    drop = [cid for cid in stored if cid not in keep] + [c["id"] for c in upsert
                                                         if c["id"] in stored]
    return ClusterPlan(events=len(events), total=len(clusters), upsert=upsert, drop=drop,
                       links=[m for m in links if members.get(m["event_id"]) != m["cluster_id"]])


def apply_recluster(con: duckdb.DuckDBPyConnection, plan: ClusterPlan) -> int:
    """Write a plan's changes in one transaction; the clusters are marked fresh only if no
    event was stored since the plan's snapshot. Returns the cluster count."""
    cluster_tbl = pa.Table.from_pylist(plan.upsert) if plan.upsert else None  # noqa: F841
    link_tbl = pa.Table.from_pylist(plan.links) if plan.links else None  # noqa: F841
    with transaction(con, failure="recomputing event clusters failed (old clusters kept)"):
        if plan.drop:
            con.execute("DELETE FROM event_clusters WHERE list_contains(?, id)", [plan.drop])
        if plan.upsert:
            con.execute("INSERT INTO event_clusters BY NAME SELECT * FROM cluster_tbl")
        if plan.links:
            con.execute("DELETE FROM event_cluster_members WHERE event_id IN "
                        "(SELECT event_id FROM link_tbl)")
            con.execute("INSERT INTO event_cluster_members BY NAME SELECT * FROM link_tbl")
        current = con.execute("SELECT count(*) FROM events").fetchone()[0] == plan.events
        mark_clusters_stale(con, stale=not current)
    return plan.total


@dataclass(frozen=True)
class PairScore:
    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float("nan")

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else float("nan")


def pair_scores(con: duckdb.DuckDBPyConnection,
                pairs: list[tuple[str, str, bool]]) -> PairScore:
    """Score the clustering on labelled article pairs ``(origin_a, origin_b, same_event)``:
    a pair is predicted "same event" when some cluster has events from both articles.
    Names match the stored ``articles.origin`` or ``articles.name`` by suffix
    (``reuters_2017/002.txt``)."""
    rows = con.execute("SELECT m.cluster_id, a.origin, a.name FROM event_cluster_members m "
                       "JOIN articles a ON a.id = m.article_id").fetchall()
    clusters_of: dict[str, set[str]] = defaultdict(set)
    for cid, origin, name in rows:
        # A file's origin is its path; a JSON Lines article's is "file:line", its name the id.
        for key in {origin.replace("\\", "/"), str(name or "")}:
            clusters_of[key].add(cid)

    def clusters(name: str) -> set[str]:
        return set().union(*[c for o, c in clusters_of.items() if o.endswith(name)])

    tp = fp = fn = tn = 0
    for a, b, same in pairs:
        predicted = bool(clusters(a) & clusters(b))
        tp += predicted and same
        fp += predicted and not same
        fn += same and not predicted
        tn += not same and not predicted
    return PairScore(tp, fp, fn, tn)

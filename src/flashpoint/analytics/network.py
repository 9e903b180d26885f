"""The actor network: who cooperates with and who fights whom (networkx).

Nodes are countries (ISO3) or actors; an edge carries the counts of cooperation and
conflict between its two ends, their Goldstein sum and mean, and ``weight`` = all events.
Centrality: degree, strength (events), PageRank, and betweenness (on distance 1/weight,
sampled for large graphs). Communities are Louvain communities of the *cooperation*
subgraph: alliances are groups that cooperate, and two enemies who fight a lot must not
end up in one community merely because they interact. Export to GEXF and GraphML (Gephi)
or to JSON for the API. Only asserted events by default.
"""

from __future__ import annotations

import io
import math

import duckdb
import networkx as nx

from flashpoint.analytics.common import QUAD_NAMES, SIDE_KEYS, Scope, check_choice, pair_columns
from flashpoint.errors import SettingError

FORMATS = ("json", "gexf", "graphml")
MAX_EDGES = 20_000
_BETWEENNESS_SAMPLE = 200  # exact betweenness is O(VE); sample sources beyond this


def network_edges(con: duckdb.DuckDBPyConnection, *, level: str = "country",
                  directed: bool = False, since: str | None = None, until: str | None = None,
                  modality: str = "asserted", min_events: int = 1,
                  max_edges: int = MAX_EDGES) -> list[dict]:
    """Aggregated edges ``{source, target, source_name, target_name, events, <quads>, ...}``."""
    if min_events < 1 or not 1 <= max_edges <= MAX_EDGES:
        raise SettingError(f"min_events {min_events} must be >= 1 and max_edges {max_edges} "
                           f"between 1 and {MAX_EDGES}")
    scope = Scope(since=since, until=until, modality=modality, level=level)
    where, params = scope.where()
    src, tgt = SIDE_KEYS[level]
    a, b, al, bl = pair_columns(level, directed=directed)
    quads = ", ".join(f"count(*) FILTER (WHERE e.quad_class = {q}) AS {n}"
                      for q, n in QUAD_NAMES.items())
    sql = (f"SELECT {a} AS source, {b} AS target, any_value({al}) AS source_name, "
           f"any_value({bl}) AS target_name, count(*) AS events, {quads}, "
           "coalesce(sum(e.goldstein), 0) AS goldstein_sum FROM events e"
           f"{where} AND {src} IS NOT NULL AND {tgt} IS NOT NULL AND {src} <> {tgt} "
           "GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY events DESC, source, target LIMIT ?")
    cursor = con.execute(sql, [*params, min_events, max_edges])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def build_graph(edges: list[dict], *, directed: bool = False) -> nx.Graph:
    """A graph from :func:`network_edges` rows, with node and edge attributes set (pure)."""
    graph = nx.DiGraph() if directed else nx.Graph()
    for e in edges:
        for key, name in ((e["source"], e["source_name"]), (e["target"], e["target_name"])):
            if key not in graph:
                graph.add_node(key, label=name or key)
        coop = e["verbal_cooperation"] + e["material_cooperation"]
        conflict = e["verbal_conflict"] + e["material_conflict"]
        graph.add_edge(e["source"], e["target"], weight=e["events"], events=e["events"],
                       cooperation=coop, conflict=conflict,
                       **{n: e[n] for n in QUAD_NAMES.values()},
                       goldstein_sum=round(float(e["goldstein_sum"]), 4),
                       goldstein_mean=round(float(e["goldstein_sum"]) / e["events"], 4),
                       kind="conflict" if conflict > coop else "cooperation")
    add_centrality(graph)
    add_communities(graph)
    return graph


def add_centrality(graph: nx.Graph) -> None:
    """Node attributes ``degree``, ``strength``, ``pagerank``, ``betweenness`` (in place)."""
    if graph.number_of_nodes() == 0:
        return
    strength = dict(graph.degree(weight="events"))
    pagerank = nx.pagerank(graph, weight="events") if graph.number_of_edges() else {}
    for u, v, data in graph.edges(data=True):
        data["distance"] = 1.0 / data["events"]  # many events = close
    k = None if graph.number_of_nodes() <= _BETWEENNESS_SAMPLE else _BETWEENNESS_SAMPLE
    betweenness = nx.betweenness_centrality(graph, k=k, weight="distance", seed=0)
    for node, data in graph.nodes(data=True):
        data["degree"] = graph.degree(node)
        data["strength"] = strength.get(node, 0)
        data["pagerank"] = round(pagerank.get(node, 0.0), 6)
        data["betweenness"] = round(betweenness.get(node, 0.0), 6)


def add_communities(graph: nx.Graph) -> list[list[str]]:
    """Louvain communities of the cooperation subgraph; node attribute ``community``."""
    coop = nx.Graph()
    coop.add_nodes_from(graph.nodes)
    for u, v, d in graph.edges(data=True):
        if d["cooperation"] > 0:  # a directed pair's two directions add up
            previous = coop.get_edge_data(u, v, {"weight": 0})["weight"]
            coop.add_edge(u, v, weight=previous + d["cooperation"])
    if coop.number_of_edges():
        found = nx.community.louvain_communities(coop, weight="weight", seed=0)
    else:
        found = [{n} for n in coop.nodes]
    ordered = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c))
    for i, members in enumerate(ordered):
        for node in members:
            graph.nodes[node]["community"] = i
    return ordered


def graph_json(graph: nx.Graph) -> dict:
    """``{"directed", "nodes": [{"id", "label", ...}], "edges": [{"source", "target", ...}],
    "communities": [[node ids]]}`` (the API's and the dashboard's shape)."""
    nodes = [{"id": n, **d} for n, d in graph.nodes(data=True)]
    edges = [{"source": u, "target": v, **{k: x for k, x in d.items() if k != "distance"}}
             for u, v, d in graph.edges(data=True)]
    communities: dict[int, list] = {}
    for node in nodes:
        communities.setdefault(node.get("community", -1), []).append(node["id"])
    return {"directed": graph.is_directed(), "nodes": nodes, "edges": edges,
            "communities": [communities[k] for k in sorted(communities)]}


def _exportable(graph: nx.Graph) -> nx.Graph:
    """A copy whose attributes GEXF/GraphML can hold: no None, no NaN."""
    out = graph.copy()
    attribute_dicts = [d for _, d in out.nodes(data=True)] + [d for *_, d in out.edges(data=True)]
    for data in attribute_dicts:
        for key in [k for k, v in data.items()
                    if v is None or (isinstance(v, float) and math.isnan(v))]:
            del data[key]
    return out


def export_graph(graph: nx.Graph, fmt: str) -> bytes:
    """The graph as a GEXF or GraphML document (Gephi opens both)."""
    check_choice("format", fmt, FORMATS[1:])
    sink = io.BytesIO()
    if fmt == "gexf":
        nx.write_gexf(_exportable(graph), sink)
    else:
        nx.write_graphml(_exportable(graph), sink)
    return sink.getvalue()


def actor_network(con: duckdb.DuckDBPyConnection, *, level: str = "country",
                  directed: bool = False, since: str | None = None, until: str | None = None,
                  modality: str = "asserted", min_events: int = 1,
                  max_edges: int = MAX_EDGES) -> nx.Graph:
    """The network of the stored events (one call: query, build, centrality, communities)."""
    edges = network_edges(con, level=level, directed=directed, since=since, until=until,
                          modality=modality, min_events=min_events, max_edges=max_edges)
    return build_graph(edges, directed=directed)

"""The actor network: edge weights, centrality, communities, GEXF/GraphML round trips."""

import io

import networkx as nx

from flashpoint.analytics import actor_network, export_graph, graph_json
from flashpoint.analytics.network import build_graph


def test_country_network_edges_carry_cooperation_and_conflict(con):
    g = actor_network(con)
    assert set(g.nodes) == {"USA", "IRN", "IRQ", "ISR", "SAU", "GBR"}
    assert g.edges["USA", "IRN"]["conflict"] == 3 and g.edges["USA", "IRN"]["kind"] == "conflict"
    assert g.edges["USA", "IRQ"]["cooperation"] == 2
    assert g.edges["USA", "IRQ"]["kind"] == "cooperation"
    assert g.nodes["USA"]["degree"] == 4 and g.nodes["USA"]["strength"] == 7
    assert max(g.nodes, key=lambda n: g.nodes[n]["pagerank"]) == "USA"
    assert g.nodes["USA"]["betweenness"] > g.nodes["SAU"]["betweenness"]


def test_communities_group_cooperating_actors_not_enemies(con):
    g = actor_network(con)
    assert g.nodes["USA"]["community"] == g.nodes["IRQ"]["community"]
    assert g.nodes["USA"]["community"] != g.nodes["IRN"]["community"]
    assert g.nodes["ISR"]["community"] != g.nodes["IRN"]["community"]


def test_directed_network_and_modality(con):
    g = actor_network(con, directed=True, modality="any")
    assert g.is_directed()
    assert g.edges["IRN", "USA"]["events"] == 3  # accusation, attack, hypothetical threat
    assert g.edges["USA", "IRN"]["events"] == 2  # strike, negated attack


def test_actor_level_network_uses_actor_names(con):
    g = actor_network(con, level="actor")
    labels = {d["label"] for _, d in g.nodes(data=True)}
    assert {"Qassem Soleimani", "Islamic Revolutionary Guard Corps", "United States"} <= labels


def test_gexf_and_graphml_read_back(con):
    g = actor_network(con)
    for fmt, reader in (("gexf", nx.read_gexf), ("graphml", nx.read_graphml)):
        back = reader(io.BytesIO(export_graph(g, fmt)))
        assert set(back.nodes) == set(g.nodes)
        assert back.number_of_edges() == g.number_of_edges()


def test_json_shape_and_empty_graph(con):
    data = graph_json(actor_network(con))
    assert {"directed", "nodes", "edges", "communities"} <= set(data)
    assert all({"id", "label", "community", "pagerank"} <= set(n) for n in data["nodes"])
    assert all("distance" not in e for e in data["edges"])
    assert graph_json(build_graph([])) == {"directed": False, "nodes": [], "edges": [],
                                           "communities": []}

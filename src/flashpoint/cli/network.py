"""``flashpoint network``: the actor network with centrality and communities."""

from __future__ import annotations

import sys
from pathlib import Path

from flashpoint.cli.dyads import add_scope_arguments, emit

NODE_COLUMNS = ("id", "label", "community", "degree", "strength", "pagerank", "betweenness")


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "network", help="The actor network: centrality, communities, GEXF/GraphML export.",
        description="Build the network of countries or actors (edges weighted by "
                    "cooperation and conflict) and print its nodes, or write it as JSON, "
                    "GEXF or GraphML (for Gephi).",
        epilog="Example: flashpoint network --format gexf --out network.gexf")
    add_scope_arguments(p)
    p.add_argument("--directed", action="store_true")
    p.add_argument("--min-events", type=int, default=1, help="drop edges with fewer events")
    p.add_argument("--format", choices=("table", "json", "gexf", "graphml"), default="table")
    p.add_argument("--out", metavar="FILE", type=Path, help="default: standard output")
    p.set_defaults(func=run)


def run(args) -> int:
    from flashpoint.analytics import actor_network, export_graph, graph_json
    from flashpoint.store.connection import connect

    with connect(args.db, read_only=True) as con:
        graph = actor_network(con, level=args.level, directed=args.directed,
                              since=args.since, until=args.until, modality=args.modality,
                              min_events=args.min_events)
    if args.format in ("gexf", "graphml"):
        data = export_graph(graph, args.format)
        if args.out:
            args.out.write_bytes(data)
            print(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges -> "
                  f"{args.out}", file=sys.stderr)
        else:
            sys.stdout.buffer.write(data)
        return 0
    result = graph_json(graph)
    nodes = sorted(result["nodes"], key=lambda n: -n["pagerank"])
    if args.out:
        import json
        args.out.write_text(json.dumps(result, indent=2))
        return 0
    emit(result, nodes, NODE_COLUMNS, args.format)
    return 0

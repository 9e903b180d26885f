"""Analytics routes: dyads and their series, the network, escalation, sourcing.

All count asserted events unless ``modality`` says otherwise (negated and hypothetical
events did not happen; see ``flashpoint.analytics.common``).
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from flashpoint.analytics import (EscalationSettings, ForecastSettings, actor_network,
                                  dyad_escalation, dyad_series, escalation_report,
                                  export_graph, graph_json, sourcing_stats, top_dyads)
from flashpoint.api.params import Date, Level, Modality
from flashpoint.api.responses import FastJSON
from flashpoint.errors import SettingError

router = APIRouter(tags=["analytics"])

Side = Annotated[str, Path(min_length=1, max_length=200,
                           description="ISO3 country (level=country) or actor id/name")]


@router.get("/dyads", summary="Dyads ranked by conflict (or cooperation, or events)")
def dyads(request: Request, level: Level = "country", directed: bool = False,
          since: Date = None, until: Date = None, modality: Modality = "asserted",
          order: Literal["conflict", "cooperation", "events"] = "conflict",
          limit: Annotated[int, Query(ge=1, le=1000)] = 20) -> FastJSON:
    """``{"dyads": [{"a", "b", "a_name", "b_name", "events", <quad classes>, "cooperation",
    "conflict", "goldstein_sum", "goldstein_mean", "intensity_sum", "intensity_mean",
    "first_date", "last_date"}]}``."""
    with request.app.state.db.read() as con:
        rows = top_dyads(con, level=level, directed=directed, since=since, until=until,
                         modality=modality, limit=limit, order=order)
    return FastJSON({"level": level, "directed": directed, "modality": modality,
                     "dyads": rows})


@router.get("/dyads/{a}/{b}/series", summary="Time series of one dyad, per day or week")
def series(request: Request, a: Side, b: Side, level: Level = "country",
           directed: bool = False, freq: Literal["day", "week"] = "day",
           since: Date = None, until: Date = None,
           modality: Modality = "asserted") -> FastJSON:
    """``{"a", "b", "level", "directed", "freq", "modality", "since", "until", "periods":
    [{"period", "events", "verbal_cooperation", "material_cooperation", "verbal_conflict",
    "material_conflict", "cooperation", "conflict", "goldstein_sum", "goldstein_mean",
    "intensity_sum", "intensity_mean", "a_to_b", "b_to_a"}], "totals": {...}}``; periods
    without events are present with zeros."""
    with request.app.state.db.read() as con:
        result = dyad_series(con, a, b, level=level, directed=directed, freq=freq,
                             since=since, until=until, modality=modality)
    return FastJSON(result)


@router.get("/network", summary="The actor network (JSON, GEXF or GraphML)")
def network(request: Request, level: Level = "country", directed: bool = False,
            since: Date = None, until: Date = None, modality: Modality = "asserted",
            min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
            max_edges: Annotated[int, Query(ge=1, le=20_000)] = 2000,
            format: Literal["json", "gexf", "graphml"] = "json") -> Response:
    """JSON: ``{"directed", "nodes": [{"id", "label", "degree", "strength", "pagerank",
    "betweenness", "community"}], "edges": [{"source", "target", "weight", "events",
    "cooperation", "conflict", <quad classes>, "goldstein_sum", "goldstein_mean", "kind"}],
    "communities": [[node ids]]}``. ``format=gexf|graphml``: a file for Gephi."""
    with request.app.state.db.read() as con:
        graph = actor_network(con, level=level, directed=directed, since=since, until=until,
                              modality=modality, min_events=min_events, max_edges=max_edges)
    if format == "json":
        return FastJSON(graph_json(graph))
    return Response(export_graph(graph, format), media_type="application/xml", headers={
        "Content-Disposition": f'attachment; filename="network.{format}"'})


@router.get("/escalation", summary="Escalation signal and forecast: one dyad, or the top "
                                   "dyads by conflict")
def escalation(request: Request,
               a: Annotated[str | None, Query(max_length=200)] = None,
               b: Annotated[str | None, Query(max_length=200)] = None,
               level: Level = "country", directed: bool = False,
               as_of: Date = None, modality: Modality = "asserted",
               window: Annotated[int, Query(ge=1, le=90)] = 7,
               baseline: Annotated[int, Query(ge=1, le=730)] = 28,
               horizon: Annotated[int, Query(ge=1, le=90)] = 7,
               top: Annotated[int, Query(ge=1, le=50)] = 10) -> FastJSON:
    """With ``a`` and ``b``: ``{"a", "b", "as_of", "signal": {"level", "z", "p_value",
    "window_events", "baseline_rate", ...}, "change_point": {"date", "rate_before",
    "rate_after", "llr"} | null, "forecast": {"model", "interval", "days": [{"date", "mean",
    "lower", "upper"}], "total"}, "series": [{"date", "conflict", "cooperation"}]}``.
    Without: ``{"as_of", "window", "baseline", "dyads": [the same, most severe first]}``."""
    if (a is None) != (b is None):
        raise SettingError(f"give both a and b for one dyad, or neither for the top dyads "
                           f"(got a={a!r}, b={b!r})")
    settings = EscalationSettings(window=window, baseline=baseline,
                                  history=max(180, window + baseline),
                                  forecast=ForecastSettings(horizon=horizon))
    with request.app.state.db.read() as con:
        if a is not None:
            result = dyad_escalation(con, a, b, level=level, directed=directed, as_of=as_of,
                                     modality=modality, settings=settings)
        else:
            result = escalation_report(con, level=level, as_of=as_of, top=top,
                                       modality=modality, settings=settings)
    return FastJSON(result)


@router.get("/sourcing", summary="Who is quoted: named vs anonymous, by country and sector")
def sourcing(request: Request, since: Date = None, until: Date = None,
             country: Annotated[str | None, Query(max_length=3)] = None,
             speakers: Annotated[int, Query(ge=1, le=500)] = 20) -> FastJSON:
    """``{"quotes", "direct", "reported", "named", "anonymous", "unattributed",
    "anonymous_share", "by_country": [...], "by_sector": [...], "speakers": [...]}``."""
    with request.app.state.db.read() as con:
        result = sourcing_stats(con, since=since, until=until, country=country,
                                speakers=speakers)
    return FastJSON(result)

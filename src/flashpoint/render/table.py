"""Rich tables of an analysis: actors, events, quotes, places, sourcing."""

from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from flashpoint.schema import Analysis

QUAD_STYLE = {1: "green", 2: "bright_green", 3: "yellow", 4: "red"}


def render_table(analysis: Analysis, console: Console) -> None:
    """Print the analysis as tables."""
    console.print(_header(analysis))
    console.print(Group(_actors(analysis), _events(analysis), _quotes(analysis),
                        _sourcing(analysis), _places(analysis)))
    if analysis.errors:
        for error in analysis.errors:
            console.print(f"[red]stage error[/red] {error.stage}: {error.message}")


def _header(analysis: Analysis) -> Text:
    a = analysis.article
    s = analysis.sourcing
    facts = sum(not e.negated and not e.hypothetical for e in analysis.events)
    return Text.assemble(
        (f"{a.id}", "bold"), f"  {a.title or ''}  date {a.date or 'unknown'}\n",
        f"{len(analysis.actors)} actors, {len(analysis.events)} events ({facts} asserted), "
        f"{len(analysis.quotes)} quotes ({s.get('named', 0)} named, "
        f"{s.get('anonymous', 0)} anonymous), {len(analysis.places)} places, "
        f"{analysis.repairs} text repairs")


def _actors(analysis: Analysis) -> Table:
    t = Table(title="Actors", title_justify="left", expand=False)
    for col in ("id", "name", "type", "code", "mentions"):
        t.add_column(col)
    for actor in analysis.actors:
        t.add_row(actor.id, actor.name, actor.type, actor.code or "-", str(len(actor.mentions)))
    return t


def _events(analysis: Analysis) -> Table:
    t = Table(title="Events", title_justify="left")
    for col in ("id", "source", "cameo", "plover", "target", "modality", "date", "where",
                "trigger"):
        t.add_column(col, overflow="fold")
    for e in analysis.events:
        modality = "negated" if e.negated else "hypothetical" if e.hypothetical else "asserted"
        t.add_row(e.id, _ref(e.source), Text(e.cameo, style=QUAD_STYLE.get(e.quad_class, "")),
                  e.plover or "-", _ref(e.target), modality, e.date or "-",
                  e.location.name if e.location else "-", e.trigger)
    return t


def _ref(ref) -> str:
    if ref is None:
        return "-"
    return f"{ref.name} ({ref.code})" if ref.code else ref.name


def _quotes(analysis: Analysis) -> Table:
    t = Table(title="Quotes", title_justify="left")
    for col in ("id", "speaker", "anon", "kind", "text"):
        t.add_column(col, overflow="fold")
    for q in analysis.quotes:
        sp = q.speaker
        who = "-" if sp is None else f"{sp.name or sp.text}" + (
            f" ({sp.country or '?'}{sp.sector or ''})" if sp.country or sp.sector else "")
        text = q.text if len(q.text) <= 160 else q.text[:157] + "..."
        t.add_row(q.id, who, "yes" if sp and sp.anonymous else "no",
                  "direct" if q.direct else "reported", text)
    return t


def _sourcing(analysis: Analysis) -> Table:
    s = analysis.sourcing
    share = s.get("anonymous_share")
    t = Table(title=f"Sources: {s.get('named', 0)} named and {s.get('anonymous', 0)} anonymous "
                    f"quotes ({'-' if share is None else f'{share:.0%}'} anonymous)",
              title_justify="left")
    for col in ("speaker", "quotes", "anonymous", "country", "sector"):
        t.add_column(col)
    for row in s.get("speakers", []):
        t.add_row(str(row["speaker"]), str(row["quotes"]), "yes" if row.get("anonymous") else "no",
                  row.get("country") or "-", row.get("sector") or "-")
    return t


def _places(analysis: Analysis) -> Table:
    t = Table(title="Places", title_justify="left")
    for col in ("id", "name", "kind", "country", "lat", "lon", "mentions"):
        t.add_column(col)
    for p in analysis.places:
        t.add_row(p.id, p.name, p.kind, p.country or "-",
                  "-" if p.lat is None else f"{p.lat:.2f}",
                  "-" if p.lon is None else f"{p.lon:.2f}", str(len(p.mentions)))
    return t

"""One self-contained HTML page for an analysis: the article with actors, events, quotes and
places highlighted (in the manner of displaCy), then the tables. No network requests: styles
are inline and there is no script.

``mark_up`` is shared with the dashboard's article view.
"""

from __future__ import annotations

from html import escape

from flashpoint.schema import Analysis

QUAD_CLASS = {1: "verbal-coop", 2: "material-coop", 3: "verbal-conflict", 4: "material-conflict"}

STYLE = """
body{font-family:system-ui,sans-serif;max-width:1100px;margin:2rem auto;padding:0 1rem;color:#222}
.article{line-height:2.1;white-space:pre-wrap;border:1px solid #ddd;padding:1rem;border-radius:6px}
.actor{background:#dbeafe;border-radius:4px;padding:1px 3px}
.place{background:#dcfce7;border-radius:4px;padding:1px 3px}
.quote{background:#fef9c3}
.trigger{border-bottom:3px solid #7c3aed;font-weight:600}
.trigger.material-conflict{border-color:#dc2626}.trigger.verbal-conflict{border-color:#f97316}
.trigger.material-coop{border-color:#16a34a}.trigger.verbal-coop{border-color:#0ea5e9}
.trigger.negated,.trigger.hypothetical{border-bottom-style:dashed;opacity:.75}
.lbl{font-size:.62em;font-weight:700;text-transform:uppercase;margin-left:3px;color:#555}
table{border-collapse:collapse;margin:1rem 0;font-size:.9em;width:100%}
th,td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f3f4f6}.neg{color:#b91c1c}.hyp{color:#a16207}
"""


def _layers(analysis: Analysis) -> list[tuple[int, int, str, str]]:
    """(start, end, css class, label) for every highlight, in original-text offsets."""
    layers = []
    for actor in analysis.actors:
        for s, e in actor.mentions:
            layers.append((s, e, "actor", actor.code or actor.type))
    for place in analysis.places:
        for s, e in place.mentions:
            layers.append((s, e, "place", place.country or place.kind))
    for q in analysis.quotes:
        layers.append((q.span[0], q.span[1], "quote", ""))
    for ev in analysis.events:
        if ev.trigger_span:
            modality = " negated" if ev.negated else " hypothetical" if ev.hypothetical else ""
            css = f"trigger {QUAD_CLASS.get(ev.quad_class, '')}{modality}"
            layers.append((ev.trigger_span[0], ev.trigger_span[1], css,
                           f"{ev.cameo} {ev.plover or ''}".strip()))
    return layers


def mark_up(text: str, layers: list[tuple[int, int, str, str]]) -> str:
    """Escape ``text`` and wrap every layer's range in a span; overlaps become nested segments.

    >>> mark_up("Iran <b>", [(0, 4, "actor", "IRN")])
    '<span class="actor">Iran<span class="lbl">IRN</span></span> &lt;b&gt;'
    """
    cuts = {0, len(text)}
    for s, e, _, _ in layers:
        if 0 <= s < e <= len(text):
            cuts.update((s, e))
    points = sorted(cuts)
    ends_at: dict[int, list[str]] = {}
    for s, e, _, label in layers:
        if label and 0 <= s < e <= len(text):
            ends_at.setdefault(e, []).append(label)
    out = []
    for a, b in zip(points, points[1:]):
        classes = sorted({css for s, e, css, _ in layers if s <= a and b <= e})
        piece = escape(text[a:b])
        labels = "".join(f'<span class="lbl">{escape(lbl)}</span>' for lbl in ends_at.get(b, []))
        if classes:
            out.append(f'<span class="{escape(" ".join(classes))}">{piece}{labels}</span>')
        else:
            out.append(piece)
    return "".join(out)


def render_html(analysis: Analysis) -> str:
    """The whole page as a string."""
    a = analysis.article
    title = escape(a.title or a.id)
    return "".join([
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">",
        f"<title>Flashpoint: {title}</title><style>{STYLE}</style></head><body>",
        f"<h1>{title}</h1><p>Date: {escape(a.date or 'unknown')} &middot; "
        f"{len(analysis.actors)} actors, {len(analysis.events)} events, "
        f"{len(analysis.quotes)} quotes, {len(analysis.places)} places</p>",
        f'<div class="article">{mark_up(a.text, _layers(analysis))}</div>',
        _tables(analysis), "</body></html>\n"])


def _table(title: str, header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<h2>{escape(title)}</h2><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _tables(analysis: Analysis) -> str:
    def ref(r):
        return "-" if r is None else escape(f"{r.name} ({r.code})" if r.code else r.name)

    events = []
    for e in analysis.events:
        modality = ('<span class="neg">negated</span>' if e.negated else
                    '<span class="hyp">hypothetical</span>' if e.hypothetical else "asserted")
        events.append([escape(e.id), ref(e.source), escape(f"{e.cameo} {e.plover or ''}"),
                       ref(e.target), modality, escape(e.date or "-"),
                       escape(e.location.name if e.location else "-"), escape(e.sentence)])
    quotes = [[escape(q.id), escape(q.speaker.name or q.speaker.text) if q.speaker else "-",
               "anonymous" if q.speaker and q.speaker.anonymous else "named",
               "direct" if q.direct else "reported", escape(q.text)] for q in analysis.quotes]
    return "".join([
        _table("Actors", ["id", "name", "type", "code", "mentions"],
               [[escape(x.id), escape(x.name), escape(x.type), escape(x.code or "-"),
                 str(len(x.mentions))] for x in analysis.actors]),
        _table("Events", ["id", "source", "event", "target", "modality", "date", "where",
                          "evidence"], events),
        _table("Quotes", ["id", "speaker", "source", "kind", "text"], quotes),
        _table("Sources", ["speaker", "quotes", "anonymous", "country", "sector"],
               [[escape(str(r["speaker"])), str(r["quotes"]), "yes" if r.get("anonymous") else "no",
                 escape(r.get("country") or "-"), escape(r.get("sector") or "-")]
                for r in analysis.sourcing.get("speakers", [])]),
        _table("Places", ["id", "name", "kind", "country", "lat", "lon"],
               [[escape(p.id), escape(p.name), escape(p.kind), escape(p.country or "-"),
                 "-" if p.lat is None else f"{p.lat:.3f}", "-" if p.lon is None else f"{p.lon:.3f}"]
                for p in analysis.places]),
    ])

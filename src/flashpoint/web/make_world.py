"""Regenerate ``static/geo/world.json``: simplified country outlines for the offline map.

Not imported at run time. The source is Natural Earth's 1:110m admin-0 countries (public
domain), as shipped inside the geopandas 0.14.4 wheel (``geopandas/datasets/
naturalearth_lowres``). Only the shapes are taken: coordinates are rounded to 0.1 degree
(about 11 km, finer than the 1:110m source needs), points that round onto their neighbour
are dropped, and each feature keeps just its ISO3 code and name, so the file stays small.

    pip download geopandas==0.14.4 pyshp --no-deps -d /tmp/ne
    cd /tmp/ne && unzip -q geopandas-*.whl 'geopandas/datasets/*' && unzip -q pyshp-*.whl
    python src/flashpoint/web/make_world.py /tmp/ne/geopandas/datasets/naturalearth_lowres/naturalearth_lowres
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).parent / "static" / "geo" / "world.json"
# The source marks a few countries "-99"; CAMEO-style ISO3 (as our dictionaries use).
FIX_ISO = {"Kosovo": "XKX", "France": "FRA", "Norway": "NOR", "N. Cyprus": "CYP",
           "Somaliland": "SOM"}


def _ring(points: list[tuple[float, float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in points:
        p = [round(x, 1), round(y, 1)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def build(shp_base: str) -> dict:
    import shapefile  # pyshp: only needed to regenerate

    reader = shapefile.Reader(shp_base)
    features = []
    for rec, shape in zip(reader.records(), reader.shapes()):
        name = rec["name"]
        if name == "Antarctica":
            continue  # no events there; dropping it gives the map more height
        iso = FIX_ISO.get(name, rec["iso_a3"])
        bounds = list(shape.parts) + [len(shape.points)]
        rings = [_ring(shape.points[a:b]) for a, b in zip(bounds, bounds[1:])]
        rings = [r for r in rings if len(r) >= 4]
        if rings:
            features.append({"type": "Feature", "properties": {"iso3": iso, "name": name},
                             "geometry": {"type": "MultiPolygon",
                                          "coordinates": [[r] for r in rings]}})
    return {"type": "FeatureCollection", "features": features}


if __name__ == "__main__":
    data = build(sys.argv[1])
    OUT.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    print(f"{OUT}: {len(data['features'])} countries, {OUT.stat().st_size:,} bytes")

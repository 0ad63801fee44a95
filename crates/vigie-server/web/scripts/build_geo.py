#!/usr/bin/env python3
"""Regenerate web/static/france.json: the map outlines of the dashboard.

Input (read-only, ../shared/data/geo, Licence Ouverte / Open Licence, Etalab):
  regions-version-simplifiee.geojson, departements-version-simplifiee.geojson
  (gregoiredavid/france-geojson, from IGN Admin Express, INSEE codes) and
  communes_2026_latlon.json (INSEE COG 2026: which region each département is in).

What it does: projects longitude/latitude with Lambert-93 (EPSG:2154, the
official French conformal conic projection), scales to a 1000-unit-wide view
box, simplifies each ring with Douglas-Peucker (tolerance TOL view units) and
writes integer SVG path strings, so the browser needs no projection library.

Usage (from the repository root):
  python3 crates/vigie-server/web/scripts/build_geo.py [../shared/data/geo]
"""
import json
import math
import os
import sys

TOL = 0.9  # view units (the map is ~1000 wide): about a pixel at full size
WIDTH = 1000.0
PAD = 10.0

# Lambert-93 (GRS80 ellipsoid, secant cone at 44N and 49N, origin 46.5N 3E).
A = 6378137.0
E = 0.0818191910428158
LAT1, LAT2, LAT0, LON0 = map(math.radians, (44.0, 49.0, 46.5, 3.0))


def _m(phi):
    return math.cos(phi) / math.sqrt(1 - (E * math.sin(phi)) ** 2)


def _t(phi):
    s = E * math.sin(phi)
    return math.tan(math.pi / 4 - phi / 2) / ((1 - s) / (1 + s)) ** (E / 2)


N = (math.log(_m(LAT1)) - math.log(_m(LAT2))) / (math.log(_t(LAT1)) - math.log(_t(LAT2)))
F = _m(LAT1) / (N * _t(LAT1) ** N)
R0 = A * F * _t(LAT0) ** N


def lambert93(lon, lat):
    r = A * F * _t(math.radians(lat)) ** N
    theta = N * (math.radians(lon) - LON0)
    return 700000 + r * math.sin(theta), 6600000 + R0 - r * math.cos(theta)


def dp(points, tol):
    """Douglas-Peucker on a list of (x, y); keeps the first and last point."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        (x1, y1), (x2, y2) = points[i], points[j]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy)
        best, idx = -1.0, -1
        for k in range(i + 1, j):
            x, y = points[k]
            if norm == 0:
                d = math.hypot(x - x1, y - y1)
            else:
                d = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm
            if d > best:
                best, idx = d, k
        if best > tol:
            keep[idx] = True
            stack.append((i, idx))
            stack.append((idx, j))
    return [p for p, k in zip(points, keep) if k]


def polygons(geom):
    if geom["type"] == "Polygon":
        return [geom["coordinates"]]
    if geom["type"] == "MultiPolygon":
        return geom["coordinates"]
    raise ValueError("unexpected geometry " + geom["type"])


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_src = os.path.join(here, "..", "..", "..", "..", "..", "shared", "data", "geo")
    src = sys.argv[1] if len(sys.argv) > 1 else default_src
    layers = {}
    for name, fname in (("regions", "regions-version-simplifiee.geojson"),
                        ("departements", "departements-version-simplifiee.geojson")):
        with open(os.path.join(src, fname), encoding="utf-8") as f:
            layers[name] = json.load(f)["features"]
    with open(os.path.join(src, "communes_2026_latlon.json"), encoding="utf-8") as f:
        dep_region = {c["departement"]: c["region"] for c in json.load(f)}

    # Common bounds over both layers, in Lambert-93 metres.
    xs, ys = [], []
    for feats in layers.values():
        for ft in feats:
            for poly in polygons(ft["geometry"]):
                for ring in poly:
                    for lon, lat in ring:
                        x, y = lambert93(lon, lat)
                        xs.append(x)
                        ys.append(y)
    minx, maxx, miny, maxy = min(xs), max(xs), min(ys), max(ys)
    scale = (WIDTH - 2 * PAD) / (maxx - minx)
    height = round((maxy - miny) * scale + 2 * PAD)

    def view(lon, lat):
        x, y = lambert93(lon, lat)
        return (PAD + (x - minx) * scale, PAD + (maxy - y) * scale)

    out = {
        "source": "IGN Admin Express via gregoiredavid/france-geojson; INSEE COG 2026. "
                  "Licence Ouverte / Open Licence (Etalab). Projected (Lambert-93), "
                  "simplified and quantised by web/scripts/build_geo.py.",
        "width": int(WIDTH),
        "height": height,
    }
    for name, feats in layers.items():
        items = []
        for ft in sorted(feats, key=lambda f: f["properties"]["code"]):
            parts = []
            for poly in polygons(ft["geometry"]):
                for ring in poly:
                    pts = dp([view(lon, lat) for lon, lat in ring], TOL)
                    q = []
                    for x, y in pts:
                        p = (round(x), round(y))
                        if not q or q[-1] != p:
                            q.append(p)
                    if len(q) < 3:
                        continue
                    d = "M" + "L".join(f"{x} {y}" for x, y in q) + "Z"
                    parts.append(d)
            code = ft["properties"]["code"]
            item = {"code": code, "nom": ft["properties"]["nom"], "d": "".join(parts)}
            if name == "departements":
                item["region"] = dep_region.get(code)
            items.append(item)
        out[name] = items
    dest = os.path.join(here, "..", "static", "france.json")
    with open(dest, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {dest}: {os.path.getsize(dest)} bytes, view box {int(WIDTH)}x{height}")


if __name__ == "__main__":
    main()

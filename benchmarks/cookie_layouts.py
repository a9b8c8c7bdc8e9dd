"""Layout robustness of cookie extraction: the same cookie rows rendered in the layouts policies,
consent plugins and scrapers produce (tables as `|` rows, tabs, one cell per line, records, HTML;
twelve header sets; lists, prose, provider and category sub-headings, plugin declarations in text and
in HTML), each
embedded in a small policy and parsed by the pipeline. Prints true/false/missed names per layout, the
first misses, and the totals. Usage: `python benchmarks/cookie_layouts.py [seed] [trials] [shown]`
(`make cookie-layouts`). An accuracy check, not a speed one: twelve of the layouts are also tests
(`tests/extract/test_cookies.py::test_same_cookies_in_every_layout`)."""
from __future__ import annotations

import random
import sys
from collections import defaultdict

from policyparse.htmlpage import html_to_text
from policyparse.ingest import Ingested
from policyparse.pipeline import build_document, run_extractors

POOL = [
    ("_ga", "Google", "Skiller mellom brukere", "2 år"),
    ("_gid", "Google", "Skiller mellom brukere", "24 timer"),
    ("_gat_UA-12345-1", "Google", "Begrenser antall forespørsler", "1 minutt"),
    ("_fbp", "Meta", "Viser annonser på Facebook", "3 måneder"),
    ("CookieConsent", "Cookiebot", "Lagrer samtykket ditt", "1 år"),
    ("PHPSESSID", "Nettstedet", "Holder på økten", "Økt"),
    ("JSESSIONID", "Nettstedet", "Holder på innloggingen", "Økt"),
    ("lang", "Nettstedet", "Husker språkvalget ditt", "1 år"),
    ("XSRF-TOKEN", "Nettstedet", "Beskytter skjemaer mot angrep", "2 timer"),
    ("laravel_session", "Nettstedet", "Holder på økten", "2 timer"),
    ("__cf_bm", "Cloudflare", "Skiller mennesker fra roboter", "30 minutter"),
    ("_hjSessionUser_123456", "Hotjar", "Registrerer besøk", "1 år"),
    ("AWSALB", "Amazon", "Lastbalansering", "7 dager"),
    ("ARRAffinity", "Microsoft", "Lastbalansering", "Økt"),
    ("cookieconsent_status", "Nettstedet", "Lagrer samtykket ditt", "1 år"),
    ("wp-settings-1", "WordPress", "Lagrer innstillinger", "1 år"),
    ("pll_language", "Polylang", "Husker språk", "1 år"),
    ("csrftoken", "Nettstedet", "Sikkerhet", "1 år"),
    ("_pk_id.1.a1b2", "Matomo", "Statistikk", "13 måneder"),
    ("_clck", "Microsoft Clarity", "Statistikk", "1 år"),
    ("MUID", "Microsoft", "Annonsering", "1 år"),
    ("IDE", "Google", "Annonsering", "1 år"),
    ("test_cookie", "Google", "Sjekker om nettleseren tillater informasjonskapsler", "15 minutter"),
    ("NID", "Google", "Husker innstillinger", "6 måneder"),
    ("li_gc", "LinkedIn", "Lagrer samtykke", "6 måneder"),
    ("bcookie", "LinkedIn", "Identifiserer nettleseren", "1 år"),
    ("hubspotutk", "HubSpot", "Sporer besøkende", "6 måneder"),
    ("__hssc", "HubSpot", "Sporer økter", "30 minutter"),
    ("_uetsid", "Microsoft", "Annonsering", "1 dag"),
    ("vuid", "Vimeo", "Statistikk for videoavspilling", "2 år"),
    ("samtykke", "Nettstedet", "Husker samtykket ditt", "1 år"),
    ("session", "Nettstedet", "Holder på økten", "Økt"),
    ("ASP.NET_SessionId", "Nettstedet", "Holder på økten", "Økt"),
    ("__RequestVerificationToken", "Nettstedet", "Sikkerhet", "Økt"),
    ("cookie_notice_accepted", "Nettstedet", "Husker samtykket ditt", "1 måned"),
]

HEAD = {"nb": ("Navn", "Leverandør", "Formål", "Utløper"),
        "h1": ("Navn på informasjonskapsel", "Tjeneste", "Hva den gjør", "Utløpstid"),
        "h2": ("Cookie-navn", "Kilde", "Bruksområde", "Levetid"),
        "h3": ("Cookie name", "Domain", "Description", "Expiration"),
        "h4": ("Namn på informasjonskapsel", "Tilbydar", "Kva han gjer", "Lagringstid"),
        "h5": ("Informasjonskapsel", "Leverandør", "Formål", "Varighet"),
        "h6": ("Teknisk navn", "Opprinnelse", "Formål", "Utløp"),
        "h7": ("Cookie", "Vert", "Formål", "Utløper etter"),
        "h8": ("Kapsel", "Eier", "Beskrivelse", "Lagres i"),
        "nn": ("Namn", "Leverandør", "Føremål", "Levetid"),
        "en": ("Name", "Provider", "Purpose", "Expiry"),
        "nb2": ("Informasjonskapsel", "Tilbyder", "Beskrivelse", "Varighet")}

INTRO = ("Personvernerklæring for Eksempel AS\n\nEksempel AS er behandlingsansvarlig for personopplysningene "
         "vi behandler om deg.\n\nInformasjonskapsler\n\nVi bruker informasjonskapsler (cookies) på nettstedet. "
         "Nedenfor ser du hvilke informasjonskapsler vi bruker.\n\n")
OUTRO = "\n\nKontakt oss\n\nSpørsmål om personvern kan sendes til personvern@eksempel.no.\n"
HTML_PAGE = ("<html><head><title>Personvern – Eksempel AS</title></head><body><header><nav><a href='/'>Hjem</a>"
             "<a href='/om'>Om oss</a></nav></header><main><h1>Personvernerklæring for Eksempel AS</h1><p>Eksempel AS er "
             "behandlingsansvarlig for personopplysningene vi behandler om deg.</p><h2>Informasjonskapsler</h2><p>Vi bruker "
             "informasjonskapsler (cookies) på nettstedet. Nedenfor ser du hvilke informasjonskapsler vi bruker.</p>{body}"
             "<h2>Kontakt oss</h2><p>Spørsmål om personvern kan sendes til personvern@eksempel.no.</p></main>"
             "<footer><p>Eksempel AS · Storgata 1 · 0123 Oslo</p></footer></body></html>")


def pipe(rows, h, sep=" | ", outer=False, rule=False):
    lines = [sep.join(h)] + ([sep.join("---" for _ in h)] if rule else []) + [sep.join(r) for r in rows]
    return "\n".join(f"| {l} |" if outer else l for l in lines)


def formats():
    f = {}
    for lang, h in HEAD.items():
        f[f"pipe_{lang}"] = lambda rows, h=h: pipe(rows, h)
        f[f"tabs_{lang}"] = lambda rows, h=h: pipe(rows, h, sep="\t")
        f[f"md_{lang}"] = lambda rows, h=h: pipe(rows, h, outer=True, rule=True)
        f[f"cells_{lang}"] = lambda rows, h=h: "\n".join(list(h) + [c for r in rows for c in r])
        f[f"onelinehead_{lang}"] = lambda rows, h=h: " ".join(h) + "\n" + "\n".join(c for r in rows for c in r)
        f[f"records_{lang}"] = lambda rows, h=h: "\n\n".join("\n".join(f"{k}: {v}" for k, v in zip(h, r)) for r in rows)
        f[f"html_{lang}"] = lambda rows, h=h: ("<table><tr>" + "".join(f"<th>{c}</th>" for c in h) + "</tr>"
                                             + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
                                             + "</table>")
    f["bullets_paren"] = lambda rows: "\n".join(f"- {n} ({p}): {d}. Utløper etter {e}." for n, p, d, e in rows)
    f["bullets_dash"] = lambda rows: "\n".join(f"• {n} – {d}" for n, p, d, e in rows)
    f["deflines"] = lambda rows: "\n".join(f"{n}: {d}" for n, p, d, e in rows)
    f["name_desc_lines"] = lambda rows: "\n\n".join(f"{n}\n{d}. Lagringstid: {e}." for n, p, d, e in rows)
    f["prose"] = lambda rows: ("Vi setter informasjonskapslene " + ", ".join(r[0] for r in rows[:-1])
                               + f" og {rows[-1][0]}.")
    f["prose_paren"] = lambda rows: ("Vi bruker disse informasjonskapslene (" + ", ".join(r[0] for r in rows) + ").")
    f["cookiebot"] = lambda rows: ("Navn\tLeverandør\tFormål\tUtløp\tType\n"
                                   + "\n".join(f"{n}\n{p}\n{d}\n{e}\nHTTP Cookie" for n, p, d, e in rows))
    f["categories_pipe"] = lambda rows: "\n\n".join(
        [f"Nødvendige informasjonskapsler\n\n{pipe(rows[:len(rows)//2], HEAD['nb'])}",
         f"Statistikk og markedsføring\n\n{pipe(rows[len(rows)//2:], HEAD['nb'])}"])
    f["purpose_first"] = lambda rows: pipe([(d, n, e, p) for n, p, d, e in rows], ("Formål", "Navn", "Lagringstid", "Leverandør"))
    f["domain_type"] = lambda rows: pipe([(n, ".eksempel.no" if p == "Nettstedet" else f".{p.split()[0].lower()}.com", d, e, "Førstepart" if p == "Nettstedet" else "Tredjepart") for n, p, d, e in rows], ("Navn", "Domene", "Formål", "Utløper", "Type"))
    f["no_header_pipe"] = lambda rows: "\n".join(" | ".join(r) for r in rows)
    f["no_header_tabs"] = lambda rows: "\n".join("\t".join(r) for r in rows)
    f["nn_prose"] = lambda rows: ("Nettstaden set informasjonskapslane " + ", ".join(r[0] for r in rows[:-1]) + f" og {rows[-1][0]}, som vert lagra i inntil to år.")
    f["sentence_each"] = lambda rows: " ".join(f"Informasjonskapselen {n} brukes til dette: {d.lower()}. Den lagres i {e.lower()}." for n, p, d, e in rows)
    f["provider_heading"] = lambda rows: "\n\n".join(f"{p}\n\n" + "\n".join(f"{n} – {d}" for n, q, d, e in rows if q == p) for p in dict.fromkeys(r[1] for r in rows))
    f["provider_heading_table"] = lambda rows: "\n\n".join(f"{p}\n\n" + pipe([(n, d, e) for n, q, d, e in rows if q == p], ("Navn", "Formål", "Lagringstid")) for p in dict.fromkeys(r[1] for r in rows))
    f["cells_blank"] = lambda rows: "\n\n".join(list(HEAD["nb"]) + [c for r in rows for c in r])
    f["cells_blank_rows"] = lambda rows: "\n".join(HEAD["nb"]) + "\n\n" + "\n\n".join("\n".join(r) for r in rows)
    f["kv_inline"] = lambda rows: "\n".join(f"Navn: {n}, Leverandør: {p}, Formål: {d}, Utløper: {e}" for n, p, d, e in rows)
    f["paren_life"] = lambda rows: "\n".join(f"{n} ({e}) – {d}" for n, p, d, e in rows)
    f["called_quoted"] = lambda rows: " ".join(f"En informasjonskapsel kalt «{n}» lagres i {e.lower()}." for n, p, d, e in rows)
    f["numbered"] = lambda rows: "\n".join(f"{i}. {n}: {d}" for i, (n, p, d, e) in enumerate(rows, 1))
    f["upper_header"] = lambda rows: pipe(rows, tuple(h.upper() for h in HEAD["nb"]))
    f["category_col"] = lambda rows: pipe([(n, "Nødvendig" if p == "Nettstedet" else "Statistikk", d, e) for n, p, d, e in rows], ("Informasjonskapsel", "Kategori", "Formål", "Lagringstid"))
    f["two_col"] = lambda rows: pipe([(n, d) for n, p, d, e in rows], ("Navn", "Formål"))
    f["two_col_cells"] = lambda rows: "Informasjonskapsel\nFormål\n" + "\n".join(f"{n}\n{d}" for n, p, d, e in rows)
    f["onetrust_cells"] = lambda rows: ("Informasjonskapselundergruppe | Informasjonskapsler | Type informasjonskapsler\n"
        + "\n".join(f"{p.lower()}.com | {', '.join(n for n, q, d, e in rows if q == p)} | Tredjepart" for p in dict.fromkeys(r[1] for r in rows)))
    f["cookieyes_labels"] = lambda rows: "\n\n".join(f"Cookie\n{n}\nDuration\n{e}\nDescription\n{d}" for n, p, d, e in rows)
    f["cookie_info"] = lambda rows: "\n\n".join(f"Navn: {n}\nUdbyder: {p}\nFormål: {d}\nUdløb: {e}\nType: HTTP" for n, p, d, e in rows)
    f["bullets_three"] = lambda rows: "\n".join(f"• {n} – {p} – {e}" for n, p, d, e in rows)
    f.update(html_plugins())
    return f


def _by_provider(rows):
    return {p: [r for r in rows if r[1] == p] for p in dict.fromkeys(r[1] for r in rows)}


def html_plugins():
    """Cookie declarations as consent plugins and site builders print them in HTML: markup trafilatura takes for
    a consent banner, a hidden accordion or share buttons, cells of several lines, one label table per cookie,
    rows of <div>s or <span>s styled as a table."""
    return {
        "html_onetrust": lambda rows: '<div id="ot-sdk-cookie-policy"><section><h3>Informasjonskapsler</h3><table><thead><tr>'
            "<th>Informasjonskapselundergruppe</th><th>Informasjonskapsler</th><th>Type</th></tr></thead><tbody>"
            + "".join(f"<tr><td>{p.lower().split()[0]}.com</td><td>{', '.join(f'<a>{n}</a>' for n, *_ in rs)}</td>"
                      "<td>Tredjepart</td></tr>" for p, rs in _by_provider(rows).items())
            + "</tbody></table></section><section><h3>Nødvendige</h3><p>Slått på.</p></section></div>",
        "html_complianz": lambda rows: '<div id="cmplz-cookies-overview">' + "".join(
            f"<details class='cmplz-dropdown'><summary><div><h3>{p}</h3><p>Statistikk</p></div></summary>"
            + "".join(f"<div class='cookies-per-purpose'><div class='purpose'><h4>Statistikk</h4></div>"
                      f"<div class='name-header'><h5>Navn</h5></div><div class='name'>{n}</div>"
                      f"<div class='retention-header'><h5>Utløpsdato</h5></div><div class='retention'>{e}</div>"
                      f"<div class='function-header'><h5>Funksjon</h5></div><div class='function'>{d}</div></div>"
                      for n, _, d, e in rs) + "</details>" for p, rs in _by_provider(rows).items()) + "</div>",
        "html_accordion": lambda rows: "".join(
            f"<div class='accordion-item'><h3><button aria-expanded='false'>{p}</button></h3>"
            f"<div class='accordion-collapse collapse' aria-hidden='true'><p>Disse informasjonskapslene settes av {p} "
            f"når du besøker nettstedet, og de brukes slik tabellen viser.</p><table><tr><th>Navn</th><th>Formål</th>"
            f"<th>Utløper</th></tr>" + "".join(f"<tr><td>{n}</td><td>{d}</td><td>{e}</td></tr>" for n, _, d, e in rs)
            + "</table></div></div>" for p, rs in _by_provider(rows).items()),
        "html_br_cells": lambda rows: "<table><tr><th>Navn</th><th>Leverandør</th><th>Utløper</th></tr>" + "".join(
            f"<tr><td>{'<br>'.join(n for n, *_ in rs)}</td><td>{p}</td><td>{'<br>'.join(e for *_, e in rs)}</td></tr>"
            for p, rs in _by_provider(rows).items()) + "</table>",
        "html_div_grid": lambda rows: "<div class='cookie-list'>" + "".join(
            f"<div class='cookie-row'><div class='name'>{n}</div><div class='provider'>{p}</div>"
            f"<div class='purpose'>{d}</div><div class='expiry'>{e}</div></div>" for n, p, d, e in rows) + "</div>",
        "html_span_items": lambda rows: "<ul class='cookies'>" + "".join(
            f"<li><span class='name'>{n}</span><span class='provider'>{p}</span><span class='expiry'>{e}</span></li>"
            for n, p, d, e in rows) + "</ul>",
        "html_label_tables": lambda rows: "".join(
            f"<table><tr><th>Navn</th><td>{n}</td></tr><tr><th>Leverandør</th><td>{p}</td></tr>"
            f"<tr><th>Formål</th><td>{d}</td></tr><tr><th>Utløper</th><td>{e}</td></tr></table>" for n, p, d, e in rows),
    }


def run(text: str, html: bool = False) -> list[str]:
    ingested = html_to_text(text) if html else Ingested(text)
    record = run_extractors(build_document(ingested, "fmt", "<fmt>"))
    return [c["name"] for c in record["cookies"]]


def main(seed: int = 0, trials: int = 6, show: int = 3):
    rng = random.Random(seed)
    stats = defaultdict(lambda: [0, 0, 0])
    misses = defaultdict(list)
    for name, render in formats().items():
        for _ in range(trials):
            rows = rng.sample(POOL, rng.randint(3, 7))
            body = render(rows)
            html = name.startswith("html_")
            text = HTML_PAGE.format(body=body) if html else INTRO + body + OUTRO
            got = run(text, html)
            gold = [r[0] for r in rows]
            tp = len(set(got) & set(gold))
            s = stats[name]
            s[0] += tp; s[1] += len(set(got) - set(gold)); s[2] += len(set(gold) - set(got))
            if set(got) != set(gold) and len(misses[name]) < show:
                misses[name].append((sorted(set(gold) - set(got)), sorted(set(got) - set(gold))))
    T = [0, 0, 0]
    for name, (tp, fp, fn) in stats.items():
        T = [a + b for a, b in zip(T, (tp, fp, fn))]
        mark = "" if fp == fn == 0 else "  <--"
        print(f"{name:22s} tp {tp:3d} fp {fp:3d} fn {fn:3d}{mark}")
        for m in misses[name]:
            print(f"      missed {m[0]}  extra {m[1]}")
    tp, fp, fn = T
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    print(f"TOTAL tp {tp} fp {fp} fn {fn}  P {p:.3f} R {r:.3f} F1 {2*p*r/max(p+r,1e-9):.3f}")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:]))

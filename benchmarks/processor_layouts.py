"""Robustness of processor extraction: known services and invented firms put into the sentences, lists,
tables and web-page markup policies name their suppliers in (found / missed), and into sentences that
name a company without making it a processor (authorities, look-up sources, denied tools, the reader's
own services: false). Each case is embedded in a small policy and parsed by the pipeline. Usage:
`python benchmarks/processor_layouts.py` (`make processor-layouts`). An accuracy check, not a speed one."""
from __future__ import annotations

import sys
from collections import defaultdict

from policyparse.htmlpage import html_to_text
from policyparse.ingest import Ingested
from policyparse.pipeline import build_document, run_extractors

KNOWN = ["Tripletex", "Fiken", "Mailchimp", "HubSpot", "Zendesk", "Vipps", "Klarna", "Stripe", "Posten", "PostNord",
         "Microsoft 365", "Google Workspace", "Amazon Web Services", "Domeneshop", "Visma", "PowerOffice", "Intercom",
         "Spond", "Kredinor", "LINK Mobility", "Hotjar", "Cloudflare", "Shopify"]
FIRMS = ["Fjordsky Drift AS", "Nordlys Regnskap AS", "Bryggen IT AS", "Vestland Lønn AS", "Kystdata AS",
         "Tindeskog Hosting AS", "Sørvik Inkasso AS", "Elvebakk Trykk AS", "Haugland Transport AS", "Mjøsdata AS"]

TEXT = [
    "Vi bruker {n} til regnskap.",
    "Regnskapet vårt føres av {n}.",
    "Nettsiden driftes av {n}.",
    "{n} er vår databehandler for e-post.",
    "Vi har inngått databehandleravtale med {n}.",
    "Opplysningene lagres hos {n}.",
    "Betaling skjer via {n}.",
    "Vi deler opplysningene med {n}, som leverer lønnssystemet vårt.",
    "Leverandører\n\nVi bruker disse leverandørene:\n- {n} (regnskap)",
    "Underleverandører\n\n- {n} – drift og hosting",
    "Leverandør | Formål | Land\n{n} | Regnskap | Norge",
    "Leverandør\nFormål\nLand\n{n}\nRegnskap\nNorge",
    "Dersom du ikke betaler, sender vi saken til {n}.",
    "Vi nyttar {n} til å sende ut nyheitsbrev.",
    "Systemet er levert av {n}.",
    "{n} hjelper oss med IT-drift og brukerstøtte.",
    "Data er lagret på servere hos {n} i Norge.",
]
HTML = [
    "<h2>Databehandlere</h2><table><tr><th>Leverandør</th><th>Formål</th><th>Land</th></tr>"
    "<tr><td>{n}</td><td>Regnskap</td><td>Norge</td></tr></table>",
    "<h2>Databehandlere</h2><p>Vi bruker disse leverandørene:</p><ul><li><a href='https://example.com'>{n}</a></li></ul>",
    "<h2>Databehandlere</h2><dl><dt>{n}</dt><dd>Regnskap og lønn, Norge</dd></dl>",
    "<h2>Databehandlere</h2><div><h3><button aria-expanded='false'>{n}</button></h3><div aria-hidden='true'><p>"
    "Leverandøren fører regnskapet vårt og behandler bare opplysninger på våre vegne etter en avtale.</p></div></div>",
]
# a company named where it receives nothing from the controller
NOT_PROCESSOR = [
    "Du kan klage til Datatilsynet dersom du mener vi bryter reglene.",
    "Vi henter adressen din fra Folkeregisteret og Brønnøysundregistrene.",
    "Vi bruker ikke {n}.",
    "Du kan logge inn med BankID eller Vipps.",
    "Les mer om hvordan Google behandler data i Googles egen personvernerklæring.",
    "Slik sletter du informasjonskapsler i Google Chrome, Microsoft Edge og Apple Safari.",
    "Eksempel AS er en del av Eksempel Gruppen AS.",
]
INTRO = ("Personvernerklæring for Eksempel AS\n\nEksempel AS (org.nr. 974 379 511) er behandlingsansvarlig for "
         "personopplysningene vi behandler om deg.\n\nSlik behandler vi opplysningene\n\n")
HTML_PAGE = ("<html><body><main><h1>Personvernerklæring for Eksempel AS</h1><p>Eksempel AS (org.nr. 974 379 511) "
             "er behandlingsansvarlig for personopplysningene vi behandler om deg.</p>{body}<h2>Kontakt oss</h2><p>"
             "Spørsmål om personvern kan sendes til personvern@eksempel.no.</p></main></body></html>")


def processors_of(text: str, html: bool = False) -> set[str]:
    ingested = html_to_text(HTML_PAGE.format(body=text)) if html else Ingested(INTRO + text)
    return {p["name"] for p in run_extractors(build_document(ingested, "fmt", "<fmt>"))["processors"]}


def found(name: str, names: set[str]) -> bool:
    """The gazetteer names a service its own way (`Tripletex AS` -> `Tripletex`): the first word decides."""
    return any(name == x or name.split()[0] == x.split()[0] for x in names)


def main(show: int = 4) -> None:
    total = [0, 0]
    for kind, templates in (("text", TEXT), ("html", HTML)):
        for template in templates:
            missed = [n for n in KNOWN + FIRMS if not found(n, processors_of(template.format(n=n), kind == "html"))]
            got = len(KNOWN) + len(FIRMS) - len(missed)
            total[0] += got
            total[1] += len(KNOWN) + len(FIRMS)
            mark = "  <--" if missed else ""
            print(f"{kind} {got:2d}/{len(KNOWN) + len(FIRMS)}  {template[:70]!r}{mark}")
            if missed:
                print(f"      missed {missed[:show]}")
    false = defaultdict(list)
    for template in NOT_PROCESSOR:
        for n in (KNOWN if "{n}" in template else [""]):
            names = processors_of(template.format(n=n))
            if names:
                false[template].extend(sorted(names))
    for template in NOT_PROCESSOR:
        print(f"false {len(false[template]):2d}  {template[:70]!r}" + (f"  {false[template][:show]}" if false[template] else ""))
    n_false = sum(len(v) for v in false.values())
    print(f"TOTAL found {total[0]}/{total[1]} (recall {total[0] / total[1]:.3f}), false {n_false}")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:]))

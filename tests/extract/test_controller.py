"""Controller fields (`extract/controller.py`): organisation numbers, e-mails and controller names."""
from __future__ import annotations

import pytest

from policyparse.extract import controller

from conftest import make_doc


def extract(text: str):
    doc = make_doc(text)
    result = controller.extract(doc, {})
    for f in result.findings:
        assert f.method and 0 < f.confidence <= 1 and 0 <= f.start < f.end <= len(doc.text)
        assert f.sentence, "a finding carries its evidence sentence"
    c = result.fields["controller"]
    assert c["org_numbers"] == result.fields["org_numbers"] and c["emails"] == result.fields["emails"]
    return result, doc


ORG_NUMBERS = [
    ("DIBkunnskap AS (974 379 511) er ansvarlig for behandlingen.", ["974379511"]),
    ("Org.nr: 556646-2940", ["5566462940"]),                         # Swedish, 10 digits with a hyphen
    ("Org.nr. 974379511", ["974379511"]),
    ("Org. nr.: 974 379 511", ["974379511"]),
    ("org nr 974379511", ["974379511"]),
    ("Organisasjonsnummer: 974379511", ["974379511"]),
    ("Foretaksregisteret NO 974379511 MVA", ["974379511"]),
    ("NO 974 379 511 MVA", ["974379511"]),
    ("974.379.511", ["974379511"]),
    ("Orgnr 556646-2940 og 974 379 511", ["974379511", "5566462940"]),
    ("Org.nr. 974 379 511. Org.nr. 974 379 511.", ["974379511"]),    # each number once
    # invalid check digits are rejected
    ("Org.nr. 974 379 512", []),
    ("Org.nr: 556646-2941", []),
    ("Organisasjonsnummer: 123456789", []),
    # phone numbers, account numbers, dates and bare digit runs are not organisation numbers
    ("Ring oss p\u00e5 22 33 44 55 eller 922 33 445.", []),
    ("Telefon: +47 22 33 44 55", []),
    ("Mobil: (+47) 915 55 555", []),
    ("Tlf. 0047 22 96 37 00", []),
    ("Tlf. 974379511", []),                                          # ungrouped, no org.nr. cue
    ("Kundenummer 974379511 er ikke et org.nr", []),
    ("Kontonummer 1503.12.34567", []),
    ("Faktura 123456-7890", []),
    ("Sist oppdatert 24.02.2026", []),
]


@pytest.mark.parametrize("text, expected", ORG_NUMBERS)
def test_org_numbers(text, expected):
    result, doc = extract(text)
    assert result.fields["org_numbers"] == expected
    for f in result.findings:
        if f.field == "org_numbers":
            assert "".join(ch for ch in doc.text[f.start:f.end] if ch.isdigit()) == f.value


EMAILS = [
    ("Kontakt support(at)dib.no for sp\u00f8rsm\u00e5l.", ["support@dib.no"]),
    ("Skriv til post [at] x.no.", ["post@x.no"]),
    ("Send e-post til personvern@firma.no.", ["personvern@firma.no"]),           # trailing full stop
    ("Send e-post til Personvern@Firma.NO, eller ring.", ["personvern@firma.no"]),  # lower case
    ("E-post: post(at)eksempel(dot)no", ["post@eksempel.no"]),
    ("Skriv til post (kr\u00f8llalfa) eksempel.no", ["post@eksempel.no"]),
    ("Kontakt navn.etternavn@firma.co.uk eller post@firma-navn.no.",
     ["navn.etternavn@firma.co.uk", "post@firma-navn.no"]),
    ("E-post:post@x.no", ["post@x.no"]),
    ("mailto:post@x.no", ["post@x.no"]),
    ("Skriv til \u00abpost@x.no\u00bb.", ["post@x.no"]),
    ("Skriv til (post@x.no).", ["post@x.no"]),
    ("post@x.no; kontakt@x.no og post@x.no igjen", ["post@x.no", "kontakt@x.no"]),
    # not e-mail addresses
    ("Se https://medium.com/@brukernavn for mer.", []),
    ("Vi er @eksempel p\u00e5 Twitter.", []),
    ("Bilde: logo@2x.png og ikon@3x.webp", []),
    ("Vi er tilgjengelige (at) kontoret hver dag.", []),
]


@pytest.mark.parametrize("text, expected", EMAILS)
def test_emails(text, expected):
    result, _ = extract(text)
    assert result.fields["emails"] == expected


NAMES = [
    ("Infobric AB er ansvarlig for behandlingen av personopplysningene dine.", ["Infobric AB"]),
    ('DIBkunnskap AS "DIB" (974 379 511) er behandlingsansvarlig.', ["DIBkunnskap AS"]),
    ("DIBkunnskap AS (974 379 511) er ansvarlig for behandlingen.", ["DIBkunnskap AS"]),
    ("Behandlingsansvarlig er Eksempel AS, Storgata 1, 0155 Oslo.", ["Eksempel AS"]),
    ("Kvam E-sport er behandlingsansvarleg for opplysningane.", ["Kvam E-sport"]),
    ("Vi er behandlingsansvarlig for opplysningene.", []),
    ("Daglig leder er ansvarlig for behandlingen av personopplysninger.", []),
    ("Du er ansvarlig for at opplysningene er riktige.", []),
    ("Borettslaget ligger i Trondheim. Styret er behandlingsansvarlig for opplysningene.", ["Styret"]),
    ("Finn.no AS er behandlingsansvarlig for annonsene.", ["Finn.no AS"]),
    # another party: a separate controller, a processor or a management company named with its org number
    ("Klarna er selvstendig behandlingsansvarlig for kredittvurderingen.", []),
    ("Betaler du med Vipps, får vi navnet ditt. Vipps MobilePay er selv behandlingsansvarlig for betalingen.", []),
    ("Studieforbundet er sjølv ansvarleg for opplysningane dei får.", []),
    ("Meta, Google og Adform er felles behandlingsansvarlige med oss for annonsemålingen.", []),
    ("Samtalene gjennomføres av Samtale Norge AS (org.nr. 959 083 010), et ringesenter som er vår databehandler.", []),
    ("Forvaltningen er satt ut til forretningsfører Nordbo Forvaltning AS (org.nr. 959 083 010).", []),
    ("Eksempel AS (org.nr. 974 379 511) er behandlingsansvarlig. Vi bruker databehandlere.", ["Eksempel AS"]),
    # r8: a public body named with a lower-case word; a supplier with its org number is then no controller
    ("Fjellby kommune (org.nr. 968 676 369) er behandlingsansvarlig.\n\nLeverandører\n\n"
     "Nordkode AS (org.nr. 990 457 727) – har utviklet løsningen og retter feil", ["Fjellby kommune"]),
    ("Nordkode AS (org.nr. 990 457 727) leverer denne nettsiden.", ["Nordkode AS"]),
    # a name never ends on a joining word: `... i Trøndelag og er behandlingsansvarlig` names no `Trøndelag og`
    ("Lokk Frisør AS (org.nr. 999 603 084) driver ni salonger i Trøndelag og er behandlingsansvarlig for "
     "opplysningene.", ["Lokk Frisør AS"]),
    ("Universitetet i Nordvest er behandlingsansvarleg for opplysningane.", ["Universitetet i Nordvest"]),
    # r21: the name that opens the controller section with its org number, not a supplier named later
    ("Personvernerklæring\n\nHvem er behandlingsansvarlig?\n\nLyngstad Idrettslag, org.nr. 992 718 358, "
     "Lyngstadveien 12, 3186 Horten.\n\nRegnskap\n\nRegnskapet føres av Borre Regnskap AS (org.nr. 926 584 170).",
     ["Lyngstad Idrettslag"]),
    ("Personvernerklæring\n\nKven er ansvarleg\n\nHøgskulen i Nordfjord (organisasjonsnummer 974 315 289) er "
     "ansvarleg for nettstaden.", ["Høgskulen i Nordfjord"]),
]


@pytest.mark.parametrize("text, expected", NAMES)
def test_controller_names(text, expected):
    result, doc = extract(text)
    assert result.fields["controller"]["names"] == expected
    for f in result.findings:
        if f.field == "controller":
            assert doc.text[f.start:f.end] == f.value and f.method.startswith("controller.")

"""Cookie names, cookie providers, and enrichment from the shipped table and the Open Cookie Database."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from policyparse import cookiedb
from policyparse.extract import cookies
from policyparse.flat_tables import header_role
from policyparse.htmlpage import html_to_text
from policyparse.pipeline import build_document

from conftest import SHARED, make_doc

OCD_CSV = SHARED / "vendor" / "open-cookie-database" / "open-cookie-database.csv"
needs_ocd = pytest.mark.skipif(not OCD_CSV.is_file(), reason="../shared/vendor/open-cookie-database is absent")

FLAT_TABLE = """Informasjonskapsler

Navn
Leverandør
Formål
Varighet
_ga
Google
Skiller brukere fra hverandre
2 år
_ga_[ID]
Google
Holder på økttilstand
2 år
cookie-consent
nettstedet
Lagrer samtykkevalget
Permanent (localStorage)"""

NN_TABLE = """Informasjonskapslar

Namn
Føremål
Lengd
_gid
Skil mellom brukarar
24 timar
_gat
Avgrensar talet på førespurnader
1 minutt
pll_language
Hugsar språket du har valt
Pr økt"""

PIPE_TABLE = """Cookies

Navn | Leverandør | Formål | Varighet
_fbp | Meta | Annonsering | 3 måneder
PHPSESSID | Nettstedet | Holder økten | Sesjon
wordpress_logged_in_* | WordPress | Innlogging | Sesjon"""

STORAGE_TABLE = """Chat-widgeten (localStorage)

Chatten bruker ikke informasjonskapsler, men localStorage.

Nøkkel
Formål
Varighet
chat_session_id
Sesjons-ID
Permanent (til sletting)
chat_messages_*
Samtalehistorikk
Permanent (til sletting)"""

SUFFIX_TABLE = """Nødvendige informasjonskapsler

Navn
Formål
Leverandør
Varighet
sb-*-auth-token
Innlogging
Supabase
Sesjon
sb-*-auth-token.0, .1
Deler av token
Supabase
Sesjon"""

RECORDS = """Informasjonskapsler

Navn: _gcl_au
Formål: Konverteringssporing
Varighet: 90 dager

Navn: lang
Formål: Husker språket
Varighet: 1 år"""

ENTRIES = """Nødvendige informasjonskapsler

cookie_consent
Lagrer samtykket ditt. Utløper etter 1 år.

sessionid
Holder deg innlogget mens du bruker tjenesten."""

CASES = [
    # prose lists in cookie sentences
    ("- Informasjonskapslene (rc::a, rc::b og rc::c) brukes for å skille mellom mennesker og boter.",
     ["rc::a", "rc::b", "rc::c"]),
    ("- Statistiske informasjonskapsler (_ga, _gat, _gid, collect) hjelper oss å forstå bruken.",
     ["_ga", "_gat", "_gid", "collect"]),
    ("Chatløsningen vår plasserer informasjonskapsler (ed24eDialog24_2018chatopen og version) med informasjon om chatten.",
     ["ed24eDialog24_2018chatopen", "version"]),
    ("Informasjonskapslane (rc::a, rc::b og rc::c) vert brukte for å skilje menneske frå robotar.",
     ["rc::a", "rc::b", "rc::c"]),
    ("Nettsiden bruker kun nødvendige informasjonskapsler: lang (valgt språk) og samtykke (cookie-valget ditt).",
     ["lang", "samtykke"]),
    ("Vi bruker Google Analytics, som setter informasjonskapslene _ga og _gid.", ["_ga", "_gid"]),
    ("Hotjar bruker informasjonskapsler som _hjSession* og _hjSessionUser_[ID] for å analysere bruken.",
     ["_hjSession*", "_hjSessionUser_[ID]"]),
    ("Nettsiden bruker CookieConsent for å huske ditt samtykke til informasjonskapsler.", ["CookieConsent"]),
    ("Vi bruker følgende informasjonskapsler:\n\n- _ga: skiller brukere (2 år)\n- lang: husker språkvalget ditt",
     ["_ga", "lang"]),
    ("Cookies\n\nSupabase setter informasjonskapselen sb-abc-auth-token for innlogging.", ["sb-abc-auth-token"]),
    ("Informasjonskapsler\n\nWordPress setter wordpress_test_cookie og wp-settings-1 når du logger inn.",
     ["wordpress_test_cookie", "wp-settings-1"]),
    ("Vi bruker informasjonskapsler fra Google (__utma, __utmz) for statistikk.", ["__utma", "__utmz"]),
    ("Informasjonskapsler\n\nGoogle Analytics 4 setter _ga_<container-id> i 2 år.", ["_ga_<container-id>"]),
    # tables and records
    (FLAT_TABLE, ["_ga", "_ga_[ID]"]),
    (NN_TABLE, ["_gid", "_gat", "pll_language"]),
    (PIPE_TABLE, ["_fbp", "PHPSESSID", "wordpress_logged_in_*"]),
    (SUFFIX_TABLE, ["sb-*-auth-token", "sb-*-auth-token.0", "sb-*-auth-token.1"]),
    (RECORDS, ["_gcl_au", "lang"]),
    (ENTRIES, ["cookie_consent", "sessionid"]),
    ("Informasjonskapsel | Beskrivelse | Utløper\nGoogle Analytics (_ga) | Statistikk | 2 år\n_gat [x3] | Begrenser | 1 minutt",
     ["_ga", "_gat"]),
    ("Cookies\n\nCookie name | Provider | Purpose | Expiry\n__cf_bm | Cloudflare | Bot protection | 30 minutes",
     ["__cf_bm"]),
    ("Informasjonskapsler\n\nNavn / Type / Formål / Lagringstid\n_ga / Analyse / Statistikk / 2 år\n"
     "_gid / Analyse / Statistikk / 24 timer", ["_ga", "_gid"]),
    ("Informasjonskapsler\n\nNavn Formål Varighet\n_ga Skiller brukere 2 år\nPHPSESSID Holder økten Sesjon\n"
     "Vi bruker også andre tekniske løsninger.", ["_ga", "PHPSESSID"]),
    ("Informasjonskapsler\n\nNavn\nLeverandør\nFormål\nUtløp\nType\n_ga\nGoogle\nRegistrerer en unik ID.\n2 år\nHTTP\n"
     "_gid\nRegistrerer en unik ID.\n1 dag\nHTTP\ncollect\nGoogle\nSender data til Google Analytics.\nØkt\nPixel",
     ["_ga", "_gid", "collect"]),                        # a row typed `Pixel` is a declared cookie
    ("Informasjonskapsler\n\n_ga – Google Analytics – 2 år\n_gid – Google Analytics – 24 timer", ["_ga", "_gid"]),
    ("Vi bruker følgende informasjonskapsler: nødvendige (for drift) og markedsføringscookies (Google Ads).", []),
    # negatives: no cookie names
    ("Vi bruker informasjonskapsler (nødvendige og analytiske) for å forbedre tjenesten.", []),
    ("Informasjonskapsler (cookies) er små tekstfiler som lagres på enheten din.", []),
    ("Vi setter følgende cookies:\n\n- Google Analytics\n\n- Intercom\n\n- Google Adwords", []),
    ("Chat-løsningen lagrer data i localStorage (chat_history og chat_session_id). Vi bruker ikke informasjonskapsler.", []),
    ("Informasjonskapsler\n\nVi lagrer ditt samtykke til informasjonskapsler i localStorage (nøkkel: consent_state).", []),
    (STORAGE_TABLE, []),
    ("Vi lagrer e-postadressen din i feltet user_email i databasen vår.", []),
    ("Kontakt oss på post_mottak@firma.no eller se https://firma.no/personvern_policy om cookies.", []),
    ("Vi bruker ikke Google Analytics eller andre sporingsinformasjonskapsler.", []),
    ("Vi bruker informasjonskapsler for å huske språk og innstillinger. Disse deles ikke.", []),
    ("Behandlingsgrunnlaget er art. 6 nr. 1 bokstav f. Vi lagrer navn, e-post og telefonnummer.", []),
    ("Navn | Formål | Lokasjon\nStripe | Betaling | USA\nSupabase | Database | EU", []),
    # a `cookies:` list mixing shaped names with short known or all-caps ones; a capitalised word spoils it
    ("Følgende cookies brukes: _ga, _gid, fr, IDE, NID, ANID.", ["_ga", "_gid", "fr", "IDE", "NID", "ANID"]),
    ("Informasjonskapsler: _ga, Google, Statistikk.", ["_ga"]),
    # session 31: Squarespace's known cookies, a plain word among them
    ("Squarespace set nokre naudsynte informasjonskapslar, mellom anna crumb, som hindrar falske skjema.", ["crumb"]),
    # a shipped name of another shape, its provider named beside it
    ("Vi bruker bare én: cookieyes-consent fra cookie-banneret CookieYes, som husker valget ditt i ett år.",
     ["cookieyes-consent"]),
    ("Informasjonskapsler\n\nVi bruker cookieyes-consent.", []),
    # Wix's known cookies, a two-letter one among them, named beside Wix
    ("Wix setter noen få informasjonskapsler som trengs for at siden skal virke, blant annet XSRF-TOKEN, som beskytter "
     "kontaktskjemaet, og hs, som holder økten din i gang.", ["XSRF-TOKEN", "hs"]),
    ("Squarespace setter noen få informasjonskapsler: crumb, som trengs for skjemaene, og ss_cvr og ss_cvt, som gir "
     "besøksstatistikk.", ["crumb", "ss_cvr", "ss_cvt"]),
    ("Kaka smuldrar: ein crumb er ein smule.", []),
    # a name with full stops inside is one name, not a sentence end and a half-name
    ("Vi setter informasjonskapslene _ga, DotMetrics.UniqueUserIdentityCookie og _gid.",
     ["_ga", "DotMetrics.UniqueUserIdentityCookie", "_gid"]),
    # two ASCII parts joined by a dot, one of them technical, is a name; an abbreviation or a domain is not
    ("Adnuntius setter i tillegg kapselen adn.uid, som hindrer at du ser den samme annonsen for ofte.", ["adn.uid"]),
    ("Vi setter informasjonskapselen rack.session, som holder deg innlogget.", ["rack.session"]),
    ("Informasjonskapsler brukes f.eks. til å huske innlogging på nettsida.no.", []),
    # an identifier right after a plural cookie noun, before its relative clause
    ("Vi setter informasjonskapslene NKSESSION, som holder deg innlogget, og XSRF-TOKEN, som beskytter skjemaene.",
     ["NKSESSION", "XSRF-TOKEN"]),
    ("Informasjonskapslene GDPR og EØS-reglene gjelder.", []),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_cookie_names(text, expected):
    fields = cookies.extract(make_doc(text), {}).fields
    assert [c["name"] for c in fields["cookies"]] == expected


def _names(text: str) -> list[str]:
    return [c["name"] for c in cookies.extract(make_doc(text), {}).fields["cookies"]]


def _cookie(text: str, name: str) -> dict:
    fields = cookies.extract(make_doc(text), {}).fields
    return next(c for c in fields["cookies"] if c["name"] == name)


def test_every_cookie_has_a_finding():
    extraction = cookies.extract(make_doc(NN_TABLE), {})
    found = [f for f in extraction.findings if f.field == "cookies"]
    assert [f.value for f in found] == ["_gid", "_gat", "pll_language"]
    doc = make_doc(NN_TABLE)
    assert all(doc.text[f.start:f.end] == f.value for f in found)
    assert all(f.method.startswith("cookie.table") and 0 < f.confidence <= 1 for f in found)


def test_enrichment_from_shipped_table():
    ga = _cookie("Statistiske informasjonskapsler (_ga, _gid) hjelper oss.", "_ga")
    assert ga == {"name": "_ga", "provider": "Google Analytics", "category": "analytics", "lifetime_days": 730}
    gid = _cookie("Statistiske informasjonskapsler (_ga, _gid) hjelper oss.", "_gid")
    assert gid["lifetime_days"] == 1


def test_document_values_win_over_the_table():
    ga = _cookie(FLAT_TABLE, "_ga")
    assert ga["provider"] == "Google" and ga["lifetime_days"] == 730
    php = _cookie(PIPE_TABLE, "PHPSESSID")
    assert php["lifetime_days"] is None          # `Sesjon` stated in the table
    fbp = _cookie(PIPE_TABLE, "_fbp")
    assert fbp["lifetime_days"] == 90 and fbp["category"] == "marketing"


@pytest.mark.parametrize("name,provider,lifetime", [
    ("_ga_[ID]", "Google Analytics", 730),
    ("_ga_<container-id>", "Google Analytics", 730),
    ("_ga_XXXXXXX", "Google Analytics", 730),
    ("_hjSession*", "Hotjar", 0.0208),
    ("_hjSessionUser_[site_id]", "Hotjar", 365),
    ("_gat_UA-12345-1", "Google Analytics", 0.0007),
    ("_gac_*", "Google Ads", 90),
    ("intercom-id-[app_id]", "Intercom", 270),
    ("wp-settings-time-1", "WordPress", 365),
    ("_pk_id.1.ab12", "Matomo", 390),
    ("sb-*-auth-token.1", "Supabase", None),
])
def test_wildcard_matching(name, provider, lifetime):
    match = cookiedb.lookup(name, cookiedb.shipped())
    assert match is not None and not match.exact
    assert match.entry.provider == provider and match.entry.lifetime_days == lifetime


@pytest.mark.parametrize("name", ["collect", "version", "samtykke", "_gax", "sb-"])
def test_no_wildcard_match(name):
    assert cookiedb.lookup(name, cookiedb.shipped()) is None


def test_short_plain_names_need_their_provider_in_the_text():
    fr = _cookie("Informasjonskapsler\n\nNavn | Formål\nfr | Annonser", "fr")
    assert fr["provider"] is None
    fr = _cookie("Informasjonskapsler fra Facebook\n\nNavn | Formål\nfr | Annonser", "fr")
    assert fr["provider"] == "Facebook" and fr["lifetime_days"] == 90


def test_shipped_table_is_valid_and_small():
    db = cookiedb.shipped()
    assert 60 <= len(db) <= 200
    names = [e.name for e in db.entries]
    assert len(names) == len(set(names))
    assert all(e.category in cookiedb.CATEGORIES for e in db.entries)
    assert all(e.source == "shipped" for e in db.entries)


COOKIEBOT = """Cookieerklæring

Statistikk (3)

Navn\tLeverandør\tFormål\tUtløpsdato\tType
_ga\tGoogle\tRegistrerer en unik ID som brukes til statistikk\t2 år\tHTTP
_ga_#\tGoogle\tBrukes av Google Analytics til å samle data\t2 år\tHTTP
collect\tGoogle\tSender data til Google Analytics\tØkt\tPixel
CookieConsent\tCookiebot\tLagrer samtykket\t1 år\tHTTP"""


def test_space_separated_declaration():
    fields = cookies.extract(make_doc(COOKIEBOT), {}).fields
    assert [c["name"] for c in fields["cookies"]] == ["_ga", "_ga_#", "collect", "CookieConsent"]
    assert [c["lifetime_days"] for c in fields["cookies"]] == [730, 730, None, 365]


def test_provider_heading_over_cookie_table():
    text = "Informasjonskapslar\n\nGoogle Analytics\n\nNamn\nFøremål\nLengd\n_ga\nSkil brukarar\n2 år"
    fields = cookies.extract(make_doc(text), {}).fields
    assert "Google Analytics" in fields["cookie_providers"]


@pytest.mark.parametrize("row, lifetimes", [
    # as many lifetimes as names: one each; otherwise the cell's lifetime for all
    ("_ga; _gid | Google | 2 år; 1 dag", [730, 1]),
    ("_ga; _gid | Google | 2 år; Økt", [730, None]),
    ("_ga; _gid; _gat | Google | 2 år; 1 dag", [730, 730, 730]),
])
def test_lifetimes_paired_with_the_names_of_a_cell(row, lifetimes):
    text = "Informasjonskapsler\n\nNavn | Leverandør | Utløper\n" + row
    assert [c["lifetime_days"] for c in cookies.extract(make_doc(text), {}).fields["cookies"]] == lifetimes


@pytest.mark.parametrize("text, providers", [
    ("Slik sletter du informasjonskapsler i nettleseren din:\n- Google Chrome\n- Microsoft Edge\n- Apple Safari", []),
    ("Informasjonskapsler\n\nGoogle setter informasjonskapselen _ga. Du kan slette den i Google Chrome.", ["Google"]),
])
def test_browser_makers_are_no_cookie_providers(text, providers):
    assert cookies.extract(make_doc(text), {}).fields["cookie_providers"] == providers


def test_cookie_providers():
    text = ("Informasjonskapsler\n\nVi setter følgende cookies:\n\n- Google Analytics\n\n- Intercom\n\n"
            "Hotjar setter egne informasjonskapsler. Vi bruker ingen Facebook Pixel-informasjonskapsler.")
    fields = cookies.extract(make_doc(text), {}).fields
    assert fields["cookie_providers"] == ["Google Analytics", "Intercom", "Hotjar"]
    assert fields["cookies"] == []


def _write_ocd(path: Path, rows: list[tuple]) -> Path:
    header = ("ID,Platform,Category,Cookie / Data Key name,Domain,Description,Retention period,Data Controller,"
              "User Privacy & GDPR Rights Portals,Wildcard match\n")
    body = "".join(f"{i},{p},{c},{n},,desc,{r},{p},,{w}\n" for i, (p, c, n, r, w) in enumerate(rows))
    path.write_text(header + body, encoding="utf-8")
    return path


def test_user_cookie_db_and_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(cookiedb.ENV_CACHE, str(tmp_path / "cache"))
    csv_path = _write_ocd(tmp_path / "ocd.csv", [("Acme Tracker", "Marketing", "acme_uid", "13 months", 0),
                                                 ("Acme Tracker", "Analytics", "acme_s_", "30 minutes", 1)])
    entries, cached = cookiedb.load_ocd(str(csv_path))
    assert not cached and {e.name for e in entries} == {"acme_uid", "acme_s_"}
    assert next(e for e in entries if e.name == "acme_uid").lifetime_days == 390
    cache_files = list((tmp_path / "cache").glob("open-cookie-database-*.json"))
    assert len(cache_files) == 1 and json.loads(cache_files[0].read_text())["format"] == cookiedb.CACHE_FORMAT
    # second load reads the cache, not the CSV
    entries2, cached2 = cookiedb.load_ocd(str(csv_path))
    assert cached2 and [e.as_row() for e in entries2] == [e.as_row() for e in entries]
    # a changed file has another hash and so another cache entry
    _write_ocd(csv_path, [("Acme Tracker", "Marketing", "acme_uid", "2 years", 0)])
    entries3, cached3 = cookiedb.load_ocd(str(csv_path))
    assert not cached3 and entries3[0].lifetime_days == 730
    assert len(list((tmp_path / "cache").glob("open-cookie-database-*.json"))) == 2


def test_configured_db_enriches_extraction(tmp_path, monkeypatch):
    monkeypatch.setenv(cookiedb.ENV_CACHE, str(tmp_path / "cache"))
    monkeypatch.delenv(cookiedb.ENV_DB, raising=False)
    csv_path = _write_ocd(tmp_path / "ocd.csv", [("Acme Tracker", "Marketing", "acme_s_", "30 minutes", 1)])
    text = "Informasjonskapsler\n\nAcme setter informasjonskapselen acme_s_123 for statistikk."
    assert _cookie(text, "acme_s_123")["provider"] is None
    assert cookies.configure_cookie_db(str(csv_path)) == len(cookiedb.shipped()) + 1
    assert _cookie(text, "acme_s_123") == {"name": "acme_s_123", "provider": "Acme Tracker",
                                           "category": "marketing", "lifetime_days": 0.0208}
    cookies.configure_cookie_db(None)
    assert _cookie(text, "acme_s_123")["provider"] is None


def test_cookie_db_from_url(tmp_path, monkeypatch):
    monkeypatch.setenv(cookiedb.ENV_CACHE, str(tmp_path / "cache"))
    csv_path = _write_ocd(tmp_path / "ocd.csv", [("Acme Tracker", "Marketing", "acme_uid", "1 year", 0)])
    url = csv_path.resolve().as_uri()
    entries, cached = cookiedb.load_ocd(url)
    assert not cached and entries[0].lifetime_days == 365
    csv_path.unlink()                      # the cached copy serves the URL from now on
    entries2, cached2 = cookiedb.load_ocd(url)
    assert cached2 and entries2[0].name == "acme_uid"


def test_bad_cookie_db(tmp_path, monkeypatch):
    monkeypatch.setenv(cookiedb.ENV_CACHE, str(tmp_path / "cache"))
    with pytest.raises(cookiedb.CookieDBError):
        cookiedb.load_ocd(str(tmp_path / "missing.csv"))
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(cookiedb.CookieDBError):
        cookiedb.load_ocd(str(bad))


@needs_ocd
def test_open_cookie_database_from_shared_copy(tmp_path, monkeypatch):
    monkeypatch.setenv(cookiedb.ENV_CACHE, str(tmp_path / "cache"))
    entries, cached = cookiedb.load_ocd(str(OCD_CSV))
    assert not cached and len(entries) > 1000
    db = cookiedb.CookieDB(cookiedb.shipped().entries + entries)
    consent = cookiedb.lookup("CookieConsent", db)
    assert consent.exact and consent.entry.provider == "Cookiebot"
    hj = cookiedb.lookup("_hjSessionUser_123456", db)
    assert hj.entry.provider == "Hotjar" and hj.entry.lifetime_days == 365
    assert any(e.wildcard for e in entries)
    entries2, cached2 = cookiedb.load_ocd(str(OCD_CSV))
    assert cached2 and len(entries2) == len(entries)


@needs_ocd
def test_open_cookie_database_fills_unknown_cookie(tmp_path, monkeypatch):
    monkeypatch.setenv(cookiedb.ENV_CACHE, str(tmp_path / "cache"))
    monkeypatch.delenv(cookiedb.ENV_DB, raising=False)
    text = "Informasjonskapsler\n\nNavn | Formål\nCookieConsentBulkSetting-abc | Samtykke på tvers av nettsteder"
    cookies.configure_cookie_db(str(OCD_CSV))
    try:
        rec = _cookie(text, "CookieConsentBulkSetting-abc")
        assert rec["provider"] == "Cookiebot" and rec["lifetime_days"] == 365
    finally:
        cookies.configure_cookie_db(None)

# ------------------------------------------------------------------------------------------------
# Realistic cookie-policy snippets (bokmål and nynorsk) of the kinds Norwegian sites publish, written
# for this test (not taken from the corpus): consent-platform declarations (Cookiebot, CookieYes,
# OneTrust, Complianz), flattened / tab / pipe tables, provider groups, placeholders, prose lists,
# and negatives (categories, tools, storage keys, parameters, events, headers, e-mails, URLs).
# Expected: the cookie names as written (FIELDS.md, Cookies).

CB_FLAT_NB = """Cookie-erklæring

Nødvendige (2)

Nødvendige informasjonskapsler hjelper til med å gjøre et nettsted brukbart ved å aktivere grunnleggende funksjoner, slik som side-navigasjon og tilgang til sikre områder av nettstedet. Nettstedet kan ikke fungere ordentlig uten disse informasjonskapslene.

Navn
Leverandør
Formål
Utløper
Type
CookieConsent
Cookiebot
Lagrer brukerens samtykkestatus for informasjonskapsler for gjeldende domene
1 år
HTTP
rc::a
Google
Denne informasjonskapselen brukes til å skille mellom mennesker og roboter.
Vedvarende
HTML

Statistikk (3)

Statistiske informasjonskapsler hjelper nettstedseiere med å forstå hvordan besøkende samhandler med nettsteder ved å samle inn og rapportere opplysninger anonymt.

Navn
Leverandør
Formål
Utløper
Type
_ga
Google
Registrerer en unik ID som brukes til å generere statistiske data om hvordan den besøkende bruker nettstedet.
2 år
HTTP
_ga_#
Google
Brukes av Google Analytics til å samle inn data om antall ganger en bruker har besøkt nettstedet.
2 år
HTTP
_gat
Google
Brukes av Google Analytics til å begrense forespørselsfrekvensen
1 dag
HTTP

Markedsføring (2)

Markedsføringsinformasjonskapsler brukes til å spore besøkende på tvers av nettsteder.

Navn
Leverandør
Formål
Utløper
Type
_fbp
Meta Platforms, Inc.
Brukes av Facebook til å levere en rekke reklameprodukter, for eksempel sanntidsbudgivning fra tredjeparts annonsører.
3 måneder
HTTP
IDE
Google
Brukes av Google DoubleClick til å registrere og rapportere brukerens handlinger på nettstedet.
1 år
HTTP

Ikke klassifisert (0)

Vi har ingen ikke-klassifiserte informasjonskapsler å vise.

Samtykke-ID: UgP1wJ3kq9mZ==
Samtykkedato: tirsdag 12. mars 2024, 10:21:03 CET"""

CB_NEW_NB = """Markedsføring 3

Markedsføringsinformasjonskapsler brukes til å spore besøkende på tvers av nettsteder.

Meta Platforms 3
Les mer om denne leverandøren
_fbp
Brukes av Facebook til å levere en rekke reklameprodukter.
Maksimal lagringsvarighet: 3 måneder
Type: HTTP Cookie
fr
Brukes av Facebook til å levere annonser.
Maksimal lagringsvarighet: 3 måneder
Type: HTTP Cookie
lastExternalReferrer
Oppdager hvordan brukeren kom til nettstedet.
Maksimal lagringsvarighet: Vedvarende
Type: HTML Local Storage"""

CB_TABS_NN = """Informasjonskapslar

Statistikk (2)

Namn\tLeverandør\tFøremål\tUtløpstid\tType
_ga\tGoogle\tRegistrerer ein unik ID som vert brukt til å lage statistikk over korleis du brukar nettstaden.\t2 år\tHTTP
_gat_UA-xxxxxxx-xx\tGoogle\tVert brukt av Google Analytics for å avgrense talet på førespurnader\t1 dag\tHTTP"""

CB_PIPES = """Informasjonskapsler

Markedsføring (3)

Navn | Leverandør | Formål | Utløper | Type
_gcl_au | Google | Brukes av Google AdSense for å eksperimentere med annonseeffektivitet. | 3 måneder | HTTP
ads/ga-audiences | Google | Brukes av Google AdWords for å engasjere besøkende som sannsynligvis vil bli kunder. | Økt | Pixel
pagead/1p-user-list/# | Google | Sporer om brukeren har vist interesse for bestemte produkter. | Økt | Pixel
_ga [x2] | Google | Registrerer en unik ID. | 2 år | HTTP"""

NN_PROVIDER_GROUPS = """Informasjonskapslar vi brukar

Google Analytics

Namn
Føremål
Lengd
_ga
Skil mellom brukarar
2 år
_ga_<container-id>
Held på økttilstanden
2 år

Hotjar

Namn
Føremål
Lengd
_hjSessionUser_{site_id}
Set ein unik ID for brukaren
1 år
_hjSession_*
Held på data om den noverande økta
30 minutt"""

NN_LEVETID = """Kva informasjonskapslar brukar nettstaden?

Namn
Leverandør
Føremål
Levetid
_gid
Google
Skil mellom brukarar
24 timar
sb-*-auth-token
Supabase
Held deg innlogga
1 veke
pll_language
Polylang
Hugsar språket du har valt
1 år"""

PROVIDER_FIRST = """Informasjonskapsler

Leverandør
Navn
Formål
Lagringstid
Google Analytics
_ga
Statistikk over bruken av nettstedet
2 år
Google Analytics
_gid
Statistikk over bruken av nettstedet
24 timer
Meta
_fbp
Annonsering på Facebook og Instagram
3 måneder"""

PROVIDER_FIRST_PIPES = """Leverandør | Informasjonskapsel | Formål | Varighet
Google Analytics | _ga, _gid | Statistikk | 2 år / 24 timer
Microsoft Clarity | _clck, _clsk | Analyse av klikk og rulling | 1 år / 1 dag
LinkedIn | li_sugr, bcookie, lidc | Annonsering | 3 måneder"""

NAME_PURPOSE_DURATION = """Informasjonskapsel | Formål | Varighet
XSRF-TOKEN | Beskytter skjemaer mot forfalskede forespørsler | Sesjon
laravel_session | Holder deg innlogget | 2 timer
__Host-next-auth.csrf-token | Beskytter innloggingen | Sesjon
next-auth.session-token | Holder deg innlogget | 30 dager"""

EMPTY_CELL_FLAT = """Informasjonskapsler

Navn
Leverandør
Formål
Varighet
_ga
Google
Skiller brukere fra hverandre
2 år
cookie_consent_level

Lagrer samtykkevalget ditt
1 år
_gat_UA-12345678-1
Google
Begrenser antall forespørsler
1 minutt"""

EMPTY_CELL_PIPES = """Cookies

Navn | Leverandør | Formål | Varighet
ASP.NET_SessionId |  | Holder økten din | Sesjon
ARRAffinity | Microsoft Azure | Sender deg til samme server |
_pk_id.1.a1b2 | Matomo | Statistikk | 13 måneder"""

COOKIEYES = """Informasjonskapsler

Analyse

Analytiske informasjonskapsler brukes til å forstå hvordan besøkende samhandler med nettstedet.

Informasjonskapsel
Varighet
Beskrivelse
_ga
1 år 1 måned 4 dager
Google Analytics setter denne informasjonskapselen for å beregne besøks-, økt- og kampanjedata.
_ga_*
1 år 1 måned 4 dager
Google Analytics setter denne informasjonskapselen for å lagre og telle sidevisninger."""

ONETRUST = """Ytelsesinformasjonskapsler

Disse informasjonskapslene lar oss telle besøk og trafikkilder.

Informasjonskapselundergruppe | Informasjonskapsler | Informasjonskapsler som brukes
firma.no | _ga, _gid, _gat_UA-12345678-1 | Førsteparts
hotjar.com | _hjSession_123456, _hjSessionUser_123456 | Tredjeparts"""

RECORDS_NN = """Informasjonskapslar

Namn: _ga
Leverandør: Google
Føremål: Skil mellom brukarar
Levetid: 2 år

Namn: cookie_samtykke
Leverandør: Nettstaden
Føremål: Hugsar kva du har samtykt til
Levetid: 6 månader"""

LEAD_IN_NN = """Nettstaden nyttar desse informasjonskapslane:

- _ga (Google Analytics, 2 år)
- _gid (Google Analytics, 24 timar)
- samtykke (hugsar valet ditt, 1 år)"""

CATEGORY_LIST = """Vi bruker følgende typer informasjonskapsler:

- Nødvendige: sørger for at nettstedet fungerer.
- Statistikk: hjelper oss å forstå bruken.
- Markedsføring: brukes til å vise relevante annonser."""

CATEGORY_LIST_NN = """Me brukar desse typane informasjonskapslar:

- Naudsynte informasjonskapslar
- Analyseinformasjonskapslar
- Marknadsføringsinformasjonskapslar"""

CATEGORY_TABLE = """Informasjonskapsler

Kategori | Formål | Lagringstid
Nødvendige | Sørger for at nettstedet fungerer | Sesjon
Statistikk | Måler bruken av nettstedet | 2 år
Markedsføring | Viser relevante annonser | 13 måneder"""

PROVIDER_TABLE = """Informasjonskapsler

Leverandør
Formål
Varighet
Google Analytics
Statistikk
2 år
Hotjar
Analyse av brukeratferd
1 år"""

STORAGE_TABLE_NN = """Lokal lagring i nettlesaren

Nettstaden lagrar somme innstillingar i localStorage. Dette er ikkje informasjonskapslar.

Nøkkel | Føremål | Levetid
theme_mode | Hugsar lys eller mørk modus | Til du slettar det
cart_items_v2 | Handlekorga di | 30 dagar"""

ENTRIES_WORDS = """Informasjonskapsler

Samtykke
Vi spør om samtykke før vi setter andre informasjonskapsler enn de nødvendige.

Statistikk
Vi bruker Google Analytics til å lage anonym statistikk over bruken av nettstedet."""

BROWSERS = """Slik sletter du informasjonskapsler

Du kan slette informasjonskapsler i nettleseren din (Chrome, Firefox, Safari, Edge).

Chrome
Innstillinger > Personvern og sikkerhet > Informasjonskapsler

Firefox
Innstillinger > Personvern og sikkerhet"""

SNIPPETS = [
    # Cookiebot declarations
    (CB_FLAT_NB, ["CookieConsent", "rc::a", "_ga", "_ga_#", "_gat", "_fbp", "IDE"]),
    (CB_NEW_NB, ["_fbp", "fr"]),
    (CB_TABS_NN, ["_ga", "_gat_UA-xxxxxxx-xx"]),
    (CB_PIPES, ["_gcl_au", "ads/ga-audiences", "pagead/1p-user-list/#", "_ga"]),
    # nynorsk and provider groups
    (NN_PROVIDER_GROUPS, ["_ga", "_ga_<container-id>", "_hjSessionUser_{site_id}", "_hjSession_*"]),
    (NN_LEVETID, ["_gid", "sb-*-auth-token", "pll_language"]),
    (RECORDS_NN, ["_ga", "cookie_samtykke"]),
    (LEAD_IN_NN, ["_ga", "_gid", "samtykke"]),
    # other table layouts
    (PROVIDER_FIRST, ["_ga", "_gid", "_fbp"]),
    (PROVIDER_FIRST_PIPES, ["_ga", "_gid", "_clck", "_clsk", "li_sugr", "bcookie", "lidc"]),
    (NAME_PURPOSE_DURATION, ["XSRF-TOKEN", "laravel_session", "__Host-next-auth.csrf-token", "next-auth.session-token"]),
    (EMPTY_CELL_FLAT, ["_ga", "cookie_consent_level", "_gat_UA-12345678-1"]),
    (EMPTY_CELL_PIPES, ["ASP.NET_SessionId", "ARRAffinity", "_pk_id.1.a1b2"]),
    (COOKIEYES, ["_ga", "_ga_*"]),
    (ONETRUST, ["_ga", "_gid", "_gat_UA-12345678-1", "_hjSession_123456", "_hjSessionUser_123456"]),
    # prose and lists
    ("Vi bruker informasjonskapslane _ga og _gid frå Google Analytics for å føre statistikk.", ["_ga", "_gid"]),
    ("Statistiske informasjonskapslar (_ga, _gat, _gid, collect) hjelper oss å forstå korleis nettstaden vert brukt.",
     ["_ga", "_gat", "_gid", "collect"]),
    ("Følgende informasjonskapsler settes: PHPSESSID, wordpress_logged_in_*", ["PHPSESSID", "wordpress_logged_in_*"]),
    ("Informasjonskapsler\n\nFacebook-pikselen setter _fbp og fr.", ["_fbp", "fr"]),
    ("LinkedIn Insight Tag setter informasjonskapslene li_sugr, bcookie og lidc når du besøker nettstedet.",
     ["li_sugr", "bcookie", "lidc"]),
    ("Når du logger inn, settes informasjonskapslene laravel_session og XSRF-TOKEN.", ["laravel_session", "XSRF-TOKEN"]),
    ("Informasjonskapsler\n\nHotjar set _hjSession_* og _hjSessionUser_* for å måle korleis sidene vert brukte.",
     ["_hjSession_*", "_hjSessionUser_*"]),
    ("Supabase lagrer innloggingen din i informasjonskapselen sb-<prosjekt-id>-auth-token.", ["sb-<prosjekt-id>-auth-token"]),
    ("Cloudflare setter informasjonskapselen __cf_bm (30 minutter) for å skille mellom mennesker og roboter.", ["__cf_bm"]),
    ("Google Analytics brukar informasjonskapslane _ga, _gid og _gat_UA-xxxxxxx-xx.", ["_ga", "_gid", "_gat_UA-xxxxxxx-xx"]),
    ("Informasjonskapselen «_ga_[ID]» vert brukt av Google Analytics 4 og lever i 2 år.", ["_ga_[ID]"]),
    ("Vi bruker Matomo. Informasjonskapslene _pk_id.* og _pk_ses.* lagrer en anonym ID.", ["_pk_id.*", "_pk_ses.*"]),
    ("Cookies\n\nNettbutikken setter woocommerce_cart_hash, woocommerce_items_in_cart og wp_woocommerce_session_* "
     "når du legger noe i handlekurven.", ["woocommerce_cart_hash", "woocommerce_items_in_cart", "wp_woocommerce_session_*"]),
    # negatives
    (CB_FLAT_NB.split("Navn")[0], []),
    (CATEGORY_LIST, []),
    (CATEGORY_LIST_NN, []),
    (CATEGORY_TABLE, []),
    (PROVIDER_TABLE, []),
    (STORAGE_TABLE_NN, []),
    (ENTRIES_WORDS, []),
    (BROWSERS, []),
    ("Informasjonskapsler\n\nVi bruker Google Analytics 4 (G-ABC123XYZ) og Google Tag Manager (GTM-5XKQ7PL).", []),
    ("Vi lagrer valget ditt i localStorage under nøkkelen cookie_consent_v2, ikke i en informasjonskapsel.", []),
    ("Informasjonskapslar\n\nHandlekorga vert lagra i sessionStorage (checkout_step, cart_token).", []),
    ("Spørsmål om informasjonskapsler kan sendes til personvern_ombud@firma.no eller via https://firma.no/cookie_policy.", []),
    ("Samtykket ditt til informasjonskapsler lagres i 12 måneder. Deretter spør vi deg på nytt.", []),
    ("Informasjonskapsler: Nødvendige, Statistikk, Markedsføring", []),
    ("Vi bruker informasjonskapsler (cookies) og lignende teknologier (pixels, SDK-er, web beacons).", []),
    ("Cookie-erklæringen ble sist oppdatert 12.03.2024 av Cookiebot. Den inneholder Navn, Leverandør, Formål, "
     "Utløper og Type for hver informasjonskapsel.", []),
    ("Informasjonskapslar\n\nNamn\nLeverandør\nFøremål\nLevetid", []),
]


GROUP_ROWS = """Informasjonskapsler

Navn | Leverandør | Formål | Varighet
Statistikkinformasjonskapsler | | |
_ga | Google | Skiller brukere | 2 år
Trustpilot | | |
TrustboxSplitTest | Trustpilot | Tester visning av anmeldelser | 1 år
Markedsføringscookies | | |
_fbp | Meta | Annonsering | 3 måneder"""

LIST_UNDER_HEADING = """Informasjonskapsler vi bruker

- _ga – Google Analytics, 2 år
- _gid – Google Analytics, 24 timer
- lang – husker språkvalget ditt, 1 år"""

DEF_LINES = """Informasjonskapslar

_ga: Skil mellom brukarar. Går ut etter 2 år.
lang: Hugsar kva språk du har valt. Går ut etter 1 år.
csrftoken: Vernar skjema mot falske førespurnader. Går ut etter 1 år."""

WHO_HOW_LONG = """Informasjonskapslar på nettstaden

Namn på informasjonskapsel | Kven set han | Føremål | Kor lenge vert han lagra
_ga | Google | Statistikk | 2 år
vuid | Vimeo | Måler avspelingar av video | 2 år"""

DOMAIN_FIRST = """Cookies

Domene | Navn | Utløper | Type
.firma.no | _ga | 2 år | Førsteparts
.doubleclick.net | IDE | 13 måneder | Tredjeparts
.youtube.com | YSC | Sesjon | Tredjeparts"""

CATEGORY_FIRST = """Informasjonskapsler

Kategori | Navn | Leverandør | Varighet
Nødvendig | PHPSESSID | Nettstedet | Sesjon
Nødvendig | wp-wpml_current_language | WPML | Sesjon
Statistikk | _clck | Microsoft Clarity | 1 år"""

ENGLISH_HEADERS = """Informasjonskapsler

Cookie | Duration | Description
_ga | 1 year 1 month 4 days | Google Analytics setter denne informasjonskapselen.
cookielawinfo-checkbox-analytics | 11 months | Satt av GDPR Cookie Consent-tillegget.
CONSENT | 2 years | YouTube setter denne informasjonskapselen."""

RETENTION_TABLE_TITLE = """Personvernerklæring og informasjonskapsler

1. Lagring

Navn | Formål | Lagringstid
Kundeliste | Oppfølging av kunder | 3 år
Regnskap | Bokføring | 5 år"""

TYPE_FIRST = """Informasjonskapsler

Informasjonskapsel | Type | Utløper | Formål
_gcl_au | Tredjeparts | 3 måneder | Konverteringssporing for Google Ads
_uetsid | Tredjeparts | 1 dag | Microsoft Advertising
_uetvid | Tredjeparts | 13 måneder | Microsoft Advertising"""

SNIPPETS += [
    (GROUP_ROWS, ["_ga", "TrustboxSplitTest", "_fbp"]),
    (LIST_UNDER_HEADING, ["_ga", "_gid", "lang"]),
    (DEF_LINES, ["_ga", "lang", "csrftoken"]),
    (WHO_HOW_LONG, ["_ga", "vuid"]),
    (DOMAIN_FIRST, ["_ga", "IDE", "YSC"]),
    (CATEGORY_FIRST, ["PHPSESSID", "wp-wpml_current_language", "_clck"]),
    (ENGLISH_HEADERS, ["_ga", "cookielawinfo-checkbox-analytics", "CONSENT"]),
    (TYPE_FIRST, ["_gcl_au", "_uetsid", "_uetvid"]),
    (RETENTION_TABLE_TITLE, []),
    ("Informasjonskapsler\n\nVi bruker følgende nødvendige informasjonskapsler: sessionid og csrftoken.", ["sessionid", "csrftoken"]),
    ("Informasjonskapslar frå tredjepartar\n\nYouTube set VISITOR_INFO1_LIVE, YSC og PREF når du ser på innebygde videoar.",
     ["VISITOR_INFO1_LIVE", "YSC", "PREF"]),
    ("Google kan setje informasjonskapslane NID, 1P_JAR og CONSENT når kartet vert vist.", ["NID", "1P_JAR", "CONSENT"]),
    ("OneTrust setter OptanonConsent og OptanonAlertBoxClosed for å huske samtykket ditt til informasjonskapsler.",
     ["OptanonConsent", "OptanonAlertBoxClosed"]),
    ('Vi bruker informasjonskapslene "_ga" og "_gid" til statistikk.', ["_ga", "_gid"]),
    ("Me nyttar informasjonskapselen cookie_samtykke til å hugse valet ditt.", ["cookie_samtykke"]),
    ("Informasjonskapsler\n\n- Google Analytics: _ga, _gid\n- Facebook: _fbp, fr", ["_ga", "_gid", "_fbp", "fr"]),
    ("Informasjonskapsler\n\nVi bruker Google Consent Mode v2. Når du ikke samtykker, settes ad_storage og "
     "analytics_storage til «denied», og ingen informasjonskapsler lagres.", []),
    ("Google Analytics registrerer hendelser som page_view, scroll og file_download ved hjelp av informasjonskapsler.", []),
    ("Informasjonskapsler\n\nDu kan endre samtykket ditt via lenken «Cookie-innstillinger» nederst på siden.", []),
    ("Informasjonskapsler\n\nSe https://www.google.com/policies/privacy/partners/ og tools.google.com/dlpage/gaoptout.", []),
    ("Vi registrerer klikk-ID-er (gclid, fbclid) fra annonser når du har samtykket til informasjonskapsler.", []),
    ("Informasjonskapsler\n\nDu kan reservere deg mot Google Analytics med tillegget på tools.google.com.", []),
    ("Cookies\n\nVi bruker en informasjonskapsel som heter _session_id som slettes når du lukker nettleseren.", ["_session_id"]),
]


COMPLIANZ = """Vimeo

Marknadsføring/sporing

Bruk
Vi brukar Vimeo til å vise videoar. Les meir om informasjonskapslane deira nedanfor.

Namn
vuid
Utløp
2 år
Funksjon
Lagrar brukarhistorikk

Namn
player
Utløp
1 år
Funksjon
Hugsar innstillingane i videospelaren"""

CB_FLAT_NN = """Informasjonskapslar

Naudsynte (2)

Naudsynte informasjonskapslar hjelper til med å gjere nettstaden brukbar.

Namn
Leverandør
Føremål
Utløp
Type
CookieConsent
Cookiebot
Lagrar samtykket ditt til informasjonskapslar for dette domenet
1 år
HTTP
__cf_bm [x3]
Cloudflare
Skil mellom menneske og robotar
1 dag
HTTP

Ikkje klassifiserte (0)

Me har ingen ikkje-klassifiserte informasjonskapslar å vise."""

BARE_LIST = """Informasjonskapsler vi bruker

- _ga
- _gid
- lang"""

TOOL_TABLE = """Informasjonskapsler

Navn | Formål | Personvernerklæring
Leadinfo | Identifiserer bedrifter som besøker nettstedet | https://www.leadinfo.com/no/personvern
Hotjar | Analyse av brukeratferd | https://www.hotjar.com/legal/policies/privacy"""

QUESTION_HEADERS = """Informasjonskapslar

Informasjonskapsel | Kven set han? | Kva gjer han? | Kor lenge vert han lagra?
_ga | Google | Skil mellom brukarar | 2 år
lang | Nettstaden | Hugsar språket ditt | 1 år"""

QUESTION_HEADERS_NB = """Informasjonskapsler

Navn | Hvem setter den? | Hva brukes den til? | Hvor lenge lagres den?
_gid | Google | Skiller brukere | 24 timer
PHPSESSID | Oss | Holder økten din | Til du lukker nettleseren"""

SPACED_TABS = """Informasjonskapsler

Navn\tFormål\tUtløper
_ga\tSkiller brukere\t2 år
lang\tHusker språkvalget ditt\t1 år"""

SNIPPETS += [
    (COMPLIANZ, ["vuid", "player"]),
    (CB_FLAT_NN, ["CookieConsent", "__cf_bm"]),
    (BARE_LIST, ["_ga", "_gid", "lang"]),
    (TOOL_TABLE, []),
    (QUESTION_HEADERS, ["_ga", "lang"]),
    (QUESTION_HEADERS_NB, ["_gid", "PHPSESSID"]),
    (SPACED_TABS, ["_ga", "lang"]),
    ("Når du besøkjer nettstaden, set vi informasjonskapselen «lang» som hugsar språket ditt.", ["lang"]),
    ("Informasjonskapsler\n\nVi setter informasjonskapselen «consent» når du har gjort et valg, og den lagres i 6 måneder.",
     ["consent"]),
    ("Informasjonskapselen lagres i 12 måneder.", []),
    ("Informasjonskapsler\n\nStatistikken bygger på informasjonskapslene _ga (2 år), _gid (24 timer) og _gat (1 minutt).",
     ["_ga", "_gid", "_gat"]),
    ("Informasjonskapsler\n\nGoogle Tag Manager kan sette _dc_gtm_UA-123456-1 og AMP_TOKEN.",
     ["_dc_gtm_UA-123456-1", "AMP_TOKEN"]),
    ("Navn: _ga, _gid\nLeverandør: Google\nFormål: Statistikk\nVarighet: 2 år / 24 timer", ["_ga", "_gid"]),
    ("Vi bruker cookies (bl.a. _ga og _gid) for å lage statistikk.", ["_ga", "_gid"]),
    ("Informasjonskapsler\n\nNavn\nFormål\nVarighet\nGoogle Analytics\nStatistikk\n2 år\nLeadinfo\nIdentifisering av bedrifter\n1 år", []),
    ("Informasjonskapsel | Formål\nNødvendige informasjonskapsler | Får nettstedet til å virke\nAnalysecookies | Statistikk", []),
]


HEADING_RECORDS = """Informasjonskapsler vi bruker

_ga
Formål: Skiller brukere fra hverandre.
Utløper: 2 år

lang
Formål: Husker hvilket språk du har valgt.
Utløper: 1 år"""

MD_PIPES = """Informasjonskapsler

| Navn | Leverandør | Formål | Varighet |
|---|---|---|---|
| _ga | Google | Statistikk | 2 år |
| _hjSessionUser_* | Hotjar | Analyse | 1 år |"""

TRAILING_NOTE = """Informasjonskapsler

Navn
Leverandør
Formål
Varighet
_ga
Google
Skiller brukere fra hverandre
2 år
_gid
Google
Skiller brukere fra hverandre
24 timer
Du kan lese mer om hvordan Google bruker informasjonskapsler på nettsidene deres."""

CB_READ_MORE = """Statistikk (2)

Statistiske informasjonskapsler hjelper nettstedseiere med å forstå hvordan besøkende samhandler med nettsteder.

Navn
Leverandør
Formål
Utløper
Type
_ga
Google
Les mer om denne leverandøren
Registrerer en unik ID som brukes til å generere statistiske data.
2 år
HTTP
_gid
Google
Les mer om denne leverandøren
Registrerer en unik ID som brukes til å generere statistiske data.
1 dag
HTTP"""

CB_DUMP_TAB_HEADER = """Informasjonskapsler

Nødvendige (3)
Nødvendige informasjonskapsler hjelper med å gjøre en hjemmeside brukbar.
Navn\tLeverandør\tFormål\tUtløp\tType
CookieConsent
Cookiebot
Lagrer brukerens samtykketilstand for informasjonskapsler
1 år
HTTP Cookie
session
fjordposten.no
Bevarer brukerens tilstand på tvers av sideforespørsler
Økt
HTTP Cookie
fp_reader
fjordposten.no
Husker innstillingene for leseren
Vedvarende
HTML Local Storage

Statistikk (2)
Navn\tLeverandør\tFormål\tUtløp\tType
_ga_4KQ7ZLM2TB
Google
Brukes av Google Analytics til å samle inn data om antall besøk
2 år
HTTP Cookie
collect
Google
Sender data til Google Analytics om den besøkendes enhet og atferd
Økt
Pixel Tracker"""

CB_DUMP_NO_HEADER = """Erklæring om informasjonskapsler

Nødvendige (2)
fp_session
fjordposten.no
Holder deg innlogget mens du leser.
Økt
HTTP Cookie
fp_step
fjordposten.no
Husker hvilket steg av bestillingen du står på
Vedvarende
HTML Local Storage

Preferanser (1)
lang
fjordposten.no
Husker hvilket språk du har valgt
1 år
HTTP Cookie

Statistikk (1)
collect
Google
Sender data til Google Analytics om enheten og atferden din
Økt
Pixel Tracker"""

CATEGORY_SECTIONS = """Informasjonskapsler
Nettbutikken bruker informasjonskapsler fra oss og fra leverandørene nedenfor.

Nødvendige
Disse trengs for at kassen skal virke.
• PHPSESSID – Fjordbutikken – økt

Statistikk
Hjelper oss å forstå hvordan nettbutikken brukes.
• _ga – Google Analytics – 2 år
• _hjSession_3849201 – Hotjar – 30 minutter

Markedsføring
Viser annonser for kampanjene våre.
• _fbp – Meta – 3 måneder"""

TRAILING_PROSE = """Informasjonskapsler

Navn
Leverandør
Formål
Varighet
fp_id
Fjordposten
Skiller innloggede lesere fra hverandre
1 år
_gcl_au
Google
Måler hvilke annonser som fører til abonnement
3 måneder
Når Google viser annonser, kan også test_cookie bli satt og slettes etter 15 minutter."""

SNIPPETS += [
    # a consent platform's entries without a header row: name / provider / purpose / expiry / type;
    # a lone entry counts when its type says `HTTP Cookie` or `Pixel Tracker`, storage entries do not
    (CB_DUMP_NO_HEADER, ["fp_session", "lang", "collect"]),
    # category sections (`Statistikk`, `Markedsføring`) after the cookie section are about cookies too
    (CATEGORY_SECTIONS, ["PHPSESSID", "_ga", "_hjSession_3849201", "_fbp"]),
    ("Statistikk og forbedring\n\nVi måler bruken med _pk_id.\n\nMarkedsføring\n\n- _fbp", []),
    # a sentence right after a flattened table is prose, not a cell
    (TRAILING_PROSE, ["fp_id", "_gcl_au", "test_cookie"]),
    ("Informasjonskapsler\n\nASP.NET_SessionId holder deg innlogget, og ARRAffinity sender deg til samme server.",
     ["ASP.NET_SessionId", "ARRAffinity"]),
    # the header row on one line (tabs), then one cell per line: storage rows are no cookies
    (CB_DUMP_TAB_HEADER, ["CookieConsent", "session", "_ga_4KQ7ZLM2TB", "collect"]),
    ("Informasjonskapsler\n\nNavn | Formål | Varighet\nsession | Holder deg innlogget | Økt\n_ga | Statistikk | 2 år",
     ["session", "_ga"]),
    ("Vi bruker ikke session cookies, bare en informasjonskapsel for språkvalg.", []),
    (HEADING_RECORDS, ["_ga", "lang"]),
    (MD_PIPES, ["_ga", "_hjSessionUser_*"]),
    (TRAILING_NOTE, ["_ga", "_gid"]),
    (CB_READ_MORE, ["_ga", "_gid"]),
    ("Innebygde videoer fra Vimeo setter informasjonskapslene vuid og player.", ["vuid", "player"]),
    ("Vi bruker informasjonskapslane «_ga», «_gid» og «_gat» til statistikk.", ["_ga", "_gid", "_gat"]),
    ("Dette nettstedet bruker informasjonskapsler. Klikk «Godta alle» eller «Avvis».", []),
    ("Vi bruker ikke informasjonskapsler, men lagrer språkvalget i localStorage (lang).", []),
    ("Informasjonskapsler\n\nDu kan når som helst endre valget ditt under «Innstillinger for informasjonskapsler» nederst på sida.", []),
    ("Informasjonskapsler\n\nSkriptet lastes med gtag('config', 'G-XXXXXXX') og setter ingen andre informasjonskapsler enn _ga.",
     ["_ga"]),
    ("Informasjonskapsler\n\nFølg oss gjerne på #personvern og @firma_no.", []),
]


TABS_MIDDLE_LIFE = """Informasjonskapsler

Navn\tLevetid\tFormål
_ga\t2 år\tSkiller brukere fra hverandre
lang\t1 år\tHusker språket du har valgt
csrftoken\tSesjon\tBeskytter skjemaer"""

TWO_EMPTY = """Informasjonskapslar

Namn
Leverandør
Føremål
Utløp
Type
_ga
Google
Skil mellom brukarar
2 år
HTTP
samtykke
Lagrar kva du har samtykt til
1 år
_gid
Google
Skil mellom brukarar
1 dag
HTTP"""

SNIPPETS += [
    (TABS_MIDDLE_LIFE, ["_ga", "lang", "csrftoken"]),
    (TWO_EMPTY, ["_ga", "samtykke", "_gid"]),
    ("Informasjonskapslar\n\nMe set ein informasjonskapsel som heiter «samtykke» når du har gjort eit val.", ["samtykke"]),
    ("Informasjonskapselen vert lagra i to år.", []),
    ("Informasjonskapsler\n\nFor å telle hendelser bruker Google Analytics _ga og _gid.", ["_ga", "_gid"]),
    ("Informasjonskapslar\n\nNamn | Føremål | Levetid\nanalyticsConsent | Hugsar om du tillét statistikk | 1 år\n"
     "Statistikk | Statistikk over bruken | 2 år", ["analyticsConsent"]),
    ("Informasjonskapsler\n\n- _ga: skiller brukere\n- leverandør: Google\n- utløper: 2 år", ["_ga"]),
    ("Informasjonskapsler\n\nNavn: sessionid\nFormål: Holder deg innlogget\nVarighet: 2 uker\n\nNavn: csrftoken\nFormål: Sikkerhet\nVarighet: 1 år",
     ["sessionid", "csrftoken"]),
]


# ------------------------------------------------------------------------------------------------
# Round 2: more consent-platform layouts and the generalisation bugs the synthetic policies found
# (written for this test). Names as written; localStorage items, tools and categories are no cookies.

R2_CB_NEW_EN = """Statistics 2

Statistic cookies help website owners understand how visitors interact with websites by collecting and reporting information anonymously.

Google 2
Learn more about this provider
_ga
Registers a unique ID that is used to generate statistical data on how the visitor uses the website.
Maximum Storage Duration: 2 years
Type: HTTP Cookie
_ga_#
Used by Google Analytics to collect data on the number of times a user has visited the website.
Maximum Storage Duration: 2 years
Type: HTTP Cookie"""

R2_CB_NEW_NB_LOCAL = """Nødvendige 3

Nødvendige informasjonskapsler hjelper til med å gjøre et nettsted brukbart.

Cookiebot 1
Les mer om denne leverandøren
CookieConsent
Lagrer brukerens samtykkestatus for informasjonskapsler for gjeldende domene
Maksimal lagringsvarighet: 1 år
Type: HTTP Cookie
Nettstedet 2
test_cookie
Brukes til å sjekke om nettleseren tillater informasjonskapsler.
Maksimal lagringsvarighet: 1 dag
Type: HTTP Cookie
wishlist_v3
Lagrer ønskelisten din.
Maksimal lagringsvarighet: Vedvarende
Type: HTML Local Storage"""

R2_CB_EN_FLAT_GROUPS = """Cookie declaration

Necessary (2)

Necessary cookies help make a website usable by enabling basic functions like page navigation and access to secure areas of the website.

Name
Provider
Purpose
Expiry
Type
CookieConsent
Cookiebot
Stores the user's cookie consent state for the current domain
1 year
HTTP Cookie
__cf_bm
Cloudflare
This cookie is used to distinguish between humans and bots.
1 day
HTTP Cookie

Marketing (1)

Marketing cookies are used to track visitors across websites.

Name
Provider
Purpose
Expiry
Type
_fbp
Meta Platforms
Used by Facebook to deliver a series of advertisement products.
3 months
HTTP Cookie"""

R2_COOKIEYES_EN_PIPES = """Cookies

Cookie | Duration | Description
cookieyes-consent | 1 year | CookieYes sets this cookie to remember users' consent preferences.
_gcl_au | 3 months | Google Tag Manager sets the cookie to experiment advertisement efficiency.
test_cookie | 15 minutes | doubleclick.net sets this cookie to determine if the user's browser supports cookies."""

R2_COOKIEYES_NB_LINES = """Funksjonelle

Funksjonelle informasjonskapsler hjelper til med å utføre visse funksjoner.

Informasjonskapsel
Varighet
Beskrivelse
yt-remote-device-id
aldri
YouTube setter denne informasjonskapselen for å lagre brukerens videopreferanser.
ytidb::LAST_RESULT_ENTRY_KEY
aldri
YouTube lagrer den siste søkeresultatoppføringen.
lidc
1 dag
LinkedIn setter denne informasjonskapselen for å lette valg av datasenter."""

R2_GDPR_COOKIE_CONSENT_WP = """Informasjonskapsler

Informasjonskapsel | Varighet | Beskrivelse
cookielawinfo-checkbox-necessary | 11 måneder | Settes av GDPR Cookie Consent-tillegget.
cookielawinfo-checkbox-analytics | 11 måneder | Settes av GDPR Cookie Consent-tillegget.
viewed_cookie_policy | 11 måneder | Lagrer om brukeren har samtykket."""

R2_COMPLIANZ_EN = """Google Analytics

Statistics

Usage
We use Google Analytics for website statistics.

Name
_ga
Expiration
2 years
Function
Store and count pageviews

Name
_gid
Expiration
1 day
Function
Store and count pageviews"""

R2_COMPLIANZ_NB = """Cookie-erklæring (EU)

Vimeo

Markedsføring/sporing

Bruk
Vi bruker Vimeo til å vise videoer.

Navn
vuid
Utløper
2 år
Funksjon
Lagrer brukerens historikk"""

R2_COOKIE_INFORMATION_KV = """Informasjonskapsler

Nødvendige

Navn: CookieInformationConsent
Leverandør: cookieinformation.com
Formål: Lagrer samtykket ditt til informasjonskapsler
Utløper: 365 dager
Type: HTTP

Statistiske

Navn: _ga
Leverandør: google.com
Formål: Skiller brukere fra hverandre
Utløper: 400 dager
Type: HTTP

Navn: _gid
Leverandør: google.com
Formål: Skiller brukere fra hverandre
Utløper: 1 dag
Type: HTTP"""

R2_COOKIE_INFORMATION_EN_KV = """Cookies

Name: CookieInformationConsent
Provider: cookieinformation.com
Purpose: Stores your consent state
Expiry: 365 days
Type: HTTP

Name: lang
Provider: example.no
Purpose: Remembers the selected language
Expiry: Session
Type: HTTP"""

R2_USERCENTRICS_EN = """Google Analytics

Processing Company
Google Ireland Limited

Storage Information
Below you can see the longest potential duration for storage on a device.

Maximum age of cookie storage: 2 years

Name: _ga
Type: cookie
Duration: 2 years

Name: _gid
Type: cookie
Duration: 1 day

Name: _ga_debug
Type: local
Duration: no duration"""

R2_USERCENTRICS_NB = """Informasjonskapsler

Google Ads

Lagringsinformasjon
Nedenfor ser du den lengste mulige lagringstiden på en enhet.

Navn: IDE
Type: cookie
Varighet: 1 år

Navn: test_cookie
Type: cookie
Varighet: 15 minutter"""

R2_ONETRUST_LIST_EN = """Performance Cookies

These cookies allow us to count visits and traffic sources.

Name | Host | Duration | Type
_ga | example.no | 2 years | First Party
_gid | example.no | 1 day | First Party
AnalyticsSyncHistory | linkedin.com | 30 days | Third Party"""

R2_ONETRUST_LIST_NB = """Informasjonskapsler for ytelse

Navn på informasjonskapsel | Vert | Varighet | Type | Kategori
OptanonConsent | firma.no | 365 dager | Førsteparts | Strengt nødvendige
_hjid | firma.no | 365 dager | Førsteparts | Ytelse"""

R2_NN_LINES = """Informasjonskapslar

Namn
Føremål
Lagringstid
Type
samtykke
Hugsar valet ditt om informasjonskapslar
1 år
Naudsynt
_ga
Skil mellom brukarar
2 år
Statistikk"""

R2_NN_PIPES = """Informasjonskapslar

Namn | Føremål | Lagringstid | Type
JSESSIONID | Held økta di | Økt | Naudsynt
_ga | Skil mellom brukarar | 2 år | Statistikk
lang | Hugsar språket | 1 år | Funksjonell"""

R2_NN_KV = """Informasjonskapslar

Namn: lang
Føremål: Hugsar kva språk du har valt
Lagringstid: 1 år
Type: Funksjonell

Namn: _gid
Føremål: Skil mellom brukarar
Lagringstid: 24 timar
Type: Statistikk"""

R2_NN_TABS = """Informasjonskapslar

Namn\tFøremål\tLagringstid\tType
samtykke\tHugsar valet ditt\t6 månader\tNaudsynt
_ga\tSkil mellom brukarar\t2 år\tStatistikk"""

R2_TABS_EN = """Cookies

Name\tProvider\tPurpose\tExpiry\tType
__Secure-3PSIDCC\tGoogle\tUsed for targeting purposes\t1 year\tHTTP
NID\tGoogle\tRegisters a unique ID\t6 months\tHTTP
C\tAdform\tChecks whether the browser accepts cookies\t30 days\tHTTP"""

R2_TABS_NB = """Informasjonskapsler

Navn\tLeverandør\tFormål\tUtløper
_fbp\tMeta\tAnnonsering\t3 måneder
uid\tAdform\tGjenkjenner nettleseren\t60 dager
C\tAdform\tSjekker om nettleseren tar imot informasjonskapsler\t30 dager"""

R2_KV_INFORMASJONSKAPSEL_LABEL = """Informasjonskapsler vi bruker

Informasjonskapsel: _ga
Formål: Skiller brukere fra hverandre
Lagringstid: 2 år

Informasjonskapsel: lang
Formål: Husker språket ditt
Lagringstid: 1 år"""

R2_KV_COOKIE_EN = """Cookies

Cookie: __stripe_mid
Purpose: Fraud prevention
Duration: 1 year

Cookie: __stripe_sid
Purpose: Fraud prevention
Duration: 30 minutes"""

R2_COOKIENAVN_HEADER = """Informasjonskapsler

Cookienavn | Formål | Lagringstid
_hjSessionUser_123 | Hotjar-bruker-ID | 1 år
_hjSession_123 | Hotjar-økt | 30 minutter"""

R2_EN_HEADERS_LINES = """Cookie declaration

Cookie name
Provider
Purpose
Expiry
__hssc
HubSpot
Keeps track of sessions
30 minutes
hubspotutk
HubSpot
Keeps track of a visitor's identity
6 months"""

R2_NAMES_CELL_MULTI = """Informasjonskapsler

Leverandør | Navn | Formål | Varighet
Google Analytics | _ga, _ga_* | Statistikk | 2 år
HubSpot | __hstc, __hssc, hubspotutk | Markedsføring | 6 måneder"""

R2_NEG_STORAGE_TABLE_TYPE_COL = """Informasjonskapsler og lokal lagring

Nettstedet bruker både informasjonskapsler og lokal lagring i nettleseren.

Navn | Type | Formål
theme | localStorage | Husker fargetema
cart | sessionStorage | Handlekurv
_ga | HTTP-cookie | Statistikk"""

R2_ONE_LETTER_FLAT = """Informasjonskapsler

Navn
Leverandør
Formål
Varighet
C
Adform
Sjekker om nettleseren tar imot informasjonskapsler
30 dager
uid
Adform
Gjenkjenner nettleseren
60 dager"""

R2_ONE_LETTER_PIPES_HTML = """Informasjonskapsler vi bruker

Navn | Leverandør | Formål | Varighet
uid | Adform | Gjenkjenner nettleseren for målrettet annonsering | 60 dager
C | Adform | Sjekker om nettleseren tar imot annonsekapsler | 30 dager"""

R2_NEG_TOOLS_TABLE = """Informasjonskapsler

Navn | Formål | Varighet
Google Analytics | Statistikk | 2 år
Meta Pixel | Annonsering | 3 måneder
Hotjar | Analyse | 1 år"""

R2_NEG_TOOL_KV = """Informasjonskapsler

Leverandør: Google Analytics
Formål: Statistikk
Varighet: 2 år"""

R2_NEG_CATEGORIES_LINES = """Informasjonskapsler

Kategori
Formål
Nødvendige
Får nettstedet til å virke
Statistikk
Måler bruken
Markedsføring
Viser annonser"""

R2_NEG_CATEGORIES_NAME_COL = """Informasjonskapslar

Namn | Føremål | Lagringstid
Naudsynte | Får nettstaden til å verke | Økt
Statistikk | Måler bruken | 2 år
Marknadsføring | Viser annonsar | 1 år"""

R2_NEG_CATEGORIES_KV = """Informasjonskapsler

Kategori: Nødvendige
Formål: Får nettstedet til å fungere

Kategori: Statistikk
Formål: Måler bruken"""

R2_NEG_LOCALSTORAGE_KV = """Informasjonskapsler

Navn: theme
Type: HTML Local Storage
Formål: Husker lys eller mørk modus

Navn: cart_v2
Type: HTML Local Storage
Formål: Handlekurven"""

R2_NEG_STORAGE_TYPED_ONLY = """Lokal lagring

Vi bruker ikke informasjonskapsler, men lagrer noen innstillinger i localStorage.

Navn | Type | Formål
theme | localStorage | Husker fargetema
lang | Preferanse | Husker språket"""

R2_NEG_RETENTION_TABLE_UNDER_COOKIE_TITLE = """Personvern og informasjonskapsler

Hvor lenge lagrer vi opplysningene?

Opplysning | Lagringstid
Navn | 5 år
E-postadresse | 2 år
Ordrehistorikk | 5 år"""

R2_NEG_PROCESSOR_TABLE = """Informasjonskapsler

Vi bruker disse leverandørene:

Leverandør | Tjeneste | Behandlingssted
Google | Analyse | USA
Meta | Annonsering | USA"""

SNIPPETS += [
    # consent platforms
    pytest.param(R2_CB_NEW_EN, ['_ga', '_ga_#'], id='cb_new_en'),
    pytest.param(R2_CB_NEW_NB_LOCAL, ['CookieConsent', 'test_cookie'], id='cb_new_nb_local'),
    pytest.param(R2_CB_EN_FLAT_GROUPS, ['CookieConsent', '__cf_bm', '_fbp'], id='cb_en_flat_groups'),
    pytest.param(R2_COOKIEYES_EN_PIPES, ['cookieyes-consent', '_gcl_au', 'test_cookie'], id='cookieyes_en_pipes'),
    pytest.param(R2_COOKIEYES_NB_LINES, ['yt-remote-device-id', 'ytidb::LAST_RESULT_ENTRY_KEY', 'lidc'], id='cookieyes_nb_lines'),
    pytest.param(R2_GDPR_COOKIE_CONSENT_WP, ['cookielawinfo-checkbox-necessary', 'cookielawinfo-checkbox-analytics', 'viewed_cookie_policy'], id='gdpr_cookie_consent_wp'),
    pytest.param(R2_COMPLIANZ_EN, ['_ga', '_gid'], id='complianz_en'),
    pytest.param(R2_COMPLIANZ_NB, ['vuid'], id='complianz_nb'),
    pytest.param(R2_COOKIE_INFORMATION_KV, ['CookieInformationConsent', '_ga', '_gid'], id='cookie_information_kv'),
    pytest.param(R2_COOKIE_INFORMATION_EN_KV, ['CookieInformationConsent', 'lang'], id='cookie_information_en_kv'),
    pytest.param(R2_USERCENTRICS_EN, ['_ga', '_gid'], id='usercentrics_en'),
    pytest.param(R2_USERCENTRICS_NB, ['IDE', 'test_cookie'], id='usercentrics_nb'),
    pytest.param(R2_ONETRUST_LIST_EN, ['_ga', '_gid', 'AnalyticsSyncHistory'], id='onetrust_list_en'),
    pytest.param(R2_ONETRUST_LIST_NB, ['OptanonConsent', '_hjid'], id='onetrust_list_nb'),
    # nynorsk, tabs, key-value blocks, header variants
    pytest.param(R2_NN_LINES, ['samtykke', '_ga'], id='nn_lines'),
    pytest.param(R2_NN_PIPES, ['JSESSIONID', '_ga', 'lang'], id='nn_pipes'),
    pytest.param(R2_NN_KV, ['lang', '_gid'], id='nn_kv'),
    pytest.param(R2_NN_TABS, ['samtykke', '_ga'], id='nn_tabs'),
    pytest.param(R2_TABS_EN, ['__Secure-3PSIDCC', 'NID', 'C'], id='tabs_en'),
    pytest.param(R2_TABS_NB, ['_fbp', 'uid', 'C'], id='tabs_nb'),
    pytest.param(R2_KV_INFORMASJONSKAPSEL_LABEL, ['_ga', 'lang'], id='kv_informasjonskapsel_label'),
    pytest.param(R2_KV_COOKIE_EN, ['__stripe_mid', '__stripe_sid'], id='kv_cookie_en'),
    pytest.param(R2_COOKIENAVN_HEADER, ['_hjSessionUser_123', '_hjSession_123'], id='cookienavn_header'),
    pytest.param(R2_EN_HEADERS_LINES, ['__hssc', 'hubspotutk'], id='en_headers_lines'),
    pytest.param(R2_NAMES_CELL_MULTI, ['_ga', '_ga_*', '__hstc', '__hssc', 'hubspotutk'], id='names_cell_multi'),
    pytest.param(R2_NEG_STORAGE_TABLE_TYPE_COL, ['_ga'], id='neg_storage_table_type_col'),
    # one-letter names in the name column of a cookie table (Adform's `C`)
    pytest.param(R2_ONE_LETTER_FLAT, ['C', 'uid'], id='one_letter_flat'),
    pytest.param(R2_ONE_LETTER_PIPES_HTML, ['uid', 'C'], id='one_letter_pipes_html'),
    # a name followed by a relative clause: `_pk_id, som ...` gives no cookie `som`
    pytest.param('Analyseverktøyet setter informasjonskapselen _pk_id, som lever i 13 måneder, og _pk_ses, som varer i 30 minutter.', ['_pk_id', '_pk_ses'], id='prose_som'),
    pytest.param('Verktøyet set informasjonskapslane _ga, som vert lagra i to år, og _gid, som vert lagra i eitt døgn.', ['_ga', '_gid'], id='prose_som_nn'),
    pytest.param('HubSpot setter informasjonskapselen __hstc, der besøkende identifiseres, og __hssc.', ['__hstc', '__hssc'], id='prose_der'),
    pytest.param('Informasjonskapsler\n\nVi setter _ga, hvor en tilfeldig ID lagres.', ['_ga'], id='prose_hvor'),
    pytest.param('Cookies\n\nWe set the cookie _ga, which expires after two years.', ['_ga'], id='prose_which'),
    pytest.param('Informasjonskapsler\n\nVi bruker _ga, _gid og _gat, som alle settes av Google Analytics.', ['_ga', '_gid', '_gat'], id='prose_som_three'),
    pytest.param('Cookies\n\nThe _ga cookie is set by Google Analytics and expires after two years.', ['_ga'], id='prose_en'),
    # negatives: ordinary words, tools, categories, storage keys, other tables
    pytest.param('Informasjonskapsler\n\nVi bruker informasjonskapsler som lagres i nettleseren din, og som slettes etter ett år.', [], id='neg_words'),
    pytest.param('Informasjonskapslar\n\nNår du besøkjer nettstaden, set vi informasjonskapslar som hugsar valet ditt, og som blir sletta etter eitt år.', [], id='neg_prose_ordinary'),
    pytest.param('Informasjonskapsler\n\nVi bruker informasjonskapsler til statistikk, som hjelper oss å forbedre nettsiden.', [], id='neg_prose_som_list'),
    pytest.param(R2_NEG_TOOLS_TABLE, [], id='neg_tools_table'),
    pytest.param(R2_NEG_TOOL_KV, [], id='neg_tool_kv'),
    pytest.param('Informasjonskapsler\n\nSamtykket hentes inn med Cookiebot, CookieYes eller OneTrust.', [], id='neg_cmp_names'),
    pytest.param(R2_NEG_CATEGORIES_LINES, [], id='neg_categories_lines'),
    pytest.param(R2_NEG_CATEGORIES_NAME_COL, [], id='neg_categories_name_col'),
    pytest.param(R2_NEG_CATEGORIES_KV, [], id='neg_categories_kv'),
    pytest.param(R2_NEG_LOCALSTORAGE_KV, [], id='neg_localstorage_kv'),
    pytest.param('Nettstaden lagrar innstillingane dine i localStorage under nøkkelen app_settings, ikkje i informasjonskapslar.', [], id='neg_localstorage_nn'),
    pytest.param(R2_NEG_STORAGE_TYPED_ONLY, [], id='neg_storage_typed_only'),
    pytest.param(R2_NEG_RETENTION_TABLE_UNDER_COOKIE_TITLE, [], id='neg_retention_table_under_cookie_title'),
    pytest.param(R2_NEG_PROCESSOR_TABLE, [], id='neg_processor_table'),
    pytest.param('Cookie declaration last updated on 09.01.2025 by Cookiebot', [], id='neg_cookiebot_meta'),
    # a quoted name after a comma or after `heter`; a plain word after a comma is no name
    pytest.param("Informasjonskapsler\n\nVi setter én informasjonskapsel, `theme`, som husker om du foretrekker mørk modus.",
                 ["theme"], id="quoted_name_after_comma"),
    pytest.param("Informasjonskapsler\n\nInformasjonskapselen heter «consent» og lagres i 12 måneder.", ["consent"],
                 id="noun_heter_quoted"),
    pytest.param("Informasjonskapsler\n\nVi setter én informasjonskapsel, lang, som husker språket.", [],
                 id="neg_plain_word_after_comma"),
    # hyphenated technical names in a cookie section; Norwegian compounds and UUIDs are not
    pytest.param("Cookies\n\nI appen settes bare det som trengs for innlogging: sb-access-token og sb-refresh-token.",
                 ["sb-access-token", "sb-refresh-token"], id="hyphenated_token_names"),
    pytest.param("Informasjonskapsler\n\nVi bruker NextAuth, som setter next-auth.session-token og next-auth.csrf-token.",
                 ["next-auth.session-token", "next-auth.csrf-token"], id="dotted_token_names"),
    # markdown emphasis around a name in plain text; a wildcard star stays
    pytest.param("Informasjonskapsler\n\n**_ga**: Skiller brukere fra hverandre (2 år)\n**_gid**: Skiller brukere (24 timer)",
                 ["_ga", "_gid"], id="markdown_bold_names"),
    pytest.param("Informasjonskapsler\n\n- **cookie_consent** – lagrer valget ditt (12 måneder)\n- **lang** – husker språket (1 år)",
                 ["cookie_consent", "lang"], id="markdown_bold_entries"),
    pytest.param("Cookies\n\nVi bruker informasjonskapsler når du bruker klikk-og-hent-ordre eller skriver til jobb-e-post.",
                 [], id="neg_hyphenated_norwegian"),
    pytest.param("Cookies\n\nBanneret er WordPress-utvidelsen Complianz, som setter cmplz_banner-status for å huske valget.",
                 ["cmplz_banner-status"], id="plugin_sets_cookie"),
    pytest.param("Informasjonskapsler\n\nSett miljøvariabelen NEXT_PUBLIC_GA_ID for å slå på analyse.", [],
                 id="neg_environment_variable"),
    pytest.param("Cookies\n\nSamtykke-ID-en din, 7f3c2a1e-91bd-4c0e-b2a4-0d5e8c6f1a37, lagres i informasjonskapselen.",
                 [], id="neg_uuid"),
]


@pytest.mark.parametrize("text,expected", SNIPPETS)
def test_policy_snippets(text, expected):
    fields = cookies.extract(make_doc(text), {}).fields
    assert [c["name"] for c in fields["cookies"]] == expected


def test_snippet_values_from_the_document():
    """Provider, category and lifetime stated in the snippet's table win."""
    vuid = _cookie(COMPLIANZ, "vuid")
    assert vuid["lifetime_days"] == 730
    gat = _cookie(CB_TABS_NN, "_gat_UA-xxxxxxx-xx")   # the table's `Google` and `1 dag`, not the database's minute
    assert gat["provider"] == "Google" and gat["lifetime_days"] == 1
    php = _cookie(CATEGORY_FIRST, "wp-wpml_current_language")
    assert php["provider"] == "WPML" and php["category"] == "necessary" and php["lifetime_days"] is None
    lang = _cookie(TABS_MIDDLE_LIFE, "lang")
    assert lang["lifetime_days"] == 365


def test_snippet_methods_and_offsets():
    for text in (CB_NEW_NB, LIST_UNDER_HEADING, COMPLIANZ, "Facebook-pikselen setter _fbp og fr i informasjonskapsler."):
        doc = make_doc(text)
        found = [f for f in cookies.extract(doc, {}).findings if f.field == "cookies"]
        assert found and all(doc.text[f.start:f.end] == f.value and 0 < f.confidence <= 1 for f in found)
    doc = make_doc(COMPLIANZ)
    methods = {f.value: f.method for f in cookies.extract(doc, {}).findings if f.field == "cookies"}
    assert methods["vuid"].startswith("cookie.table.label_lines")


def test_group_rows_name_providers():
    fields = cookies.extract(make_doc(PROVIDER_FIRST_PIPES), {}).fields
    assert fields["cookie_providers"][:2] == ["Google Analytics", "Microsoft Clarity"]


@pytest.mark.parametrize("cell,role", [
    ("Kven set han?", "provider"), ("Kva gjer han?", "purpose"), ("Kor lenge vert han lagra?", "lifetime"),
    ("Hvem setter den?", "provider"), ("Hva brukes den til?", "purpose"), ("Hvor lenge lagres den?", "lifetime"),
    ("Hvor lenge lagres opplysningene?", None), ("Utløp", "lifetime"), ("Informasjonskapselundergruppe", "domain"),
    ("Informasjonskapsler som brukes", "type"), ("Teknisk navn", "name"), ("Udløb", "lifetime"),
    ("Vertsnavn", "domain"), ("Vertsnamn", "domain"), ("Hostname", "domain"), ("Vertskap", None),
    ("Hvor lenge", "lifetime"), ("Kor lenge", "lifetime"), ("Hva", "purpose"), ("Hva den gjør", "purpose"),
])
def test_question_header_cells(cell, role):
    assert header_role(cell) == role


def test_syn_bug_rows_relative_clause_and_one_letter():
    """The two synthetic-policy bugs in one place: `som` after a name is no cookie; `C` in a name column is one."""
    text = "Informasjonskapsler\n\nMatomo setter _pk_id, som lever i 13 måneder, og _pk_ses, som varer i 30 minutter."
    assert _names(text) == ["_pk_id", "_pk_ses"]
    one = cookies.extract(make_doc(R2_ONE_LETTER_PIPES_HTML), {})
    c = next(c for c in one.fields["cookies"] if c["name"] == "C")
    assert c["lifetime_days"] == 30 and c["provider"] == "Adform"
    assert not cookies.token_ok("C") and cookies.table_name_ok("C") and not cookies.table_name_ok("-")


@pytest.mark.parametrize("word", ["som", "der", "hvor", "which", "that"])
def test_function_words_are_no_names(word):
    assert not cookies.token_ok(word)


# round 2, synthetic set 2: a long shipped name in running text; a shipped name a tool sets outside cookie text
@pytest.mark.parametrize("text,expected", [
    ("Informasjonskapsler\n\nSiteimprove setter informasjonskapselen nmstat, som lagres i 1000 dager, og "
     "siteimproveses, som slettes etter 30 minutter.", ["nmstat", "siteimproveses"]),
    ("Support\n\nIntercom-widgeten setter intercom-id-[app_id] (9 måneder) og intercom-session-[app_id] (1 uke).",
     ["intercom-id-[app_id]", "intercom-session-[app_id]"]),
    # negatives: no set verb and no cookie word; a plain shipped-looking word that is no shipped name
    ("Support\n\nChatten bruker intercom-id-[app_id] som referanse i saken.", []),
    ("Informasjonskapsler\n\nVi bruker informasjonskapsler fra statistikkverktøyet vårt.", []),
    ("Om oss\n\nVi skriver om siteimproveses i bloggen vår.", []),
])
def test_round3_shipped_names_in_running_text(text, expected):
    fields = cookies.extract(make_doc(text), {}).fields
    assert [c["name"] for c in fields["cookies"]] == expected


# ------------------------------------------------------------ one cookie list in the layouts policies use
ROWS = [("_ga", "Google", "Skiller mellom brukere", "2 år"), ("MUID", "Microsoft", "Annonsering", "1 år"),
        ("lang", "Nettstedet", "Husker språkvalget ditt", "1 år"), ("NID", "Google", "Husker innstillinger", "6 måneder"),
        ("__cf_bm", "Cloudflare", "Skiller mennesker fra roboter", "30 minutter")]
HEAD = ("Navn", "Leverandør", "Formål", "Utløper")


def _grouped(rows, render):
    return "\n\n".join(f"{p}\n\n" + render([r for r in rows if r[1] == p]) for p in dict.fromkeys(r[1] for r in rows))


LAYOUTS = {
    "pipes": lambda rows: "\n".join(" | ".join(r) for r in [HEAD, *rows]),
    "tabs": lambda rows: "\n".join("\t".join(r) for r in [HEAD, *rows]),
    "cells": lambda rows: "\n".join([*HEAD, *(c for r in rows for c in r)]),
    "records": lambda rows: "\n\n".join("\n".join(f"{k}: {v}" for k, v in zip(HEAD, r)) for r in rows),
    "no_header_pipes": lambda rows: "\n".join(" | ".join(r) for r in rows),
    "no_header_tabs": lambda rows: "\n".join("\t".join(r) for r in rows),
    "cells_one_per_block": lambda rows: "\n\n".join([*HEAD, *(c for r in rows for c in r)]),
    "rows_one_per_block": lambda rows: "\n".join(HEAD) + "\n\n" + "\n\n".join("\n".join(r) for r in rows),
    "numbered_definitions": lambda rows: "\n".join(f"{i}. {n}: {d}" for i, (n, p, d, e) in enumerate(rows, 1)),
    "provider_headings": lambda rows: _grouped(rows, lambda rs: "\n".join(f"{n} – {d}" for n, p, d, e in rs)),
    "provider_heading_tables": lambda rows: _grouped(
        rows, lambda rs: "\n".join(" | ".join(r) for r in [("Navn", "Formål", "Lagringstid"), *[(n, d, e) for n, p, d, e in rs]])),
    "category_headings": lambda rows: "\n\n".join(
        f"{title}\n\n" + "\n".join(" | ".join(r) for r in [HEAD, *part])
        for title, part in (("Nødvendige informasjonskapsler", rows[:2]), ("Statistikk og markedsføring", rows[2:]))),
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_same_cookies_in_every_layout(layout):
    text = ("Informasjonskapsler\n\nVi bruker informasjonskapsler på nettstedet. Her er en oversikt.\n\n"
            + LAYOUTS[layout](ROWS) + "\n\nKontakt oss\n\nSkriv til personvern@eksempel.no.")
    names = _names(text)
    assert sorted(names) == sorted(r[0] for r in ROWS)


def _html_by_provider(render_group):
    return "".join(render_group(p, [r for r in ROWS if r[1] == p]) for p in dict.fromkeys(r[1] for r in ROWS))


HTML_LAYOUTS = {
    # markup trafilatura takes for a consent banner (an id or class with `cookie`)
    "onetrust": '<div id="ot-sdk-cookie-policy"><h3>Informasjonskapsler</h3><table><tr><th>Leverandør</th>'
                "<th>Informasjonskapsler</th></tr>" + _html_by_provider(
                    lambda p, rs: f"<tr><td>{p}</td><td>{', '.join(n for n, *_ in rs)}</td></tr>") + "</table><h3>Mer</h3></div>",
    "complianz": '<div id="cmplz-cookies-overview">' + _html_by_provider(
        lambda p, rs: f"<details><summary><div><h3>{p}</h3><p>Statistikk</p></div></summary>" + "".join(
            f"<div class='cookies-per-purpose'><div class='name-header'><h5>Navn</h5></div><div>{n}</div>"
            f"<div class='retention-header'><h5>Utløpsdato</h5></div><div>{e}</div><div class='function-header'>"
            f"<h5>Funksjon</h5></div><div>{d}</div></div>" for n, _, d, e in rs) + "</details>") + "</div>",
    # closed accordion panels, cells of several lines, one label table per cookie
    "accordion": _html_by_provider(
        lambda p, rs: f"<div><h3><button aria-expanded='false'>{p}</button></h3><div aria-hidden='true'><p>Disse "
                      f"informasjonskapslene settes av {p} når du besøker nettstedet, slik tabellen viser.</p><table>"
                      "<tr><th>Navn</th><th>Utløper</th></tr>"
                      + "".join(f"<tr><td>{n}</td><td>{e}</td></tr>" for n, _, _, e in rs) + "</table></div></div>"),
    "cells_with_breaks": "<table><tr><th>Navn</th><th>Leverandør</th></tr>" + _html_by_provider(
        lambda p, rs: f"<tr><td>{'<br>'.join(n for n, *_ in rs)}</td><td>{p}</td></tr>") + "</table>",
    "label_tables": "".join(f"<table><tr><th>Navn</th><td>{n}</td></tr><tr><th>Leverandør</th><td>{p}</td></tr>"
                            f"<tr><th>Utløper</th><td>{e}</td></tr></table>" for n, p, d, e in ROWS),
    # rows of <div>s or <span>s styled as a table, which trafilatura drops or glues together
    "div_grid": "<div class='cookie-list'>" + "".join(
        f"<div class='cookie-row'><div class='name'>{n}</div><div class='provider'>{p}</div><div class='expiry'>{e}</div>"
        "</div>" for n, p, d, e in ROWS) + "</div>",
    "span_items": "<ul>" + "".join(f"<li><span class='name'>{n}</span><span class='provider'>{p}</span>"
                                   f"<span class='expiry'>{e}</span></li>" for n, p, d, e in ROWS) + "</ul>",
}


@pytest.mark.parametrize("layout", sorted(HTML_LAYOUTS))
def test_same_cookies_in_html_declarations(layout):
    page = ("<html><body><main><h1>Personvernerklæring for Eksempel AS</h1><p>Eksempel AS er behandlingsansvarlig for "
            "personopplysningene vi behandler om deg.</p><h2>Informasjonskapsler</h2><p>Vi bruker informasjonskapsler "
            f"på nettstedet. Her er en oversikt.</p>{HTML_LAYOUTS[layout]}<h2>Kontakt oss</h2><p>Skriv til "
            "personvern@eksempel.no.</p></main></body></html>")
    doc = build_document(html_to_text(page), "t", "<test>")
    assert sorted(c["name"] for c in cookies.extract(doc, {}).fields["cookies"]) == sorted(r[0] for r in ROWS)


SUB_HEADINGS = ("Personvernerklæring for Eksempel AS\n\nInformasjonskapsler\n\nVi bruker informasjonskapsler for å "
                "forstå hvordan nettstedet brukes. Nedenfor står hvilke.\n\n{sub}\n\nNavn | Formål | Lagringstid\n"
                "lang | Husker språket | 1 år\nsamtykke | Husker valget ditt | 6 måneder\n\nKontakt oss\n\n"
                "Skriv til personvern@eksempel.no.")


@pytest.mark.parametrize("text,expected", [
    # a plain name right after a singular cookie noun, where a name stands
    ("Vi lagrer språkvalget ditt i informasjonskapselen lang i ett år.", ["lang"]),
    ("Informasjonskapselen samtykke husker valget ditt.", ["samtykke"]),
    ("Vi lagrer valget i cookien consent, som utløper etter ett år.", ["consent"]),
    # ... and no verb, adverb or possessive there
    ("Informasjonskapselen din er lagret i nettleseren.", []),
    ("Informasjonskapselen gjør at vi husker deg.", []),
    ("Informasjonskapselen inneholder et tilfeldig tall.", []),
    ("Informasjonskapselen typisk brukes til innlogging.", []),
    ("Informasjonskapselen selv er ufarlig.", []),
    ("Informasjonskapselen også husker valget ditt.", []),
    ("Informasjonskapsler lang tid etter besøket.", []),
    # rows without a header: the first column names cookies only with a lifetime column or cookie shapes
    ("Informasjonskapsler\n\nlang | Husker språket | 1 år\nsamtykke | Husker valget | 6 måneder", ["lang", "samtykke"]),
    ("Informasjonskapsler\n\nGoogle | Analyse | USA\nMeta | Annonser | USA", []),
    ("Behandlinger\n\nlang | Husker språket | 1 år\nsamtykke | Husker valget | 6 måneder", []),
    # a section under a provider heading belongs to the cookie section above; a later topic does not
    # Complianz: each cookie's name line, then `Utløp` / value / `Funksjon` / value; storage rows are no cookies
    ("Plasserte informasjonskapslar\n\nDiverse\nPreferansar\nlang\nUtløp\n1 år\nFunksjon\nHugsar målforma\n"
     "visning\nUtløp\n30 dagar\nFunksjon\nHugsar om du vil sjå lista\nwc_cart_hash_*\nUtløp\nvedvarande\nFunksjon\n"
     "Lagrar handlekorga i localStorage (ikkje ein informasjonskapsel)", ["lang", "visning"]),
    # one name per line without bullets under a cookie heading
    ("Liste over informasjonskapsler\n\nXSRF-TOKEN\nhs\nsvSession\nconsent-policy", ["XSRF-TOKEN", "hs", "svSession", "consent-policy"]),
    ("Informasjonskapsler\n\nNavn\nFormål", []),
    # a plain word is a shipped name only as written: `cookie consent state` names no CONSENT cookie
    ("Informasjonskapsler\n\nCookieConsent stores the user's cookie consent state for the current domain.", ["CookieConsent"]),
    # a consent declaration's pixel entry, typed `Pixel Tracker`, is an entry like the cookies around it
    ("Marketing (2)\n\nIDE\nGoogle\nUsed by Google DoubleClick to register the user's actions.\n400 days\nHTTP Cookie\n"
     "pagead/1p-user-list/#\nGoogle\nTracks if the user has shown interest in specific products.\nSession\nPixel Tracker",
     ["IDE", "pagead/1p-user-list/#"]),
    # a chat tool's key paths with a placeholder segment, in a list and in a table; a path without one is no name
    ("Informasjonskapsler\n\n- crisp-client/session/[website_id] – Crisp – holder chatten, 6 måneder\n"
     "- crisp-client/socket/[website_id] – Crisp – kobler til chatten, 12 timer",
     ["crisp-client/session/[website_id]", "crisp-client/socket/[website_id]"]),
    ("Informasjonskapsler\n\n| Navn | Leverandør | Varighet |\n|---|---|---|\n"
     "| crisp-client/session/{website_id} | Crisp | 6 måneder |\n| _ga | Google | 2 år |",
     ["crisp-client/session/{website_id}", "_ga"]),
    ("Informasjonskapsler\n\n- personvern/informasjonskapsler – siden du leser nå\n- kontakt/skjema – skjemaet vårt", []),
    (SUB_HEADINGS.format(sub="Hotjar"), ["lang", "samtykke"]),
    (SUB_HEADINGS.format(sub="Statistikk"), ["lang", "samtykke"]),
    (SUB_HEADINGS.format(sub="Dine rettigheter"), []),
])
def test_round5_cookie_cases(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a compound that names a group of cookies is no cookie name
    ("Statistikken lagar vi med Matomo, og dei to _pk-kapslane blir berre sette når du har gitt samtykke.", []),
    ("Informasjonskapsler\n\nVi bruker _ga-cookiene og informasjonskapselen _gid.", ["_gid"]),
    # framework session cookies of the shipped table, in running text
    ("Informasjonskapsler\n\nSiden bruker bare to cookies: csrftoken beskytter skjemaene mot CSRF-angrep, og "
     "sessionid holder deg innlogget i to uker.", ["csrftoken", "sessionid"]),
    ("Vi setter informasjonskapselen connect.sid når du logger inn.", ["connect.sid"]),
])
def test_round10_cookie_cases(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a plain name after a singular cookie noun, followed by the passive or copula that says what it does
    ("Informasjonskapselen lang brukes til å huske språket.", ["lang"]),
    ("Cookien visited er satt for å vise velkomsten én gang.", ["visited"]),
    ("Kapselen tema vert brukt til å hugse fargevalet.", ["tema"]),
    ("Informasjonskapselen vår brukes til statistikk.", []),
    ("Informasjonskapselen brukes til å huske samtykket.", []),
    # a lead-in that names a list of cookies makes its bare items names, also site-made ones
    ("Vi bruker disse informasjonskapslene:\n- cookie-consent\n- lang", ["cookie-consent", "lang"]),
    ("Informasjonskapsler vi setter:\n- session\n- csrftoken", ["session", "csrftoken"]),
    ("Vi bruker informasjonskapsler til:\n- innlogging\n- statistikk", []),
    ("Vi bruker disse typene informasjonskapsler:\n- nødvendige\n- analyse", []),
    ("Du kan slette informasjonskapsler i nettleseren. Slik gjer du det i:\n- chrome\n- firefox", []),
    # a site-made name after a singular cookie noun
    ("Trykkjer du på A+, blir valet lagra i kapselen font-size, også den i 1 år.", ["font-size"]),
    # a short shipped name is a cookie where its tool is named in the sentence
    ("Informasjonskapsler\n\nYouTube setter da blant annet YSC, som slettes når nettleseren lukkes.", ["YSC"]),
    ("Informasjonskapsler\n\nDa setter plattformene blant annet fr og datr fra Facebook.", ["fr", "datr"]),
    ("Informasjonskapsler\n\nVi bruker YSC som forkortelse for «ytelse, sikkerhet, cookies».", []),
    # the plain members of a list set by a tool
    ("Informasjonskapsler\n\nPiano setter __tbc, __pvi og xbc for å telle artiklene du har lest.", ["__tbc", "__pvi", "xbc"]),
    ("Informasjonskapsler\n\nVi setter pris på __tbc, __pvi og lesing.", ["__tbc", "__pvi"]),
    # round 15: examples named after a clause (`..., blant annet`) in a sentence about cookies
    ("Informasjonskapsler\n\nShopify setter noen informasjonskapsler som må til for at handlekurven skal virke, "
     "blant annet cart, secure_customer_sig og localization.", ["cart", "secure_customer_sig", "localization"]),
    ("Informasjonskapsler\n\nNødvendige informasjonskapsler er blant annet cart, secure_customer_sig og "
     "localization.", ["cart", "secure_customer_sig", "localization"]),
    ("Informasjonskapsler\n\nVi bruker verktøy som måler trafikk, blant annet analyse, _ga og rapporter.", ["_ga"]),
    # round 28: a shipped name that opens a clause saying what it does, its tool named in the document
    ("Nettbutikken kjører på Shopify.\n\nInformasjonskapsler\n\nNoen informasjonskapsler er nødvendige: cart husker "
     "hva du har lagt i handlekurven, og localization husker hvilket land du har valgt.", ["cart", "localization"]),
    ("Informasjonskapsler\n\nNoen informasjonskapsler er nødvendige: cart husker hva du har lagt i handlekurven.", []),
    # round 16: names listed in running text with descriptions in parentheses, commas inside them
    ("Informasjonskapsler\n\nWix setter blant annet informasjonskapslene XSRF-TOKEN og hs (sikkerhet, slettes når du "
     "lukker nettleseren), svSession (nødvendig, 2 år) og bSession (statistikk, 30 minutter).",
     ["XSRF-TOKEN", "hs", "svSession", "bSession"]),
    ("Informasjonskapsler\n\nVi bruker informasjonskapslene hs, svSession og bSession.", ["hs", "svSession", "bSession"]),
    ("Informasjonskapsler\n\nEksempler på informasjonskapsler som settes: cart (husker handlekurven din, 14 dager), "
     "_shopify_y (statistikk, 1 år) og _fbp (annonsering, 3 måneder).", ["cart", "_shopify_y", "_fbp"]),
    ("Informasjonskapsler\n\nMeta-pikselen setter _fbp (levetid 3 måneder) og brukes til å vise deg annonser.", ["_fbp"]),
    # Shopify's two-character names, in prose as in a table; a lone `_` is none
    ("Informasjonskapsler\n\nShopify setter informasjonskapslene _s og _y for statistikk, samt _shopify_y.",
     ["_s", "_y", "_shopify_y"]),
    ("Informasjonskapsler\n\nInformasjonskapselen _y lagres i ett år.", ["_y"]),
    ("Informasjonskapsler\n\nFeltene skilles med _ i informasjonskapselen.", []),
    # a name column: a letter or three before `cookie` is a cookie's name, a word before it a category
    ("Informasjonskapsler\n\nNavn | Leverandør | Formål | Utløp\nfcookie | Nettstedet | Husker valg | 1 år\n"
     "lidc | LinkedIn | Ruting | 1 dag", ["fcookie", "lidc"]),
    ("Informasjonskapsler\n\nNavn | Formål | Utløp\nSesjonscookie | Holder på økten | Økt\n"
     "Analysecookie | Statistikk | 2 år", []),
    ("Informasjonskapsler\n\nVi bruker informasjonskapsler fra LinkedIn og HubSpot.", []),
    ("Informasjonskapsler\n\nVi bruker informasjonskapsler for statistikk og markedsføring.", []),
    # technical capitals in a described list after a cookie lead-in, not a tool name
    ("Det blir satt informasjonskapsler fra Feide som trengs for innloggingen:\n"
     "- SimpleSAMLSessionID – holder på påloggingen (sesjon)\n- PayPal – betaling", ["SimpleSAMLSessionID"]),
    # a cookie's value is no cookie name
    ("Svarene lagres i informasjonskapselen euconsent-v2. Den inneholder en TC-streng som begynner slik: "
     "CQKz3sAQKz3sAAHABBENBbFsAP_gAELgAAqIJ.", ["euconsent-v2"]),
])
def test_round12_cookie_cases(text, expected):
    assert _names(text) == expected


def test_django_session_cookie_is_enriched():
    found = cookies.extract(make_doc("Vi setter informasjonskapselen sessionid når du logger inn."), {})
    assert found.fields["cookies"][0]["provider"] == "Django" and found.fields["cookies"][0]["lifetime_days"] == 14


@pytest.mark.parametrize("text,expected", [
    # names written like identifiers (capitals only, inner capitals, letters with digits), as real sites name them
    ("Informasjonskapsler vi bruker\n\n- _ga: skiller brukere (2 år)\n- BVID: husker nettleseren (1 år)\n"
     "- PageReferrer: lagrer forrige side (økt)", ["_ga", "BVID", "PageReferrer"]),
    ("Vi bruker disse informasjonskapslene:\n- GPS: lagrer omtrentlig posisjon\n- CrossConsent: husker samtykket",
     ["GPS", "CrossConsent"]),
    ("Informasjonskapsler\n\nVi bruker informasjonskapselen VisitorStorageGuid til å kjenne igjen nettleseren.",
     ["VisitorStorageGuid"]),
    ("Informasjonskapslar\n\nTwitter set informasjonskapselen ct0 til å verne innlogginga.", ["ct0"]),
    ("Informasjonskapslar\n\nVi bruker informasjonskapselen aks til å telje besøk.", ["aks"]),
    ("Informasjonskapsler\n\nGoogle setter informasjonskapslene BVID, GUC og RT.", ["BVID", "GUC", "RT"]),
    # abbreviations, services and words stay out
    ("Informasjonskapsler vi bruker\n\n- _ga: skiller brukere (2 år)\n- GDPR: loven vi følger\n"
     "- HubSpot: vårt CRM-system", ["_ga"]),
    ("Informasjonskapsler\n\nInformasjonskapselen IP-adresse lagres ikke.", []),
    ("Informasjonskapsler\n\nVi bruker informasjonskapselen til å huske deg.", []),
    ("Informasjonskapsler\n\nInformasjonskapselen HubSpot setter, husker besøket.", []),
    ("Informasjonskapsler\n\nVi deler data med EU, EØS og USA.", []),
    # round 21: a lower-camel name in running text, the object of a verb of setting after its tool
    ("Informasjonskapslar\n\nDer set Wix smSession, som kjenner deg att, og fedops.logger.sessionId, som måler farta.",
     ["smSession", "fedops.logger.sessionId"]),
    ("Informasjonskapslar\n\nDer set Jimdo ClickAndChange, ein øktkapsel som løysinga treng.", ["ClickAndChange"]),
    ("Informasjonskapslar\n\nVi set NAV-kapslar? Nei, men vi set GDPR-samtykket i ein kapsel.", []),
    ("Informasjonskapsler\n\nSlett informasjonskapsler i Safari på iPhone eller macOS.", []),
    # a lifetime in parentheses after a cookie word is no name
    ("Informasjonskapslar\n\n- MC0 – sjekkar om nettlesaren tek imot informasjonskapslar (økt)\n"
     "- _ga – skil brukarar (2 år)", ["MC0", "_ga"]),
    # a list whose lead-in puts its items in localStorage
    ("Informasjonskapslar\n\n- _ga – skil brukarar (2 år)\n- _gid – skil brukarar (1 dag)\n\n"
     "Nettstaden lagrar to ting i localStorage. Dette er ikkje informasjonskapslar:\n"
     "- kystliv_skriftstorleik – hugsar skriftstorleiken\n- kystliv_lest – hugsar kor du slapp", ["_ga", "_gid"]),
    # several names defined in one line
    ("Informasjonskapslar\n\nxs og csm: kjenner deg att om du er innlogga på Facebook\n_fbp: måler annonser",
     ["xs", "csm", "_fbp"]),
    ("Informasjonskapsler\n\nGoogle og Meta: setter egne informasjonskapsler\n_fbp: måler annonser", ["_fbp"]),
    # a cookie's record on one line
    ("Informasjonskapsler\n\nNavn: LANG, Leverandør: Eksempel AS, Formål: husker språket, Utløper: 1 år\n"
     "Navn: login, Leverandør: Eksempel AS, Formål: holder deg innlogget, Utløper: Sesjon", ["LANG", "login"]),
    # a JavaScript object is no cookie
    ("Informasjonskapsler\n\nGoogle Tag Manager setter ingen informasjonskapsler, men bruker JavaScript-objektet "
     "dataLayer til å sende hendelser.", []),
])
def test_identifier_shaped_names(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a consent plugin's declaration through the HTML ingest: every label and value in a block of its own
    ("Informasjonskapsler\n\nStatistikk\n\nNavn\n\n_ga\n\nUtløpsdato\n\n2 år\n\nFunksjon\n\nTeller besøk\n\n"
     "Funksjonell\n\nNavn\n\nlang\n\nUtløpsdato\n\nøkt\n\nFunksjon\n\nHusker språket", ["_ga", "lang"]),
    # a table a PDF text layer gives column by column: the names under the name column's header word
    ("Informasjonskapsler\n\nNavn\n_ga\nrc\nGCLB\nsdsc\n\nFormål\nStatistikk\nSikkerhet\nLastbalansering\nSpråk",
     ["_ga", "rc", "GCLB", "sdsc"]),
    # a name as a heading over its description
    ("Informasjonskapsler\n\n_ga\n\nSkiller brukere fra hverandre. Utløper etter 2 år.\n\n"
     "lang\n\nHusker språket du har valgt. Utløper etter 1 år.\n\n"
     "CurrentContact\n\nHusker kontaktpersonen din. Utløper etter 1 år.", ["_ga", "lang", "CurrentContact"]),
    # a lower-case heading over prose in a section without cookie names is no name
    ("Informasjonskapsler\n\nstatistikk\n\nVi teller besøk for å forbedre nettstedet.\n\n"
     "annonser\n\nVi viser annonser fra samarbeidspartnere.", []),
])
def test_declarations_with_blank_lines_between_cells(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a name joined to a singular cookie noun
    ("Google Analytics setter _ga-cookien, som skiller brukere fra hverandre.", ["_ga"]),
    ("Vi bruker CookieConsent-informasjonskapselen for å huske samtykket ditt.", ["CookieConsent"]),
    ("Informasjonskapslar\n\nsmSession-kapselen held deg innlogga.", ["smSession"]),
    # a plural names a group; a tool, a category or a plain word is no name
    ("Dei to _pk-kapslane lagrar besøket.", []),
    ("Informasjonskapsler\n\nHotjar-cookien lagres i ett år, og Facebook-informasjonskapselen i tre måneder.", []),
    ("Vi bruker tredjeparts-cookien, sesjons-cookien og en analyse-cookie.", []),
    ("Informasjonskapsler\n\nVi setter ingen third-party-cookies, bare en first-party-cookie.", []),
])
def test_name_joined_to_a_cookie_noun(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text,expected", [
    # quoted names listed after a cookie noun, a colon or `heter`: the quotes make plain words names
    ("Vi bruker to informasjonskapsler: «theme» og «fontsize». Begge lagres i ett år.", ["theme", "fontsize"]),
    ("Vi bruker disse informasjonskapslene: «theme», «fontsize» og «lang».", ["theme", "fontsize", "lang"]),
    ("Vi bruker informasjonskapslene «theme» og «fontsize».", ["theme", "fontsize"]),
    ("Kapslane heiter «tema» og «skriftstorleik».", ["tema", "skriftstorleik"]),
    ("Informasjonskapslene «theme» (utseende) og «fontsize» (tekststørrelse) lagres i ett år.", ["theme", "fontsize"]),
    ("Informasjonskapselen heter \"accepted_cookies\" og lagres i 365 dager.", ["accepted_cookies"]),
    # unquoted plain words, quoted categories, cookie words and button labels are no names
    ("Vi bruker informasjonskapslene theme og fontsize.", []),
    ("Informasjonskapslene «nødvendige» og «valgfrie» kan du styre selv.", []),
    ("Informasjonskapsler kalles også «cookies» eller «kapsler».", []),
    ("Informasjonskapslene heter «førstepartskapsler» og «tredjepartskapsler».", []),
    ("Vi bruker informasjonskapsler: «Godta alle» og «Avvis alle» er knappene i banneret.", []),
])
def test_quoted_names_in_running_text(text, expected):
    assert _names("Informasjonskapsler\n\n" + text) == expected


@pytest.mark.parametrize("rows,expected", [
    # rows of a cookie table that lost its header and has no lifetime column: half the names known or shaped
    ("_ga | Google\nMUID | Microsoft\nNID | Google\n__cf_bm | Cloudflare", ["_ga", "MUID", "NID", "__cf_bm"]),
    ("mat_sid | Holder deg innlogget\nvisited | Husker velkomstboksen\nmat_fontsize | Husker skriftstørrelsen\n"
     "__eoi | Avslører annonsesvindel", ["mat_sid", "visited", "mat_fontsize", "__eoi"]),
    # ... or a provider in every row, also the site itself
    ("lang | Nettstedet\nsamtykke | Nettstedet\ntheme | Nettstedet", ["lang", "samtykke", "theme"]),
    ("lang | Nettstedet\nfr | Facebook\ntheme | Hotjar", ["lang", "fr", "theme"]),
    # categories with counts or providers, providers with countries, tools are no cookie rows
    ("Nødvendige | 3\nStatistikk | 2\nMarkedsføring | 0", []),
    ("Statistikk | Google\nAnnonsering | Facebook", []),
    ("Google | USA\nMicrosoft | USA\nHotjar | Malta", []),
    ("Google Analytics | Google\nHotjar | Hotjar", []),
])
def test_headerless_rows_without_lifetimes(rows, expected):
    text = "Informasjonskapsler\n\nVi bruker disse informasjonskapslene på nettstedet vårt:\n\n" + rows + "\n"
    assert _names(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a name said to be a cookie, or named right after a sentence about one
    ("rc er en informasjonskapsel som husker hvilken side du kom fra.", ["rc"]),
    ("sdsc er en sesjonskapsel som holder styr på innloggingen.", ["sdsc"]),
    ("«theme» er ein informasjonskapsel som hugsar fargevalet ditt.", ["theme"]),
    ("lang: en informasjonskapsel som husker språket ditt.", ["lang"]),
    ("Matomo er en analysetjeneste, og _pk_id er en informasjonskapsel den setter.", ["_pk_id"]),
    ("Vi bruker en informasjonskapsel for å huske språket ditt. Denne kalles «lang».", ["lang"]),
    ("Vi bruker en informasjonskapsel for å huske språket ditt. Den heter «lang» og lagres i ett år.", ["lang"]),
    # pronouns, tools, categories, header words and capitalised words are no names; a quote needs a cookie before
    ("Dette er en informasjonskapsel som lagres i nettleseren.", []),
    ("Det er en informasjonskapsel som husker valget ditt.", []),
    ("Resultatet er en informasjonskapsel som lagres i nettleseren din.", []),
    ("Google er en leverandør som setter informasjonskapsler.", []),
    ("Hotjar er et verktøy som setter informasjonskapsler.", []),
    ("type: en informasjonskapsel som lagres i nettleseren.", []),
    ("Nødvendig: en informasjonskapsel som må til for at siden virker.", []),
    ("Vi viser et banner. Det heter «Samtykke».", []),
])
def test_names_said_to_be_cookies(text, expected):
    assert _names("Informasjonskapsler\n\n" + text) == expected


@pytest.mark.parametrize("text,expected", [
    # a declaration copied without blank lines: a table is judged by the block before it, not by all text above
    # (the localStorage row of the group above does not make the next group's table one of storage items)
    ("Informasjonskapsler\nVi bruker informasjonskapsler på nettstedet. Her er oversikten fra samtykkeløsningen.\n"
     "Preferanser (1)\nPreferansekapsler husker valgene dine.\nNavn\tLeverandør\tFormål\tUtløp\tType\n"
     "lt_textsize\neksempel.no\nHusker valgt skriftstørrelse\nVedvarende\nHTML Local Storage\n"
     "Statistikk (1)\nStatistikk-kapsler hjelper oss å forstå hvordan nettstedet brukes.\n"
     "Navn\tLeverandør\tFormål\tUtløp\tType\n_ga\nGoogle\nRegistrerer en unik ID for statistikk\n2 år\nHTTP Cookie",
     ["_ga"]),
    # the cells of a flattened table stay one block although a purpose cell ends a sentence
    ("Informasjonskapsler\nVi bruker disse informasjonskapslene, og du kan velge bort dem som ikke er nødvendige.\n"
     "Navn\nFormål\nUtløp\nsession\nHolder deg innlogget.\nØkt\n_ga\nSkiller besøkende fra hverandre i statistikken.\n"
     "2 år\n_gid\nTeller besøk per dag.\n1 døgn\nRettighetene dine\nDu kan be om innsyn i hva vi har lagret om deg.",
     ["session", "_ga", "_gid"]),
    # one header row, the groups' titles between the rows
    ("Informasjonskapsler\nVi bruker informasjonskapsler som beskrevet under, og du velger selv.\n"
     "Navn\nLeverandør\nFormål\nUtløp\nType\nCookieConsent\nCookiebot\nLagrer samtykket ditt\n1 år\nHTTP Cookie\n"
     "Preferanser (1)\nlang\neksempel.no\nHusker språket du har valgt\nØkt\nHTTP Cookie\n"
     "Statistikk (1)\nStatistikk-kapsler hjelper oss å forstå hvordan nettstedet brukes.\n"
     "_ga\nGoogle\nRegistrerer en unik ID for statistikk\n2 år\nHTTP Cookie",
     ["CookieConsent", "lang", "_ga"]),
])
def test_declarations_without_blank_lines(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("lead, expected", [
    # a storage key set apart from the cookies before the table leaves it a cookie table
    ("Når du fyller ut søknaden, lagres et utkast i nettleseren under nøkkelen bk_utkast (localStorage); "
     "det er ikke en informasjonskapsel.", ["pll_language", "_ga"]),
    ("Utkastet lagres i localStorage, som ikke er en informasjonskapsel, og vi setter disse informasjonskapslene:",
     []),
    # ... but a lead-in putting what follows in browser storage makes it a storage table
    ("Nettsiden lagrer disse opplysningene i localStorage:", []),
])
def test_a_storage_aside_before_a_cookie_table(lead, expected):
    text = ("Informasjonskapsler på nettstedet\nVi bruker informasjonskapsler. " + lead +
            "\nNavn | Leverandør | Formål | Varighet\npll_language | eksempel.no | Husker språket | 1 år\n"
            "_ga | Google | Skiller besøkende fra hverandre | 2 år\n")
    assert _names(text) == expected

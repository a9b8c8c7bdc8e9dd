"""Cookie names, cookie providers, and enrichment from the shipped table and the Open Cookie Database."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from policyparse import cookiedb
from policyparse.extract import cookies

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
     ["_ga", "_gid", "collect"]),
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
]


@pytest.mark.parametrize("text,expected", CASES)
def test_cookie_names(text, expected):
    fields = cookies.extract(make_doc(text), {}).fields
    assert [c["name"] for c in fields["cookies"]] == expected


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
    assert 60 <= len(db) <= 160
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

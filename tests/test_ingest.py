"""Ingest (`ingest.py`): decoding, HTML / Markdown / PDF text, discovery of files, folders, globs and manifests."""
from __future__ import annotations

import codecs
import json
from collections import Counter
from pathlib import Path

import pytest

from policyparse import htmlpage, ingest
from policyparse.ingest import DiscoveryError, IngestError, Source, decode, discover, read
from policyparse.pipeline import build_document, parse_many, parse_source

from conftest import SHARED

HTML_DIR = SHARED / "corpus" / "html"
TEXT = ("Personvernerkl\u00e6ring for Bl\u00e5b\u00e6r AS\n\n"
        "Vi behandler personopplysninger om deg p\u00e5 en trygg m\u00e5te. \u00c6rlig og \u00e5pent, "
        "se \"vilk\u00e5rene\".\n")


def _source(path: Path) -> Source:
    return next(s for s in discover([str(path)]) if isinstance(s, Source))


def read_file(tmp_path: Path, name: str, data: bytes | str):
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return read(_source(path))


# --------------------------------------------------------------------------- decoding

ENCODINGS = [
    # (bytes, expected warning fragment or None)
    (TEXT.encode("utf-8"), None),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), None),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), None),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), None),
    (TEXT.encode("utf-16-le"), "UTF-16-LE"),
    (TEXT.encode("utf-16-be"), "UTF-16-BE"),
    (TEXT.encode("cp1252"), "not valid UTF-8"),
    (TEXT.encode("latin-1"), "not valid UTF-8"),
    (TEXT.encode("cp865"), "cp865"),          # DOS Nordic
    (TEXT.encode("mac_roman"), "mac_roman"),
]


@pytest.mark.parametrize("data, warning", ENCODINGS,
                         ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "cp1252",
                              "latin1", "cp865", "mac_roman"])
def test_decode(data, warning):
    text, warnings = decode(data)
    assert text == TEXT
    if warning is None:
        assert warnings == []
    else:
        assert len(warnings) == 1 and warning in warnings[0]


@pytest.mark.parametrize("name", ["policy.txt", "policy.text"])
def test_read_txt_keeps_norwegian_letters(tmp_path, name):
    result = read_file(tmp_path, name, codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert result.text == TEXT and "\ufeff" not in result.text and result.warnings == []


@pytest.mark.parametrize("data, kept", [
    # Windows-1252 with bytes it does not define: the letters survive, the stray bytes are replaced
    ("Personvern p\u00e5 nett.\n".encode("cp1252") + b"\x81\x8d\x8f\x90\x9d slutt\n", "Personvern p\u00e5 nett."),
    ("Bl\u00e5b\u00e6r og \u00f8l.".encode("cp1252") + b"\x81", "Bl\u00e5b\u00e6r og \u00f8l."),
])
def test_undecodable_bytes_are_replaced_with_a_warning(tmp_path, data, kept):
    result = read_file(tmp_path, "odd.txt", data)
    assert kept in result.text and "\ufffd" in result.text
    assert len(result.warnings) == 1 and "not valid UTF-8" in result.warnings[0] and "replaced" in result.warnings[0]


def test_undecodable_text_without_norwegian_letters_still_reads(tmp_path):
    result = read_file(tmp_path, "odd.txt", b"Cookie policy \x81\x8d in English")
    assert result.text.startswith("Cookie policy ") and result.text.endswith(" in English")
    assert len(result.warnings) == 1 and "not valid UTF-8" in result.warnings[0]


def test_utf8_cut_inside_a_character_is_still_utf8():
    data = "Sist oppdatert: 1. mai 2026. Vi behandler opplysninger p\u00e5".encode("utf-8")[:-1]
    text, warnings = decode(data)
    assert text.startswith("Sist oppdatert") and text.endswith("opplysninger p") and warnings == []


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"   \n\n\t  \r\n", "empty"),
    (bytes(range(256)) * 8, "binary"),
    (b"\x89PNG\r\n\x1a\n" + bytes(2000) + bytes(range(1, 32)) * 20, "binary"),
    (b"\x7fELF\x02\x01\x01" + bytes(range(0, 9)) * 300, "binary"),
])
def test_unreadable_files_raise(tmp_path, data, reason):
    with pytest.raises(IngestError, match=reason):
        read_file(tmp_path, "bad.txt", data)


def test_unreadable_file_is_an_error_row_not_a_crash(tmp_path):
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 8)
    result = parse_source(_source(tmp_path / "bin.txt"))
    assert result.record is None and result.stage == "ingest" and "binary" in result.error


def test_50_mb_file_is_truncated_with_warnings(tmp_path, monkeypatch):
    line = "Vi behandler personopplysninger om deg p\u00e5 en trygg m\u00e5te, bl\u00e5b\u00e6r og \u00e6rfugl.\n"
    block = line.encode("utf-8")
    data = block * (50_000_000 // len(block) + 1)
    # shift the text so the 16 MiB read limit falls inside a two-byte letter
    k = data.index("\u00e5".encode("utf-8"), ingest.MAX_BYTES - 200)
    data = b"x" * (ingest.MAX_BYTES - k - 1) + data
    assert data[ingest.MAX_BYTES - 1:ingest.MAX_BYTES + 1] == "\u00e5".encode("utf-8")
    path = tmp_path / "big.txt"
    path.write_bytes(data)
    result = read(_source(path))
    assert any("50.0 MB" in w and "16 MiB" in w for w in result.warnings)
    assert any("only the first" in w and "characters" in w for w in result.warnings)
    assert not any("UTF-8" in w for w in result.warnings), "a cut inside the last letter is not a decoding problem"
    assert len(result.text) <= ingest.MAX_CHARS and "bl\u00e5b\u00e6r" in result.text
    # the whole pipeline gives a record that carries the warnings (parse less text, to stay fast)
    monkeypatch.setattr(ingest, "MAX_CHARS", 20_000)
    record = parse_source(_source(path)).record
    assert record is not None
    assert any("16 MiB" in w for w in record["warnings"]) and any("characters" in w for w in record["warnings"])


# --------------------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html>
<html lang="nb">
<head><meta charset="utf-8"><title>Personvernerkl\u00e6ring \u2013 Eksempel AS</title>
<script>var tracking = "SKRIPTTEKST"; window.dataLayer = [];</script>
<style>.x:before { content: "STILTEKST"; }</style>
</head>
<body>
<div id="cookie-banner" class="cookie-consent">
  <p>Vi bruker informasjonskapsler for \u00e5 gi deg en bedre opplevelse. COOKIEBANNER</p>
  <button>Godta alle</button><button>Avvis</button>
</div>
<header class="site-header">
  <nav aria-label="Hovedmeny"><ul><li><a href="/">Hjem</a></li><li><a href="/t">Tjenester NAVLENKE</a></li>
  <li><a href="/om">Om oss</a></li></ul></nav>
</header>
<main>
  <article>
    <h1>Personvernerkl\u00e6ring</h1>
    <p>Eksempel AS (org.nr. 974 379 511) er behandlingsansvarlig for personopplysningene vi samler inn
    n\u00e5r du bruker nettsiden v\u00e5r.</p>
    <h2>Hvilke opplysninger vi samler inn</h2>
    <p>Vi samler inn navn, e-postadresse og telefonnummer n\u00e5r du kontakter oss gjennom skjemaet.</p>
    <ul>
      <li>Navn og kontaktinformasjon</li>
      <li>Innholdet i henvendelsen</li>
    </ul>
    <h3>Informasjonskapsler</h3>
    <p>Vi bruker informasjonskapsler for \u00e5 m\u00e5le trafikk. Tabellen under viser hvilke vi bruker.</p>
    <table>
      <tr><th>Navn</th><th>Form\u00e5l</th><th>Varighet</th></tr>
      <tr><td>_ga</td><td>Statistikk</td><td>2 \u00e5r</td></tr>
      <tr><td>_gid</td><td>Statistikk</td><td>24 timer</td></tr>
    </table>
    <h4>Lagringstid for opplysningene</h4>
    <p>Vi sletter henvendelser etter tolv m\u00e5neder, med mindre loven krever at vi tar vare p\u00e5 dem.</p>
    <h5>Henvendelser på e-post</h5>
    <p><br>Vi svarer p\u00e5 e-post s\u00e5 raskt vi kan, og sletter e-posten n\u00e5r saken er avsluttet.</p>
    <h6>Sikkerhetskopier</h6>
    <p>Sikkerhetskopier slettes automatisk etter 30 dager, og de er kryptert mens de lagres.</p>
    <h2>Kontakt oss</h2>
    <p>Har du sp\u00f8rsm\u00e5l om personvern, kan du sende en e-post til personvern@eksempel.no.</p>
  </article>
</main>
<footer class="site-footer"><p>\u00a9 2026 Eksempel AS \u00b7 Storgata 1 \u00b7 FOTTEKST</p><a href="/p">Personvern</a></footer>
<script>console.log("SKRIPT2");</script>
</body>
</html>
"""
HEADINGS = [("Personvernerkl\u00e6ring", 1), ("Hvilke opplysninger vi samler inn", 2), ("Informasjonskapsler", 3),
            ("Lagringstid for opplysningene", 4), ("Henvendelser på e-post", 5), ("Sikkerhetskopier", 6),
            ("Kontakt oss", 2)]


@pytest.fixture
def page(tmp_path):
    return read_file(tmp_path, "page.html", PAGE)


def test_html_headings_are_structural(page):
    assert [(page.text[s:e], level) for s, e, level in page.headings] == HEADINGS


@pytest.mark.parametrize("gone", ["SKRIPTTEKST", "SKRIPT2", "STILTEKST", "COOKIEBANNER", "Godta alle", "NAVLENKE",
                                  "Hjem", "FOTTEKST", "Storgata 1"])
def test_html_boilerplate_is_dropped(page, gone):
    assert gone not in page.text


@pytest.mark.parametrize("line", [
    "- Navn og kontaktinformasjon", "- Innholdet i henvendelsen",                  # list items, one a line
    "Navn | Form\u00e5l | Varighet", "_ga | Statistikk | 2 \u00e5r", "_gid | Statistikk | 24 timer",  # table rows
    "Kontakt oss",
])
def test_html_lists_and_tables_become_lines(page, line):
    assert line in page.text.split("\n")


def test_html_paragraphs_are_blocks(page):
    # a paragraph that opens with <br> still starts a new block
    assert "Henvendelser på e-post\n\nVi svarer p\u00e5 e-post" in page.text
    assert "Sikkerhetskopier\n\nSikkerhetskopier slettes" in page.text


def test_html_record_sections_and_fields(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    record = parse_source(_source(path)).record
    assert [s["heading"] for s in record["sections"]] == [h for h, _ in HEADINGS]
    assert record["org_numbers"] == ["974379511"] and record["emails"] == ["personvern@eksempel.no"]


def test_html_in_a_txt_file_is_read_as_html(tmp_path):
    result = read_file(tmp_path, "page.txt", PAGE)
    assert "SKRIPTTEKST" not in result.text and result.headings


TIME_PAGE = """<!DOCTYPE html><html lang="nb"><head><title>Personvern</title></head><body>
<main><article>
  <h1>Personvernerkl\u00e6ring</h1>
  <p class="ingress">Her forklarer vi hvordan Eksempel AS behandler personopplysninger om kunder og bes\u00f8kende.</p>
  {meta}
  <h2>Hvilke opplysninger vi samler inn</h2>
  <p>Vi samler inn navn, e-postadresse og telefonnummer n\u00e5r du kontakter oss gjennom skjemaet p\u00e5 nettsiden.</p>
  <p>Vi bruker opplysningene til \u00e5 svare p\u00e5 henvendelsen og sletter dem n\u00e5r saken er avsluttet.</p>
</article></main></body></html>
"""


@pytest.mark.parametrize("meta,line,date", [
    # a short date line keeps its text although trafilatura drops `meta` / `timestamp` classes as boilerplate
    ('<p class="meta">Sist oppdatert <time datetime="2025-02-14">14. februar 2025</time></p>',
     "Sist oppdatert 14. februar 2025", "2025-02-14"),
    ('<div class="post-meta"><span class="timestamp">Sist endra <time>3. mars 2024</time></span></div>',
     "Sist endra 3. mars 2024", "2024-03-03"),
    ('<p class="lead">Sist oppdatert: <time datetime="2026-05-16">16. mai 2026</time></p>',
     "Sist oppdatert: 16. mai 2026", "2026-05-16"),
])
def test_html_time_line_is_kept(tmp_path, meta, line, date):
    path = tmp_path / "page.html"
    path.write_text(TIME_PAGE.replace("{meta}", meta), encoding="utf-8")
    assert line in read(_source(path)).text.split("\n")
    assert parse_source(_source(path)).record["last_updated"] == date


def test_html_summary_box_in_content_is_kept(tmp_path):
    box = ('<aside class="summary"><h2>Kort fortalt</h2><ul><li>Vi lagrer abonnementsopplysninger så lenge '
           'du er abonnent.</li><li>Vi bruker ikke opplysningene til annonser uten samtykke.</li></ul></aside>')
    result = read_file(tmp_path, "page.html", TIME_PAGE.replace("{meta}", box))
    assert "Kort fortalt" in result.text.split("\n")
    assert "Vi lagrer abonnementsopplysninger" in result.text


DECLARATION_ROWS = ("<h3>Nødvendige</h3><table><tr><th>Navn</th><th>Utløp</th></tr>"
                    "<tr><td>lang</td><td>1 år</td></tr></table><h3>Statistikk</h3><p>Ingen.</p>")


@pytest.mark.parametrize("box, kept", [
    # cookie declarations whose id or class trafilatura takes for a consent banner
    (f'<div id="ot-sdk-cookie-policy">{DECLARATION_ROWS}</div>', True),
    (f'<div class="cmplz-cookies-overview">{DECLARATION_ROWS}</div>', True),
    (f'<div class="consent-declaration"><div class="cookie-row">{DECLARATION_ROWS}</div></div>', True),
    ('<div class="cookie-list"><ul><li>lang | 1 år</li><li>Ingen.</li></ul></div>', True),
    # a banner or settings dialog stays out
    (f'<div class="cookie-settings" role="dialog">{DECLARATION_ROWS}<button>Godta</button></div>', False),
    ('<div class="cookie-notice"><p>Vi bruker informasjonskapsler. Ingen.</p><button>OK</button></div>', False),
    ('<div class="cookie-banner"><ul><li><label><input type="checkbox">Statistikk</label></li><li>Ingen.</li></ul>'
     '<button>Lagre</button></div>', False),
])
def test_html_cookie_declaration_is_kept(tmp_path, box, kept):
    result = read_file(tmp_path, "page.html", TIME_PAGE.replace("{meta}", box))
    assert ("lang | 1 år" in result.text) is kept
    assert ("Ingen." in result.text) is kept


ANSWER = ("<p>Vi behandler navn og e-postadresse for å sende deg nyhetsbrevet. Grunnlaget er samtykket ditt, "
          "jf. personvernforordningen artikkel 6 nr. 1 bokstav a.</p>")


@pytest.mark.parametrize("panel", [
    # closed accordion panels and FAQ answers, as a static scrape gets them
    f'<div class="accordion"><button aria-expanded="false">Nyhetsbrev</button><div aria-hidden="true">{ANSWER}</div></div>',
    f'<div class="item"><h3 class="accordion-header"><button class="accordion-button collapsed" type="button">Nyhetsbrev'
    f'</button></h3><div class="accordion-collapse collapse"><div class="accordion-body">{ANSWER}</div></div></div>',
    f'<div class="faq"><h3>Nyhetsbrev</h3><div class="faq-a" style="display: none;">{ANSWER}</div></div>',
    f'<div class="toggle"><h3>Nyhetsbrev</h3><div class="toggle-content hidden">{ANSWER}</div></div>',
    f'<div class="expandable"><h3>Nyhetsbrev</h3><div class="expandable-content">{ANSWER}</div></div>',
    # a short answer right below its toggle
    '<div><h3><button aria-expanded="false">Nyhetsbrev</button></h3><div aria-hidden="true"><p>Grunnlaget er '
    'samtykket ditt.</p></div></div>',
])
def test_html_closed_accordion_panels_are_read(tmp_path, panel):
    result = read_file(tmp_path, "page.html", TIME_PAGE.replace("{meta}", panel))
    assert "Grunnlaget er samtykket ditt" in result.text
    assert "Nyhetsbrev" in [result.text[s:e] for s, e, _ in result.headings]


@pytest.mark.parametrize("hidden", [
    # hidden widgets stay out: a short notice, a link list, a hidden menu
    '<div style="display:none"><p>Takk for at du meldte deg på. SKJULT</p></div>',
    '<div aria-hidden="true"><a href="/a">Om oss SKJULT</a> <a href="/b">Kontakt oss og finn oss på kartet</a> '
    '<a href="/c">Jobb hos oss i et trivelig miljø med gode kolleger</a> <a href="/d">Presse og nyheter</a></div>',
    '<nav><div class="menu hidden"><p>Produkter og tjenester for bedrifter og privatpersoner i hele landet, med '
    'levering over natten. Se alle tilbud her. SKJULT</p></div></nav>',
])
def test_html_hidden_widgets_stay_hidden(tmp_path, hidden):
    assert "SKJULT" not in read_file(tmp_path, "page.html", TIME_PAGE.replace("{meta}", hidden)).text


@pytest.mark.parametrize("table, line", [
    # a cell of several lines is one cell, its lines joined with `; `; the next cell keeps its text
    ("<tr><td>_ga<br>_gid<br/>_gat</td><td>Google</td><td>2 år<br>1 dag</td></tr>", "_ga; _gid; _gat | Google | 2 år; 1 dag"),
    ("<tr><td><p>lang</p><p>wp-settings</p></td><td>Eksempel AS</td><td>1 år</td></tr>", "lang; wp-settings | Eksempel AS | 1 år"),
    ("<tr><td><ul><li>_fbp</li><li>fr</li></ul></td><td>Meta</td><td>3 måneder</td></tr>", "_fbp; fr | Meta | 3 måneder"),
    ("<tr><td>Tripletex</td><td>Regnskap.<br>Lagres i Norge.</td><td>5 år</td></tr>", "Tripletex | Regnskap. Lagres i Norge. | 5 år"),
])
def test_html_table_cells_of_several_lines(tmp_path, table, line):
    box = f"<table><tr><th>Navn</th><th>Leverandør</th><th>Utløp</th></tr>{table}</table>"
    assert line in read_file(tmp_path, "page.html", TIME_PAGE.replace("{meta}", box)).text.split("\n")


def test_html_layout_table_keeps_the_page_structure(tmp_path):
    # an older site lays out the page in a table: the content cell holds the headings and paragraphs
    body = ("<h1>Personvernerklæring</h1><p>Eksempel AS er behandlingsansvarlig for personopplysningene.</p>"
            "<h2>Formål</h2><p>Vi behandler navn og e-post for å svare på henvendelser.</p>"
            "<p>Vi sletter dem etter ett år.</p>")
    page = f"<html><body><table><tr><td><a href='/'>Hjem</a><br><a href='/om'>Om oss</a></td><td>{body}</td></tr></table></body></html>"
    result = read_file(tmp_path, "page.html", page)
    assert [result.text[s:e] for s, e, _ in result.headings] == ["Personvernerklæring", "Formål"]
    assert "Vi behandler navn og e-post for å svare på henvendelser.\n\nVi sletter dem" in result.text


def test_html_data_table_inside_a_layout_table_stays_a_table(tmp_path):
    body = ("<h1>Personvernerklæring</h1><p>Eksempel AS er behandlingsansvarlig for personopplysningene vi behandler "
            "om deg når du bruker nettsiden og tjenestene våre.</p><h2>Informasjonskapsler</h2><p>Vi bruker "
            "informasjonskapsler for å telle besøk og huske språkvalget ditt. Tabellen viser hvilke.</p><table><tr>"
            "<th>Navn</th><th>Utløp</th></tr><tr><td>_ga</td><td>2 år</td></tr><tr><td>lang</td><td>1 år</td></tr>"
            + "".join(f"<tr><td>_c{i}</td><td>{i} måneder</td></tr>" for i in range(1, 9))
            + "</table><h2>Kontakt</h2><p>Spørsmål om personvern kan sendes til personvern@eksempel.no.</p>")
    page = f"<html><body><table><tr><td><a href='/'>Hjem</a></td><td>{body}</td></tr></table></body></html>"
    lines = read_file(tmp_path, "page.html", page).text.split("\n")
    assert ["Navn | Utløp", "_ga | 2 år", "lang | 1 år"] == lines[lines.index("Navn | Utløp"):lines.index("Navn | Utløp") + 3]


GRID_ROWS = [("_ga", "Google", "2 år"), ("_gid", "Google", "24 timer"), ("PHPSESSID", "Eksempel AS", "Sesjon")]


def _grid(row: str, head: str = "", outer: str = "div") -> str:
    return f"<{outer} class='cookies'>{head}" + "".join(row.format(*r) for r in GRID_ROWS) + f"</{outer}>"


@pytest.mark.parametrize("grid", [
    # a table built from <div>s or <span>s, with or without a header row, or a list whose items are rows
    _grid("<div class='row'><div class='n'>{}</div><div class='p'>{}</div><div class='e'>{}</div></div>",
          "<div class='row head'><div class='n'>Navn</div><div class='p'>Leverandør</div><div class='e'>Utløp</div></div>"),
    _grid("<div class='row'><div class='n'>{}</div><div class='p'>{}</div><div class='e'>{}</div></div>"),
    _grid("<div class='row'><span>{}</span><span>{}</span><span>{}</span></div>"),
    _grid("<li class='cookie'><span class='n'>{}</span><span class='p'>{}</span><span class='e'>{}</span></li>", outer="ul"),
])
def test_html_grids_of_divs_are_tables(tmp_path, grid):
    lines = read_file(tmp_path, "page.html", TIME_PAGE.replace("{meta}", grid)).text.split("\n")
    assert [" | ".join(r) for r in GRID_ROWS] == [line for line in lines if line.startswith(("_g", "PHP"))]


@pytest.mark.parametrize("grid, kept", [
    # two rows, cells of paragraphs, cards of links, rows of different widths: left as they are
    ("<div><div><span>_ga</span><span>2 år</span></div><div><span>_gid</span><span>1 dag</span></div></div>", "_ga"),
    ("<div>" + "<div class='r'><div>Formål</div><div><p>Vi behandler navn og e-post for å svare deg.</p></div></div>" * 3
     + "</div>", "Vi behandler navn og e-post for å svare deg."),
    ("<div>" + "".join(f"<div class='card'><a href='/a{i}'>Les mer om personvern i skolen</a><span>{i}. mai</span></div>"
                       for i in range(3)) + "</div>", None),
])
def test_html_other_div_groups_are_no_tables(tmp_path, grid, kept):
    text = read_file(tmp_path, "page.html", TIME_PAGE.replace("{meta}", grid)).text
    assert " | " not in text and (kept is None or kept in text)


def test_html_label_value_tables_are_records(tmp_path):
    box = ("<table><tr><th>Navn</th><td>lang</td></tr><tr><th>Utløp:</th><td>1 år</td></tr></table>"
           "<table><tr><th>Navn</th><th>Utløp</th></tr><tr><td>_ga</td><td>2 år</td></tr></table>")
    lines = read_file(tmp_path, "page.html", TIME_PAGE.replace("{meta}", box)).text.split("\n")
    assert ["Navn: lang", "Utløp: 1 år"] == lines[lines.index("Navn: lang"):lines.index("Navn: lang") + 2]
    assert "_ga | 2 år" in lines


def test_html_aria_headings_are_headings(tmp_path):
    box = '<div role="heading" aria-level="3">Nyhetsbrev</div><div>Vi sender nyhetsbrev til dem som ber om det.</div>'
    result = read_file(tmp_path, "page.html", TIME_PAGE.replace("{meta}", box))
    assert ("Nyhetsbrev", 3) in [(result.text[s:e], lvl) for s, e, lvl in result.headings]


def test_html_list_of_links_to_other_sites_is_kept(tmp_path):
    # a supplier list whose items link to the suppliers, which trafilatura drops as navigation
    items = "".join(f'<li><a href="https://{n.lower()}.com/privacy">{n}</a></li>' for n in ("Mailchimp", "Tripletex", "Zendesk"))
    box = f"<p>Vi bruker disse leverandørene:</p><ul>{items}</ul>"
    text = read_file(tmp_path, "page.html", TIME_PAGE.replace("{meta}", box)).text
    assert ["- Mailchimp", "- Tripletex", "- Zendesk"] == [ln for ln in text.split("\n") if ln.startswith("- ")]


def test_html_social_network_names_are_kept(tmp_path):
    # trafilatura drops a line that is only `Google`, `Facebook`, `LinkedIn` as a share button
    box = "<ul><li>Google</li><li>Facebook</li><li>LinkedIn</li><li>Mailchimp</li></ul>"
    text = read_file(tmp_path, "page.html", TIME_PAGE.replace("{meta}", box)).text
    assert ["- Google", "- Facebook", "- LinkedIn", "- Mailchimp"] == [ln for ln in text.split("\n") if ln.startswith("- ")]
    assert htmlpage.KEEP_MARK not in text


@pytest.mark.parametrize("summary, heading, level", [
    # the heading inside a summary keeps its level; a summary without one sits below the heading above it
    ("<summary><div><h3>Google Analytics</h3><p>Statistikk</p></div></summary>", "Google Analytics", 3),
    ("<summary>Google Analytics</summary>", "Google Analytics", 2),
])
def test_html_summary_is_a_heading(tmp_path, summary, heading, level):
    details = f"<details>{summary}<p>Vi bruker Google Analytics til å telle besøk på nettsiden vår.</p></details>"
    result = read_file(tmp_path, "page.html", TIME_PAGE.replace("{meta}", details))
    assert (heading, level) in [(result.text[s:e], lvl) for s, e, lvl in result.headings]


def test_html_meta_line_without_time_is_still_dropped(tmp_path):
    result = read_file(tmp_path, "page.html", TIME_PAGE.replace("{meta}", '<p class="meta">Del siden METALINJE</p>'))
    assert "METALINJE" not in result.text


@pytest.mark.parametrize("html", [
    "<html><head><title>Tom side</title></head></html>",
    "<!DOCTYPE html><html><head><title>Tom</title></head><body>   </body></html>",
    "<html><head><script>var x = 1;</script></head><body><script>var y = 2;</script></body></html>",
])
def test_html_without_body_is_an_error(tmp_path, html):
    with pytest.raises(IngestError, match="no body text"):
        read_file(tmp_path, "empty.html", html)


REAL_PAGES = {
    # file: (headings that must be found, navigation / footer / script text that must be gone)
    "01_alesund_skadesenter.html": (["Slik behandler vi opplysningene dine", "Hva vi samler inn", "Kart fra Google",
                                     "Rettighetene dine"], ["Hopp til innhold", "Til forsiden", "Forsiden"]),
    "02_hegnar_media.html": (["Personvernerkl\u00e6ring", "Sletting", "Google Analytics", "Facebook pixel"],
                             ["Trygve Hegnar", "V\u00e5re produkter", "Abonnement", "GoogleAnalyticsObject"]),
    "03_toverk.html": (["Hvem som er ansvarlig", "Informasjonskapsler", "Rettighetene dine", "Endringer"],
                       ["Hva vi bygger", "Hvordan vi jobber", "To perspektiver", "Ta en uforpliktende prat"]),
    "04_sorhaug_consulting_informasjonskapsler.html": (
        ["Informasjonskapsler", "1. Hva er informasjonskapsler?", "7. Kontakt"],
        ["Hovedmeny", "Referanser", "Om selskapet", "Alle rettigheter reservert", "getElementById"]),
}


@pytest.mark.skipif(not HTML_DIR.is_dir(), reason="../shared/corpus/html is absent")
@pytest.mark.parametrize("name", sorted(REAL_PAGES))
def test_real_pages(name):
    headings, gone = REAL_PAGES[name]
    path = HTML_DIR / name
    result = read(_source(path))
    for text in gone:
        assert text not in result.text, text
    record = parse_source(_source(path)).record
    found = [s["heading"] for s in record["sections"]]
    assert set(headings) <= set(found), found
    assert record["language"] == "nb"


@pytest.mark.skipif(not HTML_DIR.is_dir(), reason="../shared/corpus/html is absent")
def test_real_page_time_element_date_is_kept():
    record = parse_source(_source(HTML_DIR / "04_sorhaug_consulting_informasjonskapsler.html")).record
    assert record["last_updated"] == "2026-05-16"


# --------------------------------------------------------------------------- Markdown

MARKDOWN = """---
title: Personvern
layout: page
---
# Personvernerkl\u00e6ring

Vi i **Eksempel AS** behandler [personopplysninger](https://eksempel.no/p) om deg.

## 1. Hvilke opplysninger ##

* Navn
* E-post

### Informasjonskapsler

Vi bruker `_ga`, `__utmz` og _gid_ for statistikk, og __utma, __utmb og \\_\\_x.

#Ikke en overskrift
"""


def test_markdown(tmp_path):
    result = read_file(tmp_path, "p.md", MARKDOWN)
    assert [(result.text[s:e], level) for s, e, level in result.headings] == [
        ("Personvernerkl\u00e6ring", 1), ("1. Hvilke opplysninger", 2), ("Informasjonskapsler", 3)]
    assert result.title == "Personvernerkl\u00e6ring"
    assert "layout" not in result.text and "**" not in result.text and "https" not in result.text
    assert "Vi i Eksempel AS behandler personopplysninger om deg." in result.text
    assert "Vi bruker _ga, __utmz og gid for statistikk, og __utma, __utmb" in result.text  # cookie names intact
    assert "#Ikke en overskrift" in result.text


def test_markdown_record_headings(tmp_path):
    (tmp_path / "p.markdown").write_text(MARKDOWN, encoding="utf-8")
    record = parse_source(_source(tmp_path / "p.markdown")).record
    assert [(s["heading"], s["level"]) for s in record["sections"]] == [
        ("Personvernerkl\u00e6ring", 0), ("1. Hvilke opplysninger", 1), ("Informasjonskapsler", 2)]


def test_markdown_source_saved_as_text(tmp_path):
    """`#` headings of Markdown saved as .txt are headings as written; the text (and so every offset) is the
    file's; the title is the first heading's text."""
    text = "# Personvern hos Hyttelys\n\nVi leier ut hytter.\n\n## Hvor lenge?\n\n- Konto: til du sletter den\n"
    (tmp_path / "p.txt").write_text(text, encoding="utf-8")
    result = read(_source(tmp_path / "p.txt"))
    assert result.text == text and result.title == "Personvern hos Hyttelys"
    record = parse_source(_source(tmp_path / "p.txt")).record
    assert [(s["heading"], s["level"]) for s in record["sections"]] == [
        ("# Personvern hos Hyttelys", 0), ("## Hvor lenge?", 1)]
    # one `#` line is no Markdown page
    (tmp_path / "q.txt").write_text("Personvern\n\n# 1 kunde\n\nVi leier ut hytter.\n", encoding="utf-8")
    assert read(_source(tmp_path / "q.txt")).headings == []


# --------------------------------------------------------------------------- PDF

def make_pdf(*pages: list[str] | None) -> bytes:
    """A minimal valid PDF of one page per argument, each a list of lines drawn in Helvetica (None: a page with
    a drawing and no text)."""
    streams = []
    for lines in pages:
        if lines is None:
            streams.append(b"0 0 1 rg 10 10 100 100 re f")
            continue
        ops = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td"]
        for ln in lines:
            ops += ["(" + ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj", "T*"]
        streams.append("\n".join(ops + ["ET"]).encode("cp1252"))
    n = len(streams)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n)).encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n,
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    for i, stream in enumerate(streams):
        objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                    b"/Resources << /Font << /F1 3 0 R >> >> >>" % (5 + 2 * i),
                    b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


PDF_LINES = ["Personvernerkl\u00e6ring", "Vi behandler personopplysninger p\u00e5 en trygg m\u00e5te.",
             "Sist oppdatert: 24. februar 2026", "Kontakt oss p\u00e5 post@eksempel.no."]


@pytest.mark.parametrize("name", ["policy.pdf", "policy.PDF", "policy-saved-as.txt"])
def test_pdf_text_layer(tmp_path, name):
    result = read_file(tmp_path, name, make_pdf(PDF_LINES))
    assert result.text.split("\n") == PDF_LINES
    path = tmp_path / name
    record = parse_source(_source(path)).record
    assert record["last_updated"] == "2026-02-24" and record["emails"] == ["post@eksempel.no"]


PDF_PAGES = [
    ["Personvernerkl\u00e6ring \u2013 Firma AS",
     "Vi behandler navn, e-postadresse og telefonnummer til kundene v\u00e5re for \u00e5 levere tjenesten,",
     "sende faktura og svare p\u00e5 sp\u00f8rsm\u00e5l. Opplysningene lagres s\u00e5 lenge du er kunde hos oss, og",
     "regnskapsbilag oppbevarer vi i fem \u00e5r etter bokf\u00f8ringsloven. Henvendelser til kundeservice",
     "registreres i kundesystemet slik at vi kan svare deg og f\u00f8lge opp saken, og de slettes etter at",
     "Side 1 av 2"],
    ["Personvernerkl\u00e6ring \u2013 Firma AS",
     "saken er avsluttet. Du kan be om innsyn i opplysningene, og du kan be oss rette eller slette dem.",
     "Har du sp\u00f8rsm\u00e5l, kan du kontakte oss p\u00e5 e-post. Du kan ogs\u00e5 klage til Datatilsynet.",
     "Side 2 av 2"],
]


def test_pdf_pages_join_without_page_numbers_and_running_headers(tmp_path):
    path = tmp_path / "policy.pdf"
    path.write_bytes(make_pdf(*PDF_PAGES))
    doc = build_document(read(_source(path)), "policy", str(path))
    assert "Side 1" not in doc.text and "Firma AS" not in doc.text   # the running header, also on page 1
    assert ("Henvendelser til kundeservice registreres i kundesystemet slik at vi kan svare deg og f\u00f8lge opp "
            "saken, og de slettes etter at saken er avsluttet.") in [s.text.strip() for s in doc.sentences()]


def test_pdf_without_text_layer(tmp_path):
    with pytest.raises(IngestError, match="no text layer"):
        read_file(tmp_path, "scan.pdf", make_pdf(None))


def test_broken_pdf(tmp_path):
    with pytest.raises(IngestError, match="not a readable PDF"):
        read_file(tmp_path, "broken.pdf", b"%PDF-1.4\nthis is not really a pdf")


# --------------------------------------------------------------------------- discovery

@pytest.fixture
def tree(tmp_path):
    docs = tmp_path / "docs"
    (docs / "sub" / "deeper").mkdir(parents=True)
    (docs / ".hidden").mkdir()
    (docs / "a.txt").write_text("Personvern\n\nVi behandler opplysninger om deg.\n", encoding="utf-8")
    (docs / "sub" / "b.md").write_text("# Personvern\n\nVi behandler opplysninger om deg.\n", encoding="utf-8")
    (docs / "sub" / "deeper" / "c.html").write_text(PAGE, encoding="utf-8")
    (docs / "sub" / "deeper" / "d.pdf").write_bytes(make_pdf(PDF_LINES))
    (docs / "image.png").write_bytes(b"\x89PNG")
    (docs / ".hidden" / "secret.txt").write_text("skjult", encoding="utf-8")
    (docs / "notes.docx").write_bytes(b"PK")
    return tmp_path


def _ids(items):
    return [(i.policy_id, i.kind) if isinstance(i, Source) else ("ERROR", i.reason) for i in items]


def test_folder_is_recursive_and_skips_hidden_and_unsupported(tree):
    skipped = Counter()
    assert _ids(discover([str(tree / "docs")], skipped)) == [
        ("a", "txt"), ("ERROR", "a .docx document, which policyparse does not read: save it as PDF, HTML or text"),
        ("b", "md"), ("c", "html"), ("d", "pdf")]
    assert skipped == {".png": 1}


def test_pages_saved_under_their_url_names_are_read(tree):
    """A scraper saves `personvern.aspx` or a file without a suffix: the content decides how it is read."""
    crawl = tree / "crawl"
    crawl.mkdir()
    (crawl / "personvern.aspx").write_text(PAGE, encoding="utf-8")
    (crawl / "privacy").write_text(PAGE, encoding="utf-8")
    (crawl / "vilkar").write_bytes(make_pdf(PDF_LINES))
    (crawl / "meta.json").write_text("{}", encoding="utf-8")
    skipped = Counter()
    sources = list(discover([str(crawl)], skipped))
    assert [(s.policy_id, s.kind) for s in sources] == [("personvern", "html"), ("privacy", "txt"), ("vilkar", "txt")]
    texts = [read(s).text for s in sources]
    assert texts[0] == texts[1] and "Personvern" in texts[0] and read(sources[2]).text.strip()
    assert skipped == {".json": 1}


@pytest.mark.parametrize("pattern, expected", [
    ("docs/*.txt", ["a"]),
    ("docs/**/*.md", ["b"]),
    ("docs/**/*.*ml", ["c"]),
    ("docs/sub/deeper/?.pdf", ["d"]),
])
def test_globs(tree, monkeypatch, pattern, expected):
    monkeypatch.chdir(tree)
    assert [i.policy_id for i in discover([pattern])] == expected


def test_glob_without_match_and_missing_path_are_errors(tree):
    items = list(discover([str(tree / "docs" / "*.xyz"), str(tree / "nowhere.txt")]))
    assert all(isinstance(i, DiscoveryError) for i in items)
    assert [i.reason for i in items] == ["pattern matches no file", "no such file or folder"]


def _write_manifests(tree: Path) -> None:
    (tree / "manifest.csv").write_text(
        "id,url,path\n"
        "pol-a,https://eksempel.no/personvern,docs/a.txt\n"
        "pol-c,https://eksempel.no/side,docs/sub/deeper/c.html\n"
        "pol-x,https://eksempel.no/borte,docs/missing.txt\n"
        "pol-empty,https://eksempel.no/tom,\n", encoding="utf-8-sig")
    rows = [{"id": "j-b", "url": "https://eksempel.no/md", "path": "docs/sub/b.md"},
            {"id": "j-d", "url": "https://eksempel.no/pdf", "path": str(tree / "docs/sub/deeper/d.pdf")},
            {"id": "j-x", "url": "https://eksempel.no/x", "path": "docs/nope.md"}]
    (tree / "manifest.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows) + "\n{broken\n[1, 2]\n",
                                         encoding="utf-8")


def test_manifest_csv(tree):
    _write_manifests(tree)
    items = list(discover([str(tree / "manifest.csv")]))
    assert [(i.policy_id, i.url) for i in items[:2]] == [("pol-a", "https://eksempel.no/personvern"),
                                                       ("pol-c", "https://eksempel.no/side")]
    assert isinstance(items[2], DiscoveryError) and items[2].policy_id == "pol-x" and "not found" in items[2].reason
    assert isinstance(items[3], DiscoveryError) and items[3].policy_id == "pol-empty" and "no path" in items[3].reason


def test_manifest_jsonl_with_bad_rows(tree):
    _write_manifests(tree)
    items = list(discover([str(tree / "manifest.jsonl")]))
    assert [i.policy_id for i in items[:2]] == ["j-b", "j-d"]
    assert isinstance(items[2], DiscoveryError) and items[2].policy_id == "j-x"
    assert [isinstance(i, DiscoveryError) and "not a JSON object" in i.reason for i in items[3:]] == [True, True]


def test_manifest_records_keep_id_and_url(tree):
    _write_manifests(tree)
    results = list(parse_many([tree / "manifest.csv", tree / "manifest.jsonl"]))
    records = {r.policy_id: r.record for r in results if r.record is not None}
    assert set(records) == {"pol-a", "pol-c", "j-b", "j-d"}
    for pid, url in [("pol-a", "https://eksempel.no/personvern"), ("j-d", "https://eksempel.no/pdf")]:
        assert records[pid]["policy_id"] == pid and records[pid]["url"] == url and records[pid]["source"] == url
    errors = {r.policy_id: r for r in results if r.record is None}
    assert {"pol-x", "pol-empty", "j-x"} <= set(errors)
    assert all(e.stage == "discover" and e.error for e in errors.values())
    assert len(results) == 4 + 3 + 2  # every row gives a record or an error


def test_a_csv_that_is_not_a_manifest_is_a_document(tree):
    (tree / "table.csv").write_text("navn,verdi\nPersonvern,1\n", encoding="utf-8")
    assert _ids(discover([str(tree / "table.csv")])) == [("table", "txt")]


def test_html_definition_list_items_are_term_and_description(tmp_path):
    html = ("<html><body><main><h1>Personvernerklæring</h1><p>Her står hvilke informasjonskapsler nettstedet setter "
            "og hva de brukes til.</p><h2>Informasjonskapsler</h2><dl><dt>_ga</dt><dd>Skiller brukere fra hverandre."
            "</dd><dd>Utløper etter 2 år.</dd><dt>BVID</dt><dd>Husker nettleseren.</dd></dl></main></body></html>")
    text = read_file(tmp_path, "page.html", html).text
    assert "- _ga: Skiller brukere fra hverandre.; Utløper etter 2 år.\n- BVID: Husker nettleseren." in text

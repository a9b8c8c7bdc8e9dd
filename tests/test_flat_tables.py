"""flat_tables: header rules and roles, the supplier-table roles (header rows of `lines` and `pipes`
tables only), the link column dropped when the cells fit only without it, per-column cells."""
from __future__ import annotations

import pytest

from policyparse.flat_tables import find_tables, header_rule


@pytest.mark.parametrize("cell, header_row, expected", [
    ("Navn", False, ("name_plain", "name")),
    ("Cookie", False, ("name", "name")),
    ("Kategori", False, ("category", "type")),
    ("Domene", False, ("domene", "domain")),
    ("Lagringsperiode", False, ("storage_period", "lifetime")),
    ("Land", False, None),
    ("Land", True, ("location", "location")),
    ("Underleverandører", True, ("supplier", "supplier")),
    ("Personvernerklæring", True, ("link", "link")),
    ("Org.nr", True, ("other", "other")),
    ("Leverandør:", False, None),
    ("Leverandør:", True, ("provider", "provider")),
    ("Google", True, None),
    ("Maximum Storage Duration", True, ("lifetime", "lifetime")),   # Cookiebot's English declaration
    ("Storage period", False, ("lifetime", "lifetime")),
    ("3. Formål og rettslig grunnlag", True, None),                # a numbered heading above the header cells
    ("Formål og rettslig grunnlag", True, ("purpose", "purpose")),
])
def test_header_rule(cell, header_row, expected):
    assert header_rule(cell, header_row) == expected


def only_table(text):
    tables = find_tables(text)
    assert len(tables) == 1, tables
    return tables[0]


def test_link_column_dropped_when_the_cells_fit_only_without_it():
    table = only_table("Leverandør\nFunksjon\nPersonvernerklæring\nLokasjon\n"
                       "Acmesky\nDrift\nEU\nTripletex\nFakturering\nNorge")
    assert table.header == ["Leverandør", "Funksjon", "Lokasjon"]
    assert table.rules == ["provider", "purpose", "location"]
    assert [[c.text for c in r.values] for r in table.rows] == [["Acmesky", "Drift", "EU"],
                                                                ["Tripletex", "Fakturering", "Norge"]]


def test_numbered_heading_above_the_header_cells_is_no_column():
    table = only_table("3. Formål og rettslig grunnlag\nFormål\nRettslig grunnlag\nLevere tjenesten\nAvtale (art. 6 b)\n"
                       "Fakturering\nRettslig forpliktelse (art. 6 c)")
    assert table.roles == ["purpose", "basis"]
    assert [[c.text for c in r.values] for r in table.rows] == [["Levere tjenesten", "Avtale (art. 6 b)"],
                                                                ["Fakturering", "Rettslig forpliktelse (art. 6 c)"]]


def test_link_column_kept_when_its_cells_are_there():
    table = only_table("Leverandør\nLenke\nZoho\nhttps://zoho.com/privacy\nVipps\nhttps://vipps.no/personvern")
    assert table.roles == ["provider", "link"]
    assert [r.column(0).text for r in table.rows] == ["Zoho", "Vipps"]


@pytest.mark.parametrize("text, valid", [
    ("Selskap\nKategorier\nFiken\nRegnskap", True),           # a supplier column and any other header cell
    ("Navn\nAdresse\nFjordbakst AS\nStorgata 1", False),       # contact details are no table
    ("Leverandør:\nFormål:\nFiken\nRegnskap", True),           # a trailing colon in a header row
])
def test_supplier_table_headers(text, valid):
    assert bool(find_tables(text)) == valid


def test_supplier_words_are_cells_inside_a_table():
    text = ("Navn | Type | Mer informasjon\n_ga | Tredjepart | Les mer\n_gid | Tredjepart | Les mer\n"
            "_fbp | Tredjepart | Les mer")
    table = only_table(text)
    assert [r.cells["name"].text for r in table.rows] == ["_ga", "_gid", "_fbp"]


def test_records_do_not_read_supplier_roles():
    roles = [t.roles for t in find_tables("Navn: _ga\nLand: USA\nVarighet: 2 år")]
    assert all("location" not in r for r in roles)


def test_row_column_of_a_realigned_row():
    # the empty lifetime cell of `_gid` left no line: the row is realigned to the columns
    table = only_table("Navn\nLeverandør\nVarighet\n_ga\nGoogle\n2 år\n_gid\nGoogle\n_fbp\nMeta\n90 dager")
    gid = next(r for r in table.rows if r.column(0).text == "_gid")
    assert gid.column(1).text == "Google" and gid.column(2) is None and gid.column(7) is None


@pytest.mark.parametrize("body, rows", [
    # one cell per line under a one-line header: the bare `1 år` / `HTTP Cookie` lines give it away
    ("_ga\nGoogle\nRegistrerer en unik ID\n2 år\nHTTP Cookie\nsession\nfjordposten.no\nHolder deg innlogget\nØkt\nHTTP Cookie",
     [("_ga", "2 år"), ("session", "Økt")]),
    # a row per line (a table copied with its spaces)
    ("_ga Google Registrerer en unik ID 2 år HTTP\n_gid Google Teller sidevisninger 1 dag HTTP", [("_ga", "2 år"), ("_gid", "1 dag")]),
])
def test_one_line_header_body_layout(body, rows):
    (table,) = find_tables("Navn Leverandør Formål Utløp Type\n" + body)
    assert [(r.cells["name"].text, r.cells["lifetime"].text) for r in table.rows] == rows


@pytest.mark.parametrize("text,rows", [
    # rows in blocks of their own under a block of header cells
    ("Navn\nFormål\nUtløper\n\n_ga\nStatistikk\n2 år\n\nlang\nHusker språket\n1 år", [["_ga", "lang"]]),
    # every cell in a block of its own
    ("Leverandør\n\nFunksjon\n\nMicrosoft\n\nE-post og dokumenter\n\nTripletex\n\nRegnskap", [["Microsoft", "Tripletex"]]),
    # headings that happen to be header words, over prose paragraphs, are no table
    ("Formål\n\nBehandlingsgrunnlag\n\nVi behandler opplysningene dine for å levere tjenesten du har bestilt hos oss.\n\n"
     "Behandlingen er nødvendig for å oppfylle avtalen med deg, jf. art. 6 nr. 1 bokstav b.", []),
    # a header block whose next block has another number of lines is no spread table
    ("Navn\nFormål\nUtløper\n\nVi bruker bare nødvendige informasjonskapsler.", []),
    # a heading above the header cells that is itself a name-column word is no header cell
    ("Informasjonskapsler\n\nNavn\n\nFormål\n\nUtløp\n\nIDE\n\nAnnonser\n\n1 år\n\nPHPSESSID\n\nØkta\n\nØkt",
     [["IDE", "PHPSESSID"]]),
    ("Informasjonskapsler\nNavn\nFormål\nUtløp\nIDE\nAnnonser\n1 år\nPHPSESSID\nØkta\nØkt", [["IDE", "PHPSESSID"]]),
])
def test_tables_spread_over_blocks(text, rows):
    tables = find_tables(text)
    firsts = [[r.values[0].text for r in t.rows] for t in tables if t.rows]
    assert firsts == rows


@pytest.mark.parametrize("text, rows", [
    # label/value records with a blank line between all lines, a category title between them
    ("Statistikk\n\nNavn\n\n_ga\n\nUtløpsdato\n\n2 år\n\nStatistikk\n\nNavn\n\n_gid\n\nUtløpsdato\n\n1 dag",
     [{"name": "_ga", "lifetime": "2 år"}, {"name": "_gid", "lifetime": "1 dag"}]),
    # headings that are column words over prose are no records
    ("Formål\n\nVi behandler opplysningene dine for å levere tjenesten du har bestilt.\n\n"
     "Lagringstid\n\nOpplysningene slettes når avtalen er avsluttet og regnskapet er ferdig.", []),
    # one record alone is not spread over blocks
    ("Navn\n\nOla Nordmann\n\nE-post\n\nola@example.no", []),
])
def test_records_spread_over_blocks(text, rows):
    tables = [t for t in find_tables(text) if t.kind == "label_lines"]
    assert [{role: cell.text for role, cell in r.cells.items()} for t in tables for r in t.rows] == rows


def test_company_records_spread_over_blocks_are_no_table():
    text = ("Selskap\n\nKontaktopplysninger\n\nInfobric AB\n\nOrg.nr: 556646-2940\n\nTelefonnummer: +46 36 34 03 02\n\n"
            "Infobric AS\n\nOrg.nr: 996 878 546\n\nTelefonnummer: +47 4000 1451")
    assert not [t for t in find_tables(text) if t.kind == "lines"]


@pytest.mark.parametrize("text, rows", [
    # several `Label: value` pairs on one line, split only before a label that names a column
    ("Navn: _ga, _gid, Leverandør: Google, Utløper: 2 år\nNavn: lang, Leverandør: Eksempel AS, Utløper: 1 år",
     [{"name": "_ga, _gid", "provider": "Google", "lifetime": "2 år"},
      {"name": "lang", "provider": "Eksempel AS", "lifetime": "1 år"}]),
    ("Navn: lang | Formål: husker språket | Varighet: 1 år", [{"name": "lang", "purpose": "husker språket",
                                                               "lifetime": "1 år"}]),
    # a contact line has one column word only: no table
    ("Navn: Ola Nordmann, Adresse: Storgata 1, Telefon: 12345678", []),
])
def test_records_on_one_line(text, rows):
    tables = [t for t in find_tables(text) if t.kind == "records"]
    assert [{role: cell.text for role, cell in r.cells.items()} for t in tables for r in t.rows] == rows

"""Text normalization (`normalize.py`): character cleaning, line cleaning, furniture, and the offset map."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policyparse.normalize import _DELETE, _REPLACE, _page_patterns, is_furniture, normalize

CASES = [
    # NFC: decomposed letters are composed (macOS copy-paste), singletons are replaced
    ("pa\u030a", "p\u00e5"),
    ("Cafe\u0301 og ble\u0301", "Caf\u00e9 og bl\u00e9"),
    ("A\u030arstid", "\u00c5rstid"),
    ("\u212bpent", "\u00c5pent"),                      # ANGSTROM SIGN -> LATIN CAPITAL A WITH RING
    ("Personvern\u00e6rkl\u00e6ring", "Personvern\u00e6rkl\u00e6ring"),  # already NFC: unchanged
    # spaces: NBSP, narrow NBSP, thin space, tab; runs collapsed; lines stripped
    ("Org.nr.\u00a0974\u00a0379\u00a0511", "Org.nr. 974 379 511"),
    ("10\u202f000 kroner", "10 000 kroner"),
    ("a\u2009b\tc", "a b c"),
    ("  to   mellomrom  ", "to mellomrom"),
    # two or more tab-separated lines in a row are a table: cells become ` | ` cells
    ("Namn\tFøremål\tLagringstid\n_ga\tStatistikk\t2 år", "Namn | Føremål | Lagringstid\n_ga | Statistikk | 2 år"),
    ("Formål\t\tGrunnlag\nFaktura \t Avtale", "Formål | Grunnlag\nFaktura | Avtale"),
    ("Tekst\nNavn\tVarighet\n_gid\t24 timer\nSlutt", "Tekst\nNavn | Varighet\n_gid | 24 timer\nSlutt"),
    ("1.\tInnledning\n2.\tFormål", "1. Innledning\n2. Formål"),           # numbered lines are no table
    ("Navn:\t_ga\nFormål:\tstatistikk", "Navn: _ga\nFormål: statistikk"),  # nor are label lines
    ("Navn\t_ga\n\nFormål\tstatistikk", "Navn _ga\n\nFormål statistikk"),  # nor lines apart
    # invisible characters are deleted
    ("person\u00adopplysninger", "personopplysninger"),
    ("a\u200bb\u200cc\u200dd\u2060e\ufeff", "abcde"),
    ("\ufeffPersonvern", "Personvern"),
    # bullets and dash items become "- "
    ("\u2022 Navn", "- Navn"),
    ("\u25cf Navn\n\u25aa Adresse\n\u25e6 Telefon", "- Navn\n- Adresse\n- Telefon"),
    ("\u2013 Navn\n\u2014 Adresse\n* Telefon\n- E-post", "- Navn\n- Adresse\n- Telefon\n- E-post"),
    ("   \u2022   Innrykket punkt", "- Innrykket punkt"),
    ("\u2713 Ferdig", "- Ferdig"),
    ("-5 grader", "-5 grader"),                             # a minus sign is not a bullet
    ("Dette er \u2013 som kjent \u2013 viktig", "Dette er \u2013 som kjent \u2013 viktig"),  # dashes mid-line stay
    # quotes and hyphens
    ("\u201cSitat\u201d og \u2018sitat\u2019", '"Sitat" og \'sitat\''),
    ("\u201eDIB\u201c", '"DIB"'),
    ("e\u2010post og e\u2011post", "e-post og e-post"),
    ("\u00abSitat\u00bb", "\u00abSitat\u00bb"),               # guillemets are kept
    # line breaks: CRLF, CR, Unicode separators
    ("a\r\nb\r\nc", "a\nb\nc"),
    ("a\rb", "a\nb"),
    ("a\r\n\r\nb", "a\n\nb"),
    ("a\u2028b\u2029c", "a\nb\nc"),
    # blank-line runs collapse to one paragraph break; leading and trailing blanks dropped
    ("a\n\n\n\n\nb", "a\n\nb"),
    ("a\n  \n\t\n \nb", "a\n\nb"),
    ("\n\n\na\n\n\n", "a"),
    # page furniture lines are dropped (whole lines only)
    ("Tekst\nLukk\nSlutt", "Tekst\nSlutt"),
    ("Tekst\nTilbake\nSlutt", "Tekst\nSlutt"),
    ("Tekst\n\u2190 Tilbake til forsiden\nSlutt", "Tekst\nSlutt"),
    ("Tekst\nBack to store\nSlutt", "Tekst\nSlutt"),
    ("Tekst\nStatus\nNormal drift\nSlutt", "Tekst\nSlutt"),
    ("Tekst\nSvarte dette p\u00e5 sp\u00f8rsm\u00e5let?\nSlutt", "Tekst\nSlutt"),
    ("Tekst\nBestill gratis demo\nSlutt", "Tekst\nSlutt"),
    ("Tekst\n  LUKK  \nSlutt", "Tekst\nSlutt"),
    ("Tekst\n\nLukk\n\nSlutt", "Tekst\n\nSlutt"),
    ("Lukk d\u00f8ren etter deg", "Lukk d\u00f8ren etter deg"),  # furniture words inside a sentence stay
    ("Status for behandlingen", "Status for behandlingen"),
    ("Vi gikk tilbake til start.", "Vi gikk tilbake til start."),
]


@pytest.mark.parametrize("raw, expected", CASES)
def test_normalize_text(raw, expected):
    assert normalize(raw).text == expected


WRAPPED = (
    "Norges Kajakkpoloforbund er behandlingsansvarlig for personopplysningene som beskrives her.\n"
    "Valget du gjør i samtykkebanneret, lagres ikke som informasjonskapsel, men i nettleserens\n"
    "localStorage under nøkkelen nkpf_samtykke. Vi bruker ikke annonseverktøy på nettsiden vår.\n"
    "For trenere og dommere registrerer vi kursdeltakelse, sertifiseringsnivå og gyldighets-\n"
    "periode. Trener- og dommerkurs registreres i idrettens felles medlemssystem for klubbene,\n"
    "og kursbevis sendes på e-post. Opplysningene slettes når medlemskapet har vært avsluttet i\n"
    "to år.\n"
)


@pytest.mark.parametrize("joined", [
    "men i nettleserens localStorage under nøkkelen nkpf_samtykke.",   # a soft break mid-sentence
    "sertifiseringsnivå og gyldighetsperiode.",                        # a word broken at its hyphen
    "for klubbene, og kursbevis",                                      # a break after a comma
    "avsluttet i to år.",                                              # a last line of one word that ends the sentence
])
def test_hard_wrapped_lines_are_joined(joined):
    assert joined in normalize(WRAPPED).text


WRAPPED_PDF = (
    "Nødvendige informasjonskapsler, som sesjonskapselen JSESSIONID i nettbanken, setter vi\n"
    "uten samtykke fordi nettbanken ikke virker uten dem. Med samtykke bruker vi Google\n"
    "Analytics til å lage statistikk over bruken av nettsidene (artikkel 6 nr. 1 bokstav a).\n"
    "Opptak av investeringsrådgivning er en rettslig plikt etter verdipapirhandelloven\n"
    "(bokstav c), mens andre opptak bygger på vår berettigede interesse i å dokumentere\n"
    "avtaler og lære opp rådgiverne våre (bokstav f). Samtaler lagres hos Microsoft\n"
    "Azure Norway i Oslo, og opptakene slettes etter tolv måneder hvis ingen klager.\n"
    "Formål    Behandlingsgrunnlag    Lagringstid\n"
    "Nettleieavtale og tilknytning    Avtale    Fem år\n"
)


@pytest.mark.parametrize("joined, kept", [
    ("bruker vi Google Analytics til å lage", None),                 # a name the line above began goes on
    ("verdipapirhandelloven (bokstav c), mens", None),                # a parenthesis that goes on in lower case
    ("hos Microsoft Azure Norway", None),                             # ... also a capital after a capital
    (None, "Formål    Behandlingsgrunnlag    Lagringstid\nNettleieavtale"),  # columns aligned with spaces
])
def test_pdf_wraps_around_names_and_parentheses(joined, kept):
    text = normalize(WRAPPED_PDF).text
    assert joined is None or joined in text
    assert kept is None or kept.replace("    ", " ") in text


@pytest.mark.parametrize("raw, kept", [
    # short lines (a flattened table's cells) stay lines even when the next starts in lower case
    ("Navn\nFormål\nUtløper\n_ga\nSkiller mellom brukere\n2 år\nlang\nHusker språkvalget\n1 år", "2 år\nlang"),
    # a long line ending mid-sentence over a lone name, a list item or a table row stays apart
    (WRAPPED.replace("gyldighets-\nperiode. ", "gyldighets-\nlang\n"), "gyldighets-\nlang\n"),
    (WRAPPED.replace("nettleserens\nlocalStorage", "nettleserens\n- localStorage"), "nettleserens\n- localStorage"),
    # nor over an item enumerated with a letter
    (WRAPPED.replace("nettleserens\nlocalStorage", "nettleserens\nc) localStorage"), "nettleserens\nc) localStorage"),
    (WRAPPED.replace("nettleserens\nlocalStorage", "nettleserens\nnavn | formål"), "nettleserens\nnavn | formål"),
    # rows of a table whose cells are separated by single spaces, each ending in its lifetime
    ("Navn Leverandør Formål Utløp\nPLAY_LANG Eksempel AS Husker språket du har valgt på nettstedet 1 år\n"
     "rc Google Skiller mennesker fra roboter når du sender inn skjemaer 6 måneder\n"
     "lang Eksempel AS Husker språket du har valgt på nettstedet vårt Økt\n"
     "pa_yahoo_ts Yahoo Måler hvor mange som ser annonsene fra kampanjene våre 30 dager", "1 år\nrc Google"),
])
def test_lines_that_are_no_wrap_stay(raw, kept):
    assert kept in normalize(raw).text


# A text hard-wrapped by a PDF text layer: most lines go on from the line above in lower case.
HARD_WRAPPED = (
    "Personvernerklæringen gir informasjon om behandling av personopplysninger hvor\n"
    "Diri bestemmer formålet og virkemidlene for behandlingen av personopplysningene\n"
    "som samles inn. Opplysningene lagres i våre egne systemer, som driftes i\n"
    "Norge. Sentrene i Bergen drives av datterselskapet Aktivum Vest AS (org.nr. 990 937\n"
    "869), som følger denne erklæringen. Vi bruker opplysningene til formål 1 og\n"
    "3 er at behandlingen er nødvendig for å oppfylle avtalen med deg om helsehjelp.\n"
    "Leverandørene våre er databehandlere og følger våre instrukser og databehandleravtaler\n"
    "med oss, og de må slette opplysningene når avtalen med oss er avsluttet for godt.\n\n"
    "Formål\nBehandlingsgrunnlag\n"
    "Bokføring og rapportering etter bokføringsloven og reglene om momskompensasjon\n"
    "Rettslig forpliktelse, art. 6 nr. 1 bokstav c\n\n"
    "Tietoevry Norway AS – kjernebanksystem og drift av nettbank og mobilbanken vår\n"
    "Nets Branch Norway – kortproduksjon og behandling av korttransaksjoner i Norden\n"
)


@pytest.mark.parametrize("joined, kept", [
    ("behandling av personopplysninger hvor Diri bestemmer", None),   # a name goes on a sentence
    ("driftes i Norge. Sentrene", None),
    ("(org.nr. 990 937 869), som", None),                             # a number broken between its groups
    ("til formål 1 og 3 er at", None),                               # a number followed by lower case
    (None, "momskompensasjon\nRettslig forpliktelse"),                # cells of a table flattened a cell a line
    (None, "mobilbanken vår\nNets Branch"),                           # entries of a list without bullets
])
def test_hard_wrapped_text_goes_on_with_names_and_numbers(joined, kept):
    text = normalize(HARD_WRAPPED).text
    assert joined is None or joined in text
    assert kept is None or kept in text


@pytest.mark.parametrize("raw, joined", [
    # a line that ends with a word no clause ends with goes on, in any text, even into a single word or a name
    ("Navn\nLeverandør\nFormål\nmuxData\nWistia\nHusker hvor du var i en video, slik at avspillingen kan fortsette "
     "etter et\nbrudd\n1 år", "fortsette etter et brudd\n1 år"),
    ("Personvern\nKontakt\nNettsiden\nLeverandører\nVi deler opplysningene med regnskapsføreren vår og med "
     "leverandøren av nettsiden, som\nDomeneshop AS drifter.", "nettsiden, som Domeneshop AS drifter."),
    # ... but a preposition or a possessive may end a clause, and a list item or a numbered heading starts anew
    ("Personvern\nKontakt\nNettsiden\nLeverandører\nDu kan lese mer om hvilke opplysninger vi lagrer om deg på "
     "nettsiden vår\nKontakt oss på e-post.", "nettsiden vår\nKontakt oss"),
    ("Personvern\nKontakt\nNettsiden\nLeverandører\nVi sender opplysningene til regnskapsføreren vår, og til "
     "leverandøren av lønnssystemet og\n- Tripletex", "lønnssystemet og\n- Tripletex"),
])
def test_a_line_that_ends_with_a_conjunction_or_an_article_goes_on(raw, joined):
    assert joined in normalize(raw).text


@pytest.mark.parametrize("tail, joined", [
    ("- _hjSession_<id> – Hotjar – holder sammen data fra ett og samme besøk på nettsiden – 30\nminutter\n"
     "- _ga – Google – skiller brukere fra hverandre – 2 år", "besøk på nettsiden – 30 minutter\n- _ga"),
    ("Amazon Web Services (AWS) – drift av Tidsfang, med databaser i AWS-regionen i\nStockholm\n"
     "Fiken – fakturering og regnskap", "i AWS-regionen i Stockholm\nFiken"),
    ("Tietoevry Norway AS – kjernebanksystem og drift av nettbank og mobilbank –\nNorge\n"
     "Signicat AS – elektronisk signering av avtaler – Norge", "mobilbank – Norge\nSignicat"),
    ("Er du ikke fornøyd med hvordan vi behandler opplysningene dine, kan du klage til\nDatatilsynet.",
     "klage til Datatilsynet."),
])
def test_a_list_item_or_a_sentence_of_a_hard_wrapped_text_goes_on_with_its_last_word(tail, joined):
    assert joined in normalize(HARD_WRAPPED + "\n" + tail).text


def test_lines_of_a_text_that_is_not_hard_wrapped_stay_apart():
    raw = HARD_WRAPPED.replace("\nsom samles inn", " som samles inn").replace("\nmed oss, og", " med oss, og")
    assert "personopplysninger hvor\nDiri bestemmer" in normalize(raw).text


def test_a_table_row_does_not_set_the_width_of_the_text():
    rows = "\n".join(f"_c{n} | Eksempel AS | Husker valget du har gjort i samtykkebanneret på nettstedet | {n} år"
                     for n in range(12))
    assert "(org.nr. 990 937 869), som" in normalize(HARD_WRAPPED + "\n" + rows).text


def test_elided_compound_keeps_its_hyphen():
    raw = ("Kurs for trenere og dommere, kursbevis og sertifisering gis av forbundet til alle trener-\n"
           "og dommerkandidater som fullfører, og registreres i medlemssystemet for alle klubbene.\n") * 3
    assert "trener- og dommerkandidater" in normalize(raw).text


def test_joined_lines_keep_the_offset_map():
    norm = normalize(WRAPPED)
    i = norm.text.index("gyldighetsperiode")
    s, e = norm.to_original(i, i + len("gyldighetsperiode"))
    assert WRAPPED[s:e] == "gyldighets-\nperiode"


@pytest.mark.parametrize("line, expected", [
    ("Lukk", True), ("Tilbake", True), ("Back to store", True), ("Status", True), ("Normal drift", True),
    ("Svarte dette p\u00e5 sp\u00f8rsm\u00e5let?", True), ("Bestill gratis demo", True), ("  Lukk  ", True),
    ("Lukk vinduet n\u00e5r du er ferdig", False), ("Personvernerkl\u00e6ring", False),
    ("Statusen for saken", False), ("Kontakt oss", False),
    ("Hopp til hovudinnhald", True), ("Var denne sida nyttig?", True), ("Var denne sida til hjelp for deg?", False),
])
def test_is_furniture(line, expected):
    assert is_furniture(line) is expected


def _clean(piece: str) -> str:
    """What the normalizer makes of one source cluster: deletions, NFC, one-for-one replacements."""
    kept = "".join(c for c in piece if c not in _DELETE)
    return "".join(_REPLACE.get(c, c) for c in unicodedata.normalize("NFC", kept))


def _check_offsets(raw: str) -> None:
    """Every normalized char that was not inserted maps back to the raw char(s) it came from."""
    norm = normalize(raw)
    text, offsets = norm.text, norm.offsets
    assert len(offsets) == len(text) + 1
    assert offsets[-1] == len(raw)
    assert list(offsets) == sorted(offsets), "offsets must not go backwards"
    for i, c in enumerate(text):
        assert 0 <= offsets[i] < len(raw)
        line_start = i == 0 or text[i - 1] == "\n"
        inserted = c == "\n" or (line_start and text[i:i + 2] == "- ") or (c == " " and text[i - 1:i] == "-"
                                                                          and (i == 1 or text[i - 2] == "\n"))
        if inserted:
            continue
        s, e = norm.to_original(i, i + 1)
        assert s == offsets[i] and e > s
        if raw[s:e] == "\t":  # a space, or a cell border ` | ` in a tab table
            assert c in " |", (i, c)
            continue
        assert c in _clean(raw[s:e]), (i, c, raw[s:e])
        if e - s == 1:
            assert _clean(raw[s]) == c, (i, c, raw[s])


@pytest.mark.parametrize("raw", [c[0] for c in CASES] + [
    "Tittel\r\n\r\n\u2022 punkt \u00e9n\r\n\u2022 punkt to\r\nLukk\r\n\r\n\r\nSlutt\u00a0her",
])
def test_offsets_map_back(raw):
    _check_offsets(raw)


ALPHABET = st.sampled_from(
    list("abcæøåÆØÅ XYZ.,:;!?()0123456789-*") + ["\n", "\r", "\r\n", "\t", "  ", "\n\n\n"]
    + list("\u00a0\u202f\u2009\u00ad\u200b\u200d\ufeff\u2028\u2013\u2014\u2010\u201c\u201d\u2018\u2019\u201e\u00ab")
    + list("\u2022\u25cf\u25aa\u2713\u0301\u030a\u0308\u212b")
    + ["Lukk", "Tilbake", "Status", "Normal drift", "Back to store", "Bestill gratis demo", "\f", "Side 2 av 3"])


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_offsets_property(raw):
    _check_offsets(raw)
    text = normalize(raw).text
    assert unicodedata.is_normalized("NFC", text)
    assert "\r" not in text and "\u00a0" not in text and "\u00ad" not in text and "\n\n\n" not in text
    assert "  " not in text.replace("- ", "-")
    assert all(line == line.lstrip() and (line == line.rstrip() or line == "- ") for line in text.split("\n"))
    assert normalize(text).text == text, "normalizing twice changes nothing"


# A text as a PDF gives it: each page ends with a full-width line; the sentence of page 1 runs on to page 2.
PAGE_1 = ("Ringer du kundesenteret, blir du spurt om samtalen kan bli tatt opp, og du kan si nei til det\n"
          "uten at det får følger for saken. Opptaket brukes til opplæring av nye medarbeidere, og vi\n"
          "lagrer det i 30 dager før det slettes automatisk. Henvendelser på e-post registreres i\n"
          "kundesystemet slik at vi kan svare deg og følge opp saken din, og de slettes etter at saken er")
PAGE_2 = ("avsluttet og klagefristen har gått ut. Vi bruker ikke opptakene til markedsføring eller til\n"
          "andre formål enn dem som er nevnt her, og bare kundeservice har tilgang til dem i systemet.")
PAGE_3 = "Du kan klage til Datatilsynet."
JOINED = " ".join((PAGE_1 + "\n" + PAGE_2).split("\n")) + "\n\n" + PAGE_3
HEADER = "Personvernerklæring – Fjordkraft AS"


@pytest.mark.parametrize("raw", [
    f"{PAGE_1}\n\nSide 1 av 3\n{HEADER}\n{PAGE_2}\n\nSide 2 av 3\n{HEADER}\n{PAGE_3}\n\nSide 3 av 3",  # running header
    f"{PAGE_1}\n\neksempel.no            Side 1 av 3\n\n{HEADER}\n{PAGE_2}\n\n"
    f"eksempel.no            Side 2 av 3\n\n{HEADER}\n\n{PAGE_3}",
    f"{PAGE_1}\nFjordkraft AS · org.nr. 994 072 137 · Side 1 av 2\n{PAGE_2}\n"      # a footer with the marker
    f"Fjordkraft AS · org.nr. 994 072 137 · Side 2 av 2\n{PAGE_3}",
    f"{PAGE_1}\n- 1 -\n{PAGE_2}\n- 2 -\n{PAGE_3}",
    f"{PAGE_1}\n1/3\n\n{PAGE_2}\n2/3\n\n{PAGE_3}\n3/3",
    f"{HEADER}\n{PAGE_1}\n1\f{HEADER}\n{PAGE_2}\n2\f{HEADER}\n{PAGE_3}\n3",           # form feeds: pdftotext, pypdf
    f"{PAGE_1}\n\f\n{PAGE_2}\f{PAGE_3}",
])
def test_page_furniture_goes_and_a_sentence_runs_on_across_the_page(raw):
    norm = normalize(raw)
    assert norm.text == JOINED
    s, e = norm.to_original(norm.text.index("avsluttet"), norm.text.index("avsluttet") + 9)
    assert raw[s:e] == "avsluttet"


def test_a_word_broken_at_a_page_break_is_joined():
    raw = f"{PAGE_1[:-len('saken er')]}personopplys-\nSide 1 av 3\n{HEADER}\nningene slettes.\nSide 2 av 3\n{HEADER}"
    assert normalize(raw).text.endswith("og de slettes etter at personopplysningene slettes.")


@pytest.mark.parametrize("raw, expected", [
    # a page break between paragraphs ends the paragraph
    ("Vi lagrer fakturaer i fem år.\nSide 1 av 2\nFirma AS\nDu kan klage til Datatilsynet.\nSide 2 av 2\nFirma AS",
     "Vi lagrer fakturaer i fem år.\n\nDu kan klage til Datatilsynet."),
    ("Vi lagrer fakturaer i fem år.\fDu kan klage til Datatilsynet.",
     "Vi lagrer fakturaer i fem år.\n\nDu kan klage til Datatilsynet."),
    # the running header goes from every page, the top of the first as well; the same line inside a page stays,
    # and so does a sentence that ends two pages
    (f"{HEADER}\n\n1. Innledning\nVi er ansvarlige.\n{HEADER}\nVi sender faktura.\nSide 1 av 2\n{HEADER}\n"
     f"2. Formål\nVi sender faktura.\nSide 2 av 2\n{HEADER}",
     f"1. Innledning\nVi er ansvarlige.\n{HEADER}\nVi sender faktura.\n\n2. Formål\nVi sender faktura."),
    # not page furniture: numbers of a flattened table, a page named in a sentence, a repeated line not at a page
    ("Navn\nAntall\n_ga\n1\n_gid\n2\n_fbp\n3", "Navn\nAntall\n_ga\n1\n_gid\n2\n_fbp\n3"),
    ("Les mer på side 2\nSlutt", "Les mer på side 2\nSlutt"),
    ("Kontakt oss\nVi svarer raskt.\nKontakt oss\nVi svarer.",
     "Kontakt oss\nVi svarer raskt.\nKontakt oss\nVi svarer."),
    ("Lagringstid\n3\nmåneder", "Lagringstid\n3\nmåneder"),
    # a running header on one page only, when it is the title joined to a label; another line there stays
    ("Personvernerklæring\n\nVi er ansvarlige.\n\nSide 1 av 2\fPersonvernerklæring – Fjordkraft AS\n\nVi sender faktura.",
     "Personvernerklæring\n\nVi er ansvarlige.\n\nVi sender faktura."),
    ("Personvernerklæring\n\nVi er ansvarlige.\n\nSide 1 av 2\fPersonvernerklæring for barn\n\nVi sender faktura.",
     "Personvernerklæring\n\nVi er ansvarlige.\n\nPersonvernerklæring for barn\n\nVi sender faktura."),
    # a heading on its own line before a page break ends its paragraph; a table's header cell there does not
    ("Vi er ansvarlige.\n\nListe over informasjonskapsler\n\nSide 1 av 2\fXSRF-TOKEN\nhs",
     "Vi er ansvarlige.\n\nListe over informasjonskapsler\n\nXSRF-TOKEN\nhs"),
    ("Vi er ansvarlige.\n\nSupplier\n\nSide 1 av 2\fFunction\nLocation",
     "Vi er ansvarlige.\n\nSupplier\nFunction\nLocation"),
])
def test_page_furniture(raw, expected):
    assert normalize(raw).text == expected


@pytest.mark.parametrize("line, marker", [
    ("Side 2 av 5", True), ("side 12", True), ("Page 3 of 7", True), ("4/9", True), ("- 3 -", True),
    ("Firma AS · org.nr. 994 072 137 · Side 1 av 3", True), ("eksempel.no          Side 1 av 5", True),
    ("Les mer på side 2", False), ("Se side 4 av vilkårene", False), ("3", False), ("Kapittel 3", False),
])
def test_page_markers(line, marker):
    pats = _page_patterns()
    assert (pats["page_marker"].search(line) is not None) is marker
    assert set(pats) == {"page_marker", "page_number"} and "n" in pats["page_number"].groupindex


def test_bare_numbers_counting_pages_far_apart_go():
    pages = ["\n".join(f"Linje {n} av teksten på side {k}." for n in range(10)) for k in (1, 2, 3)]
    raw = "\n".join(f"{page}\n{k}" for k, page in enumerate(pages, 1))
    assert normalize(raw).text == "\n\n".join(pages)


@pytest.mark.parametrize("raw, span, expected", [
    ("Hei\u00a0p\u00e5 deg", (0, 6), "Hei\u00a0p\u00e5"),
    ("person\u00adopplysninger er", (0, 18), "person\u00adopplysninger"),
    ("pa\u030a vei", (0, 2), "pa\u030a"),                      # covers the combining mark
    ("Cafe\u0301 x", (3, 4), "e\u0301"),
    ("  innrykk   og   mellomrom", (0, 7), "innrykk"),
    ("a  b", (0, 3), "a  b"),
    ("Tekst\r\nLukk\r\nSlutt", (6, 11), "Slutt"),              # furniture line skipped
    ("\u2022 Navn og adresse", (2, 6), "Navn"),
    ("Linje en\r\n\r\nLinje to", (10, 18), "Linje to"),
])
def test_to_original(raw, span, expected):
    norm = normalize(raw)
    s, e = norm.to_original(*span)
    assert raw[s:e] == expected
    assert normalize(raw[s:e]).text == norm.text[span[0]:span[1]]


def test_to_original_empty_span():
    norm = normalize("Hei p\u00e5 deg")
    assert norm.to_original(4, 4) == (4, 4)
    assert norm.to_original(len(norm.text), len(norm.text)) == (len("Hei p\u00e5 deg"),) * 2


@pytest.mark.parametrize("raw, wrapped", [
    ("Personvern\n\nVi behandler navn, e-post og telefonnummer til kundene våre for å kunne levere\n"
     "tjenesten, sende faktura og svare på spørsmål. Opplysningene lagres så lenge du er kunde hos\n"
     "oss, og regnskapsbilag oppbevarer vi i fem år etter bokføringsloven. Du kan be om innsyn i\n"
     "opplysningene, og du kan be oss rette eller slette dem. Har du spørsmål, kan du kontakte\n"
     "oss på e-post eller telefon. Du kan også klage til Datatilsynet.", True),
    ("Personvern\nVi behandler navn og e-post for å levere tjenesten.\nVi lagrer opplysningene i fem år.\n"
     "Du kan be om innsyn i opplysningene.\nDu kan klage til Datatilsynet.\nSist oppdatert 2025.", False),
])
def test_wrapped_tells_whether_hard_wrapped_lines_were_joined(raw, wrapped):
    assert normalize(raw).wrapped is wrapped


@pytest.mark.parametrize("raw, expected", [
    # an item wrapped by hand, its lines indented under the item's text: one line, and no hard-wrapped text
    ("Formål\n1. Medlemslista. Når du blir med, fører vi deg inn med namn, adresse,\n   telefonnummer og e-post.\n"
     "2. Kontingent. Den blir betalt med Vipps.",
     "Formål\n1. Medlemslista. Når du blir med, fører vi deg inn med namn, adresse, telefonnummer og e-post.\n"
     "2. Kontingent. Den blir betalt med Vipps."),
    ("- Nyhetsbrev: vi sender det en gang i måneden\n  til alle som har meldt seg på.\n- Faktura",
     "- Nyhetsbrev: vi sender det en gang i måneden til alle som har meldt seg på.\n- Faktura"),
    # an indented sub-item, or an indented line after a paragraph, stays a line of its own
    ("- Kunder\n  - navn og adresse\n- Leverandører", "- Kunder\n- navn og adresse\n- Leverandører"),
    ("Vi behandler disse opplysningene:\n   navn og adresse", "Vi behandler disse opplysningene:\nnavn og adresse"),
])
def test_hanging_indents_join_their_item(raw, expected):
    norm = normalize(raw)
    assert norm.text == expected
    assert norm.wrapped is False

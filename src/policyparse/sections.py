"""Find headings and build the section tree of a normalized policy text.

A heading is a line that titles the text below it (FIELDS.md, "Sections and headings"): numbered
(`1`, `1.1`, `3.`, `a)`, `1. i)`), a short unnumbered line without a final full stop, or an HTML /
Markdown heading. Lines are judged with their neighbours, because the same short line is a heading
when it stands alone above a paragraph and a table cell when it sits among other short lines.
The title block at the top (title and subtitle on consecutive lines, a brand or eyebrow line above
them, navigation before) and a group title over a flattened table (`Nødvendige (4)` / `Name` /
`Provider` ...) are headings; breadcrumbs, date and version lines and table header rows whose cells
were joined by spaces (`Formål Behandlingsgrunnlag`) are not. Word lists live in
`resources/headings.json`.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice, takewhile

import regex

from .normalize import CLOSING, SENTENCE_END
from .rules import load_sections

NUMBERED = regex.compile(
    r"^(?P<num>(?:\d{1,2}(?:\.\d{1,2})*\.?(?:\s*[a-z]\)|\s*[ivx]{1,4}\))?|\d{1,2}\)|[a-z]\)|[ivx]{1,4}\)|[A-Z]\.))"
    r"(?:\s+[–—-])?\s+(?P<title>\p{Lu}.*)$")
_LEXICON = load_sections("headings.json", ["toc_labels", "run_on_endings", "metadata", "title_words", "document_words",
                                           "breadcrumb", "contact_title"])
TOC_LABELS = frozenset(_LEXICON["toc_labels"])
RUN_ON_ENDINGS = frozenset(_LEXICON["run_on_endings"])
KEY_VALUE = regex.compile(r"^[\p{L}][\p{L} ./-]{1,30}:\s+\S")
METADATA = regex.compile(_LEXICON["metadata"], regex.I)
CONTACT_TITLE = regex.compile(_LEXICON["contact_title"], regex.I)
CONTACT_LINES = 6   # how far below a contact heading its details may start (after a name and an address)
FULL_STOP_END = regex.compile(r"\." + CLOSING)
BREADCRUMB = regex.compile(_LEXICON["breadcrumb"], regex.I)
EMAIL_SHAPE = r"\S@\S+\.\p{L}{2,}"
ADDRESS_END = regex.compile(rf"(?:{EMAIL_SHAPE}|https?://\S+|www\.\S+)$")  # a sentence closed by an address
CONTACT_DETAIL = regex.compile(rf"{EMAIL_SHAPE}|(?<!\d)(?:\d[ .]?){{8}}(?!\d)|^(?:e-?post|telefon|tlf|org\.?\s*nr|adresse)",
                               regex.I)
WORD_BREAK = regex.compile(r"\p{L}-$")   # `uautoriser-`: a word broken at the line end runs on
CELL_DASH = regex.compile(r"\s[–—]\s")
SENTENCE_START = regex.compile(r"^(Vi|Du|Dette|Det|Eg|Me|De|Dei)\s\S+\s\S+\s\S+\s")
SUBJECT_VERB = regex.compile(r"^(Våre|Vår|Vårt|Denne|Disse)\s+\w+\s+"
                             r"(bruker|brukar|har|er|kan|vil|skal|benytter|samler|deler|lagrer|behandler|sender)\b")
LEGAL_NAME = regex.compile(r"\s(AS|ASA|AB|ENK|SA|Ltd\.?|Inc\.?|GmbH|LLC)$")
TITLE_WORDS = regex.compile(_LEXICON["title_words"], regex.I)
DOCUMENT_WORDS = regex.compile(_LEXICON["document_words"], regex.I)
ABBREVIATED_END = regex.compile(r"\b(Inc|Ltd|Co|Corp|Bros|mfl|m\.m)\.$")
GROUP_TITLE = regex.compile(r"\p{Lu}[\p{L} -]{2,40}\s\(\d{1,3}\)")  # a consent platform's group of cookies: `Statistikk (4)`
SHORT_CELL_ROLES = frozenset({"name", "domain", "lifetime", "type", "provider", "location"})  # columns without sentences
MAX_WORDS = 14
MIN_LINES_UNBLOCKED = 8  # a text with no blank line and at least this many lines is cut into blocks
MAX_WORDS_NUMBERED = 22
MAX_NAVIGATION_LINES = 16  # menu and banner lines above a navigation trail at the top of a copied page


@dataclass
class Section:
    heading: str
    number: str | None
    level: int
    start: int          # start of the heading line
    end: int            # start of the next heading, or end of text
    body_start: int     # first character after the heading line
    parent: int | None = None

    def to_dict(self) -> dict:
        return {"heading": self.heading, "number": self.number, "level": self.level,
                "start": self.start, "end": self.end, "parent": self.parent}


@dataclass
class _Line:
    text: str
    start: int
    end: int
    block: int
    pos: int            # index of the line within its block
    block_len: int
    cell: bool = False  # a cell of a flattened table in a text without blank lines (`_cut_unblocked`)


def _lines(text: str) -> list[_Line]:
    """Lines grouped in blocks (`text_blocks`). A line repeating the one above it and a one-word capitals
    label directly above another line (`PERSONVERN` over the title) are left out of the structure (the
    normalizer has dropped the page furniture of a PDF)."""
    lines: list[_Line] = []
    blocks, cells = _blocks(text)
    for b, parts in enumerate(blocks):
        kept = []
        for k, (part, pos) in enumerate(parts):
            repeat = kept and kept[-1][0] == part
            label = part.isupper() and part.isalpha() and len(part) >= 3 and k + 1 < len(parts) and not kept
            if not (repeat or label):
                kept.append((part, pos))
        for k, (part, start) in enumerate(kept):
            lines.append(_Line(part, start, start + len(part), b, k, len(kept), start in cells))
    return lines


def text_blocks(text: str) -> list[list[tuple[str, int]]]:
    """The non-blank lines of a text as (line, start), grouped in blocks between blank lines. A text of
    many lines with no blank line at all (copied from a web page line by line) is cut as `_cut_unblocked`
    says, so that a heading or a card and the text under it start a block, as they would after a blank
    line."""
    return _blocks(text)[0]


def _blocks(text: str) -> tuple[list[list[tuple[str, int]]], set[int]]:
    """`text_blocks`, and the starts of the lines that are cells of a flattened table in a text without blank
    lines (where no blank line ends the table, its cells must not be judged as headings)."""
    out: list[list[tuple[str, int]]] = [[]]
    pos = 0
    for raw in text.split("\n"):
        if not raw.strip():
            if out[-1]:
                out.append([])
        else:
            out[-1].append((raw, pos))
        pos += len(raw) + 1
    out = [block for block in out if block]
    if len(out) == 1 and len(out[0]) >= MIN_LINES_UNBLOCKED:
        return _cut_unblocked(out[0])
    return out, set()


def _cut_unblocked(lines: list[tuple[str, int]]) -> tuple[list[list[tuple[str, int]]], set[int]]:
    """The lines of a text without blank lines, cut into blocks: after each line of body text that ends a
    sentence (or ends with an e-mail address or web address), after a date or version line, after a list or
    table, before a question, before the title of a table (`Statistikk (4)` above `Navn` / `Leverandør` ...),
    between stacked headings (`Hvorfor vi behandler opplysningene` / `Om kunder` / text) and after a title
    under its eyebrow (`Personvern` / `Personvern og cookies` / text); not among the cells of a flattened
    table, which end before the first line that is no row. Also the starts of those cells."""
    texts = [line for line, _ in lines]
    inside, ends = _flat_table_lines(texts)
    cut: list[list[tuple[str, int]]] = [[]]
    for k, (part, start) in enumerate(lines):
        below = texts[k + 1:k + 9]
        if cut[-1] and (k in ends or _starts_block(cut[-1], part) or (k not in inside and _titles_table(part, below))):
            cut.append([])
        cut[-1].append((part, start))
        if k not in inside and (_closes_block(part) or _heads_block(cut[-1], below)):
            cut.append([])
    return [block for block in cut if block], {lines[k][1] for k in inside}


def _flat_table_lines(texts: list[str]) -> tuple[set[int], set[int]]:
    """The indices of the cells of flattened tables (header cells, one per line, then rows of as many
    cells) after their first header cell, and of the first line after each run of rows: the end of the
    table, or a consent platform's group title between its rows, whose rows below are the same table's."""
    inside: set[int] = set()
    ends: set[int] = set()
    k = 0
    while k < len(texts):
        roles = _header_cells(texts[k:k + 12])
        if not _table_header(roles):
            k += 1
            continue
        kept = [role for role in roles if role != "link"]  # a column of links is empty once copied as text
        columns = len(kept)
        start = end = k + len(roles)
        inside.update(range(k + 1, start))
        while True:
            while end < len(texts) and _table_row(texts[end:end + columns], texts[end + columns:end + 12], kept):
                end += columns
            end = min(end, len(texts))
            inside.update(range(start, end))
            if end < len(texts):
                ends.add(end)
            if end >= len(texts) or not GROUP_TITLE.fullmatch(texts[end]):
                break
            start = end = end + (2 if end + 1 < len(texts) and body_like(texts[end + 1]) else 1)  # and its description
        k = end
    return inside, ends


def _table_row(cells: list[str], below: list[str], roles: list[str]) -> bool:
    """Are these lines a row of a flattened table with these column roles: no list item or lead-in (`... disse
    leverandørene:`) among them, no sentence in a column of names, providers, lifetimes or types, the first
    cell neither a sentence, a numbered heading, a group's title nor the title of another table, and no cell
    the first header cell of another table?"""
    rest = cells + below
    sentences = [body_like(c) and bool(SENTENCE_END.search(c)) for c in cells]
    lead_in = any(body_like(c) and c.rstrip().endswith(":") for c in cells)
    return not sentences[0] and not lead_in and not _numbered(cells[0]) and not GROUP_TITLE.fullmatch(cells[0]) \
        and not any(c.startswith("- ") for c in cells) \
        and not any(said and role in SHORT_CELL_ROLES for said, role in zip(sentences, roles)) \
        and not _titles_table(cells[0], rest[1:]) \
        and not any(_table_header(_header_cells(rest[j:])) for j in range(len(cells)))


def _closes_block(line: str) -> bool:
    """Does the line end a block: body text ending a sentence or with an address, a date line?"""
    return (body_like(line) and bool(SENTENCE_END.search(line) or ADDRESS_END.search(line))) or bool(METADATA.match(line))


def _heads_block(block: list[tuple[str, int]], below: list[str]) -> bool:
    """Does the block so far hold only a heading stacked over another one, or an eyebrow and the title?"""
    if len(block) == 1:
        return _stacked_heading(block[0][0], below)
    return len(block) == 2 and _eyebrow(block[0][0], block[1][0]) and bool(below) and body_like(below[0])


def _eyebrow(line: str, nxt: str) -> bool:
    """Is the line a short label above the document's title (`Personvern` / `Personvern og cookies`)?"""
    return len(line.split()) <= 2 and _heading_shaped(line) and _heading_shaped(nxt) and bool(TITLE_WORDS.search(nxt))


def _heading_shaped(line: str) -> bool:
    return (_shape_ok(line) or bool(_numbered(line))) and not body_like(line)


def _header_cells(lines: Iterable[str]) -> list[str]:
    """The column roles of the header cells the lines start with, one cell per line."""
    roles = []
    for cell in lines:
        role = _header_role(cell, header_row=True)
        if role is None:
            break
        roles.append(role)
    return roles


def _stacked_heading(line: str, below: list[str]) -> bool:
    """Is the line a heading above another heading (or a short label such as `Hovedformål:`) that titles
    body text or a list, or above a list (`Databehandlere` / `- Amazon AWS`)? Not a table's header
    cells, nor a table's title above them."""
    if not below or not _heading_shaped(line):
        return False
    nxt = below[0]
    if nxt.startswith("- "):
        return line.split()[-1].lower() not in RUN_ON_ENDINGS  # not `Hva vi bruker dataene til` / `- ...`
    if _eyebrow(line, nxt):
        return False
    if _table_header(_header_cells([line] + below)) or _table_header(_header_cells(below)):
        return False
    label = nxt.rstrip().endswith(":") and len(nxt.split()) <= 3 and nxt[:1].isupper()
    if not (_heading_shaped(nxt) or label):
        return False
    after = below[1] if len(below) > 1 else ""
    return body_like(after) or after.startswith("- ") or bool(_numbered(after))


def _titles_table(line: str, below: list[str]) -> bool:
    """Does the line title the table whose header follows it (cells one per line, or a row joined by spaces),
    maybe after one line describing it (`Statistikk (4)` / `Statistikk-kapsler hjelper ...` / `Navn` ...)?"""
    if not _heading_shaped(line) or _header_role(line, header_row=True) is not None:
        return False
    header = below[1:] if below and body_like(below[0]) else below
    return bool(header) and (_table_header(_header_cells(header)) or _header_row(header[0]))


def _starts_block(block: list[tuple[str, int]], line: str) -> bool:
    """In a text copied without blank lines: does a question, or the first line after a list or a table
    (a list item, or two rows: one `|` line alone is a banner's buttons), start a block?"""
    if not block:
        return False
    if line.rstrip().endswith("?"):
        return True
    last = block[-1][0]
    return _row_like(last) and not _row_like(line) and (last.startswith("- ") or len(block) >= 2
                                                         and _row_like(block[-2][0]))


def _row_like(line: str) -> bool:
    """A list item or a table row (`- ...`, cells split by tabs or `|`, or by dashes)."""
    return line.startswith("- ") or "\t" in line or " | " in line or _dash_row(line)


def body_like(line: str) -> bool:
    """Is the line body text (long, or a sentence of four or more words), not a label, cell or heading?"""
    words = line.split()
    return len(line) >= 60 or (len(words) >= 4 and line.rstrip()[-1:] in ".!?:")


def _numbered(line: str):
    m = NUMBERED.match(line)
    return m if m and len(m.group("title").split()) <= MAX_WORDS_NUMBERED else None


def _shape_ok(line: str) -> bool:
    """Could this line, on its own, be an unnumbered heading?"""
    words = line.split()
    if not words or not line[0].isupper() or line.startswith("- ") or " | " in line:
        return False
    if line[-1] in ",;:" or FULL_STOP_END.search(line) or len(words) > MAX_WORDS or len(line) > 120:
        return False
    if KEY_VALUE.match(line) or METADATA.match(line) or "@" in line or "http" in line.lower():
        return False
    if ":" in line and ADDRESS_END.search(line):
        return False  # `Samtykket ditt gjelder for følgende domener: www.eksempel.no`
    if BREADCRUMB.search(line):
        return False  # a navigation trail (`Heim › Om oss › Personvern`)
    if (SENTENCE_START.match(line) or SUBJECT_VERB.match(line)) and not line.endswith("?"):
        return False
    if not any(c.isalpha() for c in line) or len(line) < 3:
        return False
    return True


def _is_heading(lines: list[_Line], i: int, table_blocks: set[int]) -> bool:
    ln = lines[i]
    if ln.cell:
        return False
    text = ln.text
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    prev = lines[i - 1] if i > 0 else None
    m = _numbered(text)
    if m:
        title = m.group("title")
        if (title[-1] in ",;" or (title[-1] == "." and not ABBREVIATED_END.search(title))) or len(text) > 150:
            return False
        if any(0 <= j < len(lines) and lines[j].block == ln.block and NUMBERED.match(lines[j].text)
               and not _parent_child(lines[min(i, j)].text, lines[max(i, j)].text) for j in (i - 1, i + 1)):
            return False  # a numbered list, not headings (`3. Formål` over `3.1 Nettleie` is a heading and its first subheading)
        return nxt is not None
    if not _shape_ok(text) or nxt is None or WORD_BREAK.search(text):
        return False
    if text.lower() in TOC_LABELS or _header_row(text):
        return False
    if CONTACT_TITLE.match(text) and prev is not None and _ends_text(prev.text) \
            and any(CONTACT_DETAIL.search(lines[j].text) for j in range(i + 1, min(i + 1 + CONTACT_LINES, len(lines)))):
        return True  # `Kontakt` after body text, over the controller's name, address and e-mail (not a menu or footer label)
    if i == 0 and TITLE_WORDS.search(text) and _numbered(nxt.text):
        return True  # the document's title right over its first numbered heading
    if GROUP_TITLE.fullmatch(text) and (_header_cells_below(lines, i) or _header_row(nxt.text)):
        return True  # a group title over a table (`Nødvendige (4)` / `Name` / `Provider` / ..., or `Navn | Formål | ...`)
    if _dash_row(text) and nxt.block == ln.block and _dash_row(nxt.text) \
            and len(CELL_DASH.findall(text)) == len(CELL_DASH.findall(nxt.text)):
        return False  # `Amazon Web Services – hosting – Ireland` above rows of the same shape: a flattened table
    if _entry_like(lines, i) and (_entry_like(lines, i - 2) or _entry_like(lines, i + 2)):
        return False  # name line + description line, repeated: entries of a supplier or cookie list
    if _service_line(text) and body_like(nxt.text) and not _dash_row(nxt.text) and _card_block(lines, i) \
            and any(_service_line(lines[j].text) for j in _neighbour_block_starts(lines, i)):
        return False  # `Vercel` / `Drifter nettsiden.` / `Resend` / ...: cards of a supplier list
    if ln.block_len == 1:
        if not _leads_to_body(lines, i):
            return False  # a label among labels: contact tables, footers, badges
        if nxt.text.startswith("- ") and text.split()[-1].lower() in RUN_ON_ENDINGS:
            return False  # runs on into the list below
        if text.isupper() and len(text.split()) == 1 and nxt.block_len == 1 and _shape_ok(nxt.text):
            return False  # a small label line above the title
        title_over_section = DOCUMENT_WORDS.search(text) and not DOCUMENT_WORDS.search(nxt.text)
        if ln.block == 0 and len(regex.findall(r"\p{L}+", text)) <= 2 and nxt.block_len == 1 and _shape_ok(nxt.text) \
                and TITLE_WORDS.search(nxt.text) and not title_over_section:
            return False  # an eyebrow label above the document title ("Juridisk" over "Personvernerklæring"), not the
            # title above the first section ("Personvernerklæring" over "Informasjonskapsler")
        return True
    if ln.pos == 0:
        if GROUP_TITLE.fullmatch(text) and nxt.block == ln.block:
            return True  # a consent platform's group over its rows (`Preferanser (1)` / `lang` / ...)
        if _header_cells_below(lines, i) and _header_role(text, header_row=True) is None:
            return True  # a title over a flattened table (`Informasjonskapsler vi bruker` / `Name` / `Provider` / ...)
        if nxt.block == ln.block and _header_row(nxt.text) and _header_role(text, header_row=True) is None:
            return True  # a title over a table whose header row was joined by spaces (`Oversikt` / `Formål Grunnlag Lagringstid`)
        if nxt.block == ln.block and KEY_VALUE.match(nxt.text) and not KEY_VALUE.match(text) \
                and not LEGAL_NAME.search(text) and len(text.split()) <= 4 and "." not in text \
                and not (prev is not None and prev.text.rstrip().endswith(":")):
            return True  # a label over `key: value` rows (`Kontakt` / `Styret: styret@...`); not a name
            # (`Firma.no` / `E-post: ...`) nor a record announced by a lead-in (`kontakt oss:`)
        if nxt.block == ln.block and _service_line(nxt.text) and not _service_line(text) and len(text.split()) >= 2:
            return True  # a title over supplier cards (`Tjenester vi bruker` / `Vercel` / `Drifter nettsiden.`)
        if text.endswith("?") and len(text.split()) >= 2 and (nxt.text.startswith("- ") or KEY_VALUE.match(nxt.text)):
            return True  # a question over the list or the `key: value` rows that answer it (`Hvem deler vi
            # opplysninger med?` / `- Hoopla: ...`, `Hvor lenge lagrer vi opplysningene?` / `Kundekort: 3 år`)
        return body_like(nxt.text) and len(text) < len(nxt.text)
    two_words = len(text.split()) >= 2
    if ln.block in table_blocks:
        return False
    if ln.pos == ln.block_len - 1:
        row_above = prev is not None and (prev.text.startswith("- ") or prev.text[:1].isdigit()) \
            and not text[:1].isdigit()
        return two_words and prev is not None and (prev.text.rstrip()[-1:] in ".!?" or row_above) \
            and body_like(nxt.text)
    one_title_word = len(text.split()) == 1 and len(text) >= 5
    after_list = prev is not None and prev.text.startswith("- ") and not text.startswith("- ")
    return (two_words or one_title_word) and prev is not None and (prev.text.rstrip()[-1:] in ".!?" or after_list) \
        and body_like(nxt.text) and len(text) < 80


def _parent_child(upper: str, lower: str) -> bool:
    """Is the number of the lower line a subnumber of the upper one (`3.` then `3.1`)?"""
    a, b = NUMBERED.match(upper), NUMBERED.match(lower)
    if not (a and b):
        return False
    pa, pb = a.group("num").strip().rstrip("."), b.group("num").strip().rstrip(".")
    return pa.replace(".", "").isdigit() and pb.startswith(pa + ".") and pb[len(pa) + 1:].replace(".", "").isdigit()


def _dash_row(text: str) -> bool:
    """A table row flattened with dashes between cells (`Google LLC – Workspace – USA`)."""
    return bool(CELL_DASH.search(text)) and text.rstrip()[-1:] not in ".!?:"


def _header_role(cell: str, header_row: bool = False) -> str | None:
    """The table column role of a header cell (`flat_tables.header_role`, imported here: flat_tables
    imports the extract package, which imports this module)."""
    from .flat_tables import header_role
    return header_role(cell, header_row)


def _anchor_roles() -> frozenset[str]:
    from .flat_tables import ANCHOR_ROLES
    return frozenset(ANCHOR_ROLES)


def _table_header(roles: list) -> bool:
    """Do these column roles make a table's header: two or more different ones, one an anchor column?"""
    return len(set(roles)) >= 2 and bool(set(roles) & _anchor_roles())


def _header_row(text: str) -> bool:
    """A table header row whose cells were joined by spaces (a tab-separated table after normalizing):
    the line splits into two or more header cells of different roles, one of them an anchor column
    (`Formål Behandlingsgrunnlag`, `Formål Opplysningar Rettsleg grunnlag`, `Leverandør Tjeneste
    Behandlingssted`). A title joining two words with `og` (`Formål og rettslig grunnlag`) is no row.
    Cells split by `|` are read as given (`Navn | Leverandør | Formål | Utløp`)."""
    if " | " in text:
        roles = [_header_role(cell.strip(), header_row=True) for cell in text.split("|") if cell.strip()]
        return None not in roles and _table_header(roles)
    words = text.split()
    if not 2 <= len(words) <= 12 or any(w.lower() in {"og", "and", "eller", "or", "&", "/", "-", "–"} for w in words):
        return False
    if not any(_header_role(" ".join(words[:n]), header_row=True) for n in range(1, min(4, len(words)) + 1)):
        return False  # the line does not start with a header cell
    # best[k]: the roles of a split of words[:k] into header cells of one to four words, or None
    best: list[list[str] | None] = [None] * (len(words) + 1)
    best[0] = []
    for k in range(1, len(words) + 1):
        for n in range(1, min(4, k) + 1):
            if best[k - n] is None:
                continue
            role = _header_role(" ".join(words[k - n:k]), header_row=True)
            if role and (best[k] is None or len(best[k - n]) + 1 > len(best[k])):
                best[k] = best[k - n] + [role]
    roles = best[-1]
    return roles is not None and _table_header(roles)


def _header_cells_below(lines: list[_Line], i: int) -> bool:
    """Do the lines below line i in its block start with the header row of a flattened table: two or
    more header cells of different roles, one of them an anchor column (`Name` / `Provider` / `Purpose`)?"""
    block = takewhile(lambda ln: ln.block == lines[i].block, islice(lines, i + 1, None))
    return _table_header(_header_cells(ln.text for ln in block))


def _entry_like(lines: list[_Line], i: int) -> bool:
    """A short name line whose next line is a description starting with that name."""
    if not 0 <= i < len(lines) - 1:
        return False
    name, nxt = lines[i].text, lines[i + 1].text
    return len(name.split()) <= 3 and nxt.startswith(name + " ") and body_like(nxt)


def _card_block(lines: list[_Line], i: int) -> bool:
    """Is line i's block short enough for a supplier card (name, description, maybe a location) and free of list
    items (a provider's section lists its cookies: `Osano` / `Samtykkebanneret kjem frå Osano.` / `- osano_...`)?"""
    ln = lines[i]
    return ln.block_len <= 3 and not any(other.block == ln.block and other.text.startswith("- ")
                                         for other in lines[i + 1:i + ln.block_len])


def _service_line(text: str) -> bool:
    """Is the line the name of a service the processor gazetteer knows (`Vimeo (bare på enkelte sider)`)?"""
    from .extract.processors import load_gazetteer

    name = regex.sub(r"\s*\([^)]*\)$", "", text.strip())
    return len(name.split()) <= 4 and load_gazetteer().lookup(name) is not None


def _neighbour_block_starts(lines: list[_Line], i: int) -> list[int]:
    """Indices of the first lines of the blocks before and after line i's block."""
    block = lines[i].block
    return [j for j in range(max(0, i - 6), min(len(lines), i + 7))
            if lines[j].pos == 0 and lines[j].block in (block - 1, block + 1)]


def _table_blocks(lines: list[_Line]) -> set[int]:
    """Blocks of four or more lines, most of them short cells without final punctuation."""
    cells: dict[int, list[str]] = {}
    for ln in lines:
        cells.setdefault(ln.block, []).append(ln.text)
    return {b for b, texts in cells.items()
            if len(texts) >= 4 and len([c for c in texts if len(c) < 40 and c.rstrip()[-1:] not in ".!?"]) > len(texts) / 2}


def _ends_text(line: str) -> bool:
    """Does the line end a sentence or a list item (not a menu or footer label)?"""
    return line.rstrip()[-1:] in ".!?:)" or line.startswith("- ")


def _leads_to_body(lines: list[_Line], i: int, horizon: int = 12) -> bool:
    """Do the short lines after line i end in body text or a list, rather than in a table of records?

    A label directly above `key: value` rows titles them (`Kontakt oss` / `E-post: ...`) unless it is
    itself one of a series of records (a company name, or a line right after another record's rows).
    """
    prev = lines[i - 1].text if i > 0 else ""
    if i + 1 < len(lines) and lines[i + 1].block_len >= 3 and lines[i + 1].pos == 0:
        return True  # a label above a block (an address, a flattened table)
    for j in range(i + 1, min(i + 1 + horizon, len(lines))):
        text = lines[j].text
        if METADATA.match(text):
            continue
        if body_like(text) or text.startswith("- ") or _numbered(text):
            return True
        if KEY_VALUE.match(text):
            return j == i + 1 and not KEY_VALUE.match(prev) and not LEGAL_NAME.search(lines[i].text)
    return False


def _title_block(lines: list[_Line]) -> tuple[set[int], set[int]]:
    """The title block at the top of a document, when title and subtitle share one block (a single
    line break between them): `Personvernerklæring` / `For medlemmer, PT-kunder og besøkende`, or with
    a brand or eyebrow line above (`AKTIVUM TRENING` / `Personvernerklæring` / ...). Returns the line
    indices of the title and its subtitle lines (headings) and of the lines above the title (not
    headings). Blocks before it may be navigation (`Hjem` / `Bestill time` / ...); the search stops at
    the first body text, numbered heading or title line. In a page copied without blank lines, menu and
    banner lines down to a navigation trail (`Hjem / Personvern`) share the title's block: the title is
    looked for below the trail and above the first body text."""
    by_block: dict[int, list[int]] = {}
    for k, ln in enumerate(lines):
        by_block.setdefault(ln.block, []).append(k)
    found: tuple[set[int], set[int]] = (set(), set())
    for idx in by_block.values():
        texts = [lines[k].text.strip() for k in idx]
        crumb = next((n for n, t in enumerate(texts) if BREADCRUMB.search(t)), -1)
        body = next((n for n, t in enumerate(texts) if n > crumb and
                     ((body_like(t) and not _shape_ok(t)) or _numbered(t) or t.startswith("- "))), None)
        if body is not None and not 0 <= crumb < MAX_NAVIGATION_LINES:
            break
        if body is not None:  # a page copied without blank lines: menu, banner, trail, title, then the text
            idx, texts = idx[:body], texts[:body]
        shaped = [_shape_ok(t) and not _header_row(t) for t in texts]
        first = next((n for n, t in enumerate(texts) if n > crumb and shaped[n] and TITLE_WORDS.search(t)), None)
        if first is None:
            if body is not None:
                break
            continue
        if len(idx) == 1:
            break  # a title on its own line: judged as any other line
        title = first
        if title + 1 < len(texts) and len(texts[title].split()) <= 2 and len(texts[title + 1].split()) <= 4 \
                and shaped[title + 1] and TITLE_WORDS.search(texts[title + 1]):
            title += 1  # an eyebrow (`Personvern`) above the title (`Personvernerklæring`)
        above = texts[crumb + 1:title]  # lines down to a navigation trail are the page's menu
        if len(above) > MAX_NAVIGATION_LINES or not all(shaped[n] and len(t.split()) <= 4
                                                         for n, t in enumerate(above, crumb + 1)):
            break
        if len(above) > 2 and (title == len(texts) - 1 or any(len(t.split()) <= 2 and not METADATA.match(t)
                                                               for t in texts[title + 1:])):
            break  # an item of a menu (`Hjem` / `Personvern` / `Kontakt`), not a title under it
        heads = [idx[title]]
        core = len(texts)
        while core > title + 2 and METADATA.match(texts[core - 1]):
            core -= 1  # a date or document-number line closing the block
        sub = texts[core - 1]
        sub_ok = shaped[core - 1] or (sub[:1].islower() and _shape_ok(sub[0].upper() + sub[1:]))
        if title + 2 == core and sub_ok and len(sub.split()) >= 2:
            heads.append(idx[core - 1])  # one subtitle line (`for nettkunder og brukere av Min side`)
        elif title + 2 == len(texts) and shaped[-1] and len(texts[-1].split()) >= 2:
            heads.append(idx[-1])  # one subtitle line closing the block (more lines: an address, a contact block)
        if lines[heads[-1]] is lines[-1]:
            break  # nothing below the title block
        found = (set(heads), set(idx[:title]))  # a later block before the body text may hold the real
        # title: the earlier one was navigation (`Hovudside` / `Personvern` / `Bestill time`)
        if body is not None:
            break
    return found


def _level_of_number(num: str) -> int:
    num = num.strip()
    depth = len([p for p in num.rstrip(".").split(".") if p.strip().isdigit()])
    if regex.search(r"[ivx]{1,4}\)$", num) and not regex.fullmatch(r"[a-z]\)", num):
        return depth + 2 if depth else 3
    if num.endswith(")") or regex.fullmatch(r"[A-Z]\.", num):
        return depth + 1 if depth else 2
    return depth or 1


def find_sections(text: str, structural: list[tuple[int, int, int]] | None = None) -> list[Section]:
    """Headings of a normalized text, with levels, parents and body spans.

    `structural` lists (start, end, level) of headings marked by the source (HTML h1-h6, Markdown #);
    they are taken as they are, and text lines are judged only outside them.
    """
    lines = _lines(text)
    table_blocks = _table_blocks(lines)
    title_heads, title_labels = _title_block(lines) if not structural else (set(), set())
    marked_starts = {s: lvl for s, _, lvl in structural or []}
    sections: list[Section] = []
    toc_block = -1
    last_numbered_level = 0
    last_marked_level = None      # a line judged a heading between marked ones sits one level below the last
    for i, ln in enumerate(lines):
        t = ln.text.strip()
        if not t:
            continue
        if t.lower() in TOC_LABELS:
            toc_block = ln.block
            continue
        if ln.block == toc_block:
            continue
        if ln.start in marked_starts:
            level = last_marked_level = max(marked_starts[ln.start] - 1, 0)
            number = m.group("num").strip() if (m := NUMBERED.match(t)) else None
        elif i in title_labels:
            continue
        elif i in title_heads or _is_heading(lines, i, table_blocks):
            m = _numbered(t)
            number = m.group("num").strip() if m else None
            if number:
                level = _level_of_number(number)
                last_numbered_level = level
            elif last_marked_level is not None:
                level = last_marked_level + 1
            else:
                level = 0 if not sections else last_numbered_level + 1
        else:
            continue
        if sections and sections[-1].heading == t and not text[sections[-1].body_start:ln.start].strip():
            sections[-1].body_start = ln.end
            continue  # the same heading repeated right below itself: count it once
        sections.append(Section(t, number, level, ln.start, len(text), ln.end))
    for k, sec in enumerate(sections):
        if k + 1 < len(sections):
            sec.end = sections[k + 1].start
        for j in range(k - 1, -1, -1):
            if sections[j].level < sec.level:
                sec.parent = j
                break
    return sections

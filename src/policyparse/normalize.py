"""Normalize extracted text and keep an offset map back to the text as ingested.

Every finding points into the normalized text; `Normalized.to_original` maps a span back, so a
reviewer can highlight it in the source. The normalizer's version is stored with sentence
annotations: bump it whenever the output for some input changes.
"""
from __future__ import annotations

import bisect
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import regex

from .rules import RulesError, load_patterns, load_rules

NORMALIZER_VERSION = "14"

PAGE_BREAK = "\f"  # between the pages of a PDF (`ingest.pdf_to_text`, as `pdftotext` writes it)
PAGE_NUMBER_GAP = 8     # non-blank lines at least between two bare numbers counting pages (not table cells)
RUNNING_LINE_MAX = 120  # a running header or footer is no longer than this, and ends no sentence
RUNNING_SEPARATOR = regex.compile(r"\s+[–—|·-]\s+")  # between the title and a label in a running header
CLOSING = r"[)\"'»”]*\s*$"  # closing brackets or quotes after the final mark of a sentence
SENTENCE_END = regex.compile(r"[.!?]" + CLOSING)

# Characters replaced one-for-one (spaces, hyphens, quotes) or deleted (invisible characters).
_REPLACE = {
    **{c: " " for c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\x0b"},
    PAGE_BREAK: "\n",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u2028": "\n", "\u2029": "\n", "\r": "\n", "\x85": "\n",
}
_DELETE = set("\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e")
_BULLET_LINE = regex.compile(r"^[•●▪◦■□▫‣⁃◆◇►▶➢➤✓✔∙·]\s*")
_DASH_ITEM = regex.compile(r"^[-–—*]\s+")
_TAB_CELLS = regex.compile(r"[ ]*\t[\t ]*")
# A first cell that numbers a line (`1.`, `2.3`, `a)`) or labels it (`Navn:`) is no table cell.
_NOT_A_CELL = regex.compile(r"(?:\d+[.)]?)+|\p{L}[.)]|.*:")


@dataclass(frozen=True)
class Normalized:
    text: str
    offsets: tuple[int, ...]  # offsets[i] = index in the original text of normalized char i; one extra sentinel
    ends: tuple[int, ...] = ()  # ends[i] = end in the original text of what became char i (a base + its marks)
    wrapped: bool = False  # were hard-wrapped lines joined? If not, every line break the text keeps is meant

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span to the original span that covers it."""
        if start >= end:
            pos = self.offsets[min(start, len(self.offsets) - 1)]
            return pos, pos
        return self.offsets[start], (self.ends[end - 1] if self.ends else self.offsets[end - 1] + 1)


@lru_cache(maxsize=1)
def _furniture() -> regex.Pattern:
    rules = load_rules("furniture.json", {"id", "pattern"})
    return regex.compile("|".join(f"(?:{r['pattern']})" for r in rules), regex.IGNORECASE)


def is_furniture(line: str) -> bool:
    return bool(_furniture().fullmatch(line.strip()))


@lru_cache(maxsize=1)
def _page_patterns() -> dict[str, regex.Pattern]:
    patterns = load_patterns("pages.json", {"page_marker", "page_number"})
    if "n" not in patterns["page_number"].groupindex:
        raise RulesError("pages.json: page_number needs a group 'n' (the number)")
    return patterns


def _page_furniture(lines: list[str], breaks: set[int]) -> set[int]:
    """Indices of the lines that are page furniture: page markers (`Side 2 av 5`, `Firma AS · Side 1 av 3`),
    bare page numbers (`3`, `- 3 -`) next to a page break (`breaks`: lines that start a page) or counting up
    through the text far apart, and running headers and footers: a line that stands next to a marker or a
    page break (the first and last lines of a PDF, too), blank lines not counted, at least twice
    (`Personvernerklæring – Firma AS`), or once when it is the document's first line joined to a label
    (`Personvernerklæring – Firma AS` under `Personvernerklæring`)."""
    pats = _page_patterns()
    body = [k for k, line in enumerate(lines) if line.strip()]
    if len(body) < 2:
        return set()
    firsts = {bisect.bisect_left(body, b) for b in breaks}  # the first line of each page but the first
    edges = {j for i in firsts for j in (i - 1, i) if 0 <= j < len(body)} | ({0, len(body) - 1} if breaks else set())
    furniture = {i for i, k in enumerate(body) if pats["page_marker"].search(lines[k].strip())}
    numbers = [(i, int(m.group("n"))) for i, k in enumerate(body)
               if (m := pats["page_number"].fullmatch(lines[k].strip()))]
    furniture |= {i for i, _ in numbers if i in edges}
    title = " ".join(lines[body[0]].split()).casefold()
    furniture |= {j for i in firsts for j in (i - 1, i) if 0 < j < len(body) and _repeats_title(lines[body[j]], title)}
    furniture |= {p for (i, n), (j, m) in zip(numbers, numbers[1:]) if m == n + 1 and j - i >= PAGE_NUMBER_GAP
                  for p in (i, j)}
    if furniture:
        edges |= {0, len(body) - 1}   # the top of the first page and the foot of the last
    for _ in range(2):  # a header or footer of up to two lines
        near = {j for i in furniture for j in (i - 1, i + 1)} | edges
        near = {j for j in near if 0 <= j < len(body) and j not in furniture
                and len(lines[body[j]].strip()) <= RUNNING_LINE_MAX and not SENTENCE_END.search(lines[body[j]])}
        keys = {j: " ".join(lines[body[j]].split()) for j in near}
        seen = Counter(keys.values())
        new = {j for j in near if seen[keys[j]] >= 2}
        if not new:
            break
        furniture |= new
    return {body[i] for i in furniture}


def _repeats_title(line: str, title: str) -> bool:
    """Is the line the title (the document's first line) and a label, joined by a dash, a bar or a dot?"""
    parts = RUNNING_SEPARATOR.split(" ".join(line.split()).casefold())
    return len(parts) >= 2 and title in parts


def _title_line(line: str) -> bool:
    """A line standing alone that could title the text below it: not a table's header cell (`Supplier`)."""
    from .flat_tables import header_role   # flat_tables reads normalized text: imported when needed

    return header_role(line, True) is None


def _page_gaps(lines: list[str], breaks: set[int]) -> tuple[set[int], set[int]]:
    """(lines dropped, lines after a page gap): page furniture and the blank lines around it, and the blank
    lines at a page break, go; the text on either side of such a gap is joined as a wrapped line when it
    runs on (`... blir du spurt om samtalen kan` / `Side 2 av 5` / `tas opp.`), and a paragraph ends there
    when the line before it ends a sentence."""
    furniture = _page_furniture(lines, breaks)
    dropped, after = set(), set()
    k = 0
    while k < len(lines):
        j = k
        while j < len(lines) and (j in furniture or not lines[j].strip()):
            j += 1
        if any(i in furniture or i in breaks for i in range(k, j + 1)):
            dropped.update(range(k, j))
            after.add(j)
        k = max(j, k + 1)
    return dropped, after


def _characters(raw: str) -> tuple[list[str], list[int], list[int]]:
    """NFC per cluster (base + combining marks), replacements and deletions, with source start and end indices."""
    chars: list[str] = []
    index: list[int] = []
    ends: list[int] = []
    i, n = 0, len(raw)
    while i < n:
        j = i + 1
        while j < n and (unicodedata.combining(raw[j]) or raw[j] in _DELETE):
            j += 1
        c = raw[i]
        if j == i + 1 and (c < "\u0300" or unicodedata.is_normalized("NFC", c)):  # the common case
            kept, composed = ([] if c in _DELETE else [(i, c)]), False
        else:
            kept = [(k, c) for k, c in enumerate(raw[i:j], i) if c not in _DELETE]
            cluster = "".join(c for _, c in kept)
            composed = not unicodedata.is_normalized("NFC", cluster)
            if composed:  # every char of the composed cluster stands for all of it
                kept = [(i, c) for c in unicodedata.normalize("NFC", cluster)]
        for k, c in kept:
            c = _REPLACE.get(c, c)
            if c == "\n" and chars and chars[-1] == "\n" and index[-1] == k - 1 and raw[k - 1] == "\r":
                continue  # \r\n -> one line break
            chars.append(c)
            index.append(k)
            ends.append(j if composed else k + 1)
        i = j
    return chars, index, ends


def _tab_row(line: str) -> bool:
    """A line of two or more tab-separated cells that is not a numbered or labelled line."""
    cells = _TAB_CELLS.split(line.strip(" \t"))
    return len(cells) >= 2 and not _NOT_A_CELL.fullmatch(cells[0])


def _tab_tables(lines: list[str]) -> set[int]:
    """Indices of lines in runs of two or more tab rows: a table copied from a spreadsheet, Word or PDF."""
    rows, run = set(), []
    for k, line in enumerate([*lines, ""]):
        if _tab_row(line):
            run.append(k)
            continue
        if len(run) >= 2:
            rows.update(run)
        run = []
    return rows


_WRAP_END = regex.compile(r"[\p{L}\d,)\]\"'»]$|(?P<hyphen>(?<=\p{L})-)$")
# `avtalen med deg`, `(bokstav c), mens ...`; not an item enumerated with a letter (`c) rettslig plikt (...)`)
_WRAP_START = regex.compile(r"(?!\(?(?:[a-z]|[ivx]{1,4})\)\s)(?:\p{Ll}|\(\p{Ll}{2,})")
_CELLS = regex.compile(r"\||\S {3,}\S")                    # a pipe row, or columns aligned with spaces
_NAME_END = regex.compile(r"\s\p{Lu}[\p{L}\d-]*$")           # `... bruker vi Google` / `Analytics til å lage`
_NAME_GOES_ON = regex.compile(r"\p{Lu}[\p{L}\d-]*\s+\p{Ll}")
_ELIDED = regex.compile(r"(?:og|eller|and|or)\b")
# a text hard-wrapped by a PDF text layer or a mail program: this share of its lines at least go on from the
# line above in lower case (a text from a web page or a word processor has next to none; wrapped, 0.1 to 0.8)
HARD_WRAPPED_SHARE = 0.1
# a line that stops mid-sentence: `... hvor`, `... via Link`, `... 5600`, `... –`
_MID_SENTENCE_END = regex.compile(r"(?:[\p{L}\d,]|\s[–—]|\bnr\.)$")
_HEADING_LIKE = regex.compile(r"\d+(?:\.\d+)*\.?\s+\p{Lu}|[^\p{Ll}]+$|.*[?:]$")  # `3.1 Oversikt`, `KVEN ER ANSVARLEG`
# a line that ends with a word no clause ends with goes on, whatever the next line begins with; not a preposition,
# which Norwegian leaves at the end of a clause (`som du er medlem i`), nor a possessive (`nettsiden vår`)
_DANGLING = regex.compile(r"(?<!\S)(?:og|eller|samt|men|at|å|som|et|en|ei|eit|ein|dersom|hvis|viss)$", regex.I)
_NOT_GOING_ON = regex.compile(r"[-–—*•]\s|\d+(?:\.\d+)*[.)]\s|\d+(?:\.\d+)*\s+\p{Lu}|\p{L}[.)]\s")  # an item, a heading
# more than one word, not a list item or a numbered heading: `Diri bestemmer`, `«hk_kontrast» og`, `3 er at`
_ANY_GOES_ON = regex.compile(rf"(?!{_NOT_GOING_ON.pattern})\S+\s+\S")
# `... – 30` / `minutter`, `(2` / `år)`, `klage til` / `Datatilsynet.`
_LAST_WORD = regex.compile(r"\p{Ll}[\p{L}-]*[).,;:!?]*|\p{Lu}[\p{L}\d-]*\)?[.!?]")
_NAME_WORD = regex.compile(r"\p{Lu}[\p{L}\d-]*")
_ENTRY = regex.compile(r"\s[–—-]\s|:\s|\s·\s")   # an entry or a label line: `Tietoevry Norway AS – drift – Norge`
# a number broken at a space between its groups of three (`org.nr. 974` / `379 511`)
_GROUP_END = regex.compile(r"(?<![\d.,])\d{3}$")
_GROUP_GOES_ON = regex.compile(r"\d{3}(?:\s\d{3})*(?!\d)(?![.)]?\s+\p{Lu}\p{Ll})")
# a line that ends in a period with no full stop (`_ga Google Statistikk 2 år`): a row of a table whose cells
# are separated by single spaces, as some PDF text layers give them
_PERIOD_END = regex.compile(r"\s(?:\d+(?:[.,]\d+)?\s*\p{L}{1,10}|økt|sesjon|session|vedvarende|permanent|persistent)$",
                            regex.I)
PERIOD_ROWS = 3        # this many such lines in a row are table rows, not a wrapped paragraph


def _period_rows(lines: list[str]) -> set[int]:
    rows: set[int] = set()
    run: list[int] = []
    for k, line in enumerate(lines + [""]):
        if _PERIOD_END.search(line.strip()):
            run.append(k)
            continue
        if len(run) >= PERIOD_ROWS:
            rows.update(run)
        run = []
    return rows


def _soft_breaks(lines: list[str], skip: set[int]) -> dict[int, str]:
    """Lines that continue the line above them, hard-wrapped as PDF text layers and plain-text mail are
    (`... i nettleserens localStorage under nøkkelen` / `nkpf_samtykke. Vi ...`): the line above fills
    most of the text's width and stops mid-sentence, this one starts in lower case (or with `(bokstav c)`,
    or, inside a paragraph already seen to be wrapped, goes on with a name the line above began: `bruker
    vi Google` / `Analytics til å`) with more than one word or ends a sentence. Table rows (also three or
    more lines in a row that end in a period, `_ga Google Statistikk 2 år`), list items and lone names (a
    flattened table's cells) stay lines of their own. Index -> how to join: `space`, or
    `hyphen` for a word broken at a hyphen (`personopplys-` / `ninger`: the hyphen goes; `Trener-` / `og
    dommerkurs` keeps it, with a space). A number broken between its groups of three (`org.nr. 974` / `379 511`)
    is joined too, and so is any line below one that ends with a word no clause ends with (`etter et` /
    `brudd`). In a hard-wrapped text (`HARD_WRAPPED_SHARE`), a full line of running text that stops after a word
    also goes on with a capital, a number or its last word (`... hvor` / `Diri bestemmer ...`)."""
    rows = _period_rows(lines)
    tabular = [k in skip or k in rows or _CELLS.search(line) is not None for k, line in enumerate(lines)]
    # the width of the running text: table rows, often longer, do not count
    lengths = sorted(len(line.strip()) for line, cells in zip(lines, tabular) if line.strip() and not cells)
    if len(lengths) < 5:
        return {}
    width = lengths[int(len(lengths) * 0.9)]
    if width < 50:
        return {}
    soft = {}
    for k in range(1, len(lines)):
        above, line = lines[k - 1].strip(), lines[k].strip()
        if not above or not line or tabular[k] or tabular[k - 1]:
            continue
        end = _WRAP_END.search(above)
        # a name the line above began goes on only inside a paragraph already seen to be wrapped, not in a
        # table of single-spaced rows (`... oppdragsarkiv Norge` / `Budportalen elektronisk budgivning Norge`)
        dangling = _DANGLING.search(above) is not None
        starts = (_WRAP_START.match(line) or (k - 1 in soft and _NAME_END.search(above) and _NAME_GOES_ON.match(line))
                  or (_GROUP_END.search(above) and _GROUP_GOES_ON.match(line))
                  or (dangling and not _NOT_GOING_ON.match(line)))
        if len(above) < 0.6 * width or end is None or not starts:
            continue
        if (" " not in line and not line.endswith((".", "!", "?", ":", ";")) and not dangling) or is_furniture(above):
            continue
        soft[k] = "hyphen" if end.group("hyphen") and not _ELIDED.match(line) else "space"
    if len(soft) >= HARD_WRAPPED_SHARE * len(lengths):
        # a hard-wrapped text: a full line that stops after a word or a number goes on, also with a name or a
        # number (`... hvor` / `Diri bestemmer ...`, `... via Link` / `Mobility.`), or with its last word in lower
        # case (`... – 30` / `minutter`); not into a list item, nor between entries or label
        # lines (`Tietoevry Norway AS – drift – Norge` / `Nets Branch Norway – kort – Norge`)
        for k in range(1, len(lines)):
            above, line = lines[k - 1].strip(), lines[k].strip()
            if k in soft or not above or tabular[k] or tabular[k - 1] or len(above) < 0.8 * width \
                    or not _MID_SENTENCE_END.search(above) or is_furniture(above):
                continue
            entry = _ENTRY.search(above) is not None
            item = entry or _BULLET_LINE.match(above) or _DASH_ITEM.match(above)
            if (_LAST_WORD.fullmatch(line) or (item and _NAME_WORD.fullmatch(line))) \
                    and (item or _running(lines, k - 1, soft, width)):
                soft[k] = "space"   # the last word of a list item or an entry (`... i` / `Stockholm`), no table cell
            elif (_ANY_GOES_ON.match(line) and not entry and not _ENTRY.search(line)
                  and _running(lines, k - 1, soft, width)):
                soft[k] = "space"
    return soft


_NUMBERED_ITEM = regex.compile(r"\d{1,2}[.)]\s+\S")


def _hanging_indents(lines: list[str], skip: set[int]) -> set[int]:
    """Lines indented under a list item that carry on its text, as hand-wrapped plain text and Markdown lists
    have (`1. Medlemslista. Når du blir med i koret, fører vi deg inn med namn, adresse,` / `   telefonnummer,
    e-post ...`): indented further than the item's mark, not an item or a table row of their own."""
    joined: set[int] = set()
    item_indent = None   # the indent of the item the lines below may carry on, None outside an item
    for k, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or k in skip or _CELLS.search(stripped):
            item_indent = None
            continue
        indent = len(line) - len(line.lstrip(" \t"))
        if item_indent is not None and indent > item_indent and not _NOT_GOING_ON.match(stripped):
            joined.add(k)
            continue
        item = _BULLET_LINE.match(stripped) or _DASH_ITEM.match(stripped) or _NUMBERED_ITEM.match(stripped)
        item_indent = indent if item else None
    return joined


def _opens_block(lines: list[str], k: int) -> bool:
    return k == 0 or not lines[k - 1].strip() or SENTENCE_END.search(lines[k - 1]) is not None


def _running(lines: list[str], k: int, soft: dict[int, str], width: int) -> bool:
    """Is line `k` of a hard-wrapped text running text: does it open a paragraph (after a blank line or a heading)
    or a sentence, or go on from the line before? A cell of a table flattened one cell a line does none of these
    (`Bokføring og rapportering ...` between `Avtale, art. 6 nr. 1 bokstav b` and `Rettslig forpliktelse`)."""
    if _opens_block(lines, k) or k in soft:
        return True
    before = lines[k - 1].strip()
    return bool(_HEADING_LIKE.match(before)) or (len(before) < 0.6 * width and _opens_block(lines, k - 1))


def normalize(raw: str) -> Normalized:
    """Clean text line by line: bullets to "- ", tab tables to ` | ` rows, hard-wrapped lines joined (also
    across a page break, and a list item's lines indented under it), spaces collapsed, furniture, page
    furniture and blank runs dropped."""
    chars, index, ends = _characters(raw)
    text = "".join(chars)
    text_lines = text.split("\n")
    tab_rows = _tab_tables(text_lines) if "\t" in text else set()
    breaks, pos = set(), 0
    if PAGE_BREAK in raw:
        for number, line in enumerate(text_lines[:-1], 1):
            pos += len(line) + 1
            if raw[index[pos - 1]] == PAGE_BREAK:
                breaks.add(number)
    gaps, after_gap = _page_gaps(text_lines, breaks)
    kept = [k for k in range(len(text_lines)) if k not in gaps]
    kept_lines = [text_lines[k] for k in kept]
    kept_tabs = {i for i, k in enumerate(kept) if k in tab_rows}
    soft = {kept[k]: how for k, how in _soft_breaks(kept_lines, kept_tabs).items()}
    hanging = {kept[k] for k in _hanging_indents(kept_lines, kept_tabs)} - set(soft)
    out: list[str] = []
    out_index: list[int] = []
    out_ends: list[int] = []
    pending_blank = False
    last = ""   # the last line written
    last_alone = False   # ... and it began a paragraph: a heading or label line when it ends no sentence
    pos = 0
    for number, line in enumerate(text_lines):
        line_start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if number in gaps or not stripped or is_furniture(stripped) or _BULLET_LINE.fullmatch(stripped):
            if not stripped and number not in gaps:   # else page furniture, furniture or a bullet with no text
                pending_blank = bool(out)
            continue
        alone = not out   # the line begins a paragraph
        if out:
            # a page break ends a paragraph or a heading line, not a table row or a sentence that runs on to
            # the next page
            pending_blank = pending_blank or (number in after_gap and (SENTENCE_END.search(last) is not None
                                                                       or (last_alone and _title_line(last))))
            sep = " " if number in soft or number in hanging else "\n\n" if pending_blank else "\n"
            alone = sep == "\n\n"
            if soft.get(number) == "hyphen" and out[-1] == "-":
                del out[-1], out_index[-1], out_ends[-1]   # the hyphen of the broken word
                sep = ""
            out.append(sep)
            out_index.extend([index[line_start - 1]] * len(sep))
            out_ends.extend([ends[line_start - 1]] * len(sep))
        pending_blank = False
        last, last_alone = stripped, alone
        lead = len(line) - len(line.lstrip())
        body_start = line_start + lead
        body = line.strip()
        marker = _BULLET_LINE.match(body) or _DASH_ITEM.match(body)
        if marker:
            out.append("- ")
            out_index.extend([index[body_start], index[body_start]])
            out_ends.extend([ends[body_start], ends[body_start]])
            body_start += marker.end()
            body = body[marker.end():]
        k = 0
        while k < len(body):
            if body[k] not in " \t":
                out.append(body[k])
                out_index.append(index[body_start + k])
                out_ends.append(ends[body_start + k])
                k += 1
                continue
            run_end = k
            while run_end < len(body) and body[run_end] in " \t":
                run_end += 1
            tab = body.find("\t", k, run_end)
            at = body_start + (tab if tab >= 0 else k)
            gap = " | " if tab >= 0 and number in tab_rows else " "
            out.append(gap)
            out_index.extend([index[at]] * len(gap))
            out_ends.extend([ends[at]] * len(gap))
            k = run_end
    normalized = "".join(out)
    out_index.append(len(raw))
    return Normalized(normalized, tuple(out_index), tuple(out_ends), wrapped=bool(soft))

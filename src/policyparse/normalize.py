"""Normalize extracted text and keep an offset map back to the text as ingested.

Every finding points into the normalized text; `Normalized.to_original` maps a span back, so a
reviewer can highlight it in the source. The normalizer's version is stored with sentence
annotations: bump it whenever the output for some input changes.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from .rules import load_rules

NORMALIZER_VERSION = "8"

# Characters replaced one-for-one (spaces, hyphens, quotes) or deleted (invisible characters).
_REPLACE = {
    **{c: " " for c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\x0b\x0c"},
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
_WRAP_START = regex.compile(r"\p{Ll}|\(\p{Ll}{2,}")       # `avtalen med deg`, `(bokstav c), mens ...`
_CELLS = regex.compile(r"\||\S {3,}\S")                    # a pipe row, or columns aligned with spaces
_NAME_END = regex.compile(r"\s\p{Lu}[\p{L}\d-]*$")           # `... bruker vi Google` / `Analytics til å lage`
_NAME_GOES_ON = regex.compile(r"\p{Lu}[\p{L}\d-]*\s+\p{Ll}")
_ELIDED = regex.compile(r"(?:og|eller|and|or)\b")
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
    dommerkurs` keeps it, with a space)."""
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    if len(lengths) < 5:
        return {}
    width = lengths[int(len(lengths) * 0.9)]
    if width < 50:
        return {}
    rows = _period_rows(lines)
    tabular = [k in skip or k in rows or _CELLS.search(line) is not None for k, line in enumerate(lines)]
    soft = {}
    for k in range(1, len(lines)):
        above, line = lines[k - 1].strip(), lines[k].strip()
        if not above or not line or tabular[k] or tabular[k - 1]:
            continue
        end = _WRAP_END.search(above)
        # a name the line above began goes on only inside a paragraph already seen to be wrapped, not in a
        # table of single-spaced rows (`... oppdragsarkiv Norge` / `Budportalen elektronisk budgivning Norge`)
        starts = _WRAP_START.match(line) or (k - 1 in soft and _NAME_END.search(above)
                                             and _NAME_GOES_ON.match(line))
        if len(above) < 0.6 * width or end is None or not starts:
            continue
        if (" " not in line and not line.endswith((".", "!", "?"))) or is_furniture(above):
            continue
        soft[k] = "hyphen" if end.group("hyphen") and not _ELIDED.match(line) else "space"
    return soft


def normalize(raw: str) -> Normalized:
    """Clean text line by line: bullets to "- ", tab tables to ` | ` rows, hard-wrapped lines joined,
    spaces collapsed, furniture and blank runs dropped."""
    chars, index, ends = _characters(raw)
    text = "".join(chars)
    text_lines = text.split("\n")
    tab_rows = _tab_tables(text_lines) if "\t" in text else set()
    soft = _soft_breaks(text_lines, tab_rows)
    out: list[str] = []
    out_index: list[int] = []
    out_ends: list[int] = []
    pending_blank = False
    pos = 0
    for number, line in enumerate(text_lines):
        line_start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if not stripped or is_furniture(stripped) or _BULLET_LINE.fullmatch(stripped):  # a bullet with no text
            if not stripped:
                pending_blank = bool(out)
            continue
        if out:
            sep = "\n\n" if pending_blank else " " if number in soft else "\n"
            if not pending_blank and soft.get(number) == "hyphen" and out[-1] == "-":
                del out[-1], out_index[-1], out_ends[-1]   # the hyphen of the broken word
                sep = ""
            out.append(sep)
            out_index.extend([index[line_start - 1]] * len(sep))
            out_ends.extend([ends[line_start - 1]] * len(sep))
        pending_blank = False
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

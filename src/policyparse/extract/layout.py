"""Layout units of a normalized policy text, shared by the extractors that pair statements with context.

- `units(doc)`: paragraphs, list items, numbered items and table-row lines (the unit a statement can
  close), as character spans;
- `lists(doc)`: runs of list items (`- `, `1.`, `a)`), with their item numbers, so `formål 1 og 3`
  or `punkt 1 til 9` can be resolved.
Tables are read by `policyparse.flat_tables`.

Conventions (see the extractor brief): blank line = paragraph break, list items start with `- `,
flattened table cells each sit on their own line, HTML rows arrive as `cell | cell`. In a text that was
not hard-wrapped (text copied from a web page, often with no blank lines at all), a line that ends a
sentence and a line that starts a new one are two paragraphs.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from ..sections import SENTENCE_END, text_blocks

ITEM = regex.compile(r"^(?:-\s|(?P<num>\d{1,2})[.)]\s|(?P<alpha>[a-z])\)\s)")
PIPE = " | "


@dataclass
class Line:
    start: int
    end: int
    text: str
    block: int


@dataclass
class Unit:
    start: int
    end: int
    kind: str  # paragraph, item, row, heading


@dataclass
class ListRun:
    items: list[tuple[int, int, int]]  # (number, start, end)

    @property
    def start(self) -> int:
        return self.items[0][1]

    @property
    def end(self) -> int:
        return self.items[-1][2]


def lines(text: str) -> list[Line]:
    """Non-blank lines with the number of their block (`sections.text_blocks`)."""
    return [Line(start, start + len(part), part, b)
            for b, block in enumerate(text_blocks(text)) for part, start in block]


def blocks(line_list: list[Line]) -> list[list[Line]]:
    """Lines grouped into their blocks (paragraphs between blank lines), in text order."""
    out: dict[int, list[Line]] = {}
    for ln in line_list:
        out.setdefault(ln.block, []).append(ln)
    return list(out.values())


def cached(doc, key, build):
    """`build()` once per document and key (layout results, and other per-document lookups)."""
    cache = doc.__dict__.setdefault("_layout_cache", {})
    if key not in cache:
        cache[key] = build()
    return cache[key]


def doc_lines(doc) -> list[Line]:
    return cached(doc, "lines", lambda: lines(doc.text))


def block_spans(doc) -> list[tuple[int, int]]:
    """(start, end) of each block of the text (`sections.text_blocks`), in text order."""
    return cached(doc, "block_spans", lambda: [(block[0].start, block[-1].end) for block in blocks(doc_lines(doc))])


def block_index(doc, offset: int) -> int:
    """The index in `block_spans` of the last block that starts at or before `offset` (-1: none)."""
    starts = cached(doc, "block_starts", lambda: [s for s, _ in block_spans(doc)])
    return bisect.bisect_right(starts, offset) - 1


def units(doc) -> list[Unit]:
    """Paragraph-like units in text order: a heading line, a list item, a table row, or a paragraph."""
    def build():
        out: list[Unit] = []
        prev: Line | None = None
        unwrapped = not doc.normalized.wrapped
        for ln in doc_lines(doc):
            heading = doc.is_heading_line(ln.start)
            item = bool(ITEM.match(ln.text))
            row = PIPE in ln.text
            new = (prev is None or ln.block != prev.block or heading or item or row
                   or (out and out[-1].kind in ("heading", "row", "item") and not _continues(prev, ln))
                   or (unwrapped and SENTENCE_END.search(prev.text) is not None and ln.text[:1].isupper()))
            if new:
                kind = "heading" if heading else "item" if item else "row" if row else "paragraph"
                out.append(Unit(ln.start, ln.end, kind))
            else:
                out[-1].end = ln.end
            prev = ln
        return out
    return cached(doc, "units", build)


def _continues(prev: Line, ln: Line) -> bool:
    """Does a line continue the list item above it (a wrapped line, not a new cell or label)?"""
    return bool(prev.text) and prev.text.rstrip()[-1:] not in ".:!?" and ln.text[:1].islower()


def unit_at(doc, offset: int) -> Unit | None:
    for u in units(doc):
        if u.start <= offset < u.end + 1:
            return u
    return None


def lists(doc) -> list[ListRun]:
    """Runs of list items; items may be separated by blank lines but by no other text."""
    def build():
        runs: list[ListRun] = []
        current: list[tuple[int, int, int]] = []
        for u in units(doc):
            if u.kind == "item":
                m = ITEM.match(doc.text[u.start:u.end])
                number = int(m.group("num")) if m.group("num") else \
                    (ord(m.group("alpha")) - 96 if m.group("alpha") else len(current) + 1)
                if current and m.group("num") and number == 1:
                    runs.append(ListRun(current))
                    current = []
                current.append((number if m.group("num") or m.group("alpha") else len(current) + 1, u.start, u.end))
            else:
                if current:
                    runs.append(ListRun(current))
                    current = []
        if current:
            runs.append(ListRun(current))
        return runs
    return cached(doc, "lists", build)


def list_after(doc, offset: int) -> ListRun | None:
    """The list that starts right after the unit containing offset (a lead-in and its list)."""
    u = unit_at(doc, offset)
    if u is None:
        return None
    following = [x for x in units(doc) if x.start > u.end]
    if following and following[0].kind == "item":
        for run in lists(doc):
            if run.start == following[0].start:
                return run
    return None


def lead_in_line(doc, start: int) -> str:
    """The line that introduces the text at start: the line above it, or for a list item the line
    above its list (`Du har rett til:` / `Behandlingsgrunnlaget er:`); '' at the start of the text."""
    text = doc.text
    is_item = bool(ITEM.match(text[start:start + 5]))
    pos = text.rfind("\n", 0, start) + 1
    while pos > 0:
        prev_end = pos - 1
        prev_start = text.rfind("\n", 0, prev_end) + 1
        line = text[prev_start:prev_end].strip()
        pos = prev_start
        if not line:
            continue
        if is_item and ITEM.match(line):
            continue
        return line
    return ""


def line_span(text: str, offset: int) -> tuple[int, int]:
    """Start and end of the line holding `offset`."""
    line_end = text.find("\n", offset)
    return text.rfind("\n", 0, offset) + 1, (len(text) if line_end < 0 else line_end)


def pipe_row(text: str, offset: int) -> tuple[int, list[str], list[str]] | None:
    """For the `cell | cell` line holding `offset`: (its start, its cells, the header cells: those of the
    first line of its run of `|` lines), cells as written; None when the line is no row or the header."""
    line_start, line_end = line_span(text, offset)
    line = text[line_start:line_end]
    if PIPE not in line:
        return None
    header_start = line_start
    while header_start > 0:
        prev_start = text.rfind("\n", 0, header_start - 1) + 1
        if PIPE not in text[prev_start:header_start - 1]:
            break
        header_start = prev_start
    if header_start == line_start:
        return None
    return line_start, line.split(PIPE), text[header_start:text.find("\n", header_start)].split(PIPE)

"""Find headings and build the section tree of a normalized policy text.

A heading is a line that titles the text below it (FIELDS.md, "Sections and headings"): numbered
(`1`, `1.1`, `3.`, `a)`, `1. i)`), a short unnumbered line without a final full stop, or an HTML /
Markdown heading. Lines are judged with their neighbours, because the same short line is a heading
when it stands alone above a paragraph and a table cell when it sits among other short lines.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

NUMBERED = regex.compile(
    r"^(?P<num>(?:\d{1,2}(?:\.\d{1,2})*\.?(?:\s*[a-z]\)|\s*[ivx]{1,4}\))?|[a-z]\)|[ivx]{1,4}\)|[A-Z]\.))"
    r"\s+(?P<title>\p{Lu}.*)$")
TOC_LABELS = {"innhold", "innholdsfortegnelse", "på denne sida", "på denne siden", "innhald",
              "table of contents", "contents", "hopp til"}
RUN_ON_ENDINGS = {"er", "som", "til", "å", "og", "for", "med", "av", "om", "at", "i", "på", "blant"}
KEY_VALUE = regex.compile(r"^[\p{L}][\p{L} ./-]{1,30}:\s+\S")
METADATA = regex.compile(r"^(sist\s+(oppdatert|endret|endra)|oppdatert|publisert|gyldig\s+fra|gjeldende\s+fra|versjon)\b",
                         regex.I)
SENTENCE_START = regex.compile(r"^(Vi|Du|Dette|Det|Eg|Me|De|Dei)\s")
MAX_WORDS = 14
MAX_WORDS_NUMBERED = 22


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


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    offset = 0
    for b, block in enumerate(text.split("\n\n")):
        parts = block.split("\n")
        pos_in_block = offset
        for k, part in enumerate(parts):
            lines.append(_Line(part, pos_in_block, pos_in_block + len(part), b, k, len(parts)))
            pos_in_block += len(part) + 1
        offset += len(block) + 2
    return lines


def _body_like(line: str) -> bool:
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
    if line[-1] in ".,;:" or len(words) > MAX_WORDS or len(line) > 120:
        return False
    if KEY_VALUE.match(line) or METADATA.match(line):
        return False
    if SENTENCE_START.match(line) and len(words) >= 5 and not line.endswith("?"):
        return False
    if not any(c.isalpha() for c in line) or len(line) < 3:
        return False
    return True


def _is_heading(lines: list[_Line], i: int) -> bool:
    ln = lines[i]
    text = ln.text
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    prev = lines[i - 1] if i > 0 else None
    m = _numbered(text)
    if m:
        title = m.group("title")
        if title[-1] in ".,;" or len(text) > 150:
            return False
        if any(0 <= j < len(lines) and lines[j].block == ln.block and NUMBERED.match(lines[j].text)
               for j in (i - 1, i + 1)):
            return False  # a numbered list, not headings
        return nxt is not None
    if not _shape_ok(text) or nxt is None:
        return False
    if text.lower() in TOC_LABELS:
        return False
    if ln.block_len == 1:
        if not _leads_to_body(lines, i):
            return False  # a label among labels: contact tables, footers, badges
        if nxt.text.startswith("- ") and text.split()[-1].lower() in RUN_ON_ENDINGS:
            return False  # runs on into the list below
        if text.isupper() and len(text.split()) == 1 and nxt.block_len == 1 and _shape_ok(nxt.text):
            return False  # a small label line above the title
        return True
    if ln.pos == 0:
        return _body_like(nxt.text) and len(text) < len(nxt.text)
    two_words = len(text.split()) >= 2
    if ln.pos == ln.block_len - 1:
        row_above = prev is not None and (prev.text.startswith("- ") or prev.text[:1].isdigit()) \
            and not text[:1].isdigit()
        return two_words and prev is not None and (prev.text.rstrip()[-1:] in ".!?" or row_above) \
            and _body_like(nxt.text)
    return two_words and prev is not None and prev.text.rstrip()[-1:] in ".!?" and _body_like(nxt.text) \
        and len(text) < 80


def _leads_to_body(lines: list[_Line], i: int, horizon: int = 12) -> bool:
    """Do the short lines after line i end in body text or a list (not in key: value rows or the end)?"""
    for j in range(i + 1, min(i + 1 + horizon, len(lines))):
        text = lines[j].text
        if _body_like(text) or text.startswith("- ") or _numbered(text):
            return True
        if KEY_VALUE.match(text):
            return False
    return False


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
    marked = {(s, e): lvl for s, e, lvl in structural or []}
    marked_starts = {s: lvl for (s, _), lvl in marked.items()}
    sections: list[Section] = []
    toc_block = -1
    last_numbered_level = 0
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
            level = max(marked_starts[ln.start] - 1, 0)
            number = m.group("num").strip() if (m := NUMBERED.match(t)) else None
        elif _is_heading(lines, i):
            m = _numbered(t)
            number = m.group("num").strip() if m else None
            if number:
                level = _level_of_number(number)
                last_numbered_level = level
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

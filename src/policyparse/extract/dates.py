"""`last_updated`: the date the policy says it was last changed.

Candidates are dates right after an update cue (`Sist oppdatert`, `Oppdatert`, `revisjonsdato`,
`Gjeldende fra`, `ble gjort`), and dates that open the entries of a change log or version table
(a section headed `Endringslogg`, `Endringer ...`, `Versjon`), a line that is only a version and its date
(`Versjon 2.4, mars 2025`), and a line that is only a date among the last lines of the text (`Desember 2023`).
The newest candidate wins. A month without a day is the first of that month; a relative date (`over en uke
siden`) is no date.
"""
from __future__ import annotations

import datetime as dt

import regex

from . import Extraction

MONTHS = {"januar": 1, "jan": 1, "februar": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4, "mai": 5,
          "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9,
          "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "desember": 12, "des": 12,
          "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "october": 10,
          "oct": 10, "december": 12, "dec": 12}
MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE = regex.compile(  # a date is a whole token: no month inside a word (`Misund-Asphaug 2015`)
    rf"(?<![\p{{L}}\d])(?:(?P<iso>(?P<y1>(?:19|20)\d\d)-(?P<m1>[01]?\d)-(?P<d1>[0-3]?\d))"
    rf"|(?P<num>(?P<d2>[0-3]?\d)[./](?P<m2>[01]?\d)[./](?P<y2>(?:19|20)\d\d))"
    rf"|(?P<long>(?:(?P<d3>[0-3]?\d)\.?\s+)?(?P<mon>{MONTH})\.?\s+(?P<y3>(?:19|20)\d\d)))(?!\d)",
    regex.I)
CUE = regex.compile(
    r"(sist\s+(?:oppdatert|endret|endra|revidert|oppdatert\s+den)|oppdatert(?:\s+den)?|revisjonsdato|revidert"
    r"|gjeldende\s+fra|gjeld\s+frå|gyldig\s+fra|endret|versjon\s+(?:av|fra)|ble\s+gjort|vart\s+gjord|dato"
    r"|last\s+updated|effective\s+date)\b[^\n]{0,40}?$", regex.I)
LOG_HEADING = regex.compile(r"endringslogg|endringer|endringar|versjon|historikk|oppdateringer|change\s*log", regex.I)
VERSION_LINE = regex.compile(  # `Versjon 2.4, mars 2025`: a line that is only a version number and its date
    rf"^(?:versjon|version|utgåve|utgave|revisjon|rev\.?)\s*v?\d+(?:\.\d+)*\s*[,:;–—-]?\s*"
    rf"(?:av\s+|frå\s+|fra\s+)?(?:{DATE.pattern})\s*\.?\s*$", regex.I)
SENTENCE_BREAK = regex.compile(r"(?<=[.!?])\s+(?=\S)")  # between two sentences
BARE_DATE_LINE = regex.compile(rf"^(?:{DATE.pattern})\s*\.?\s*$", regex.I)  # `Desember 2023` closing the text
CLOSING_LINES = 3
LOG_ENTRY = regex.compile(rf"^(?:- )?(?:\d+(?:\.\d+)*\s+(?:\|\s+)?)?(?:{DATE.pattern})", regex.I)  # "1.1 | 04.12.2019"


def parse_date(m: regex.Match) -> dt.date | None:
    try:
        if m.group("iso"):
            return dt.date(int(m.group("y1")), int(m.group("m1")), int(m.group("d1")))
        if m.group("num"):
            return dt.date(int(m.group("y2")), int(m.group("m2")), int(m.group("d2")))
        day = int(m.group("d3")) if m.group("d3") else 1
        return dt.date(int(m.group("y3")), MONTHS[m.group("mon").lower()], day)
    except (ValueError, KeyError):
        return None


def _intro_line(text: str, line_start: int) -> str:
    """The nearest line above that is not blank and not another dated entry (the line a list hangs from)."""
    pos = line_start
    while pos > 0:
        prev_start = text.rfind("\n", 0, pos - 1) + 1
        line = text[prev_start:pos].strip()
        pos = prev_start
        if line and not LOG_ENTRY.match(line):
            return line
    return ""


def _closing_line_starts(text: str) -> set[int]:
    """Starts of the last few non-blank lines of the text."""
    starts, end = [], len(text.rstrip())
    while end > 0 and len(starts) < CLOSING_LINES:
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip():
            starts.append(start)
        end = start - 1
    return set(starts)


def candidates(doc):
    """(date, start, end, method) for every date stated as a change date."""
    text = doc.text
    closing = _closing_line_starts(text)
    out = []
    for m in DATE.finditer(text):
        date = parse_date(m)
        if date is None or date.year < 1995:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[line_start:m.start()]
        prev_line = _intro_line(text, line_start)
        if CUE.search(SENTENCE_BREAK.split(before)[-1]):   # the cue in the date's own sentence
            out.append((date, m.start(), m.end(), "last_updated.cue"))
            continue
        line_end = text.find("\n", m.end())
        line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
        if VERSION_LINE.match(line):
            out.append((date, m.start(), m.end(), "last_updated.version_line"))
            continue
        if line_start in closing and BARE_DATE_LINE.match(line):
            out.append((date, m.start(), m.end(), "last_updated.closing_line"))
            continue
        sec = doc.section_at(m.start())
        in_log = sec is not None and LOG_HEADING.search(sec.heading)
        after_cue_line = prev_line.endswith(":") and CUE.search(prev_line.rstrip(":"))
        if (in_log or after_cue_line or (sec and regex.match(r"versjon\s+dato", text[line_start:], regex.I))) \
                and LOG_ENTRY.match(text[line_start:m.end()]):
            out.append((date, m.start(), m.end(), "last_updated.change_log"))
        elif LOG_ENTRY.match(text[line_start:m.end()]) and regex.search(r"^(?:- )?\d+\.\d+\s", text[line_start:m.start()]) \
                and regex.search(r"versjon|version", text[max(0, line_start - 300):line_start], regex.I):
            out.append((date, m.start(), m.end(), "last_updated.version_table"))
    return out


def extract(doc, fields) -> Extraction:
    found = candidates(doc)
    if not found:
        return Extraction({"last_updated": None})
    date, start, end, method = max(found, key=lambda c: (c[0], -c[1]))
    finding = doc.finding("last_updated", date.isoformat(), start, end, method, 0.9)
    return Extraction({"last_updated": date.isoformat()}, [finding])

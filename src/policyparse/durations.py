"""Durations in Norwegian (bokmål, nynorsk) and English: `5 år`, `tolv månadar`, `24 timar`,
`et halvt år`, `3–5 år`, `2 til 6 måneder`, `1 minutt`, `2 years`.

`find_durations(text)` yields every duration with its value in days (FIELDS.md factors: year 365,
month 30, week 7, day 1, hour 1/24, minute 1/1440); a range yields one `Duration` per end.
`cell=True` reads a table cell or a cookie-database field, where abbreviations (`24 h`, `30 min`)
and English article numbers (`a year`) are allowed; in running text they are not.
Used by the cookie extractor (lifetime cells) and the retention extractor.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from .rules import RulesError, load_json


@dataclass(frozen=True)
class Duration:
    start: int          # offsets of the whole expression (both ends of a range share them)
    end: int
    text: str
    amount: float
    unit: str           # year, month, week, day, hour, minute, second
    days: float
    qualifier: str      # inntil, maks, minst, i, etter, ... ('' when none)
    genitive: bool      # `5 års`, `30 dagers`: modifies the next noun
    in_range: bool


def round_days(days: float) -> float | int:
    """An int when whole (`2 år` -> 730), else rounded to 4 decimals (`1 minutt` -> 0.0007)."""
    r = round(days, 4)
    return int(round(r)) if abs(r - round(r)) < 1e-9 else r


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    data = load_json("durations.json")
    required = {"unit_days", "units", "genitive_units", "number_words", "english_only_numbers", "english_units",
                "abbreviated_units", "half_words", "session", "compound_tens", "compound_ones", "article_units",
                "description"}
    if missing := required - set(data):
        raise RulesError(f"durations.json: missing keys {sorted(missing)}")
    if unknown := set(data) - required:
        raise RulesError(f"durations.json: unknown keys {sorted(unknown)}")
    units = set(data["unit_days"])
    for key in ("units", "genitive_units"):
        for form, unit in data[key].items():
            if unit not in units:
                raise RulesError(f"durations.json: {key}[{form!r}] = {unit!r} is no unit")
    if unknown := set(data["article_units"]) - set(data["units"]):
        raise RulesError(f"durations.json: article_units {sorted(unknown)} are no unit forms")
    # compound number words: `tjueein`, `førtifem`, `trettiseks` (tens + ones, written as one word)
    numbers = dict(data["number_words"])
    for tens, t in data["compound_tens"].items():
        for ones, o in data["compound_ones"].items():
            numbers.setdefault(tens + ones, t + o)
    data["number_words"] = numbers
    return data


def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=2)
def _pattern(cell: bool) -> regex.Pattern:
    lex = _lexicon()
    units = dict(lex["units"])
    numbers = dict(lex["number_words"])
    if not cell:
        for form in lex["abbreviated_units"]:
            if form not in ("mnd", "mnd.", "min", "min.", "mndr", "mndr."):
                units.pop(form, None)
        for form in ("a", "an", "one"):
            numbers.pop(form, None)
    unit = _alt(list(units) + list(lex["genitive_units"]))
    word = _alt(numbers)
    num = rf"(?:\d+(?:[.,]\d+)?|(?:{word}))"
    half = _alt(lex["half_words"])
    qual = (r"(?:(?:i\s+)?(?:inntil|opptil|opp\s+til|maks(?:imalt|imum)?\.?|minst|minimum|minimalt|ca\.?|cirka|omtrent"
            r"|rundt|om\s+lag|senest|seinast|innen|innan|i\s+løpet\s+av|i\s+løpet\s+av|up\s+to|at\s+least|at\s+most"
            r"|max(?:imum)?\.?|for)|i|etter|på|over|under|fra|frå|til|in|after)")
    return regex.compile(
        rf"(?<![\w.,\-–])(?:(?P<qual>{qual})\s+)?"
        rf"(?:(?P<whole>{num})\s+og\s+(?:(?:et|eit|ei|en|ein)\s+)?(?P<half1>halvt|halv)\s+"
        rf"|(?P<half2>{half})\s+"
        rf"|(?:(?:et|eit|ett|eitt|ei|en|ein|a)\s+)(?P<half3>halvt|halv|half(?:\s+an?)?)\s+"
        rf"|mellom\s+(?P<b1>{num})\s+og\s+(?P<b2>{num})\s+"
        rf"|(?P<r1>{num})\s*(?:[–—-]|\s(?:til|to|à)\s)\s*(?P<r2>{num})\s*"
        rf"|(?P<o1>{num})\s+(?:eller|or)\s+(?P<o2>{num})\s*"
        rf"|(?P<n>{num})(?:\s*\(\s*(?P<n2>{num})\s*\))?\s*)"
        rf"(?P<unit>{unit})(?![\w\-])",
        regex.I)


def _number(token: str) -> float | None:
    token = token.lower().replace(",", ".")
    try:
        return float(token)
    except ValueError:
        return _lexicon()["number_words"].get(token)


def _unit(form: str) -> tuple[str, bool] | None:
    lex = _lexicon()
    form = form.lower()
    if form in lex["units"]:
        return lex["units"][form], False
    if form in lex["genitive_units"]:
        return lex["genitive_units"][form], True
    return None


# a word broken over two lines with a hyphen, as PDF texts print it (`slettes etter 30 da-` / `ger`)
SOFT_BREAK = regex.compile(r"(?<=\p{Ll})-\n(?=\p{Ll})")


def find_durations(text: str, cell: bool = False, offset: int = 0) -> list[Duration]:
    """Every duration in `text`; offsets are shifted by `offset`. A unit broken over two lines with a
    hyphen (`30 da-\nger`) is read joined; the offsets stay those of `text`, `Duration.text` is joined."""
    if "-\n" not in text:
        return _find_durations(text, cell, offset)
    keep = [True] * len(text)
    for m in SOFT_BREAK.finditer(text):
        keep[m.start()] = keep[m.start() + 1] = False
    if all(keep):
        return _find_durations(text, cell, offset)
    index = [i for i, k in enumerate(keep) if k]
    joined = "".join(text[i] for i in index)
    return [replace(d, start=offset + index[d.start], end=offset + index[d.end - 1] + 1)
            for d in _find_durations(joined, cell, 0)]


def _find_durations(text: str, cell: bool, offset: int) -> list[Duration]:
    lex = _lexicon()
    out: list[Duration] = []
    for m in _pattern(cell).finditer(text):
        unit_form = m.group("unit").lower()
        parsed = _unit(unit_form)
        if parsed is None:
            continue
        unit, genitive = parsed
        english_unit = unit_form in lex["english_units"]
        start, qual, in_range = m.start(), m.group("qual") or "", False
        if m.group("half1"):
            whole = _number(m.group("whole"))
            amounts = [None if whole is None else whole + 0.5]
        elif m.group("half2"):
            amounts = [lex["half_words"][m.group("half2").lower()]]
        elif m.group("half3"):
            amounts = [0.5]
        elif m.group("b1"):
            amounts, in_range = [_number(m.group("b1")), _number(m.group("b2"))], True
        elif m.group("o1"):
            # `3 eller 5 år`: either period (both count, like the ends of a range)
            a, b = _number(m.group("o1")), _number(m.group("o2"))
            if a is None or b is None or a >= b or m.group("o1")[0].isdigit() != m.group("o2")[0].isdigit():
                amounts, start, qual = [b], m.start("o2"), ""
            else:
                amounts, in_range = [a, b], True
        elif m.group("r1"):
            a, b = _number(m.group("r1")), _number(m.group("r2"))
            sep = text[m.end("r1"):m.start("r2")].strip().lower()
            digits = m.group("r1")[0].isdigit() and m.group("r2")[0].isdigit()
            if a is None or b is None or a >= b or (sep == "to" and not digits):
                # not a range (`2025-2 år`, `ett to år`): the last number alone
                amounts, start, qual = [b], m.start("r2"), ""
            else:
                amounts, in_range = [a, b], True
        else:
            word = m.group("n").lower()
            is_digit = word[0].isdigit()
            if unit_form in lex["abbreviated_units"] and not is_digit:
                continue
            if english_unit and not is_digit and word not in lex["english_only_numbers"]:
                continue
            if not english_unit and word in lex["english_only_numbers"]:
                continue
            if not cell and not qual and unit_form in lex["article_units"] and word in ARTICLES:
                continue  # `når en time står tom`: an appointment, no hour
            amounts = [_number(m.group("n2")) if m.group("n2") else _number(word)]
        if any(a is None for a in amounts):
            continue
        if genitive and regex.match(r"\s+tid(?!\p{L})", text[m.end():]):
            genitive = False  # `i fem års tid` = `i fem år`
        for a in amounts:
            out.append(_make(text, m, start, unit, a, genitive, in_range, offset, qual))
    return _compound(text, out, offset)


ARTICLES = frozenset({"en", "ein", "ei", "et", "eit"})
UNIT_ORDER = ["year", "month", "week", "day", "hour", "minute", "second"]


# `lagres i henholdsvis to år og ett døgn`: two periods for two things, not one sum
RESPECTIVELY = regex.compile(r"\b(?:henholdsvis|høvesvis|respektive|respectively)\b[^.;:\n]*$", regex.I)


def _compound(text: str, found: list[Duration], offset: int) -> list[Duration]:
    """Join `1 år 1 måned 4 dager` / `1 år og 6 månader` (units falling, nothing but spaces, commas
    or `og` between) into one duration with the days added up."""
    out: list[Duration] = []
    for d in found:
        prev = out[-1] if out else None
        if (prev is not None and not prev.in_range and not d.in_range and not prev.genitive and not d.qualifier
                and not RESPECTIVELY.search(text[max(0, prev.start - offset - 60):prev.start - offset])
                and UNIT_ORDER.index(d.unit) > UNIT_ORDER.index(prev.unit)
                and regex.fullmatch(r"\s*(?:,|og|and)?\s*", text[prev.end - offset:d.start - offset], regex.I)):
            out[-1] = Duration(prev.start, d.end, text[prev.start - offset:d.end - offset], prev.amount, prev.unit,
                               prev.days + d.days, prev.qualifier, d.genitive, False)
            continue
        out.append(d)
    return out


def _make(text, m, start, unit, amount, genitive, in_range, offset, qual) -> Duration:
    days = amount * _lexicon()["unit_days"][unit]
    return Duration(start + offset, m.end() + offset, text[start:m.end()], amount, unit, days,
                    " ".join(qual.lower().split()), genitive, in_range)


@lru_cache(maxsize=1)
def _session() -> regex.Pattern:
    return regex.compile(_lexicon()["session"], regex.I)


def is_session(cell: str) -> bool:
    """`Sesjon`, `Session`, `Pr økt`, `Utløper når nettleseren lukkes`: a session lifetime, no period."""
    return bool(_session().match(cell.strip()))


def lifetime_days(cell: str) -> float | int | None:
    """Days of a lifetime cell (`2 år`, `24 timar`, `13 months`), None for session or no period.

    A cell with several durations (`1 år / 2 år`) gives the longest one."""
    if not cell or is_session(cell):
        return None
    found = [d for d in find_durations(cell, cell=True) if not d.genitive]
    if not found:
        return None
    return round_days(max(d.days for d in found))

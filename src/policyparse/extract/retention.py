"""`retention`: concrete storage periods of personal data or cookies; `retention_unspecified`.

Periods come from these places (the finding's `method` says which):
- `retention.table_lifetime`: the lifetime column (`Varighet`, `Lengd`, `Utløper`, `Lagringstid`,
  `Expiry` ...) of a table read by `policyparse.flat_tables` (the same parse the cookie extractor
  uses). `Sesjon`, `Session`, `Pr økt` and `Permanent` are no period. A cookie table gives
  `applies_to = "cookie"` and `about` = the cookie of the row; other tables give `data`.
- `retention.sentence`: a duration (`policyparse.durations`: digits or number words, bokmål,
  nynorsk and English units, ranges, `et halvt år`) in a sentence that speaks of storage
  (`lagres`, `lagrast`, `slettes etter`, `oppbevares`, `beholdes`, `lagringstid`, `utløpstid`,
  `levetid`, `slettes`, `er borte`, `fjernes` ...), or of a cookie's lifetime in a cookie paragraph
  (`gyldig i`, `huskes i`), or any sentence of a section about storage (`Lagring og sletting`, `Hvor
  lenge lagrer vi ...`).
  Not retention (`resources/retention.json`): deadlines for answering requests (`senest innen 30
  dager`, `svarer innen én måned`), notice, cancellation and complaint periods, ages (`barn under
  16 år`, `18 år gammel`), times ago (`en uke siden`), schedules (`2 ganger per måned`), genitives
  that modify another noun (`14 dagers angrefrist`).
- `retention.previous_sentence`: a duration in a sentence that points back (`Det skjer senest etter tolv
  måneder`, `Dei vert verande der i tre år`) to a storage sentence right before it in the same paragraph
  (`Vi sletter henvendelsen.`).
A range gives both ends (`2 til 6 måneder` -> 60 and 180). Each period (in days) is reported once
per document, at its first mention.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..durations import Duration, find_durations, is_session, round_days
from ..flat_tables import tables_of
from ..rules import RulesError, load_json
from . import Extraction
from .cookies import context_headings, patterns as cookie_patterns, split_names, table_kind, token_ok
from .layout import unit_at

KEYS = ("storage_cue", "cookie_cue", "storage_noun", "retention_heading", "response_cue", "notice_cue",
        "frequency_cue", "deadline_before", "age_before", "age_weak", "age_after", "after_not", "unspecified",
        "data_word", "active_verb", "passive_verb", "about_leading_filler", "about_adverbial_start",
        "about_trailing_aux", "about_lifetime_of", "about_up_to_period", "back_reference")


@lru_cache(maxsize=1)
def lexicon() -> dict[str, regex.Pattern]:
    data = load_json("retention.json")
    if missing := (set(KEYS) | {"pronouns"}) - set(data):
        raise RulesError(f"retention.json: missing keys {sorted(missing)}")
    if unknown := set(data) - set(KEYS) - {"description", "pronouns"}:
        raise RulesError(f"retention.json: unknown keys {sorted(unknown)}")
    try:
        return {k: regex.compile(data[k], regex.I) for k in KEYS}
    except regex.error as exc:
        raise RulesError(f"retention.json: bad pattern: {exc}") from exc


@dataclass
class Candidate:
    duration: Duration
    applies_to: str
    about: str | None
    method: str
    confidence: float


@lru_cache(maxsize=1)
def pronouns() -> frozenset[str]:
    return frozenset(w.lower() for w in load_json("retention.json")["pronouns"])


def _clean_about(candidate: str) -> str | None:
    candidate = lexicon()["about_leading_filler"].sub("", candidate.strip(" ,.-–")).strip(" ,.-–")
    candidate = regex.sub(r"^(?:ikke|ikkje|aldri)\s+", "", candidate, flags=regex.I)
    candidate = regex.sub(r"^(?:(?:\w+\s+)?(?:vil|kan|skal)\s+(?:vi|me)\s+|(?:vi|me)\s+(?:vil|kan|skal)?\s*)", "",
                          candidate, flags=regex.I).strip()
    words = candidate.split()
    if not words or len(words) > 10 or words[0].lower() in pronouns() and len(words) <= 2:
        return None
    return candidate


def _about_data(sentence: str, rel: int) -> str | None:
    """What a sentence keeps for the period at `rel`: the subject of a passive verb, the object of an
    active one (`Regnskapsmessige data (fakturaer) beholdes i 5 år` -> `Regnskapsmessige data (fakturaer)`,
    `Ved oppsigelse beholdes data i 30 dager` -> `data`)."""
    lex = lexicon()
    named = lex["about_lifetime_of"].search(sentence[:rel])
    if named:
        return _clean_about(named.group("what"))
    clause_start = 0
    for m in regex.finditer(r"[;:]|,\s+(?:mens|men|og|samt)\s|\.\s|\s(?:mens|medan)\s", sentence[:rel]):
        clause_start = m.end()
    clause = regex.sub(r"^\s*-\s+", "", sentence[clause_start:rel])
    verb = lex["passive_verb"].search(clause)
    if verb:
        subject = lex["about_trailing_aux"].sub("", clause[:verb.start()].strip())
        if subject and lex["about_adverbial_start"].match(subject):
            # verb second: `Ved avslutning ... vil registrerte personopplysninger bli slettet`
            inverted = regex.search(r"\s(?:vil|kan|skal|må|bør|blir|vert)\s+(.+)$", subject, regex.I)
            subject = lex["about_trailing_aux"].sub("", inverted.group(1)) if inverted else ""
        if subject:
            return _clean_about(subject)
    else:
        verb = lex["active_verb"].search(clause)
        if not verb:
            return None
    after = clause[verb.end():].strip()
    return _clean_about(lex["about_up_to_period"].split(after, maxsplit=1)[0])


def _is_cookie_sentence(doc, sentence: str, offset: int, cookie_names: list[str]) -> tuple[bool, str | None]:
    for name in cookie_names:
        if regex.search(rf"(?<![\w-]){regex.escape(name)}(?![\w-])", sentence):
            return True, name
    pats = cookie_patterns()
    lex = lexicon()
    text = doc.text
    block_start = text.rfind("\n\n", 0, offset)
    block_start = 0 if block_start < 0 else block_start
    if not lex["data_word"].search(sentence):
        # an entry `_ga` / `Skiller brukere ... Utløper etter 2 år`: the cookie named above in the block
        last = None
        for name in cookie_names:
            for m in regex.finditer(rf"(?<![\w-]){regex.escape(name)}(?![\w-])", text[block_start:offset]):
                if last is None or m.start() > last[0]:
                    last = (m.start(), name)
        if last is not None:
            return True, last[1]
    if pats["cookie"].search(sentence) and not pats["storage"].search(sentence):
        return True, None
    if lex["data_word"].search(sentence):
        return False, None
    if any(pats["cookie"].search(h) for h in context_headings(doc, offset)):
        return True, None
    # a lifetime line in a paragraph about cookies (`Vi bruker informasjonskapsler. Utløpstid: 1 år.`)
    block = text[block_start:offset]
    if pats["cookie"].search(block) and not pats["storage"].search(block):
        return True, None
    return False, None


def _nearest_cue(sentence: str, start: int, end: int) -> str | None:
    """Which cue (storage, response, notice) stands nearest to the period at [start, end)?"""
    lex = lexicon()
    best, best_dist = None, None
    for kind in ("storage", "response", "notice"):
        for m in lex[f"{kind}_cue"].finditer(sentence):
            if m.start() < end and m.end() > start:
                continue
            dist = start - m.end() if m.end() <= start else m.start() - end
            if best_dist is None or dist < best_dist:
                best, best_dist = kind, dist
    return best


def _reject(text: str, d: Duration, sentence: str, s0: int) -> bool:
    """Is this duration a deadline, an age, a time ago or a schedule rather than a storage period?"""
    lex = lexicon()
    rel = d.start - s0
    left = sentence[:rel] + (" " if rel else "") + (d.qualifier + " " if d.qualifier else "")
    right = text[d.end:d.end + 40]
    if lex["age_after"].match(right) or lex["after_not"].match(right):
        return True
    if lex["age_before"].search(left):
        return True
    if lex["age_weak"].search(left) and not lex["storage_cue"].search(sentence):
        return True
    if d.unit == "year" and d.qualifier in ("under", "over"):
        word_before = regex.search(r"(\w+)\s*$", sentence[:rel])
        if not word_before or word_before.group(1).lower() not in ("i", "for", "på", "til"):
            return True
    if d.qualifier in ("innen", "innan", "i løpet av", "senest", "seinast") or lex["deadline_before"].search(left):
        if not lex["storage_cue"].search(sentence) or lex["response_cue"].search(sentence) \
                or _nearest_cue(sentence, rel, d.end - s0) != "storage":
            return True
    if (lex["response_cue"].search(sentence) or lex["notice_cue"].search(sentence)) \
            and _nearest_cue(sentence, rel, d.end - s0) not in ("storage", None):
        return True
    if d.genitive and not lex["storage_noun"].match(right):
        return True
    return False


def _storage_before(doc, sent) -> bool:
    """Does the sentence point back (`Det skjer etter ...`) to a storage sentence right before it in the
    same paragraph (`Vi sletter henvendelsen.`)?"""
    lex = lexicon()
    if not lex["back_reference"].search(sent.text) or sent.start_char == 0:
        return False
    prev = doc.sentence_at(sent.start_char - 1)
    if prev is None or doc.is_heading_line(prev.start_char) or unit_at(doc, prev.start_char) is not unit_at(
            doc, sent.start_char):
        return False
    return bool(lex["storage_cue"].search(prev.text)) and not lex["response_cue"].search(prev.text) \
        and not lex["notice_cue"].search(prev.text)


def _sentence_candidates(doc, fields, skip: list[tuple[int, int]]) -> list[Candidate]:
    lex = lexicon()
    text = doc.text
    cookie_names = [c["name"] for c in fields.get("cookies", [])]
    out = []
    for d in find_durations(text):
        if any(s <= d.start < e for s, e in skip):
            continue
        sent = doc.sentence_at(d.start)
        if sent is None:
            continue
        sentence, s0 = sent.text, sent.start_char
        if _reject(text, d, sentence, s0):
            continue
        is_cookie, cookie_name = _is_cookie_sentence(doc, sentence, d.start, cookie_names)
        storage = lex["storage_cue"].search(sentence) is not None or (is_cookie and lex["cookie_cue"].search(sentence))
        in_retention_section = any(lex["retention_heading"].search(h) for h in context_headings(doc, d.start)) \
            and not doc.is_heading_line(d.start)
        if d.genitive or cookie_name is not None:
            # a period in a sentence or list item naming a cookie is that cookie's lifetime
            storage = True
        if not storage:
            if lex["response_cue"].search(sentence) or lex["notice_cue"].search(sentence) \
                    or lex["frequency_cue"].search(sentence):
                continue
            if in_retention_section:
                method, confidence = "retention.section", 0.7
            elif _storage_before(doc, sent):
                method, confidence = "retention.previous_sentence", 0.75
            else:
                continue
        else:
            method, confidence = "retention.sentence", 0.85
        about = cookie_name if is_cookie else _about_data(sentence, d.start - s0)
        out.append(Candidate(d, "cookie" if is_cookie else "data", about, method, confidence))
    return out


def _table_candidates(doc) -> tuple[list[Candidate], list[tuple[int, int]]]:
    out, cells = [], []
    for table in tables_of(doc):
        if not table.has("lifetime"):
            continue
        kind = table_kind(doc, table)
        for row in table.rows:
            cell = row.cells.get("lifetime")
            if cell is None:
                continue
            cells.append((cell.start, cell.end))
            if is_session(cell.text) or cookie_patterns()["storage"].search(cell.text):
                continue
            label = row.cells.get("name") or row.cells.get("key") or row.cells.get("data") or row.cells.get("purpose")
            about = label.text if label is not None else None
            if kind == "cookie" and label is not None and label in (row.cells.get("name"), row.cells.get("key")):
                names = [n for n in split_names(label.text) if token_ok(n)]
                about = ", ".join(names) if names else about
            for d in find_durations(cell.text, cell=True, offset=cell.start):
                if d.genitive:
                    continue
                out.append(Candidate(d, "cookie" if kind == "cookie" else "data", about, "retention.table_lifetime",
                                     0.9))
    return out, cells


def extract(doc, fields) -> Extraction:
    table_found, table_cells = _table_candidates(doc)
    found = sorted(table_found + _sentence_candidates(doc, fields, table_cells), key=lambda c: c.duration.start)
    seen: set = set()
    retention, findings = [], []
    for c in found:
        days = round_days(c.duration.days)
        if days in seen or days <= 0:
            continue
        seen.add(days)
        d = c.duration
        retention.append({"text": doc.text[d.start:d.end], "days": days, "applies_to": c.applies_to,
                          "about": c.about, "start": d.start, "end": d.end})
        findings.append(doc.finding("retention", days, d.start, d.end, c.method, c.confidence))
    unspecified = False
    if not any(r["applies_to"] == "data" for r in retention):
        m = lexicon()["unspecified"].search(doc.text)
        if m:
            unspecified = True
            findings.append(doc.finding("retention_unspecified", True, m.start(), m.end(),
                                        "retention.as_long_as_necessary", 0.8))
    return Extraction({"retention": retention, "retention_unspecified": unspecified}, findings)

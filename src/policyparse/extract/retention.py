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
  that modify another noun (`14 dagers angrefrist`), limitation periods (`foreldes 3 år etter`), a sentence
  that says the data is not kept (`er gyldige i 5 minutter og lagres ikke`). The cue in the period's own
  clause decides first (`slettes ... på 24 måneder; vi sender et varsel 30 dager før` -> 720 only); an answer
  the period counts from is no deadline (`slettast seinast 30 dagar etter at du har fått svar`); in a
  `Label: period` item under a storage heading the label names the data kept (`Svar på undersøkingar:
  seinast eitt år ...`), unless it names a notice period (`Reklamasjonsfrist: 5 år`).
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
from .layout import block_index, block_spans, unit_at

KEYS = ("storage_cue", "cookie_cue", "storage_noun", "retention_heading", "response_cue", "notice_cue",
        "frequency_cue", "clause_break", "completed_event", "negated_storage", "deadline_before", "age_before",
        "age_weak", "age_after", "after_not", "data_age_before", "unspecified",
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
    sec = doc.section_at(offset)
    b = block_index(doc, offset)
    block_start = max(block_spans(doc)[b][0] if b >= 0 else 0, sec.start if sec else 0)  # the block, in its section
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


def _has_storage(sentence: str) -> bool:
    """A storage cue that is not negated (`Engangskoder ... lagres ikke` has none; `lagrer ikke ... lenger enn
    18 måneder` keeps its cue)."""
    lex = lexicon()
    negated = [(m.start(), m.end()) for m in lex["negated_storage"].finditer(sentence)]
    return any(not any(s < m.end() and m.start() < e for s, e in negated)
               for m in lex["storage_cue"].finditer(sentence))


def _cue_text(sentence: str, rel_end: int) -> str:
    """The sentence with a completed-answer event right after the period blanked out: in `slettast seinast 30
    dagar etter at du har fått svar` the answer is the event the period counts from, not a deadline."""
    m = lexicon()["completed_event"].match(sentence[rel_end:])
    if m is None:
        return sentence
    return sentence[:rel_end] + " " * m.end() + sentence[rel_end + m.end():]


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the clause holding [start, end): cut at `;`, `:`, dashes and `, og` / `, men` / `, slik at` ..."""
    lo, hi = 0, len(sentence)
    for m in lexicon()["clause_break"].finditer(sentence):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start()
            break
    return lo, hi


def _label_item(doc, sentence: str, rel: int, abs_start: int) -> str | None:
    """`- Svar på spørjeundersøkingar: seinast eitt år ...` under a storage heading: a short label naming the
    data, a colon, then the period (`Kontaktpersoner: så lenge kundeforholdet varer, og senest 12 måneder ...`).
    Returns 'data' for such an item, 'notice' when the label itself names a notice, complaint or cancellation
    period (`Reklamasjonsfrist: 5 år`, `Oppsigelsestid: 3 måneder`; `Garantisaker: 5 år` is data), None when
    the period is no label item."""
    colon = sentence.find(":", 0, rel)
    if colon < 0:
        return None
    label = regex.sub(r"^\s*(?:[-•*]\s*)?", "", sentence[:colon])
    if not label or len(label.split()) > 8:
        return None
    if not any(lexicon()["retention_heading"].search(h) for h in context_headings(doc, abs_start)):
        return None
    period_noun = any(regex.search(r"(?:frist|tid|periode|rett)(?:en|a|ar|ane|er|ene)?$", m.group(), regex.I)
                      for m in lexicon()["notice_cue"].finditer(label))
    return "notice" if period_noun else "data"


@dataclass(frozen=True)
class PeriodCues:
    """What decides whether the cues of a sentence speak of one period, computed once per period."""
    text: str                    # the sentence with a completed-answer event after the period blanked out
    clause: tuple[int, int]      # bounds of the period's own clause in `text`
    label: str | None            # `_label_item`: 'data', 'notice' or None
    storage: bool                # `_has_storage` of the sentence


def period_cues(doc, d: Duration, sentence: str, s0: int) -> PeriodCues:
    rel, rel_end = d.start - s0, d.end - s0
    text = _cue_text(sentence, rel_end)
    return PeriodCues(text, _clause(text, rel, rel_end), _label_item(doc, sentence, rel, d.start),
                      _has_storage(sentence))


def _nearest_cue(sentence: str, start: int, end: int, clause: tuple[int, int] | None = None) -> str | None:
    """Which cue (storage, response, notice) stands nearest to the period at [start, end)? Cues in the
    period's own clause come first; the rest of the sentence counts only when the clause has none."""
    lex = lexicon()
    best, best_dist = None, None
    for kind in ("storage", "response", "notice"):
        for m in lex[f"{kind}_cue"].finditer(sentence):
            if m.start() < end and m.end() > start:
                continue
            if clause is not None and not (clause[0] <= m.start() and m.end() <= clause[1]):
                continue
            dist = start - m.end() if m.end() <= start else m.start() - end
            if best_dist is None or dist < best_dist:
                best, best_dist = kind, dist
    if best is None and clause is not None:
        return _nearest_cue(sentence, start, end)
    return best


def _reject(text: str, d: Duration, sentence: str, s0: int, pc: PeriodCues) -> bool:
    """Is this duration a deadline, an age, a time ago or a schedule rather than a storage period?"""
    lex = lexicon()
    rel = d.start - s0
    left = sentence[:rel] + (" " if rel else "") + (d.qualifier + " " if d.qualifier else "")
    right = text[d.end:d.end + 40]
    if lex["age_after"].match(right) or lex["after_not"].match(right):
        return not (pc.storage and lex["data_age_before"].search(left))   # `slettar vi når dei er eitt år gamle`
    if lex["age_before"].search(left):
        return True
    if lex["age_weak"].search(left) and not pc.storage:
        return True
    if d.unit == "year" and d.qualifier in ("under", "over"):
        word_before = regex.search(r"(\w+)\s*$", sentence[:rel])
        if not word_before or word_before.group(1).lower() not in ("i", "for", "på", "til"):
            return True
    if not pc.storage and lex["negated_storage"].search(sentence):
        return True  # the sentence says the data is not stored (`er gyldige i 5 minutter og lagres ikke`)
    cues, clause, label = pc.text, pc.clause, pc.label
    if label == "notice":
        return True
    if label:
        # the label names the data kept; only the period's own clause can make it a deadline
        cues = " " * clause[0] + cues[clause[0]:clause[1]] + " " * (len(cues) - clause[1])
    nearest = _nearest_cue(cues, rel, d.end - s0, clause)
    if d.qualifier in ("innen", "innan", "i løpet av", "senest", "seinast") or lex["deadline_before"].search(left):
        if not (pc.storage or label) or lex["response_cue"].search(cues, *clause) \
                or nearest not in ("storage", None) or (nearest is None and not label):
            return True
    if (lex["response_cue"].search(cues) or lex["notice_cue"].search(cues)) and nearest not in ("storage", None):
        return True
    if d.genitive and not lex["storage_noun"].match(right):
        return True
    return False


def _other_cue(pc: PeriodCues) -> bool:
    """A period without a storage cue: does an answering, notice or schedule cue speak of it? Its own clause
    decides; the rest of the sentence only when the clause has no cue and the period is not a label item
    (`Arbeidsordre: ti år etter siste besøk, slik at vi kan dokumentere ... garantikrav`)."""
    lex = lexicon()
    lo, hi = pc.clause
    kinds = ("response_cue", "notice_cue", "frequency_cue")
    if any(lex[k].search(pc.text, lo, hi) for k in kinds):
        return True
    if pc.label is not None:
        return pc.label == "notice"
    return any(lex[k].search(pc.text) for k in kinds)


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
        cues = period_cues(doc, d, sentence, s0)
        if _reject(text, d, sentence, s0, cues):
            continue
        is_cookie, cookie_name = _is_cookie_sentence(doc, sentence, d.start, cookie_names)
        storage = cues.storage or bool(is_cookie and lex["cookie_cue"].search(sentence))
        in_retention_section = any(lex["retention_heading"].search(h) for h in context_headings(doc, d.start)) \
            and not doc.is_heading_line(d.start)
        if d.genitive or cookie_name is not None:
            # a period in a sentence or list item naming a cookie is that cookie's lifetime
            storage = True
        if not storage:
            if _other_cue(cues):
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

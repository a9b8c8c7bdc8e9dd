"""`purpose_bases`: which art. 6(1) basis the policy gives for which purpose.

Reads `fields["sentence_bases"]` (from `legal`) and `fields["sentence_purposes"]` (from `purposes`);
writes `purpose_bases`, a list of `{"purpose", "basis", "sentence", "start", "end"}`, one per pair.

A basis pairs with (FIELDS.md, GUIDELINES.md):
1. the purposes of its own sentence; when one sentence gives different bases for different purposes
   (`... til markedsføring basert på samtykke, og til kundeservice basert på avtale`, `nyhetsbrev
   (samtykke) og henvendelser (berettiget interesse)`), the sentence is cut into one clause per basis
   and each basis pairs only with the purposes named in its clause (`clause`); a clause that names no
   purpose takes them from the context (rules 3-8), but not those another clause carves out (`..., med
   unntak av nyhetsbrev, som er basert på samtykke`, `..., og for nyhetsbrev ditt samtykke`); a purpose
   named only in an exception (`Alt i lista over, bortsett frå nyheitsbrevet, ...`) is neither the
   sentence's nor taken from the context; `henholdsvis` / `høvesvis` pairs the n-th purpose named with
   the n-th basis; a label the model gave a basis sentence without a cue rule, and gives no more once the
   basis wording is blanked out, does not pair (basis wording pulls the model: `Kundeservice | Berettiget
   interesse` -> security);
2. in a purpose/basis table, the purposes of its row (`row`); a label that only the basis cell itself
   carries counts only when the basis wording expresses it (`Rettslig forpliktelse` -> legal_obligation),
   and one the model alone gave a cell outside the purpose column does not count (`Kunder`), nor does
   any label of its retention cell (`Lagringstid: ..., slik bokføringsloven krever`);
3. the purposes of numbered items it names (`formålene i punkt 1 til 9`, `formål 2, 5 og 8`):
   the items of the nearest list before it, or the sections with those numbers; the first or last items of
   the nearest list before it (`De to første punktene gjør vi bare hvis ...`, `Det siste punktet`) (`items`);
4. the purposes of the list it introduces (`... basert på samtykke:` + items) (`lead_in`);
5. when it refers back (`Grunnlaget for denne behandlingen`, `Dette skjer på bakgrunn av`, `slik
   behandling`, a bare `Behandlingsgrunnlaget er ...` / `Rettsleg grunnlag: ...`) or states no purpose of
   its own: the purposes before it in its paragraph or list item since the previous basis statement,
   i.e. the stretch it closes (only the last labelled sentence before it when it has purposes of its
   own), or, when it opens its own paragraph, those of the unit just before it in the same section (a
   paragraph, or a list with its lead-in) (`unit` / `previous_unit`); a list item that states its own
   purpose and basis does not borrow from the item before it, nor does a basis said for the others
   (`Nødvendige ... settes uten samtykke. Andre informasjonskapsler settes bare hvis du godtar dem.`);
6. a basis that opens a list item or stands as a short label (`- Samtykke. Vi sender nyhetsbrev ...`)
   with no purpose before it: the purposes of the rest of its item (`rest_of_unit`);
7. `for formålene nevnt ovenfor` / `for føremåla nemnde over`: every purpose of its section before it
   (or of the parent section) (`above`); `alt i lista over` / `punktene ovenfor`: the purposes of the
   nearest list before it, in any section (`list_above`); sections it names by their heading
   (`kategoriene Preferanser, Statistikk og Markedsføring`, `«Kundeservice»`, or named in the sentence
   an anaphoric basis refers back to), when it names no purpose of its own: the purposes of those
   sections (`named`);
8. under a basis heading that follows a purpose heading (the per-activity template `Formål` /
   `Behandlingsgrunnlag` / `Lagringstid`): the purposes of the purpose section (`purpose_section`).
   A basis heading after any other section does not reach across its heading.
A basis closes only the stretch since the previous basis statement of its section.
A purpose that the basis wording itself names (`våre rettslige forpliktelser etter bokføringsloven` ->
legal_obligation) pairs only with that basis when the sentence states several (`affinity`).
Pairs are unique per document; each has one finding (the first sentence that gives it).
The method of each finding names the rule.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from types import SimpleNamespace

import regex

from ..rules import RulesError, load_json
from ..taxonomy import BASES, PURPOSES
from . import Extraction
from .layout import ListRun, cached, doc_lines, line_span, list_after, lists, unit_at, units
from .purposes import scope as purpose_scope

RESOURCE = "purpose_bases.json"
CONFIDENCE = {"sentence": 0.85, "clause": 0.85, "row": 0.85, "items": 0.8, "lead_in": 0.75, "unit": 0.75,
              "above": 0.7, "list_above": 0.7, "rest": 0.7, "named": 0.7, "rest_of_unit": 0.7,
              "purpose_section": 0.7, "previous_unit": 0.65}
NAMED_MAX_WORDS = 5     # longest section heading that counts as a name a basis sentence can refer to
PATTERN_KEYS = ("anaphora", "bare_frame", "above_reference", "list_reference", "rest_reference", "item_reference",
                "ordinal_reference",
                "lead_in", "exception", "carve_out", "basis_object", "strong_break", "purpose_heading", "respectively", "clause_breaks",
                "named_exclude", "basis_menu", "contrast", "interest_object")
SHORT_LABEL_WORDS = 6   # a basis sentence this short at the start of its unit is a label for the unit
MASK_MAX = 80           # longest basis span blanked out when the model is asked again (not a whole sentence)


@dataclass(frozen=True)
class Patterns:
    anaphora: regex.Pattern
    bare_frame: regex.Pattern
    above_reference: regex.Pattern
    list_reference: regex.Pattern
    rest_reference: regex.Pattern
    item_reference: regex.Pattern
    ordinal_reference: regex.Pattern
    lead_in: regex.Pattern
    exception: regex.Pattern
    carve_out: regex.Pattern
    basis_object: regex.Pattern
    strong_break: regex.Pattern
    purpose_heading: regex.Pattern
    respectively: regex.Pattern
    clause_breaks: tuple[regex.Pattern, ...]
    affinity: dict
    named_exclude: regex.Pattern
    basis_menu: regex.Pattern
    contrast: regex.Pattern
    interest_object: regex.Pattern


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    data = load_json(RESOURCE)
    keys = {"description", "affinity", *PATTERN_KEYS}
    if set(data) != keys:
        raise RulesError(f"{RESOURCE}: expected keys {sorted(keys)}, got {sorted(data)}")
    bad = {p: b for p, b in data["affinity"].items() if p not in PURPOSES or b not in BASES}
    if bad:
        raise RulesError(f"{RESOURCE}: affinity has unknown labels {bad}")
    if not isinstance(data["clause_breaks"], list) or not data["clause_breaks"]:
        raise RulesError(f"{RESOURCE}: clause_breaks must be a non-empty list of patterns")
    try:
        compiled = {k: regex.compile(data[k], regex.IGNORECASE) for k in PATTERN_KEYS if k != "clause_breaks"}
        breaks = tuple(regex.compile(p, regex.IGNORECASE) for p in data["clause_breaks"])
    except regex.error as exc:
        raise RulesError(f"{RESOURCE}: bad pattern: {exc}") from exc
    for key, group in (("item_reference", "nums"), ("interest_object", "object"), ("ordinal_reference", "count"),
                       ("ordinal_reference", "end")):
        if group not in compiled[key].groupindex:
            raise RulesError(f"{RESOURCE}: {key} needs a group '{group}'")
    return Patterns(**compiled, clause_breaks=breaks, affinity=dict(data["affinity"]))


def _touches(entry: dict, span) -> bool:
    """Does a labelled sentence overlap the span (None: no such span)?"""
    return span is not None and entry["start"] < span[1] and span[0] < entry["end"]


class PurposeIndex:
    """Purpose labels by character span, from `sentence_purposes`."""

    def __init__(self, sentence_purposes: list[dict], basis_starts: tuple[int, ...] = (),
                 based_rows: tuple[tuple[int, int], ...] = ()):
        self.entries = sorted(sentence_purposes, key=lambda e: e["start"])
        self.basis_starts = basis_starts   # where each basis statement of the document starts
        self.based_rows = based_rows       # table rows with a basis cell of their own

    def drop_basis_guesses(self, doc, entries: list[dict]) -> None:
        """Take out the labels the model gave a basis sentence only because of its basis wording.

        A label the model guessed without a cue rule, in a sentence that states a basis, is asked
        again with the basis terms and citations (or a table row's basis cell) blanked out; if the
        model no longer gives it, the basis wording alone pulled it in (`Kundeservice | Berettiget
        interesse` -> security) and it does not pair."""
        masks: dict[int, list[tuple[int, int]]] = {}
        for entry in entries:
            cuts = [(entry["start"], entry["end"])] if "row" in entry else \
                [(s, e) for _, s, e in entry.get("spans") or [] if e - s <= MASK_MAX]
            for k, e in enumerate(self.entries):
                inside = [(max(a, e["start"]), min(b, e["end"])) for a, b in cuts if a < e["end"] and e["start"] < b]
                if inside and _guessed(e):
                    masks.setdefault(k, []).extend(inside)
        if not masks:
            return
        try:
            from ..classify import predict_sentences
        except ImportError:  # no model code: nothing was guessed
            return
        order = sorted(masks)
        probes = []
        for k in order:
            e = self.entries[k]
            text = doc.text[e["start"]:e["end"]]
            for a, b in sorted(set(masks[k]), reverse=True):
                text = text[:a - e["start"]] + " " + text[b - e["start"]:]
            probes.append(SimpleNamespace(text=" ".join(text.split()), start_char=e["start"]))
        try:
            predicted, _ = predict_sentences(doc, probes)
        except Exception as exc:  # keep the labels rather than lose the field
            doc.warnings.append(f"purpose_bases: could not re-check model labels of basis sentences ({exc})")
            return
        for k, again in zip(order, predicted):
            e = self.entries[k]
            dropped = {p for p in _guessed(e) if p not in again}
            if dropped:
                self.entries[k] = dict(e, purposes=[p for p in e["purposes"] if p not in dropped])

    def guessed_within(self, start: int, end: int) -> set[str]:
        """Labels that only the model gave every labelled sentence in [start, end) that has them."""
        ruled, guessed = set(), set()
        for e in self.entries:
            if e["start"] < end and start < e["end"]:
                own = _guessed(e)
                guessed |= own
                ruled |= set(e["purposes"]) - own
        return guessed - ruled

    def within(self, start: int, end: int, skip_based_rows: bool = False) -> list[str]:
        out: list[str] = []
        for e in self.entries:
            if e["start"] < end and start < e["end"] and not (skip_based_rows and any(_touches(e, r) for r in self.based_rows)):
                out.extend(p for p in e["purposes"] if p not in out)
        return out

    def last_before(self, start: int, end: int) -> list[str]:
        """Labels of the last labelled sentence in [start, end)."""
        inside = [e for e in self.entries if e["start"] >= start and e["end"] <= end + 1 and e["start"] < end]
        return list(inside[-1]["purposes"]) if inside else []

    def row(self, doc, start: int, end: int, cell: tuple[int, int], bases: list[str],
            purpose_cell: list[int] | None = None, lifetime_cell: list[int] | None = None
            ) -> tuple[list[str], set[str]]:
        """Labels of a table row, and those of them that only its basis wording expresses
        (`Rettslig forpliktelse (bokføringsloven)` -> legal_obligation). A sentence that lies inside the
        basis cell gives only such labels; when the table has a purpose column, the other cells
        (`Kunder`, `Navn, e-post`) give only the labels a cue rule found in them, not the model's guesses,
        and its retention cell gives none (`Lagringstid: ... fem år, slik bokføringsloven krever` says why
        the data is kept, not what the row's basis is for)."""
        tied = patterns().affinity
        out: list[str] = []
        for e in self.entries:
            if not _touches(e, (start, end)) or (_touches(e, lifetime_cell) and not _touches(e, cell)):
                continue
            inside_cell = cell[0] <= e["start"] and e["end"] <= cell[1] + 1
            off_purpose = purpose_cell is not None and not _touches(e, purpose_cell)
            guessed = _guessed(e) if off_purpose else set()
            out.extend(p for p in e["purposes"] if p not in out and p not in guessed
                       and (not inside_cell or tied.get(p) in bases))
        outside = _located(doc.text[start:cell[0]] + " " + doc.text[cell[1]:end], out)
        from_basis = {p for p in out if tied.get(p) in bases and p not in outside}
        return out, from_basis


def _guessed(entry: dict) -> set[str]:
    """Labels of a tagged sentence that the model gave without a cue rule (`model:...` methods)."""
    methods = str(entry.get("method", "")).split("; ")
    if len(methods) != len(entry["purposes"]):
        return set()
    return {p for p, m in zip(entry["purposes"], methods) if m.startswith("model:")}


def item_numbers(text: str) -> list[str]:
    """Numbers of the items or sections a sentence refers to (`punkt 1 til 9` -> 1..9, `formål 2, 5 og 8`,
    `punkt 3.1–3.4` -> 3.1..3.4; a range steps its last part)."""
    out: list[str] = []
    for m in patterns().item_reference.finditer(text):
        parts = regex.split(r"\s*(,|og|til|-|–|and|&)\s*", m.group("nums"))
        values, seps = parts[0::2], parts[1::2]
        for i, v in enumerate(values):
            prev = values[i - 1].rsplit(".", 1) if i else None
            head, _, last = v.rpartition(".")
            if prev and seps[i - 1] in ("til", "-", "–") and (prev[0] if len(prev) == 2 else "") == head \
                    and int(last) > int(prev[-1]):
                out.extend(f"{head}.{n}" if head else str(n) for n in range(int(prev[-1]) + 1, int(last) + 1))
            else:
                out.append(v)
    return [n for i, n in enumerate(out) if n not in out[:i] and 0 < int(n.split(".")[0]) < 100]


def _opening_item_numbers(doc, start: int) -> list[str]:
    """The items named at the head of the line or list item a later sentence continues (`Punkt 3.1:
    avtalen med kunden. Kontaktpersonene er ikke part i avtalen, så for dem bygger vi på berettiget
    interesse`): that sentence speaks of the same items."""
    unit = unit_at(doc, start)
    if unit is None or unit.start >= start:
        return []
    head = patterns().item_reference.search(doc.text, unit.start, start)
    if head is None or doc.text[unit.start:head.start()].strip(" -•*\t"):
        return []
    return item_numbers(head.group(0))


def _item_spans(doc, start: int, numbers: list[str]) -> list[tuple[int, int]]:
    """Spans of the numbered items a basis sentence names: list items, else numbered sections."""
    if all("." not in n for n in numbers):
        plain = {int(n) for n in numbers}
        run = None
        for candidate in lists(doc):
            if candidate.end <= start and max(n for n, _, _ in candidate.items) >= max(plain):
                run = candidate
        if run is not None:
            return [(s, e) for n, s, e in run.items if n in plain]
    return [(sec.start, sec.end) for sec in doc.sections if sec.number and sec.number.strip(". ") in numbers]


COUNT_WORDS = {"to": 2, "tre": 3, "fire": 4, "fem": 5}
FIRST_WORDS = ("første", "fyrste", "øverste", "øvste")
ITEM_LINE_MAX_WORDS = 30
LEAD_IN_LINE = regex.compile(r"(?::|(?<!\p{L})å)\s*$")  # `... til:`, or `... til å` running on into its items


def _items_right_before(doc, start: int) -> list[tuple[int, int]]:
    """The items of the list right before `start`: a list with marks that ends just before its unit, else
    lines written as a list without marks (the lines of the block before it, or of its own block after a
    lead-in line ending with a colon or running on: `brukar vi opplysningane til å`), when the text is not
    hard-wrapped."""
    unit = unit_at(doc, start)
    run = _list_before(doc, start)
    if run is not None and unit is not None and not doc.text[run.end:unit.start].strip():
        return [(s, e) for _, s, e in run.items]
    before = [ln for ln in doc_lines(doc) if ln.end <= start]
    if not before or doc.normalized.wrapped:
        return []
    block = [ln for ln in before if ln.block == before[-1].block]
    leads = [k for k, ln in enumerate(block) if LEAD_IN_LINE.search(ln.text)]
    items = block[leads[-1] + 1:] if leads else block
    if len(items) < 2 or any(len(ln.text.split()) > ITEM_LINE_MAX_WORDS or doc.is_heading_line(ln.start)
                             for ln in items):
        return []
    return [(ln.start, ln.end) for ln in items]


def _ordinal_spans(doc, start: int, text: str) -> list[tuple[int, int]]:
    """Spans of the first or last items of the list right before `start` that a basis sentence names (`De
    to første punktene gjør vi bare hvis du har samtykket`, `Det siste punktet bygger på avtalen`)."""
    m = patterns().ordinal_reference.search(text)
    items = _items_right_before(doc, start) if m else []
    if not items:
        return []
    count = m.group("count")
    n = 1 if count is None else int(count) if count.isdigit() else COUNT_WORDS[count.lower()]
    return items[:n] if m.group("end").lower() in FIRST_WORDS else items[-n:]


def _previous_unit(doc, unit) -> tuple[int, int] | None:
    """The unit right before `unit` in its section: a paragraph, or a whole list with its lead-in."""
    all_units = units(doc)
    i = next((k for k, u in enumerate(all_units) if u is unit), None)
    if i is None or i == 0:
        return None
    j = i - 1
    if all_units[j].kind == "heading":
        return None
    if all_units[j].kind != "item":
        return all_units[j].start, all_units[j].end
    end = all_units[j].end
    while j > 0 and all_units[j - 1].kind == "item":
        j -= 1
    start = all_units[j].start
    if j > 0 and all_units[j - 1].kind == "paragraph" and doc.text[all_units[j - 1].start:all_units[j - 1].end].rstrip().endswith(":"):
        start = all_units[j - 1].start
    return start, end


def _above(doc, start: int, index: PurposeIndex) -> list[str]:
    """Purposes of the section before `start`, or of its parent section when it has none."""
    sec_i = doc.section_index_at(start)
    if sec_i is None:
        return index.within(0, start)
    sec = doc.sections[sec_i]
    found = index.within(sec.body_start, start)
    if not found and sec.parent is not None:
        found = index.within(doc.sections[sec.parent].start, start)
    return found


def _list_before(doc, start: int) -> ListRun | None:
    """The nearest list that ends before `start`, in any section (`Alt i lista over ...`)."""
    before = [run for run in lists(doc) if run.end <= start]
    return before[-1] if before else None


def _items_without_basis(doc, start: int, index: PurposeIndex) -> list[str] | None:
    """Purposes of the items of the list just before `start` (in its section) that state no basis of
    their own; None when no list comes before it."""
    sec = doc.section_at(start)
    lower = sec.start if sec else 0
    before = [run for run in lists(doc) if lower <= run.start and run.end <= start]
    if not before:
        return None
    out: list[str] = []
    for _, s, e in before[-1].items:
        if not any(s <= b < e for b in index.basis_starts):
            out.extend(p for p in index.within(s, e) if p not in out)
    return out


def _purpose_section(doc, start: int, index: PurposeIndex) -> list[str]:
    """Under a basis heading (`Behandlingsgrunnlag`, `Kva er det rettslege grunnlaget?`) that follows a
    purpose heading (`Formål`, `Kva er føremålet med handsaminga?`), as in the per-activity template
    Formål / Behandlingsgrunnlag / Lagringstid: the purposes of that purpose section."""
    from .legal import cues as legal_cues

    i = doc.section_index_at(start)
    if i is None or i == 0:
        return []
    sec, prev = doc.sections[i], doc.sections[i - 1]
    if not legal_cues().heading_frame.search(sec.heading) or not patterns().purpose_heading.search(prev.heading):
        return []
    if index.within(sec.body_start, start):
        return []
    return index.within(prev.body_start, prev.end)


@dataclass
class Piece:
    """A basis statement to pair: a sentence, or one clause of a sentence that gives several bases."""
    start: int
    end: int
    bases: list[str]
    own: list[str]
    excluded: set = field(default_factory=set)
    basis_at: int | None = None       # where its first basis wording or citation starts


def _located(text: str, labels: list[str]) -> list[str]:
    """The sentence labels whose purpose cue fires in a part of the sentence."""
    from .purposes import cue_labels

    found = cue_labels(text)
    return [p for p in labels if p in found]


def _cut(text: str, lo: int, hi: int) -> int | None:
    """Where to cut between two clauses in text[lo:hi]: the first clause break, strongest kind first."""
    for pat in patterns().clause_breaks:
        m = pat.search(text, lo, hi)
        if m:
            return m.start()
    return None


PARENTHESES = regex.compile(r"\s*\([^()]*\)")


def clauses(doc, entry: dict, labels: list[str]) -> list[Piece] | None:
    """One piece per clause when a sentence gives different bases for purposes named in different
    clauses; None when it does not (one basis, or the bases stand together)."""
    spans = sorted(entry.get("spans") or [], key=lambda s: (s[1], s[2]))
    if len({s[0] for s in spans}) < 2:
        return None
    text = doc.text
    pats = patterns()
    groups: list[dict] = []
    for letter, s, e in spans:
        if groups:
            g = groups[-1]
            gap = text[g["end"]:s] if s > g["end"] else ""
            # a basis and its citation stand together, with its object between them (`samtykke for statistikken
            # (art. 6 nr. 1 bokstav a) og berettiget interesse ...`): that object ends the clause
            same = letter in g["bases"] and not pats.strong_break.search(gap)
            said_for = "" if same or s <= g["first_end"] else PARENTHESES.sub(" ", text[g["first_end"]:s])
            if s <= g["end"] or same or not (_located(gap, labels) or item_numbers(gap) or pats.basis_object.match(gap)
                                             or pats.strong_break.search(gap) or pats.basis_object.match(said_for)):
                g["end"] = max(g["end"], e)
                if letter not in g["bases"]:
                    g["bases"].append(letter)
                continue
        groups.append({"start": s, "end": e, "first_end": e, "bases": [letter]})
    if len(groups) < 2:
        return None
    cuts = [entry["start"]]
    for a, b in zip(groups, groups[1:]):
        cut = _cut(text, a["end"], b["start"])
        if cut is None:
            return None
        cuts.append(cut)
    cuts.append(entry["end"])
    pieces = [Piece(cuts[k], cuts[k + 1], g["bases"], _located(text[cuts[k]:cuts[k + 1]], labels))
              for k, g in enumerate(groups)]
    anchored = [p for p in pieces if p.own or item_numbers(text[p.start:p.end])
                or pats.above_reference.search(text, p.start, p.end)]
    if not any(p.own for p in pieces) and len(anchored) < 2:
        return None  # the bases stand together for the same purposes
    # a purpose a clause carves out (`og for nyhetsbrev ditt samtykke`, `med unntak av nyhetsbrev`), or names
    # with the basis it is tied to (`mens oppbevaring av regnskapet er en rettslig forpliktelse`), is not taken
    # by another clause from the context
    carved = {lab for p in pieces for lab in p.own
              if pats.carve_out.search(text[p.start:p.end]) or pats.affinity.get(lab) in p.bases}
    for p in pieces:
        p.excluded = carved - set(p.own)
    return pieces


def _positions(text: str, labels: list[str]) -> dict[str, int]:
    """Where in text the cue of each label first fires (labels whose cue does not fire are left out)."""
    from .purposes import cue_rules

    out: dict[str, int] = {}
    for _, label, pattern, exclude in cue_rules():
        if label not in labels or (exclude is not None and exclude.search(text)):
            continue
        m = pattern.search(text)
        if m and m.start() < out.get(label, len(text) + 1):
            out[label] = m.start()
    return out


def respectively(doc, entry: dict, labels: list[str]) -> list[Piece] | None:
    """`... for å levere tjenesten og sende nyhetsbrev, basert på henholdsvis avtale og samtykke`: the
    n-th purpose named pairs with the n-th basis named, when there are as many of each."""
    start, end = entry["start"], entry["end"]
    if not patterns().respectively.search(doc.text, start, end):
        return None
    order: list[str] = []
    for letter, _, _ in sorted(entry.get("spans") or [], key=lambda x: x[1]):
        if letter not in order:
            order.append(letter)
    positions = _positions(doc.text[start:end], labels)
    in_basis = [(s - start, e - start) for _, s, e in entry.get("spans") or []]
    named = sorted((p for p, at in positions.items() if not any(a <= at < b for a, b in in_basis)),
                   key=positions.get)  # a label the basis wording carries (`rettsleg plikt`) is no item
    if len(order) < 2 or len(named) != len(order):
        return None
    return [Piece(start, end, [b], [p]) for p, b in zip(named, order)]


def _resolved(text: str, pos: int, own: list[str]) -> bool:
    """Does the anaphor ending at pos name one of the sentence's own purposes (`slike
    markedsføringshenvendelser`, `denne markedsføringen`), so that it points to nothing before?"""
    if not own:
        return False
    following = regex.match(r"(?:\s+[\p{L}-]+){1,2}", text[pos:])
    return bool(following) and bool(_located(following.group(0), own))


def _paragraph_leads_in(doc, start: int, upper: int) -> bool:
    """Does the paragraph of a basis sentence end in a lead-in to the list below it, with no other basis
    statement in between (`... (art. 6 nr. 1 bokstav b). Dette gjelder blant annet når vi` + items)?"""
    unit = unit_at(doc, start)
    if unit is None or unit.kind != "paragraph" or upper < unit.end:
        return False
    return doc.text[unit.start:unit.end].rstrip()[-1:] not in ".!?)»\"'"


def _section_extent(doc, i: int) -> tuple[int, int]:
    """A section with its subsections: up to the next heading of the same or a higher level."""
    sec = doc.sections[i]
    end = next((s.start for s in doc.sections[i + 1:] if s.level <= sec.level), len(doc.text))
    return sec.start, end


def _section_names(doc) -> list[tuple[int, regex.Pattern]]:
    """Sections a basis sentence can name (index, pattern of the heading without its number or count),
    built once per document: short headings that are not too generic (`named_exclude`)."""
    def build():
        exclude, out = patterns().named_exclude, []
        for i, sec in enumerate(doc.sections):
            name = regex.sub(r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?|\s*\(\d+\)\s*$|[\s:?.]+$", "", sec.heading)
            if 4 <= len(name) and len(name.split()) <= NAMED_MAX_WORDS and not exclude.match(name):
                out.append((i, regex.compile(rf"(?<![\p{{L}}\d]){regex.escape(name)}(?![\p{{L}}\d])", regex.IGNORECASE)))
        return out
    return cached(doc, "section_names", build)


NAME_QUOTES = "«\"“'‘"
SENTENCE_OPENING = regex.compile(r"(?:^|[.!?:]|^\s*[-•*])[\s\p{Pi}\p{Ps}«\"]*$")
LABEL_AFTER = regex.compile(r"\s*[:–—]")
LABEL_END = regex.compile(r"\s*(?:\([^()]{0,60}\)\s*)?(?::|\s[–—-])\s")
# a subject of its own: a clause after `, og` with one is a new statement, one without continues the first
SUBJECT = regex.compile(r"(?<!\p{L})(?:vi|me|jeg|eg|du|de|dei|dere|dykk|han|ho|hun|det|dette|den|disse|desse)(?!\p{L})",
                        regex.I)
INNER_CAPITAL = regex.compile(r".\p{Lu}")


def written_as_name(text: str, at: int, end: int) -> bool:
    """Whether a heading found in text[at:end] is referred to as a name: quoted (`«Kundeservice»`),
    capitalised inside a sentence (`kategoriene Preferanser, Statistikk og Markedsføring`), a label
    (`- Kundeklubben: samtykke`) or a proper name (`Google Analytics, Vimeo og YouTube blir berre
    lasta`). The same word in running text (`Du kan abonnere på nyhetsbrev`) or opening a sentence
    (`Nyhetsbrev sender vi ...`) names no section."""
    if at > 0 and text[at - 1] in NAME_QUOTES:
        return True
    if not text[at].isupper():
        return False
    return (not SENTENCE_OPENING.search(text[max(0, at - 80):at]) or bool(LABEL_AFTER.match(text, end))
            or bool(INNER_CAPITAL.search(text, at, end)))


def _named_sections(doc, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the sections that the text in [start, end) names by their heading (`kategoriene
    Preferanser, Statistikk og Markedsføring`, `«Kundeservice»`), other than its own and their parents."""
    own, k = set(), doc.section_index_at(start)
    while k is not None and k not in own:
        own.add(k)
        k = doc.sections[k].parent
    text = doc.text[start:end]
    return [_section_extent(doc, i) for i, pattern in _section_names(doc)
            if i not in own and any(written_as_name(text, m.start(), m.end()) for m in pattern.finditer(text))]


def _cell_sections(doc, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the sections whose whole heading is the table cell in [start, end)."""
    cell = doc.text[start:end].strip()
    return [_section_extent(doc, i) for i, pattern in _section_names(doc) if pattern.fullmatch(cell)]


def _context(doc, piece: Piece, index: PurposeIndex, lower: int, upper: int) -> dict[str, str]:
    """Purposes a basis statement takes from around it (rules 3-8), with the rule that gave each."""
    pats = patterns()
    start, end = piece.start, piece.end
    text = doc.text[start:end]
    own = piece.own
    found: dict[str, str] = {}

    def add(purposes, rule):
        for p in purposes:
            if p not in piece.excluded:
                found.setdefault(p, rule)

    numbers = item_numbers(text) or ([] if own else _opening_item_numbers(doc, start))
    if numbers:
        spans = _item_spans(doc, start, numbers)
    else:
        spans = [] if own else _ordinal_spans(doc, start, text)
    if spans:
        # a referenced item's table rows keep the bases of their own basis cells (`Grunnlaget for dette er
        # avtalen, på samme måte som for selve bestillingen (se punkt 2)` takes no row of the table in punkt 2)
        for s, e in spans:
            add(index.within(s, e, skip_based_rows=True), "items")
        if found or not any(index.within(s, e) for s, e in spans):
            return found
    for s, e in _named_sections(doc, start, end) if not own else []:
        add(index.within(s, e), "named")
    if pats.lead_in.search(text) or (not own and _paragraph_leads_in(doc, start, upper)):
        run = list_after(doc, start)
        if run is not None:
            add(index.within(run.start, run.end), "lead_in")
    if pats.above_reference.search(text):
        add(_above(doc, start, index), "above")
        return found
    if pats.list_reference.search(text) and (run := _list_before(doc, start)) is not None:
        add(index.within(run.start, run.end), "list_above")
        return found
    if pats.rest_reference.search(text) and (rest := _items_without_basis(doc, start, index)) is not None:
        add(rest, "rest")
        return found
    frame = pats.bare_frame.search(text)
    # `Rettslig grunnlag: Håndteringen av henvendelser bygger på avtalen` names its processing before the basis
    bare = bool(frame) and not (own and piece.basis_at is not None
                                and _located(text[frame.end():piece.basis_at - start], own))
    anaphoric = bare or any(not _resolved(text, m.end(), own) for m in pats.anaphora.finditer(text))
    unit = unit_at(doc, start)
    if unit is None or not (anaphoric or not own):
        return found
    lo = max(unit.start, lower)
    contrast = pats.contrast.match(text) is not None   # `Andre informasjonskapsler settes bare hvis ...`
    before = index.within(lo, start) if lo < start and not contrast else []
    if anaphoric and not own and lo < start:  # `Informasjonskapslane under «Nødvendige» ... Handsaminga gjennom desse byggjer på`
        for s, e in _named_sections(doc, lo, start):
            add(index.within(s, e), "named")
    if own and before:
        before = index.last_before(lo, start)
    add(before, "unit")
    opens_unit = unit.start >= start - 2
    if not before and not own and not anaphoric and not contrast and labels_its_line(doc, start, end):
        # `Avtale (art. 6 nr. 1 bokstav b). ... Dette grunnlaget bruker vi når vi krev inn felleskostnader`;
        # a grounds frame (`Behandlingsgrunnlag: avtale.`) refers back instead
        add(index.within(end, min(unit.end, upper, line_span(doc.text, end)[1])), "rest_of_unit")
        if found:
            return found
    if not before and opens_unit and (not own or bare):
        if (unit.kind != "item" or anaphoric) and not contrast:
            prev = _previous_unit(doc, unit)
            if prev is not None and max(prev[0], lower) < prev[1]:
                add(index.within(max(prev[0], lower), prev[1]), "previous_unit")
        if not found and not own:
            add(_purpose_section(doc, start, index), "purpose_section")
        if not own and not found and (unit.kind == "item" or len(text.split()) <= SHORT_LABEL_WORDS):
            add(index.within(end, min(unit.end, upper)), "rest_of_unit")
    return found


def labels_its_line(doc, start: int, end: int) -> bool:
    """Is a basis sentence the label that opens its line, with what it is said for after it on the line
    (`Samtykke (art. 6 nr. 1 bokstav a). Nokre få ting gjer vi berre når du har samtykt.`)? A label alone
    on its line (a table cell, a closing `Behandlingsgrunnlag: avtale.`) is read from its context instead."""
    text = doc.text
    return ((start == 0 or text[start - 1] == "\n") and len(PARENTHESES.sub("", text[start:end]).split()) <= SHORT_LABEL_WORDS
            and "\n" not in text[start:end].rstrip() and text[end:end + 1] not in ("\n", ""))


def _pairs(found: dict[str, str], bases: list[str], sentence_rule_labels: set[str]) -> list[tuple[str, str, str]]:
    tied_of = patterns().affinity
    bases = [b for b in bases if b in BASES]
    out = []
    for p in PURPOSES:
        if p not in found:
            continue
        tied = tied_of.get(p)
        for b in bases:
            if p in sentence_rule_labels and tied in bases and len(bases) > 1 and b != tied:
                continue  # the label comes from the basis wording itself (`rettslige forpliktelser`)
            out.append((p, b, found[p]))
    return out


def _outside_basis_clause(doc, entry: dict, labels: list[str]) -> set[str]:
    """Labels named only in other clauses than the one holding all of a sentence's basis wording, when that
    clause names purposes of its own (`for å gi deg felles kundeservice, og for markedsføring av deres
    tjenester når du har samtykket til det` -> customer_support): the basis is not said for them. Clauses
    are cut at the strong breaks only (`;`, `, og`, `, mens`), so `markedsføring og analyse basert på
    samtykke` stays one."""
    spans = entry.get("spans") or []
    if len(labels) < 2 or not spans:
        return set()
    text, start, end = doc.text, entry["start"], entry["end"]
    lo, hi = min(s for _, s, _ in spans), max(e for _, _, e in spans)
    if not regex.search(r"[\p{L}\d]", text[start:lo]) and LABEL_END.match(text, hi, end):
        return set()   # a label over its item (`- Avtale: kundekonto, betaling, og svar på henvendelser`)
    breaks = [m for pat in patterns().clause_breaks[:2] for m in pat.finditer(text, start, end)]
    left = max((m.end() for m in breaks if m.end() <= lo), default=start)
    right = min((m.start() for m in breaks if m.start() >= hi), default=end)
    if (left, right) == (start, end) or patterns().anaphora.search(text, left, right):
        return set()   # `..., og alt dette gjør vi på grunnlag av ...` refers back to the whole sentence
    if left == start and not regex.search(r"[\p{L}\d]", text[start:lo]) and not SUBJECT.search(text, right, end):
        return set()   # `Med samtykke bruker vi X til statistikk, og Y til å måle annonsene`: a basis that opens
        # the sentence covers a clause that only goes on with its objects
    inside = set(_located(text[left:right], labels))
    outside = set(_located(text[start:left], labels)) | set(_located(text[right:end], labels))
    return outside - inside if inside else set()


def _excepted(text: str, labels: list[str]) -> set[str]:
    """Labels named only in an exception of the sentence (`Alt i lista over, bortsett frå nyheitsbrevet,
    gjer vi fordi ...` -> marketing): the basis is said for everything but them."""
    spans = [m.span() for m in patterns().exception.finditer(text)]
    if not spans:
        return set()
    inside, rest = _split_labels(text, spans, labels)
    return inside - rest


def _interest_objects(text: str, bases: list[str], labels: list[str]) -> set[str]:
    """Labels named as the object of a legitimate interest joined by `og` to another basis, in a sentence
    that names no other purpose (`avtalen med kunden og vår berettigede interesse i å holde portalen
    sikker` -> security)."""
    if "f" not in bases or len(set(bases)) < 2:
        return set()
    spans = [m.span("object") for m in patterns().interest_object.finditer(text)]
    if not spans:
        return set()
    inside, rest = _split_labels(text, spans, labels)
    return set() if rest else inside


def _split_labels(text: str, spans: list[tuple[int, int]], labels: list[str]) -> tuple[set[str], set[str]]:
    """The labels named inside the spans of the text, and those named in the rest of it."""
    inside = {p for a, b in spans for p in _located(text[a:b], labels)}
    rest = text
    for a, b in spans:
        rest = rest[:a] + " " * (b - a) + rest[b:]
    return inside, set(_located(rest, labels))


MENU_OR = regex.compile(r"(?<!\p{L})eller(?!\p{L})", regex.I)
MENU_LIST_ITEMS = 3     # a list of this many bare bases or more names the bases there are


def basis_menu(text: str, bases: list[str]) -> bool:
    """Does the sentence list the bases the controller may use, as alternatives, for no purpose in
    particular (`... på grunnlag av samtykke, avtale, rettslig forpliktelse eller berettiget interesse,
    avhengig av formålet`)?"""
    kinds = len(set(bases))
    return (kinds >= 2 and patterns().basis_menu.search(text) is not None) or \
        (kinds >= 3 and MENU_OR.search(text) is not None)


def in_basis_menu_list(doc, offset: int) -> bool:
    """Is the text at offset an item of a list of bases and nothing else (`Vi kan behandle
    personopplysninger på følgende grunnlag:` / `- samtykke` / `- avtale` / `- berettiget interesse`)?
    Such a list names the bases there are, not the basis of a purpose."""
    bare = purpose_scope()["bare_basis"]
    for run in lists(doc):
        if run.start <= offset < run.end:
            items = [doc.text[s:e] for _, s, e in run.items]
            return len(items) >= MENU_LIST_ITEMS and all(bare.match(item) for item in items)
    return False


def pair_sentence(doc, entry: dict, index: PurposeIndex, lower: int = 0, upper: int | None = None
                  ) -> list[tuple[str, str, str]]:
    """(purpose, basis, rule) for one basis entry. lower: where the previous basis statement of its
    section ends (a basis closes only the stretch since the last one); upper: where the next one of its
    unit starts (a label-like basis opens only the stretch up to the next one)."""
    start, end = entry["start"], entry["end"]
    upper = len(doc.text) if upper is None else upper
    bases = [b for b in entry["bases"] if b in BASES]
    if "row" in entry:
        labels, from_basis = index.row(doc, *entry["row"], (start, end), bases, entry.get("purpose_cell"),
                                       entry.get("lifetime_cell"))
        if not labels and entry.get("purpose_cell"):
            # a summary table whose purpose cell is the heading of a section (`| Tilbud og befaring | Avtale |`)
            named = {p: "named" for s, e in _cell_sections(doc, *entry["purpose_cell"]) for p in index.within(s, e)}
            return _pairs(named, bases, set())
        return _pairs({p: "row" for p in labels}, bases, from_basis)
    if basis_menu(doc.text[start:end], bases) or in_basis_menu_list(doc, start):
        return []
    labels = index.within(start, end)
    if item_numbers(doc.text[start:end]):
        # `Grunnlaget for formål 1 og 3 er ...` names its purposes by number: no model guess of its own
        labels = [p for p in labels if p not in index.guessed_within(start, end)]
    pieces = respectively(doc, entry, labels) or clauses(doc, entry, labels)
    if pieces is None:
        excepted = _excepted(doc.text[start:end], labels)
        outside = _outside_basis_clause(doc, entry, labels) | excepted
        labels = [p for p in labels if p not in outside]
        basis_at = min((s for _, s, _ in entry.get("spans") or []), default=None)
        piece = Piece(start, end, bases, labels, excluded=excepted, basis_at=basis_at)
        found = {p: "sentence" for p in labels}
        for p, rule in _context(doc, piece, index, lower, upper).items():
            found.setdefault(p, rule)
        pairs = _pairs(found, bases, set(labels))
        interest = _interest_objects(doc.text[start:end], bases, labels)
        return [x for x in pairs if (x[0] in interest) == (x[1] == "f")] if interest else pairs
    out: list[tuple[str, str, str]] = []
    located = {p for piece in pieces for p in piece.own}
    rest = [p for p in labels if p not in located]
    bare = [piece for piece in pieces if not piece.own]
    if rest and len(bare) == 1:
        bare[0].own = rest      # a label no cue places (the model's) belongs to the one clause naming none
        rest = []
    for piece in pieces:
        found = {p: "clause" for p in piece.own}
        if not piece.own:
            found.update({p: r for p, r in _context(doc, piece, index, lower, upper).items() if p not in found})
        out.extend(_pairs(found, piece.bases, set(piece.own)))
    # labels no clause names (a model label without a cue) keep the whole sentence's bases
    out.extend(_pairs({p: "sentence" for p in rest}, bases, set(rest)))
    return out


def _stretch_end(doc, entry: dict) -> int:
    """Where the stretch a basis statement is said for ends: the statement itself, which closes what comes
    before it, or the end of its line when it is the label that opens the line."""
    if "row" not in entry and labels_its_line(doc, entry["start"], entry["end"]):
        return line_span(doc.text, entry["end"])[1]
    return entry["end"]


def extract(doc, fields) -> Extraction:
    entries = sorted(fields.get("sentence_bases") or [], key=lambda e: e["start"])
    index = PurposeIndex(fields.get("sentence_purposes") or [],
                         tuple(s for e in entries for s in [e["start"], *(x[1] for x in e.get("spans") or [])]),
                         tuple(tuple(e["row"]) for e in entries if "row" in e))
    index.drop_basis_guesses(doc, entries)
    pairs: list[dict] = []
    findings = []
    seen = set()
    sections = [doc.section_index_at(e["start"]) for e in entries]
    stretch_ends = [_stretch_end(doc, e) for e in entries]
    for k, entry in enumerate(entries):
        unit = unit_at(doc, entry["start"]) if "row" not in entry else None
        lower, upper = 0, None
        if unit is not None:
            # a basis closes only the stretch since the previous basis statement of its section
            prev = [j for j in range(k) if entries[j]["end"] <= entry["start"] and sections[j] == sections[k]]
            # ... up to the next statement of another basis (`Avtale (bokstav b). Som andelseigar har du ein avtale
            # med oss. Dette grunnlaget bruker vi når ...` is one stretch)
            nxt = [e for e in entries[k + 1:] if "row" not in e and entry["end"] <= e["start"] < unit.end
                   and not set(e["bases"]) <= set(entry["bases"])]
            lower = max(min(stretch_ends[j], entry["start"]) for j in prev) if prev else 0
            upper = nxt[0]["start"] if nxt else None
        for purpose, basis, rule in pair_sentence(doc, entry, index, lower, upper):
            key = (purpose, basis)
            if key in seen:
                continue
            seen.add(key)
            sentence = " ".join(doc.text[entry["start"]:entry["end"]].split())
            pairs.append({"purpose": purpose, "basis": basis, "sentence": sentence,
                          "start": entry["start"], "end": entry["end"]})
            findings.append(doc.finding("purpose_bases", f"{purpose}:{basis}", entry["start"], entry["end"],
                                        f"pair.{rule}<-{entry['method'].split('; ')[0]}", CONFIDENCE[rule]))
    return Extraction({"purpose_bases": pairs}, findings)

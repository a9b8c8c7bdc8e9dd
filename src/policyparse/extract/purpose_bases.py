"""`purpose_bases`: which art. 6(1) basis the policy gives for which purpose.

Reads `fields["sentence_bases"]` (from `legal`) and `fields["sentence_purposes"]` (from `purposes`);
writes `purpose_bases`, a list of `{"purpose", "basis", "sentence", "start", "end"}`, one per pair.

A basis pairs with (FIELDS.md, GUIDELINES.md):
1. the purposes of its own sentence;
2. in a purpose/basis table, the purposes of its row (`row`);
3. the purposes of numbered items it names (`formålene i punkt 1 til 9`, `formål 2, 5 og 8`):
   the items of the nearest list before it, or the sections with those numbers (`items`);
4. the purposes of the list it introduces (`... basert på samtykke:` + items) (`lead_in`);
5. when it refers back (`Grunnlaget for denne behandlingen`, `Dette skjer på bakgrunn av`, `slik
   behandling`) or states no purpose of its own: the purposes before it in its paragraph or list
   item, i.e. the unit it closes (only the last labelled sentence before it when it has purposes of
   its own), or, when it opens its own paragraph and has no purpose of its own, those of the unit
   just before it in the same section (a paragraph, or a list with its lead-in) (`unit` /
   `previous_unit`).
A purpose that the basis wording itself names (`våre rettslige forpliktelser etter bokføringsloven` ->
legal_obligation) pairs only with that basis when the sentence states several (`affinity`).
Pairs are unique per document; each has one finding (the first sentence that gives it).
The method of each finding names the rule.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..rules import RulesError, load_json
from ..taxonomy import BASES, PURPOSES
from . import Extraction
from .layout import list_after, list_before, lists, unit_at, units

RESOURCE = "purpose_bases.json"
CONFIDENCE = {"sentence": 0.85, "row": 0.85, "items": 0.8, "lead_in": 0.75, "unit": 0.75, "previous_unit": 0.65}


@dataclass(frozen=True)
class Patterns:
    anaphora: regex.Pattern
    item_reference: regex.Pattern
    lead_in: regex.Pattern
    affinity: dict


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    data = load_json(RESOURCE)
    keys = {"description", "anaphora", "item_reference", "lead_in", "affinity"}
    if set(data) != keys:
        raise RulesError(f"{RESOURCE}: expected keys {sorted(keys)}, got {sorted(data)}")
    bad = {p: b for p, b in data["affinity"].items() if p not in PURPOSES or b not in BASES}
    if bad:
        raise RulesError(f"{RESOURCE}: affinity has unknown labels {bad}")
    try:
        compiled = {k: regex.compile(data[k], regex.IGNORECASE) for k in ("anaphora", "item_reference", "lead_in")}
    except regex.error as exc:
        raise RulesError(f"{RESOURCE}: bad pattern: {exc}") from exc
    if "nums" not in compiled["item_reference"].groupindex:
        raise RulesError(f"{RESOURCE}: item_reference needs a group 'nums'")
    return Patterns(**compiled, affinity=dict(data["affinity"]))


class PurposeIndex:
    """Purpose labels by character span, from `sentence_purposes`."""

    def __init__(self, sentence_purposes: list[dict]):
        self.entries = sorted(sentence_purposes, key=lambda e: e["start"])

    def within(self, start: int, end: int) -> list[str]:
        out: list[str] = []
        for e in self.entries:
            if e["start"] < end and start < e["end"]:
                out.extend(p for p in e["purposes"] if p not in out)
        return out


    def last_before(self, start: int, end: int) -> list[str]:
        """Labels of the last labelled sentence in [start, end)."""
        inside = [e for e in self.entries if e["start"] >= start and e["end"] <= end + 1 and e["start"] < end]
        return list(inside[-1]["purposes"]) if inside else []


def item_numbers(text: str) -> list[int]:
    """Numbers of the items a sentence refers to (`punkt 1 til 9` -> 1..9, `formål 2, 5 og 8`)."""
    out: list[int] = []
    for m in patterns().item_reference.finditer(text):
        nums = m.group("nums")
        parts = regex.split(r"\s*(,|og|til|-|–|and|&)\s*", nums)
        values = parts[0::2]
        seps = parts[1::2]
        prev = None
        for i, v in enumerate(values):
            n = int(v)
            if prev is not None and seps[i - 1] in ("til", "-", "–") and n > prev:
                out.extend(range(prev + 1, n + 1))
            else:
                out.append(n)
            prev = n
    return [n for i, n in enumerate(out) if n not in out[:i] and 0 < n < 100]


def _item_spans(doc, start: int, numbers: list[int]) -> list[tuple[int, int]]:
    """Spans of the numbered items a basis sentence names: list items, else numbered sections."""
    run = None
    for candidate in lists(doc):
        if candidate.end <= start and max(n for n, _, _ in candidate.items) >= max(numbers):
            run = candidate
    if run is not None:
        return [(s, e) for n, s, e in run.items if n in numbers]
    spans = []
    for sec in doc.sections:
        if sec.number and sec.number.strip(". ") in {str(n) for n in numbers}:
            spans.append((sec.start, sec.end))
    return spans


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


def pair_sentence(doc, entry: dict, index: PurposeIndex) -> list[tuple[str, str, str]]:
    """(purpose, basis, rule) for one basis entry."""
    pats = patterns()
    start, end = entry["start"], entry["end"]
    text = doc.text[start:end]
    own = index.within(start, end)
    found: dict[str, str] = {p: "sentence" for p in own}

    def add(purposes, rule):
        for p in purposes:
            found.setdefault(p, rule)

    if "row" in entry:
        add(index.within(*entry["row"]), "row")
    else:
        numbers = item_numbers(text)
        spans = _item_spans(doc, start, numbers) if numbers else []
        if spans:
            for s, e in spans:
                add(index.within(s, e), "items")
        else:
            if pats.lead_in.search(text):
                run = list_after(doc, start)
                if run is not None:
                    add(index.within(run.start, run.end), "lead_in")
            if pats.anaphora.search(text) or not own:
                unit = unit_at(doc, start)
                if unit is not None:
                    before = index.within(unit.start, start) if unit.start < start else []
                    if own and before:
                        before = index.last_before(unit.start, start)
                    add(before, "unit")
                    if not before and not own and unit.start >= start - 1:
                        prev = _previous_unit(doc, unit)
                        if prev is not None:
                            add(index.within(*prev), "previous_unit")
    bases = [b for b in entry["bases"] if b in BASES]
    out = []
    for p in PURPOSES:
        if p not in found:
            continue
        tied = pats.affinity.get(p)
        for b in bases:
            if found[p] == "sentence" and tied in bases and len(bases) > 1 and b != tied:
                continue  # the label comes from the basis wording itself (`rettslige forpliktelser`)
            out.append((p, b, found[p]))
    return out


def extract(doc, fields) -> Extraction:
    index = PurposeIndex(fields.get("sentence_purposes") or [])
    pairs: list[dict] = []
    findings = []
    seen = set()
    for entry in fields.get("sentence_bases") or []:
        for purpose, basis, rule in pair_sentence(doc, entry, index):
            key = (purpose, basis)
            sentence = " ".join(doc.text[entry["start"]:entry["end"]].split())
            if key in seen:
                continue
            seen.add(key)
            pairs.append({"purpose": purpose, "basis": basis, "sentence": sentence,
                          "start": entry["start"], "end": entry["end"]})
            findings.append(doc.finding("purpose_bases", f"{purpose}:{basis}", entry["start"], entry["end"],
                                        f"pair.{rule}<-{entry['method'].split('; ')[0]}", CONFIDENCE[rule]))
    return Extraction({"purpose_bases": pairs}, findings)

"""`transfers_outside_eea` and `transfer_mechanisms`.

`transfers_outside_eea` is true when the policy says personal data is or may be transferred to or
processed by recipients outside the EU/EEA (`utenfor EU/EØS`, `tredjeland`, data stored in the USA, a
transfer mechanism used for a transfer; a conditional `Dersom opplysninger overføres utenfor EU/EØS`
counts), false when it says data stays inside (`Data lagres i Europa`, `overføres ikke ut av EØS`,
`Ingen overføring til tredjeland`), null when it says neither. A statement of a transfer outweighs a
statement that (some) data stays inside. Cues are in `resources/transfer_cues.json`.

`transfer_mechanisms` lists scc, adequacy, dpf, privacy_shield, bcr, consent as the text relies on them;
reliance on the EU-US Privacy Shield (invalid since the CJEU's Schrems II ruling of July 2020) is
flagged in the record's warnings. A mechanism the text says was dropped is not listed.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..rules import RulesError, check_entries, load_sections
from ..taxonomy import TRANSFER_MECHANISMS
from . import Extraction

RESOURCE = "transfer_cues.json"
FLAGS = regex.IGNORECASE
NEGATION_REACH = 70
PRIVACY_SHIELD_WARNING = ("transfer mechanism: the policy relies on the EU-US Privacy Shield, invalidated by the "
                          "CJEU in July 2020 (Schrems II)")


@dataclass(frozen=True)
class TransferCues:
    rules: list[tuple[str, str, str | None, regex.Pattern, regex.Pattern | None]]
    negation: regex.Pattern
    exception: regex.Pattern
    withdrawn: regex.Pattern
    reader_right: regex.Pattern


@lru_cache(maxsize=1)
def cues() -> TransferCues:
    data = load_sections(RESOURCE, ("rules", "negation", "exception", "withdrawn", "reader_right"))
    rules = check_entries(RESOURCE, data["rules"], {"id", "kind", "value", "pattern"}, {"requires"},
                          ("pattern", "requires"))
    for rule in rules:
        if rule["kind"] not in ("outside", "inside", "mechanism"):
            raise RulesError(f"{RESOURCE}: {rule['id']}: unknown kind {rule['kind']!r}")
        if rule["kind"] == "mechanism" and rule["value"] not in TRANSFER_MECHANISMS:
            raise RulesError(f"{RESOURCE}: {rule['id']}: unknown mechanism {rule['value']!r}")
    compiled = [(r["id"], r["kind"], r["value"], regex.compile(r["pattern"], FLAGS),
                 regex.compile(r["requires"], FLAGS) if r.get("requires") else None) for r in rules]
    return TransferCues(compiled, regex.compile(data["negation"], FLAGS), regex.compile(data["exception"], FLAGS),
                        regex.compile(data["withdrawn"], FLAGS), regex.compile(data["reader_right"], FLAGS))


def _negated(text: str, start: int) -> bool:
    """A negation shortly before the cue, in the same clause, with no exception after it."""
    c = cues()
    window_start = max(0, start - NEGATION_REACH)
    for m in c.negation.finditer(text, window_start, start):
        between = text[m.end():start]
        if regex.search(r"[,;:]\s*(?:men|but|og|and)\b|\bmen\b|\bbut\b", between):
            continue
        if c.exception.search(text, m.end()):
            return False
        return True
    return False


def sentence_cues(text: str) -> list[tuple[str, str | None, str, int, int]]:
    """(kind, value, method, start, end) found in one sentence; offsets relative to text."""
    c = cues()
    out = []
    for rule_id, kind, value, pattern, requires in c.rules:
        if requires is not None and not requires.search(text):
            continue
        for m in pattern.finditer(text):
            if kind != "mechanism" and c.reader_right.search(text, 0, m.start()):
                continue                     # `Du har rett til å få vite om opplysninger overføres ...`
            if kind == "outside":
                if _negated(text, m.start()):
                    out.append(("inside", None, f"{rule_id}+negated", m.start(), m.end()))
                else:
                    out.append(("outside", None, rule_id, m.start(), m.end()))
            elif kind == "inside":
                if not _negated(text, m.start()):
                    out.append(("inside", None, rule_id, m.start(), m.end()))
            else:
                if c.withdrawn.search(text) or _negated(text, m.start()):
                    continue
                out.append(("mechanism", value, rule_id, m.start(), m.end()))
    return out


def _run_on_lead(text: str, s0: int) -> str:
    """The end of the clause a sentence continues when the split fell inside it (a PDF line break:
    `..., og ingen` / `personopplysninger overføres til land utenfor EU/EØS.`), so that a negation
    there still reaches the cue; '' when the text before ends a sentence or a paragraph."""
    before = text[max(0, s0 - NEGATION_REACH):s0]
    if not before.strip() or regex.search(r"(?:[.!?:]\s*|\n\s*\n\s*)$", before):
        return ""
    return regex.split(r"[.!?]\s+|\n\s*\n", before)[-1]


def extract(doc, fields) -> Extraction:
    findings = []
    outside, inside, mechanisms = [], [], {}
    for sent in doc.sentences():
        s0 = sent.start_char
        if doc.is_heading_line(s0):
            continue
        lead = _run_on_lead(doc.text, s0)
        for kind, value, method, start, end in sentence_cues(lead + sent.text):
            if start < len(lead):
                continue                       # a cue of the sentence before
            a, b = s0 + start - len(lead), s0 + end - len(lead)
            if kind == "outside":
                outside.append(doc.finding("transfers_outside_eea", True, a, b, method, 0.9))
            elif kind == "inside":
                inside.append(doc.finding("transfers_outside_eea", False, a, b, method, 0.8))
            else:
                if value not in mechanisms:
                    mechanisms[value] = doc.finding("transfer_mechanisms", value, a, b, method, 0.85)
                outside.append(doc.finding("transfers_outside_eea", True, a, b, f"{method}+implies_transfer", 0.7))
    if outside:
        value, chosen = True, outside
    elif inside:
        value, chosen = False, inside
    else:
        value, chosen = None, []
    if "privacy_shield" in mechanisms and PRIVACY_SHIELD_WARNING not in doc.warnings:
        doc.warnings.append(PRIVACY_SHIELD_WARNING)
    findings.extend(chosen[:5])
    findings.extend(mechanisms.values())
    return Extraction({"transfers_outside_eea": value,
                       "transfer_mechanisms": [m for m in TRANSFER_MECHANISMS if m in mechanisms]}, findings)

"""`rights`: the data-subject rights a policy tells the reader about.

Eight labels (taxonomy.RIGHTS): access, rectification, erasure, restriction, objection, portability,
withdraw_consent, complaint. Cue lexicons live in `resources/rights_cues.json`. Words that also have
everyday uses (`slette`, `begrense`, `endre`) count only in a rights statement: a sentence with a
rights frame (`rett til`, `kan du be om`), a sentence under a rights heading (`Dine rettigheter`),
or a list item under a lead-in such as `Du har rett til:`. Unambiguous cues (`innsyn`, `trekke
tilbake samtykket`, `klage til Datatilsynet`, `melde deg av nyhetsbrevet`: opting out of marketing
is the art. 21(2) objection right) count anywhere. An opt-out said in other words (`velge bort`, `slå av`,
`reservere deg`) counts where the sentence, its paragraph or a heading above it is about marketing,
ads or remarketing (`Hvis du ikke ønsker dette, kan du velge bort dette i Googles innstillinger` in a
paragraph about targeted ads). A cited article names a right too (`art. 15`). A right the sentence says
does not apply (`Retten til dataportabilitet gjeld ikkje for ...`, `Du har ikke rett til ...`) is not counted
there.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..rules import RulesError, check_entries, load_sections
from ..taxonomy import RIGHTS
from . import Extraction
from .law import find_references
from .layout import ITEM, lead_in_line, unit_at

RESOURCE = "rights_cues.json"
FLAGS = regex.IGNORECASE


@dataclass(frozen=True)
class RightCues:
    context: regex.Pattern
    heading: regex.Pattern
    practice: regex.Pattern
    reader: regex.Pattern
    marketing: regex.Pattern
    anaphor: regex.Pattern
    negation_after: regex.Pattern
    negation_before: regex.Pattern
    exclude: list[tuple[str, regex.Pattern]]
    rules: list[tuple[str, str, str, regex.Pattern, regex.Pattern | None]]
    articles: list[dict]


@lru_cache(maxsize=1)
def cues() -> RightCues:
    data = load_sections(RESOURCE, ("context", "heading", "practice", "reader", "marketing_topic", "marketing_anaphor",
                                    "negation_after", "negation_before", "exclude", "rules", "articles"))
    rules = check_entries(RESOURCE, data["rules"], {"id", "right", "context", "pattern"}, {"exclude"},
                          ("pattern", "exclude"))
    exclude = check_entries(RESOURCE, data["exclude"], {"id", "pattern"})
    for rule in rules:
        if rule["right"] not in RIGHTS:
            raise RulesError(f"{RESOURCE}: {rule['id']}: unknown right {rule['right']!r}")
        if rule["context"] not in ("any", "rights", "marketing"):
            raise RulesError(f"{RESOURCE}: {rule['id']}: context must be 'any', 'rights' or 'marketing'")
    articles = check_entries(RESOURCE, data["articles"], {"article", "paragraph", "letter", "right"}, patterns=())
    for art in articles:
        if art["right"] not in RIGHTS:
            raise RulesError(f"{RESOURCE}: article {art['article']}: unknown right {art['right']!r}")
    try:
        context, heading = regex.compile(data["context"], FLAGS), regex.compile(data["heading"], FLAGS)
        practice, reader = regex.compile(data["practice"], FLAGS), regex.compile(data["reader"], FLAGS)
        marketing = regex.compile(data["marketing_topic"], FLAGS)
        anaphor = regex.compile(data["marketing_anaphor"], FLAGS)
        negation_after = regex.compile(data["negation_after"], FLAGS)
        negation_before = regex.compile(data["negation_before"], FLAGS)
    except regex.error as exc:
        raise RulesError(f"{RESOURCE}: bad context, heading, practice, reader or marketing pattern: {exc}") from exc
    return RightCues(context, heading, practice, reader, marketing, anaphor, negation_after, negation_before,
                     [(e["id"], regex.compile(e["pattern"], FLAGS)) for e in exclude],
                     [(r["id"], r["right"], r["context"], regex.compile(r["pattern"], FLAGS),
                       regex.compile(r["exclude"], FLAGS) if r.get("exclude") else None) for r in rules],
                     articles)


def in_rights_context(doc, sentence_text: str, start: int) -> str | None:
    """Why a sentence is a rights statement ('frame', 'heading', 'lead_in'), or None. Under a rights heading a
    sentence about the controller's own practice that does not address the reader is none."""
    c = cues()
    if c.context.search(sentence_text):
        return "frame"
    if any(c.heading.search(h) for h in doc.heading_path(start)):
        if c.practice.search(sentence_text) and not c.reader.search(sentence_text):
            return None       # `Vi sletter opplysningene etter tre år`: what the controller does, not a right
        return "heading"
    lead = lead_in_line(doc, start) if ITEM.match(doc.text[start:start + 5]) else ""
    if lead and (c.context.search(lead) or c.heading.search(lead)):
        return "lead_in"
    return None


def marketing_context(doc, sentence_text: str, start: int) -> str | None:
    """Why an opt-out sentence is about marketing ('sentence', 'paragraph', 'heading'), or None. A topic
    named only in the paragraph or a heading needs a sentence that points back to it (`velge bort dette`,
    `Hvis du ikke ønsker ...`)."""
    c = cues()
    if c.marketing.search(sentence_text):
        return "sentence"
    if not c.anaphor.search(sentence_text):
        return None
    unit = unit_at(doc, start)
    if unit is not None and c.marketing.search(doc.text[unit.start:unit.end]):
        return "paragraph"
    if any(c.marketing.search(h) for h in doc.heading_path(start)):
        return "heading"
    return None


def negated(text: str, start: int, end: int) -> bool:
    """Does the sentence say the right at [start, end) does not apply (`Retten til dataportabilitet gjeld ikkje
    for ...`, `Du har ikke rett til dataportabilitet`)? Offsets are relative to `text`."""
    c = cues()
    after = regex.sub(r"^\s*\((?:[^()]{0,40})\)", "", text[end:])  # `(art. 20) gjelder ikke`
    return bool(c.negation_after.match(after) or c.negation_before.search(text[max(0, start - 80):start]))


def _article_right(ref: dict) -> str | None:
    if ref["law"] != "GDPR":
        return None
    for art in cues().articles:
        if ref["article"] != art["article"]:
            continue
        if art["paragraph"] is not None and ref["paragraph"] != art["paragraph"]:
            continue
        if art["letter"] is not None and art["letter"] not in ref["letters"]:
            continue
        return art["right"]
    return None


def sentence_rights(doc, text: str, start: int, refs: list[dict] | None = None) -> list[tuple[str, str, int, int]]:
    """(right, method, start, end) for one sentence; offsets into the document."""
    c = cues()
    if any(p.search(text) for _, p in c.exclude):
        return []
    if doc.is_heading_line(start) and not c.context.search(text):
        return []  # a heading names a topic (`Sletting og lagring`); `Rett til innsyn` still counts
    context = None
    checked = False
    out = []
    for rule_id, right, need, pattern, veto in c.rules:
        m = next((m for m in pattern.finditer(text) if not negated(text, m.start(), m.end())), None)
        if m is None or (veto is not None and veto.search(text)):
            continue
        if need == "rights":
            if not checked:
                context, checked = in_rights_context(doc, text, start), True
            if context is None:
                continue
            out.append((right, f"{rule_id}+context.{context}", start + m.start(), start + m.end()))
        elif need == "marketing":
            topic = marketing_context(doc, text, start)
            if topic is None:
                continue
            out.append((right, f"{rule_id}+marketing.{topic}", start + m.start(), start + m.end()))
        else:
            out.append((right, rule_id, start + m.start(), start + m.end()))
    for ref in refs or []:
        right = _article_right(ref)
        if right is None or negated(text, ref["start"] - start, ref["end"] - start):
            continue
        if not checked:
            context, checked = in_rights_context(doc, text, start), True
        if context is not None:
            out.append((right, f"article.{ref['article']}+context.{context}", ref["start"], ref["end"]))
    return out


def extract(doc, fields) -> Extraction:
    refs = fields.get("law_references")
    if refs is None:
        refs = find_references(doc.text)
    found: dict[str, list] = {}
    findings = []
    for sent in doc.sentences():
        s0, s1 = sent.start_char, sent.end_char
        sent_refs = [r for r in refs if s0 <= r["start"] < s1]
        for right, method, start, end in sentence_rights(doc, sent.text, s0, sent_refs):
            if right in found and any(f.start >= s0 and f.end <= s1 for f in found[right]):
                continue
            confidence = 0.9 if "context" not in method or "context.frame" in method else 0.8
            if "+marketing." in method:
                confidence = 0.85 if method.endswith(".sentence") else 0.75
            finding = doc.finding("rights", right, start, end, method, confidence)
            found.setdefault(right, []).append(finding)
            findings.append(finding)
    return Extraction({"rights": [r for r in RIGHTS if r in found]}, findings)

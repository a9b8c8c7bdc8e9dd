"""Legal bases (GDPR art. 6(1)) and legal citations.

Fields:
- `law_references`: every legal citation (`extract/law.py` grammar);
- `legal_basis_citations`: art. 6(1) letters cited explicitly (`art. 6 nr. 1 bokstav f`, `6(1)(f)`);
- `legal_bases`: the citations plus bases stated in words as the ground of processing (cues in
  `resources/legal_basis_cues.json`: a basis term after a grounds frame, strong patterns such as
  `berettiget interesse` or `trenger vi ditt samtykke`, the basis column of a purpose/basis table, a
  `purpose: basis` line or list item, a basis alone in parentheses after a purpose);
  rights statements, conditions on a basis, definitions and negations are no statement of a basis,
  nor is a strong pattern in a sentence that goes on one about a use the controller may take up later
  (`Tar vi i bruk et analyseverktøy senere, spør vi først. Ingenting lastes inn før du har sagt ja`);
- `legal_bases_dpv`: the same bases as W3C DPV ids;
- `sentence_bases` (for `purpose_bases`): one entry per sentence that states a basis,
  `{"start", "end", "bases", "method", "spans"}` (`spans`: `[letter, start, end]` per basis term or
  citation, so several bases in one sentence can be told apart), or `{"start", "end", "bases",
  "method", "row": [start, end]}` for a table row's basis cell, with `"purpose_cell": [start, end]` when
  the table has a purpose column (and `"lifetime_cell"` when it also has a retention column).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..durations import find_durations
from ..rules import RulesError, check_entries, load_sections
from ..taxonomy import BASES, DPV
from . import Extraction
from .law import find_references, is_art6_1
from .purposes import scope as purpose_scope
from ..flat_tables import tables_of
from .layout import lead_in_line, unit_at

RESOURCE = "legal_basis_cues.json"
DETERMINER = r"(?:en|ei|ein|et|eit|vår|vårt|våre|din|ditt|dine|di|dykkar)"  # `Faktura: en rettslig forpliktelse`
FLAGS = regex.IGNORECASE
FRAME_REACH = 260          # characters from a frame to the term it governs
CONFIDENCE = {"citation": 0.97, "table": 0.9, "strong": 0.85, "frame": 0.85, "label": 0.8, "lead": 0.75,
              "inherit": 0.7}
LABEL_TAIL_WORDS = 12      # words a `purpose: basis` line may have after the basis term


@dataclass(frozen=True)
class Cues:
    terms: list[tuple[str, str, regex.Pattern]]
    frames: list[tuple[str, regex.Pattern]]
    strong: list[tuple[str, str, regex.Pattern, regex.Pattern | None]]
    blockers: list[tuple[str, str, regex.Pattern, frozenset[str]]]
    term_blockers: list[tuple[regex.Pattern, frozenset[str]]]   # scope 'term': matched from the term itself
    negation: regex.Pattern
    gap_words: regex.Pattern
    inherit: list[tuple[str, regex.Pattern]]
    heading_frame: regex.Pattern
    frame_after: regex.Pattern
    frame_after_veto: regex.Pattern
    elliptic_letter: regex.Pattern
    lead_term: regex.Pattern
    lead_item: regex.Pattern    # a short list item naming a basis (`- du har gitt samtykke`) under a basis lead-in
    label_term: regex.Pattern
    label_veto: regex.Pattern
    paren_term: regex.Pattern
    paren_veto: regex.Pattern
    paren_document: regex.Pattern


@lru_cache(maxsize=1)
def cues() -> Cues:
    data = load_sections(RESOURCE, ("terms", "frames", "strong", "blockers", "negation", "inherit", "heading_frame",
                                    "frame_after", "elliptic_letter", "label_veto", "paren_veto",
                                    "paren_document"))
    frame_after = data["frame_after"]
    if not isinstance(frame_after, dict) or set(frame_after) != {"pattern", "veto"}:
        raise RulesError(f"{RESOURCE}: frame_after needs exactly the keys pattern and veto")
    terms = check_entries(RESOURCE, data["terms"], {"id", "basis", "pattern"})
    frames = check_entries(RESOURCE, data["frames"], {"id", "pattern"})
    strong = check_entries(RESOURCE, data["strong"], {"id", "basis", "pattern"}, {"exclude"}, ("pattern", "exclude"))
    blockers = check_entries(RESOURCE, data["blockers"], {"id", "scope", "pattern"}, {"bases"})
    inherit = check_entries(RESOURCE, data["inherit"], {"id", "pattern"})
    for rule in terms + strong:
        if rule["basis"] not in BASES:
            raise RulesError(f"{RESOURCE}: {rule['id']}: unknown basis {rule['basis']!r}")
    for rule in blockers:
        if rule["scope"] not in ("before", "sentence", "consent", "term"):
            raise RulesError(f"{RESOURCE}: {rule['id']}: unknown scope {rule['scope']!r}")
        if not set(rule.get("bases", BASES)) <= set(BASES):
            raise RulesError(f"{RESOURCE}: {rule['id']}: unknown bases {rule['bases']!r}")
    neg = data["negation"]
    term_alt = "|".join(f"(?:{t['pattern']})" for t in terms)
    return Cues(
        terms=[(t["id"], t["basis"], regex.compile(t["pattern"], FLAGS)) for t in terms],
        frames=[(f["id"], regex.compile(f["pattern"], FLAGS)) for f in frames],
        strong=[(s["id"], s["basis"], regex.compile(s["pattern"], FLAGS),
                 regex.compile(s["exclude"], FLAGS) if s.get("exclude") else None) for s in strong],
        blockers=[(b["id"], b["scope"], regex.compile(b["pattern"], FLAGS), frozenset(b.get("bases", BASES)))
                  for b in blockers if b["scope"] != "term"],
        term_blockers=[(regex.compile(b["pattern"], FLAGS), frozenset(b.get("bases", BASES)))
                       for b in blockers if b["scope"] == "term"],
        negation=regex.compile(neg, FLAGS),
        gap_words=regex.compile(r"(?:\s+[\p{L}\d.-]+){0,2}\s*[«\"']?\s*", FLAGS),
        inherit=[(i["id"], regex.compile(i["pattern"], FLAGS)) for i in inherit],
        heading_frame=regex.compile(data["heading_frame"], FLAGS),
        frame_after=regex.compile(frame_after["pattern"], FLAGS),
        frame_after_veto=regex.compile(frame_after["veto"], FLAGS),
        elliptic_letter=regex.compile(data["elliptic_letter"], FLAGS),
        lead_term=regex.compile(rf"^\s*(?:-\s*)?[«\"]?(?:{term_alt})", FLAGS),
        lead_item=regex.compile(rf"^\s*(?:[-•*]|\d{{1,2}}[.)])\s*(?:[\p{{L}}\d-]+\s+){{0,6}}?(?:{term_alt})"
                                rf"(?:\s+[\p{{L}}\d()-]+){{0,4}}\s*[.;,]?\s*$", FLAGS),
        label_term=regex.compile(rf"^\s*(?:-\s*)?(?P<label>[^\n:;|.!?]{{2,80}}?)\s*(?::|\s[–—-])\s*[«\"(]?"
                                 rf"(?:{DETERMINER}\s+)?(?P<term>{term_alt})", FLAGS),
        label_veto=regex.compile(data["label_veto"], FLAGS),
        paren_term=regex.compile(rf"\(\s*(?P<term>{term_alt})\s*(?:[,;:–—-]\s*[^()\n]{{0,60}}?|\s(?:etter|jf\.?|jfr\.?|"
                                 rf"i\s+medhold\s+av|i\s+henhold\s+til|ifølge)\s+[^()\n]{{1,60}}?)?\)", FLAGS),
        paren_veto=regex.compile(data["paren_veto"], FLAGS),
        paren_document=regex.compile(rf"(?:{data['paren_document']})\s*$", FLAGS),
    )


@dataclass
class Hit:
    basis: str
    start: int          # offsets relative to the text given to `stated_bases`
    end: int
    method: str
    kind: str           # citation, strong, frame, lead, table, inherit


def _negated(text: str, pos: int) -> bool:
    """Does a negation stand at most two words before pos (`krever ikke samtykke`, `uten rettslig grunnlag`)?"""
    c = cues()
    lo = max(0, pos - 40)
    for m in c.negation.finditer(text, lo, min(len(text), pos + 20)):
        if m.end() <= pos and c.gap_words.fullmatch(text, m.end(), pos):
            return True
    return False


def _negated_after(text: str, pos: int) -> bool:
    """Does a negation follow right after a pattern that ends in its verb (`Samtykke innhentes ikke`)?"""
    gap = regex.match(r"\s+", text[pos:pos + 5])
    return gap is not None and cues().negation.match(text, pos + gap.end()) is not None


# `uten at` opening a strong pattern: a condition that is a negation itself (`aldri ... uten at du har
# samtykket` says the use needs consent) when a negation stands before it, within NEGATION_REACH characters;
# a negation is then looked for only after it, and one right before it does not negate the pattern.
NEGATIVE_CONDITION = regex.compile(r"(?:uten|utan)\s+at\s", regex.I)
NEGATION_REACH = 80


TERM_JOIN = regex.compile(r"(?<!\p{L})(?:og|eller|samt|and|or)(?!\p{L})|[,/;]|\(", regex.I)
RIGHT_CLAUSE = regex.compile(r",\s*(?:og|men|and|but)\s", regex.I)


def stated_bases(text: str, lead_frame: bool = False) -> list[Hit]:
    """Bases a sentence states in words. lead_frame: a heading or lead-in names the basis."""
    c = cues()
    frames = [(m.start(), m.end(), fid) for fid, pat in c.frames for m in pat.finditer(text)
              if not _negated(text, m.start())]
    blockers = [(m.start(), m.end(), scope, letters) for _, scope, pat, letters in c.blockers
                for m in pat.finditer(text)]

    def blocked(basis: str, s: int, e: int, strong: bool = False) -> bool:
        if any(basis in letters and pat.match(text, s) for pat, letters in c.term_blockers):
            return True
        for bs, be, scope, letters in blockers:
            if basis not in letters:
                continue
            if scope == "sentence":
                return True
            if scope == "before" and be <= s:
                return True
            if scope == "consent" and basis == "a":
                # a right in a clause of its own after the basis (`med samtykket ditt, og det kan du trekke
                # tilbake`) leaves it; not a right that is the main clause (`Har du samtykket, kan du ...`)
                framed_before = any(fe <= s for _, fe, _ in frames) or (
                    strong and RIGHT_CLAUSE.search(text, e, bs) is not None)
                if not (bs >= e and framed_before):
                    return True
        return _negated(text, s) and not NEGATIVE_CONDITION.match(text, s)

    terms = [(tid, basis, m) for tid, basis, pat in c.terms for m in pat.finditer(text)]

    def nearer_term(frame_end: int, start: int, basis: str) -> bool:
        """A term of another basis stands between the frame and this one, not joined to it (`grunnlag i vår
        berettigede interesse i å følge opp kundeavtalen`: the frame is the interest's, not the contract's)."""
        return any(frame_end <= t.start() and t.end() <= start and other != basis
                   and not TERM_JOIN.search(text, t.end(), start) for _, other, t in terms)

    hits: list[Hit] = []
    short_item = lead_frame and c.lead_item.match(text) is not None
    for tid, basis, m in terms:
        frame = max((f for f in frames if f[0] < m.start() and f[1] <= m.end() and m.start() - f[1] <= FRAME_REACH),
                    key=lambda f: f[1], default=None)
        if frame is not None and nearer_term(frame[1], m.start(), basis):
            frame = None
        if frame is None and (after := _frame_after(text, m.start(), m.end())):
            frame = after
        if frame is None and not (lead_frame and (short_item or c.lead_term.match(text[:m.end()]))):
            continue
        if blocked(basis, m.start(), m.end()):
            continue
        if frame is not None:
            hits.append(Hit(basis, m.start(), m.end(), f"{frame[2]}+{tid}", "frame"))
        else:
            hits.append(Hit(basis, m.start(), m.end(), f"lead.heading_or_lead_in+{tid}", "lead"))
    hits.extend(_label_hits(text, blocked))
    hits.extend(_paren_hits(text, blocked))
    for sid, basis, pat, exclude in c.strong:
        for m in pat.finditer(text):
            if exclude is not None and exclude.search(text):
                continue
            condition = NEGATIVE_CONDITION.match(text, m.start())
            if condition and not c.negation.search(text, max(0, m.start() - NEGATION_REACH), m.start()):
                continue  # `uten at du har samtykket` with no `ikke` / `aldri` before it: without consent
            if (c.negation.search(text, condition.end() if condition else m.start(), m.end())
                    or _negated_after(text, m.end()) or blocked(basis, m.start(), m.end(), True)):
                continue
            hits.append(Hit(basis, m.start(), m.end(), sid, "strong"))
    return hits


def _frame_after(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The frame that follows a term (`Avtalen med deg er grunnlaget`), unless a condition stands before
    the term (`Dersom samtykke er grunnlaget`) or a negation between term and frame."""
    c = cues()
    m = c.frame_after.match(text, end)
    if m is None or c.frame_after_veto.search(text[max(0, start - 60):start]) \
            or c.frame_after_veto.search(m.group(0)):
        return None
    return m.start(), m.end(), "frame.after_term"


def _label_hits(text: str, blocked) -> list[Hit]:
    """A `purpose: basis` line or list item (`- Nyhetsbrev: samtykke (art. 6 (1) a)`, `- Kontaktskjema –
    berettiga interesse`, `- Formål 3 – Opprette profiler for annonser: samtykke`): the separator after a short
    label frames the basis terms of a short tail."""
    c = cues()
    m = c.label_term.match(text)
    if m is None:
        return []
    label = m.group("label")
    if c.heading_frame.search(label) or any(pat.search(label) for _, _, pat in c.terms):
        return []
    tail = text[m.start("term"):]
    if len(regex.sub(r"\([^)]*\)", " ", tail).split()) > LABEL_TAIL_WORDS or c.label_veto.match(text, m.end()):
        return []
    hits = []
    for tid, basis, pat in c.terms:
        for t in pat.finditer(text, m.start("term")):
            if not blocked(basis, t.start(), t.end()):
                hits.append(Hit(basis, t.start(), t.end(), f"label.purpose_then_basis+{tid}", "label"))
    return hits


def _after_period(text: str, pos: int) -> bool:
    """Does a storage period end the clause before `pos` (`5 år etter regnskapsåret (`)?"""
    clause_start = max(text.rfind(sep, 0, pos) for sep in (",", ";", ":", ". ")) + 1
    return any(d.start < pos for d in find_durations(text[clause_start:pos], offset=clause_start))


def _paren_hits(text: str, blocked) -> list[Hit]:
    """A basis named alone in parentheses after what it grounds (`levere tjenesten (avtale)`,
    `nyhetsbrev (samtykke, art. 6 nr. 1 a)`, `kontrollere alder (rettslig plikt etter alkoholloven)`): the
    parentheses are the frame."""
    c = cues()
    hits = []
    for m in c.paren_term.finditer(text):
        if c.paren_veto.fullmatch(m.group("term")) and (
                text[m.end():].strip().strip(".;") or c.paren_document.search(text, 0, m.start())):
            continue  # `Disse vilkårene (avtalen) gjelder`, `Les vilkårene (avtalen).`: a name given to a
            # document, not a basis; after what is done, ending its item, it states it (`- behandle
            # reklamasjoner (avtalen)`)
        if _after_period(text, m.start()):
            continue  # `Fakturaer: fem år etter regnskapsåret (bokføringsloven)`: why data is kept so long
        for tid, basis, pat in c.terms:
            t = pat.match(text, m.start("term"))
            if t and t.end() == m.end("term") and not blocked(basis, t.start(), t.end()):
                hits.append(Hit(basis, t.start(), t.end(), f"paren.basis_in_parentheses+{tid}", "label"))
                break
    return hits


def table_bases(text: str) -> list[Hit]:
    """Bases named in a basis-column cell: any basis term counts (the column is the frame)."""
    c = cues()
    hits = []
    for tid, basis, pat in c.terms:
        for m in pat.finditer(text):
            if not _negated(text, m.start()):
                hits.append(Hit(basis, m.start(), m.end(), f"table.basis_column+{tid}", "table"))
    return hits


def _citation_blocked(text: str, pos: int) -> bool:
    """Is a citation inside a rights statement or a condition (blockers that stand before it)?"""
    for _, scope, pat, letters in cues().blockers:
        if len(letters) < len(BASES):
            continue  # blockers for some letters only concern words, not citations
        if scope in ("before", "sentence") and any(m.end() <= pos or scope == "sentence" for m in pat.finditer(text)):
            return True
    return False


def _elliptic_letters(text: str) -> list[Hit]:
    """`(bokstav b)` alone, in a basis section of a document that cites art. 6(1) elsewhere."""
    return [Hit(m.group("letter").lower(), m.start(), m.end(), "lead.elliptic_letter", "lead")
            for m in cues().elliptic_letter.finditer(text) if not _citation_blocked(text, m.start())]


def _basis_section(doc, offset: int):
    """The section holding `offset` when its heading names the basis (`Rettslig grunnlag`), else None."""
    sec = doc.section_at(offset)
    return sec if sec is not None and cues().heading_frame.search(sec.heading) else None


def _lead_frame(doc, sent) -> bool:
    """Does the heading above, or a lead-in line ending in ':' right before, name the basis?"""
    sec = _basis_section(doc, sent.start_char)
    if sec is not None and sent.start_char - sec.body_start < 600:
        return True
    lead = lead_in_line(doc, sent.start_char)
    return lead.endswith(":") and bool(cues().heading_frame.search(lead))


def _table_entries(doc) -> list[dict]:
    """One entry per table row whose basis cell names a basis (purpose/basis tables). `Label: value` records
    without a purpose label (`Rettslig grunnlag: avtalen med deg` / `Lagringstid: 3 måneder` under the prose
    they close) are no such table: their basis lines are read as sentences."""
    out = []
    for table in tables_of(doc):
        if not table.has("basis") or (table.kind in ("records", "label_lines") and not table.has("purpose")):
            continue
        for row in table.rows:
            cell = row.cells.get("basis")
            if cell is None:
                continue
            letters, methods = [], []
            for h in table_bases(cell.text):
                if h.basis not in letters:
                    letters.append(h.basis)
                    methods.append(h.method)
            for ref in find_references(cell.text):
                if is_art6_1(ref):
                    for letter in ref["letters"]:
                        if letter in BASES and letter not in letters:
                            letters.append(letter)
                            methods.append("table.basis_column+citation.art6")
            if letters:
                entry = {"start": cell.start, "end": cell.end, "bases": letters, "method": "; ".join(methods),
                         "row": [row.start, row.end], "kind": "table"}
                if (purpose := row.cells.get("purpose")) is not None:
                    entry["purpose_cell"] = [purpose.start, purpose.end]
                    if (lifetime := row.cells.get("lifetime")) is not None:
                        entry["lifetime_cell"] = [lifetime.start, lifetime.end]
                out.append(entry)
    return out


def _goes_on_hypothetical(doc, start: int) -> bool:
    """Does the sentence at `start` go on one, in the same paragraph or item, about a use the controller
    may take up later (`Tar vi i bruk et analyseverktøy senere, spør vi først.`)?"""
    prior = doc.sentence_at(start - 1) if start else None
    return (prior is not None and purpose_scope()["hypothetical_use"].search(prior.text) is not None
            and unit_at(doc, prior.start_char) is unit_at(doc, start))


def extract(doc, fields) -> Extraction:
    text = doc.text
    refs = find_references(text)
    findings = []
    law_references = []
    for ref in refs:
        value = {k: ref[k] for k in ("law", "article", "paragraph", "letters", "text", "start", "end")}
        law_references.append(value)
        conf = CONFIDENCE["citation"] if ref["law"] else 0.85
        findings.append(doc.finding("law_references", value, ref["start"], ref["end"], ref["method"], conf))

    citations: list[str] = []
    for ref in refs:
        if is_art6_1(ref):
            for letter in ref["letters"]:
                if letter in BASES:
                    findings.append(doc.finding("legal_basis_citations", letter, ref["start"], ref["end"],
                                                f"{ref['method']}:art6_1", CONFIDENCE["citation"]))
                    if letter not in citations:
                        citations.append(letter)

    table_entries = _table_entries(doc)
    table_spans = [(e["start"], e["end"]) for e in table_entries]
    sentence_bases: list[dict] = []
    previous: dict | None = None
    for sent in doc.sentences():
        s0, s1 = sent.start_char, sent.end_char
        stext = sent.text
        if any(a <= s0 < b or s0 <= a < s1 for a, b in table_spans):
            previous = None
            continue
        heading = doc.is_heading_line(s0)
        hits: list[Hit] = []
        for ref in refs:
            if s0 <= ref["start"] < s1 and is_art6_1(ref) and not _citation_blocked(stext, ref["start"] - s0):
                hits.extend(Hit(x, ref["start"] - s0, ref["end"] - s0, f"{ref['method']}:art6_1", "citation")
                            for x in ref["letters"] if x in BASES)
        if not heading:
            stated = stated_bases(stext, lead_frame=_lead_frame(doc, sent))
            if any(h.kind == "strong" for h in stated) and _goes_on_hypothetical(doc, s0):
                stated = [h for h in stated if h.kind != "strong"]
            hits.extend(stated)
            if citations and _basis_section(doc, s0) is not None:
                hits.extend(_elliptic_letters(stext))
            if not hits and previous is not None:
                for iid, pat in cues().inherit:
                    if pat.search(stext):
                        same_unit = unit_at(doc, previous["start"]) is unit_at(doc, s0)
                        if same_unit:
                            hits.extend(Hit(x, 0, len(stext.rstrip()), f"{iid}<-{previous['method']}", "inherit")
                                        for x in previous["bases"])
                        break
        if not hits:
            previous = None
            continue
        letters, methods, kinds = [], [], []
        for h in sorted(hits, key=lambda h: (h.start, h.basis)):
            if h.basis not in letters:
                letters.append(h.basis)
                methods.append(h.method)
                kinds.append(h.kind)
        entry = {"start": s0, "end": s0 + len(stext.rstrip()), "bases": letters, "method": "; ".join(methods),
                 "kind": "+".join(sorted(set(kinds))),
                 "spans": [[h.basis, s0 + h.start, s0 + h.end] for h in sorted(hits, key=lambda h: (h.start, h.basis))]}
        sentence_bases.append(entry)
        previous = entry
    sentence_bases.extend(table_entries)
    sentence_bases.sort(key=lambda e: e["start"])

    stated: dict[str, list[dict]] = {}
    for entry in sentence_bases:
        for letter, method in zip(entry["bases"], entry["method"].split("; ")):
            stated.setdefault(letter, []).append({"start": entry["start"], "end": entry["end"], "method": method})
    for letter, places in stated.items():
        for place in places:
            kind = place["method"].split(".")[0].split("+")[0]
            conf = CONFIDENCE.get(kind, CONFIDENCE["frame"])
            if "citation" in place["method"]:
                conf = CONFIDENCE["citation"]
            findings.append(doc.finding("legal_bases", letter, place["start"], place["end"], place["method"], conf))
    for letter in citations:
        if letter not in stated:  # cited only inside a right or a condition: still a cited basis
            ref = next(r for r in refs if is_art6_1(r) and letter in r["letters"])
            findings.append(doc.finding("legal_bases", letter, ref["start"], ref["end"],
                                        f"{ref['method']}:art6_1", CONFIDENCE["citation"]))
    bases = [b for b in BASES if b in citations or b in stated]
    for entry in sentence_bases:
        entry.pop("kind", None)
    return Extraction({"law_references": law_references,
                       "legal_basis_citations": [b for b in BASES if b in citations],
                       "legal_bases": bases,
                       "legal_bases_dpv": [DPV[b] for b in bases],
                       "sentence_bases": sentence_bases}, findings)

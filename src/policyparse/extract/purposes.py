"""`purposes`: what personal data is processed for, tagged sentence by sentence.

Two sources decide a sentence's labels: high-precision cue rules (`resources/purpose_cues.json`) and
the trained classifier (`models/purposes.skops`, see `policyparse.classify`). A rule hit always
labels its sentence; per label, the model's metadata says whether the model also labels sentences
(its probability over the label's threshold) or the rules decide alone, as chosen by grouped
cross-validation; each finding says which one decided. Without a usable model the rules run alone
and the record says so.

In a sentence where a cue rule fired for another label, a label only the model gives needs a
probability of `MODEL_BESIDE_RULE_MIN` (chosen on 12 synthetic documents no model had seen:
`purpose_bases` 0.75 -> 0.76, `purposes` unchanged).

A purpose that only the model gives in a document, with no cue rule for it anywhere in the document,
needs one sentence of probability `MODEL_ONLY_DOCUMENT_MIN` or more; otherwise its sentence labels are
dropped. Out of fold on the development and synthetic documents (each parsed with a model trained
without it), all 5 such purposes under 0.85 were false positives and 13 of the 14 at 0.9 or more were
right.

Some sentences name purposes without stating one (`resources/purpose_scope.json`): the sentences of a
section that explains what cookies are in general (`Hva er informasjonskapsler?`), sentences about
adopting tools later (`Tar vi i bruk et analyseverktøy senere, spør vi først`), sentences about what
another party does for its own ends (`Vimeo kan bruke dataene til egne formål`), sentences about the
business (`Vi hjelper bedrifter med kundeservice og kundeundersøkelser`), the work the controller does as its
clients' processor (`... behandler vi på vegne av kunden`), rows of a table that
marks a category as not used (`Brukes? | Nei`), purpose words inside a denied use (`Vi bruker ikke
Google Analytics eller andre verktøy for statistikk`), and a membership or customer relationship named
as the legal basis (`Grunnlaget for dette er medlemskapet ditt`): a cue that matches only there does not
fire, and the model may not give its label in that sentence either. A sentence or table cell that is
only a legal basis (`Samtykke, art. 6 nr. 1 a`) gets no label from the model, and a cell of a table
flattened a cell a line that only names its row's cookie, provider or lifetime gets none its row's other
cells do not have (`within_rows`).
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..rules import load_patterns, load_rules
from ..sections import BREADCRUMB
from ..taxonomy import PURPOSES
from . import Extraction
from ..flat_tables import header_role, tables_of
from .layout import PIPE, pipe_row

MODEL_ONLY_DOCUMENT_MIN = 0.85
MODEL_BESIDE_RULE_MIN = 0.9
UNUSED_SECTION_MAX_CHARS = 800  # a section saying its cookie category is unused is about that one category
# Columns that name or describe the thing a table row is about (its cookie, provider, lifetime), not what it
# is for: such a cell, on a line of its own, says no purpose the rest of its row does not say.
IDENTIFIER_ROLES = frozenset({"name", "key", "provider", "domain", "supplier", "lifetime", "location", "link"})


@lru_cache(maxsize=1)
def cue_rules() -> list[tuple[str, str, regex.Pattern, regex.Pattern | None]]:
    rules = load_rules("purpose_cues.json", {"id", "label", "pattern"}, {"exclude"}, ("pattern", "exclude"))
    out = []
    for r in rules:
        if r["label"] not in PURPOSES:
            raise ValueError(f"purpose_cues.json: rule {r['id']}: unknown label {r['label']!r}")
        exclude = regex.compile(r["exclude"], regex.I) if r.get("exclude") else None
        out.append((r["id"], r["label"], regex.compile(r["pattern"], regex.I), exclude))
    return out


WHOLE_SENTENCE_SCOPES = ("third_party_use", "pointer", "policy_scope", "question", "contact_instruction",
                         "contact_details", "menu_line", "definition", "data_categories", "reader_choice",
                         "access_safeguard", "consent_record", "business_description", "capability", "processor_role")


@lru_cache(maxsize=1)
def scope() -> dict[str, regex.Pattern]:
    return load_patterns("purpose_scope.json", {"definition_heading", "negated_use", "withdrawn_use", "scope_end",
                                                "negation_exception", "hypothetical_use", "not_used_header",
                                                "not_used_value", "unused_heading", "unused_category", "bare_basis",
                                                "basis_term", *WHOLE_SENTENCE_SCOPES})


def negated_spans(text: str) -> list[tuple[int, int]]:
    """Clauses of the text that deny a use (`Vi bruker ikke ... for statistikk`, `Pikselen blir ikke brukt
    til ...`): from the clause start to its end; a last clause that takes the use back (`..., men den
    funksjonen har vi skrudd av`): from the start of the text to its end."""
    pats = scope()
    spans = [(0, len(text))] if pats["withdrawn_use"].search(text) else []
    for m in pats["negated_use"].finditer(text):
        end = pats["scope_end"].search(text, m.end())
        end = end.start() if end else len(text)
        if not pats["negation_exception"].search(text, m.end(), end):
            start = max((b.end() for b in pats["scope_end"].finditer(text, 0, m.start())), default=0)
            spans.append((start, end))
    return spans


def basis_term_spans(text: str) -> list[tuple[int, int]]:
    """A relationship the text names as the legal basis (`Grunnlaget ... er medlemskapet ditt`)."""
    return [m.span("term") for m in scope()["basis_term"].finditer(text)]


def sentence_cues(text: str) -> tuple[dict[str, str], set[str]]:
    """({label: id of the first rule that fired} outside a denied use or a relationship named as the
    basis, labels whose cues match the text only inside one: neither rule nor model gives those). One pass
    over the rules."""
    blocked = negated_spans(text) + basis_term_spans(text)
    hits: dict[str, str] = {}
    denied: set[str] = set()
    for rule_id, label, pattern, exclude in cue_rules():
        if label in hits:
            continue
        if blocked:
            starts = [m.start() for m in pattern.finditer(text)]
            outside = any(not any(a <= s < b for a, b in blocked) for s in starts)
        else:
            starts = [0] if pattern.search(text) else []
            outside = True
        if not starts or (exclude and exclude.search(text)):  # the exclusions are the costly patterns
            continue
        if outside:
            hits[label] = rule_id
        else:
            denied.add(label)
    return hits, denied - set(hits)


def cue_labels(text: str) -> dict[str, str]:
    """Labels whose cue fires on the text (outside a denied use), with the id of the first rule that fired."""
    return sentence_cues(text)[0]


def with_purpose_cells(cues: tuple[dict[str, str], set[str]], sent, row) -> tuple[dict[str, str], set[str]]:
    """The `sentence_cues` of a sentence (`cues`); for a `|` row (`row`: its `pipe_row`), the cues of its
    purpose cells (under `Formål`) also count when read on their own, so that an exclusion in another cell
    (`Til du trekker samtykket tilbake` under `Lagringstid`) does not veto the purpose the row states. They
    are rule votes only: the model's cue features stay those of the whole row, as in training."""
    if row is None or PIPE not in sent.text:
        return cues
    hits, denied = dict(cues[0]), set(cues[1])
    _, cells, header = row
    for cell, head in zip(cells, header):
        if header_role(head.strip()) == "purpose" and cell.strip() and cell.strip() in sent.text:
            for label, rule_id in cue_labels(cell).items():
                if label not in hits:
                    hits[label] = rule_id
                    denied.discard(label)
    return hits, denied


def _not_used_row(row) -> bool:
    """Is the `pipe_row` a row whose cell under a `Brukes?` header says `Nei`?"""
    pats = scope()
    if row is None:
        return False
    _, cells, header = row
    return any(pats["not_used_header"].fullmatch(h.strip()) and i < len(cells)
               and pats["not_used_value"].fullmatch(cells[i].strip()) for i, h in enumerate(header))


def unused_sections(doc) -> set[int]:
    """Sections of a cookie declaration for a category the site does not use (`Markedsføring (0)`, `Vi bruker
    ikke informasjonskapsler av denne typen` in a short section: a category's description and that line, not
    a whole cookie section whose category lines were not read as headings)."""
    pats = scope()
    return {i for i, sec in enumerate(doc.sections)
            if pats["unused_heading"].search(sec.heading)
            or sec.end - sec.body_start <= UNUSED_SECTION_MAX_CHARS
            and pats["unused_category"].search(doc.text, sec.body_start, sec.end)}


def states_no_purpose(doc, sent, row, unused: set[int] = frozenset()) -> bool:
    """A sentence of a general explanation of cookies, a definition (`Personopplysninger er ...`), about
    adopting tools later or about what another party does for its own ends, a pointer to more information
    (`Les mer om hvordan Meta bruker ...`), a statement of what the policy covers (`Erklæringen gjelder når
    du handler hos oss ...`), a question (`Hvor lenge oppbevarer vi ...?`), how to reach the controller
    (`Du kan kontakte kundeservice via chat ...`, `Spørsmål om ordre rettes til ...@...`), a navigation trail or menu (`Hjem / Kundeservice / Cookies`,
    `Jobb · Kurs · Presse`), a list of the data of a category (`Betalingsopplysninger: betalingsmåte, ...`),
    what the reader may do (`Du kan slå av informasjonskapsler for statistikk ...`), who may reach the data
    as a safeguard (`Berre styret har tilgang til medlemslista`), a cookie that only stores the consent
    choice (`Lagrer samtykkevalget ditt`), a row (`row`: the `pipe_row` of its line) of a category marked as
    not used, or a sentence of one of the `unused` sections."""
    index = doc.section_index_at(sent.start_char)
    sec = doc.sections[index] if index is not None else None
    pats = scope()
    text = sent.text  # a spaCy span builds its text from its tokens on every access
    return (bool(sec and pats["definition_heading"].match(sec.heading)) or index in unused or _not_used_row(row)
            or pats["hypothetical_use"].search(text) is not None
            or any(pats[key].match(text) for key in WHOLE_SENTENCE_SCOPES)
            or (BREADCRUMB.search(text) is not None and len(text.split()) <= 12))


def labelled_sentences(doc):
    """Sentences the tagger looks at: body text, not heading lines."""
    return [s for s in doc.sentences() if not doc.is_heading_line(s.start_char)]


def weak_model_only(tagged: list[dict[str, tuple[str, float]]]) -> set[str]:
    """Labels that only the model gives in the document, none with `MODEL_ONLY_DOCUMENT_MIN` or more."""
    ruled, best = set(), {}
    for labels in tagged:
        for label, (method, conf) in labels.items():
            if method.startswith("rule:"):
                ruled.add(label)
            best[label] = max(best.get(label, 0.0), conf)
    return {label for label, conf in best.items() if label not in ruled and conf < MODEL_ONLY_DOCUMENT_MIN}


def sentence_labels(hits: dict[str, str], predicted: dict[str, float]) -> dict[str, tuple[str, float]]:
    """{label: (method, confidence)} of one sentence from its cue-rule hits ({label: rule id}) and the
    model's labels over threshold ({label: probability}). Beside a rule hit for another label, a label
    only the model gives needs `MODEL_BESIDE_RULE_MIN` (`Sende nyhetsbrev`: the newsletter rule, not a
    guessed service_delivery)."""
    labels = {}
    for label in PURPOSES:
        rule, prob = hits.get(label), predicted.get(label)
        if rule and prob is not None:
            labels[label] = (f"rule:{rule}+model", max(0.9, prob))
        elif rule:
            labels[label] = (f"rule:{rule}", 0.8)
        elif prob is not None and (prob >= MODEL_BESIDE_RULE_MIN or not hits):
            labels[label] = ("model:purposes", prob)
    return labels


def within_rows(doc, sentences, tagged: list[dict[str, tuple[str, float]]]) -> list[dict[str, tuple[str, float]]]:
    """A table flattened a cell a line: the model's labels of a cell that only names its row's cookie,
    provider or lifetime (`Google`, `_ga`, `2 år`) are kept only when another cell of the row has them
    (the row's description or purpose), as the model reads a lone name by what that name usually does
    (`Google` -> advertising in a row about statistics). Cue-rule labels stay."""
    cells: dict[int, tuple[int, int, bool]] = {}   # cell start -> (cell end, row id, identifier cell?)
    for table in tables_of(doc):
        if table.kind == "pipes":
            continue
        for row in table.rows:
            roles = {id(c): r for r, c in zip(table.roles, row.columns) if c is not None}
            roles.update({id(c): r for r, c in row.cells.items()})
            for cell in row.values:
                cells[cell.start] = (cell.end, row.start, roles.get(id(cell)) in IDENTIFIER_ROLES)
    if not cells:
        return tagged
    placed = []
    for s in sentences:
        cell = cells.get(s.start_char)
        placed.append(cell[1:] if cell is not None and s.end_char <= cell[0] + 1 else None)
    said: dict[int, set[str]] = {}
    described: set[int] = set()
    for at, labels in zip(placed, tagged):
        if at is not None and not at[1]:
            described.add(at[0])
            said.setdefault(at[0], set()).update(labels)
    out = []
    for at, labels in zip(placed, tagged):
        if at is not None and at[1] and at[0] in described:
            labels = {k: v for k, v in labels.items() if k in said[at[0]] or not v[0].startswith("model:")}
        out.append(labels)
    return out


def extract(doc, fields) -> Extraction:
    from ..classify import predict_sentences

    with_rows = [(s, pipe_row(doc.text, s.start_char)) for s in labelled_sentences(doc)]
    unused = unused_sections(doc)
    with_rows = [(s, row) for s, row in with_rows if not states_no_purpose(doc, s, row, unused)]
    sentences = [s for s, _ in with_rows]
    text_cues = [sentence_cues(s.text) for s in sentences]
    cues = [with_purpose_cells(c, s, row) for c, (s, row) in zip(text_cues, with_rows)]
    # the model's cue features are those of the sentence text, as in training (`classify.cue_hits_of`)
    predictions, model_note = predict_sentences(doc, sentences, cue_hits=[hits for hits, _ in text_cues])
    if model_note:
        doc.warnings.append(model_note)
    bare_basis = scope()["bare_basis"]
    tagged = [sentence_labels(hits, {} if bare_basis.match(sent.text) else
                              {k: v for k, v in predicted.items() if k not in no})
              for sent, (hits, no), predicted in zip(sentences, cues, predictions)]
    tagged = within_rows(doc, sentences, tagged)
    weak = weak_model_only(tagged)
    sentence_purposes, findings, purposes = [], [], {}
    for sent, labels in zip(sentences, tagged):
        labels = {k: v for k, v in labels.items() if k not in weak}
        if not labels:
            continue
        sentence_purposes.append({"start": sent.start_char, "end": sent.end_char, "purposes": list(labels),
                                  "method": "; ".join(m for m, _ in labels.values())})
        for label, (method, conf) in labels.items():
            findings.append(doc.finding("purposes", label, sent.start_char, sent.end_char, method, conf))
            purposes.setdefault(label, True)
    return Extraction({"purposes": [p for p in PURPOSES if p in purposes],
                       "sentence_purposes": sentence_purposes}, findings)

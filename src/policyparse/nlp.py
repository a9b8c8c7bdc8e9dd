"""The spaCy pipeline: `nb_core_news_sm` when installed, else `spacy.blank("nb")`, plus our sentence rules.

Sentence boundaries come from one rule component in both cases (line breaks, and full stops that do
not close an abbreviation or sit inside an identifier such as `DotMetrics.SessionCookieTemp`), so
sentence offsets, and the annotations keyed to them, do not depend on which model happens to be installed.
"""
from __future__ import annotations

import logging
from functools import lru_cache

import numpy
import regex
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

from .rules import load_lines

MODEL_NAME = "nb_core_news_sm"
log = logging.getLogger(__name__)

_OPENERS = set('"«(\'[')
# A dot, underscore or inner capital: a word with one around a full stop is an identifier
# (`DotMetrics.UniqueUserIdentityCookie`, `Microsoft.Graph.Client`), not a sentence run on without its
# space (`slutt.Neste`).
IDENTIFIER_MARK = regex.compile(r"[._]\w|\p{Ll}\p{Lu}")
_ENDERS = set(".!?…")


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    return frozenset(load_lines("abbreviations.txt"))


def _ends_sentence(doc: Doc, i: int, abbr: frozenset[str]) -> bool:
    """Does token i close a sentence (ignoring line breaks, handled separately)?"""
    tok = doc[i]
    text = tok.text
    while text and text[-1] in ")]\"'»":
        text = text[:-1]
        if not text and i > 0:  # a lone closing bracket or quote: look at what it closes
            return _ends_sentence(doc, i - 1, abbr)
    if not text or text[-1] not in _ENDERS:
        return False
    if text == "." and i > 0 and f"{doc[i - 1].text.lower()}." in abbr and not doc[i - 1].whitespace_:
        return False
    return text.lower() not in abbr


def _inside_identifier(doc: Doc, i: int) -> bool:
    """Does token i go on a word (no whitespace before it) that is an identifier on either side of the
    full stop before it?"""
    start = i - 1
    while start > 0 and not doc[start - 1].whitespace_:
        start -= 1
    end = i
    while end < len(doc) - 1 and not doc[end].whitespace_:
        end += 1
    text = doc.text
    return bool(IDENTIFIER_MARK.search(text, doc[start].idx, doc[i - 1].idx + len(doc[i - 1].text) - 1)
                or IDENTIFIER_MARK.search(text, doc[i].idx, doc[end].idx + len(doc[end].text)))


@Language.component("policy_sentences")
def policy_sentences(doc: Doc) -> Doc:
    """Sentence starts at every line start and after a sentence-final token before a capital letter."""
    abbr = abbreviations()
    prev_real = -1
    # Collected first and set in one call: assigning `tok.is_sent_start` token by token rescans the
    # whole Doc each time (spaCy checks for a parse), which is quadratic on long documents.
    starts = numpy.full(len(doc), -1, dtype="int64")
    for i, tok in enumerate(doc):
        if i == 0:
            starts[i] = 1
            continue
        prev = doc[i - 1]
        start = False
        if tok.is_space:
            start = False
        elif "\n" in prev.text or "\n" in prev.whitespace_:
            start = True
        elif prev_real >= 0 and _ends_sentence(doc, prev_real, abbr) and not (
                not prev.whitespace_ and _inside_identifier(doc, i)):
            first = tok.text[0]
            start = first.isupper() or (first in _OPENERS and len(tok.text) > 1 and tok.text[1].isupper()) \
                or (first in _OPENERS and i + 1 < len(doc) and doc[i + 1].text[:1].isupper())
        starts[i] = 1 if start else -1
        if not tok.is_space:
            prev_real = i
    if len(doc):
        doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


@lru_cache(maxsize=1)
def load_pipeline() -> tuple[Language, str]:
    """The shared pipeline and a short description of which one it is."""
    try:
        nlp = spacy.load(MODEL_NAME, exclude=["ner"])
        name = f"{MODEL_NAME} {nlp.meta.get('version', '')}".strip()
        nlp.add_pipe("policy_sentences", first=True)
    except OSError:
        nlp = spacy.blank("nb")
        name = 'spacy.blank("nb")'
        nlp.add_pipe("policy_sentences")
        log.info("%s is not installed; using %s with rule-based sentences", MODEL_NAME, name)
    for abbr in abbreviations():
        for form in {abbr, abbr.capitalize(), abbr.upper()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    nlp.max_length = 2_000_000
    return nlp, name

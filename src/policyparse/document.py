"""A parsed policy as the extractors see it: normalized text, sections, sentences and a spaCy Doc."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any, Iterator

from spacy.tokens import Doc, Span

from .normalize import Normalized
from .sections import Section


@dataclass
class Finding:
    """One extracted value with the evidence a reviewer needs to check it."""
    field: str
    value: Any
    start: int
    end: int
    method: str               # the rule, gazetteer entry or model that produced it
    confidence: float
    section: str | None = None
    sentence: str = ""

    def to_dict(self) -> dict:
        return {"field": self.field, "value": self.value, "section": self.section, "sentence": self.sentence,
                "start": self.start, "end": self.end, "method": self.method,
                "confidence": round(float(self.confidence), 3)}


@dataclass
class ParsedDocument:
    policy_id: str
    source: str
    normalized: Normalized
    sections: list[Section]
    doc: Doc
    pipeline: str
    url: str | None = None
    title: str | None = None
    warnings: list[str] = field(default_factory=list)
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _sentences: list[Span] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._sentences = [s for s in self.doc.sents if s.text.strip()]
        self._sentence_starts = [s.start_char for s in self._sentences]
        self._section_starts = [s.start for s in self.sections]

    @property
    def text(self) -> str:
        return self.normalized.text

    def sentences(self) -> list[Span]:
        """Sentences with text (blank-line tokens dropped)."""
        return self._sentences

    def sentence_at(self, offset: int) -> Span | None:
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        return self._sentences[i] if i >= 0 else None

    def section_index_at(self, offset: int) -> int | None:
        i = bisect.bisect_right(self._section_starts, offset) - 1
        return i if i >= 0 else None

    def section_at(self, offset: int) -> Section | None:
        i = self.section_index_at(offset)
        return self.sections[i] if i is not None else None

    def heading_path(self, offset: int) -> list[str]:
        """Headings from the outermost section down to the one containing offset."""
        i = self.section_index_at(offset)
        path = []
        while i is not None:
            path.append(self.sections[i].heading)
            i = self.sections[i].parent
        return path[::-1]

    def is_heading_line(self, start: int) -> bool:
        sec = self.section_at(start)
        return sec is not None and sec.start <= start < sec.body_start

    def section_spans(self) -> Iterator[tuple[Section, Span]]:
        """Each section's body as a spaCy span, for extractors that work section by section."""
        for sec in self.sections:
            span = self.doc.char_span(sec.body_start, sec.end, alignment_mode="expand")
            if span is not None:
                yield sec, span

    def finding(self, field_name: str, value: Any, start: int, end: int, method: str,
                confidence: float) -> Finding:
        """A finding with its section heading and evidence sentence filled in."""
        sent = self.sentence_at(start)
        sec = self.section_at(start)
        text = sent.text.strip() if sent is not None else self.text[start:end]
        return Finding(field_name, value, start, end, method, confidence,
                       sec.heading if sec else None, text)

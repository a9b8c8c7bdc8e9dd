"""One extractor module per record field. Each has `extract(doc, fields) -> Extraction`.

`fields` holds what earlier extractors found (purpose_bases reads purposes and legal bases), so the
order in `EXTRACTORS` is the order of dependence.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..document import Finding


@dataclass
class Extraction:
    fields: dict[str, Any] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

"""The pipeline: ingest -> normalize -> sections -> extractors -> one `Policy` record per document.

`parse_many` is an iterator (memory stays flat on a national crawl) and, with `workers > 1`, runs the
documents in worker processes; results come back in input order, so N workers give the same
output as one.
"""
from __future__ import annotations

import bisect
import logging
import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

from . import __version__
from .document import ParsedDocument
from .extract import Extraction
from .extract import (controller, cookies, dates, language, legal, processors, purpose_bases, purposes, retention,
                      rights, transfers)
from .ingest import DiscoveryError, Ingested, IngestError, Source, discover, read
from .nlp import load_pipeline
from .normalize import NORMALIZER_VERSION, normalize
from .sections import find_sections

log = logging.getLogger(__name__)

# Order matters: later extractors read what earlier ones put in `fields`.
EXTRACTORS = [language, controller, dates, purposes, legal, purpose_bases, cookies, processors, retention, rights,
              transfers]

RECORD_KEYS = ["policy_id", "source", "url", "language", "title", "controller", "org_numbers", "emails",
               "last_updated", "sections", "purposes", "legal_bases", "legal_basis_citations", "legal_bases_dpv",
               "purpose_bases", "law_references", "processors", "cookies", "cookie_providers", "retention",
               "retention_unspecified", "transfers_outside_eea", "transfer_mechanisms", "rights", "findings",
               "warnings", "pipeline"]
EMPTY = {"controller": {"names": [], "org_numbers": [], "emails": []}, "last_updated": None,
         "retention_unspecified": False, "transfers_outside_eea": None, "language": None, "title": None}


@dataclass
class Result:
    """What one input gave: a record, or an error row (never neither)."""
    policy_id: str
    source: str
    record: dict | None = None
    error: str | None = None
    stage: str | None = None


def _map_headings(ingested: Ingested, offsets: tuple[int, ...]) -> list[tuple[int, int, int]]:
    """Structural heading spans (original offsets) to normalized offsets."""
    mapped = []
    for start, end, level in ingested.headings:
        s = bisect.bisect_left(offsets, start, 0, len(offsets) - 1)
        e = bisect.bisect_left(offsets, end, 0, len(offsets) - 1)
        if s < e:
            mapped.append((s, e, level))
    return mapped


def build_document(ingested: Ingested, policy_id: str, source: str, url: str | None = None) -> ParsedDocument:
    norm = normalize(ingested.text)
    warnings = list(ingested.warnings)
    if not norm.text.strip():
        raise IngestError("no text left after removing page furniture")
    structural = _map_headings(ingested, norm.offsets)
    nlp, pipeline_name = load_pipeline()
    return ParsedDocument(policy_id=policy_id, source=source, url=url, normalized=norm,
                          sections=find_sections(norm.text, structural), doc=nlp(norm.text),
                          pipeline=pipeline_name, title=ingested.title, warnings=warnings)


def run_extractors(doc: ParsedDocument) -> dict:
    fields: dict = {}
    findings = []
    for module in EXTRACTORS:
        result: Extraction = module.extract(doc, fields)
        fields.update(result.fields)
        findings.extend(result.findings)
    record = {key: [] for key in RECORD_KEYS}
    record.update({k: (v.copy() if isinstance(v, dict) else v) for k, v in EMPTY.items()})
    record.update(fields)
    record.update(policy_id=doc.policy_id, source=doc.source, url=doc.url,
                  title=doc.title or (doc.sections[0].heading if doc.sections else None),
                  sections=[s.to_dict() for s in doc.sections],
                  findings=[f.to_dict() for f in sorted(findings, key=lambda f: (f.start, f.field))],
                  warnings=doc.warnings,
                  pipeline={"spacy": doc.pipeline, "normalizer": NORMALIZER_VERSION, "policyparse": __version__})
    return {key: record[key] for key in RECORD_KEYS}


def parse_text(text: str, policy_id: str = "text", source: str = "<text>", url: str | None = None) -> dict:
    """Parse one policy given as plain text into a record."""
    return run_extractors(build_document(Ingested(text), policy_id, source, url))


def parse_source(source: Source) -> Result:
    """Parse one source; every failure becomes an error result naming the stage and the reason."""
    stage = "ingest"
    try:
        ingested = read(source)
        stage = "parse"
        doc = build_document(ingested, source.policy_id, source.location, source.url)
        stage = "extract"
        return Result(source.policy_id, source.location, record=run_extractors(doc))
    except IngestError as exc:
        return Result(source.policy_id, source.location, error=str(exc), stage=stage)
    except Exception as exc:  # a bug on one document must not end the batch
        log.debug("failure on %s", source.location, exc_info=True)
        last = traceback.extract_tb(exc.__traceback__)[-1]
        return Result(source.policy_id, source.location, stage=stage,
                      error=f"internal error: {type(exc).__name__}: {exc} ({Path(last.filename).name}:{last.lineno})")


def parse_file(path: str | Path) -> dict:
    """Parse one file into a record; raises IngestError if it cannot be read."""
    path = Path(path)
    items = [s for s in discover([str(path)]) if isinstance(s, Source)]
    if not items:
        raise IngestError(f"{path}: no such file")
    result = parse_source(items[0])
    if result.record is None:
        raise IngestError(f"{path}: {result.error}")
    return result.record


def _init_worker() -> None:
    load_pipeline()


def parse_many(inputs: Iterable[str | Path], workers: int = 1, chunksize: int = 4) -> Iterator[Result]:
    """Parse files, folders, globs and manifests; yields one Result per document, in input order."""
    return parse_sources(discover(str(i) for i in inputs), workers, chunksize)


def parse_sources(items: Iterable[Source | DiscoveryError], workers: int = 1, chunksize: int = 4) -> Iterator[Result]:
    """Results for discovered items, in order; `workers > 1` parses in that many processes."""
    items = iter(items)
    if workers <= 1:
        for item in items:
            yield _discovery_error(item) if isinstance(item, DiscoveryError) else parse_source(item)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker) as pool:
        while batch := list(islice(items, 256)):
            sources = [i for i in batch if isinstance(i, Source)]
            done = iter(pool.map(parse_source, sources, chunksize=chunksize))
            for item in batch:
                yield _discovery_error(item) if isinstance(item, DiscoveryError) else next(done)


def _discovery_error(item: DiscoveryError) -> Result:
    return Result(item.row_id, item.location, error=item.reason, stage="discover")

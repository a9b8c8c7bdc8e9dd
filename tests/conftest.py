"""Shared fixtures: parsed documents from literal text, and paths to the development corpus."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from policyparse.ingest import Ingested
from policyparse.pipeline import build_document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS_RAW = SHARED / "corpus" / "raw"
ANNOTATED = ROOT / "data" / "annotated"


def make_doc(text: str, policy_id: str = "t"):
    """A ParsedDocument built from literal text, as the pipeline builds it."""
    return build_document(Ingested(text), policy_id, "<test>")


@pytest.fixture
def doc_of():
    return make_doc


def gold(policy_id: str) -> dict:
    return json.loads((ANNOTATED / f"{policy_id}.json").read_text(encoding="utf-8"))


needs_corpus = pytest.mark.skipif(not CORPUS_RAW.is_dir(), reason="../shared/corpus/raw is absent")

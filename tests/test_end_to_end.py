"""The five seed policies in data/raw against their gold files (headings, org numbers, e-mails, last_updated)."""
from __future__ import annotations

import pytest

from policyparse.corpus import load_gold
from policyparse.evaluate import score
from policyparse.pipeline import parse_many

from conftest import ANNOTATED, ROOT

RAW = ROOT / "data" / "raw"
SEEDS = sorted(p.stem for p in RAW.glob("*.txt"))
FIELDS = ["headings", "org_numbers", "emails", "last_updated"]


@pytest.fixture(scope="module")
def scores():
    gold = load_gold(ANNOTATED)
    assert set(SEEDS) <= set(gold), "every seed has a gold file"
    results = list(parse_many([RAW]))
    assert all(r.record is not None for r in results), [r.error for r in results if r.record is None]
    predictions = {r.policy_id: r.record for r in results}
    assert sorted(predictions) == SEEDS
    return score({pid: gold[pid] for pid in SEEDS}, predictions, FIELDS)


def test_five_seeds(scores):
    assert len(SEEDS) == 5 and scores["documents"] == 5


def test_headings_f1(scores):
    misses = {pid: d["fields"].get("headings") for pid, d in scores["per_document"].items() if "headings" in d["fields"]}
    assert scores["fields"]["headings"]["f1"] >= 0.95, misses


@pytest.mark.parametrize("field", ["org_numbers", "emails"])
def test_exact_sets(scores, field):
    misses = {pid: d["fields"].get(field) for pid, d in scores["per_document"].items() if field in d["fields"]}
    assert scores["fields"][field]["f1"] == 1.0, misses


def test_last_updated_exact(scores):
    misses = {pid: d["fields"]["last_updated"] for pid, d in scores["per_document"].items()
              if "last_updated" in d["fields"]}
    assert scores["fields"]["last_updated"]["accuracy"] == 1.0, misses


def test_long_document_gets_every_sentence():
    """A 300,000-character policy is split into all its sentences (its speed: `make bench`)."""
    from policyparse.ingest import Ingested
    from policyparse.pipeline import build_document

    line = "Vi behandler personopplysninger om deg p\u00e5 en trygg m\u00e5te. Du kan be om innsyn.\n"
    doc = build_document(Ingested(line * (300_000 // len(line))), "long", "<test>")
    assert len(doc.sentences()) == 2 * (300_000 // len(line))

"""Gold data integrity: the split, gold files, and sentences.jsonl against the current normalizer."""
import json

import pytest

from policyparse.corpus import ANNOTATED, SENTENCES_META, find_raw, labelled_sentences, load_gold, load_split, \
    read_sentences
from policyparse.normalize import NORMALIZER_VERSION
from policyparse.taxonomy import BASES, PURPOSES, RIGHTS
from conftest import CORPUS_RAW

GOLD = load_gold()
SPLIT = load_split()
ROWS = read_sentences()
PROJECT_DATA = ANNOTATED.parent
# documents whose text ships with the project: the seeds (data/raw) and the synthetic policies (data/synthetic)
SHIPPED = [pid for pid in GOLD if find_raw(pid) and PROJECT_DATA in find_raw(pid).parents]


def test_split_covers_every_gold_document_once():
    assert set(SPLIT) == set(GOLD)
    data = json.loads((ANNOTATED / "split.json").read_text())
    sides = [set(data[side]) for side in ("dev", "test", "synthetic")]
    assert sum(map(len, sides)) == len(set.union(*sides))
    assert len(data["test"]) >= (len(data["dev"]) + len(data["test"])) // 4
    assert all(pid.startswith("syn_") and find_raw(pid).parent.name == "synthetic" for pid in data["synthetic"])


@pytest.mark.parametrize("pid", sorted(GOLD))
def test_gold_file_is_well_formed(pid):
    g = GOLD[pid]
    assert set(g["purposes"]) <= set(PURPOSES)
    assert set(g["legal_bases"]) <= set(BASES) and set(g["legal_basis_citations"]) <= set(g["legal_bases"])
    assert set(g["rights"]) <= set(RIGHTS)
    assert all(isinstance(item, list) and item for item in g["processors"])
    assert all(p.split(":")[0] in PURPOSES and p.split(":")[1] in BASES for p in g["purpose_bases"])


def test_sentences_meta_matches_normalizer():
    meta = json.loads(SENTENCES_META.read_text())
    assert meta["normalizer_version"] == NORMALIZER_VERSION
    assert meta["documents"] == len({r["policy_id"] for r in ROWS})


KEYS = ("start", "end", "sha1", "purposes", "bases")


def _check_document(pid):
    """Offsets, hashes and labels still fit the text as the current normalizer and segmenter make it."""
    stored = [tuple(r[k] for k in KEYS) for r in ROWS if r["policy_id"] == pid]
    rebuilt = [tuple(s.row()[k] for k in KEYS) for s in labelled_sentences(pid, find_raw(pid))]
    assert stored == rebuilt, f"{pid}: sentences.jsonl is stale; run `make sentences`"


@pytest.mark.parametrize("pid", sorted({r["policy_id"] for r in ROWS} & set(SHIPPED)))
def test_shipped_sentences_match_text(pid):
    _check_document(pid)


@pytest.mark.skipif(not CORPUS_RAW.is_dir(), reason="../shared/corpus/raw is absent")
@pytest.mark.parametrize("pid", sorted({r["policy_id"] for r in ROWS} - set(SHIPPED)))
def test_corpus_sentences_match_text(pid):
    _check_document(pid)


def test_every_labelled_document_has_its_sentences():
    labelled = {r["policy_id"] for r in ROWS if r["purposes"]}
    with_labels = {p.stem for p in (ANNOTATED / "labels").glob("*.jsonl")}
    assert labelled == {pid for pid, g in GOLD.items() if g["purposes"] and pid in with_labels}
    assert len(with_labels) >= 29

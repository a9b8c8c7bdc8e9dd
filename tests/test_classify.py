"""The purpose classifier: deterministic training, the shipped model, thresholds, and the fallback."""
import json

import numpy as np
import pytest

from policyparse import classify
from policyparse.corpus import sha1

FIXTURE = {
    "marketing": ["Vi sender deg nyhetsbrev med tilbud på e-post.", "Vi bruker opplysningene til markedsføring av våre tjenester.",
                  "Du får kampanjer og tilbud fra oss dersom du samtykker.", "Vi sender ut nyheitsbrev til medlemane."],
    "analytics": ["Vi bruker Google Analytics til å lage besøksstatistikk.", "Opplysningene brukes til statistikk over bruken av nettsiden.",
                  "Vi analyserer trafikken på nettstaden for å sjå kva sider som blir brukt.", "Matomo samler statistikk om besøk."],
    "": ["Denne erklæringen gjelder nettsiden vår.", "Du kan kontakte oss på telefon.", "Vi er et lite firma i Bergen.",
         "Personopplysninger er opplysninger om deg.", "Erklæringen kan bli endret.", "Les mer under."],
}


def fixture_rows():
    rows, texts = [], {}
    for doc in range(3):
        pos = 0
        for label, sentences in FIXTURE.items():
            for text in sentences:
                pid = f"doc{doc}"
                rows.append({"policy_id": pid, "start": pos, "end": pos + len(text), "sha1": sha1(text),
                             "section": "Formål", "is_heading": False, "purposes": [label] if label else [], "bases": []})
                texts[(pid, pos, pos + len(text))] = text
                pos += len(text) + 1
    return rows, texts


def test_training_on_a_fixture_is_deterministic(tmp_path):
    rows, texts = fixture_rows()
    metas = [classify.train(rows, texts, tmp_path / name, cv=False) for name in ("one", "two")]
    assert metas[0]["thresholds"] == metas[1]["thresholds"]
    assert metas[0]["training_data"]["sha256"] == metas[1]["training_data"]["sha256"]
    X = classify.features(["Vi sender nyhetsbrev.", "Statistikk om besøk."], ["", ""])
    probs = [classify.load_model(tmp_path / name / "purposes.skops")[0].predict_proba(X) for name in ("one", "two")]
    assert np.array_equal(probs[0], probs[1])
    assert metas[0]["labels"] == ["marketing", "analytics"]


def test_meta_file_records_versions_and_data_hash(tmp_path):
    rows, texts = fixture_rows()
    classify.train(rows, texts, tmp_path, cv=False)
    meta = json.loads((tmp_path / "purposes.meta.json").read_text())
    assert {"scikit-learn", "skops", "numpy", "policyparse", "normalizer"} <= set(meta["versions"])
    assert len(meta["training_data"]["sha256"]) == 64


def test_shipped_model_loads_with_trusted_types_and_predicts(doc_of):
    model, meta, note = classify.load_model()
    assert note is None and model is not None, note
    doc = doc_of("Formål\n\nVi sender deg nyhetsbrev og markedsføring på e-post når du har samtykket.")
    sentences = [s for s in doc.sentences() if not doc.is_heading_line(s.start_char)]
    predicted, note = classify.predict_sentences(doc, sentences)
    assert note is None and "marketing" in predicted[0]


def test_thresholds_are_applied(tmp_path, doc_of):
    rows, texts = fixture_rows()
    classify.train(rows, texts, tmp_path, cv=False)
    path = tmp_path / "purposes.skops"
    doc = doc_of("Vi bruker Google Analytics til statistikk.")
    sentences = doc.sentences()
    meta_path = tmp_path / "purposes.meta.json"
    for cut, expect_any in ((1.01, False), (0.0, True)):
        meta = json.loads(meta_path.read_text())
        meta["thresholds"] = {k: cut for k in meta["thresholds"]}
        meta_path.write_text(json.dumps(meta))
        classify._load_model.cache_clear()
        predicted, _ = classify.predict_sentences(doc, sentences, path)
        assert bool(predicted[0]) is expect_any
        if expect_any:
            assert set(predicted[0]) == set(meta["labels"])
    classify._load_model.cache_clear()


@pytest.mark.parametrize("content", [None, b"not a skops file"])
def test_missing_or_broken_model_falls_back_to_rules(tmp_path, doc_of, content):
    path = tmp_path / "purposes.skops"
    if content is not None:
        path.write_bytes(content)
        (tmp_path / "purposes.meta.json").write_text("{}")
    doc = doc_of("Vi sender nyhetsbrev.")
    predicted, note = classify.predict_sentences(doc, doc.sentences(), path)
    assert predicted == [{}] and "cue rules alone" in note


@pytest.mark.parametrize("text, expected", [
    ("Føremålet med handsaminga er å sende nyheitsbrev", "formålet med behandlingen er å sende nyhetsbrev"),
    ("Vi lagrar opplysingar i 12 månader", "vi lagrer opplysninger i 0 måneder"),
    ("Korleis vi handsamar personopplysingane dine", "hvordan vi behandler personopplysningene dine"),
])
def test_nynorsk_maps_to_bokmal_features(text, expected):
    assert classify.normalize_tokens(text) == expected


def test_cross_validation_scores_development_and_synthetic_documents_apart(tmp_path):
    rows, texts = fixture_rows()
    rename = {"doc2": "syn_doc"}
    rows = [dict(r, policy_id=rename.get(r["policy_id"], r["policy_id"])) for r in rows]
    texts = {(rename.get(pid, pid), s, e): t for (pid, s, e), t in texts.items()}
    meta = classify.train(rows, texts, tmp_path, cv=True, synthetic=frozenset({"syn_doc"}))
    cv = meta["cv"]
    assert cv["development"]["documents"] == 2 and cv["synthetic"]["documents"] == 1
    assert cv["development"]["sentences"] == 2 * cv["synthetic"]["sentences"]
    assert set(cv["development"]["per_label"]) == {"marketing", "analytics"}
    assert meta["training_data"]["synthetic_documents"] == ["syn_doc"]


def test_real_documents_outweigh_synthetic_ones_in_training(tmp_path):
    """The same sentence, labelled by one development document and left unlabelled by two synthetic ones:
    with its weight, the development document decides what the model learns."""
    rows, texts = fixture_rows()
    disputed = "Vi ser på hvordan sidene brukes."
    for k, pid in enumerate(("doc0", "syn_a", "syn_b")):
        start = 10_000 + k
        rows.append({"policy_id": pid, "start": start, "end": start + len(disputed), "sha1": sha1(disputed),
                     "section": "Formål", "is_heading": False, "purposes": ["analytics"] if pid == "doc0" else [],
                     "bases": []})
        texts[(pid, start, start + len(disputed))] = disputed
    synthetic = frozenset({"syn_a", "syn_b"})
    X_text, headings, y, groups = classify.training_rows(rows, texts)
    weights = classify.sentence_weights(groups, synthetic)
    assert set(weights[groups == "doc0"]) == {classify.REAL_DOCUMENT_WEIGHT} and set(weights[groups == "syn_a"]) == {1.0}
    X = classify.features(X_text, headings)
    analytics = classify.PURPOSES.index("analytics")
    probe = classify.features([disputed], ["Formål"])
    weighted = classify.fit(X, y, weights).predict_proba(probe)[0, analytics]
    unweighted = classify.fit(X, y, np.ones(len(y))).predict_proba(probe)[0, analytics]
    assert weighted > unweighted
    meta = classify.train(rows, texts, tmp_path, cv=False, synthetic=synthetic)
    assert meta["training_data"]["real_document_weight"] == classify.REAL_DOCUMENT_WEIGHT

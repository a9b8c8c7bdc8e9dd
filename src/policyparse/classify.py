"""The sentence-level purpose classifier: TF-IDF word and character n-grams of normalized tokens plus
the section heading, a one-vs-rest logistic regression (a linear model fitted on log-loss, so its
probabilities are calibrated), and per-label thresholds chosen by cross-validation grouped by document.
The cue rules (`resources/purpose_cues.json`) are features of the model and also vote on their own:
a rule hit always labels its sentence; for each label, grouped CV chooses whether the model adds
sentences above its threshold or the rules decide alone (`MODES`), since a few labels are served
better by their precise rules than by the model. A sentence of a development (real) policy weighs
`REAL_DOCUMENT_WEIGHT` times one of a synthetic policy in training.

Model files are written with skops and loaded with an explicit list of trusted types, never pickle.
A missing or incompatible model gives a warning and the cue rules run alone.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import warnings
import zipfile
from functools import lru_cache
from pathlib import Path

import numpy as np
import regex

from .rules import load_json
from .taxonomy import PURPOSES

log = logging.getLogger(__name__)
MODEL_DIR = Path(__file__).resolve().parents[2] / "models"
MODEL_PATH = MODEL_DIR / "purposes.skops"
MODEL_ENV = "POLICYPARSE_MODEL"  # another model file to use, e.g. one trained without the documents parsed
META_PATH = MODEL_DIR / "purposes.meta.json"
MIN_POSITIVES = 4
REAL_DOCUMENT_WEIGHT = 4.0
"""Training weight of a sentence of a development (real) document, against 1 for a synthetic one: the
1,444 real sentences are 7% of the training set, and the model should learn how real policies are
written. Grouped 5-fold out-of-fold macro F1 on the development sentences with weight 1, 2, 4, 8, 12:
0.803, 0.820, 0.818, 0.820, 0.819 (synthetic ones 0.774, 0.774, 0.773, 0.772, 0.772); 4 is the middle
of the flat range."""
MODES = ("rules", "either")  # the rules alone, or the rules and the model above its threshold
TRUSTED_TYPES = [
    "sklearn.pipeline.Pipeline", "sklearn.compose._column_transformer.ColumnTransformer",
    "sklearn.feature_extraction.text.TfidfVectorizer", "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.multiclass.OneVsRestClassifier", "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.preprocessing._label.LabelBinarizer",
    "sklearn.utils._bunch.Bunch", "sklearn.compose._column_transformer._RemainderColsList",
    "sklearn.multiclass._ConstantPredictor", "builtins.slice", "numpy.dtype", "numpy.float64",
    "numpy.int64", "collections.defaultdict", "builtins.getattr", "builtins.str",
]
TOKEN = regex.compile(r"\p{L}+|\d+")


@lru_cache(maxsize=1)
def _spelling() -> dict[str, str]:
    data = load_json("spelling_map.json")
    return {k.lower(): v.lower() for k, v in data["map"].items()}


def normalize_tokens(text: str) -> str:
    """Lower-case tokens with nynorsk and variant spellings mapped to one bokmål form, digits as 0."""
    spelling = _spelling()
    out = []
    for tok in TOKEN.findall(text.lower()):
        if tok.isdigit():
            out.append("0")
        else:
            out.append(spelling.get(tok, tok))
    return " ".join(out)


def cue_tokens(hits: dict[str, str]) -> str:
    """The cue rules that fired on a sentence, as tokens the model can weigh (`cue_analytics_stats`)."""
    return " ".join("cue_" + rule.replace(".", "_") for rule in hits.values()) or "cue_none"


def features(texts: list[str], headings: list[str], cue_hits: list[dict[str, str]] | None = None):
    """Model input; `cue_hits` (`cue_labels` of each text) is computed here unless the caller has it."""
    import pandas as pd

    hits = cue_hits if cue_hits is not None else cue_hits_of(texts)
    return pd.DataFrame({"text": [normalize_tokens(t) for t in texts],
                         "heading": [normalize_tokens(h) for h in headings],
                         "cues": [cue_tokens(h) for h in hits]})


def make_model(seed: int = 0):
    from sklearn.compose import ColumnTransformer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import Pipeline
    from sklearn.linear_model import LogisticRegression

    vectors = ColumnTransformer([
        ("words", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True), "text"),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True,
                                  max_features=40000), "text"),
        ("heading", TfidfVectorizer(ngram_range=(1, 1), min_df=1, sublinear_tf=True), "heading"),
        ("cues", TfidfVectorizer(token_pattern=r"\S+", use_idf=False, norm=None, binary=True), "cues"),
    ])
    linear = LogisticRegression(C=4.0, class_weight="balanced", solver="liblinear", random_state=seed)
    return Pipeline([("vectors", vectors), ("clf", OneVsRestClassifier(linear))])


def _thresholds(y: np.ndarray, probs: np.ndarray, tie: float = 0.005) -> np.ndarray:
    """Per label, the probability cut that maximizes F1 on out-of-fold predictions; where F1 is flat
    (within `tie` of the best over a range of cuts), the middle of that range, not its low end, so
    a handful of out-of-fold sentences do not push the cut to an extreme."""
    grid = np.arange(0.15, 0.91, 0.05)
    out = np.full(y.shape[1], 0.5)
    for k in range(y.shape[1]):
        truth = y[:, k] == 1
        f1s = np.array([_f1(truth, probs[:, k] >= t) for t in grid])
        near = grid[f1s >= f1s.max() - tie]
        out[k] = near[len(near) // 2]
    return out


def fit(X, y, weights: np.ndarray, seed: int = 0):
    """A fitted `make_model` with per-sentence training weights. The weights reach the logistic regressions
    by scikit-learn's metadata routing; the routing request is dropped after fitting, so the model file
    holds plain estimators only."""
    import sklearn

    model = make_model(seed)
    clf = model.named_steps["clf"]
    with sklearn.config_context(enable_metadata_routing=True), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        clf.estimator.set_fit_request(sample_weight=True)
        model.fit(X, y, sample_weight=weights)
    for estimator in (clf.estimator, *clf.estimators_):
        vars(estimator).pop("_metadata_request", None)
    return model


def sentence_weights(groups: np.ndarray, synthetic: frozenset[str]) -> np.ndarray:
    """`REAL_DOCUMENT_WEIGHT` for sentences of documents not in `synthetic`, 1 for the others."""
    return np.array([1.0 if g in synthetic else REAL_DOCUMENT_WEIGHT for g in groups])


def _oof_probs(X, y, groups, weights: np.ndarray, n_splits: int, seed: int) -> np.ndarray:
    from sklearn.model_selection import GroupKFold

    probs = np.zeros(y.shape, dtype=float)
    for train, test in GroupKFold(n_splits=n_splits).split(X, y, groups):
        probs[test] = fit(X.iloc[train], y[train], weights[train], seed).predict_proba(X.iloc[test])
    return probs


def _scores(y: np.ndarray, pred: np.ndarray, labels: list[str]) -> dict:
    per_label = {}
    for k, label in enumerate(labels):
        tp = int(np.sum(pred[:, k] & (y[:, k] == 1)))
        fp = int(np.sum(pred[:, k] & (y[:, k] == 0)))
        fn = int(np.sum(~pred[:, k] & (y[:, k] == 1)))
        if tp + fp + fn == 0:  # no support and nothing predicted: the label says nothing here
            per_label[label] = {"precision": None, "recall": None, "f1": None, "support": 0}
            continue
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        per_label[label] = {"precision": round(p, 3), "recall": round(r, 3),
                            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, "support": int(y[:, k].sum())}
    scored = [v["f1"] for v in per_label.values() if v["f1"] is not None]
    return {"per_label": per_label, "macro_f1": round(float(np.mean(scored)), 3) if scored else None,
            "labels_scored": len(scored)}


def training_rows(rows: list[dict], texts: dict[tuple[str, int, int], str]):
    """(texts, headings, label matrix, groups) for non-heading sentences."""
    keep = [r for r in rows if not r["is_heading"]]
    X_text = [texts[(r["policy_id"], r["start"], r["end"])] for r in keep]
    y = np.array([[1 if p in r["purposes"] else 0 for p in PURPOSES] for r in keep], dtype=int)
    return X_text, [r["section"] for r in keep], y, np.array([r["policy_id"] for r in keep])


def cue_hits_of(texts: list[str]) -> list[dict[str, str]]:
    from .extract.purposes import cue_labels

    return [cue_labels(t) for t in texts]


def rule_matrix(hits: list[dict[str, str]], labels: list[str]) -> np.ndarray:
    """1 where a cue rule for the label fired on the sentence (`hits`: `cue_labels` per sentence)."""
    return np.array([[label in h for label in labels] for h in hits], dtype=bool)


def _f1(truth: np.ndarray, pred: np.ndarray) -> float:
    tp = np.sum(pred & truth)
    denom = pred.sum() + truth.sum()
    return 2 * tp / denom if denom else 0.0


def choose(y: np.ndarray, probs: np.ndarray, rules: np.ndarray) -> tuple[list[str], np.ndarray]:
    """Per label, the deciding source (rules / either) and model threshold with the best F1."""
    either = np.array([_thresholds(y[:, [k]], np.where(rules[:, [k]], 1.0, probs[:, [k]]))[0]
                       for k in range(y.shape[1])])
    modes, cuts = [], np.zeros(y.shape[1])
    for k in range(y.shape[1]):
        truth = y[:, k] == 1
        scores = {"rules": (_f1(truth, rules[:, k]), 1.0),
                  "either": (_f1(truth, rules[:, k] | (probs[:, k] >= either[k])), either[k])}
        mode = max(MODES, key=lambda m: (scores[m][0], m == "either"))
        modes.append(mode)
        cuts[k] = scores[mode][1]
    return modes, cuts


def decide(modes: list[str], cuts: np.ndarray, probs: np.ndarray, rules: np.ndarray) -> np.ndarray:
    """Apply per-label modes: the same decision in cross-validation and in the pipeline."""
    model = probs >= cuts
    out = np.zeros(probs.shape, dtype=bool)
    for k, mode in enumerate(modes):
        out[:, k] = rules[:, k] if mode == "rules" else rules[:, k] | model[:, k]
    return out


def cross_validate(X, y, groups, weights: np.ndarray, labels, rules: np.ndarray, n_splits: int = 5, seed: int = 0,
                   parts: dict[str, np.ndarray] | None = None) -> dict:
    """Grouped k-fold CV of the whole decision (model, rules, per-label modes and thresholds chosen by
    an inner grouped CV on the training folds only), per-label scores. `parts` names subsets of the
    rows to score on their own ({"development": mask, "synthetic": mask})."""
    from sklearn.model_selection import GroupKFold

    parts = parts or {"all": np.ones(len(y), dtype=bool)}
    pred = np.zeros(y.shape, dtype=bool)
    for train, test in GroupKFold(n_splits=n_splits).split(X, y, groups):
        inner = _oof_probs(X.iloc[train], y[train], groups[train], weights[train],
                           min(n_splits, len(set(groups[train]))), seed)
        modes, cuts = choose(y[train], inner, rules[train])
        model = fit(X.iloc[train], y[train], weights[train], seed)
        pred[test] = decide(modes, cuts, model.predict_proba(X.iloc[test]), rules[test])
    return {name: {**_scores(y[mask], pred[mask], labels), "sentences": int(mask.sum()),
                   "documents": len(set(groups[mask].tolist()))}
            for name, mask in parts.items() if mask.any()}


def train(rows: list[dict], texts: dict, out_dir: Path = MODEL_DIR, seed: int = 0, cv: bool = True,
          synthetic: frozenset[str] = frozenset()) -> dict:
    """Fit on the given sentence rows (development and synthetic documents, never test ones), write model
    + meta; returns the meta. Per-label modes and thresholds are chosen on all of them: chosen on the
    development documents alone, where the cue rules were written and so look better than they are,
    they kept two labels on rules alone and scored lower on synthetic documents written later and
    never trained on (sentence macro F1 0.611 against 0.636 on the 12 of round 4). CV folds group by
    document and are scored on development and synthetic documents separately."""
    import sklearn
    import skops
    import skops.io as sio

    from . import __version__
    from .normalize import NORMALIZER_VERSION

    X_text, headings, y, groups = training_rows(rows, texts)
    labels = [p for k, p in enumerate(PURPOSES) if y[:, k].sum() >= MIN_POSITIVES]
    cols = [PURPOSES.index(p) for p in labels]
    y = y[:, cols]
    hits = cue_hits_of(X_text)
    X = features(X_text, headings, hits)
    rules = rule_matrix(hits, labels)
    n_splits = min(5, len(set(groups)))
    weights = sentence_weights(groups, synthetic)
    oof = _oof_probs(X, y, groups, weights, n_splits, seed)
    real = np.array([g not in synthetic for g in groups])
    modes, thresholds = choose(y, oof, rules)
    report = cross_validate(X, y, groups, weights, labels, rules, n_splits, seed,
                            parts={"development": real, "synthetic": ~real}) if cv else None
    model = fit(X, y, weights, seed)
    for _, vectorizer, _ in model.named_steps["vectors"].transformers_:
        if hasattr(vectorizer, "stop_words_"):
            del vectorizer.stop_words_  # terms pruned by min_df / max_features: not needed to predict
    out_dir.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(json.dumps([[r["policy_id"], r["sha1"], r["purposes"]] for r in rows
                                        if not r["is_heading"]]).encode()).hexdigest()
    meta = {"model": "purposes", "created": dt.date.today().isoformat(), "labels": labels,
            "thresholds": {lab: round(float(t), 3) for lab, t in zip(labels, thresholds)},
            "modes": dict(zip(labels, modes)),
            "training_data": {"sha256": digest, "documents": sorted(set(groups.tolist())),
                              "synthetic_documents": sorted(set(groups.tolist()) & set(synthetic)),
                              "sentences": int(len(X_text)), "real_document_weight": REAL_DOCUMENT_WEIGHT,
                              "positives": {lab: int(y[:, k].sum())
                                                                           for k, lab in enumerate(labels)}},
            "versions": {"policyparse": __version__, "scikit-learn": sklearn.__version__,
                         "skops": skops.__version__, "numpy": np.__version__, "normalizer": NORMALIZER_VERSION},
            "cv": {"folds": n_splits, "grouped_by": "document",
                   "scored": "the whole decision: rules, model, per-label modes and thresholds chosen by inner grouped CV "
                             "on the training folds; scored on development and on synthetic documents separately",
                   **(report or {})}}
    tmp = out_dir / "purposes.skops.tmp"
    sio.dump(model, tmp, compression=zipfile.ZIP_DEFLATED, compresslevel=9)
    tmp.replace(out_dir / "purposes.skops")
    (out_dir / "purposes.meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    _load_model.cache_clear()
    return meta


def active_model_path() -> Path:
    """The model the pipeline uses: `$POLICYPARSE_MODEL` when set, else the shipped one."""
    return Path(os.environ.get(MODEL_ENV) or MODEL_PATH)


def model_id(path: Path | None = None) -> str | None:
    """Short id of the model the pipeline would use (its training-data hash), None when there is none."""
    meta_path = (Path(path) if path else active_model_path()).with_suffix(".meta.json")
    try:
        return json.loads(meta_path.read_text(encoding="utf-8"))["training_data"]["sha256"][:16]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def load_model(path: Path | None = None):
    """(model, meta, None) or (None, None, reason) when the model is missing or unusable."""
    return _load_model(Path(path) if path else active_model_path())


@lru_cache(maxsize=2)
def _load_model(path: Path):
    meta_path = path.with_name(path.name.replace(".skops", ".meta.json"))
    if not path.exists() or not meta_path.exists():
        return None, None, f"no purpose model at {path}; purposes come from the cue rules alone"
    try:
        import sklearn
        import skops.io as sio

        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        model = sio.load(path, trusted=TRUSTED_TYPES)  # refuses any type not in the list
        trained_with = meta.get("versions", {}).get("scikit-learn", "")
        if trained_with.split(".")[:2] != sklearn.__version__.split(".")[:2]:
            log.warning("purpose model was trained with scikit-learn %s, running %s", trained_with, sklearn.__version__)
        return model, meta, None
    except Exception as exc:  # incompatible or corrupt file: fall back, never crash
        return None, None, f"purpose model {path.name} could not be loaded ({type(exc).__name__}: {exc}); " \
                           "purposes come from the cue rules alone"


def predict_sentences(doc, sentences, path: Path | None = None,
                      cue_hits: list[dict[str, str]] | None = None) -> tuple[list[dict[str, float]], str | None]:
    """Per sentence, {label: model probability} for the labels the model decides (per the label's
    mode and threshold); plus a note when there is no usable model."""
    model, meta, note = load_model(path)
    if model is None or not sentences:
        return [{} for _ in sentences], note
    sections = [doc.section_at(s.start_char) for s in sentences]
    headings = [sec.heading if sec else "" for sec in sections]
    texts = [s.text for s in sentences]
    probs = model.predict_proba(features(texts, headings, cue_hits))
    labels = meta["labels"]
    cut = np.array([meta["thresholds"][lab] for lab in labels])
    modes = [meta.get("modes", {}).get(lab, "either") for lab in labels]
    return [{lab: float(p[k]) for k, lab in enumerate(labels) if modes[k] != "rules" and p[k] >= cut[k]}
            for p in probs], None


def score_rows(rows: list[dict], texts: dict, path: Path | None = None) -> dict:
    """Per-label scores of the shipped decision (rules, model, modes) on labelled sentence rows."""
    model, meta, note = load_model(path)
    if model is None:
        raise RuntimeError(note)
    X_text, headings, y, _ = training_rows(rows, texts)
    labels = meta["labels"]
    cols = [PURPOSES.index(lab) for lab in labels]
    hits = cue_hits_of(X_text)
    probs = model.predict_proba(features(X_text, headings, hits))
    cuts = np.array([meta["thresholds"][lab] for lab in labels])
    modes = [meta["modes"][lab] for lab in labels]
    return _scores(y[:, cols], decide(modes, cuts, probs, rule_matrix(hits, labels)), labels)

"""Score records against gold files, field by field, as FIELDS.md says.

Set fields: micro precision / recall / F1 over (document, item) pairs, plus the mean per-document F1.
Single-valued fields (`last_updated`, `transfers_outside_eea`): accuracy. Each figure also gets a 95 %
interval from resampling whole documents (bootstrap), since a side of ten documents moves by several
points with one document more or less. Matching: processor names
against the gold alias lists, case- and punctuation-insensitive with legal suffixes dropped; headings
with whitespace collapsed; cookie names case-insensitive; retention days with 2 % tolerance; each
gold item counts once however often it is predicted.
"""
from __future__ import annotations

import datetime as dt
import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import regex

SET_FIELDS = ["headings", "org_numbers", "emails", "purposes", "legal_bases", "legal_basis_citations",
              "purpose_bases", "processors", "cookies", "retention_days", "rights"]
SINGLE_FIELDS = ["last_updated", "transfers_outside_eea"]
LEGAL_SUFFIX = regex.compile(r"\b(as|asa|ab|inc|ltd|llc|gmbh|a/s|aps|oy|sa|plc|bv|corp|co)\b\.?", regex.I)
TOLERANCE = 0.02
BOOTSTRAP_RESAMPLES = 2000


def norm_name(name: str) -> str:
    name = unicodedata.normalize("NFKC", name).casefold()
    name = LEGAL_SUFFIX.sub(" ", name)
    return " ".join(regex.sub(r"[\p{P}\p{S}]+", " ", name).split())


def norm_heading(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def prediction_items(record: dict) -> dict:
    """The scored fields of a pipeline record, in gold-file shape."""
    return {
        "headings": [s["heading"] for s in record["sections"]],
        "org_numbers": record["org_numbers"], "emails": record["emails"], "purposes": record["purposes"],
        "legal_bases": record["legal_bases"], "legal_basis_citations": record["legal_basis_citations"],
        "purpose_bases": [f"{pb['purpose']}:{pb['basis']}" for pb in record["purpose_bases"]],
        "processors": [p["name"] for p in record["processors"]],
        "cookies": [c["name"] for c in record["cookies"]],
        "retention_days": [r["days"] for r in record["retention"]],
        "rights": record["rights"], "last_updated": record["last_updated"],
        "transfers_outside_eea": record["transfers_outside_eea"],
    }


@dataclass
class Match:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list = field(default_factory=list)
    extra: list = field(default_factory=list)


def _match_keys(gold: Iterable, pred: Iterable, key: Callable[[str], str]) -> Match:
    gold_keys = {key(str(g)): g for g in gold}
    pred_keys = {}
    for p in pred:
        pred_keys.setdefault(key(str(p)), p)
    m = Match()
    for k, g in gold_keys.items():
        if k in pred_keys:
            m.tp += 1
        else:
            m.fn += 1
            m.missed.append(g)
    for k, p in pred_keys.items():
        if k not in gold_keys:
            m.fp += 1
            m.extra.append(p)
    return m


def match_processors(gold: list[list[str]], pred: list[str]) -> Match:
    aliases = [{norm_name(a) for a in item} for item in gold]
    matched, m, seen_extra = set(), Match(), set()
    for name in pred:
        key = norm_name(name)
        hit = next((i for i, names in enumerate(aliases) if key in names), None)
        if hit is None:
            if key not in seen_extra:
                seen_extra.add(key)
                m.fp += 1
                m.extra.append(name)
        elif hit not in matched:
            matched.add(hit)
            m.tp += 1
    for i, item in enumerate(gold):
        if i not in matched:
            m.fn += 1
            m.missed.append(item[0])
    return m


def match_days(gold: list[float], pred: list[float]) -> Match:
    """Periods match within the tolerance; exact values pair first, so distinct gold periods that lie
    within 2 % of each other (360 and 365) can each be found. A predicted value near a gold value that
    is already matched, or near an extra, is a repeat of it and not counted again."""
    def close(a: float, b: float) -> bool:
        return abs(a - b) <= TOLERANCE * max(abs(b), 1e-9)

    remaining, m, near = list(gold), Match(), []
    for p in dict.fromkeys(pred):
        if p in remaining:
            remaining.remove(p)
            m.tp += 1
        else:
            near.append(p)
    for p in near:
        hit = next((g for g in remaining if close(p, g)), None)
        if hit is not None:
            remaining.remove(hit)
            m.tp += 1
        elif not any(close(p, q) for q in [*gold, *m.extra]):
            m.fp += 1
            m.extra.append(p)
    m.fn, m.missed = len(remaining), remaining
    return m


def match_field(name: str, gold: list, pred: list) -> Match:
    if name == "processors":
        return match_processors(gold, pred)
    if name == "retention_days":
        return match_days([float(g) for g in gold], [float(p) for p in pred])
    key = {"headings": norm_heading, "emails": str.lower, "cookies": str.casefold}.get(name, str)
    return _match_keys(gold, pred, key)


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _micro_f1(counts):
    """Micro F1 of rows of (tp, fp, fn) sums, vectorized (as `_prf`: nothing predicted and nothing to find
    is 1)."""
    import numpy as np

    tp, fp, fn = counts[..., 0], counts[..., 1], counts[..., 2]
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(2 * tp + fp + fn > 0, 2 * tp / (2 * tp + fp + fn), 1.0)


def bootstrap_interval(per_document: list, statistic: Callable, resamples: int = BOOTSTRAP_RESAMPLES,
                       seed: int = 0) -> list[float]:
    """95 % percentile interval of `statistic` (of an array of summed per-document rows) over resamples of
    the documents drawn with replacement; deterministic for a seed."""
    import numpy as np

    rows = np.asarray(per_document, dtype=float)
    if len(rows) == 0:
        return [0.0, 0.0]
    picks = np.random.default_rng(seed).integers(0, len(rows), size=(resamples, len(rows)))
    values = statistic(rows[picks].sum(axis=1))
    return [round(float(np.percentile(values, 2.5)), 4), round(float(np.percentile(values, 97.5)), 4)]


def score(gold: dict[str, dict], predictions: dict[str, dict], fields: list[str] | None = None,
          items_of: Callable[[dict], dict] = prediction_items) -> dict:
    """Per-field scores and per-document misses over the gold documents (a missing prediction is empty).
    `items_of` reads a prediction's scored fields: pipeline records by default; gold-shaped files (a
    second annotation, scored for agreement) are read as they are."""
    set_fields = [f for f in SET_FIELDS if not fields or f in fields]
    single_fields = [f for f in SINGLE_FIELDS if not fields or f in fields]
    totals = {f: Match() for f in set_fields}
    doc_f1 = {f: [] for f in set_fields}
    doc_counts = {f: [] for f in set_fields + single_fields}  # per document: (tp, fp, fn), or (correct,)
    correct = {f: 0 for f in single_fields}
    documents = {}
    for pid, g in sorted(gold.items()):
        pred = predictions.get(pid)
        items = items_of(pred) if pred is not None else {}
        doc = {"missing_prediction": pred is None, "fields": {}}
        for f in set_fields:
            m = match_field(f, g.get(f) or [], items.get(f) or [])
            t = totals[f]
            t.tp, t.fp, t.fn = t.tp + m.tp, t.fp + m.fp, t.fn + m.fn
            doc_f1[f].append(_prf(m.tp, m.fp, m.fn)[2])
            doc_counts[f].append((m.tp, m.fp, m.fn))
            if m.missed or m.extra:
                doc["fields"][f] = {"missed": m.missed, "extra": m.extra}
        for f in single_fields:
            ok = g.get(f) == items.get(f)
            correct[f] += ok
            doc_counts[f].append((ok,))
            if not ok:
                doc["fields"][f] = {"gold": g.get(f), "predicted": items.get(f)}
        documents[pid] = doc
    n = len(gold)
    result = {"documents": n, "fields": {}, "per_document": documents}
    for f in set_fields:
        t = totals[f]
        p, r, f1 = _prf(t.tp, t.fp, t.fn)
        result["fields"][f] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4),
                               "tp": t.tp, "fp": t.fp, "fn": t.fn,
                               "doc_macro_f1": round(sum(doc_f1[f]) / n, 4) if n else 0.0,
                               "f1_ci95": bootstrap_interval(doc_counts[f], _micro_f1)}
    for f in single_fields:
        result["fields"][f] = {"accuracy": round(correct[f] / n, 4) if n else 0.0, "correct": correct[f],
                               "accuracy_ci95": bootstrap_interval(doc_counts[f], lambda c: c[..., 0] / n)}
    f1s = [result["fields"][f]["f1"] for f in set_fields]
    result["macro_f1_set_fields"] = round(sum(f1s) / len(f1s), 4) if f1s else 0.0
    return result


def markdown_table(results: dict[str, dict]) -> str:
    """One table: a row per field, a column group per split side."""
    sides = list(results)
    head = "| field | " + " | ".join(f"{s} P | {s} R | {s} F1" for s in sides) + " |"
    lines = [head, "|---|" + "---:|" * (3 * len(sides))]
    for f in SET_FIELDS:
        if not all(f in results[s]["fields"] for s in sides):
            continue
        cells = []
        for s in sides:
            v = results[s]["fields"][f]
            cells += [f"{v['precision']:.2f}", f"{v['recall']:.2f}", f"**{v['f1']:.2f}**"]
        lines.append(f"| {f} | " + " | ".join(cells) + " |")
    for f in SINGLE_FIELDS:
        if not all(f in results[s]["fields"] for s in sides):
            continue
        cells = []
        for s in sides:
            cells += ["", "", f"acc **{results[s]['fields'][f]['accuracy']:.2f}**"]
        lines.append(f"| {f} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def interval_table(results: dict[str, dict]) -> str:
    """A row per field, a column per split side: the 95 % bootstrap interval of its F1 (or accuracy)."""
    sides = list(results)
    lines = ["| field | " + " | ".join(sides) + " |", "|---|" + "---:|" * len(sides)]
    for f in SET_FIELDS + SINGLE_FIELDS:
        if not all(f in results[s]["fields"] for s in sides):
            continue
        cells = []
        for s in sides:
            v = results[s]["fields"][f]
            lo, hi = v.get("f1_ci95") or v.get("accuracy_ci95") or (None, None)
            cells.append("" if lo is None else f"{lo:.2f}–{hi:.2f}")
        lines.append(f"| {f} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def report_markdown(results: dict[str, dict], note: str = "", command: str = "make eval") -> str:
    sides = ", ".join(f"{s}: {r['documents']} documents" for s, r in results.items())
    text = [f"Measured {dt.date.today().isoformat()} with `{command}` ({sides}). {note}".strip(), "",
            markdown_table(results), "",
            f"95 % intervals of F1 (accuracy for the last fields) when the documents of each side are resampled "
            f"with replacement ({BOOTSTRAP_RESAMPLES} resamples): how far a figure could move with other "
            f"documents like these.", "", interval_table(results), ""]
    for side, r in results.items():
        text.append(f"Macro F1 over the set fields ({side}): {r['macro_f1_set_fields']:.2f}.")
    return "\n".join(text) + "\n"


def misses_markdown(result: dict) -> str:
    out = []
    for pid, doc in result["per_document"].items():
        if not doc["fields"]:
            continue
        out.append(f"### {pid}" + (" (no prediction)" if doc["missing_prediction"] else ""))
        for f, v in doc["fields"].items():
            if "missed" in v:
                out.append(f"- {f}: missed {v['missed']}; extra {v['extra']}")
            else:
                out.append(f"- {f}: gold {v['gold']!r}, predicted {v['predicted']!r}")
    return "\n".join(out) + "\n"


def update_readme(readme: Path, block: str, start: str = "<!-- eval:start -->", end: str = "<!-- eval:end -->") -> bool:
    text = readme.read_text(encoding="utf-8")
    if start not in text or end not in text:
        return False
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    readme.write_text(f"{head}{start}\n{block}{end}{tail}", encoding="utf-8")
    return True

"""Command line: `policyparse parse | merge | evaluate | train | sentences`.

Exit codes: 0 when every document gave a record, 1 when any failed (see errors.csv), 2 for usage errors.
"""
from __future__ import annotations

import json
import logging
import sys
from collections import Counter
from pathlib import Path

import click

from . import __version__


def _formats(value: str) -> tuple[str, ...]:
    from .export import FORMATS

    chosen = tuple(v.strip().lower() for v in value.split(",") if v.strip())
    bad = [v for v in chosen if v not in FORMATS]
    if bad:
        raise click.BadParameter(f"unknown format {', '.join(bad)}; choose from {', '.join(FORMATS)}")
    return chosen


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="policyparse")
@click.option("-v", "--verbose", is_flag=True, help="Log debug details.")
def main(verbose: bool) -> None:
    """Parse Norwegian privacy policies into comparable records and tables."""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, format="%(levelname)s %(message)s")


def _shard(ctx, param, value):
    if value is None:
        return None
    from .shards import Shard

    try:
        return Shard.parse(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--outdir", required=True, type=click.Path(file_okay=False), help="Folder for the outputs.")
@click.option("--format", "formats", default="csv,jsonl", show_default=True,
              help="Extra formats besides CSV and JSONL (always written): xlsx, parquet.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Worker processes.")
@click.option("--cookie-db", default=None, help="Open Cookie Database CSV (path or URL) to enrich cookies.")
@click.option("--shard", default=None, callback=_shard, metavar="K/N",
              help="Parse only part K of N of the documents (by a hash of their id), e.g. one task of a cluster "
                   "job array; join the parts with `policyparse merge`.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary table.")
def parse(paths, outdir, formats, workers, cookie_db, shard, quiet):
    """Parse PATHS (files, folders, globs, manifests, - for stdin) into OUTDIR."""
    import datetime as dt
    import time

    from tqdm import tqdm

    from .classify import model_id
    from .export import BatchWriter
    from .ingest import DiscoveryError, discover
    from .nlp import load_pipeline
    from .normalize import NORMALIZER_VERSION
    from .pipeline import parse_sources

    formats = _formats(formats)
    if cookie_db:
        from .extract.cookies import configure_cookie_db

        configure_cookie_db(cookie_db)
    skipped = Counter()
    items = list(discover(paths, skipped))
    if not items:
        raise click.UsageError("no input documents found" + (f" ({_skipped(skipped)})" if skipped else ""))
    if skipped and not quiet:
        click.echo(f"note: {_skipped(skipped)}", err=True)
    if shard:
        found = len(items)
        items = [i for i in items if shard.holds(i.row_id if isinstance(i, DiscoveryError) else i.policy_id)]
        if not quiet:
            click.echo(f"shard {shard}: {len(items)} of {found} documents", err=True)
    started, clock = dt.datetime.now(dt.timezone.utc), time.monotonic()
    writer = BatchWriter(outdir, formats)
    warnings = Counter()
    _, pipeline_name = load_pipeline()
    bar = tqdm(total=len(items), unit="doc", disable=quiet, file=sys.stderr, desc="parsing")
    finished = False
    try:
        for result in parse_sources(items, workers=workers):
            writer.add(result)
            if result.record is None:
                bar.write(f"error: {result.source}: {result.error}", file=sys.stderr)
            else:
                for w in result.record["warnings"]:
                    warnings[w.split(";")[0].split(" (")[0]] += 1
            bar.update()
        finished = True
    finally:
        bar.close()
        run = {"policyparse": __version__,
               "pipeline": {"spacy": pipeline_name, "normalizer": NORMALIZER_VERSION, "purpose_model": model_id()},
               "cookie_db": cookie_db, "shard": str(shard) if shard else None, "inputs": list(paths),
               "skipped_files": dict(_by_count(skipped)), "documents": len(items), "workers": workers,
               "started": started.isoformat(timespec="seconds"), "seconds": round(time.monotonic() - clock, 1)}
        written = writer.close(run if finished else None)
    if not quiet:
        _summary(writer, written, warnings, pipeline_name, Path(outdir))
    sys.exit(1 if writer.counts["errors"] else 0)


@main.command()
@click.argument("parts", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False))
@click.option("-o", "--outdir", required=True, type=click.Path(file_okay=False), help="Folder for the merged outputs.")
@click.option("--format", "formats", default="csv,jsonl", show_default=True,
              help="Extra formats besides CSV and JSONL (always written): xlsx, parquet.")
def merge(parts, outdir, formats):
    """Join the output folders of finished runs (all shards of a split, or runs with the same settings) into
    OUTDIR. Refuses missing or unfinished shards and parts made with another pipeline."""
    from .shards import MergeError, merge as merge_parts

    try:
        written, info = merge_parts([Path(p) for p in parts], Path(outdir), _formats(formats))
    except MergeError as exc:
        raise click.ClickException(str(exc))
    shards = f" ({info['merged_shards']} shards)" if info["merged_shards"] else ""
    click.echo(f"merged {len(parts)} part(s){shards}: {info['records']} record(s), {info['errors']} error(s), "
               f"{info['findings']} finding(s)")
    if info["duplicate_ids"]:
        click.echo(f"warning: {len(info['duplicate_ids'])} id(s) have more than one record: "
                   f"{', '.join(info['duplicate_ids'][:10])}", err=True)
    click.echo("wrote " + ", ".join(p.name for p in written) + f" to {outdir}")


def _by_count(counts: Counter) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _skipped(skipped: Counter) -> str:
    kinds = ", ".join(f"{n} {suffix}" for suffix, n in _by_count(skipped)[:6])
    return f"left out {sum(skipped.values())} file(s) in the folders that are no documents: {kinds}"


def _summary(writer, written, warnings, pipeline_name, outdir: Path) -> None:
    import pandas as pd

    policies = pd.read_csv(outdir / "policies.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    c = writer.counts
    click.echo(f"\n{c['records']} record(s), {c['errors']} error(s), {c['findings']} finding(s); "
               f"spaCy pipeline: {pipeline_name}")
    if len(policies):
        view = pd.DataFrame({
            "policy": policies["policy_id"].str.slice(0, 28), "lang": policies["language"],
            "updated": policies["last_updated"], "sections": policies["n_sections"],
            "purposes": policies["purposes"].map(lambda s: len([x for x in s.split("; ") if x])),
            "bases": policies["legal_bases"].str.replace("; ", ""),
            "processors": policies["processors"].map(lambda s: len([x for x in s.split("; ") if x])),
            "cookies": policies["cookies"].map(lambda s: len([x for x in s.split("; ") if x])),
            "retention": policies["retention_days"].str.slice(0, 18),
            "eea+": policies["transfers_outside_eea"]})
        with pd.option_context("display.max_rows", 60, "display.width", 160):
            click.echo(view.to_string(index=False))
    for w, n in warnings.most_common(8):
        click.echo(f"warning ({n}x): {w}")
    click.echo("wrote " + ", ".join(p.name for p in written) + f" to {outdir}")


@main.command()
@click.option("--gold", "gold_dir", default="data/annotated", show_default=True, type=click.Path(exists=True))
@click.option("--pred", "pred", default=None, type=click.Path(exists=True), help="records.jsonl to score.")
@click.option("--second", "second", default=None, type=click.Path(exists=True, file_okay=False),
              help="Folder of a second, independent annotation (gold-shaped files): score its agreement with "
                   "the gold on the fields it has, instead of scoring the pipeline.")
@click.option("--raw", "raw_dirs", multiple=True, help="Folder(s) of raw texts to parse and score.")
@click.option("--split", "split", default="all", type=click.Choice(["all", "dev", "test", "synthetic", "both"]),
              show_default=True, help="Score one side of split.json, all real (not synthetic) documents, or "
                                      "report dev, test, all and synthetic side by side (both).")
@click.option("--field", "fields", multiple=True, help="Score only these fields.")
@click.option("--report", "report", default="out/eval", show_default=True,
              help="Write REPORT.json and REPORT.md (per-document misses included).")
@click.option("--update-readme", "readme", default=None, type=click.Path(exists=True, dir_okay=False),
              help="Replace the block between <!-- eval:start --> and <!-- eval:end --> in this file.")
@click.option("--out-of-fold", "folds", default=0, type=click.IntRange(0, 20),
              help="With --raw: parse each development and synthetic document with a purpose model trained "
                   "without it (this many folds by document), so the classifier-driven fields are not in-sample. "
                   "Test documents are left out.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64))
def evaluate(gold_dir, pred, second, raw_dirs, split, fields, report, readme, workers, folds):
    """Score predictions against gold files (per field P / R / F1, accuracy, misses)."""
    from .corpus import SIDES, load_gold, load_split
    from .evaluate import (SET_FIELDS, SINGLE_FIELDS, misses_markdown, prediction_items, report_markdown, score,
                           update_readme)
    from .export import write_text_atomic
    from .pipeline import parse_many

    if sum(map(bool, (pred, second, raw_dirs))) != 1:
        raise click.UsageError("give one of --pred records.jsonl, --second FOLDER or --raw FOLDER(S)")
    gold = load_gold(Path(gold_dir))
    sides = load_split(Path(gold_dir))
    notes = []
    items_of = prediction_items
    if second:
        predictions = load_gold(Path(second))
        gold = {pid: g for pid, g in gold.items() if pid in predictions}
        shared = set.intersection(*(set(p) for p in predictions.values())) if predictions else set()
        fields = [f for f in fields or SET_FIELDS + SINGLE_FIELDS if f in shared]
        items_of = dict
        notes.append(f"agreement of the second annotation in {second} with the gold")
    elif pred:
        predictions = {}
        with open(pred, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    record = json.loads(line)
                    predictions[record["policy_id"]] = record
    else:
        present = [Path(d) for d in raw_dirs if Path(d).is_dir()]
        for d in raw_dirs:
            if not Path(d).is_dir():
                notes.append(f"{d} is absent: its documents are not scored")
                click.echo(f"note: {d} is absent; scoring the documents found elsewhere", err=True)
        files = [p for d in present for p in sorted(d.iterdir()) if p.stem in gold and p.is_file()]
        if folds:
            files = [p for p in files if sides.get(p.stem) in ("dev", "synthetic")]
            predictions = _out_of_fold(files, sides, folds, workers)
            notes.append(f"out of fold: each document parsed with a purpose model trained without it ({folds} folds)")
        else:
            predictions = {r.policy_id: r.record for r in parse_many(files, workers=workers) if r.record is not None}
        gold = {pid: g for pid, g in gold.items() if pid in predictions or any(p.stem == pid for p in files)}
    by_side = {side: {k: v for k, v in gold.items() if sides.get(k) == side} for side in SIDES}
    by_side["all"] = {k: v for k, v in gold.items() if sides.get(k) != "synthetic"}
    chosen = {s: by_side[s] for s in (("dev", "test", "all", "synthetic") if split == "both" else (split,))}
    results = {side: score(g, predictions, list(fields) or None, items_of) for side, g in chosen.items() if g}
    if not results:
        raise click.UsageError("no gold document to score")
    note = "; ".join(notes)
    md = report_markdown(results, note, "make agreement" if second else "make eval-oof" if folds else "make eval")
    click.echo(md)
    if report:
        out = Path(report)
        out.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(out.with_suffix(".json"), json.dumps(results, indent=1, ensure_ascii=False, default=str))
        misses = "\n".join(f"## Misses ({side})\n\n{misses_markdown(r)}" for side, r in results.items())
        write_text_atomic(out.with_suffix(".md"), md + "\n" + misses)
        click.echo(f"report: {out.with_suffix('.json')}, {out.with_suffix('.md')}")
    if readme and not update_readme(Path(readme), md):
        raise click.UsageError(f"{readme} has no <!-- eval:start --> / <!-- eval:end --> markers")


def _out_of_fold(files: list[Path], sides: dict[str, str], folds: int, workers: int) -> dict[str, dict]:
    """Records of the files, each parsed with a purpose model trained on the other folds' sentences."""
    import os
    import tempfile

    from . import classify
    from .corpus import read_sentences
    from .pipeline import parse_many

    rows, texts, synthetic = _training_set(sides, read_sentences())
    files = sorted(files, key=lambda p: p.stem)
    predictions: dict[str, dict] = {}
    previous = os.environ.get(classify.MODEL_ENV)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for k in range(folds):
                held = files[k::folds]
                out = Path(tmp) / f"fold{k}"
                held_ids = {p.stem for p in held}
                classify.train([r for r in rows if r["policy_id"] not in held_ids], texts, out, cv=False,
                               synthetic=synthetic)
                os.environ[classify.MODEL_ENV] = str(out / "purposes.skops")  # worker processes inherit it
                predictions.update({r.policy_id: r.record for r in parse_many(held, workers=workers)
                                    if r.record is not None})
                click.echo(f"fold {k + 1}/{folds}: {len(held)} documents", err=True)
    finally:
        if previous is None:
            os.environ.pop(classify.MODEL_ENV, None)
        else:
            os.environ[classify.MODEL_ENV] = previous
    return predictions


def _training_set(sides: dict[str, str], all_rows: list[dict]) -> tuple[list[dict], dict, frozenset[str]]:
    """The classifier's training sentences (development and synthetic documents), their texts, and the
    synthetic documents' ids."""
    from .corpus import sentence_texts

    rows = [r for r in all_rows if sides.get(r["policy_id"]) in ("dev", "synthetic")]
    if not rows:
        raise click.UsageError("no development sentences in data/annotated/sentences.jsonl")
    try:
        texts = sentence_texts(rows)
    except FileNotFoundError as exc:
        raise click.ClickException(f"{exc} (the development corpus is needed for training)")
    return rows, texts, frozenset(pid for pid, side in sides.items() if side == "synthetic")


@main.command()
def sentences():
    """Rebuild data/annotated/sentences.jsonl from the label spans and the raw texts."""
    from .corpus import build_sentences

    meta = build_sentences()
    click.echo(json.dumps(meta, ensure_ascii=False))
    if meta["missing_texts"]:
        click.echo(f"note: texts not found for {len(meta['missing_texts'])} document(s); they are left out", err=True)


@main.command()
@click.option("--out", "out_dir", default=None, type=click.Path(file_okay=False), help="Model folder (default models/).")
@click.option("--no-cv", is_flag=True, help="Skip the cross-validation report (faster).")
@click.option("--update-readme", "readme", default=None, type=click.Path(exists=True, dir_okay=False),
              help="Replace the block between <!-- classifier:start --> and <!-- classifier:end --> in this file.")
def train(out_dir, no_cv, readme):
    """Train the purpose classifier on the development and synthetic sentences of sentences.jsonl."""
    from . import classify
    from .corpus import load_split, read_sentences, sentence_texts
    from .export import write_text_atomic

    split = load_split()
    all_rows = read_sentences()
    rows, texts, synthetic = _training_set(split, all_rows)
    test_rows = [r for r in all_rows if split.get(r["policy_id"]) == "test"]
    out = Path(out_dir) if out_dir else classify.MODEL_DIR
    meta = classify.train(rows, texts, out, cv=not no_cv, synthetic=synthetic)
    if test_rows:
        meta["test_split"] = classify.score_rows(test_rows, sentence_texts(test_rows), out / "purposes.skops")
        meta["test_split"]["documents"] = len({r["policy_id"] for r in test_rows})
        write_text_atomic(out / "purposes.meta.json", json.dumps(meta, indent=1) + "\n")
    click.echo(json.dumps({k: meta[k] for k in ("labels", "thresholds", "modes")}, indent=1))
    report = classify_report(meta)
    click.echo(report)
    if readme:
        from .evaluate import update_readme

        data = meta["training_data"]
        n_syn = len(data.get("synthetic_documents", []))
        cv = meta["cv"]
        block = (f"Trained {meta['created']} on {data['sentences']} sentences of {len(data['documents']) - n_syn} "
                 f"development and {n_syn} synthetic documents. Grouped {cv.get('folds')}-fold CV by document "
                 f"(modes and thresholds chosen inside each training fold), scored separately on the "
                 f"{cv.get('development', {}).get('sentences', 0)} sentences of the development documents and the "
                 f"{cv.get('synthetic', {}).get('sentences', 0)} of the synthetic ones; then the shipped model on the "
                 f"{meta.get('test_split', {}).get('documents', 0)} test documents. The cue rules were written on the "
                 f"development documents and corrected on some synthetic ones, so CV flatters them, most on the "
                 f"development documents.\n\n{report}")
        if not update_readme(Path(readme), block, "<!-- classifier:start -->", "<!-- classifier:end -->"):
            raise click.UsageError(f"{readme} has no <!-- classifier:start --> / <!-- classifier:end --> markers")


def _num(value) -> str:
    return "–" if value is None else f"{value:.2f}"


def classify_report(meta: dict) -> str:
    """Markdown: per-label P / R / F1 / support in grouped CV (development and synthetic documents) and on
    the test split."""
    cv_dev = meta["cv"].get("development", {})
    cv_syn = meta["cv"].get("synthetic", {})
    test = meta.get("test_split", {})
    lines = ["| label | decided by | CV dev P | CV dev R | CV dev F1 | support | CV synthetic F1 | support "
             "| test P | test R | test F1 | support |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for label in meta["labels"]:
        c, s, t = (part.get("per_label", {}).get(label, {}) for part in (cv_dev, cv_syn, test))
        cells = [_num(c.get(k)) for k in ("precision", "recall", "f1")] + [str(c.get("support", ""))]
        cells += [_num(s.get("f1")), str(s.get("support", ""))]
        cells += [_num(t.get(k)) for k in ("precision", "recall", "f1")] + [str(t.get("support", ""))]
        lines.append(f"| {label} | {meta['modes'][label]} | " + " | ".join(cells) + " |")
    macros = [part.get("macro_f1") for part in (cv_dev, cv_syn, test)]
    if None not in macros:
        lines.append("| **macro F1** | | | | **{:.2f}** | | **{:.2f}** | | | | **{:.2f}** | |".format(*macros))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()

"""Command line (`cli.py`): `policyparse parse` outputs, exit codes, standard input, big mixed batches, workers."""
from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from policyparse.cli import main

from conftest import ROOT

RAW = ROOT / "data" / "raw"
OUTPUTS = ["records.jsonl", "policies.csv", "findings.csv", "sections.csv", "errors.csv"]
GOOD = ("Personvernerkl\u00e6ring\n\nVi i Eksempel AS (org.nr. 974 379 511) behandler personopplysninger om deg "
        "n\u00e5r du bruker tjenesten. Kontakt oss p\u00e5 post@eksempel.no.\n\nSist oppdatert: 24. februar 2026\n")
ENGLISH = ("Privacy policy\n\nWe process your personal data to provide the service. You may contact us at any time "
           "and ask us to delete your data.\n")


def run(*args, input=None):
    return CliRunner().invoke(main, list(map(str, args)), input=input, catch_exceptions=False)


def records(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]


def rows(out: Path, table: str) -> list[dict]:
    with (out / f"{table}.csv").open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_parse_seed_folder(tmp_path):
    out = tmp_path / "out"
    result = run("parse", RAW, "-o", out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUTS + ["run.json"])
    recs = records(out)
    assert [r["policy_id"] for r in recs] == sorted(p.stem for p in RAW.glob("*.txt"))
    assert [r["policy_id"] for r in rows(out, "policies")] == [r["policy_id"] for r in recs]
    assert rows(out, "errors") == []
    assert len(rows(out, "findings")) == sum(len(r["findings"]) for r in recs)
    assert len(rows(out, "sections")) == sum(len(r["sections"]) for r in recs)
    assert f"{len(recs)} record(s), 0 error(s)" in result.output
    assert "wrote " in result.output and "records.jsonl" in result.output


def test_quiet_prints_no_summary(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = run("parse", tmp_path / "a.txt", "-o", tmp_path / "out", "-q")
    assert result.exit_code == 0 and "record(s)" not in result.output


def test_exit_code_1_when_any_document_fails(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text(GOOD, encoding="utf-8")
    (docs / "empty.txt").write_bytes(b"")
    result = run("parse", docs, tmp_path / "missing.txt", "-o", tmp_path / "out", "-q")
    assert result.exit_code == 1
    assert [r["policy_id"] for r in records(tmp_path / "out")] == ["good"]
    errors = {r["policy_id"]: r for r in rows(tmp_path / "out", "errors")}
    assert set(errors) == {"empty", "missing"}
    assert errors["empty"]["stage"] == "ingest" and errors["empty"]["error"] == "empty file"
    assert errors["missing"]["stage"] == "discover" and "no such file" in errors["missing"]["error"]


@pytest.mark.parametrize("args", [
    ["parse", "-o", "OUT"],                                   # no paths
    ["parse", "data/raw"],                                    # no outdir
    ["parse", "data/raw", "-o", "OUT", "--format", "docx"],   # bad format
    ["parse", "data/raw", "-o", "OUT", "--format", "csv,pdf"],
    ["parse", "data/raw", "-o", "OUT", "--workers", "0"],
    ["parse", "data/raw", "-o", "OUT", "--bogus"],
    ["frobnicate"],
])
def test_usage_errors_exit_2(tmp_path, monkeypatch, args):
    monkeypatch.chdir(ROOT)
    args = [str(tmp_path / "out") if a == "OUT" else a for a in args]
    result = run(*args)
    assert result.exit_code == 2
    assert not (tmp_path / "out").exists(), "a usage error writes nothing"


def test_empty_folder_is_a_usage_error(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("parse", tmp_path / "empty", "-o", tmp_path / "out")
    assert result.exit_code == 2 and "no input documents" in result.output


def test_standard_input(tmp_path):
    out = tmp_path / "out"
    result = run("parse", "-", "-o", out, "-q", input=GOOD.encode("utf-8"))
    assert result.exit_code == 0, result.output
    (rec,) = records(out)
    assert rec["policy_id"] == "stdin" and rec["source"] == "<stdin>"
    assert rec["org_numbers"] == ["974379511"] and rec["emails"] == ["post@eksempel.no"]
    assert rec["last_updated"] == "2026-02-24" and rec["language"] == "nb"


def test_standard_input_in_another_encoding(tmp_path):
    result = run("parse", "-", "-o", tmp_path / "out", "-q", input=GOOD.encode("utf-16"))
    assert result.exit_code == 0
    assert records(tmp_path / "out")[0]["title"] == "Personvernerkl\u00e6ring"


def test_formats_xlsx_and_parquet(tmp_path):
    out = tmp_path / "out"
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = run("parse", tmp_path / "a.txt", "-o", out, "--format", "xlsx,parquet", "-q")
    assert result.exit_code == 0
    assert {p.name for p in out.iterdir()} == set(OUTPUTS) | {"policyparse.xlsx", "run.json"} | {
        f"{t}.parquet" for t in ("policies", "findings", "sections", "errors")}


def _mixed_folder(folder: Path, n: int = 1000) -> dict[str, str]:
    """n tiny files, good and bad; returns policy_id -> what it is."""
    folder.mkdir()
    kinds = {}
    for i in range(n):
        kind = ["empty", "binary", "undecodable", "nobody", "english", "good", "good", "good", "good", "good"][i % 10]
        name = f"{i:04d}_{kind}"
        if kind == "empty":
            (folder / f"{name}.txt").write_bytes(b"")
        elif kind == "binary":
            (folder / f"{name}.txt").write_bytes(bytes(range(256)))
        elif kind == "undecodable":
            (folder / f"{name}.txt").write_bytes("Personvern p\u00e5 nett: vi lagrer lite.\n".encode("cp1252")
                                                 + b"\x81\x8d\x8f")
        elif kind == "nobody":
            (folder / f"{name}.html").write_text("<html><head><title>Tom</title></head></html>", encoding="utf-8")
        elif kind == "english":
            (folder / f"{name}.txt").write_text(ENGLISH, encoding="utf-8")
        else:
            (folder / f"{name}.txt").write_text(GOOD.replace("Eksempel", f"Eksempel{i}"), encoding="utf-8")
        kinds[name] = kind
    return kinds


def test_thousand_mixed_files(tmp_path):
    kinds = _mixed_folder(tmp_path / "docs")
    out = tmp_path / "out"
    result = run("parse", tmp_path / "docs", "-o", out, "-q")
    assert result.exit_code == 1
    recs = {r["policy_id"]: r for r in records(out)}
    errors = {r["policy_id"]: r for r in rows(out, "errors")}
    assert len(recs) + len(errors) == len(kinds) == 1000
    assert set(recs) | set(errors) == set(kinds) and not set(recs) & set(errors)
    for pid, kind in kinds.items():
        if kind in ("empty", "binary", "nobody"):
            assert errors[pid]["stage"] == "ingest", pid
            assert {"empty": "empty file", "binary": "binary", "nobody": "no body text"}[kind] in errors[pid]["error"]
        elif kind == "undecodable":
            assert any("decoded as cp1252 with undecodable bytes replaced" in w for w in recs[pid]["warnings"])
        elif kind == "english":
            assert recs[pid]["language"] == "en" and any("not Norwegian" in w for w in recs[pid]["warnings"])
        else:
            assert recs[pid]["org_numbers"] == ["974379511"] and recs[pid]["last_updated"] == "2026-02-24"
    assert len(rows(out, "policies")) == len(recs)


def test_workers_give_the_same_records(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert run("parse", RAW, "-o", one, "-q", "--workers", "1").exit_code == 0
    assert run("parse", RAW, "-o", two, "-q", "--workers", "2").exit_code == 0
    for name in OUTPUTS:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and "policyparse" in result.output


def test_evaluate_command_scores_the_seeds(tmp_path):
    """`policyparse evaluate --raw data/raw` (what `make eval` runs) prints the per-field table and writes reports."""
    report = tmp_path / "eval"
    result = CliRunner().invoke(main, ["evaluate", "--gold", str(ROOT / "data" / "annotated"), "--raw",
                                       str(ROOT / "data" / "raw"), "--raw", str(tmp_path / "absent"),
                                       "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert "| headings |" in result.output and "| org_numbers | 1.00 | 1.00 | **1.00** |" in result.output
    assert "absent" in result.output  # a missing corpus folder is said, not silently skipped
    scores = json.loads(report.with_suffix(".json").read_text())["all"]
    assert scores["documents"] == 5
    assert scores["fields"]["emails"]["f1"] == 1.0 and scores["fields"]["last_updated"]["accuracy"] == 1.0
    assert report.with_suffix(".md").exists()


def test_evaluate_scores_a_second_annotation_on_its_fields(tmp_path):
    """`make agreement`: the bundled second annotation against the gold, only the fields it has."""
    report = tmp_path / "agreement"
    result = CliRunner().invoke(main, ["evaluate", "--gold", str(ROOT / "data" / "annotated"), "--second",
                                       str(ROOT / "data" / "annotated" / "second"), "--report", str(report)])
    assert result.exit_code == 0, result.output
    scores = json.loads(report.with_suffix(".json").read_text())["all"]
    assert set(scores["fields"]) == {"purposes", "legal_bases", "purpose_bases", "cookies"}
    assert scores["documents"] == 33
    assert "make agreement" in result.output


def test_evaluate_needs_exactly_one_source(tmp_path):
    result = CliRunner().invoke(main, ["evaluate", "--second", str(tmp_path), "--raw", str(RAW)])
    assert result.exit_code != 0 and "give one of" in result.output


def test_evaluate_out_of_fold_parses_each_document_with_a_model_trained_without_it(tmp_path, monkeypatch):
    """`make eval-oof` on the seeds: test documents are left out, and the shipped model is used again after."""
    from policyparse import classify, corpus

    monkeypatch.delenv(classify.MODEL_ENV, raising=False)
    every = corpus.read_sentences()
    few = {r["policy_id"] for r in every if r["policy_id"].startswith(("0", "syn_0"))}   # seeds, nine synthetic
    monkeypatch.setattr(corpus, "read_sentences", lambda: [r for r in every if r["policy_id"] in few])
    report = tmp_path / "oof"
    result = CliRunner().invoke(main, ["evaluate", "--gold", str(ROOT / "data" / "annotated"), "--raw", str(RAW),
                                       "--out-of-fold", "2", "--field", "purposes", "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert "out of fold" in result.output and "fold 2/2" in result.output
    scores = json.loads(report.with_suffix(".json").read_text())
    assert scores["all"]["documents"] == 4  # the seeds of the development split; the test seed is left out
    assert classify.MODEL_ENV not in os.environ and classify.active_model_path() == classify.MODEL_PATH


def test_files_that_are_no_documents_are_counted_not_dropped_silently(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "personvern").write_text(GOOD, encoding="utf-8")          # a scraper's file without a suffix
    (docs / "logo.png").write_bytes(b"\x89PNG")
    (docs / "meta.json").write_text("{}", encoding="utf-8")
    (docs / "vilkar.docx").write_bytes(b"PK")
    out = tmp_path / "out"
    result = run("parse", docs, "-o", out)
    assert result.exit_code == 1
    assert "left out 2 file(s) in the folders that are no documents: 1 .json, 1 .png" in result.output
    assert [r["policy_id"] for r in records(out)] == ["personvern"]
    assert [(r["policy_id"], r["stage"]) for r in rows(out, "errors")] == [("vilkar", "discover")]
    assert json.loads((out / "run.json").read_text())["skipped_files"] == {".json": 1, ".png": 1}

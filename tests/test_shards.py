"""Shards and merging (`shards.py`, `policyparse parse --shard`, `policyparse merge`)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from policyparse.cli import main
from policyparse.export import BatchWriter
from policyparse.shards import Shard

GOOD = ("Personvernerkl\u00e6ring\n\nVi i {name} AS behandler personopplysninger om deg n\u00e5r du bruker "
        "tjenesten. Vi bruker Google Analytics til statistikk. Kontakt oss p\u00e5 post@{name}.no.\n")
TABLES = ["records.jsonl", "policies.csv", "findings.csv", "sections.csv", "errors.csv"]


def run(*args):
    return CliRunner().invoke(main, list(map(str, args)), catch_exceptions=False)


@pytest.mark.parametrize("spec, expected", [
    ("3/16", Shard(3, 16)), ("1/1", Shard(1, 1)), (" 2 / 4 ", Shard(2, 4)), ("16/16", Shard(16, 16)),
])
def test_shard_specs(spec, expected):
    assert Shard.parse(spec) == expected and str(expected) == f"{expected.index}/{expected.count}"


@pytest.mark.parametrize("spec", ["0/3", "4/3", "1/0", "3", "a/b", "-1/3", "1/3/5", ""])
def test_bad_shard_specs(spec):
    with pytest.raises(ValueError):
        Shard.parse(spec)


@pytest.mark.parametrize("count", [1, 2, 5, 16])
def test_every_id_lands_in_exactly_one_shard(count):
    ids = [f"vendor_{k:05d}" for k in range(2000)]
    held = [[pid for pid in ids if Shard(k, count).holds(pid)] for k in range(1, count + 1)]
    assert sorted(pid for part in held for pid in part) == ids
    assert min(map(len, held)) > 0.7 * len(ids) / count       # roughly even


def _corpus(folder: Path, n: int = 12) -> Path:
    folder.mkdir()
    for k in range(n):
        (folder / f"firma{k:02d}.txt").write_text(GOOD.format(name=f"firma{k:02d}"), encoding="utf-8")
    (folder / "tom.txt").write_bytes(b"")                     # an error row goes to one shard too
    return folder


def _shards(tmp_path: Path, docs: Path, count: int) -> list[Path]:
    parts = []
    for k in range(1, count + 1):
        out = tmp_path / f"part{k}"
        result = run("parse", docs, "-o", out, "--shard", f"{k}/{count}", "-q")
        assert result.exit_code in (0, 1), result.output
        parts.append(out)
    return parts


def _lines(path: Path) -> list[str]:
    return sorted(path.read_text(encoding="utf-8-sig").splitlines())


def test_shards_merged_equal_one_run(tmp_path):
    docs = _corpus(tmp_path / "docs")
    whole = tmp_path / "whole"
    assert run("parse", docs, "-o", whole, "-q").exit_code == 1
    parts = _shards(tmp_path, docs, 3)
    counts = [json.loads((p / "run.json").read_text())["documents"] for p in parts]
    assert sum(counts) == 13 and all(counts)
    merged = tmp_path / "merged"
    result = run("merge", *parts, "-o", merged, "--format", "xlsx")
    assert result.exit_code == 0, result.output
    assert "3 shards" in result.output and "12 record(s), 1 error(s)" in result.output
    for name in TABLES:
        assert _lines(merged / name) == _lines(whole / name), name
    assert (merged / "policyparse.xlsx").exists()
    info = json.loads((merged / "run.json").read_text())
    assert info["merged_shards"] == 3 and info["records"] == 12 and info["errors"] == 1 and info["duplicate_ids"] == []


def test_run_file_says_what_made_the_outputs(tmp_path):
    docs = _corpus(tmp_path / "docs", 2)
    out = tmp_path / "out"
    run("parse", docs, "-o", out, "-q", "--shard", "1/1")
    info = json.loads((out / "run.json").read_text())
    assert info["shard"] == "1/1" and info["inputs"] == [str(docs)] and info["documents"] == 3
    assert info["records"] == 2 and info["errors"] == 1
    assert set(info["pipeline"]) == {"spacy", "normalizer", "purpose_model"} and info["cookie_db"] is None


def test_a_new_run_removes_the_old_run_file(tmp_path):
    (tmp_path / "run.json").write_text("{}")
    writer = BatchWriter(tmp_path)
    assert not (tmp_path / "run.json").exists()              # until this run finishes, the folder is unfinished
    writer.close({"shard": None})
    assert json.loads((tmp_path / "run.json").read_text())["records"] == 0


def _edit_run(folder: Path, **changes) -> None:
    path = folder / "run.json"
    path.write_text(json.dumps({**json.loads(path.read_text()), **changes}))


@pytest.mark.parametrize("spoil, message", [
    (lambda parts: parts[:2], "shard(s) 3/3 missing"),
    (lambda parts: parts + parts[:1], "given more than once"),
    (lambda parts: parts + [shutil.copytree(parts[0], parts[0].with_name("copy"))], "shard(s) 1/3 given more than once"),
    (lambda parts: [(parts[0] / "run.json").unlink(), parts][1], "no run.json; the run did not finish"),
    (lambda parts: [_edit_run(parts[1], shard="2/4"), parts][1], "different splits"),
    (lambda parts: [_edit_run(parts[1], shard=None), parts][1], "some parts are shards"),
    (lambda parts: [_edit_run(parts[2], pipeline={"spacy": "nb_core_news_sm"}), parts][1], "do not compare"),
    (lambda parts: [_edit_run(parts[2], cookie_db="ocd.csv"), parts][1], "cookie_db"),
])
def test_merge_refuses_parts_that_do_not_make_a_whole(tmp_path, spoil, message):
    parts = spoil(_shards(tmp_path, _corpus(tmp_path / "docs"), 3))
    result = run("merge", *parts, "-o", tmp_path / "merged")
    assert result.exit_code == 1 and message in result.output
    assert not (tmp_path / "merged" / "records.jsonl").exists()


def test_merge_refuses_a_table_of_another_version(tmp_path):
    parts = _shards(tmp_path, _corpus(tmp_path / "docs"), 2)
    policies = parts[1] / "policies.csv"
    policies.write_text(policies.read_text(encoding="utf-8-sig").replace("policy_id", "id", 1), encoding="utf-8-sig")
    result = run("merge", *parts, "-o", tmp_path / "merged")
    assert result.exit_code == 1 and "other columns" in result.output
    assert not [p for p in (tmp_path / "merged").iterdir()], "no temporary file is left"


def test_merge_plain_runs_and_report_repeated_ids(tmp_path):
    docs = _corpus(tmp_path / "docs", 2)
    run("parse", docs, "-o", tmp_path / "a", "-q")
    run("parse", docs / "firma00.txt", "-o", tmp_path / "b", "-q")
    result = run("merge", tmp_path / "a", tmp_path / "b", "-o", tmp_path / "merged")
    assert result.exit_code == 0 and "1 id(s) have more than one record: firma00" in result.output
    assert len(_lines(tmp_path / "merged" / "records.jsonl")) == 3


def test_merge_into_a_part_is_refused(tmp_path):
    parts = _shards(tmp_path, _corpus(tmp_path / "docs", 2), 1)
    result = run("merge", parts[0], "-o", parts[0])
    assert result.exit_code == 1 and "is one of the parts" in result.output


def test_bad_shard_option_is_a_usage_error(tmp_path):
    result = run("parse", tmp_path, "-o", tmp_path / "out", "--shard", "4/3")
    assert result.exit_code == 2 and "K/N" in result.output


def test_an_input_that_yields_no_document_lands_in_one_shard(tmp_path):
    docs = _corpus(tmp_path / "docs", 3)
    parts = []
    for k in (1, 2, 3):
        out = tmp_path / f"part{k}"
        run("parse", docs, tmp_path / "missing.txt", "-o", out, "--shard", f"{k}/3", "-q")
        parts.append(out)
    errors = [line for p in parts for line in _lines(p / "errors.csv") if "no such file" in line]
    assert len(errors) == 1

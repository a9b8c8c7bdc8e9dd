"""Exports (`export.py`, `tables.py`): the files BatchWriter writes, and `to_frames`."""
from __future__ import annotations

import copy
import csv
import io
import json
import os

import pandas as pd
import pytest

from policyparse import export
from policyparse.export import FORMULA_START, BatchWriter, atomic_path, neutralise
from policyparse.pipeline import Result, parse_text
from policyparse.tables import ERROR_COLUMNS, FINDING_COLUMNS, POLICY_COLUMNS, SECTION_COLUMNS, to_frames

TEXT = ("Personvernerkl\u00e6ring\n\nVi i Bl\u00e5b\u00e6r og \u00d8l AS (org.nr. 974 379 511) behandler opplysninger. "
        "Kontakt oss p\u00e5 post@blabaer.no.\n\nDine rettigheter\n\n- Du kan be om innsyn.\n"
        "- Du kan klage til Datatilsynet.\n\nSist oppdatert: 24. februar 2026")
NAMES = ["policies.csv", "findings.csv", "sections.csv", "errors.csv", "records.jsonl"]
FORMULAS = ["=HYPERLINK(\"http://x\")", "+47 22 33 44 55", "-1+2", "@SUM(A1:A2)", "\tTab", "\rCR"]


@pytest.fixture(scope="module")
def results():
    good = Result("bl\u00e5b\u00e6r", "data/bl\u00e5b\u00e6r.txt", record=parse_text(TEXT, "bl\u00e5b\u00e6r", "data/bl\u00e5b\u00e6r.txt"))
    evil_record = copy.deepcopy(good.record)
    evil_record.update(policy_id="formel", title=FORMULAS[0], warnings=FORMULAS[1:])
    evil = Result("formel", "data/formel.txt", record=evil_record)
    bad = Result("\u00f8del\u00e6gt", "data/\u00f8del\u00e6gt.txt", error="binary file, not text", stage="ingest")
    return [good, evil, bad]


def write(outdir, results, formats=("csv", "jsonl")):
    writer = BatchWriter(outdir, formats)
    for r in results:
        writer.add(r)
    return writer, writer.close()


def test_files_and_counts(tmp_path, results):
    writer, written = write(tmp_path, results)
    assert sorted(p.name for p in written) == sorted(NAMES)
    assert sorted(os.listdir(tmp_path)) == sorted(NAMES), "no temporary files are left"
    assert writer.counts == {"records": 2, "errors": 1, "findings": 2 * len(results[0].record["findings"])}
    lines = (tmp_path / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["policy_id"] for line in lines] == ["bl\u00e5b\u00e6r", "formel"]
    assert "Bl\u00e5b\u00e6r og \u00d8l AS" in lines[0], "JSON keeps Norwegian letters unescaped"


@pytest.mark.parametrize("name, columns, rows", [
    ("policies.csv", POLICY_COLUMNS, 2), ("findings.csv", FINDING_COLUMNS, None),
    ("sections.csv", SECTION_COLUMNS, 4), ("errors.csv", ERROR_COLUMNS, 1),
])
def test_csv_has_bom_header_and_norwegian_letters(tmp_path, results, name, columns, rows):
    write(tmp_path, results)
    raw = (tmp_path / name).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM so Excel shows \u00e6\u00f8\u00e5"
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert table[0] == list(columns)
    if rows is not None:
        assert len(table) - 1 == rows
    body = raw.decode("utf-8-sig")
    assert "\ufffd" not in body and "\u00c3" not in body
    assert "bl\u00e5b\u00e6r" in body or "\u00f8del\u00e6gt" in body


def test_policy_row_values(tmp_path, results):
    write(tmp_path, results)
    policies = pd.read_csv(tmp_path / "policies.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    row = policies.iloc[0]
    assert row["policy_id"] == "bl\u00e5b\u00e6r" and row["org_numbers"] == "974379511"
    assert row["emails"] == "post@blabaer.no" and row["last_updated"] == "2026-02-24"
    assert row["language"] == "nb" and row["title"] == "Personvernerkl\u00e6ring" and row["n_sections"] == "2"
    assert row["right:access"] == "True" and row["right:portability"] == "False"
    errors = pd.read_csv(tmp_path / "errors.csv", encoding="utf-8-sig", dtype=str)
    assert errors.to_dict("records") == [{"policy_id": "\u00f8del\u00e6gt", "source": "data/\u00f8del\u00e6gt.txt",
                                          "stage": "ingest", "error": "binary file, not text"}]


def test_xlsx_one_sheet_per_table_and_formulas_neutralised(tmp_path, results):
    openpyxl = pytest.importorskip("openpyxl")
    _, written = write(tmp_path, results, ("csv", "jsonl", "xlsx"))
    path = tmp_path / "policyparse.xlsx"
    assert path in written and sorted(os.listdir(tmp_path)) == sorted(NAMES + ["policyparse.xlsx"])
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["policies", "findings", "sections", "errors"]
    values = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula: {cell.value!r}"
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(FORMULA_START), (sheet.title, cell.coordinate, cell.value)
                    values.append(cell.value)
    assert "'" + FORMULAS[0] in values
    assert "'- Du kan be om innsyn." in values                      # a list-item sentence in findings
    assert "Personvernerkl\u00e6ring" in values and "\u00f8del\u00e6gt" in values
    policies = book["policies"]
    assert [c.value for c in policies[1]] == POLICY_COLUMNS
    assert policies.max_row == 3 and book["errors"].max_row == 2


@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"), ("+47", "'+47"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("Personvern", "Personvern"), ("a=b", "a=b"), ("", ""), (3, 3), (None, None), (True, True),
])
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_parquet_readable(tmp_path, results):
    pytest.importorskip("pyarrow")
    write(tmp_path, results, ("csv", "jsonl", "parquet"))
    for table, columns in [("policies", POLICY_COLUMNS), ("findings", FINDING_COLUMNS),
                           ("sections", SECTION_COLUMNS), ("errors", ERROR_COLUMNS)]:
        frame = pd.read_parquet(tmp_path / f"{table}.parquet")
        assert list(frame.columns) == list(columns)
        from_csv = pd.read_csv(tmp_path / f"{table}.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
        assert frame.astype(str).values.tolist() == from_csv.values.tolist()
    assert not [n for n in os.listdir(tmp_path) if "tmp" in n]


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown format"):
        BatchWriter(tmp_path / "out", ("csv", "docx"))


def test_existing_output_is_replaced_atomically(tmp_path, results):
    write(tmp_path, results[:1])
    old = tmp_path / "policies.csv"
    old_inode = old.stat().st_ino
    with old.open(encoding="utf-8-sig") as handle:          # a reader that has the old file open
        writer = BatchWriter(tmp_path)
        for r in results[1:]:
            writer.add(r)
        # while the batch runs, the old outputs are still there, complete
        assert "bl\u00e5b\u00e6r" in old.read_text(encoding="utf-8-sig")
        writer.close()
        assert "bl\u00e5b\u00e6r" in handle.read(), "the old file stays whole for a reader that has it open"
    assert old.stat().st_ino != old_inode, "replaced by rename, not rewritten in place"
    new = pd.read_csv(old, encoding="utf-8-sig", dtype=str)
    assert new["policy_id"].tolist() == ["formel"]
    assert sorted(os.listdir(tmp_path)) == sorted(NAMES)
    mode = old.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask, "published files get ordinary permissions, not mkstemp's 0600"


def test_failed_write_leaves_the_old_file_and_no_temp(tmp_path):
    target = tmp_path / "policyparse.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_bytes(b"half")
            raise RuntimeError("disk full")
    assert target.read_bytes() == b"old" and os.listdir(tmp_path) == ["policyparse.xlsx"]


def test_failed_xlsx_keeps_previous_workbook(tmp_path, results, monkeypatch):
    write(tmp_path, results, ("csv", "jsonl", "xlsx"))
    before = (tmp_path / "policyparse.xlsx").read_bytes()

    def boom(*args, **kwargs):
        raise OSError("no space left")

    monkeypatch.setattr(pd.DataFrame, "to_excel", boom)
    with pytest.raises(Exception):  # noqa: B017 (openpyxl may replace the error while closing the workbook)
        write(tmp_path, results[1:], ("csv", "jsonl", "xlsx"))
    assert (tmp_path / "policyparse.xlsx").read_bytes() == before
    assert not [n for n in os.listdir(tmp_path) if n.startswith(".")]


def test_write_text_atomic(tmp_path):
    path = tmp_path / "REPORT.md"
    export.write_text_atomic(path, "f\u00f8rste")
    export.write_text_atomic(path, "andre \u00e6\u00f8\u00e5")
    assert path.read_text(encoding="utf-8") == "andre \u00e6\u00f8\u00e5" and os.listdir(tmp_path) == ["REPORT.md"]


def test_to_frames(results):
    frames = to_frames(results)
    assert set(frames) == {"policies", "findings", "sections", "errors"}
    assert list(frames["policies"].columns) == POLICY_COLUMNS
    assert list(frames["findings"].columns) == FINDING_COLUMNS
    assert list(frames["sections"].columns) == SECTION_COLUMNS
    assert list(frames["errors"].columns) == ERROR_COLUMNS
    assert frames["policies"]["policy_id"].tolist() == ["bl\u00e5b\u00e6r", "formel"]
    assert len(frames["findings"]) == 2 * len(results[0].record["findings"])
    assert frames["sections"]["heading"].tolist() == ["Personvernerkl\u00e6ring", "Dine rettigheter"] * 2
    assert frames["errors"]["policy_id"].tolist() == ["\u00f8del\u00e6gt"]
    # plain records work too, and an empty batch gives empty frames with the columns
    assert frames["policies"].equals(to_frames([r.record for r in results if r.record])["policies"])
    empty = to_frames([])
    assert all(len(f) == 0 for f in empty.values()) and list(empty["policies"].columns) == POLICY_COLUMNS

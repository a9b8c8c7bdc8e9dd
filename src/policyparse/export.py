"""Write records and tables to OUTDIR, atomically (temporary file in the same folder, then rename).

`records.jsonl` and the four CSV tables are always written, streamed while the batch runs so memory
stays flat; XLSX and Parquet, when asked, are made from the finished CSVs at the end, and `run.json`
(what made the outputs) last. CSV is UTF-8 with BOM so Excel shows Norwegian letters; XLSX cells that
would start a formula (`=`, `+`, `-`, `@`, tab, carriage return) are neutralised.
"""
from __future__ import annotations

import csv
import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from .tables import (ERROR_COLUMNS, FINDING_COLUMNS, POLICY_COLUMNS, SECTION_COLUMNS, error_row, finding_rows,
                     policy_row, section_rows)

TABLES = {"policies": POLICY_COLUMNS, "findings": FINDING_COLUMNS, "sections": SECTION_COLUMNS,
          "errors": ERROR_COLUMNS}
FORMATS = ("csv", "jsonl", "xlsx", "parquet")
RUN_FILE = "run.json"   # written last: a folder without it holds a run that did not finish
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _publish(tmp: Path, target: Path) -> None:
    """Give the temporary file ordinary permissions and rename it over the target."""
    os.chmod(tmp, 0o666 & ~_umask())
    tmp.replace(target)


@contextmanager
def atomic_path(path: Path):
    """A temporary path beside `path`; renamed to `path` on success, removed on failure."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=f".tmp{path.suffix}", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        _publish(Path(tmp), path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def temp_in(folder: Path, name: str):
    """An open temporary file beside `folder / name` (CSV with BOM so Excel shows Norwegian letters)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    return os.fdopen(fd, "w", encoding="utf-8-sig" if name.endswith(".csv") else "utf-8", newline=""), Path(tmp)


def neutralise(value):
    """A spreadsheet cell value that cannot run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def open_outputs(outdir: Path) -> tuple[dict, dict]:
    """Temporary files for the four CSV tables (headers written) and records.jsonl in `outdir`: ({name: (file,
    temporary path)}, {table: csv.DictWriter}), to be renamed into place by `publish_all`."""
    files, writers = {}, {}
    try:
        for table, columns in TABLES.items():
            f, tmp = temp_in(outdir, f"{table}.csv")
            files[f"{table}.csv"] = (f, tmp)
            writers[table] = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore")
            writers[table].writeheader()
        files["records.jsonl"] = temp_in(outdir, "records.jsonl")
    except BaseException:
        discard_all(files)
        raise
    return files, writers


class BatchWriter:
    """Streams records.jsonl and the four CSV tables; `close()` renames them into place."""

    def __init__(self, outdir: str | Path, formats: tuple[str, ...] = ("csv", "jsonl")):
        unknown = set(formats) - set(FORMATS)
        if unknown:
            raise ValueError(f"unknown format(s): {', '.join(sorted(unknown))}; choose from {', '.join(FORMATS)}")
        self.outdir = Path(outdir)
        self.outdir.mkdir(parents=True, exist_ok=True)
        (self.outdir / RUN_FILE).unlink(missing_ok=True)    # an earlier run's: this one has not finished
        self.formats = formats
        self._files, self._writers = open_outputs(self.outdir)
        self.counts = {"records": 0, "errors": 0, "findings": 0}

    def add(self, result) -> None:
        if result.record is None:
            self._writers["errors"].writerow(error_row(result))
            self.counts["errors"] += 1
            return
        record = result.record
        self._files["records.jsonl"][0].write(json.dumps(record, ensure_ascii=False) + "\n")
        self._writers["policies"].writerow(policy_row(record))
        self._writers["findings"].writerows(finding_rows(record))
        self._writers["sections"].writerows(section_rows(record))
        self.counts["records"] += 1
        self.counts["findings"] += len(record["findings"])

    def close(self, run: dict | None = None) -> list[Path]:
        """Move the streamed files into place, build XLSX / Parquet if asked, and write `run.json` (the
        `run` info with the counts) last, so its presence means the run finished; returns what was written."""
        written = publish_all(self.outdir, self._files) + write_extras(self.outdir, self.formats)
        if run is not None:
            written.append(write_run(self.outdir, {**run, **self.counts}))
        return written


def publish_all(outdir: Path, files: dict) -> list[Path]:
    """Close the temporary files of `{name: (file, temporary path)}` and rename them to `outdir / name`."""
    written = []
    for name, (f, tmp) in files.items():
        f.close()
        _publish(tmp, outdir / name)
        written.append(outdir / name)
    return written


def discard_all(files: dict) -> None:
    """Close and delete the temporary files of `{name: (file, temporary path)}` (a run or merge that failed)."""
    for f, tmp in files.values():
        f.close()
        tmp.unlink(missing_ok=True)


def write_extras(outdir: Path, formats: tuple[str, ...]) -> list[Path]:
    """XLSX and Parquet made from the finished CSV tables in `outdir`, when `formats` asks for them."""
    if "xlsx" not in formats and "parquet" not in formats:
        return []
    frames = {t: pd.read_csv(outdir / f"{t}.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
              for t in TABLES}
    written = []
    if "xlsx" in formats:
        written.append(write_xlsx(frames, outdir / "policyparse.xlsx"))
    if "parquet" in formats:
        written += [write_parquet(frame, outdir / f"{t}.parquet") for t, frame in frames.items()]
    return written


def write_run(outdir: Path, info: dict) -> Path:
    """`run.json`: what made the outputs in `outdir` (version, settings, inputs, shard, counts)."""
    path = outdir / RUN_FILE
    write_text_atomic(path, json.dumps(info, indent=1, ensure_ascii=False) + "\n")
    return path


def write_xlsx(frames: dict[str, pd.DataFrame], path: Path) -> Path:
    """One sheet per table, formula-looking cells neutralised, written atomically."""
    with atomic_path(path) as tmp, pd.ExcelWriter(tmp, engine="openpyxl") as xl:
        for table, frame in frames.items():
            frame.map(neutralise).to_excel(xl, sheet_name=table, index=False)
    return path


def write_parquet(frame: pd.DataFrame, path: Path) -> Path:
    with atomic_path(path) as tmp:
        frame.to_parquet(tmp, index=False)
    return path


def write_text_atomic(path: Path, text: str) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")

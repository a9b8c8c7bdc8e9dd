"""A crawl split across machines, and the parts joined again.

`parse --shard K/N` parses the documents whose id falls in part K of N (a stable hash of the id, so every
machine picks the same documents from the same inputs, and a document never lands in two parts);
`merge` joins the parts' output folders into one set of tables. Every run writes `run.json` last, so
a folder without it is a run that did not finish; `merge` refuses missing or unfinished parts and parts
made with another pipeline (version, normalizer, spaCy model, purpose model or cookie database), whose
records would not compare.
"""
from __future__ import annotations

import csv
import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import regex

from .export import RUN_FILE, TABLES, discard_all, open_outputs, publish_all, write_extras, write_run
SETTINGS = ("pipeline", "cookie_db")   # what must agree between parts for their records to compare


class MergeError(Exception):
    """Parts that cannot be merged, with the reason."""


@dataclass(frozen=True)
class Shard:
    """Part `index` (1-based) of `count`."""
    index: int
    count: int

    @classmethod
    def parse(cls, spec: str) -> "Shard":
        m = regex.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", spec)
        if not m or not 1 <= int(m[1]) <= int(m[2]):
            raise ValueError(f"shard {spec!r} is not K/N with 1 <= K <= N (e.g. 3/16)")
        return cls(int(m[1]), int(m[2]))

    def holds(self, policy_id: str) -> bool:
        digest = hashlib.blake2b(policy_id.encode("utf-8"), digest_size=8).digest()
        return int.from_bytes(digest, "big") % self.count == self.index - 1

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


def read_run(folder: Path) -> dict:
    path = folder / RUN_FILE
    if not path.is_file():
        raise MergeError(f"{folder}: no {RUN_FILE}; the run did not finish or the folder is no policyparse output")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise MergeError(f"{path}: unreadable ({exc})") from exc


def check_parts(runs: dict[Path, dict]) -> int | None:
    """The number of shards the parts make up (None for plain runs); raises MergeError when parts are
    missing, repeated, of different splits or made with different settings."""
    first_folder, first = next(iter(runs.items()))
    for folder, run in runs.items():
        for key in SETTINGS:
            if run.get(key) != first.get(key):
                raise MergeError(f"{folder} was made with {key} {run.get(key)}, {first_folder} with "
                                 f"{first.get(key)}: their records do not compare")
    shards = [run.get("shard") for run in runs.values()]
    if not any(shards):
        return None
    if not all(shards):
        raise MergeError("some parts are shards of a split and some are not")
    parts = [Shard.parse(s) for s in shards]
    counts = {p.count for p in parts}
    if len(counts) > 1:
        raise MergeError(f"the parts come from different splits ({', '.join(f'/{n}' for n in sorted(counts))})")
    count = counts.pop()
    repeated = [str(p) for p, n in Counter(parts).items() if n > 1]
    if repeated:
        raise MergeError(f"shard(s) {', '.join(repeated)} given more than once")
    missing = sorted(set(range(1, count + 1)) - {p.index for p in parts})
    if missing:
        raise MergeError(f"shard(s) {', '.join(f'{k}/{count}' for k in missing)} missing")
    return count


def merge(folders: list[Path], outdir: Path, formats: tuple[str, ...] = ()) -> tuple[list[Path], dict]:
    """Join the outputs of finished runs (all shards of one split, or plain runs with the same settings)
    into `outdir`, atomically; returns the files written and the merged run info."""
    repeated = [f for f, n in Counter(Path(f).resolve() for f in folders).items() if n > 1]
    if repeated:
        raise MergeError(f"{repeated[0]} given more than once")
    runs = {Path(f): read_run(Path(f)) for f in folders}
    shards = check_parts(runs)
    outdir.mkdir(parents=True, exist_ok=True)
    if any(outdir.resolve() == f.resolve() for f in runs):
        raise MergeError(f"{outdir} is one of the parts; merge into another folder")
    ids: Counter = Counter()
    files: dict = {}
    try:
        files, writers = open_outputs(outdir)
        for table, columns in TABLES.items():
            for folder in runs:
                with open(folder / f"{table}.csv", encoding="utf-8-sig", newline="") as f:
                    reader = csv.DictReader(f)
                    if reader.fieldnames != columns:
                        raise MergeError(f"{folder / f'{table}.csv'} has other columns than this version writes")
                    writers[table].writerows(reader)
        out = files["records.jsonl"][0]
        for folder in runs:
            with open(folder / "records.jsonl", encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        ids[json.loads(line)["policy_id"]] += 1
                        out.write(line if line.endswith("\n") else line + "\n")
    except BaseException as exc:
        discard_all(files)
        if isinstance(exc, OSError):
            raise MergeError(f"{exc.filename}: {exc.strerror}") from exc
        raise
    written = publish_all(outdir, files) + write_extras(outdir, formats)
    first = next(iter(runs.values()))
    counts = {key: sum(run.get(key, 0) for run in runs.values()) for key in ("documents", "records", "errors",
                                                                            "findings")}
    info = {**{key: first.get(key) for key in ("policyparse", *SETTINGS)}, "shard": None, "merged_shards": shards,
            "merged_from": [str(f) for f in runs], **counts,
            "seconds": round(sum(run.get("seconds", 0) for run in runs.values()), 1),
            "duplicate_ids": sorted(pid for pid, n in ids.items() if n > 1)}
    written.append(write_run(outdir, info))
    return written, info

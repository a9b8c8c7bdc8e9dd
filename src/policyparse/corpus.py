"""The annotated corpus: gold files, the dev/test split, raw texts, and sentence-level labels.

Gold lives in `data/annotated/`; raw texts are the seeds in `data/raw/`, the corpus in
`../shared/corpus/raw/` and `../shared/corpus/html/` (third-party text, read from there and never copied),
and the synthetic policies the project wrote itself in `data/synthetic/`. Sentence labels are
stored as offsets into the raw text with a hash (`labels/<id>.jsonl`); `build_sentences` turns them
into `sentences.jsonl`, one row per sentence of the normalized text, labelled or not.
"""
from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .normalize import NORMALIZER_VERSION

ROOT = Path(__file__).resolve().parents[2]
ANNOTATED = ROOT / "data" / "annotated"
RAW_DIRS = [ROOT / "data" / "raw", ROOT.parent / "shared" / "corpus" / "raw", ROOT.parent / "shared" / "corpus" / "html",
            ROOT / "data" / "synthetic"]
SIDES = ("dev", "test", "synthetic")
SENTENCES = ANNOTATED / "sentences.jsonl"
SENTENCES_META = ANNOTATED / "sentences.meta.json"


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def load_gold(gold_dir: Path = ANNOTATED) -> dict[str, dict]:
    """Gold records by policy_id (every `*.json` with a policy_id, not the split or meta files)."""
    out = {}
    for path in sorted(Path(gold_dir).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "policy_id" in data:
            out[data["policy_id"]] = data
    return out


def load_split(gold_dir: Path = ANNOTATED) -> dict[str, str]:
    """policy_id -> "dev", "test" or "synthetic" (policies written by the project, see split.json)."""
    path = Path(gold_dir) / "split.json"
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {pid: side for side in SIDES for pid in data.get(side, [])}


def find_raw(policy_id: str, raw_dirs: Iterable[Path] = RAW_DIRS) -> Path | None:
    for folder in raw_dirs:
        for suffix in (".txt", ".md", ".html", ".pdf"):
            path = Path(folder) / f"{policy_id}{suffix}"
            if path.is_file():
                return path
    return None


@dataclass
class LabelledSentence:
    policy_id: str
    start: int
    end: int
    text: str
    heading: str
    is_heading: bool
    purposes: list[str]
    bases: list[str]

    def row(self, with_text: bool = False) -> dict:
        row = {"policy_id": self.policy_id, "start": self.start, "end": self.end, "sha1": sha1(self.text),
               "section": self.heading, "is_heading": self.is_heading, "purposes": self.purposes,
               "bases": self.bases}
        if with_text:
            row["text"] = self.text
        return row


def _label_spans(policy_id: str) -> list[dict]:
    path = ANNOTATED / "labels" / f"{policy_id}.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _parse(policy_id: str, raw_path: Path):
    """(ingested text, ParsedDocument) of an annotated document, as the pipeline builds it."""
    from .ingest import _source_for, read
    from .pipeline import build_document

    ingested = read(_source_for(raw_path, policy_id))
    return ingested, build_document(ingested, policy_id, str(raw_path))


def labelled_sentences(policy_id: str, raw_path: Path) -> Iterator[LabelledSentence]:
    """Every sentence of a document with the labels of the annotated spans it overlaps."""
    ingested, doc = _parse(policy_id, raw_path)
    offsets = doc.normalized.offsets
    spans = []
    for span in _label_spans(policy_id):
        if sha1(ingested.text[span["start"]:span["end"]]) != span["sha1"]:
            raise ValueError(f"{policy_id}: label span {span['start']}-{span['end']} no longer matches the raw text")
        start = bisect.bisect_left(offsets, span["start"], 0, len(offsets) - 1)
        end = bisect.bisect_left(offsets, span["end"], 0, len(offsets) - 1)
        spans.append((start, end, span["purposes"], span["bases"]))
    for sent in doc.sentences():
        s, e = sent.start_char, sent.end_char
        while e > s and doc.text[e - 1].isspace():
            e -= 1
        purposes, bases = set(), set()
        for start, end, p, b in spans:
            if start < e and s < end:
                purposes.update(p)
                bases.update(b)
        sec = doc.section_at(s)
        yield LabelledSentence(policy_id, s, e, doc.text[s:e], sec.heading if sec else "",
                               doc.is_heading_line(s), sorted(purposes), sorted(bases))


def annotated_documents(gold_dir: Path = ANNOTATED) -> Iterator[tuple[str, Path | None]]:
    """Documents with sentence labels (`labels/<id>.jsonl`) and where their text is, if present."""
    for pid in load_gold(gold_dir):
        if (ANNOTATED / "labels" / f"{pid}.jsonl").exists():
            yield pid, find_raw(pid)


def build_sentences(out: Path = SENTENCES) -> dict:
    """Write sentences.jsonl for every annotated document whose text is present; returns the meta."""
    from .nlp import load_pipeline

    rows, missing = [], []
    for pid, raw in annotated_documents():
        if raw is None:
            missing.append(pid)
            continue
        rows.extend(s.row() for s in labelled_sentences(pid, raw))
    tmp = out.with_suffix(".tmp")
    tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    tmp.replace(out)
    meta = {"normalizer_version": NORMALIZER_VERSION, "spacy_pipeline": load_pipeline()[1],
            "built": dt.date.today().isoformat(), "documents": len({r["policy_id"] for r in rows}),
            "sentences": len(rows), "labelled": sum(1 for r in rows if r["purposes"] or r["bases"]),
            "missing_texts": missing}
    SENTENCES_META.write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return meta


def read_sentences(path: Path = SENTENCES) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def sentence_texts(rows: list[dict]) -> dict[tuple[str, int, int], str]:
    """Recover each row's sentence text from the raw documents, checking it against the stored hash."""
    from .ingest import _source_for, read
    from .normalize import normalize

    by_document: dict[str, list[dict]] = {}
    for r in rows:
        by_document.setdefault(r["policy_id"], []).append(r)
    texts = {}
    for pid, doc_rows in sorted(by_document.items()):
        raw = find_raw(pid)
        if raw is None:
            raise FileNotFoundError(f"text of {pid} not found in {', '.join(map(str, RAW_DIRS))}")
        text = normalize(read(_source_for(raw, pid)).text).text
        for r in doc_rows:
            sentence = text[r["start"]:r["end"]]
            if sha1(sentence) != r["sha1"]:
                raise ValueError(f"{pid} {r['start']}-{r['end']}: sentence text does not match sentences.jsonl "
                                 "(normalizer or segmenter changed: run `make sentences`)")
            texts[(pid, r["start"], r["end"])] = sentence
    return texts

"""Throughput and memory of `policyparse parse` on a synthetic crawl made from the bundled seeds.

Copies the seed policies (and the development corpus when present) N times into a temporary folder,
runs the CLI with 1 and 2 workers, and reports documents per second, characters per second and the
peak resident memory of the run; first, the time one long policy takes as it doubles in size.
Usage: `python benchmarks/bench.py [--copies 20] [--workers 1 2] [--no-long]`.
"""
from __future__ import annotations

import argparse
import json
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "data" / "raw", ROOT.parent / "shared" / "corpus" / "raw"]


def make_crawl(folder: Path, copies: int) -> tuple[int, int]:
    docs = [p for d in SOURCES if d.is_dir() for p in sorted(d.glob("*.txt"))]
    chars = 0
    for k in range(copies):
        for p in docs:
            target = folder / f"{p.stem}_{k:04d}.txt"
            shutil.copyfile(p, target)
            chars += len(p.read_text(encoding="utf-8"))
    return len(docs) * copies, chars


def run(folder: Path, workers: int) -> dict:
    out = Path(tempfile.mkdtemp(prefix="bench-out-"))
    cmd = [sys.executable, "-m", "policyparse.cli", "parse", str(folder), "-o", str(out), "--workers", str(workers), "-q"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    shutil.rmtree(out, ignore_errors=True)
    if proc.returncode not in (0, 1):
        raise SystemExit(proc.stderr)
    return {"workers": workers, "seconds": round(seconds, 2), "peak_rss_mib_max_process": round(max(peak_kib, before) / 1024, 1)}


def long_documents(sizes=(150_000, 300_000, 600_000)) -> list[dict]:
    """Seconds to parse one policy of each size (the development texts end to end, repeated): the time
    per character should stay flat as the document grows."""
    sys.path.insert(0, str(ROOT / "src"))
    from policyparse.pipeline import parse_text

    base = "\n\n".join(p.read_text(encoding="utf-8") for d in SOURCES if d.is_dir() for p in sorted(d.glob("*.txt")))
    parse_text(base[:20_000])                                          # load the pipeline and the model
    out = []
    for size in sizes:
        text = (base * (size // len(base) + 1))[:size]
        start = time.process_time()
        parse_text(text, "long")
        seconds = time.process_time() - start
        out.append({"characters": size, "cpu_seconds": round(seconds, 2), "chars_per_s": int(size / seconds)})
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=20)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--no-long", action="store_true", help="Skip the long-document measurement.")
    args = ap.parse_args()
    if not args.no_long:
        for r in long_documents():
            print(json.dumps({"long_document": r}))
    with tempfile.TemporaryDirectory(prefix="bench-crawl-") as tmp:
        n_docs, n_chars = make_crawl(Path(tmp), args.copies)
        results = []
        for w in args.workers:
            r = run(Path(tmp), w)
            r.update(docs=n_docs, docs_per_s=round(n_docs / r["seconds"], 1),
                     chars_per_s=int(n_chars / r["seconds"]))
            results.append(r)
            print(json.dumps(r))
    print(json.dumps({"machine": platform.platform(), "python": platform.python_version(),
                      "cpus": __import__("os").cpu_count()}))


if __name__ == "__main__":
    main()

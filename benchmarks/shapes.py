"""Robustness to the shape a policy arrives in: every development and synthetic text policy is given again as
real inputs come (hard-wrapped at 78 columns like a PDF text layer or a mail; copied from a web page line by
line with no blank line; a PDF's text with a running header, page numbers and form feeds between pages, as
`pdftotext` writes it; a web page with navigation, a cookie banner and a footer), parsed, and scored against
the same gold. A field that scores lower on a shape than on the text itself is lost to the shape, not to the
words. Test documents are left out. Usage: `python benchmarks/shapes.py [--workers N] [--limit N] [--show FIELD]`
(`make shapes`). An accuracy check, not a speed one (about two minutes with two workers)."""
from __future__ import annotations

import argparse
import html
import textwrap
from multiprocessing import Pool

import regex

from policyparse.corpus import find_raw, load_gold, load_split
from policyparse.evaluate import SET_FIELDS, norm_heading, score
from policyparse.htmlpage import html_to_text
from policyparse.ingest import plain_or_marked
from policyparse.pipeline import build_document, run_extractors

WIDTH = 78
PAGE_LINES = 48
BANNER = ("Vi bruker informasjonskapsler for å gi deg en bedre opplevelse. Les mer i personvernerklæringen. "
          "Godta alle · Bare nødvendige")


def wrapped(text: str) -> str:
    """Lines longer than `WIDTH` broken at spaces; list items go on indented, table rows stay whole."""
    out = []
    for line in text.split("\n"):
        if len(line) <= WIDTH or " | " in line or "\t" in line:
            out.append(line)
            continue
        indent = "  " if line.lstrip().startswith(("- ", "• ", "* ")) else ""
        out.extend(textwrap.wrap(line, WIDTH, subsequent_indent=indent, break_long_words=False,
                                 break_on_hyphens=False))
    return "\n".join(out)


def no_blank_lines(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if line.strip())


def pdf_text(text: str, title: str) -> str:
    """Wrapped lines cut into pages of `PAGE_LINES`, each page with a running header and `Side N av M`,
    pages separated by form feeds."""
    lines = wrapped(text).split("\n")
    pages = [lines[k:k + PAGE_LINES] for k in range(0, len(lines), PAGE_LINES)]
    header = f"{title[:60]} – personvernerklæring"
    return "\f".join("\n".join(([header, ""] if n > 1 else []) + page + ["", f"Side {n} av {len(pages)}"])
                     for n, page in enumerate(pages, 1))


def web_page(text: str, headings: set[str]) -> str:
    """A page of the text: gold headings as <h2>, list items as <ul>, `|` or tab rows as a <table>, other blocks as
    <p> with <br> between their lines; with a menu, a cookie banner and a footer around <main>."""
    parts: list[str] = []
    items: list[str] = []
    rows: list[list[str]] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            parts.append("<p>" + "<br>".join(html.escape(x) for x in para) + "</p>")
            para.clear()
        if items:
            parts.append("<ul>" + "".join(f"<li>{html.escape(x)}</li>" for x in items) + "</ul>")
            items.clear()
        if rows:
            head, *body = rows
            parts.append("<table><tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in head) + "</tr>"
                         + "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in body)
                         + "</table>")
            rows.clear()

    group = None
    for line in text.split("\n"):
        stripped = line.strip()
        kind = ("blank" if not stripped else "heading" if norm_heading(stripped) in headings
                else "row" if " | " in stripped or "\t" in stripped
                else "item" if stripped.startswith(("- ", "• ", "* ")) else "text")
        if kind != group or kind == "heading":
            flush()
        group = kind
        if kind == "heading":
            parts.append(f"<h2>{html.escape(stripped)}</h2>")
        elif kind == "row":
            rows.append([c.strip() for c in regex.split(r" \| |\t+", stripped)])
        elif kind == "item":
            items.append(stripped[2:])
        elif kind == "text":
            para.append(stripped)
    flush()
    return ("<html><head><title>Personvern</title></head><body><header><nav><ul><li><a href='/'>Hjem</a></li>"
            "<li><a href='/om'>Om oss</a></li><li><a href='/kontakt'>Kontakt</a></li></ul></nav></header>"
            f"<div class='cookie-banner' role='dialog'><p>{BANNER}</p></div><main><article>{''.join(parts)}"
            "</article></main><footer><p>Eksempel AS · Storgata 1 · 0150 Oslo</p></footer></body></html>")


SHAPES = ("text", "wrapped", "no_blank_lines", "pdf_text", "web_page")


def shaped(text: str, gold: dict) -> dict[str, tuple[str, str]]:
    """{shape: (kind, content)} of one policy, in the order of `SHAPES`."""
    title = (gold.get("headings") or ["Personvern"])[0]
    return {"text": ("txt", text), "wrapped": ("txt", wrapped(text)), "no_blank_lines": ("txt", no_blank_lines(text)),
            "pdf_text": ("txt", pdf_text(text, title)),
            "web_page": ("html", web_page(text, {norm_heading(h) for h in gold.get("headings") or []}))}


def _parse(job: tuple[str, str, str, str]) -> tuple[str, str, dict]:
    pid, shape, kind, content = job
    ingested = html_to_text(content) if kind == "html" else plain_or_marked(content)
    doc = build_document(ingested, pid, f"<{shape}>")
    record = run_extractors(doc)
    record["policy_id"] = pid
    return shape, pid, record


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="Only the first N documents (0: all).")
    ap.add_argument("--show", metavar="FIELD", help="Also list, per shape, what the shape changed in this field.")
    args = ap.parse_args()
    gold, sides = load_gold(), load_split()
    paths = {pid: find_raw(pid) for pid in sorted(gold) if sides.get(pid) in ("dev", "synthetic")}
    pids = [pid for pid, path in paths.items() if path is not None and path.suffix == ".txt"]
    jobs = [(pid, shape, kind, content) for pid in pids[:args.limit or None]
            for shape, (kind, content) in shaped(paths[pid].read_text(encoding="utf-8-sig"), gold[pid]).items()]
    records: dict[str, dict[str, dict]] = {s: {} for s in SHAPES}
    with Pool(args.workers) as pool:
        for shape, pid, record in pool.imap_unordered(_parse, jobs, chunksize=4):
            records[shape][pid] = record
    docs = {pid: gold[pid] for pid in records["text"]}
    scored = {s: score(docs, records[s]) for s in SHAPES}
    results = {s: scored[s]["fields"] for s in SHAPES}
    print(f"{len(docs)} documents (dev and synthetic text files); F1 per field, and the change against `text`")
    print("field".ljust(22) + "".join(s.rjust(16) for s in SHAPES))
    for field in SET_FIELDS:
        base = results["text"][field]["f1"]
        cells = [f"{results[s][field]['f1']:.3f}" + ("" if s == "text" else f" {results[s][field]['f1'] - base:+.3f}")
                 for s in SHAPES]
        print(field.ljust(22) + "".join(c.rjust(16) for c in cells))
    if args.show:
        for shape in SHAPES[1:]:
            for pid in docs:
                was = scored["text"]["per_document"][pid]["fields"].get(args.show)
                now = scored[shape]["per_document"][pid]["fields"].get(args.show)
                if now != was:
                    print(f"{shape:15} {pid}: {was} -> {now}")


if __name__ == "__main__":
    main()

"""Ingest: find input documents and turn each into plain text with its structural headings.

Inputs are files, folders (recursive), globs, manifests (CSV or JSONL with `id`, `url`, `path`, as a
scraper writes them) and standard input. A document that cannot be read raises `IngestError` with a
reason a person can act on; the pipeline turns it into a row of the error table.
"""
from __future__ import annotations

import codecs
import csv
import glob
import io
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .normalize import PAGE_BREAK

SUPPORTED = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html",
             ".htm": "html", ".xhtml": "html", ".pdf": "pdf",
             # pages saved under their URL's name, read as HTML
             ".php": "html", ".asp": "html", ".aspx": "html", ".jsp": "html", ".shtml": "html", ".cfm": "html"}
OFFICE_SUFFIXES = {".docx", ".doc", ".odt", ".rtf", ".pages", ".wpd"}   # documents this tool cannot read
MANIFEST_SUFFIXES = {".csv", ".jsonl"}
MAX_BYTES = 16 * 1024 * 1024      # read at most this much of one file
MAX_CHARS = 1_000_000             # parse at most this many characters (spaCy's default max_length)


class IngestError(Exception):
    """The document could not be read; the message says why."""


@dataclass(frozen=True)
class Source:
    """One input document: where it comes from and the id its record will carry."""
    policy_id: str
    location: str                 # path, URL from a manifest, or "<stdin>"
    path: Path | None = None
    url: str | None = None
    kind: str = "txt"
    data: bytes | None = None     # content given directly (standard input)


@dataclass
class Ingested:
    text: str
    headings: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, level) in text
    title: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DiscoveryError:
    """An input named by the user that yields no document (missing file, bad manifest row)."""
    location: str
    reason: str
    policy_id: str = ""

    @property
    def row_id(self) -> str:
        """The id its error row carries."""
        return self.policy_id or Path(self.location).stem


# --------------------------------------------------------------------------- discovery

def kind_of(path: Path) -> str:
    return SUPPORTED.get(path.suffix.lower(), "txt")


def _document(path: Path) -> Source | DiscoveryError | None:
    """A file of a folder or glob as a source (a known suffix, or none: a scraper's file named after the
    URL, whose content is sniffed), an error for a word-processor document, None for other files."""
    suffix = path.suffix.lower()
    if suffix in SUPPORTED or not suffix:
        return _source_for(path)
    if suffix in OFFICE_SUFFIXES:
        return DiscoveryError(str(path), f"a {suffix} document, which policyparse does not read: save it as PDF, "
                                         "HTML or text", path.stem)
    return None


def _source_for(path: Path, policy_id: str | None = None, url: str | None = None) -> Source:
    return Source(policy_id=policy_id or path.stem, location=url or str(path), path=path, url=url,
                  kind=kind_of(path))


def _is_manifest(path: Path) -> bool:
    if path.suffix.lower() not in MANIFEST_SUFFIXES or not path.is_file():
        return False
    with path.open(encoding="utf-8-sig", errors="replace") as f:
        head = f.readline()
    if path.suffix.lower() == ".csv":
        return "path" in [c.strip().lower() for c in next(csv.reader([head]), [])]
    return '"path"' in head


def _json_row(line: str) -> dict | str:
    """A JSONL manifest row, or the reason it is not one (a bad row must not end the batch)."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        return str(exc)
    return row if isinstance(row, dict) else f"a JSON {type(row).__name__}"


def read_manifest(path: Path) -> Iterator[Source | DiscoveryError]:
    """Rows of a scraper manifest; `path` is relative to the manifest's folder."""
    base = path.parent
    with path.open(encoding="utf-8-sig", errors="replace") as f:
        if path.suffix.lower() == ".csv":
            rows: Iterable[dict | str] = csv.DictReader(f)
        else:
            rows = (_json_row(line) for line in f if line.strip())
        for n, row in enumerate(rows, 1):
            if isinstance(row, str):
                yield DiscoveryError(f"{path}:{n}", f"manifest row is not a JSON object ({row})")
                continue
            row = {str(k).strip().lower(): (v.strip() if isinstance(v, str) else None if v is None else str(v))
                   for k, v in row.items()}
            rel = row.get("path")
            if not rel:
                yield DiscoveryError(f"{path}:{n}", "manifest row has no path", row.get("id") or "")
                continue
            doc = Path(rel) if Path(rel).is_absolute() else base / rel
            pid = row.get("id") or doc.stem
            if not doc.is_file():
                yield DiscoveryError(str(doc), f"file named in manifest {path.name} (row {n}) not found", pid)
                continue
            yield _source_for(doc, pid, row.get("url") or None)


def _named_file(path: Path) -> Iterable[Source | DiscoveryError]:
    """A file the user named (or a glob matched): a manifest's rows, or the file read as a document whatever
    its suffix (a word-processor document gives its error)."""
    return read_manifest(path) if _is_manifest(path) else [_document(path) or _source_for(path)]


def discover(inputs: Iterable[str], skipped: Counter | None = None) -> Iterator[Source | DiscoveryError]:
    """Expand files, folders, globs, manifests and "-" (standard input) into sources, in a stable order.
    Files in folders that are no documents (images, scripts, data) are left out and counted by suffix in
    `skipped`; hidden files and folders are left out."""
    for item in inputs:
        if item == "-":
            yield Source(policy_id="stdin", location="<stdin>", kind="txt", data=sys.stdin.buffer.read())
            continue
        path = Path(item)
        if path.is_dir():
            for doc in sorted(p for p in path.rglob("*") if p.is_file()
                              and not any(part.startswith(".") for part in p.relative_to(path).parts)):
                found = _document(doc)
                if found is not None:
                    yield found
                elif skipped is not None:
                    skipped[doc.suffix.lower()] += 1
        elif path.is_file():
            yield from _named_file(path)
        elif any(ch in item for ch in "*?["):
            matches = sorted(Path(p) for p in glob.glob(item, recursive=True) if Path(p).is_file())
            if not matches:
                yield DiscoveryError(item, "pattern matches no file")
            for doc in matches:
                yield from _named_file(doc)
        else:
            yield DiscoveryError(item, "no such file or folder")


# --------------------------------------------------------------------------- reading

def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(sample) > 0.05


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    if odd and odd.count(0) / len(odd) > 0.4 and even.count(0) / max(len(even), 1) < 0.1:
        return "utf-16-le"
    if even and even.count(0) / len(even) > 0.4 and odd.count(0) / max(len(odd), 1) < 0.1:
        return "utf-16-be"
    return None


_NORWEGIAN_IN_WORD = re.compile(r"(?<=[A-Za-z])[æøåÆØÅ]|[æøåÆØÅ](?=[a-z])")


def decode(data: bytes) -> tuple[str, list[str]]:
    """Bytes to text: BOMs, UTF-8, UTF-16 and single-byte encodings, warning when a fallback was used."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace"), []
    if b"\x00" in data[:4096]:
        enc = _utf16_without_bom(data)
        if enc:
            return data.decode(enc, errors="replace"), [f"no byte-order mark; decoded as {enc.upper()}"]
    if _looks_binary(data):
        raise IngestError("binary file, not text")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data":  # UTF-8 cut inside its last character (a truncated read)
            try:
                return data[:exc.start].decode("utf-8"), []
            except UnicodeDecodeError:
                pass
    # Norwegian letters sit at different bytes in each legacy code page, so the code page that reads
    # the most æ, ø, å inside words is the right one; a few stray bytes must not tip the choice.
    readings = []
    for rank, enc in enumerate(("cp1252", "cp865", "mac_roman")):
        text = data.decode(enc, errors="replace")
        readings.append((len(_NORWEGIAN_IN_WORD.findall(text)), -text.count("\ufffd"), -rank, enc, text))
    letters, bad, _, enc, text = max(readings)
    if letters:
        return text, [f"not valid UTF-8; decoded as {enc}" + (" with undecodable bytes replaced" if bad else "")]
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["cp1252", "latin_1", "iso8859_15", "cp865", "mac_roman", "utf_8"]).best()
    if best is not None and best.encoding not in ("utf_8", "ascii"):
        return str(best), [f"not valid UTF-8; decoded as {best.encoding} (detected)"]
    return data.decode("cp1252", errors="replace"), ["not valid UTF-8 and no encoding detected; "
                                                     "decoded as cp1252 with undecodable bytes replaced"]


def _read_bytes(source: Source) -> tuple[bytes, list[str]]:
    if source.data is not None:
        data = source.data
    else:
        try:
            with source.path.open("rb") as f:
                data = f.read(MAX_BYTES + 1)
        except OSError as exc:
            raise IngestError(f"cannot read file: {exc.strerror or exc}") from exc
    warnings = []
    if len(data) > MAX_BYTES:
        size = source.path.stat().st_size if source.path else len(data)
        warnings.append(f"file is {size / 1e6:.1f} MB; only the first {MAX_BYTES // (1024 * 1024)} MiB were read")
        data = data[:MAX_BYTES]
    if not data.strip():
        raise IngestError("empty file")
    return data, warnings


_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_CODE = re.compile(r"`([^`]*)`")   # code spans are kept verbatim (`_ga`, `__utmz`)
_MD_INLINE = [(re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"), (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
              (re.compile(r"(?<!\w)(\*\*|__)(?=\S)((?:(?!\1).)+?)(?<=\S)\1(?!\w)"), r"\2"),
              (re.compile(r"(?<!\w)([*_])(?=[^\s*_])((?:(?!\1).)+?)(?<=\S)\1(?!\w)"), r"\2")]


def markdown_to_text(md: str) -> Ingested:
    """Markdown to plain lines; `#` headings become structural headings, inline markup is dropped."""
    if md.startswith("---\n"):  # YAML front matter
        close = md.find("\n---", 4)
        if close != -1:
            md = md[md.find("\n", close + 4) + 1:] if md.find("\n", close + 4) != -1 else ""
    lines, headings, pos = [], [], 0
    for line in md.splitlines():
        code = _MD_CODE.findall(line)
        line = _MD_CODE.sub("\x00", line)
        for pattern, repl in _MD_INLINE:
            line = pattern.sub(repl, line)
        for span in code:
            line = line.replace("\x00", span, 1)
        m = _MD_HEADING.match(line)
        if m:
            line = m.group(2)
            headings.append((pos, pos + len(line), len(m.group(1))))
        lines.append(line)
        pos += len(line) + 1
    text = "\n".join(lines)
    title = text[headings[0][0]:headings[0][1]] if headings and headings[0][2] == 1 else None
    return Ingested(text, headings, title)


def plain_or_marked(text: str) -> Ingested:
    """Plain text; when it is Markdown source saved as text (two or more `#` heading lines), those lines
    are structural headings kept as written, so offsets and sentence labels stay those of the file, and
    the first heading, when of level 1, gives the title."""
    heads, title, pos = [], None, 0
    for line in text.split("\n"):
        m = _MD_HEADING.match(line)
        if m and m.group(2):
            if not heads and len(m.group(1)) == 1:
                title = m.group(2)
            heads.append((pos, pos + len(line.rstrip()), len(m.group(1))))
        pos += len(line) + 1
    return Ingested(text, heads, title) if len(heads) >= 2 else Ingested(text)


def pdf_to_text(data: bytes) -> Ingested:
    """Text layer of a PDF via pypdf, its pages joined by a form feed (`normalize.PAGE_BREAK`): the normalizer
    drops page numbers and running headers and joins a sentence that runs on to the next page."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError("PDF is encrypted")
        pages = [(page.extract_text() or "") for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise IngestError(f"not a readable PDF: {exc}") from exc
    text = PAGE_BREAK.join(p.strip() for p in pages if p.strip())
    if not text.strip():
        raise IngestError(f"PDF has no text layer ({len(pages)} page(s), images only?); run OCR on it first")
    title = (reader.metadata.title if reader.metadata else None) or None
    return Ingested(text, [], title, [])


def read(source: Source) -> Ingested:
    """Read one source into plain text, or raise IngestError."""
    data, warnings = _read_bytes(source)
    if source.kind == "pdf" or data[:5] == b"%PDF-":
        result = pdf_to_text(data)
    else:
        text, decode_warnings = decode(data)
        warnings += decode_warnings
        if source.kind == "html" or (source.kind == "txt" and text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))):
            from .htmlpage import html_to_text
            result = html_to_text(text)
        elif source.kind == "md":
            result = markdown_to_text(text)
        else:
            result = plain_or_marked(text)
    result.warnings = warnings + result.warnings
    if not result.text.strip():
        raise IngestError("no text in document")
    if len(result.text) > MAX_CHARS:
        cut = result.text.rfind("\n", 0, MAX_CHARS)
        cut = cut if cut > MAX_CHARS // 2 else MAX_CHARS
        result.warnings.append(f"text has {len(result.text):,} characters; only the first {cut:,} were parsed")
        result.text = result.text[:cut]
        result.headings = [h for h in result.headings if h[1] <= cut]
    return result

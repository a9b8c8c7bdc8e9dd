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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

SUPPORTED = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html",
             ".htm": "html", ".xhtml": "html", ".pdf": "pdf"}
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


# --------------------------------------------------------------------------- discovery

def kind_of(path: Path) -> str:
    return SUPPORTED.get(path.suffix.lower(), "txt")


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


def discover(inputs: Iterable[str]) -> Iterator[Source | DiscoveryError]:
    """Expand files, folders, globs, manifests and "-" (standard input) into sources, in a stable order."""
    for item in inputs:
        if item == "-":
            yield Source(policy_id="stdin", location="<stdin>", kind="txt", data=sys.stdin.buffer.read())
            continue
        path = Path(item)
        if path.is_dir():
            for doc in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED
                              and not any(part.startswith(".") for part in p.relative_to(path).parts)):
                yield _source_for(doc)
        elif path.is_file():
            yield from read_manifest(path) if _is_manifest(path) else [_source_for(path)]
        elif any(ch in item for ch in "*?["):
            matches = sorted(Path(p) for p in glob.glob(item, recursive=True) if Path(p).is_file())
            if not matches:
                yield DiscoveryError(item, "pattern matches no file")
            for doc in matches:
                yield from read_manifest(doc) if _is_manifest(doc) else [_source_for(doc)]
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


INLINE_KEEP = ("time", "data", "abbr", "mark", "ins", "bdi")
TIME_LINE_CHARS = 120  # a line holding a <time> element this short is a date line
# what trafilatura takes for a consent banner: `cookie` in the id (or the class when there is no id),
# `consent` and the like in the class
CONSENT_ID_OR_CLASS = re.compile("cookie")
CONSENT_CLASS = re.compile("consent|modal-content|permission")


def _consent_marked(el) -> bool:
    first = el.get("id") if el.get("id") is not None else el.get("class")
    return bool(first and CONSENT_ID_OR_CLASS.search(first)) \
        or bool(CONSENT_CLASS.search(el.get("class") or ""))


def _is_declaration(el) -> bool:
    """A cookie declaration (OneTrust's `ot-sdk-cookie-policy`, Complianz's `cmplz-cookies-overview`):
    a table, a definition list or several headings, and no dialog, which a banner or settings pane is."""
    if el.get("role") in ("dialog", "alertdialog") or el.get("aria-modal") == "true" or el.tag == "dialog":
        return False
    return bool(el.xpath(".//table | .//dl")) or len(el.xpath(".//h2 | .//h3 | .//h4 | .//h5 | .//h6")) >= 2


HIDING_CLASS = re.compile(r"(?:^|[\s_-])(?:hidden|hide|collapsed|closed)(?:$|[\s_-])|expand|slide|overlay", re.I)
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
HEADINGS = "self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6"
OUTSIDE_CONTENT = "ancestor-or-self::*[self::nav or self::header or self::footer or self::form or self::dialog]"
PANEL_MIN_CHARS = 120       # a hidden element with this much prose is a closed accordion panel, not a widget


def _hidden(el) -> bool:
    return el.get("aria-hidden") == "true" or "hidden" in (el.get("id") or "") \
        or bool(HIDDEN_STYLE.search(el.get("style") or "")) or bool(HIDING_CLASS.search(el.get("class") or ""))


def _closed_panel(el) -> bool:
    """A closed accordion or FAQ answer (`aria-hidden="true"`, `display: none`, `class="... hidden"`) that
    holds policy text: prose or a table, mostly not links, outside navigation, forms, dialogs and consent
    banners."""
    if not _hidden(el) or _consent_marked(el) or el.get("role") in ("dialog", "alertdialog", "navigation", "menu"):
        return False
    if el.xpath(OUTSIDE_CONTENT):
        return False
    text = " ".join(" ".join(el.itertext()).split())
    links = sum(len(" ".join("".join(a.itertext()).split())) for a in el.iter("a"))
    prose = len(text) >= PANEL_MIN_CHARS and re.search(r"\w[.!?](?:\s|$)", text) is not None
    return (prose or bool(el.xpath(".//table | .//dl"))) and links < len(text) / 2


def _open_panels(tree) -> None:
    """Open the closed accordion panels trafilatura would drop as hidden, so FAQ-style policies keep their
    answers, and keep their titles: a toggle button inside a heading becomes the heading's text, one
    outside a heading (`<button aria-expanded="false">Hvem er behandlingsansvarlig?</button>`) a heading."""
    for button in list(tree.iter("button")):
        title = " ".join("".join(button.itertext()).split())
        if button.xpath(OUTSIDE_CONTENT) or not title or len(title.split()) > 15:
            continue
        if button.xpath(f"ancestor::*[{HEADINGS}]"):
            button.drop_tag()
        elif button.get("aria-expanded") is not None or button.get("aria-controls") is not None:
            button.tag = "h3"
            button.attrib.clear()
    for el in tree.iter():
        if isinstance(el.tag, str) and _closed_panel(el):
            el.attrib.pop("aria-hidden", None)
            el.attrib.pop("class", None)
            if "hidden" in (el.get("id") or ""):
                el.attrib.pop("id")
            if el.get("style"):
                el.set("style", HIDDEN_STYLE.sub("", el.get("style")))


KEEP_MARK = "\u2060"  # a word joiner after a line trafilatura would drop as a share button; removed again


def _protect_service_lines(tree) -> None:
    """Mark the lines trafilatura drops as share buttons (a cell or list item that is only `Google`,
    `Facebook`, `LinkedIn`, `Mail` or `PDF`) so they stay: in a policy they are suppliers and cookie
    providers."""
    from trafilatura.utils import RE_FILTER

    def mark(text: str | None) -> str | None:
        if not text or not any(RE_FILTER.match(line) for line in text.splitlines()):
            return text
        return "\n".join(line + KEEP_MARK if RE_FILTER.match(line) else line for line in text.split("\n"))

    for el in tree.iter():
        if isinstance(el.tag, str):
            el.text, el.tail = mark(el.text), mark(el.tail)


CELL_BREAKS = frozenset({"br", "p", "div", "li", "ul", "ol", "dt", "dd"})


def _cell_lines(cell) -> list[str]:
    """The lines of a table cell, broken at `<br>`, paragraphs and list items."""
    parts: list[list[str]] = [[]]

    def visit(el) -> None:
        if isinstance(el.tag, str) and el.text:
            parts[-1].append(el.text)
        for child in el:
            breaks = child.tag in CELL_BREAKS
            if breaks:
                parts.append([])
            visit(child)
            if breaks:
                parts.append([])
            if child.tail:
                parts[-1].append(child.tail)

    visit(cell)
    return [line for line in (" ".join("".join(p).split()) for p in parts) if line]


def _flatten_cells(tree) -> None:
    """Table cells as one line each, their lines joined with `, ` (`_ga<br>_gid` is `_ga, _gid`), as
    trafilatura glues the lines of a cell together (`_ga_gid`) and empties the next cell."""
    for cell in tree.xpath("//td | //th"):
        lines = _cell_lines(cell)
        if len(lines) < 2:
            continue
        text = lines[0]
        for line in lines[1:]:
            text += (" " if text.endswith((".", "!", "?", ":", ";", ",")) else ", ") + line
        for child in list(cell):
            cell.remove(child)
        cell.text = text


def _unlink_list_items(tree) -> None:
    """List items that are a link to another site (`<li><a href="https://mailchimp.com/...">Mailchimp</a></li>`,
    a policy's suppliers) as plain text: trafilatura drops a list of links as navigation."""
    for a in tree.xpath("//li//a[starts-with(@href, 'http') or starts-with(@href, 'www.')]"):
        if not a.xpath(OUTSIDE_CONTENT + " | ancestor::*[@role='navigation' or @role='menu']"):
            a.drop_tag()


def _summaries_as_headings(tree) -> None:
    """A `<details>` summary as the heading trafilatura would make of it without a level: the heading inside
    it with its level (`<summary><h3>Google Analytics</h3><p>Statistikk</p></summary>`), else a heading one
    level below the last heading before the `<details>`."""
    for summary in list(tree.iter("summary")):
        if summary.xpath(f".//*[{HEADINGS}]"):
            summary.drop_tag()
            continue
        above = summary.xpath(f"preceding::*[{HEADINGS}][not(ancestor::details)][1]")
        summary.tag = f"h{min(6, int(above[0].tag[1]) + 1) if above else 3}"


def _label_tables_as_records(tree) -> None:
    """A table whose every row is a label cell and a value cell (`<th>Navn</th><td>_ga</td>`, one table per
    cookie) becomes a paragraph of `Label: value` lines; trafilatura keeps only the first row's label as a
    header."""
    from lxml import etree

    for table in list(tree.iter("table")):
        rows = table.xpath("./tr | ./thead/tr | ./tbody/tr")
        cells = [row.xpath("./th | ./td") for row in rows]
        if not rows or any(len(c) != 2 or c[0].tag != "th" or c[1].tag != "td" for c in cells):
            continue
        paragraph = etree.Element("p")
        for k, (label, value) in enumerate(cells):
            line = " ".join("".join(label.itertext()).split()).rstrip(":") + ": " \
                + " ".join("".join(value.itertext()).split())
            if k:
                etree.SubElement(paragraph, "br").tail = line
            else:
                paragraph.text = line
        paragraph.tail = table.tail
        table.getparent().replace(table, paragraph)


def _keep_declarations(tree) -> None:
    """Unmark the cookie declarations trafilatura would drop as consent banners, with everything inside
    them; banners stay marked and are dropped."""
    for el in tree.iter():
        if isinstance(el.tag, str) and _consent_marked(el) and _is_declaration(el):
            for inner in el.iter():
                if isinstance(inner.tag, str) and _consent_marked(inner):
                    for attr in ("id", "class"):
                        inner.attrib.pop(attr, None)


def _page_tree(html: str):
    """The page parsed once (trafilatura's loader), with the inline elements trafilatura would drop
    (`<time>` holds 'Sist oppdatert' dates) replaced by their text, and the boxes inside the content
    (`<aside>` in `<main>`), cookie declarations, closed accordion panels and lines naming a social
    network kept, table cells of several lines as one and tables of label / value rows as lines; the
    string when it does not parse."""
    from trafilatura import load_html

    tree = load_html(html)
    if tree is None:
        return html
    for el in tree.iter("time"):
        # a short date line (`<p class="meta">Sist oppdatert <time ...>`): trafilatura drops `meta`, `timestamp`
        # ... classes as boilerplate, so the line's own small elements lose their class and id
        parent = el.getparent()
        while parent is not None and parent.tag not in ("body", "html", "main", "article") \
                and len(" ".join("".join(parent.itertext()).split())) <= TIME_LINE_CHARS:
            for attr in ("class", "id"):
                parent.attrib.pop(attr, None)
            parent = parent.getparent()
    for el in tree.iter(*INLINE_KEEP):
        el.drop_tag()
    _keep_declarations(tree)
    _open_panels(tree)
    _flatten_cells(tree)
    _label_tables_as_records(tree)
    _summaries_as_headings(tree)
    _unlink_list_items(tree)
    _protect_service_lines(tree)
    for aside in tree.xpath("//main//aside | //article//aside"):  # a summary box in the content (`Kort fortalt`)
        aside.tag = "section"                                       # that trafilatura would drop
    return tree


def _paragraph_lines(p) -> list[tuple[str, bool]]:
    """Lines of a trafilatura <p> (split at <lb/>), each with whether all its text is bold (<hi rend="#b">),
    as CMS pages write headings as a bold line inside a paragraph."""
    lines: list[list[tuple[str, bool]]] = [[]]

    def visit(el, bold: bool) -> None:
        for child in el:
            if child.tag == "lb":
                lines.append([])
            else:
                inner_bold = bold or (child.tag == "hi" and "b" in (child.get("rend") or ""))
                if child.text:
                    lines[-1].append((child.text, inner_bold))
                visit(child, inner_bold)
            if child.tail:
                lines[-1].append((child.tail, bold))

    if p.text:
        lines[0].append((p.text, False))
    visit(p, False)
    out = []
    for parts in lines:
        text = " ".join("".join(t for t, _ in parts).split())
        if text:
            out.append((text, all(b for t, b in parts if t.strip())))
    return out


def _list_items(lst, text_of) -> list[str]:
    """The items of a trafilatura <list>; in a definition list (`rend="dl"`) a term and its descriptions form
    one item, `term: description` (a cookie declaration's `<dt>_ga</dt><dd>Skiller brukere ...</dd>`)."""
    items = [(item.get("rend") or "", " ".join(text_of(item).split())) for item in lst if item.tag == "item"]
    if lst.get("rend") != "dl":
        return [text for _, text in items if text]
    out: list[str] = []
    term = described = False                 # the last item is a term; it has a description already
    for rend, text in items:
        if not text:
            continue
        if rend.startswith("dd") and term:
            out[-1] += ("; " if described else ": ") + text
            described = True
        else:
            out.append(text)
            term, described = rend.startswith("dt"), False
    return out


def html_to_text(html: str) -> Ingested:
    """Main content of a page via trafilatura: h1-h6 as headings, list items and table rows as lines."""
    import trafilatura
    from lxml import etree

    xml = trafilatura.extract(_page_tree(html), output_format="xml", include_tables=True, include_comments=False,
                              include_links=False, include_images=False, include_formatting=True,
                              favor_recall=True, deduplicate=False, with_metadata=True)
    warnings = []
    if xml is None:
        fallback = trafilatura.html2txt(html) or ""
        if not fallback.strip():
            raise IngestError("HTML page has no body text")
        warnings.append("main-content extraction found nothing; used the whole page text")
        return Ingested(fallback, [], None, warnings)
    root = etree.fromstring(xml.encode("utf-8"))
    parts: list[str] = []
    headings: list[tuple[int, int, int]] = []
    length = 0

    def add(line: str, sep: str, level: int = 0) -> None:
        nonlocal length
        line = " ".join(line.replace(KEEP_MARK, "").split())
        if not line:
            return
        if parts:
            parts.append(sep)
            length += len(sep)
        if level:
            headings.append((length, length + len(line), level))
        parts.append(line)
        length += len(line)

    def text_of(el) -> str:
        return "".join(el.itertext())

    def walk(el, sep="\n\n") -> None:
        for child in el:
            tag = child.tag
            if tag == "head":
                rend = child.get("rend") or "h2"
                inner = child.findall("p")               # a <summary> (`<h3>Google Analytics</h3><p>Statistikk</p>`)
                for p in inner:                          # is one head with paragraphs inside: they are lines below it
                    child.remove(p)
                add(text_of(child), "\n\n", int(rend[1]) if rend[1:].isdigit() else 2)
                for p in inner:
                    add(text_of(p), "\n")
            elif tag == "p":
                for i, (line, bold) in enumerate(_paragraph_lines(child)):
                    short = len(line.split()) <= 12 and not line.rstrip().endswith((".", ","))
                    add(line, "\n\n" if i == 0 else "\n", 3 if bold and short else 0)
            elif tag == "list":
                for i, item in enumerate(_list_items(child, text_of)):
                    add("- " + item, "\n\n" if i == 0 else "\n")
            elif tag == "table":
                first = True
                for row in child.iter("row"):
                    cells = [" ".join(text_of(c).split()) for c in row if c.tag == "cell"]
                    add(" | ".join(c for c in cells if c), "\n\n" if first else "\n")
                    first = False
            elif tag in ("main", "div", "quote", "section"):
                walk(child, sep)
            elif tag not in ("comments", "graphic", "ref"):
                add(text_of(child), sep)

    main = root.find("main")
    walk(main if main is not None else root)
    title = (root.get("title") or "").replace(KEEP_MARK, "") or None
    if not parts:
        raise IngestError("HTML page has no body text")
    return Ingested("".join(parts), headings, title, warnings)


def pdf_to_text(data: bytes) -> Ingested:
    """Text layer of a PDF, page by page, via pypdf."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError("PDF is encrypted")
        pages = [(page.extract_text() or "") for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise IngestError(f"not a readable PDF: {exc}") from exc
    text = "\n\n".join(p.strip() for p in pages if p.strip())
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

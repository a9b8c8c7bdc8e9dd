"""Web pages to text: the main content of a policy page via trafilatura, with headings kept as structure.

trafilatura is built for news articles; on policy pages it drops what a policy needs (cookie declarations
marked like consent banners, closed accordion panels, supplier lists of links, cells of several lines,
tables built of `<div>`s, lines that are only `Google` or `Facebook`). `PAGE_REPAIRS` fix the page tree
before it reads it.
"""
from __future__ import annotations

import re

from .ingest import Ingested, IngestError


INLINE_KEEP = ("time", "data", "abbr", "mark", "ins", "bdi")
TIME_LINE_CHARS = 120  # a line holding a <time> element this short is a date line
# what trafilatura takes for a consent banner: `cookie` in the id (or the class when there is no id),
# `consent` and the like in the class
CONSENT_ID_OR_CLASS = re.compile("cookie")
CONSENT_CLASS = re.compile("consent|modal-content|permission")

HIDING_CLASS = re.compile(r"(?:^|[\s_-])(?:hidden|hide|collapsed|closed)(?:$|[\s_-])|expand|slide|overlay", re.I)
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
HEADINGS = "self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6"
OUTSIDE_CONTENT = "ancestor-or-self::*[self::nav or self::header or self::footer or self::form or self::dialog]"
PANEL_MIN_CHARS = 120       # a hidden element with this much prose is a closed accordion panel, not a widget
TOGGLED_MIN_CHARS = 20      # ... or this much right below its toggle (a heading or button): a short answer
KEEP_MARK = "\u2060"  # a word joiner after a line trafilatura would drop as a share button; removed again
CELL_BREAKS = frozenset({"br", "p", "div", "li", "ul", "ol", "dt", "dd"})
OWN_ROWS = "./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr"     # a table's rows, not those of a table in a cell
CELL_MAX_LINES = 30         # a cell with more lines is a layout table's page section, not a value
GRID_MIN_ROWS = 3           # a grid of <div>s with fewer rows is left as it is
GRID_CELL_MAX_CHARS = 300   # a longer cell is a paragraph, not a table cell
GRID_BLOCKS = "self::div or self::p or self::ul or self::ol or self::table or " + HEADINGS


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split())


def _keep_date_lines(tree) -> None:
    """A short date line (`<p class="meta">Sist oppdatert <time ...>`): trafilatura drops `meta`, `timestamp`
    ... classes as boilerplate, so the line's own small elements lose their class and id; inline elements
    trafilatura would drop (`<time>`, `<abbr>`) are replaced by their text."""
    for el in tree.iter("time"):
        parent = el.getparent()
        while parent is not None and parent.tag not in ("body", "html", "main", "article") \
                and len(_text(parent)) <= TIME_LINE_CHARS:
            for attr in ("class", "id"):
                parent.attrib.pop(attr, None)
            parent = parent.getparent()
    for el in tree.iter(*INLINE_KEEP):
        el.drop_tag()


def _consent_marked(el) -> bool:
    first = el.get("id") if el.get("id") is not None else el.get("class")
    return bool(first and CONSENT_ID_OR_CLASS.search(first)) \
        or bool(CONSENT_CLASS.search(el.get("class") or ""))


def _is_declaration(el) -> bool:
    """A cookie declaration (OneTrust's `ot-sdk-cookie-policy`, Complianz's `cmplz-cookies-overview`, a
    theme's `cookie-list`): a table, a definition list, several headings, or a list with no controls, and
    no dialog, which a banner or settings pane is."""
    if el.get("role") in ("dialog", "alertdialog") or el.get("aria-modal") == "true" or el.tag == "dialog":
        return False
    if el.xpath(".//table | .//dl") or len(el.xpath(".//h2 | .//h3 | .//h4 | .//h5 | .//h6")) >= 2:
        return True
    return len(el.xpath(".//li")) >= 2 and not el.xpath(".//button | .//input | .//select | .//a[@role='button']")


def _keep_declarations(tree) -> None:
    """Unmark the cookie declarations trafilatura would drop as consent banners, with everything inside
    them; banners stay marked and are dropped."""
    for el in tree.iter():
        if isinstance(el.tag, str) and _consent_marked(el) and _is_declaration(el):
            for inner in el.iter():
                if isinstance(inner.tag, str) and _consent_marked(inner):
                    for attr in ("id", "class"):
                        inner.attrib.pop(attr, None)


def _hidden(el) -> bool:
    return el.get("aria-hidden") == "true" or "hidden" in (el.get("id") or "") \
        or bool(HIDDEN_STYLE.search(el.get("style") or "")) or bool(HIDING_CLASS.search(el.get("class") or ""))


def _closed_panel(el) -> bool:
    """A closed accordion or FAQ answer (`aria-hidden="true"`, `display: none`, `class="... hidden"`) that
    holds policy text: prose (shorter right below its toggle) or a table, mostly not links, outside
    navigation, forms, dialogs and consent banners."""
    if not _hidden(el) or _consent_marked(el) or el.get("role") in ("dialog", "alertdialog", "navigation", "menu"):
        return False
    if el.xpath(OUTSIDE_CONTENT):
        return False
    text = " ".join(" ".join(el.itertext()).split())
    links = sum(len(_text(a)) for a in el.iter("a"))
    before = el.getprevious()
    toggled = before is not None and (before.tag in ("h1", "h2", "h3", "h4", "h5", "h6", "button")
                                      or before.get("aria-expanded") is not None)
    prose = len(text) >= (TOGGLED_MIN_CHARS if toggled else PANEL_MIN_CHARS) \
        and re.search(r"\w[.!?](?:\s|$)", text) is not None
    return (prose or bool(el.xpath(".//table | .//dl"))) and links < len(text) / 2


def _open_panels(tree) -> None:
    """Open the closed accordion panels trafilatura would drop as hidden, so FAQ-style policies keep their
    answers, and keep their titles: a toggle button inside a heading becomes the heading's text, one
    outside a heading (`<button aria-expanded="false">Hvem er behandlingsansvarlig?</button>`) a heading."""
    for button in list(tree.iter("button")):
        title = _text(button)
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


def _repair_tables(tree) -> None:
    """Tables as trafilatura can read them. One that lays out the page (a cell holding headings, a table or
    many lines, as older sites are built) becomes plain blocks, so its content keeps its paragraphs and
    headings (trafilatura made it one row); a table inside one of its cells stays a table. In the others a
    cell of several lines becomes one line, joined with `; ` (`_ga<br>_gid` is `_ga; _gid`, and `2 år<br>1 dag`
    two lifetimes, not one of 731 days), as trafilatura glues a cell's lines together (`_ga_gid`) and
    empties the next cell."""
    for table in list(tree.iter("table")):
        rows = table.xpath(OWN_ROWS)
        cells = [cell for row in rows for cell in row.xpath("./td | ./th")]
        lines = [_cell_lines(cell) for cell in cells]
        if any(len(ls) > CELL_MAX_LINES or cell.xpath(f"boolean(.//*[{HEADINGS}] | .//table)")
               for cell, ls in zip(cells, lines)):
            for el in [table, *table.xpath("./thead | ./tbody | ./tfoot"), *rows, *cells]:
                el.tag = "div"
            continue
        for cell, ls in zip(cells, lines):
            if len(ls) < 2:
                continue
            text = ls[0]
            for line in ls[1:]:
                text += (" " if text.endswith((".", "!", "?", ":", ";", ",")) else "; ") + line
            for child in list(cell):
                cell.remove(child)
            cell.text = text


def _first_class(el) -> str:
    return (el.get("class") or "").split(" ")[0]


def _grid_rows(el) -> list | None:
    """The rows of a table built from `<div>`s (`<div class="cookie-row"><div class="c-name">_ga</div><div
    class="c-prov">Google</div>...`), or None: three or more child elements of one tag and first class, each
    with the same number (two or more) of cells and no text of its own; every cell a short leaf (inline
    markup only), not mostly link text, its class (if any) the same down its column."""
    rows = [c for c in el if isinstance(c.tag, str)]
    if len(rows) < GRID_MIN_ROWS or len({(r.tag, _first_class(r)) for r in rows[1:]}) != 1 \
            or rows[0].tag != rows[1].tag:
        return None
    cells = [[c for c in r if isinstance(c.tag, str)] for r in rows]
    width = len(cells[0])
    if width < 2 or any(len(cs) != width for cs in cells):
        return None
    for r, cs in zip(rows, cells):
        if (r.text or "").strip() or any((c.tail or "").strip() for c in cs):
            return None
        for c in cs:
            text = _text(c)
            if len(text) > GRID_CELL_MAX_CHARS or c.xpath(f".//*[{GRID_BLOCKS}]") \
                    or sum(len(_text(a)) for a in c.iter("a")) > len(text) / 2:
                return None
    for k in range(width):
        classes = {_first_class(cs[k]) for cs in cells[1:]}
        if len(classes) != 1:
            return None
    return rows


def _div_grids_as_tables(tree) -> None:
    """A table built from `<div>`s or `<span>`s (a theme's cookie list, a supplier grid) as a table: trafilatura
    drops it as short boilerplate, or keeps each cell as a paragraph of its own."""
    for el in list(tree.iter("div", "section", "ul", "ol")):
        rows = _grid_rows(el)             # cheap tests first: most elements fail them before the XPath
        if rows is None or el.get("role") in ("table", "grid", "navigation", "menu") or el.xpath(OUTSIDE_CONTENT):
            continue
        el.tag = "table"
        for row in rows:
            row.tag = "tr"
            for cell in row:
                if isinstance(cell.tag, str):
                    cell.tag = "td"


def _label_tables_as_records(tree) -> None:
    """A table whose every row is a label cell and a value cell (`<th>Navn</th><td>_ga</td>`, one table per
    cookie) becomes a paragraph of `Label: value` lines; trafilatura keeps only the first row's label as a
    header."""
    from lxml import etree

    for table in list(tree.iter("table")):
        rows = table.xpath(OWN_ROWS)
        cells = [row.xpath("./th | ./td") for row in rows]
        if not rows or any(len(c) != 2 or c[0].tag != "th" or c[1].tag != "td" for c in cells):
            continue
        paragraph = etree.Element("p")
        for k, (label, value) in enumerate(cells):
            line = _text(label).rstrip(":") + ": " + _text(value)
            if k:
                etree.SubElement(paragraph, "br").tail = line
            else:
                paragraph.text = line
        paragraph.tail = table.tail
        table.getparent().replace(table, paragraph)


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


def _aria_headings(tree) -> None:
    """`<div role="heading" aria-level="3">`, as site builders write headings, as the heading element it stands for."""
    for el in tree.xpath("//*[@role='heading']"):
        level = el.get("aria-level") or "2"
        el.tag = f"h{level}" if level in ("1", "2", "3", "4", "5", "6") else "h2"
        el.attrib.pop("role")


def _unlink_list_items(tree) -> None:
    """List items that are a link to another site (`<li><a href="https://mailchimp.com/...">Mailchimp</a></li>`,
    a policy's suppliers) as plain text: trafilatura drops a list of links as navigation."""
    for a in tree.xpath("//li//a[starts-with(@href, 'http') or starts-with(@href, 'www.')]"):
        if not a.xpath(OUTSIDE_CONTENT + " | ancestor::*[@role='navigation' or @role='menu']"):
            a.drop_tag()


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


def _keep_content_boxes(tree) -> None:
    """A summary box in the content (`<aside>` in `<main>`: `Kort fortalt`), which trafilatura would drop."""
    for aside in tree.xpath("//main//aside | //article//aside"):
        aside.tag = "section"


# what trafilatura would lose of a policy page, repaired in this order before it reads the page
PAGE_REPAIRS = (_keep_date_lines, _keep_declarations, _open_panels, _div_grids_as_tables, _repair_tables,
                _label_tables_as_records, _summaries_as_headings, _aria_headings, _unlink_list_items,
                _protect_service_lines, _keep_content_boxes)


def page_tree(html: str):
    """The page parsed once (trafilatura's loader) with `PAGE_REPAIRS` applied; the string when it does not
    parse."""
    from trafilatura import load_html

    tree = load_html(html)
    if tree is None:
        return html
    for repair in PAGE_REPAIRS:
        repair(tree)
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

    xml = trafilatura.extract(page_tree(html), output_format="xml", include_tables=True, include_comments=False,
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

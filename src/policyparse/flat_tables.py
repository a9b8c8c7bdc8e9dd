"""Tables in normalized policy text, read back into rows and cells.

Tables reach the extractors in these layouts (see the brief's text conventions):
- `lines`: a flattened table, each cell on its own line, rows one after the other in one block, the
  header first (`Navn` / `Formål` / `Leverandør` / `Varighet` / `_gcl_au` / ... / `90 dager`);
- `pipes`: an HTML table as rows `cell | cell | cell`, the header row first;
- `records`: one `Label: value` line per field, one block of them per item
  (`Navn: _ga` / `Formål: ...` / `Varighet: 2 år`);
- `label_lines`: a label line, then its value line (`Navn` / `_ga` / `Utløp` / `2 år`), as cookie
  plugins (Complianz) print their declarations.
A header cell is recognised by `resources/table_headers.json`, which also gives its column role
(name, key, provider, domain, purpose, lifetime, type, data, basis; and, in the header row of a `lines` or
`pipes` table only, the supplier-table roles supplier, function, location, link, other) and the id of the
rule that matched (`Table.rules`). `find_tables(doc_text)` returns every table with cell offsets into the
text; `tables_of(doc)` caches the result on the document so several extractors (cookies, retention, legal,
processors) share one parse.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from .durations import is_session, lifetime_days
from .extract.layout import blocks, cached, lines
from .rules import load_json, load_rules

ANCHOR_ROLES = {"name", "key", "lifetime", "basis", "provider", "purpose", "data", "supplier"}
# Roles of supplier tables: recognised only in the header row of a `lines` or `pipes` table (a `Label: value`
# line or a one-line header with them is read as before they existed).
HEADER_ROW_ROLES = frozenset({"supplier", "function", "location", "link", "other"})
# Columns that make a header row longer but do not make a table by themselves.
UNCOUNTED_ROLES = frozenset({"other"})
# The header row of a supplier table needs no more than one of these and any other header cell
# (`Selskap` / `Kategorier`).
SUPPLIER_ROLES = frozenset({"supplier", "provider", "domain"})
SECTION_NUMBER = regex.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+\p{Lu}")  # `3. Formål og rettslig grunnlag`: a heading


@dataclass(frozen=True)
class Cell:
    text: str
    start: int
    end: int


@dataclass
class Row:
    cells: dict[str, Cell]            # role -> cell (first column of that role)
    values: list[Cell]                # all cells in column order
    start: int
    end: int
    columns: list[Cell | None] = field(default_factory=list)  # cell per header column (lines, pipes)

    def column(self, index: int | None) -> Cell | None:
        """The cell under header column `index`; None when the row has none there."""
        return self.columns[index] if index is not None and index < len(self.columns) else None


@dataclass
class Table:
    kind: str                         # lines, pipes, records, label_lines, header_line
    header: list[str]
    roles: list[str | None]           # role per column
    rows: list[Row] = field(default_factory=list)
    start: int = 0                    # header start
    end: int = 0                      # end of the last row
    rules: list[str | None] = field(default_factory=list)  # header rule id per column (lines, pipes)

    def has(self, role: str) -> bool:
        return role in self.roles


@lru_cache(maxsize=2)
def _header_rules(header_row: bool = False) -> list[tuple[str, str, regex.Pattern]]:
    rules = load_rules("table_headers.json", {"id", "role", "pattern"})
    return [(r["id"], r["role"], regex.compile(rf"(?:{r['pattern']})", regex.I)) for r in rules
            if header_row or r["role"] not in HEADER_ROW_ROLES]


def header_rule_ids() -> frozenset[str]:
    """The ids of all header rules (for files that refer to them, such as processor_lexicon.json)."""
    return frozenset(rule_id for rule_id, _, _ in _header_rules(True))


def header_role(cell: str, header_row: bool = False) -> str | None:
    """The column role of a header cell, or None when it is no header cell. `header_row`: the cell
    stands in the header row of a `lines` or `pipes` table (where HEADER_ROW_ROLES count too)."""
    rule = header_rule(cell, header_row)
    return rule[1] if rule else None


@lru_cache(maxsize=8192)
def header_rule(cell: str, header_row: bool = False) -> tuple[str, str] | None:
    """(rule id, role) of a header cell, or None when it is no header cell."""
    cell = " ".join(cell.split()).strip()
    cell = cell[:-1].rstrip() if cell.endswith("?") else cell   # `Kor lenge vert han lagra?`
    cell = cell[:-1].rstrip() if header_row and cell.endswith(":") else cell   # `Leverandør:` in a header row
    if not cell or len(cell) > 40 or SECTION_NUMBER.match(cell):
        return None
    for rule_id, role, pattern in _header_rules(header_row):
        if pattern.fullmatch(cell):
            return rule_id, role
    parts = [p for p in regex.split(r"\s*/\s*|\s+(?:og|and|eller|or)\s+", cell) if p]
    if len(parts) > 1:
        # `Varighet / utløp`, `Formål og beskrivelse`: the role of the first part that has one
        for part in parts:
            for rule_id, role, pattern in _header_rules(header_row):
                if pattern.fullmatch(part):
                    return rule_id, role
    return None


def _blocks(text: str) -> list[list[tuple[int, int]]]:
    """Blocks (paragraphs separated by blank lines) as lists of non-empty line spans, a flattened table
    or a run of label/value records spread over several blocks joined into one."""
    raw = [[(ln.start, ln.end) for ln in block] for block in blocks(lines(text))]
    out, i = [], 0
    while i < len(raw):
        k = max(_spread_table_end(text, raw, i), _spread_records_end(text, raw, i))
        out.append([span for block in raw[i:k] for span in block])
        i = k
    return out


SPREAD_ANCHORS = frozenset({"name", "key"}) | SUPPLIER_ROLES


def _spread_table_end(text: str, raw: list[list[tuple[int, int]]], i: int) -> int:
    """Where the blocks of a flattened table that starts at block `i` end, when a layout put blank lines
    between its rows (a block of header cells `Navn` / `Formål` / `Utløper`, then blocks of as many
    lines) or between all its cells (header cells and cells one per block); else `i + 1`. The header
    must name the items (a name, key, supplier, provider or domain column), and cells are short lines,
    never prose or `Label: value` records (`Selskap` / `Kontaktopplysninger` over a company and its
    `Org.nr: ...`, `Telefonnummer: ...` lines is no table of two columns)."""
    def cells(block):
        return [text[s:e].strip() for s, e in block]

    def header(roles):
        return len(roles) >= 2 and _valid_header(roles, True) and bool(SPREAD_ANCHORS & set(roles))

    def cell_ok(t):
        return "|" not in t and not t.startswith("- ") and len(t.split()) <= 12 and not _prose(t) \
            and not RECORD_LINE.match(t)

    first = cells(raw[i])
    roles = []
    for t in first:                                              # most blocks are prose: stop at a non-header line
        if (role := header_role(t, True)) is None:
            break
        roles.append(role)
    if len(first) >= 2 and len(roles) == len(first) and header(roles):  # rows in blocks of their own
        n, k = len(first), i + 1
        while k < len(raw) and len(raw[k]) == n and all(cell_ok(t) for t in cells(raw[k])):
            k += 1
        return k if k > i + 1 else i + 1
    if len(first) != 1 or not roles:
        return i + 1
    j = i + 1
    while j < len(raw) and len(raw[j]) == 1 and (role := header_role(cells(raw[j])[0], True)):
        roles.append(role)
        j += 1
    if _header_start(roles) or not header(roles):
        return i + 1
    n, k = j - i, j                                              # every cell in a block of its own
    while k < len(raw) and len(raw[k]) == 1 and cell_ok(cells(raw[k])[0]):
        k += 1
    rows = (k - j) // n
    return j + rows * n if rows else i + 1


def _spread_records_end(text: str, raw: list[list[tuple[int, int]]], i: int) -> int:
    """Where label/value records with a blank line between all lines end (`Navn` / `_ga` / `Utløpsdato` /
    `2 år`, a cookie plugin's declaration through the HTML ingest), when they start at block `i`; else
    `i + 1`. Between records one other line may stand (a category title, Complianz's name line); values
    are short lines, and the labels name the items or their lifetime."""
    def line(k):
        return text[raw[k][0][0]:raw[k][0][1]].strip() if k < len(raw) and len(raw[k]) == 1 else None

    def label(k):
        t = line(k)
        return header_role(t) if t and not t.startswith("- ") and "|" not in t and ":" not in t else None

    def value(k):
        t = line(k)
        return bool(t) and label(k) is None and not t.startswith("- ") and len(t.split()) <= 12 \
            and not _prose(t) and not RECORD_LINE.match(t)

    k, roles = i, []
    while True:
        if (role := label(k)) and value(k + 1):
            roles.append(role)
            k += 2
        elif roles and value(k) and label(k + 1) and value(k + 2):
            k += 1
        else:
            break
    return k if len(roles) >= 3 and set(roles) & {"name", "key", "lifetime"} else i + 1


def _strip_span(text: str, s: int, e: int) -> Cell:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Cell(text[s:e], s, e)


def _valid_header(roles: list[str | None], header_row: bool = False) -> bool:
    """Two roles, one of them an anchor; or, in the header row of a `lines` or `pipes` table, a supplier
    column and any other header cell."""
    known = [r for r in roles if r]
    counted = [r for r in known if r not in UNCOUNTED_ROLES]
    if len(set(counted)) >= 2 and set(counted) & ANCHOR_ROLES:
        return True
    return header_row and len(known) >= 2 and bool(set(known) & SUPPLIER_ROLES)


def _header_start(roles: list[str | None]) -> int:
    """Where a run of header-like cells starts when a name column's word appears twice: a heading or title
    above the header (`Informasjonskapsler` / `Navn` / `Formål` / `Utløp`) is no header cell."""
    repeated = [p + 1 for p, role in enumerate(roles) if role in ("name", "key") and role in roles[p + 1:]]
    return max(repeated, default=0)


def _row(roles: list[str | None], cells: list[Cell]) -> Row:
    by_role: dict[str, Cell] = {}
    for role, cell in zip(roles, cells):
        if role and role not in by_role and cell.text:
            by_role[role] = cell
    return Row(by_role, cells, cells[0].start, cells[-1].end, list(cells))


def _pipe_cells(text: str, s: int, e: int) -> list[Cell]:
    cells, pos = [], s
    line = text[s:e]
    for part in line.split("|"):
        cells.append(_strip_span(text, pos, pos + len(part)))
        pos += len(part) + 1
    if cells and not cells[0].text and line.lstrip().startswith("|"):
        cells = cells[1:]
    if cells and not cells[-1].text and line.rstrip().endswith("|"):
        cells = cells[:-1]
    return cells


def _pipe_tables(text: str, block: list[tuple[int, int]]) -> list[Table]:
    tables, i = [], 0
    while i < len(block):
        s, e = block[i]
        if "|" not in text[s:e]:
            i += 1
            continue
        cells = _pipe_cells(text, s, e)
        roles, rules = _header_cells(cells)
        if not _valid_header(roles, True):
            i += 1
            continue
        table = Table("pipes", [c.text for c in cells], roles, start=s, end=e, rules=rules)
        j = i + 1
        while j < len(block) and "|" in text[block[j][0]:block[j][1]]:
            row_cells = _pipe_cells(text, *block[j])
            # a row that is a header starts a new table; supplier-table words (`Les mer`, `Land`) are cells here
            if _valid_header([header_role(c.text) for c in row_cells]):
                break
            if any(c.text for c in row_cells):
                table.rows.append(_row(roles, row_cells))
                table.end = block[j][1]
            j += 1
        tables.append(table)
        i = j
    return tables


def _header_cells(cells: list[Cell]) -> tuple[list[str | None], list[str | None]]:
    """Roles and rule ids of the cells of a header row."""
    found = [header_rule(c.text, True) for c in cells]
    return [f[1] if f else None for f in found], [f[0] if f else None for f in found]


def _drop_link_columns(table: Table, cells: int) -> None:
    """A flattened table whose number of cells fits its columns only without its link columns
    (`Personvernerklæring`, `Lenke`: the extraction left no line for a cell that was a link) loses them."""
    n = len(table.roles)
    links = [i for i, role in enumerate(table.roles) if role == "link"]
    if not links or not cells % n or len(links) == n or cells % (n - len(links)):
        return
    keep = [i for i in range(n) if i not in links]
    table.header = [table.header[i] for i in keep]
    table.roles = [table.roles[i] for i in keep]
    table.rules = [table.rules[i] for i in keep]


def _line_tables(text: str, block: list[tuple[int, int]]) -> list[Table]:
    """Flattened tables: a run of header cells, then the rows, N lines each."""
    tables, i = [], 0
    cells = [_strip_span(text, s, e) for s, e in block]
    while i < len(cells):
        j = i
        while j < len(cells) and not cells[j].text.startswith("- ") and "|" not in cells[j].text \
                and header_role(cells[j].text, True):
            j += 1
        roles, rules = _header_cells(cells[i:j])
        if start := _header_start(roles):
            i += start
            continue
        if j - i < 2 or not _valid_header(roles, True):
            i = max(j, i + 1)
            continue
        n = j - i
        table = Table("lines", [c.text for c in cells[i:j]], roles, start=cells[i].start, end=cells[j - 1].end,
                      rules=rules)
        k = j
        body: list[Cell] = []
        while k < len(cells) and not cells[k].text.startswith("- "):
            # a new header run starts a new table; supplier-table words (`Les mer`, `Land`) are cells here
            if header_role(cells[k].text) and k + 1 < len(cells) and header_role(cells[k + 1].text) \
                    and _valid_header([header_role(c.text) for c in cells[k:k + n]]):
                break
            body.append(cells[k])
            k += 1
        if len(body) > n and len(body) % n == 1 and _prose(body[-1].text):
            body.pop()                                  # a sentence right after the last row is no cell
            k -= 1
        _drop_link_columns(table, len(body))
        table.rows.extend(_segment(table.roles, body))
        if table.rows:
            table.end = table.rows[-1].end
        tables.append(table)
        i = k
    return tables


def _prose(line: str) -> bool:
    return len(line.split()) >= 8 and line.rstrip().endswith((".", "!", "?"))


HEADER_SEPARATORS = (" / ", ";", " - ", " – ")


def header_words(words: list[str], header_row: bool = False, longest: int = 4,
                 conjunctions: bool = True) -> list[tuple[str, tuple[str, str] | None]]:
    """The words of a header row written on one line, grouped into header cells of up to `longest` words,
    the longest first: (cell, (rule id, role)), or (word, None) for a word that starts no header cell.
    `conjunctions=False`: a cell joining words with `og` / `and` / `eller` / `or` is no cell."""
    cells, i = [], 0
    while i < len(words):
        for j in range(min(len(words), i + longest), i, -1):
            cell = " ".join(words[i:j])
            rule = header_rule(cell, header_row)
            if rule and (conjunctions or not regex.search(r"\s(?:og|and|eller|or)\s", cell)):
                cells.append((cell, rule))
                i = j
                break
        else:
            cells.append((words[i], None))
            i += 1
    return cells


def _split_header_line(line: str) -> tuple[list[str], str] | None:
    """A header row written on one line (`Navn / Type / Formål / Lagringstid`, `Navn Formål Varighet`):
    its cells and separator (' ' for words), or None."""
    line = line.strip()
    if not line or line.startswith("- ") or "|" in line or len(line) > 120 or line.endswith((".", ":")):
        return None
    for sep in HEADER_SEPARATORS:
        if sep in line:
            parts = [p.strip() for p in line.split(sep)]
            roles = [header_role(p) for p in parts]
            if all(roles) and _valid_header(roles) and _strong_header(roles):
                return parts, sep
    grouped = header_words(line.split(), conjunctions=False)
    if any(rule is None for _, rule in grouped):
        return None
    cells = [cell for cell, _ in grouped]
    roles = [rule[1] for _, rule in grouped]
    if len(cells) >= 3 and _valid_header(roles) and _strong_header(roles):
        return cells, " "
    return None


def _strong_header(roles: list[str | None]) -> bool:
    """A one-line header needs three columns or a name, key or lifetime column."""
    return len(roles) >= 3 or bool(set(roles) & {"name", "key", "lifetime"})


def _split_cells(text: str, s: int, e: int, sep: str) -> list[Cell]:
    cells, pos = [], s
    for part in text[s:e].split(sep):
        cells.append(_strip_span(text, pos, pos + len(part)))
        pos += len(part) + len(sep)
    return cells


ROW_LIFETIME = (r"(?P<life>(?:(?:inntil|opptil|maks\.?|maksimalt|ca\.?)\s+)?\d+(?:[.,]\d+)?\s*\p{L}+\.?"
                r"(?:\s+\d+(?:[.,]\d+)?\s*\p{L}+\.?){0,3}|sesjon|session|økt|pr\.?\s+økt|permanent|vedvarende|persistent)")


def _spaced_row(roles: list[str | None], text: str, s: int, e: int) -> Row | None:
    """A row of a space-separated table: the first token is the name, the period that stands where
    the lifetime column is (counted from the end, or right after the name when it is the second
    column) the lifetime."""
    line = text[s:e]
    first = regex.match(r"\s*(\S+)", line)
    if not first:
        return None
    cells = {}
    life = None
    if "lifetime" in roles:
        after = len(roles) - 1 - roles.index("lifetime")
        life = regex.search(rf"\s{ROW_LIFETIME}(?:\s+\S+){{0,{after}}}\s*$", line, regex.I)
        if life is None and roles.index("lifetime") == 1:
            # `Navn Levetid Formål`: the period right after the name
            life = regex.match(rf"\s*\S+\s+{ROW_LIFETIME}(?=\s|$)", line, regex.I)
        if life and (lifetime_days(life.group("life")) is not None or is_session(life.group("life"))
                     or _value_pattern("persistent_values").match(life.group("life"))):
            cells["lifetime"] = _strip_span(text, s + life.start("life"), s + life.end("life"))
        else:
            life = None
    name_role = next((r for r in roles if r in ("name", "key")), None)
    if name_role and roles[0] == name_role and (life or regex.search(r"[^\p{L}]", first.group(1))):
        cells[name_role] = Cell(first.group(1), s + first.start(1), s + first.end(1))
    values = [_strip_span(text, s, e)]
    return Row(cells, values, s, e)


def bare_value_cell(line: str) -> bool:
    """A line that is only a lifetime (`1 år`, `Økt`, `Vedvarende`) or a type (`HTTP Cookie`)."""
    return (lifetime_days(line) is not None and len(line.split()) <= 3 or is_session(line)
            or bool(_value_pattern("persistent_values").fullmatch(line))
            or bool(_value_pattern("type_values").match(line)))


def _header_line_tables(text: str, block: list[tuple[int, int]]) -> list[Table]:
    tables, i = [], 0
    while i < len(block):
        s, e = block[i]
        found = _split_header_line(text[s:e])
        if not found:
            i += 1
            continue
        parts, sep = found
        roles = [header_role(p) for p in parts]
        table = Table("header_line", parts, roles, start=s, end=e)
        k = i + 1
        while k < len(block) and not text[block[k][0]:block[k][1]].strip().startswith("- ") \
                and not _split_header_line(text[block[k][0]:block[k][1]]):
            k += 1
        following = block[i + 1:k]
        # A row per line, unless bare lifetime or type cells show one cell per line (a consent
        # platform's declaration: the header row on one line, then name / provider / ... / `1 år`).
        cell_lines = sep == " " and sum(bare_value_cell(text[ls:le].strip()) for ls, le in following) >= 2
        body: list[Cell] = []
        for ls, le in following:
            line = text[ls:le].strip()
            if sep != " " and sep in line:
                table.rows.append(_row(roles, _split_cells(text, ls, le, sep)))
            elif sep == " " and len(line.split()) >= 2 and not cell_lines:
                row = _spaced_row(roles, text, ls, le)
                if row is not None:
                    table.rows.append(row)
            else:
                body.append(_strip_span(text, ls, le))
        if body:
            table.rows.extend(_segment(roles, body))
        if table.rows:
            table.end = max(r.end for r in table.rows)
        tables.append(table)
        i = k
    return tables


def _value_pattern(key: str) -> regex.Pattern:
    return _value_patterns()[key]


@lru_cache(maxsize=1)
def _value_patterns() -> dict[str, regex.Pattern]:
    data = load_json("table_headers.json")
    return {key: regex.compile(data[key], regex.I) for key in ("persistent_values", "type_values")}


SHAPED_CELL = regex.compile(r"^[_\w.*\[\]<>{}:-]*(?:_|::|\*|\[|<|\d)[_\w.*\[\]<>{}:-]*$|^[a-z][\w.-]*$")


def _cell_score(role: str | None, text: str) -> float:
    """How well a line fits a column role (used to realign rows with an empty cell)."""
    words = len(text.split())
    if role in ("name", "key"):
        single = words == 1 or (words <= 4 and "," in text
                                 and all(len(p.split()) == 1 for p in text.split(",") if p.strip()))
        if not single:
            return -2.0
        if _value_pattern("type_values").match(text):
            return -1.0
        return 3.0 if SHAPED_CELL.match(text.split(",")[0].strip()) else 1.0
    if role == "lifetime":
        fits = (lifetime_days(text) is not None or is_session(text)
                or _value_pattern("persistent_values").match(text) is not None)
        return 2.0 if fits and words <= 8 else -2.0
    if role == "type":
        return 2.0 if _value_pattern("type_values").match(text) else (0.5 if words <= 3 else -1.0)
    if role in ("provider", "domain", "supplier"):
        if "_" in text or "::" in text:
            return -2.0
        return 1.0 if words <= 5 else -1.0
    if role == "link":
        return 2.0 if regex.match(r"(?:https?://|www\.)\S+$", text) else (0.5 if words <= 3 else -1.0)
    if role == "location":   # `Norge`, `EU/EØS`; `Irland (EU), brukerstøtte fra USA` names a place too
        return 1.0 if words <= 3 else 0.5 if words <= 7 and any(w[:1].isupper() for w in text.split()) else -1.0
    return 1.0 if words >= 3 else 0.5


MISSING = -1.5


def _align(roles: list[str | None], cells: list[Cell]) -> tuple[float, list[int]]:
    """Best increasing assignment of cells to columns: (score, column index per cell)."""
    n, k = len(roles), len(cells)
    best = {}

    def go(i: int, j: int) -> tuple[float, tuple[int, ...]]:
        # cells[i:] to columns[j:]
        if i == k:
            return MISSING * (n - j), ()
        if n - j < k - i:
            return float("-inf"), ()
        if (i, j) in best:
            return best[(i, j)]
        take_score, take_rest = go(i + 1, j + 1)
        take = (_cell_score(roles[j], cells[i].text) + take_score, (j,) + take_rest)
        skip_score, skip_rest = go(i, j + 1)
        skip = (MISSING * (2 if j == 0 else 1) + skip_score, skip_rest)
        best[(i, j)] = take if take[0] >= skip[0] else skip
        return best[(i, j)]

    score, cols = go(0, 0)
    return score, list(cols)


def _aligned_row(roles: list[str | None], cells: list[Cell], cols: list[int]) -> Row:
    by_role: dict[str, Cell] = {}
    for cell, j in zip(cells, cols):
        role = roles[j]
        if role and role not in by_role and cell.text:
            by_role[role] = cell
    columns: list[Cell | None] = [None] * len(roles)
    for cell, j in zip(cells, cols):
        columns[j] = cell
    return Row(by_role, cells, cells[0].start, cells[-1].end, columns)


def _segment(roles: list[str | None], body: list[Cell]) -> list[Row]:
    """Rows of a flattened table: N lines each, or, when that does not fit (an empty cell left no
    line), the best segmentation into rows of up to N lines aligned to the columns."""
    n = len(roles)
    if not body:
        return []
    simple_ok = len(body) % n == 0
    simple_score = sum(_align(roles, body[r:r + n])[0] for r in range(0, len(body), n)) if simple_ok else float("-inf")
    if simple_ok and len(body) > 60 * n:
        return [_row(roles, body[r:r + n]) for r in range(0, len(body), n)]
    # dynamic programme over row boundaries
    L = len(body)
    score = [float("-inf")] * (L + 1)
    back: list[tuple[int, list[int]] | None] = [None] * (L + 1)
    score[0] = 0.0
    for i in range(L):
        if score[i] == float("-inf"):
            continue
        for k in range(1, min(n, L - i) + 1):
            s, cols = _align(roles, body[i:i + k])
            if score[i] + s > score[i + k]:
                score[i + k] = score[i] + s
                back[i + k] = (i, cols)
    if simple_ok and simple_score >= score[L] - 1e-9:
        return [_row(roles, body[r:r + n]) for r in range(0, len(body), n)]
    rows, end = [], L
    while end > 0 and back[end] is not None:
        start, cols = back[end]
        rows.append(_aligned_row(roles, body[start:end], cols))
        end = start
    return rows[::-1]


RECORD_LINE = regex.compile(r"^(?:- )?(?P<label>[^:\n]{2,40}):\s*(?P<value>\S.*)$")


def _items_table(kind: str, run: list[tuple[str, str, Cell]], start: int, end: int) -> Table | None:
    """A table of items from (label, role, value cell) triples; an item starts where its first label
    comes again. None unless the labels have two roles, one of them name, key or lifetime."""
    roles_seen = [r for _, r, _ in run]
    if len(set(roles_seen)) < 2 or not set(roles_seen) & {"name", "key", "lifetime"}:
        return None
    first = run[0][1]
    table = Table(kind, [], [], start=start, end=end)
    item: list[tuple[str, str, Cell]] = []
    for entry in run + [None]:
        label, role, cell = entry if entry is not None else (None, None, None)
        if cell is None or (role == first and item):
            if item:
                table.rows.append(Row({r: c for _, r, c in reversed(item)}, [c for _, _, c in item],
                                      item[0][2].start, item[-1][2].end))
                for label_, role_, _ in item:
                    if label_ not in table.header:
                        table.header.append(label_)
                        table.roles.append(role_)
            item = []
        if cell is not None:
            item.append((label, role, cell))
    return table


INLINE_LABEL = regex.compile(r"(?:^(?:- )?|[|;,·]\s*)(?P<label>[^:|;,·\n]{2,40}):\s+")


def _line_records(text: str, s: int, e: int) -> list[tuple[str, str, Cell]]:
    """The (label, role, value cell) entries of a line: one `Label: value`, or several on one line
    (`Navn: _ga, Leverandør: Google, Utløper: 2 år`, `Navn: lang | Formål: husker språket`), split only
    before a label that names a column."""
    line = text[s:e]
    labels = [m for m in INLINE_LABEL.finditer(line) if header_role(m.group("label"))]
    if not labels or labels[0].start() != 0:
        m = RECORD_LINE.match(line)
        role = header_role(m.group("label")) if m else None
        return [(m.group("label").strip(), role, _strip_span(text, s + m.start("value"), s + m.end("value")))] \
            if role else []
    out = []
    for k, m in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else len(line)
        out.append((m.group("label").strip(), header_role(m.group("label")), _strip_span(text, s + m.end(), s + end)))
    return out


def _record_tables(text: str, block: list[tuple[int, int]]) -> list[Table]:
    """`Label: value` lines, or lines of several such pairs; an item starts where its first label comes again."""
    entries, line_spans = [], []
    for s, e in block:
        found = _line_records(text, s, e) or [None]
        entries.extend(found)
        line_spans.extend([(s, e)] * len(found))
    tables: list[Table] = []
    i = 0
    while i < len(entries):
        if entries[i] is None:
            i += 1
            continue
        j = i
        while j < len(entries) and entries[j] is not None:
            j += 1
        table = _items_table("records", entries[i:j], line_spans[i][0], line_spans[j - 1][1])
        if table is not None:
            tables.append(table)
        i = j
    return tables


def _name_line(line: str) -> bool:
    """One token that is no label and no list item (`lang`, `cmplz_banner-status`)."""
    return bool(line) and " " not in line and "|" not in line and not line.startswith("-") \
        and not line.endswith((":", ".")) and header_role(line) is None


def _label_value_tables(text: str, block: list[tuple[int, int]]) -> list[Table]:
    """A label line then its value line (`Navn` / `_ga` / `Utløp` / `2 år` / `Funksjon` / `...`), as
    cookie plugins print one declaration per cookie; an item starts where its first label comes again.
    Items without a name label take the line just above them as their name (Complianz prints `lang` /
    `Utløp` / `1 år` / `Funksjon` / ...)."""
    cells = [_strip_span(text, s, e) for s, e in block]

    def label(k: int) -> str | None:
        c = cells[k].text
        return None if c.startswith("- ") or "|" in c or ":" in c else header_role(c)

    tables: list[Table] = []
    i = 0
    while i + 1 < len(cells):
        run: list[tuple[str, str, Cell]] = []
        j = i
        while j + 1 < len(cells) and (role := label(j)) and not label(j + 1) and not cells[j + 1].text.startswith("- "):
            run.append((cells[j].text, role, cells[j + 1]))
            j += 2
        start = cells[i].start
        if len(run) >= 2 and not {"name", "key"} & {r for _, r, _ in run} and i > 0 and _name_line(cells[i - 1].text):
            run.insert(0, ("", "name", cells[i - 1]))      # Complianz: the name line, then `Utløp` / `1 år` / ...
            start = cells[i - 1].start
        table = _items_table("label_lines", run, start, cells[j - 1].end) if len(run) >= 2 else None
        if table is not None:
            tables.append(table)
        i = j if run else i + 1
    return tables


def find_tables(text: str) -> list[Table]:
    """Every table in the text, in document order."""
    tables: list[Table] = []
    for block in _blocks(text):
        tables.extend(_pipe_tables(text, block))
        tables.extend(_line_tables(text, block))
        tables.extend(_header_line_tables(text, block))
        tables.extend(_record_tables(text, block))
        tables.extend(_label_value_tables(text, block))
    tables.sort(key=lambda t: t.start)
    return tables


def tables_of(doc) -> list[Table]:
    """The tables of a ParsedDocument, parsed once and kept on the document."""
    return cached(doc, "flat_tables", lambda: find_tables(doc.text))

"""Records to tables: `policies` (one row per policy), `findings`, `sections` and `errors`.

Row builders work one record at a time so the CLI can stream rows to disk; `to_frames` builds
pandas DataFrames for a notebook.
"""
from __future__ import annotations

import bisect

from typing import Iterable

import pandas as pd

from .taxonomy import BASES, PURPOSES, RIGHTS

SEP = "; "
POLICY_COLUMNS = (
    ["policy_id", "source", "url", "language", "title", "controller_names", "org_numbers", "emails",
     "last_updated", "n_sections", "purposes", "legal_bases", "legal_basis_citations", "purpose_bases",
     "law_references", "processors", "cookies", "cookie_providers", "retention_days", "retention_unspecified",
     "transfers_outside_eea", "transfer_mechanisms", "rights", "n_findings", "warnings"]
    + [f"basis:{b}" for b in BASES] + [f"purpose:{p}" for p in PURPOSES] + [f"right:{r}" for r in RIGHTS])
FINDING_COLUMNS = ["policy_id", "field", "value", "section", "sentence", "start", "end", "method", "confidence"]
SECTION_COLUMNS = ["policy_id", "index", "heading", "number", "level", "parent", "start", "end", "purposes"]
ERROR_COLUMNS = ["policy_id", "source", "stage", "error"]


def _join(values: Iterable) -> str:
    return SEP.join(str(v) for v in values if v not in (None, ""))


def _days(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _value(value) -> str:
    if isinstance(value, dict):
        return _join(f"{k}={v}" for k, v in value.items() if v not in (None, "", []))
    if isinstance(value, list):
        return _join(value)
    return "" if value is None else str(value)


def policy_row(record: dict) -> dict:
    purposes, bases, rights = set(record["purposes"]), set(record["legal_bases"]), set(record["rights"])
    row = {
        "policy_id": record["policy_id"], "source": record["source"], "url": record.get("url") or "",
        "language": record["language"] or "", "title": record["title"] or "",
        "controller_names": _join(record["controller"]["names"]), "org_numbers": _join(record["org_numbers"]),
        "emails": _join(record["emails"]), "last_updated": record["last_updated"] or "",
        "n_sections": len(record["sections"]), "purposes": _join(record["purposes"]),
        "legal_bases": _join(record["legal_bases"]), "legal_basis_citations": _join(record["legal_basis_citations"]),
        "purpose_bases": _join(dict.fromkeys(f"{pb['purpose']}:{pb['basis']}" for pb in record["purpose_bases"])),
        "law_references": _join(dict.fromkeys(r["text"] for r in record["law_references"])),
        "processors": _join(p["name"] for p in record["processors"]),
        "cookies": _join(c["name"] for c in record["cookies"]),
        "cookie_providers": _join(record["cookie_providers"]),
        "retention_days": _join(dict.fromkeys(_days(r["days"]) for r in record["retention"])),
        "retention_unspecified": record["retention_unspecified"],
        "transfers_outside_eea": "" if record["transfers_outside_eea"] is None else record["transfers_outside_eea"],
        "transfer_mechanisms": _join(record["transfer_mechanisms"]), "rights": _join(record["rights"]),
        "n_findings": len(record["findings"]), "warnings": _join(record["warnings"]),
    }
    row.update({f"basis:{b}": b in bases for b in BASES})
    row.update({f"purpose:{p}": p in purposes for p in PURPOSES})
    row.update({f"right:{r}": r in rights for r in RIGHTS})
    return row


def finding_rows(record: dict) -> list[dict]:
    return [{"policy_id": record["policy_id"], **{k: (_value(f[k]) if k == "value" else f[k])
                                                  for k in FINDING_COLUMNS[1:]}} for f in record["findings"]]


def section_rows(record: dict) -> list[dict]:
    starts = [s["start"] for s in record["sections"]]
    by_section: dict[int, set] = {}
    for f in record["findings"]:
        index = bisect.bisect_right(starts, f["start"]) - 1
        if f["field"] == "purposes" and index >= 0:
            by_section.setdefault(index, set()).add(f["value"])
    return [{"policy_id": record["policy_id"], "index": i, "heading": s["heading"], "number": s["number"] or "",
             "level": s["level"], "parent": "" if s["parent"] is None else s["parent"], "start": s["start"],
             "end": s["end"], "purposes": _join(sorted(by_section.get(i, ())))}
            for i, s in enumerate(record["sections"])]


def error_row(result) -> dict:
    return {"policy_id": result.policy_id, "source": result.source, "stage": result.stage, "error": result.error}


def to_frames(records: Iterable) -> dict[str, pd.DataFrame]:
    """DataFrames `policies`, `findings`, `sections`, `errors` from records or `parse_many` results."""
    policies, findings, sections, errors = [], [], [], []
    for item in records:
        record = item if isinstance(item, dict) else item.record
        if record is None:
            errors.append(error_row(item))
            continue
        policies.append(policy_row(record))
        findings.extend(finding_rows(record))
        sections.extend(section_rows(record))
    return {"policies": pd.DataFrame(policies, columns=POLICY_COLUMNS),
            "findings": pd.DataFrame(findings, columns=FINDING_COLUMNS),
            "sections": pd.DataFrame(sections, columns=SECTION_COLUMNS),
            "errors": pd.DataFrame(errors, columns=ERROR_COLUMNS)}

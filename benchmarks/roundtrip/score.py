"""Strict scoring of a record read back against the record generated, by field family.

A fact counts only in its own field: the parent's number found among the references, or the
issuer's name found inside the title, is a miss. Values are compared after normalising Unicode
(NFC), runs of white space, and spaces around "-" and "/" (printing and extraction move them).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

FAMILIES = ("number", "issueDate", "issuer", "title", "parentNumber", "parentDate", "refNumber", "refDate",
            "signer", "recipients", "labels")


def norm(value: Any) -> str:
    text = unicodedata.normalize("NFC", str(value))
    text = re.sub(r"\s*([-/])\s*", r"\1", text)
    return " ".join(text.split())


@dataclass
class Miss:
    family: str
    expected: str
    got: str


@dataclass
class Tally:
    """Hits and expected facts per family, false claims of a missing fact, and the misses."""

    hits: Counter = field(default_factory=Counter)
    expected: Counter = field(default_factory=Counter)
    false_missing: int = 0
    failed: int = 0  # records the reader refused
    records: int = 0
    misses: list[tuple[str, Miss]] = field(default_factory=list)  # (record name, miss)

    def add(self, other: Tally) -> None:
        self.hits.update(other.hits)
        self.expected.update(other.expected)
        self.false_missing += other.false_missing
        self.failed += other.failed
        self.records += other.records
        self.misses += other.misses

    def score(self, family: str) -> float | None:
        n = self.expected[family]
        return None if n == 0 else self.hits[family] / n


def _get(doc: dict, *path: str) -> Any:
    for key in path:
        if not isinstance(doc, dict):
            return None
        doc = doc.get(key)
    return doc


def _labels(blocks: list[dict]) -> list[str]:
    out = []
    for b in blocks or []:
        if b.get("label"):
            out.append(norm(b["label"]))
        out += _labels(b.get("children", []))
    return out


def _pointer_holds(doc: dict, pointer: str) -> bool:
    value: Any = doc
    for part in pointer.strip("/").split("/"):
        if isinstance(value, dict) and part in value:
            value = value[part]
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return False
    return value not in (None, "", [], {})


def score_document(name: str, got: dict | None, expected: dict) -> Tally:
    t = Tally()

    def fact(family: str, want: Any, have: Any) -> None:
        if want in (None, ""):
            return
        t.expected[family] += 1
        if have is not None and norm(have) == norm(want):
            t.hits[family] += 1
        else:
            t.misses.append((name, Miss(family, norm(want), "" if have is None else norm(have))))

    g = got or {}
    fact("number", _get(expected, "number", "printed"), _get(g, "number", "printed"))
    fact("issueDate", expected.get("issueDate"), g.get("issueDate"))
    fact("issuer", _get(expected, "issuer", "name"), _get(g, "issuer", "name"))
    fact("title", expected.get("title"), g.get("title"))
    fact("parentNumber", _get(expected, "parent", "number", "printed"), _get(g, "parent", "number", "printed"))
    fact("parentDate", _get(expected, "parent", "issueDate"), _get(g, "parent", "issueDate"))
    read_refs = {norm(_get(r, "number", "printed")): r for r in g.get("references", []) if _get(r, "number")}
    for ref in expected.get("references", []):
        number = _get(ref, "number", "printed")
        if not number:
            continue
        found = read_refs.get(norm(number))
        fact("refNumber", number, number if found else None)
        fact("refDate", ref.get("issueDate"), found.get("issueDate") if found else None)
    fact("signer", _get(expected, "signature", "name"), _get(g, "signature", "name"))
    want = Counter(norm(r["text"]) for r in expected.get("recipients", []))
    have = Counter(norm(r["text"]) for r in g.get("recipients", []))
    t.expected["recipients"] += sum(want.values())
    t.hits["recipients"] += sum((want & have).values())
    for text in (want - have).elements():
        t.misses.append((name, Miss("recipients", text, "")))
    want_labels, have_labels = _labels(expected.get("body", [])), _labels(g.get("body", []))
    matched = sum(b.size for b in SequenceMatcher(None, want_labels, have_labels, autojunk=False)
                  .get_matching_blocks())
    t.expected["labels"] += len(want_labels)
    t.hits["labels"] += matched
    if matched < len(want_labels):
        t.misses.append((name, Miss("labels", " ".join(want_labels), " ".join(have_labels))))
    for claim in _get(g, "provenance", "missing") or []:
        if claim.get("reason") in ("lost", "notPrinted") and _pointer_holds(expected, claim.get("field", "")):
            t.false_missing += 1
            t.misses.append((name, Miss("falseMissing", claim["field"], claim.get("reason", ""))))
    return t


def score_record(name: str, got: dict | None, expected: dict) -> Tally:
    """A record (a document or a bundle): documents paired in order; a document the reader did not
    return scores nothing."""
    want = expected.get("documents", [expected])
    have = [] if got is None else got.get("documents", [got])
    total = Tally(records=1, failed=int(got is None))
    for i, doc in enumerate(want):
        total.add(score_document(name if len(want) == 1 else f"{name}#{i}", have[i] if i < len(have) else None,
                                 doc))
    return total

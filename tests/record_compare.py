"""Field-by-field comparison of a converted record with a curated one, by field family.

The families are those a reader checks: the header, the references (parent, references,
abbreviations), the labels and structure of the body, the agencies and timeframes (with
deadlines, targets and reporting duties), the recipients (with addressees) and the signature.
Each family is a set of facts ``(JSON Pointer, value)``; the score of a family is the share of
facts that both records hold among all facts either holds (extra facts count against it).
Source spans are not compared, nor provenance.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

FAMILIES = ("header", "references", "labels", "agencies", "recipients", "signature")
_HEADER = ("documentType", "number", "issueDate", "place", "issuer", "title", "profile")
_BLOCK_LABELS = ("label", "printedLabel", "role", "heading", "text", "cites")
_BLOCK_DUTIES = ("agencies", "partners", "timeframe", "deadlines", "targets", "reporting")


def _flatten(value: Any, pointer: str, out: set[tuple[str, str]]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "source":
                continue
            _flatten(v, f"{pointer}/{k}", out)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _flatten(v, f"{pointer}/{i}", out)
    else:  # a code is compared by its value, whether a codelist member or the string read from a file
        out.add((pointer, repr(str(value) if isinstance(value, str) else value)))


def facts(doc: dict) -> dict[str, set[tuple[str, str]]]:
    fam: dict[str, set[tuple[str, str]]] = {f: set() for f in FAMILIES}
    for key in _HEADER:
        if key in doc:
            _flatten(doc[key], f"/{key}", fam["header"])
    for key in ("parent", "references", "abbreviations"):
        if key in doc:
            _flatten(doc[key], f"/{key}", fam["references"])

    def walk(blocks: list[dict], pointer: str) -> None:
        for i, b in enumerate(blocks):
            here = f"{pointer}/{i}"
            for k in _BLOCK_LABELS:
                if k in b:
                    _flatten(b[k], f"{here}/{k}", fam["labels"])
            fam["labels"].add((here, "block"))
            for k in _BLOCK_DUTIES:
                if k in b:
                    _flatten(b[k], f"{here}/{k}", fam["agencies"])
            walk(b.get("children", []), f"{here}/children")

    walk(doc.get("body", []), "/body")
    for key in ("addressees", "recipients"):
        if key in doc:
            _flatten(doc[key], f"/{key}", fam["recipients"])
    if "signature" in doc:
        _flatten(doc["signature"], "/signature", fam["signature"])
    return fam


@dataclass
class FamilyScore:
    family: str
    matched: int
    expected: int
    got: int

    @property
    def score(self) -> float:
        union = self.expected + self.got - self.matched
        return 1.0 if union == 0 else self.matched / union


def compare(got: dict, expected: dict) -> dict[str, FamilyScore]:
    g, e = facts(got), facts(expected)
    return {f: FamilyScore(f, len(g[f] & e[f]), len(e[f]), len(g[f])) for f in FAMILIES}


def differences(got: dict, expected: dict, family: str) -> tuple[list, list]:
    g, e = facts(got)[family], facts(expected)[family]
    return sorted(e - g), sorted(g - e)

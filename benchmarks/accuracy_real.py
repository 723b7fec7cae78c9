"""Strict reading accuracy on real public documents, against facts keyed by hand.

The texts are third-party and never committed: they live in a git-ignored folder
(``benchmarks/accuracy/texts/<id>.txt`` by default). The committed keys
(``benchmarks/accuracy/real-*.json``) record, for each document, where it was found (address and the
query that finds it again) and the facts read from it by hand. A fact counts only when the reader puts
it in its own field; a fact the key has as not visible (null) is not scored.

    python benchmarks/accuracy_real.py [--texts DIR] [--show-misses]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import khth

HERE = Path(__file__).resolve().parent
KEYS = sorted((HERE / "accuracy").glob("real-*.json"))
TEXTS = HERE / "accuracy" / "texts"
FALSE_CLAIMS = {"lost", "notPrinted"}
# the key's flat fact names and the record fields a reader must fill for each
FIELD_OF = {"number": "/number", "issueDate": "/issueDate", "issuer": "/issuer/name", "title": "/title",
            "place": "/place", "signer": "/signature/name", "parent": "/parent"}


def _norm(value: Any) -> str | None:
    if value is None:
        return None
    text = unicodedata.normalize("NFC", str(value))
    text = re.sub(r"\s*([-–/])\s*", r"\1", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


_VV = re.compile(r"^v/v\.?\s*")


@dataclass
class Score:
    right: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, what: str) -> None:
        self.total += 1
        self.right += ok
        if not ok:
            self.misses.append(what)

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else float("nan")


def _pick(record: khth.Record, key: dict[str, Any]) -> dict[str, Any]:
    """The document of a bundle that the key describes: by number, else the first."""
    want = _norm(key.get("number"))
    for doc in record.documents:
        if want and _norm(doc.get("number", {}).get("printed")) == want:
            return doc
    return record.documents[0]


def _ref_facts(ref: dict[str, Any] | None) -> tuple[str | None, str | None]:
    if not ref:
        return None, None
    return _norm(ref.get("number", {}).get("printed")), ref.get("issueDate")


def score_document(key: dict[str, Any], doc: dict[str, Any] | None, scores: dict[str, Score]) -> None:
    name = key["id"]
    got = {
        "number": _norm((doc or {}).get("number", {}).get("printed")),
        "issueDate": (doc or {}).get("issueDate"),
        "issuer": _norm((doc or {}).get("issuer", {}).get("name")),
        "title": _norm((doc or {}).get("title")),
        "place": _norm((doc or {}).get("place")),
        "signer": _norm((doc or {}).get("signature", {}).get("name")),
    }
    for fact in ("number", "issueDate", "issuer", "title", "place", "signer"):
        want = key.get(fact)
        if want is None:
            if fact in key and doc is not None:  # keyed as not printed: reading one is a false fact
                scores["stated where none"].add(got[fact] is None, f"{name}: {fact} {got[fact]!r} stated, "
                                                                   "none in the text")
            continue
        want = want if fact == "issueDate" else _norm(want)
        if fact == "title":  # a công văn's title is its subject after "V/v" (SPEC, Document.title)
            want = _VV.sub("", want)
        scores[fact].add(got[fact] == want, f"{name}: {fact} {got[fact]!r} ≠ {want!r}")
    parent = key.get("parent")
    if parent is None and "parent" in key and doc is not None:
        # A plan that implements nothing visible: stating a parent would be a false fact.
        stated, _ = _ref_facts(doc.get("parent"))
        scores["parent where none"].add(stated is None, f"{name}: parent {stated!r} stated, none in the text")
    if parent:
        number, day = _ref_facts((doc or {}).get("parent"))
        if parent.get("number"):
            scores["parent.number"].add(number == _norm(parent["number"]),
                                        f"{name}: parent {number!r} ≠ {parent['number']!r}")
        if parent.get("date"):
            scores["parent.date"].add(day == parent["date"], f"{name}: parent date {day!r} ≠ {parent['date']!r}")
    cited = [_ref_facts(r) for r in (doc or {}).get("references", [])] + [_ref_facts((doc or {}).get("parent"))]
    for ref in key.get("references") or []:
        number = _norm(ref.get("number"))
        match = [d for n, d in cited if n == number]
        scores["references.number"].add(bool(match), f"{name}: reference {ref.get('number')!r} not read")
        if ref.get("date"):
            scores["references.date"].add(ref["date"] in match, f"{name}: reference {ref.get('number')!r} "
                                                                 f"date {ref['date']} not read")
    if doc is not None:
        for missing in doc.get("provenance", {}).get("missing", []):
            fact = next((f for f, p in FIELD_OF.items() if missing["field"].startswith(p)), None)
            if missing["reason"] in FALSE_CLAIMS and fact and key.get(fact) is not None:
                scores["false lost/notPrinted"].add(False, f"{name}: {missing['field']} claimed "
                                                           f"{missing['reason']} but printed")


GROUPS = ("all", "Party", "State", "from 2025-07-01")


def _groups_of(key: dict[str, Any]) -> list[str]:
    groups = ["all", "Party" if key.get("system") == "party" else "State"]
    if key.get("after_2025_reform"):
        groups.append("from 2025-07-01")
    return groups


def measure(texts: Path) -> tuple[dict[str, dict[str, Score]], dict[str, int]]:
    """Scores by group (all, Party, State, dated from the 2025 reform), and documents per group."""
    groups: dict[str, dict[str, Score]] = {g: defaultdict(Score) for g in GROUPS}
    counts = dict.fromkeys(GROUPS, 0)
    keyed = [entry for path in KEYS for entry in json.loads(path.read_text(encoding="utf-8"))]
    absent = 0
    for key in keyed:
        path = texts / f"{key['id']}.txt"
        if not path.exists():
            absent += 1
            continue
        scores: dict[str, Score] = defaultdict(Score)
        try:
            doc = _pick(khth.convert(path, check=False), key)
            scores["documents read"].add(True, "")
        except khth.InputError as exc:
            doc = None
            scores["documents read"].add(False, f"{key['id']}: refused: {exc.en}")
        score_document(key, doc, scores)
        for g in _groups_of(key):
            counts[g] += 1
            for name, one in scores.items():
                into = groups[g][name]
                into.right += one.right
                into.total += one.total
                into.misses += one.misses
    if absent:
        print(f"{absent} of {len(keyed)} keyed texts are not in {texts}: fetch them again from the addresses "
              "in the key", file=sys.stderr)
    return groups, counts


_NOT_FACTS = ("documents read", "false lost/notPrinted", "parent where none", "stated where none")


def report(groups: dict[str, dict[str, Score]], counts: dict[str, int], show_misses: bool) -> str:
    names = list(dict.fromkeys(n for g in GROUPS for n in groups[g]))
    head = "".join(f" {g + f' ({counts[g]})':>22}" for g in GROUPS)
    lines = [f"{'field':24}{head}"]
    strict = {g: Score() for g in GROUPS}
    for name in names:
        row = ""
        for g in GROUPS:
            s = groups[g].get(name) or Score()
            row += f" {f'{s.right}/{s.total} {s.share:6.1%}' if s.total else '—':>22}"
            if name not in _NOT_FACTS:
                strict[g].right += s.right
                strict[g].total += s.total
        lines.append(f"{name:24}{row}")
    lines.append(f"{'all facts':24}" + "".join(
        f" {f'{strict[g].right}/{strict[g].total} {strict[g].share:6.1%}':>22}" for g in GROUPS))
    if show_misses:
        lines += ["", "misses:"] + [f"  {m}" for s in groups["all"].values() for m in s.misses]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path, default=TEXTS)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    print(report(*measure(args.texts), args.show_misses))


if __name__ == "__main__":
    main()

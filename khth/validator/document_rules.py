"""Rules on one record: numbers, types, dates, labels, citations, completeness.

Each check yields ``(code, pointer, params)``; the engine turns them into findings. The checks
assume a schema-valid record (the engine runs them only then).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from datetime import date
from typing import Any

import orjson

from khth.schema.identifiers import make_identifier, parse_number
from khth.schema.profiles import profile_gaps

Hit = tuple[str, str, dict[str, Any]]

_PARTS = ("system", "serial", "year", "typeCode", "issuerCode", "unitCode")
_TYPE_NAMES_BY_CODE = {"QĐi": {"QĐi"}, "QĐ": {"QĐ", "QyĐ"}, "CV": {"CV"}}
DISTRICT_END = "2025-07-01"


def _refs(doc: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    out = [("/parent", doc["parent"])] if "parent" in doc else []
    return out + [(f"/references/{i}", r) for i, r in enumerate(doc.get("references", []))]


# --- identifiers and numbers ---------------------------------------------------------------------

# Identifiers and numbers depend only on a few strings, and citations repeat across a corpus
# (the root directive, the laws, the parent): each is derived once per process.
_identifier = lru_cache(maxsize=16384)(make_identifier)


def _document_identifier(doc: dict[str, Any]) -> str:
    """``identifiers.document_identifier``, cached."""
    issuer = doc.get("issuer") or {}
    number = (doc.get("number") or {}).get("printed")
    return _identifier(doc["documentType"], number, doc.get("issueDate"), issuer.get("actingBody") or
                       issuer.get("name"), doc.get("title"))


def _reference_identifier(ref: dict[str, Any]) -> str:
    """``identifiers.reference_identifier``, cached."""
    number = (ref.get("number") or {}).get("printed")
    return _identifier(ref["documentType"], number, ref.get("issueDate"), ref.get("issuer"), ref.get("title"))


@lru_cache(maxsize=16384)
def _parsed_number(printed: str) -> tuple[Any, dict[str, Any]] | None:
    parsed = parse_number(printed)
    return None if parsed is None else (parsed, parsed.as_json())


def check_identifiers(doc: dict[str, Any], base: str) -> Iterator[Hit]:
    expected = _document_identifier(doc)
    if doc["id"] != expected:
        yield "document.id", f"{base}/id", {"actual": doc["id"], "expected": expected}
    for where, ref in _refs(doc):
        expected = _reference_identifier(ref)
        if ref["id"] != expected:
            yield "document.id", f"{base}{where}/id", {"actual": ref["id"], "expected": expected}


def _number_hits(number: dict[str, Any], doc_type: str, where: str) -> Iterator[Hit]:
    printed = number["printed"]
    known = _parsed_number(printed)
    if known is None:
        system = number.get("system")
        expected = {"party": "Đảng (N-LOẠI/CƠ QUAN)", "state": "Nhà nước (N/LOẠI-CƠ QUAN)"}.get(
            system, "Đảng hay Nhà nước")
        yield "document.number-grammar", f"{where}/printed", {"number": printed, "expected": expected}
        return
    parsed, parts = known
    for field in _PARTS:
        if number.get(field) != parts.get(field):
            code = "document.number-grammar" if field == "system" else "document.number-parts"
            params = {"number": printed, "expected": parts.get(field, "—")} if field == "system" else {
                "field": field, "number": printed, "actual": number.get(field, "—"),
                "expected": parts.get(field, "—")}
            yield code, f"{where}/{field}", params
    code = parsed.type_code
    if code is not None:
        allowed = _TYPE_NAMES_BY_CODE.get(code, {code})
        if doc_type not in allowed:
            yield "document.type-code", f"{where}/typeCode", {"number": printed, "type_code": code, "doc_type": doc_type}
    elif parsed.issuer_code and re.fullmatch(r"QH\d{2}", parsed.issuer_code):
        if doc_type not in ("L", "NQ"):
            yield "document.type-code", f"{where}/printed", {"number": printed, "type_code": "L/NQ", "doc_type": doc_type}
    elif doc_type != "CV":
        yield "document.type-code", f"{where}/printed", {"number": printed, "type_code": "CV", "doc_type": doc_type}


def check_numbers(doc: dict[str, Any], base: str) -> Iterator[Hit]:
    if "number" in doc:
        yield from _number_hits(doc["number"], doc["documentType"], f"{base}/number")
    for where, ref in _refs(doc):
        if "number" in ref:
            yield from _number_hits(ref["number"], ref["documentType"], f"{base}{where}/number")


# --- dates ---------------------------------------------------------------------------------------

@lru_cache(maxsize=16384)  # dates repeat across blocks and records
def _real(value: str) -> bool:
    """Whether an ISO date of any precision (or --MM-DD) exists in the calendar."""
    try:
        if value.startswith("--"):
            date(2024, int(value[2:4]), int(value[5:7]))  # a leap year, so --02-29 is allowed
        elif len(value) >= 10:
            date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


def _header_dates(doc: dict[str, Any], base: str) -> Iterator[tuple[str, str]]:
    if "issueDate" in doc:
        yield f"{base}/issueDate", doc["issueDate"]
    for where, ref in _refs(doc):
        if "issueDate" in ref:
            yield f"{base}{where}/issueDate", ref["issueDate"]
    if "signedAt" in doc.get("signature", {}):
        yield f"{base}/signature/signedAt", doc["signature"]["signedAt"][:10]


def _block_dates(block: dict[str, Any], pointer: str) -> Iterator[tuple[str, str]]:
    tf = block.get("timeframe")
    if tf:
        for key in ("start", "end", "deadline"):
            if key in tf:
                yield f"{pointer}/timeframe/{key}", tf[key]
    for i, d in enumerate(block.get("deadlines", ())):
        yield f"{pointer}/deadlines/{i}/date", d["date"]
    if "deadline" in block.get("reporting", ()):
        yield f"{pointer}/reporting/deadline", block["reporting"]["deadline"]


def _after(a: str, b: str) -> bool:
    """Whether date ``a`` is certainly after ``b`` at the precision both give."""
    n = min(len(a), len(b))
    return a[:n] > b[:n]


def check_dates(doc: dict[str, Any], base: str, today: str) -> Iterator[Hit]:
    for pointer, value in _header_dates(doc, base):
        if not _real(value):
            yield "document.date-invalid", pointer, {"date": value}
    for pointer in (f"{base}/issueDate", f"{base}/signature/signedAt"):
        value = doc.get("issueDate") if pointer.endswith("issueDate") else doc.get("signature", {}).get("signedAt")
        if value and _real(value) and _after(value[:10], today):
            yield "document.date-future", pointer, {"date": value[:10], "today": today}
    issued = doc.get("issueDate")
    for where, ref in _refs(doc):
        cited = ref.get("issueDate")
        if not cited or not _real(cited):
            continue
        if _after(cited, today):
            yield "document.date-future", f"{base}{where}/issueDate", {"date": cited, "today": today}
        elif issued and _real(issued) and _after(cited, issued):
            label = ref.get("number", {}).get("printed") or ref.get("title") or ref["id"]
            yield "document.citation-after-document", f"{base}{where}/issueDate", {
                "cited": label, "cited_date": cited, "date": issued}


# --- labels ------------------------------------------------------------------------------------------

_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]
_LETTERS = list("abcd") + ["đ"] + list("eghiklmnopqrstuvxy")
_LABEL = re.compile(r"^(?P<body>[IVX]+|\d+(?:\.\d+)*|[a-zđ])(?P<sep>[.)\-:]*)$")


@lru_cache(maxsize=4096)  # labels repeat ("-", "1.", "a)"): parse each form once
def _label_kind(label: str) -> tuple[str, tuple[int, ...] | int] | None:
    """('roman'|'decimal'|'letter', position) for a sequencing label; None for bullets and others."""
    m = _LABEL.match(label.strip())
    if not m:
        return None
    body = m["body"]
    if body in _ROMAN:
        return "roman", _ROMAN.index(body) + 1
    if body[0].isdigit():
        return "decimal", tuple(int(p) for p in body.split("."))
    if body in _LETTERS:
        return "letter", _LETTERS.index(body) + 1
    return None


Position = tuple[int, ...] | int  # decimal labels are tuples (1, 2) for "1.2."; others an index


def _display(kind: str, pos: Position) -> str:
    if isinstance(pos, tuple):
        return ".".join(map(str, pos))
    table = _ROMAN if kind == "roman" else _LETTERS
    return table[pos - 1] if 0 < pos <= len(table) else str(pos)


def _next(pos: Position) -> Position:
    return pos[:-1] + (pos[-1] + 1,) if isinstance(pos, tuple) else pos + 1


def _first(pos: Position) -> Position:
    return pos[:-1] + (1,) if isinstance(pos, tuple) else 1


_LABELS: dict[str, tuple[str, Position, tuple[str, int]] | None] = {}  # label → (style, position, sequence)


def _label_info(label: str) -> tuple[str, Position, tuple[str, int]] | None:
    """``_label_kind`` and the sequence a label belongs to (per style and decimal depth), once per label."""
    try:
        return _LABELS[label]
    except KeyError:
        kind = _label_kind(label)
        info = None if kind is None else (kind[0], kind[1], (kind[0], len(kind[1]) if isinstance(kind[1], tuple)
                                                             else 0))
        if len(_LABELS) < 8192:
            _LABELS[label] = info
        return info


# Lists of blocks repeat their labels from record to record ("1.1.", "1.2.", "-", "-"): the
# verdict on a sequence of labels under a parent is worked out once, and only pointers are built.
_SIBLINGS: dict[tuple[tuple[Any, ...], tuple[int, ...] | None], tuple[tuple[int, str, dict[str, Any]], ...]] = {}


def _sibling_hits(blocks: list[dict[str, Any]], pointer: str, parent: tuple[int, ...] | None,
                  hits: list[Hit]) -> None:
    """Label sequences and parents of one list of blocks, appended to ``hits``."""
    key = (tuple([block.get("label") for block in blocks]), parent)
    verdict = _SIBLINGS.get(key)
    if verdict is None:
        verdict = _label_verdict(*key)
        if len(_SIBLINGS) < 16384:
            _SIBLINGS[key] = verdict
    for i, code, params in verdict:
        hits.append((code, f"{pointer}/{i}/label", dict(params)))


def _label_verdict(labels: tuple[Any, ...], parent: tuple[int, ...] | None) -> tuple[tuple[int, str, dict[str, Any]], ...]:
    """(index, code, params) of each label out of sequence or under the wrong parent."""
    out: list[tuple[int, str, dict[str, Any]]] = []
    previous: dict[tuple[str, int], tuple[Position, str]] = {}  # per style (and decimal depth)
    misplaced: set[tuple[int, ...]] = set()  # a run of sub-labels under the wrong parent is reported once
    for i, label in enumerate(labels):
        info = _label_info(label) if label else None
        if info is None:
            continue
        style, pos, key = info
        decimal = isinstance(pos, tuple)
        if decimal and len(pos) > 1 and parent is not None and pos[:-1] != parent:  # type: ignore[arg-type]
            if pos[:-1] not in misplaced:  # type: ignore[index]
                misplaced.add(pos[:-1])  # type: ignore[index]
                out.append((i, "document.label-parent", {"label": label, "parent": ".".join(map(str, parent))}))
        last = previous.get(key)
        if last is not None:
            expected = _next(last[0])
            # the prefix of a decimal label is label-parent's business; here only the last number counts
            in_order = pos == expected or (decimal and pos[-1] == expected[-1])  # type: ignore[index]
            if not in_order:
                out.append((i, "document.label-order", {"label": label, "previous": last[1],
                                                        "expected": _display(style, expected)}))
        elif (pos[-1] if decimal else pos) != 1:  # type: ignore[index]
            out.append((i, "document.label-order", {"label": label, "previous": "—",
                                                    "expected": _display(style, _first(pos))}))
        previous[key] = (pos, label)
    return tuple(out)


def check_body(doc: dict[str, Any], base: str) -> Iterator[Hit]:
    """Every rule on blocks, in one walk of the body: label sequences, block dates, citations that
    resolve within the record, agencies of agency lines. Pointers are built only for hits."""
    known = {r["id"] for _, r in _refs(doc)}
    hits: list[Hit] = []  # one list down the walk: cheaper than a generator per level

    def visit(blocks: list[dict[str, Any]], pointer: str, parent: tuple[int, ...] | None) -> None:
        _sibling_hits(blocks, pointer, parent, hits)
        for i, block in enumerate(blocks):
            if "timeframe" in block or "deadlines" in block or "reporting" in block:
                for where, value in _block_dates(block, f"{pointer}/{i}"):
                    if not _real(value):
                        hits.append(("document.date-invalid", where, {"date": value}))
            cites = block.get("cites")
            if cites and not known.issuperset(cites):
                for j, target in enumerate(cites):
                    if target not in known:
                        hits.append(("document.unknown-citation", f"{pointer}/{i}/cites/{j}", {"target": target}))
            if block.get("role") in _AGENCY_ROLES and not block.get("agencies"):
                hits.append(("document.agencies-missing", f"{pointer}/{i}", {"role": block["role"]}))
            children = block.get("children")
            if children:
                label = block.get("label")
                info = _label_info(label) if label else None
                number = info[1] if info and info[0] == "decimal" else None
                visit(children, f"{pointer}/{i}/children", number)  # type: ignore[arg-type]

    visit(doc.get("body", []), f"{base}/body", None)
    yield from hits


def check_citations(doc: dict[str, Any], base: str) -> Iterator[Hit]:
    refs = _refs(doc)
    known = {r["id"] for _, r in refs}
    if "relation" in doc.get("parent", {}):
        yield "document.parent-relation", f"{base}/parent/relation", {"relation": doc["parent"]["relation"]}
    seen: set[str] = set()
    for where, ref in refs:
        if ref["id"] in seen:
            yield "document.duplicate-reference", f"{base}{where}", {"target": ref["id"]}
        seen.add(ref["id"])
    for i, abbr in enumerate(doc.get("abbreviations", [])):
        if "refersTo" in abbr and abbr["refersTo"] not in known:
            where = f"{base}/abbreviations/{i}/refersTo"
            yield "document.unknown-citation", where, {"target": abbr["refersTo"]}


_AGENCY_ROLES = {"leadAgencies", "implementingAgencies", "coordinatingAgencies", "assignment"}


def check_completeness(doc: dict[str, Any], base: str) -> Iterator[Hit]:
    if doc["profile"] == "citation":
        return
    explained = {m["field"] for m in doc.get("provenance", {}).get("missing", [])}
    if doc["profile"] == "published" and "recipients" not in doc:
        yield "document.recipients-missing", f"{base}/recipients" if base else "/", {}
    sig = doc.get("signature")
    if sig is not None:
        for key, vi, en in (("name", "họ tên người ký", "the signer's name"), ("position", "chức vụ", "the position")):
            if key not in sig and f"/signature/{key}" not in explained:
                yield "document.signature-incomplete", f"{base}/signature", {"what": vi, "what_en": en}
    level, issued = doc.get("issuer", {}).get("level"), doc.get("issueDate")
    if level == "district" and issued and issued[:10] >= DISTRICT_END:
        yield "document.district-abolished", f"{base}/issuer/level", {"date": issued}


def check_profile(doc: dict[str, Any], base: str) -> Iterator[Hit]:
    what = {"absent": ("vắng", "is absent"), "partial-date": ("là ngày chưa đầy đủ", "is a partial date")}
    for gap in profile_gaps(doc):
        if gap.problem == "listed-but-present":
            yield "profile.missing-but-present", f"{base}{gap.pointer}", {}
        else:
            vi, en = what[gap.problem]
            yield "profile.unexplained-gap", f"{base}{gap.pointer}", {"what": vi, "what_en": en}


def check_text(doc: dict[str, Any], base: str, raw: bytes | None = None,
               compact: bytes | None = None) -> Iterator[Hit]:
    inferred = [f["field"] for f in doc.get("provenance", {}).get("inferred", [])]
    if inferred:
        shown = ", ".join(inferred[:5]) + (", …" if len(inferred) > 5 else "")
        yield "document.inferred-facts", f"{base}/provenance/inferred", {"count": len(inferred), "fields": shown}
    not_found = [f["field"] for f in doc.get("provenance", {}).get("missing", []) if f.get("reason") == "notFound"]
    if not_found:
        shown = ", ".join(not_found[:5]) + (", …" if len(not_found) > 5 else "")
        yield "document.facts-not-found", f"{base}/provenance/missing", {"count": len(not_found), "fields": shown}
    # A file without any double space or tab cannot hold one in a string; and compact JSON has no
    # white space between tokens, so a double space or tab in it stands in a string. Either search
    # spares walking every string of a clean record.
    if compact is None:
        if raw is not None and b"  " not in raw and b"\t" not in raw and b"\\t" not in raw:
            return
        compact = orjson.dumps(doc)
    if b"  " not in compact and b"\\t" not in compact:
        return

    def strings(node: Any, pointer: str) -> Iterator[tuple[str, str]]:
        if isinstance(node, str):
            yield pointer, node
        elif isinstance(node, dict):
            for k, v in node.items():
                if k != "printedText":  # the OCR layer is kept exactly as received
                    yield from strings(v, f"{pointer}/{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                yield from strings(v, f"{pointer}/{i}")

    for pointer, value in strings(doc, base):
        if "  " in value or "\t" in value:
            yield "document.whitespace", pointer, {}


def check_document(doc: dict[str, Any], base: str, today: str, raw: bytes | None = None,
                   compact: bytes | None = None) -> list[Hit]:
    """Every document rule on one schema-valid record. ``raw``, the file's bytes when known, or
    ``compact``, the record serialised without white space between tokens (keys in any order),
    lets the white-space rule skip clean records at once."""
    hits: list[Hit] = []
    for check in (check_identifiers, check_numbers, check_citations, check_body, check_completeness,
                  check_profile):
        hits.extend(check(doc, base))
    hits.extend(check_text(doc, base, raw, compact))
    hits.extend(check_dates(doc, base, today))
    return hits

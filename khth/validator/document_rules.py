"""Rules on one record: numbers, types, dates, labels, citations, completeness.

Each check yields ``(code, pointer, params)``; the engine turns them into findings. The checks
assume a schema-valid record (the engine runs them only then).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from itertools import repeat
from datetime import date
from typing import Any

import orjson

from khth.schema.grammar import (
    LabelKind, first_ordinal, is_national_assembly, next_ordinal, ordinal_text, parse_label,
)
from khth.schema.catalogue import Text
from khth.schema.codelists import (DISTRICT_LEVEL_END, BlockRole, DocumentType, Level, MissingReason, Profile,
                                   System)
from khth.schema.identifiers import make_identifier, parse_number
from khth.schema.profiles import profile_gaps

from .registry import checks

Hit = tuple[str, str, dict[str, Any]]

_PARTS = ("system", "serial", "year", "typeCode", "issuerCode", "unitCode")
_TYPE_NAMES_BY_CODE = {DocumentType.QDI: {DocumentType.QDI}, DocumentType.QD: {DocumentType.QD, DocumentType.QYD},
                       DocumentType.CV: {DocumentType.CV}}
DISTRICT_END = DISTRICT_LEVEL_END


_GRAMMARS = {System.PARTY: Text("Đảng (N-LOẠI/CƠ QUAN)", "Party (N-TYPE/ISSUER)"),
             System.STATE: Text("Nhà nước (N/LOẠI-CƠ QUAN)", "State (N/TYPE-ISSUER)")}
_EITHER_GRAMMAR = Text("Đảng hay Nhà nước", "Party or State")
_SIGNATURE_PARTS = {"name": Text("họ tên người ký", "the signer's name"), "position": Text("chức vụ", "the position")}
_GAP_WORDS = {"absent": Text("vắng", "is absent"), "partial-date": Text("là ngày chưa đầy đủ", "is a partial date")}


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


@checks("document.id")
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
        expected = _GRAMMARS.get(system, _EITHER_GRAMMAR)
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
    elif is_national_assembly(parsed.issuer_code):
        if doc_type not in (DocumentType.L, DocumentType.NQ):
            yield "document.type-code", f"{where}/printed", {"number": printed, "type_code": "L/NQ", "doc_type": doc_type}
    elif doc_type != DocumentType.CV:
        yield "document.type-code", f"{where}/printed", {"number": printed, "type_code": DocumentType.CV,
                                                          "doc_type": doc_type}


@checks("document.number-grammar", "document.number-parts", "document.type-code")
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


@checks("document.date-invalid", "document.date-future", "document.citation-after-document")
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

@lru_cache(maxsize=8192)  # labels repeat ("-", "1.", "a)"): parse each form once
def _label_info(label: str) -> tuple[LabelKind, tuple[int, ...], tuple[LabelKind, int]] | None:
    """The kind of a sequencing label, its position, and the sequence it belongs to (per kind and
    decimal depth); None for bullets and what is no label."""
    parsed = parse_label(label)
    if parsed is None or parsed.kind is LabelKind.BULLET:
        return None
    pos = parsed.ordinal
    return parsed.kind, pos, (parsed.kind, len(pos) if parsed.kind is LabelKind.DECIMAL else 0)


_LABEL_KEY = repeat("label")
# Keys of a block that some rule of the walk reads beyond its role and children: most blocks
# have none, and one set operation skips them.
_DATED_OR_CITING = frozenset(("timeframe", "deadlines", "reporting", "cites"))

# Lists of blocks repeat their labels from record to record ("1.1.", "1.2.", "-", "-"): the
# verdict on a sequence of labels under a parent is worked out once, and only pointers are built.
_SIBLINGS: dict[tuple[tuple[Any, ...], tuple[int, ...] | None], tuple[tuple[int, str, dict[str, Any]], ...]] = {}


def _sibling_hits(blocks: list[dict[str, Any]], pointer: str, parent: tuple[int, ...] | None,
                  hits: list[Hit]) -> None:
    """Label sequences and parents of one list of blocks, appended to ``hits``."""
    key = (tuple(map(dict.get, blocks, _LABEL_KEY)), parent)
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
    previous: dict[tuple[LabelKind, int], tuple[tuple[int, ...], str]] = {}  # per kind (and decimal depth)
    misplaced: set[tuple[int, ...]] = set()  # a run of sub-labels under the wrong parent is reported once
    for i, label in enumerate(labels):
        info = _label_info(label) if label else None
        if info is None:
            continue  # bullets do not count
        kind, pos, key = info
        if kind is LabelKind.DECIMAL and len(pos) > 1 and parent is not None and pos[:-1] != parent:
            if pos[:-1] not in misplaced:
                misplaced.add(pos[:-1])
                out.append((i, "document.label-parent", {"label": label, "parent": ".".join(map(str, parent))}))
        last = previous.get(key)
        if last is not None:
            expected = next_ordinal(last[0])
            # the prefix of a decimal label is label-parent's business; here only the last number counts
            if pos[-1] != expected[-1]:
                out.append((i, "document.label-order", {"label": label, "previous": last[1],
                                                        "expected": ordinal_text(kind, expected)}))
        elif pos[-1] != 1:
            out.append((i, "document.label-order", {"label": label, "previous": "—",
                                                    "expected": ordinal_text(kind, first_ordinal(pos))}))
        previous[key] = (pos, label)
    return tuple(out)


@checks("document.label-order", "document.label-parent", "document.agencies-missing",
        shares=("document.date-invalid", "document.unknown-citation"))
def check_body(doc: dict[str, Any], base: str) -> Iterator[Hit]:
    """Every rule on blocks, in one walk of the body: label sequences, block dates, citations that
    resolve within the record, agencies of agency lines. Pointers are built only for hits."""
    known = {r["id"] for _, r in _refs(doc)}
    hits: list[Hit] = []  # one list down the walk: cheaper than a generator per level

    def visit(blocks: list[dict[str, Any]], pointer: str, parent: tuple[int, ...] | None) -> None:
        _sibling_hits(blocks, pointer, parent, hits)
        for i, block in enumerate(blocks):
            if not _DATED_OR_CITING.isdisjoint(block):
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
                number = info[1] if info and info[0] is LabelKind.DECIMAL else None
                visit(children, f"{pointer}/{i}/children", number)  # type: ignore[arg-type]

    visit(doc.get("body", []), f"{base}/body", None)
    yield from hits


@checks("document.parent-relation", "document.duplicate-reference", "document.unknown-citation")
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


# plain strings: a record's roles are plain strings, and a set of them is searched a little faster
_AGENCY_ROLES = frozenset(str(r.value) for r in (BlockRole.LEAD_AGENCIES, BlockRole.IMPLEMENTING_AGENCIES,
                                                 BlockRole.COORDINATING_AGENCIES, BlockRole.ASSIGNMENT))


@checks("document.recipients-missing", "document.signature-incomplete", "document.district-abolished")
def check_completeness(doc: dict[str, Any], base: str) -> Iterator[Hit]:
    if doc["profile"] == Profile.CITATION:
        return
    explained = {m["field"] for m in doc.get("provenance", {}).get("missing", [])}
    if doc["profile"] == Profile.PUBLISHED and "recipients" not in doc:
        yield "document.recipients-missing", f"{base}/recipients" if base else "/", {}
    sig = doc.get("signature")
    if sig is not None:
        for key, what in _SIGNATURE_PARTS.items():
            if key not in sig and f"/signature/{key}" not in explained:
                yield "document.signature-incomplete", f"{base}/signature", {"what": what}
    level, issued = doc.get("issuer", {}).get("level"), doc.get("issueDate")
    if level == Level.DISTRICT and issued and issued[:10] >= DISTRICT_END:
        yield "document.district-abolished", f"{base}/issuer/level", {"date": issued}


@checks("profile.unexplained-gap", "profile.missing-but-present")
def check_profile(doc: dict[str, Any], base: str) -> Iterator[Hit]:
    for gap in profile_gaps(doc):
        if gap.problem == "listed-but-present":
            yield "profile.missing-but-present", f"{base}{gap.pointer}", {}
        else:
            yield "profile.unexplained-gap", f"{base}{gap.pointer}", {"what": _GAP_WORDS[gap.problem]}


@checks("document.inferred-facts", "document.facts-not-found", "document.whitespace")
def check_text(doc: dict[str, Any], base: str, raw: bytes | None = None,
               compact: bytes | None = None) -> Iterator[Hit]:
    inferred = [f["field"] for f in doc.get("provenance", {}).get("inferred", [])]
    if inferred:
        shown = ", ".join(inferred[:5]) + (", …" if len(inferred) > 5 else "")
        yield "document.inferred-facts", f"{base}/provenance/inferred", {"count": len(inferred), "fields": shown}
    not_found = [f["field"] for f in doc.get("provenance", {}).get("missing", [])
                 if f.get("reason") == MissingReason.NOT_FOUND]
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

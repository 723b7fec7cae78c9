"""Assemble KHTH records from the pieces the other modules read (the JSON form of SPEC §15).

Order of work for one document: header → addressees → body blocks and roles → citations,
parent and references → abbreviations and block citations → duties → signature and
recipients → issuer facts (system, level, acting body, administrative unit) → what is missing
or inferred → profile and identifier.
"""

from __future__ import annotations

import re
from functools import lru_cache

from khth.schema.identifiers import document_identifier, parse_number
from khth.schema.version import KHTH_VERSION

from . import gazetteer, ocr as ocr_mod
from .agencies import opens_body
from .body import add_duties, assign_roles, block_key, build_blocks, walk
from .common import Context, Para, clean, fold, reorder
from .header import Header, level_of, parse_header, system_of
from .layout import Joiner, Line, is_caps_line, join
from .recipients import KINH_GUI, NOI_NHAN, parse_items
from .references import Citation, Mentions, find_abbreviations, find_citations, parse_short, reference_record
from .signature import MARKER_RE, build as build_signature, is_post, looks_like_name, signed_at
from .tail import parse_tail


def convert_document(lines: list[Line], ctx: Context) -> dict:
    h = parse_header(lines, ctx.ocr)
    rest = lines[h.body_start:]
    inferred: list[dict] = []
    missing: list[dict] = []
    notes: list[str] = []

    # --- addressees ---------------------------------------------------------------------------
    addressees: list[dict] = []
    if rest and KINH_GUI.match(fold(rest[0].text)):
        head = rest[0].text
        inline = re.sub(r"^\S+\s+\S+\s*:?\s*", "", head).strip()
        items: list[str] = [inline] if inline else []
        j = 1
        while j < len(rest) and (rest[j].text.startswith(("-", "–", "+", "•")) or (inline and j == 1 and False)):
            items.append(rest[j].text)
            j += 1
        addressees = parse_items(items)
        rest = rest[j:]

    # --- body and tail ------------------------------------------------------------------------
    cut = _tail_start(rest)
    body_lines, tail_lines = rest[:cut], rest[cut:]
    paras = Joiner(body_lines).paragraphs(body_lines) if body_lines else []
    if paras and not h.found_anything and paras[0].text[:1].islower():
        paras = paras[1:]  # the end of a title whose beginning is lost: kept in provenance.missing
    blocks, order = build_blocks(paras, ctx)
    assign_roles(blocks, ctx)

    # --- citations ----------------------------------------------------------------------------
    title_para = None
    if h.title and h.title_start:
        title_para = Para(h.title, h.title_start, h.title_end or h.title_start,
                          offsets=[(0, h.title_start)])
        if not ctx.docx:
            title_para = _title_para(lines, h)
    sources = ([title_para] if title_para else []) + [p for _, p in order]
    cits: list[Citation] = []
    abbrs = []
    for p in sources:
        cits.extend(find_citations(p, ctx.ocr))
        abbrs.extend(find_abbreviations(p))
    for i, c in enumerate(cits):
        c.position = i
    parent_c, refs_c = _choose_parent(cits, order, title_para, ctx)
    parent = reference_record(parent_c, _span(ctx, parent_c)) if parent_c else None
    if parent and parent_c.number_restored:
        parent["_number_restored"] = True
    if parent:
        parent.pop("relation", None)
    references = []
    for c, rel in refs_c:
        r = reference_record(c, _span(ctx, c))
        r = {"id": r["id"], "relation": rel, **{k: v for k, v in r.items() if k != "id"}}
        if c.number_restored:
            r["_number_restored"] = True  # listed as inferred by the OCR step
        references.append(r)
    for i, (c, _) in enumerate(refs_c):
        _issuer_from_symbol(references[i], c, f"/references/{i}", inferred, ctx)
    all_refs = ([parent] if parent else []) + references

    # --- abbreviations ------------------------------------------------------------------------
    abbreviations = []
    for a in abbrs:
        code, nkey, serial = parse_short(a.abbreviation, ctx.ocr)
        target = None
        for r in all_refs:
            if "number" not in r:
                continue
            if nkey and fold(re.sub(r"\s", "", r["number"]["printed"])) == fold(nkey):
                target = r
            elif serial and code == r["documentType"] and str(r["number"].get("serial")) == serial:
                target = r
            if target:
                break
        entry = {"abbreviation": a.abbreviation, **({"refersTo": target["id"]} if target else {}), "printed": a.printed}
        abbreviations.append(entry)

    # --- block citations and duties -----------------------------------------------------------
    named = Mentions(all_refs, abbreviations)
    for b, p in order:
        said = " ".join(filter(None, [b.get("heading"), b.get("text")]))
        ids = named.find(block_key(b, said))
        if ids:
            b["cites"] = ids
    add_duties(blocks, ctx)

    # --- signature and recipients -------------------------------------------------------------
    tail = parse_tail(tail_lines, ctx)
    signature = tail.signature
    recipients = tail.recipients

    # --- the document ---------------------------------------------------------------------------
    doc: dict = {"khthVersion": KHTH_VERSION, "id": "", "profile": "published"}
    doc_type = h.document_type
    if doc_type is None and h.subject_vv:
        doc_type = "CV"
    if doc_type is None and h.number:
        parts = parse_number(h.number)
        if parts and parts.type_code:
            doc_type = parts.type_code
        elif parts and parts.system == "state":
            doc_type = "CV"
    preamble_text = " ".join(b.get("text", "") for b in blocks if b.get("role") == "preamble")
    if doc_type is None:
        m = re.search(r"ban h\w{1,2}nh (?P<t>k\w ho\w{1,2}ch|ch\w th\w|h\w{1,3}ng d\w{1,2}n|ch\w{1,3}ng tr\w{1,2}nh)",
                      fold(preamble_text))
        if m:
            from .header import TYPE_NAMES
            doc_type = TYPE_NAMES.get(re.sub(r"\s+", " ", m["t"])) or "KH"
            inferred.append({"field": "/documentType", "evidence": _evidence(preamble_text, m.start(), m.end()),
                             "note": "The type name under the lost header is not in the source; the text names the "
                                     "document it issues."})
    if doc_type is None:
        doc_type = "KH"
    doc["documentType"] = doc_type
    if h.number:
        parts = parse_number(h.number)
        doc["number"] = {**(parts.as_json() if parts else {}), "printed": h.number}
    if h.date:
        doc["issueDate"] = h.date
    if h.place:
        doc["place"] = h.place

    issuer = _issuer(h, blocks, preamble_text, tail, ctx, inferred, lines)
    if issuer:
        doc["issuer"] = issuer
    if h.title:
        doc["title"] = h.title
    if parent:
        doc["parent"] = parent
    if references:
        doc["references"] = references
    if abbreviations:
        doc["abbreviations"] = abbreviations
    if addressees:
        doc["addressees"] = addressees
    body = _strip(blocks, ctx)
    if body:
        doc["body"] = body
    if signature:
        doc["signature"] = signature
    if recipients:
        doc["recipients"] = recipients

    # --- OCR restoration ------------------------------------------------------------------------
    if ctx.ocr:
        printings = [clean(f"{c.printed} {c.title or ''}") for c in cits] + ([h.title] if h.title else [])
        ocr_mod.restore_document(doc, h, inferred, notes, lines, printings)
        iss = doc.get("issuer")
        if iss and "adminUnit" not in iss:
            unit = _unit_of_issuer(iss["name"], iss.get("superiorBody"), " ".join(ln.text for ln in lines))
            if unit:
                iss["adminUnit"] = unit.admin_unit()
                iss["level"] = unit.level
                reorder(iss, _ISSUER_FIELDS)
                inferred.append({"field": "/issuer/adminUnit", "evidence": h.issuer_raw or iss["name"],
                                 "note": f"GSO code of {unit.name} from the {gazetteer.SOURCE} {gazetteer.version()} "
                                         f"code list; the code is not printed."})

    # --- missing facts and profile --------------------------------------------------------------
    lost_header = not h.found_anything or (h.number is None and h.date is None and h.issuer is None)
    reason = "lost" if lost_header else None
    if "number" not in doc:
        missing.append({"field": "/number", "reason": reason or "notPrinted",
                        **({"note": "header lost"} if lost_header else {})})
    elif "serial" not in doc["number"]:
        missing.append({"field": "/number/serial", "reason": "blank",
                        "note": f"The number is printed \"{h.number_raw}\" with the serial left blank."})
    if "issueDate" not in doc:
        missing.append({"field": "/issueDate", "reason": reason or "notPrinted",
                        **({"note": "header lost"} if lost_header else {})})
    elif len(doc["issueDate"]) < 10:
        missing.append({"field": "/issueDate", "reason": "blank",
                        "note": f"The day is blank: printed \"{h.date_raw}\"; issueDate kept to the "
                                f"{'month' if len(doc['issueDate']) == 7 else 'year'}."})
    if "place" not in doc and lost_header:
        missing.append({"field": "/place", "reason": "lost", "note": "header lost"})
    if "title" not in doc:
        frag = _lost_title_fragment(lines, h)
        note = "header lost" + (f"; only the end of the title survives: \"{frag}\"" if frag else "")
        missing.append({"field": "/title", "reason": "lost" if lost_header else "notPrinted", "note": note})
        if frag:
            notes.append(f"The beginning of the source is lost: it starts inside the title (\"{frag}\").")
    if "issuer" not in doc:
        missing.append({"field": "/issuer", "reason": reason or "notPrinted"})
    if "parent" not in doc:
        missing.append({"field": "/parent", "reason": "notPrinted"})
    else:
        if "number" not in doc["parent"]:
            missing.append({"field": "/parent/number", "reason": "notPrinted"})
        if "issueDate" not in doc["parent"]:
            missing.append({"field": "/parent/issueDate", "reason": "notPrinted"})
    if "signature" not in doc:
        missing.append({"field": "/signature", "reason": "lost" if not tail_lines else "notPrinted"})
    elif "name" not in doc["signature"]:
        missing.append({"field": "/signature/name", "reason": "illegible" if ctx.ocr else "notPrinted"})
    for i, r in enumerate(references):
        if r["documentType"] == "L" and "issueDate" not in r:
            missing.append({"field": f"/references/{i}/issueDate", "reason": "notPrinted",
                            "note": f"{r.get('title', 'The law')} is cited by name only, without a year"})
    required_gap = any(m["field"] in ("/number", "/number/serial", "/issueDate", "/issuer", "/title", "/parent",
                                      "/parent/number", "/parent/issueDate", "/signature", "/signature/name")
                       for m in missing)
    doc["profile"] = "lenient" if required_gap else "published"
    if doc["profile"] == "published":
        missing = [m for m in missing if not m["field"].startswith("/references/")] + \
                  [m for m in missing if m["field"].startswith("/references/")]

    prov: dict = {}
    if ctx.source_file:
        prov["sourceFile"] = ctx.source_file
    prov["sourceFormat"] = ctx.source_format
    first = lines[0].num
    last = lines[-1].num
    prov["source"] = {"paragraph": first} if ctx.docx else {"startLine": first, "endLine": last}
    if ctx.ocr:
        prov["ocr"] = True
        prov["printedText"] = ctx.printed_text
    if missing:
        prov["missing"] = missing
    if inferred:
        prov["inferred"] = inferred
    all_notes = notes + [n for n in ctx.notes if _note_in(n, first, last)]
    if all_notes:
        prov["notes"] = all_notes
    doc["provenance"] = prov
    doc["id"] = document_identifier(doc)
    return doc


def _note_in(note: str, first: int, last: int) -> bool:
    m = re.match(r"Line (\d+)", note)
    return not m or first <= int(m.group(1)) <= last


def _evidence(text: str, a: int, b: int) -> str:
    start = max(0, text.rfind(",", 0, a) + 1, text.rfind(";", 0, a) + 1, text.rfind(".", 0, a) + 1)
    end = b
    m = re.search(r"[,;.]", text[b:])
    if m:
        end = b + m.start()
    return clean(text[start:end])


def _span(ctx: Context, c: Citation) -> dict:
    a, b = c.lines
    return ctx.span(a, b)


def _title_para(lines: list[Line], h: Header) -> Para:
    sel = [ln for ln in lines if h.title_start <= ln.num <= (h.title_end or h.title_start)]  # type: ignore[operator]
    para = join(sel)
    if h.subject_vv:
        m = re.match(r"^V/v\.?\s+", para.text, re.IGNORECASE)
        if m:
            cut = m.end()
            para = Para(para.text[cut:], para.start, para.end,
                        offsets=[(max(0, o - cut), n) for o, n in para.offsets])
    return para


def _tail_start(lines: list[Line]) -> int:
    """Where the body ends: "Nơi nhận:", a signing marker, or a lone post over a name."""
    for i, ln in enumerate(lines):
        key = ln.key
        if NOI_NHAN.match(key) or MARKER_RE.match(ln.text):
            return i
        if is_post(ln.text, key) and i + 1 < len(lines) and looks_like_name(lines[-1].text) and len(lines) - i <= 3:
            return i
    return len(lines)


def _choose_parent(cits: list[Citation], order, title_para, ctx: Context):
    """The parent is what the opening words implement ("Thực hiện X …"); the rest keep relations."""
    groups: dict[str, list[Citation]] = {}
    for c in cits:
        groups.setdefault(c.key, []).append(c)
    firsts = []
    for key, cs in groups.items():
        best = next((c for c in cs if c.kind == "number" and c.date), None) or \
            next((c for c in cs if c.kind == "law" and c.date), None) or cs[0]
        best.position = cs[0].position
        firsts.append(best)
    firsts.sort(key=lambda c: c.position)
    preamble_paras = [p for b, p in order if b.get("role") == "preamble"]
    # Citations made inside another citation's subject are not what the opening implements.
    nested: set[int] = set()
    for c in cits:
        if c.title_start is not None:
            for d in cits:
                if d is not c and d.para is c.para and c.title_start <= d.start < (c.title_end or 0):
                    nested.add(id(d))
    candidates = []
    for c in cits:
        if c.para in preamble_paras and c.kind == "number" and id(c) not in nested and c.date:
            key = fold(c.para.text[: c.start])
            clause = re.split(r"[;.]", key)[-1]
            if re.search(r"de nghi|to trinh|can cu", clause):
                continue
            candidates.append(c)
    parent = max(candidates, key=lambda c: c.date or "") if candidates else None
    title_key = fold(title_para.text) if title_para else ""
    attach_keys = set()
    for b, p in order:
        if b.get("role") == "attachmentNote":
            for c in cits:
                if c.para is p:
                    attach_keys.add(c.key)
    refs = []
    for c in firsts:
        if parent is not None and c.key == parent.key:
            continue
        rel = _relation(c, cits, parent, preamble_paras, title_key, attach_keys)
        refs.append((c, rel))
    return (next((c for c in firsts if parent and c.key == parent.key), None), refs)


def _relation(c: Citation, cits, parent, preamble_paras, title_key, attach_keys) -> str:
    if c.key in attach_keys:
        return "attachment"
    occurrences = [d for d in cits if d.key == c.key]
    for d in occurrences:
        if d.para in preamble_paras:
            before = re.split(r"[;.]", fold(d.para.text[: d.start]))[-1]
            if re.search(r"de nghi|to trinh", before) or c.document_type == "TTr":
                return "proposal"
            if re.search(r"can cu", before):
                return "basis"
    parts = parse_number(c.number) if c.number else None
    central = parts is not None and parts.issuer_code in ("TW", "CP", "TTg", "QH") or \
        (parts is not None and parts.issuer_code and parts.issuer_code.startswith("QH"))
    implemented = False
    if parent is not None and parent.title_start is not None and parent.title_end is not None:
        for d in occurrences:
            if d.para is parent.para and parent.title_start <= d.start < parent.title_end:
                implemented = True
    if c.number and c.number.replace(" ", "") and fold(c.number) in title_key:
        implemented = True
    if implemented and central and c.document_type in ("CT", "NQ", "KL", "QĐ", "QĐi"):
        return "root"
    if c.document_type == "HD" and any(d.para in preamble_paras for d in occurrences):
        return "guidance"
    return "cites"


# Fields in model order (schema: Issuer, Reference).
_ISSUER_FIELDS = ("name", "actingBody", "superiorBody", "system", "level", "adminUnit")
_REFERENCE_FIELDS = ("id", "relation", "documentType", "number", "issueDate", "issuer", "title", "printed", "source")
# Block fields in model order (schema: Block), so the record needs no reordering; "children" last.
_BLOCK_FIELDS = ("label", "printedLabel", "role", "heading", "text", "agencies", "timeframe", "deadlines", "targets",
                 "reporting", "cites", "source")
_EMPTY = (None, "", [])


@lru_cache(maxsize=256)
def _fields_of(keys: tuple[str, ...]) -> tuple[str, ...]:
    """The model's fields among a working block's ``keys``, in model order. Blocks are built by a
    few paths, so a handful of key lists recur: each is sorted once, not once per block."""
    return tuple(k for k in _BLOCK_FIELDS[:-1] if k in keys)  # "source" comes from the paragraph


def _strip(blocks: list[dict], ctx: Context) -> list[dict]:
    out = []
    for b in blocks:
        nb = {}
        for k in _fields_of(tuple(b)):
            v = b[k]
            if v not in _EMPTY:
                nb[k] = v
        para = b["_para"]
        nb["source"] = ctx.span(para.start, para.end)  # the last field before "children"
        children = b.get("children")
        if children:
            nb["children"] = _strip(children, ctx)
        out.append(nb)
    return out


def _lost_title_fragment(lines: list[Line], h: Header) -> str | None:
    if h.found_anything or not lines:
        return None
    first = lines[0].text
    if first[:1].islower():
        para_lines = [lines[0]]
        for ln in lines[1:]:
            if ln.text[:1].islower() and not re.search(r"[.;:]$", para_lines[-1].text):
                para_lines.append(ln)
            else:
                break
        return clean(" ".join(x.text for x in para_lines))
    return None


_PARTY_ORGAN = re.compile(r"^(?P<keep>.*?\b(?:tinh|huyen|thi|thanh|quan|dang) uy)\b")


def _acting_body(preamble_text: str, system: str | None, ocr: bool) -> tuple[str | None, str | None]:
    key = fold(preamble_text)
    m = None
    for m in re.finditer(r"(?:^|[,;.]\s+|\)\s*,?\s*)(?P<who>[^,;.()]{3,80}?)\s+(?:ban h\w{1,2}nh|x\w{1,2}y d\w{1,2}ng"
                         r"|d\w{1,2} ngh\w|tri\w{1,2}n khai|th\w{1,2}ng b\w{1,2}o|ch\w d\w{1,2}o)\b", key):
        pass
    if not m:
        return None, None
    who = preamble_text[m.start("who"): m.end("who")].strip()
    if not opens_body(who, ocr):
        return None, None
    evidence = _evidence(preamble_text, m.start("who"), m.end())
    if system == "party":
        mm = _PARTY_ORGAN.match(fold(who))
        if mm:
            who = who[: mm.end("keep")]
    return clean(who), evidence


def _issuer(h: Header, blocks, preamble_text: str, tail, ctx: Context, inferred: list[dict], lines) -> dict | None:
    name = h.issuer
    out: dict = {}
    system = system_of(name, h.motto) if name else None
    acting, acting_evidence = _acting_body(preamble_text, system or (tail.marker_system if tail else None), ctx.ocr)
    full_text = " ".join(ln.text for ln in lines)
    if name is None and acting:
        # The header is lost: the text names its author; the header form follows from the code list.
        system = system_of(acting) or (tail.marker_system if tail else None)
        level = level_of(acting)
        unit = _unit_from_text(acting, level, full_text)
        if unit is not None:
            head = _header_name(acting)
            if head:
                name = f"{head} {unit.name.upper()}"
                out["name"] = name
                inferred.append({"field": "/issuer/name", "evidence": acting_evidence or acting,
                                 "note": f"The header is lost; the text names {acting} as author and the unit is "
                                         f"{unit.name}, named in the text; the name is given in header form."})
        if "name" not in out:
            return None
        out["actingBody"] = acting
        if system:
            out["system"] = system
            inferred.append({"field": "/issuer/system", "evidence": acting, "note": "From the kind of body."})
        lvl = unit.level if unit else level
        if lvl in ("province", "district", "commune", "central"):
            out["level"] = lvl
            inferred.append({"field": "/issuer/level", "evidence": acting, "note": f"{unit.name if unit else acting}."})
        if unit:
            out["adminUnit"] = unit.admin_unit()
            inferred.append({"field": "/issuer/adminUnit", "evidence": unit.short,
                             "note": f"GSO code of {unit.name} from the {gazetteer.SOURCE} "
                                     f"{gazetteer.version()} code list; not printed."})
        return out
    if name is None:
        return None
    out["name"] = name
    if acting:
        out["actingBody"] = acting
    if h.superior:
        out["superiorBody"] = h.superior
    if system:
        out["system"] = system
    unit = _unit_of_issuer(name, h.superior, full_text)
    lvl = unit.level if unit else level_of(name)
    if lvl in ("province", "district", "commune", "central"):
        out["level"] = lvl
    if unit:
        out["adminUnit"] = unit.admin_unit()
        inferred.append({"field": "/issuer/adminUnit", "evidence": name,
                         "note": f"GSO code of {unit.name} from the {gazetteer.SOURCE} {gazetteer.version()} code "
                                 f"list; the code is not printed."})
    return out


_HEAD_FORMS = (
    (r"^(?:uy ban nhan dan|ubnd)\b", "ỦY BAN NHÂN DÂN"),
    (r"^(?:hoi dong nhan dan|hdnd)\b", "HỘI ĐỒNG NHÂN DÂN"),
)


def _header_name(acting: str) -> str | None:
    key = fold(acting)
    for rx, form in _HEAD_FORMS:
        if re.match(rx, key):
            return form
    return None


_KIND_OF = {
    "tinh": ("tỉnh", "province"), "thanh pho": ("thành phố", None), "huyen": ("huyện", "district"),
    "quan": ("quận", "district"), "thi xa": ("thị xã", "district"), "xa": ("xã", "commune"),
    "phuong": ("phường", "commune"), "thi tran": ("thị trấn", "commune"),
    "tinh uy": ("tỉnh", "province"), "huyen uy": ("huyện", "district"), "thi uy": ("thị xã", "district"),
    "quan uy": ("quận", "district"), "thanh uy": ("thành phố", None),
}


def _unit_from_text(acting: str, level: str | None, text: str):
    """The unit a lost header named: the acting body's unit, found by its name in the text."""
    key = fold(acting)
    kind = None
    for word, (k, lvl) in sorted(_KIND_OF.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{word}\b", key):
            kind, level = k, lvl or level
            break
    levels = [level] if level in ("province", "district", "commune") else ["province", "district"]
    for lvl in levels:
        found = [u for u in gazetteer.find_names(text, lvl) if kind is None or u.kind == kind]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            # Several units of that kind are named: keep those whose province is named too.
            provinces = gazetteer.find_names(text, "province")
            narrowed = [u for u in found if u.province in provinces]
            if len(narrowed) == 1:
                return narrowed[0]
    return None


def _unit_of_issuer(name: str, superior: str | None, text: str):
    if not gazetteer.units():
        return None
    key = re.sub(r"\s+", " ", fold(name))
    m = re.search(r"\b(tinh uy|huyen uy|thi uy|quan uy|thanh uy|thanh pho|thi tran|thi xa|tinh|huyen|quan|xa|phuong)"
                  r"\s+(?P<place>.+)$", key)
    if not m:
        return None
    kind, level = _KIND_OF[m.group(1)]
    place = name[m.start("place"):]
    parent = None
    if superior:
        sm = re.search(r"\b(tinh|thanh pho|huyen|quan|thi xa)\s+(?P<place>.+)$", fold(superior))
        if sm:
            cands = gazetteer.lookup(superior[sm.start("place"):])
            cands = [u for u in cands if u.level in ("province", "district")]
            if len(cands) >= 1:
                parent = gazetteer.exact(cands, superior[sm.start("place"):])[0]
    levels = [level] if level else ["province", "district"]
    for lvl in levels:
        cands = [u for u in gazetteer.lookup(place, lvl) if u.kind == kind]
        cands = gazetteer.within(cands, parent)
        cands = gazetteer.exact(cands, place)
        if len(cands) > 1:
            named = [u for u in cands if (u.district and u.district.short in text) or
                     (u.province and u.province.short in text)]
            cands = named or cands
        if len(cands) == 1:
            return cands[0]
    return None


# Issuers whose code in a State number names them without doubt (Nghị định 30/2020/NĐ-CP).
_CENTRAL_ISSUERS = {"TTg": "Thủ tướng Chính phủ", "CP": "Chính phủ"}


def _issuer_from_symbol(ref: dict, c: Citation, pointer: str, inferred: list[dict], ctx: Context) -> None:
    """A citation without issuer: the symbol names a central issuer that the sentence also names."""
    from khth.schema.identifiers import reference_identifier

    from .ocr import skeleton

    code = (ref.get("number") or {}).get("issuerCode")
    if ref.get("issuer") or code not in _CENTRAL_ISSUERS or c.para is None:
        return
    name = _CENTRAL_ISSUERS[code]
    text = c.para.text
    a = max(text.rfind(".", 0, c.start), text.rfind(";", 0, c.start)) + 1
    sentence = text[a: c.end + 200]
    if skeleton(name) not in skeleton(sentence):
        return
    ref["issuer"] = name
    ref["id"] = reference_identifier(ref)
    reorder(ref, _REFERENCE_FIELDS)
    inferred.append({"field": f"{pointer}/issuer", "evidence": clean(sentence[: c.end - a]),
                     "note": f"The citation names no issuer; the symbol {code} and the sentence name the {name}."})

"""Assemble KHTH records from the pieces the other modules read (the JSON form of SPEC §15).

Order of work for one document: header → addressees → body blocks and roles → citations,
parent and references → abbreviations and block citations → duties → signature and
recipients → issuer facts (system, level, acting body, administrative unit) → what is missing
or inferred → profile and identifier.
"""

from __future__ import annotations

import re
from functools import lru_cache

from khth.schema import units as code_lists
from khth.schema.grammar import is_national_assembly
from khth.schema.codelists import BlockRole, DocumentType, Level, MissingReason, Profile, Relation, System
from khth.schema.identifiers import document_identifier, parse_number
from khth.schema.profiles import PUBLISHED_FACTS
from khth.schema.version import KHTH_VERSION

from . import gazetteer, ocr as ocr_mod
from .agencies import opens_body
from .body import add_duties, assign_roles, block_key, build_blocks, walk
from .common import Context, Para, clean, fold, reorder
from .header import Header, level_of, parse_header, system_of
from .layout import Joiner, Line, join
from .recipients import KINH_GUI, NOI_NHAN, parse_items
from .references import Citation, Mentions, find_abbreviations, find_citations, parse_short, reference_record
from .signature import MARKER_RE, is_post, looks_like_name
from .tail import parse_tail, split_appendix


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
    tail_lines, appendix_lines = split_appendix(tail_lines)
    paras = Joiner(body_lines).paragraphs(body_lines) if body_lines else []
    if paras and not h.found_anything and paras[0].text[:1].islower():
        paras = paras[1:]  # the end of a title whose beginning is lost: kept in provenance.missing
    blocks, order = build_blocks(paras, ctx)
    assign_roles(blocks, ctx)
    if appendix_lines:
        # An appendix printed after the signing block is content: its blocks follow the body's,
        # nested afresh (it is no part of the last section).
        app_blocks, app_order = build_blocks(Joiner(appendix_lines).paragraphs(appendix_lines), ctx)
        assign_roles(app_blocks, ctx)
        annex = _annex(app_blocks, appendix_lines)
        if annex is not None:
            blocks.append(annex)
            # The opening's paragraphs now stand in the annex block (their citations are its own).
            kept = {id(b) for b in walk(annex["children"])}
            order += [(b if id(b) in kept else annex, p) for b, p in app_order]
        else:
            blocks += app_blocks
            order += app_order
        span = f"{'paragraphs' if ctx.docx else 'lines'} {appendix_lines[0].num}–{appendix_lines[-1].num}"
        notes.append(f"Line {appendix_lines[0].num}: an appendix printed after the signing block ({span}) is "
                     f"read as the last block of the body" + (", role annex." if annex is not None else "s."))

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
    # "(Kèm theo Kế hoạch số 45/KH-HPN …)" under an appendix names this document: no reference.
    own = fold(re.sub(r"\s", "", h.number)) if h.number else None
    cits = [c for c in cits if not (own and c.number and fold(re.sub(r"\s", "", c.number)) == own)]
    for i, c in enumerate(cits):
        c.position = i
    party = system_of(h.issuer, h.motto, h.superior) == System.PARTY if h.issuer else h.motto == System.PARTY
    parent_c, refs_c, parent_from_basis = _choose_parent(cits, order, title_para, party)
    parent = reference_record(parent_c, _span(ctx, parent_c)) if parent_c else None
    if parent_from_basis:
        inferred.append({"field": "/parent", "evidence": parent_c.printed, "note": parent_from_basis})
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
    doc: dict = {"khthVersion": KHTH_VERSION, "id": "", "profile": Profile.PUBLISHED}
    doc_type = h.document_type
    if doc_type is None and h.subject_vv:
        doc_type = DocumentType.CV
    if doc_type is None and h.number:
        parts = parse_number(h.number)
        if parts and parts.type_code:
            doc_type = parts.type_code
        elif parts and parts.system == System.STATE:
            doc_type = DocumentType.CV
    preamble_text = _opening_text(blocks)
    if doc_type is None:
        m = re.search(r"ban h\w{1,2}nh (?P<t>k\w ho\w{1,2}ch|ch\w th\w|h\w{1,3}ng d\w{1,2}n|ch\w{1,3}ng tr\w{1,2}nh)",
                      fold(preamble_text))
        if m:
            from .header import TYPE_NAMES
            doc_type = TYPE_NAMES.get(re.sub(r"\s+", " ", m["t"])) or DocumentType.KH
            inferred.append({"field": "/documentType", "evidence": _evidence(preamble_text, m.start(), m.end()),
                             "note": "The type name under the lost header is not in the source; the text names the "
                                     "document it issues."})
    if doc_type is None:
        doc_type = DocumentType.KH
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
            unit = _unit_of_issuer(iss["name"], iss.get("superiorBody"), " ".join(ln.text for ln in lines), h.date)
            if unit:
                iss["adminUnit"] = unit.admin_unit()
                iss["level"] = unit.level
                reorder(iss, _ISSUER_FIELDS)
                inferred.append({"field": "/issuer/adminUnit", "evidence": h.issuer_raw or iss["name"],
                                 "note": gazetteer.provenance_note(unit)})

    # --- missing facts and profile --------------------------------------------------------------
    lost_header = not h.found_anything or (h.number is None and h.date is None and h.issuer is None)
    # "lost", "blank" and "notPrinted" are claims about the source; where the header stands but the
    # reader did not find a fact in it, all it can say is that it did not find it ("notFound").
    reason = MissingReason.LOST if lost_header else MissingReason.NOT_FOUND
    if "number" not in doc:
        missing.append({"field": "/number", "reason": reason,
                        **({"note": "header lost"} if lost_header else {})})
    elif "serial" not in doc["number"]:
        missing.append({"field": "/number/serial", "reason": MissingReason.BLANK,
                        "note": f"The number is printed \"{h.number_raw}\" with the serial left blank."})
    if "issueDate" not in doc:
        missing.append({"field": "/issueDate", "reason": reason,
                        **({"note": "header lost"} if lost_header else {})})
    elif len(doc["issueDate"]) < 10:
        missing.append({"field": "/issueDate", "reason": MissingReason.BLANK,
                        "note": f"The day is blank: printed \"{h.date_raw}\"; issueDate kept to the "
                                f"{'month' if len(doc['issueDate']) == 7 else 'year'}."})
    if "place" not in doc and lost_header:
        missing.append({"field": "/place", "reason": MissingReason.LOST, "note": "header lost"})
    if "title" not in doc:
        frag = _lost_title_fragment(lines, h)
        note = "header lost" + (f"; only the end of the title survives: \"{frag}\"" if frag else "")
        missing.append({"field": "/title", "reason": reason, **({"note": note} if lost_header else {})})
        if frag:
            notes.append(f"The beginning of the source is lost: it starts inside the title (\"{frag}\").")
    if "issuer" not in doc:
        missing.append({"field": "/issuer", "reason": reason})
    if "parent" not in doc:
        missing.append({"field": "/parent", "reason": MissingReason.NOT_FOUND})
    else:
        if "number" not in doc["parent"]:
            missing.append({"field": "/parent/number", "reason": MissingReason.NOT_PRINTED})
        if "issueDate" not in doc["parent"]:
            missing.append({"field": "/parent/issueDate", "reason": MissingReason.NOT_PRINTED})
    if "signature" not in doc:
        missing.append({"field": "/signature",
                        "reason": MissingReason.LOST if not tail_lines else MissingReason.NOT_FOUND})
    elif "name" not in doc["signature"]:
        missing.append({"field": "/signature/name",
                        "reason": MissingReason.ILLEGIBLE if ctx.ocr else MissingReason.NOT_FOUND})
    for i, r in enumerate(references):
        if r["documentType"] == DocumentType.L and "issueDate" not in r:
            missing.append({"field": f"/references/{i}/issueDate", "reason": MissingReason.NOT_PRINTED,
                            "note": f"{r.get('title', 'The law')} is cited by name only, without a year"})
    required_gap = any(m["field"] in PUBLISHED_FACTS for m in missing)
    doc["profile"] = Profile.LENIENT if required_gap else Profile.PUBLISHED
    if doc["profile"] == Profile.PUBLISHED:
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
        prov["printedText"] = ctx.printed_lines(first, last)
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


def _opening_text(blocks: list[dict]) -> str:
    """The opening paragraphs: the preamble, and the paragraph that closes it with the formula
    "X ban hành Kế hoạch … như sau:" when that is printed as a paragraph of its own after the
    "Căn cứ …;" lines (it names the acting body and the type of what is issued)."""
    texts = []
    for i, b in enumerate(blocks):
        if b.get("role") == BlockRole.PREAMBLE:
            texts.append(b.get("text", ""))
            continue
        follows = i > 0 and blocks[i - 1].get("role") == BlockRole.PREAMBLE
        text = b.get("text") or ""
        if follows and not b.get("label") and not b.get("role") and not b.get("heading") \
                and text.rstrip().endswith(":"):
            texts.append(text)
    return " ".join(texts)


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


_KEM_THEO = re.compile(r"\(\s*K[èe]m theo\b", re.IGNORECASE)


def _annex(app_blocks: list[dict], lines: list[Line]) -> dict | None:
    """An appendix as one block of role ``annex``: its opening lines (the "PHỤ LỤC" title, the
    "(Kèm theo …)" line), which the layout prints before any label, are its heading and text;
    the blocks after them its children. None when the appendix opens with content."""
    lead = 0
    while lead < min(len(app_blocks), 3):
        b = app_blocks[lead]
        if b.get("label") or b.get("children") or " | " in (b.get("heading") or ""):
            break
        lead += 1
    if lead == 0:
        return None
    opening = clean(" ".join(b.get("heading") or b.get("text") or "" for b in app_blocks[:lead]))
    m = _KEM_THEO.search(opening)
    heading, text = (opening[:m.start()].strip(), opening[m.start():]) if m else (opening, "")
    annex: dict = {"role": BlockRole.ANNEX}
    if heading:
        annex["heading"] = heading
    if text:
        annex["text"] = text
    if not heading and not text:
        return None
    annex["children"] = app_blocks[lead:]
    annex["_para"] = Para(opening, lines[0].num, lines[-1].num)  # the source span: the whole appendix
    return annex


def _tail_start(lines: list[Line]) -> int:
    """Where the body ends: "Nơi nhận:", a signing marker, or a lone post over a name."""
    for i, ln in enumerate(lines):
        key = ln.key
        if NOI_NHAN.match(key) or MARKER_RE.match(ln.text):
            return i
        if is_post(ln.text, key) and i + 1 < len(lines) and looks_like_name(lines[-1].text) and len(lines) - i <= 3:
            return i
    return len(lines)


def _choose_parent(cits: list[Citation], order, title_para, party: bool):
    """The parent is what the opening words implement ("Thực hiện X …"); the rest keep relations.
    Also returns, when the parent was only listed as a basis, why it was taken (an inference)."""
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
    preamble_paras = _opening_paras(order)
    # Citations made inside another citation's subject are not what the opening implements.
    nesters: dict[int, list[Citation]] = {}
    for c in cits:
        if c.title_start is not None:
            for d in cits:
                if d is not c and d.para is c.para and c.title_start <= d.start < (c.title_end or 0):
                    nesters.setdefault(id(d), []).append(c)
    nested = set(nesters)
    candidates = []
    for c in cits:
        if c.para in preamble_paras and c.kind == "number" and id(c) not in nested and c.date:
            if _governing_verb(c) in ("de nghi", "to trinh", "can cu"):
                continue
            candidates.append(c)
    if not candidates:
        # "Thực hiện Công văn số 3444/LĐTBXH-VPQ, Ủy ban nhân dân tỉnh …": what the opening implements,
        # printed without its date (recorded so, the date not printed).
        candidates = [c for c in cits if c.para in preamble_paras and c.kind == "number" and id(c) not in nested
                      and _governing_verb(c) == "thuc hien"]
    if party:
        # A Party committee carries out the Party's documents: where the opening lists a ministry's
        # dispatch beside the Ban Tuyên giáo's, the Party one is what it answers.
        candidates = [c for c in candidates if _party_document(c)] or candidates
    parent = max(candidates, key=lambda c: c.date or "") if candidates else None
    latest = parent
    parent = _title_named_parent(parent, candidates, cits, title_para, nested, preamble_paras)
    parent = _plan_in_between(parent, candidates, named_by_title=parent is not latest)
    from_basis = None
    if parent is None:
        parent, from_basis = _basis_parent(cits, preamble_paras, nested, title_para, party)
    title_key = fold(title_para.text) if title_para else ""
    attach_keys = set()
    for b, p in order:
        if b.get("role") == BlockRole.ATTACHMENT_NOTE:
            for c in cits:
                if c.para is p:
                    attach_keys.add(c.key)
    refs = []
    for c in firsts:
        if parent is not None and c.key == parent.key:
            continue
        rel = _relation(c, cits, parent, preamble_paras, title_para, title_key, attach_keys, nesters)
        refs.append((c, rel))
    return next((c for c in firsts if parent and c.key == parent.key), None), refs, from_basis


def _party_document(c: Citation) -> bool:
    """Whether a cited document is the Party's: its number's grammar or its issuer says so."""
    parts = parse_number(c.number) if c.number else None
    if parts is not None and parts.system == System.PARTY:
        return True
    return bool(c.issuer) and system_of(c.issuer) == System.PARTY


_PLAN_TYPES = frozenset({DocumentType.KH, DocumentType.CTR})


def _plan_in_between(parent: Citation | None, candidates: list[Citation], named_by_title: bool) -> Citation | None:
    """A plan the opening also says it carries out, beside the guidance or directive taken as the
    parent ("Thực hiện Hướng dẫn số 16-HD/BTGHU … và Kế hoạch số 24-KH/HU …"): plans answer plans.
    Where the title names the parent, only a plan from a level nearer the issuer wins over it (a
    Tỉnh ủy's plan for Nghị quyết 57-NQ/TW still answers the resolution, not the central steering
    board's plan the opening lists beside it)."""
    if parent is None or parent.document_type in _PLAN_TYPES:
        return parent
    plans = [c for c in candidates if c.document_type in _PLAN_TYPES and c.date and c.key != parent.key
             and c.para is parent.para and (not named_by_title or _central(c) < _central(parent))]
    return max(plans, key=lambda c: c.date) if plans else parent


# Words every subject shares, which say nothing about which document a plan carries out.
_SUBJECT_STOPWORDS = frozenset(
    "ve viec cua va cac cho tren dia ban tinh huyen xa phuong thi tran thanh pho nam giai doan den trong "
    "thuc hien trien khai ke hoach ban hanh phe duyet to chuc tang cuong cong tac mot so nhung tai theo "
    "voi nham nguoi la co duoc nay do ngay thang so".split())


def _subject_words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", fold(text)) if w not in _SUBJECT_STOPWORDS}


def _basis_parent(cits: list[Citation], preamble_paras: list[Para], nested: set[int],
                  title_para: Para | None, party: bool) -> tuple[Citation | None, str | None]:
    """Where the opening only lists its bases ("Căn cứ Quyết định số 524/QĐ-TTg … phê duyệt Đề án
    Trồng 1 tỷ cây xanh …; Căn cứ Kế hoạch số …"), the plan carries out the basis whose subject its
    own title repeats ("Kế hoạch thực hiện Đề án trồng 1 tỷ cây xanh …"): the one whose subject is
    nearest the title (words shared over words of either, at least three shared and half its own),
    the latest listed among those as near (bases run from the highest authority to the nearest).
    Failing that, a Party document's first basis: Party documents list the directive they carry out
    first, after the Điều lệ ("Căn cứ Chỉ thị số 45-CT/TW …; Kết luận số 88-KL/TW …"). A State
    document's bases run from laws to the nearest decision and include what only frames the plan (a
    fair's plan citing the province's list of tourist sites): none is taken without the title's word.
    Either way the parent is an inference, marked with the reason returned."""
    bases = [c for c in cits if c.para in preamble_paras and c.kind == "number" and id(c) not in nested
             and c.date and _governing_verb(c) == "can cu" and not _normative(c)]
    if not bases:
        return None, None
    title = _subject_words(title_para.text) if title_para is not None else set()
    scored: list[tuple[float, Citation]] = []
    for c in bases:
        if c.title_start is None:
            continue
        own = _subject_words(c.para.text[c.title_start:c.title_end])
        shared = len(own & title)
        if shared >= 3 and 2 * shared >= len(own):
            scored.append((shared / len(own | title), c))
    if scored:
        top = max(near for near, _ in scored)
        return (max((c for near, c in scored if near >= top - _NEAR_TIE), key=lambda c: c.position),
                "The opening lists this document as a basis (Căn cứ); the title carries out its subject.")
    # "Kế hoạch tuyên truyền Chỉ thị số 28-CT/TW": a title that names a basis without carrying it out
    # says the plan is not that basis's answer.
    named = _title_citation(cits, title_para, nested)
    if named is not None and not _title_implements(title_para, named):
        bases = [c for c in bases if not _same_document(c, named)]
    if not bases:
        return None, None
    if party:
        return (min(bases, key=lambda c: c.position),
                "The opening only lists bases (Căn cứ); a Party document lists the one it carries out first.")
    return None, None


def _normative(c: Citation) -> bool:
    """A decree, circular or normative decision (its number carries its year: "30/2017/NĐ-CP",
    "24/2021/QĐ-TTg") regulates how a plan is made; listed as a basis, it is not what the plan
    carries out. A council's resolution ("18/2006/NQ-HĐND") may be."""
    parts = parse_number(c.number) if c.number else None
    return bool(parts and parts.year) and c.document_type in _REGULATING_TYPES


_REGULATING_TYPES = frozenset({DocumentType.ND, DocumentType.TT, DocumentType.QD})


# Subjects this close to the title's are equally near it: the latest listed basis is taken.
_NEAR_TIE = 0.05


# What opens a clause of the opening, printed as a list item ("- Căn cứ Quy định số 102-QĐ/TW …;").
_OPENING_ITEM = re.compile(r"(?:can cu|thuc hien|thi hanh|trien khai)\b")


def _opening_paras(order) -> list[Para]:
    """The paragraphs of the opening: the preamble, and the bases it lists as dash items before the
    first numbered part ("- Căn cứ …;" / "- Căn cứ …;" / "Ủy ban Kiểm tra Trung ương hướng dẫn …")."""
    paras = []
    for b, p in order:
        if b.get("role") == BlockRole.PREAMBLE:
            paras.append(p)
        elif b.get("label") in ("-", "–", "+", "•") and _OPENING_ITEM.match(fold(b.get("text", ""))):
            paras.append(p)
        elif b.get("label"):
            break
    return paras


def _same_document(a: Citation, b: Citation) -> bool:
    """Whether two citations name one document: a title printed in capitals cites "02-CTR/TU"
    where the opening prints "02-CTr/TU"."""
    return a.key.casefold() == b.key.casefold()


def _title_citation(cits: list[Citation], title_para: Para | None, nested: set[int]) -> Citation | None:
    """The first numbered document the title names (not one cited inside another's subject)."""
    if title_para is None:
        return None
    return next((c for c in cits if c.para is title_para and id(c) not in nested and c.kind == "number"), None)


def _title_named_parent(parent: Citation | None, candidates: list[Citation], cits: list[Citation],
                        title_para: Para | None, nested: set[int], preamble_paras: list[Para]) -> Citation | None:
    """The document the title says the plan implements.

    The opening may list what the plan implements, each with its date ("Thực hiện Nghị quyết số
    57-NQ/TW …; Kế hoạch số 01-KH/BCĐTW …"), and the latest is taken as the parent. The title
    names the one the plan answers ("Kế hoạch thực hiện Nghị quyết số 57-NQ/TW"): it is the
    parent unless the later document comes from a level nearer the issuer. A Huyện ủy whose title
    names the Politburo's directive answers the Tỉnh ủy's plan for it, which its opening cites.

    A title that says the plan carries the document out ("Triển khai thực hiện Quyết định số
    342/QĐ-TTg …") names the parent even where the opening cites that document as a basis ("Căn
    cứ Quyết định số 342/QĐ-TTg …;"), as ministries and People's Committees write: the same rule
    then weighs it against what the opening implements.
    """
    if title_para is None:
        return parent
    named = _title_citation(cits, title_para, nested)
    if named is None or (parent is not None and _same_document(named, parent)):
        return parent
    chosen = next((c for c in candidates if _same_document(c, named)), None)
    if chosen is None and _title_implements(title_para, named):
        chosen = _dated_occurrence(named, cits, preamble_paras, nested)
    if chosen is None:
        return parent
    if parent is not None and _central(parent) < _central(chosen):
        return parent
    return chosen


# The words a title uses for carrying a document out: "triển khai thực hiện", "tổ chức thực hiện",
# "tiếp tục thực hiện", "triển khai thi hành", "học tập, quán triệt, tuyên truyền và triển khai …".
_IMPLEMENTING_WORD = r"(?:trien khai|thuc hien|to chuc|tiep tuc|thi hanh|hoc tap|quan triet|tuyen truyen)"
# "… một số điều trong Quy định số 102-QĐ/TW": the part of the document carried out.
_SOME_PART = r"(?:mot so (?:dieu|noi dung|diem|chuong)(?: \d+(?:, \d+)*)? (?:cua|trong|tai)\s*)?"
_IMPLEMENTING_TITLE = re.compile(
    rf"(?:ke hoach\s+|huong dan\s+)?{_IMPLEMENTING_WORD}(?:\s*,?\s*(?:va\s+)?{_IMPLEMENTING_WORD})*\s*{_SOME_PART}")


def _title_implements(title_para: Para, named: Citation) -> bool:
    """Whether the title, up to the document it names, says only that the plan carries it out
    ("tuyên truyền Kế hoạch số …" alone does not: carrying out is "thực hiện", "triển khai" or
    "thi hành")."""
    head = re.sub(r"\s+", " ", fold(title_para.text[: named.start])).strip()
    return _IMPLEMENTING_TITLE.fullmatch(head) is not None and \
        re.search(r"thuc hien|trien khai|thi hanh", head) is not None


def _dated_occurrence(named: Citation, cits: list[Citation], preamble_paras: list[Para],
                      nested: set[int]) -> Citation | None:
    """The title's document as the opening cites it (as a basis, not as a proposal), or as the
    title cites it; an occurrence with its date, since a parent is recorded with one. Where the
    opening names it only inside another document's subject ("công văn số … về việc triển khai
    thực hiện Kế hoạch số …"), the plan carries it out through that document: none."""
    in_opening = [c for c in cits if _same_document(c, named) and c.para in preamble_paras]
    direct = [c for c in in_opening if id(c) not in nested and _governing_verb(c) not in ("de nghi", "to trinh")]
    if in_opening and not direct:
        return None
    dated = [c for c in direct if c.date]
    if dated:
        return dated[0]
    return named if named.date and not in_opening else None


_CENTRAL_NAME = re.compile(r"\b(?:trung uong|chinh phu|quoc hoi|bo chinh tri|ban bi thu)\b|^bo\s")


def _central(c: Citation) -> bool:
    """Whether a cited document comes from a central body: its symbol (…/TW, …/BCĐTW, CP, TTg,
    QH15) or its issuer's name says so."""
    parts = parse_number(c.number) if c.number else None
    code = (parts.issuer_code or "") if parts else ""
    if code.endswith("TW") or code in ("CP", "TTg") or is_national_assembly(code):
        return True
    return bool(c.issuer and _CENTRAL_NAME.search(fold(c.issuer)))


# What opens a clause of the opening paragraph and says what the cited documents are to the plan.
_CLAUSE_VERB = re.compile(r"\s*(?:va\s+)?(?:tren\s+co\s+so\s+|theo\s+|xet\s+)?(?P<verb>de nghi|can cu|thuc hien)\b")


def _governing_verb(c: Citation) -> str:
    """What the opening says of a citation: "de nghi", "to trinh", "can cu", "thuc hien" or "".

    Its own clause (up to ";" or ".") decides when it names one ("trên cơ sở đề nghị của Sở … tại
    Tờ trình số …"); otherwise the verb that opens an earlier clause of the same sentence does:
    "Căn cứ Luật …; Luật sửa đổi …;" cites both as a basis.
    """
    assert c.para is not None
    sentence = re.split(r"\.", fold(c.para.text[: c.start]))[-1]
    clauses = sentence.split(";")
    m = re.search(r"de nghi|to trinh|can cu", clauses[-1])
    if m:
        return m.group(0)
    for clause in reversed(clauses):
        m = _CLAUSE_VERB.match(clause)
        if m:
            return m["verb"]
    return ""


def _relation(c: Citation, cits, parent, preamble_paras, title_para, title_key, attach_keys, nesters) -> str:
    if c.key in attach_keys:
        return Relation.ATTACHMENT
    occurrences = [d for d in cits if d.key == c.key]
    parts = parse_number(c.number) if c.number else None
    central = parts is not None and parts.issuer_code in ("TW", "CP", "TTg", "QH") or \
        (parts is not None and parts.issuer_code and parts.issuer_code.startswith("QH"))
    # What the plan implements through its parent: named by the title or by the parent's subject,
    # not inside the subject of another document cited there ("Kết luận số 69-KL/TW … về tiếp tục
    # thực hiện Chỉ thị số 07-CT/TW": the directive is what the conclusion is about).
    implemented = False
    for d in occurrences:
        around = nesters.get(id(d), [])
        if title_para is not None and d.para is title_para and not around:
            implemented = True
        if parent is not None and around and all(n.key == parent.key for n in around):
            implemented = True
    in_title = title_para is not None and any(d.para is title_para for d in occurrences)
    if not in_title and c.number and fold(c.number) in title_key:
        implemented = True  # the title prints the number where no citation could be read
    if implemented and central and c.document_type in (DocumentType.CT, DocumentType.NQ, DocumentType.KL,
                                                       DocumentType.QD, DocumentType.QDI):
        return Relation.ROOT
    for d in occurrences:
        if d.para in preamble_paras:
            verb = _governing_verb(d)
            if verb in ("de nghi", "to trinh") or c.document_type == DocumentType.TTR:
                return Relation.PROPOSAL
            if verb == "can cu":
                return Relation.BASIS
    if c.document_type == DocumentType.HD and any(d.para in preamble_paras for d in occurrences):
        return Relation.GUIDANCE
    return "cites"


# Fields in model order (schema: Issuer, Reference).
_ISSUER_FIELDS = ("name", "actingBody", "superiorBody", "system", "level", "adminUnit")
_REFERENCE_FIELDS = ("id", "relation", "documentType", "number", "issueDate", "issuer", "title", "printed", "source")
# Block fields in model order (schema: Block), so the record needs no reordering; "children" last.
_BLOCK_FIELDS = ("label", "printedLabel", "role", "heading", "text", "agencies", "partners", "timeframe", "deadlines",
                 "relativeDeadlines", "targets",
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
    if system == System.PARTY:
        mm = _PARTY_ORGAN.match(fold(who))
        if mm:
            who = who[: mm.end("keep")]
    return clean(who), evidence


def _issuer(h: Header, blocks, preamble_text: str, tail, ctx: Context, inferred: list[dict], lines) -> dict | None:
    name = h.issuer
    out: dict = {}
    system = system_of(name, h.motto, h.superior) if name else None
    acting, acting_evidence = _acting_body(preamble_text, system or (tail.marker_system if tail else None), ctx.ocr)
    full_text = " ".join(ln.text for ln in lines)
    if name is None and acting:
        # The header is lost: the text names its author; the header form follows from the code list.
        system = system_of(acting) or (tail.marker_system if tail else None)
        level = level_of(acting)
        unit = _unit_from_text(acting, level, full_text, h.date)
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
        if lvl in (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE, Level.CENTRAL):
            out["level"] = lvl
            inferred.append({"field": "/issuer/level", "evidence": acting, "note": f"{unit.name if unit else acting}."})
        if unit:
            out["adminUnit"] = unit.admin_unit()
            inferred.append({"field": "/issuer/adminUnit", "evidence": unit.short,
                             "note": gazetteer.provenance_note(unit)})
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
    unit = _unit_of_issuer(name, h.superior, full_text, h.date)
    lvl = unit.level if unit else level_of(name)
    evidence = name
    if unit is None and lvl is None and h.superior:
        # A department printed under its People's Committee ("ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH / SỞ
        # GIÁO DỤC VÀ ĐÀO TẠO", a Phòng under a huyện) names no unit of its own: it serves the
        # superior's unit, at the superior's level.
        unit = _unit_of_issuer(h.superior, None, full_text, h.date)
        lvl = unit.level if unit else level_of(h.superior)
        evidence = h.superior
        if lvl in (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE, Level.CENTRAL):
            inferred.append({"field": "/issuer/level", "evidence": h.superior,
                             "note": f"{name} names no unit of its own; it is a body of {h.superior}."})
    if lvl in (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE, Level.CENTRAL):
        out["level"] = lvl
    if unit:
        out["adminUnit"] = unit.admin_unit()
        inferred.append({"field": "/issuer/adminUnit", "evidence": evidence,
                         "note": gazetteer.provenance_note(unit)})
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
    "tinh": ("tỉnh", Level.PROVINCE), "thanh pho": ("thành phố", None), "huyen": ("huyện", Level.DISTRICT),
    "quan": ("quận", Level.DISTRICT), "thi xa": ("thị xã", Level.DISTRICT), "xa": ("xã", Level.COMMUNE),
    "phuong": ("phường", Level.COMMUNE), "thi tran": ("thị trấn", Level.COMMUNE),
    "dac khu": ("đặc khu", Level.COMMUNE),
    "tinh uy": ("tỉnh", Level.PROVINCE), "huyen uy": ("huyện", Level.DISTRICT),
    "thi uy": ("thị xã", Level.DISTRICT),
    "quan uy": ("quận", Level.DISTRICT), "thanh uy": ("thành phố", None),
}


def _code_list(issue_date: str | None) -> str | None:
    """The scheme whose units a document of that date names, when its list is installed."""
    scheme = code_lists.scheme_of_document(issue_date)
    return scheme if scheme and code_lists.units(scheme) else None


def _levels(level: str | None, scheme: str) -> list[str]:
    """The levels to look a unit up at: its own when known, else the levels above the commune."""
    held = code_lists.levels_of(scheme)
    if level in held:
        return [level]
    return [lvl for lvl in held if lvl != Level.COMMUNE]


def _unit_from_text(acting: str, level: str | None, text: str, issue_date: str | None = None):
    """The unit a lost header named: the acting body's unit, found by its name in the text."""
    scheme = _code_list(issue_date)
    if scheme is None:
        return None
    key = fold(acting)
    kind = None
    for word, (k, lvl) in sorted(_KIND_OF.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{word}\b", key):
            kind, level = k, lvl or level
            break
    for lvl in _levels(level, scheme):
        found = [u for u in gazetteer.find_names(text, lvl, scheme) if kind is None or u.kind == kind]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            # Several units of that kind are named: keep those whose province is named too.
            provinces = gazetteer.find_names(text, Level.PROVINCE, scheme)
            narrowed = [u for u in found if u.province in provinces]
            if len(narrowed) == 1:
                return narrowed[0]
    return None


# A unit's kind abbreviated in a name ("UBND TP. HỒ CHÍ MINH", "UBND TX. …"), read as spelt out.
_KIND_ABBREVIATIONS = ((re.compile(r"\b(?:TP|Tp)\.\s?"), "Thành phố "), (re.compile(r"\b(?:TX|Tx)\.\s?"), "Thị xã "))
_UNIT_IN_NAME = re.compile(r"\b(tinh uy|huyen uy|thi uy|quan uy|thanh uy|thanh pho|thi tran|thi xa|dac khu|tinh|huyen"
                           r"|quan|xa|phuong)\s+(?P<place>.+)$")
_UNIT_IN_SUPERIOR = re.compile(r"\b(tinh|thanh pho|huyen|quan|thi xa)\s+(?P<place>.+)$")


def _unit_of_issuer(name: str, superior: str | None, text: str, issue_date: str | None = None):
    scheme = _code_list(issue_date)
    if scheme is None:
        return None
    for rx, kind in _KIND_ABBREVIATIONS:
        name = rx.sub(kind, name)
    key = re.sub(r"\s+", " ", fold(name))
    # "TỈNH ĐOÀN BÌNH DƯƠNG": the Đoàn's committee of a unit is named as a Party committee is.
    key = re.sub(r"\b(tinh|huyen|thi|thanh|quan) doan\b(?! ket)", r"\1 uy  ", key)  # not "Đoàn Kết", a place
    m = _UNIT_IN_NAME.search(key)
    if not m:
        return None
    kind, level = _KIND_OF[m.group(1)]
    place = name[m.start("place"):]
    parent = _superior_unit(superior, scheme)
    for lvl in _levels(level, scheme):
        cands = [u for u in code_lists.lookup(place, scheme, lvl) if u.kind == kind]
        cands = code_lists.exact(code_lists.within(cands, parent), place)
        if len(cands) > 1:
            named = [u for u in cands if (u.district and u.district.short in text) or
                     (u.province and u.province.short in text)]
            cands = named or cands
        if len(cands) == 1 and parent is None and cands[0].province is not None:
            # One unit of that name, but the text names provinces and not its own: the issuer is
            # a unit the code list does not hold (renamed, merged), not that one.
            provinces = [u for u in gazetteer.find_names(text, Level.PROVINCE, scheme)
                         if u.kind == "tỉnh" and u.short != cands[0].short]  # not its own name ("xã Quảng Ninh")
            if provinces and cands[0].province not in provinces:
                return None
        if len(cands) == 1:
            return cands[0]
    return None


def _superior_unit(superior: str | None, scheme: str):
    """The unit a superior body's name places the issuer in ("ĐẢNG BỘ TỈNH QUẢNG NGÃI")."""
    sm = _UNIT_IN_SUPERIOR.search(fold(superior)) if superior else None
    if not sm:
        return None
    place = superior[sm.start("place"):]
    cands = [u for u in code_lists.lookup(place, scheme) if u.level in (Level.PROVINCE, Level.DISTRICT)]
    return code_lists.exact(cands, place)[0] if cands else None


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

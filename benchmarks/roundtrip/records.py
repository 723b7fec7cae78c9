"""Records with real variety for the round trip, reproducible from a seed.

Party and State issuers at every level: central; province and district (dated before
2025-07-01, when districts were abolished); commune and ward (dated from 2025-07-01, under a
province since there are no districts any more). Plans, công văn (with "V/v" and "Kính gửi"),
and decisions carrying a plan (bundles). Each record cites its parent in the opening "Thực hiện …"
sentence with up to three more references; task tables, appendices, signing blocks, recipients,
and now and then a number or a day left blank as printed. The vocabulary (places, names,
directives, policy phrases, agencies, recipients) is that of benchmarks/generate_corpus.py.
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import generate_corpus as gc  # noqa: E402  (the corpus vocabulary, a sibling script)

from khth.schema.identifiers import (  # noqa: E402
    CitationParts, citation_name, document_identifier, format_citation, format_citation_date, parse_number,
)
from khth.schema.model import Document  # noqa: E402
from khth.schema.version import KHTH_VERSION  # noqa: E402

REFORM = date(2025, 7, 1)  # two-tier local government: districts abolished, provinces merged

# Provinces and cities after the 2025 merger (Nghị quyết 202/2025/QH15).
PROVINCES_2025 = [
    ("Tỉnh", "Tuyên Quang"), ("Tỉnh", "Lào Cai"), ("Tỉnh", "Thái Nguyên"), ("Tỉnh", "Phú Thọ"), ("Tỉnh", "Bắc Ninh"),
    ("Tỉnh", "Hưng Yên"), ("Tỉnh", "Ninh Bình"), ("Tỉnh", "Quảng Trị"), ("Tỉnh", "Quảng Ngãi"), ("Tỉnh", "Gia Lai"),
    ("Tỉnh", "Khánh Hòa"), ("Tỉnh", "Lâm Đồng"), ("Tỉnh", "Đắk Lắk"), ("Tỉnh", "Đồng Nai"), ("Tỉnh", "Tây Ninh"),
    ("Tỉnh", "Vĩnh Long"), ("Tỉnh", "Đồng Tháp"), ("Tỉnh", "Cà Mau"), ("Tỉnh", "An Giang"), ("Tỉnh", "Nghệ An"),
    ("Tỉnh", "Thanh Hóa"), ("Tỉnh", "Hà Tĩnh"), ("Tỉnh", "Sơn La"), ("Tỉnh", "Lai Châu"), ("Tỉnh", "Điện Biên"),
    ("Tỉnh", "Cao Bằng"), ("Tỉnh", "Lạng Sơn"), ("Tỉnh", "Quảng Ninh"), ("Thành phố", "Hà Nội"),
    ("Thành phố", "Huế"), ("Thành phố", "Đà Nẵng"), ("Thành phố", "Hải Phòng"), ("Thành phố", "Hồ Chí Minh"),
    ("Thành phố", "Cần Thơ"),
]
# Central bodies: (name printed, acting body, code in numbers, superior body printed).
MINISTRIES = [("BỘ Y TẾ", "Bộ Y tế", "BYT"), ("BỘ GIÁO DỤC VÀ ĐÀO TẠO", "Bộ Giáo dục và Đào tạo", "BGDĐT"),
              ("BỘ NỘI VỤ", "Bộ Nội vụ", "BNV"), ("BỘ TƯ PHÁP", "Bộ Tư pháp", "BTP"),
              ("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Bộ Văn hóa, Thể thao và Du lịch", "BVHTTDL")]
PARTY_CENTRAL = [("BAN TUYÊN GIÁO VÀ DÂN VẬN TRUNG ƯƠNG", "Ban Tuyên giáo và Dân vận Trung ương", "BTGDVTW"),
                 ("BAN TỔ CHỨC TRUNG ƯƠNG", "Ban Tổ chức Trung ương", "BTCTW"),
                 ("ỦY BAN KIỂM TRA TRUNG ƯƠNG", "Ủy ban Kiểm tra Trung ương", "UBKTTW")]
TABLE_HEADER = ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"]


@dataclass(frozen=True)
class Issuing:
    """Who issues a record and how its header, numbers and signing block name it."""

    system: str
    level: str
    name: str  # as printed in the header
    acting: str  # as the text and citations name it
    code: str  # issuer code in numbers
    place: str
    area_text: str  # "tỉnh Quảng Ngãi"; the agencies' and recipients' wording
    superior: str | None = None
    fill: tuple[tuple[str, str], ...] = ()

    @property
    def words(self) -> dict[str, str]:
        return dict(self.fill)


def _from_body(body: gc.Body) -> Issuing:
    unit = body.area_text
    party = body.committee if body.kind != "du" else "Đảng ủy"
    district = body.area.parent.full if body.area.parent else unit
    fill = {"area": unit, "unit": unit, "party": party, "name": body.area.name, "party_up": body.committee,
            "district": district, "k": "1"}
    return Issuing(body.system, body.level, body.name, body.acting, body.code, body.place, unit, body.superior,
                   tuple(fill.items()))


def _issuing(rng: random.Random, level: str, system: str, when: date, geo: gc.Geography) -> Issuing:
    if level == "central":
        name, acting, code = rng.choice(PARTY_CENTRAL if system == "party" else MINISTRIES)
        fill = {"area": "cả nước", "unit": "cả nước", "party": "Trung ương", "name": "Hà Nội",
                "party_up": "Trung ương", "district": "cả nước", "k": "1"}
        return Issuing(system, level, name, acting, code, "Hà Nội", "cả nước",
                       "BAN CHẤP HÀNH TRUNG ƯƠNG" if system == "party" else None, tuple(fill.items()))
    if when >= REFORM:  # communes and wards directly under a merged province
        kind, pname = rng.choice(PROVINCES_2025)
        province = gc.Area("00", kind, pname)
        ckind = "Phường" if rng.random() < 0.4 else "Xã"
        commune = gc.Area("00000", ckind, rng.choice(gc.PLACE_NAMES), province)
        issuing = _from_body(gc.Body("du" if system == "party" else "ubnd_xa", commune))
        # A commune's Party committee is under the province's Party organisation now.
        party_up = "Thành ủy" if kind == "Thành phố" else "Tỉnh ủy"
        words = issuing.words | {"party_up": party_up, "district": province.full}
        return Issuing(issuing.system, "commune", issuing.name, issuing.acting, issuing.code, issuing.place,
                       issuing.area_text, f"ĐẢNG BỘ {province.full}".upper() if system == "party" else None,
                       tuple(words.items()))
    province = rng.choice(geo.provinces)
    if level == "province":
        if system == "party":
            kind = "tu"
        else:
            kind = "so" if rng.random() < 0.3 else "ubnd_tinh"
        dept = rng.choice(gc.DEPARTMENTS) if kind == "so" else None
        return _from_body(gc.Body(kind, province, dept))
    district = rng.choice(geo.districts[province.code])
    return _from_body(gc.Body("hu" if system == "party" else "ubnd_huyen", district))


def _date(rng: random.Random, level: str) -> date:
    if level in ("commune",):
        lo, hi = REFORM, date(2026, 6, 30)
    elif level == "central":
        lo, hi = date(2021, 1, 1), date(2026, 6, 30)
    else:
        lo, hi = date(2020, 1, 1), REFORM - timedelta(days=1)
    d = lo + timedelta(days=rng.randint(0, (hi - lo).days))
    return d + timedelta(days=1) if d.weekday() == 6 else d


def _number(rng: random.Random, who: Issuing, doc_type: str, when: date) -> str:
    serial = rng.randint(1, 2400 if who.level == "central" else 600)
    if who.system == "party":
        return f"{serial}-{doc_type}/{who.code}"
    if doc_type == "CV":
        return f"{serial}/{who.code}-{rng.choice(['VP', 'VX', 'KGVX', 'TH'])}"
    return f"{serial}/{doc_type}-{who.code}"


def _num(printed: str) -> dict[str, Any]:
    return gc.number_of(printed).model_dump(by_alias=True, exclude_none=True)


@dataclass(frozen=True)
class Cite:
    document_type: str
    number: str | None
    when: str
    issuer: str | None
    title: str

    def parts(self) -> CitationParts:
        return CitationParts(self.document_type, self.number, self.when, self.issuer,
                             None if self.number else self.title)

    def reference(self, relation: str | None) -> dict[str, Any]:
        parts = self.parts()
        ref: dict[str, Any] = {"id": parts.identifier()}
        if relation:
            ref["relation"] = relation
        ref["documentType"] = self.document_type
        if self.number:
            ref["number"] = _num(self.number)
        ref["issueDate"] = self.when
        if self.issuer:
            ref["issuer"] = self.issuer
        ref["title"] = self.title
        ref["printed"] = format_citation(parts)
        return ref


def _parent(rng: random.Random, who: Issuing, when: date) -> Cite:
    """The document this one implements: a root directive for a central body, else a plan of the
    level above, a few weeks earlier."""
    pdate = (when - timedelta(days=rng.randint(5, 60))).isoformat()
    roots = [r for r in gc.ROOTS if r[2] < pdate] or [min(gc.ROOTS, key=lambda r: r[2])]
    t, number, rdate, issuer, title, _domain = rng.choice(roots)
    if who.level == "central" or rng.random() < 0.25 or rdate >= pdate:
        return Cite(t, number, rdate, issuer, title)
    if who.system == "party":
        up = {"province": ("Ban Bí thư", "TW"), "district": ("Ban Thường vụ Tỉnh ủy", "TU"),
              "commune": ("Ban Thường vụ Tỉnh ủy", "TU")}[who.level]
        pnum = f"{rng.randint(10, 400)}-KH/{up[1]}"
        return Cite("KH", pnum, pdate, up[0], gc.nfc(f"thực hiện {format_citation(CitationParts(t, number, rdate, issuer))} {title}"))
    up = {"province": ("Ủy ban nhân dân tỉnh", "UBND"), "district": ("Ủy ban nhân dân tỉnh", "UBND"),
          "commune": ("Ủy ban nhân dân tỉnh", "UBND")}[who.level]
    if rng.random() < 0.5:
        up = ("Ban Thường vụ Tỉnh ủy", "TU")
        return Cite("KH", f"{rng.randint(10, 400)}-KH/TU", pdate, up[0],
                    gc.nfc(f"thực hiện {format_citation(CitationParts(t, number, rdate, issuer))} {title}"))
    return Cite("KH", f"{rng.randint(10, 400)}/KH-{up[1]}", pdate, up[0],
                gc.nfc(f"triển khai thực hiện {format_citation(CitationParts(t, number, rdate, issuer))} {title}"))


def _more_references(rng: random.Random, who: Issuing, when: date, parent: Cite) -> list[Cite]:
    pool: list[Cite] = []
    for t, number, rdate, issuer, title, _d in gc.ROOTS:
        if rdate < when.isoformat() and number != parent.number:
            pool.append(Cite(t, number, rdate, issuer, title))
    for refs in gc.DOMAIN_REFS.values():
        for t, number, rdate, issuer, title in refs:
            if number and rdate < when.isoformat():
                pool.append(Cite(t, number, rdate, issuer, title))
    return rng.sample(pool, rng.randint(0, 3))


class Writer:
    """Sentences from the corpus vocabulary."""

    def __init__(self, rng: random.Random, who: Issuing) -> None:
        self.rng, self.who = rng, who
        self.objects = gc.DOMAINS[rng.choice(sorted(gc.DOMAINS))]
        self.fill = who.words

    def phrase(self) -> str:
        verb, obj = self.rng.choice(gc.VERBS), self.rng.choice(self.objects)
        return f"{verb} {obj[0].lower() + obj[1:]}"

    def sentence(self) -> str:
        p = self.phrase()
        if self.rng.random() < 0.6:
            p += ", " + self.rng.choice(gc.COMPLEMENTS).format(**self.fill)
        return gc.nfc(p + ".")

    def agencies(self, k: int) -> list[str]:
        level = "province" if self.who.level == "central" else self.who.level
        pool = [gc.nfc(a.format(**self.fill)) for a in gc.AGENCIES[level]]
        return self.rng.sample(pool, min(k, len(pool)))


def _bullets(w: Writer, n: int) -> list[dict[str, Any]]:
    return [{"label": "-", "text": w.sentence()} for _ in range(n)]


def _task_table(w: Writer, role: str = "tasks") -> dict[str, Any]:
    rows = []
    for i in range(w.rng.randint(2, 5)):
        lead = w.agencies(1)[0]
        lead = lead[0].upper() + lead[1:]
        when = w.rng.choice([("Thường xuyên", {"kind": "ongoing", "printed": "Thường xuyên"}),
                             ("Hằng năm", {"kind": "recurring", "frequency": "annual", "printed": "Hằng năm"})])
        rows.append({"label": str(i + 1), "role": "task", "text": w.phrase(), "children": [
            {"role": "leadAgencies", "heading": TABLE_HEADER[2], "text": lead, "agencies": [lead]},
            {"role": "timeframe", "heading": TABLE_HEADER[3], "text": when[0], "timeframe": when[1]}]})
    return {"role": role, "heading": " | ".join(TABLE_HEADER), "children": rows}


def _plan_body(w: Writer, preamble: str, romans_style: str, *, table: bool) -> list[dict[str, Any]]:
    rng = w.rng
    romans = iter(f"{r}{romans_style}" for r in ["I", "II", "III", "IV", "V"])
    body: list[dict[str, Any]] = [{"role": "preamble", "text": preamble}]
    body.append({"label": next(romans), "role": "purposesAndRequirements", "heading": "MỤC ĐÍCH, YÊU CẦU",
                 "children": [{"label": "1.", "role": "purposes", "heading": "Mục đích",
                               "children": _bullets(w, rng.randint(1, 3))},
                              {"label": "2.", "role": "requirements", "heading": "Yêu cầu",
                               "children": _bullets(w, rng.randint(1, 3))}]})
    tasks = []
    for i in range(rng.randint(2, 5)):
        kids = []
        for j in range(rng.randint(0, 3)):
            kids.append({"label": f"{'abcdđeg'[j]})", "role": "task", "text": w.sentence()})
        block = {"label": f"{i + 1}.", "role": "task", "heading": w.phrase()}
        if kids:
            block["children"] = kids
        else:
            block = {"label": f"{i + 1}.", "role": "task", "text": w.sentence()}
        tasks.append(block)
    if table:
        tasks.append(_task_table(w))
    body.append({"label": next(romans), "role": "tasks", "heading": rng.choice(
        ["NHIỆM VỤ, GIẢI PHÁP", "NỘI DUNG THỰC HIỆN", "NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU"]), "children": tasks})
    assignments = []
    for k, name in enumerate(w.agencies(rng.randint(2, 4))):
        duty = w.phrase()
        assignments.append({"label": f"{k + 1}.", "role": "assignment", "agencies": [name[0].upper() + name[1:]],
                            "text": gc.nfc(f"{name[0].upper() + name[1:]} chủ trì, phối hợp với các cơ quan liên "
                                           f"quan {duty[0].lower() + duty[1:]}.")})
    body.append({"label": next(romans), "role": "organisation", "heading": "TỔ CHỨC THỰC HIỆN",
                 "children": assignments})
    body.append({"role": "closing", "text": gc.nfc(
        f"Trên đây là Kế hoạch của {w.who.acting}; đề nghị các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.")})
    return body


def _signature(rng: random.Random, who: Issuing) -> dict[str, Any]:
    if who.system == "party":
        if who.level == "central":
            auth, pos = [{"marker": "K/T", "of": "TRƯỞNG BAN"}], "PHÓ TRƯỞNG BAN"
        else:
            auth = [{"marker": "T/M", "of": "BAN THƯỜNG VỤ" if who.level != "commune" else "ĐẢNG ỦY"}]
            pos = rng.choice(["BÍ THƯ", "PHÓ BÍ THƯ", "PHÓ BÍ THƯ THƯỜNG TRỰC"])
    elif who.level == "central":
        auth, pos = ([{"marker": "KT.", "of": "BỘ TRƯỞNG"}], "THỨ TRƯỞNG") if rng.random() < 0.7 else ([], "BỘ TRƯỞNG")
    elif who.code.startswith("S"):
        auth, pos = ([{"marker": "KT.", "of": "GIÁM ĐỐC"}], "PHÓ GIÁM ĐỐC") if rng.random() < 0.6 else ([], "GIÁM ĐỐC")
    else:
        auth = [{"marker": "TM.", "of": "ỦY BAN NHÂN DÂN"}]
        if rng.random() < 0.7:
            auth.append({"marker": "KT.", "of": "CHỦ TỊCH"})
        pos = "PHÓ CHỦ TỊCH" if len(auth) > 1 else "CHỦ TỊCH"
    sig: dict[str, Any] = {}
    if auth:
        sig["authority"] = auth
    sig["position"] = pos
    sig["name"] = gc.person(rng)
    return sig


def _recipients(who: Issuing, extra: list[str] | None = None) -> list[dict[str, Any]]:
    level = "province" if who.level == "central" else who.level
    out = []
    for name in extra or []:
        out.append({"label": "-", "text": f"{name};", "name": name})
    for text, purpose in gc.RECIPIENTS[(who.system, level)]:
        name = gc.nfc(text.format(**who.words))
        shown = {"report": f"{name} (báo cáo);", "archive": f"{name}."}.get(purpose or "", f"{name};")
        r: dict[str, Any] = {"label": "-", "text": shown, "name": name.removeprefix("Lưu: ").removeprefix("Lưu ")}
        if purpose:
            r["purpose"] = purpose
        out.append(r)
    return out


def _issuer(who: Issuing) -> dict[str, Any]:
    issuer = {"name": who.name, "actingBody": who.acting}
    if who.superior:
        issuer["superiorBody"] = who.superior
    issuer |= {"system": who.system, "level": who.level}
    return issuer


def _preamble(opening: str, parent: Cite, refs: list[Cite], who: Issuing, what: str) -> str:
    cited = [f"{format_citation(parent.parts())} {parent.title}"]
    cited += [format_citation(r.parts()) for r in refs]
    return gc.nfc(f"{opening} {'; '.join(cited)}, {who.acting} ban hành {what}, cụ thể như sau:")


@dataclass(frozen=True)
class Generated:
    name: str
    record: dict[str, Any]
    kind: str  # plan, dispatch, decision-bundle
    level: str
    system: str


def _document(kind: str, doc_type: str, who: Issuing, when: date, number: str | None, title: str,
              parent: Cite, refs: list[Cite], body: list[dict[str, Any]], signature: dict[str, Any],
              recipients: list[dict[str, Any]], blank: str | None) -> dict[str, Any]:
    doc: dict[str, Any] = {"khthVersion": KHTH_VERSION, "id": "", "profile": "lenient", "documentType": doc_type}
    missing = []
    if number:
        n = _num(number)
        if blank == "serial":
            printed = n["printed"].split("/", 1)[1] if "/" in n["printed"] else n["printed"]
            n = {k: v for k, v in n.items() if k not in ("serial",)} | {"printed": f"/{printed}"}
            missing.append({"field": "/number/serial", "reason": "blank"})
        doc["number"] = n
    issue = when.isoformat()
    if blank == "day":
        issue = issue[:7]
        missing.append({"field": "/issueDate", "reason": "blank"})
    doc["issueDate"] = issue
    doc["place"] = who.place
    doc["issuer"] = _issuer(who)
    doc["title"] = title
    doc["parent"] = parent.reference(None)
    if refs:
        doc["references"] = [r.reference("cites") for r in refs]
    doc["body"] = body
    doc["signature"] = signature
    doc["recipients"] = recipients
    if missing:
        doc["provenance"] = {"missing": missing}
    doc["id"] = document_identifier(doc)
    return doc


def generate(count: int, seed: int = 2026) -> list[Generated]:
    """``count`` records, the same for the same seed."""
    geo = gc.build_geography(seed)
    return [one(random.Random(f"{seed}:roundtrip:{i}"), geo, f"{i:04d}") for i in range(count)]


def one(rng: random.Random, geo: gc.Geography, name: str = "") -> Generated:
    """One record, every choice drawn from ``rng`` (a test's hypothesis-controlled Random, or the seed's)."""
    system = "party" if rng.random() < 0.4 else "state"
    level = rng.choice(["central", "province", "province", "district", "district", "commune", "commune"])
    kind = rng.choices(["plan", "dispatch", "decision-bundle"], [0.6, 0.2, 0.2])[0]
    if kind == "decision-bundle":
        system = "state"
    when = _date(rng, level)
    who = _issuing(rng, level, system, when, geo)
    return Generated(f"{name}_{kind}_{system}_{level}", _record(rng, kind, who, when), kind, level, system)


def _record(rng: random.Random, kind: str, who: Issuing, when: date) -> dict[str, Any]:
    w = Writer(rng, who)
    parent = _parent(rng, who, when)
    refs = _more_references(rng, who, when, parent)
    blank = rng.choices([None, "serial", "day"], [0.84, 0.08, 0.08])[0] if who.system == "state" else None
    opening = "Thực hiện"
    subject = gc.nfc(f"thực hiện {format_citation(parent.parts())} {parent.title}")
    if kind == "dispatch":
        number = _number(rng, who, "CV", when)
        title = gc.nfc(f"triển khai thực hiện {format_citation(parent.parts())}")
        cited = "; ".join([f"{format_citation(parent.parts())} {parent.title}"] +
                          [format_citation(r.parts()) for r in refs])
        body = [{"role": "preamble", "text": gc.nfc(f"{opening} {cited}, {who.acting} đề nghị các cơ quan, đơn vị "
                                                    f"thực hiện một số nội dung sau:")}]
        for k in range(rng.randint(2, 4)):
            body.append({"label": f"{k + 1}.", "role": "assignment", "text": w.sentence()})
        body.append({"role": "closing", "text": "Đề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện./."})
        addressees = [a[0].upper() + a[1:] for a in w.agencies(rng.randint(1, 3))]
        doc = _document("dispatch", "CV", who, when, number, title, parent, refs, body, _signature(rng, who),
                        _recipients(who, ["Như trên"]), blank)
        doc["addressees"] = [{"label": "-", "text": f"{a};", "name": a} for a in addressees]
        Document.model_validate(doc)
        return doc
    plan_number = _number(rng, who, "KH", when)
    body = _plan_body(w, _preamble(opening, parent, refs, who, "Kế hoạch " + subject), rng.choice([".", "-"]),
                      table=rng.random() < 0.35)
    if kind == "plan":
        if rng.random() < 0.3:
            cite = format_citation(CitationParts("KH", plan_number, when.isoformat(), who.acting))
            annex = _task_table(w)
            body.append({"role": "annex", "heading": "Phụ lục DANH MỤC NHIỆM VỤ TRỌNG TÂM",
                         "text": f"(Kèm theo {cite})", "children": [annex]})
        doc = _document("plan", "KH", who, when, plan_number, subject, parent, refs, body, _signature(rng, who),
                        _recipients(who), blank)
        Document.model_validate(doc)
        return doc
    # A decision issuing a plan: the decision first, the plan it carries after it.
    decision_number = _number(rng, who, "QĐ", when)
    plan_title = gc.nfc(f"{subject}")
    decision_body = [
        {"role": "preamble", "text": gc.nfc(f"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; "
                                           f"{opening} {format_citation(parent.parts())} {parent.title};")},
        {"label": "Điều 1.", "text": f"Ban hành kèm theo Quyết định này Kế hoạch {plan_title}."},
        {"label": "Điều 2.", "text": "Quyết định này có hiệu lực kể từ ngày ký."},
        {"label": "Điều 3.", "text": gc.nfc(f"Chánh Văn phòng {who.acting} và các cơ quan, đơn vị liên quan chịu "
                                            f"trách nhiệm thi hành Quyết định này./.")}]
    decision = _document("decision", "QĐ", who, when, decision_number, f"Về việc ban hành Kế hoạch {plan_title}",
                         parent, [], decision_body, _signature(rng, who), _recipients(who, ["Như Điều 3"]), blank)
    plan = _document("plan", "KH", who, when, plan_number, plan_title, parent, refs, body, _signature(rng, who),
                     _recipients(who), None)
    for d in (decision, plan):
        Document.model_validate(d)
    plan.pop("khthVersion")
    decision.pop("khthVersion")
    return {"khthVersion": KHTH_VERSION, "documents": [decision, plan]}


def documents(record: dict[str, Any]) -> list[dict[str, Any]]:
    return record.get("documents", [record])


__all__ = ["Generated", "generate", "one", "documents", "citation_name", "format_citation_date"]

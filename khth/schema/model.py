"""The KHTH information model: the one place where the standard is written.

Every class is a pydantic v2 model whose fields carry an English description (``description``)
and a Vietnamese one (``vi``). JSON property names are the camelCase aliases of the Python
names; XML element names are the same names. The JSON Schema, the XSD, the XML mapping and the
field reference in SPEC.md are generated from these classes by :mod:`khth.schema.generate`.

Field order is significant: it is the key order of canonical JSON and the element order of XML.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

from .codelists import (
    AdminUnitScheme, BlockRole, Bound, DeadlineAnchor, DocumentType, Frequency, Level, MissingReason, Profile,
    RecipientPurpose, Relation, SignatureMarker, SourceFormat, System, TimeframeKind, TimeUnit, Weekday,
)
from .types import (
    Boolean, Code, Count, DateTime, DayOfMonth, Decimal, Identifier, JsonPointer, LineNumber, LongText,
    MonthDay, MonthOfQuarter, PartialDate, Serial, Text, Version, Year,
)

from .version import KHTH_VERSION  # noqa: F401  (re-exported)


def opt(en: str, vi: str, *, item: str | None = None, default: Any = None) -> Any:
    """A model field with its English and Vietnamese descriptions.

    ``item`` names the XML element of each entry when the field is a list.
    """
    extra: dict[str, Any] = {"vi": vi}
    if item:
        extra["xmlItem"] = item
    return Field(default, description=en, json_schema_extra=extra)


def req(en: str, vi: str) -> Any:
    return Field(..., description=en, json_schema_extra={"vi": vi})


class KhthModel(BaseModel):
    model_config = ConfigDict(extra="forbid", alias_generator=to_camel, populate_by_name=True,
                              validate_assignment=True)

    def to_json_data(self) -> dict[str, Any]:
        """The JSON form: camelCase keys, absent facts omitted (KHTH has no nulls)."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)


class SourceSpan(KhthModel):
    """Where a fact stands in the source document."""

    start_line: LineNumber | None = opt("First line in the source text file; in a PDF, the line on its page (1-based "
                                        "from the page's top).",
                                        "Dòng đầu trong tệp nguồn; với PDF, số dòng trên trang (từ 1, tính từ đầu trang).")
    end_line: LineNumber | None = opt("Last line in the source text file; in a PDF, the line on its page (endPage, "
                                      "else page).",
                                      "Dòng cuối trong tệp nguồn; với PDF, số dòng trên trang của nó (endPage, nếu "
                                      "không thì page).")
    paragraph: LineNumber | None = opt("Paragraph index (1-based) in a .docx source, or in the reading order of a PDF.",
                                         "Số thứ tự đoạn (từ 1) trong tệp .docx nguồn, hoặc theo thứ tự đọc của PDF.")
    page: LineNumber | None = opt("Page (1-based) of a PDF source, or a scan, on which the text starts.",
                                  "Trang (từ 1) của tệp PDF nguồn, hoặc bản quét, nơi đoạn văn bắt đầu.")
    end_page: LineNumber | None = opt("Page on which the text ends, where it runs on past page.",
                                      "Trang nơi đoạn văn kết thúc, nếu sang trang khác với page.")


class AdminUnit(KhthModel):
    """An administrative unit (đơn vị hành chính) identified by a code in a named scheme."""

    code: Code = req("The unit's code in the scheme (GSO: province 2, district 3, commune 5 digits).",
                          "Mã đơn vị trong hệ mã (mã thống kê: tỉnh 2, huyện 3, xã 5 chữ số).")
    scheme: AdminUnitScheme = req("The code scheme.", "Hệ mã.")
    name: Text | None = opt("The unit's official name (\"Thị xã Đức Phổ\").", "Tên chính thức của đơn vị.")


class Issuer(KhthModel):
    """The body that issues a document (cơ quan ban hành)."""

    name: Text = req(
        "The issuing body's name as printed in the header, letter case kept (\"THỊ ỦY ĐỨC PHỔ\").",
        "Tên cơ quan ban hành như in ở phần đầu văn bản, giữ nguyên chữ hoa.")
    acting_body: Text | None = opt(
        "The organ that adopted the document on the body's behalf, as printed in the text (\"Ban Thường vụ Thị ủy\").",
        "Cơ quan thay mặt ban hành, như ghi trong văn bản (\"Ban Thường vụ Thị ủy\").")
    superior_body: Text | None = opt(
        "The superior body printed above the issuer's name (\"ĐẢNG BỘ TỈNH QUẢNG NGÃI\").",
        "Cơ quan cấp trên in phía trên tên cơ quan ban hành (\"ĐẢNG BỘ TỈNH QUẢNG NGÃI\").")
    system: System | None = opt("Party, State or other system.", "Hệ thống: Đảng, Nhà nước hay khác.")
    level: Level | None = opt("Administrative level of the issuer.", "Cấp hành chính của cơ quan ban hành.")
    admin_unit: AdminUnit | None = opt("The administrative unit the issuer belongs to.",
                                         "Đơn vị hành chính của cơ quan ban hành.")


class DocumentNumber(KhthModel):
    """A document number and symbol (số, ký hiệu) as printed, with its parsed parts."""

    printed: Text = req(
        "The number and symbol as printed, without the leading \"Số\"/\"Số:\" (\"192-KH/TU\", \"/UBND - VHXX\").",
        "Số, ký hiệu như in, bỏ chữ \"Số\"/\"Số:\" đứng trước.")
    system: System | None = opt(
        "Numbering system: party (N-TYPE/ISSUER, per committee term) or state (N/TYPE-ISSUER, restarting yearly).",
        "Hệ thống đánh số: Đảng (N-LOẠI/CƠ QUAN, theo nhiệm kỳ) hay Nhà nước (N/LOẠI-CƠ QUAN, đánh lại mỗi năm).")
    serial: Serial | None = opt("The serial number (số).", "Số thứ tự của văn bản.")
    year: Year | None = opt("The year printed inside the number (56/2017/NĐ-CP).",
                              "Năm ghi trong số văn bản (56/2017/NĐ-CP).")
    type_code: Code | None = opt("The document type code in the symbol (KH, CT, TTr); absent for a State công văn.",
                                   "Chữ viết tắt tên loại văn bản trong ký hiệu; công văn Nhà nước không có.")
    issuer_code: Code | None = opt("The issuer's code in the symbol (TU, HU, UBND, SLĐTBXH, CP).",
                                     "Chữ viết tắt tên cơ quan ban hành trong ký hiệu.")
    unit_code: Code | None = opt(
        "For a State công văn, the drafting unit or field after the issuer (VP in 1761/UBND-VP).",
        "Với công văn Nhà nước: đơn vị soạn thảo hoặc lĩnh vực sau tên cơ quan (VP trong 1761/UBND-VP).")


class Reference(KhthModel):
    """A document cited by this one, identified by type, number, date and issuer as printed."""

    id: Identifier = req("Canonical identifier of the cited document, derived from this citation.",
                              "Mã định danh chuẩn của văn bản được dẫn, suy ra từ trích dẫn này.")
    relation: Relation | None = opt(
        "How this document relates to the cited one. Absent on the parent link, whose relation is 'implements'.",
        "Quan hệ với văn bản được dẫn. Không ghi ở liên kết văn bản cấp trên (quan hệ 'thực hiện').")
    document_type: DocumentType = req("Type of the cited document.", "Loại văn bản được dẫn.")
    number: DocumentNumber | None = opt("Number and symbol of the cited document.", "Số, ký hiệu văn bản được dẫn.")
    issue_date: PartialDate | None = opt("Issue date of the cited document.", "Ngày ban hành văn bản được dẫn.")
    issuer: Text | None = opt("The issuer as printed in the citation (\"Ban Thường vụ Tỉnh ủy\").",
                                "Cơ quan ban hành như ghi trong trích dẫn.")
    title: Text | None = opt("The cited document's name or subject as printed (\"Luật Trẻ em\").",
                               "Tên hoặc trích yếu của văn bản được dẫn như ghi.")
    printed: Text | None = opt(
        "The first full citation as printed (\"Kế hoạch số 260-KH/TU ngày 04/3/2024 của Ban Thường vụ Tỉnh ủy\").",
        "Lần trích dẫn đầy đủ đầu tiên như in.")
    source: SourceSpan | None = opt("Where the citation stands in the source.", "Vị trí trích dẫn trong văn bản nguồn.")


class Abbreviation(KhthModel):
    """A short name the text defines (\"sau đây viết tắt là …\")."""

    abbreviation: Text = req("The short form as printed (\"Chỉ thị 28\").", "Tên viết tắt như in.")
    refers_to: Identifier | None = opt("The identifier of the document the short form stands for.",
                                         "Mã định danh văn bản mà tên viết tắt chỉ tới.")
    expansion: Text | None = opt("What the short form stands for, when it is not a cited document.",
                                   "Nội dung đầy đủ, khi không phải là một văn bản được dẫn.")
    printed: Text = req("The defining phrase as printed (\"(sau đây viết tắt Chỉ thị 28)\").",
                             "Cụm từ định nghĩa như in.")


class Period(KhthModel):
    """One of several separate periods a timeframe prints (\"quý II\" of \"quý II và quý IV/2024\")."""

    start: PartialDate = req("Start of the period.", "Bắt đầu giai đoạn.")
    end: PartialDate = req("End of the period.", "Kết thúc giai đoạn.")


class Timeframe(KhthModel):
    """When a task is to be carried out (thời gian thực hiện)."""

    kind: TimeframeKind = req("Ongoing, deadline, period or recurring.", "Thường xuyên, hạn, giai đoạn hay định kỳ.")
    start: PartialDate | None = opt("Start of the period.", "Bắt đầu giai đoạn.")
    end: PartialDate | None = opt("End of the period.", "Kết thúc giai đoạn.")
    periods: list[Period] | None = opt(
        "The separate periods, in order, when the timeframe prints several with time between them "
        "(\"quý II và quý IV/2024\", \"năm 2024 và 2026\"); start and end then span them all. Since 1.1.",
        "Các giai đoạn tách rời, theo thứ tự, khi thời gian in nhiều giai đoạn có khoảng cách "
        "(\"quý II và quý IV/2024\"); start và end khi đó bao trùm tất cả. Từ 1.1.", item="period")
    deadline: PartialDate | None = opt("The date by which the task is to be done.", "Hạn hoàn thành.")
    frequency: Frequency | None = opt("How often a recurring task recurs.", "Tần suất của nhiệm vụ định kỳ.")
    printed: Text = req("The timeframe as printed (\"Thường xuyên.\").", "Thời gian như in.")


class Deadline(KhthModel):
    """A dated deadline stated anywhere in the text."""

    date: PartialDate = req("The deadline date.", "Ngày hết hạn.")
    printed: Text = req("The phrase as printed (\"hoàn thành trước ngày 07/5/2024\").", "Cụm từ như in.")


class RelativeDeadline(KhthModel):
    """A deadline stated as a time after an event, not as a date (\"trong thời hạn 30 ngày kể từ ngày ban hành
    Kế hoạch này\"). Since 1.1."""

    amount: Count = req("How many units of time (30 in \"trong thời hạn 30 ngày\").", "Số đơn vị thời gian.")
    unit: TimeUnit = req("Days, working days, weeks or months.", "Ngày, ngày làm việc, tuần hay tháng.")
    after: DeadlineAnchor = req("The event the time counts from: the document's issue, its receipt, its taking "
                                "effect, or another.",
                                "Mốc tính: ngày ban hành, ngày nhận được, ngày có hiệu lực của văn bản, hoặc mốc khác.")
    printed: Text = req("The phrase as printed (\"trong thời hạn 30 ngày kể từ ngày ban hành Kế hoạch này\").",
                        "Cụm từ như in.")


class Target(KhthModel):
    """A measurable target (chỉ tiêu)."""

    bound: Bound | None = opt(
        "How the value bounds what is to be reached, when the text says (\"ít nhất 90%\" at least, "
        "\"không quá 5%\" at most, \"dưới 12%\" less than). Since 1.1.",
        "Giá trị là mức tối thiểu, tối đa…, khi văn bản nêu (\"ít nhất 90%\", \"không quá 5%\", \"dưới 12%\"). Từ 1.1.")
    value: Decimal | None = opt("The numeric value (\"12\" in \"xuống dưới 12%\").", "Giá trị số.")
    unit: Text | None = opt("The unit of the value (\"%\").", "Đơn vị.")
    printed: Text = req("The target as printed.", "Chỉ tiêu như in.")


class Reporting(KhthModel):
    """A reporting obligation (chế độ báo cáo)."""

    frequencies: list[Frequency] | None = opt("How often reports are due.", "Tần suất báo cáo.", item="frequency")
    deadline: MonthDay | None = opt("Recurring day of the year by which the report is due (--11-20).",
                                      "Hạn gửi báo cáo hằng năm (--11-20).")
    due_days: list[MonthDay] | None = opt(
        "The days of the year reports are due, when the duty prints more than one (\"trước ngày 15/6 và 15/12 "
        "hằng năm\" → --06-15, --12-15); a single day is the deadline. Since 1.1.",
        "Các ngày trong năm phải gửi báo cáo, khi có hơn một ngày (\"trước ngày 15/6 và 15/12 hằng năm\"); "
        "một ngày thì ghi ở deadline. Từ 1.1.", item="day")
    day_of_month: DayOfMonth | None = opt(
        "The day of the month by which a report is due (\"trước ngày 20 hằng tháng\" → 20; \"ngày 25 của tháng "
        "cuối quý\" → 25). Since 1.1.",
        "Ngày trong tháng phải gửi báo cáo (\"trước ngày 20 hằng tháng\" → 20). Từ 1.1.")
    month_of_quarter: MonthOfQuarter | None = opt(
        "The month of each quarter in which the report is due (\"tháng cuối quý\" → 3). Since 1.1.",
        "Tháng trong quý phải gửi báo cáo (\"tháng cuối quý\" → 3). Từ 1.1.")
    weekday: Weekday | None = opt("The day of the week a weekly report is due (\"hằng tuần (thứ Sáu)\"). Since 1.1.",
                                    "Ngày trong tuần phải gửi báo cáo hằng tuần (\"hằng tuần (thứ Sáu)\"). Từ 1.1.")
    to: list[Text] | None = opt("Bodies the report goes to, as printed.", "Nơi nhận báo cáo, như in.", item="body")
    through: list[Text] | None = opt("Bodies the report passes through (\"qua Sở …\"), as printed.",
                                       "Cơ quan đầu mối nhận báo cáo (\"qua Sở …\"), như in.", item="body")
    printed: Text = req("The sentence that states the obligation, as printed.", "Câu quy định chế độ báo cáo, như in.")


class Block(KhthModel):
    """One printed unit of the body, in reading order: a heading, a paragraph or a list item."""

    label: Text | None = opt("The label exactly as printed (\"II-\", \"1.\", \"1.1.\", \"a)\", \"đ)\", \"-\", \"+\").",
                               "Ký hiệu đề mục như in.")
    printed_label: Text | None = opt(
        "The label as it appears in an OCR'd source when it differs from the label a reader establishes (\"I11.\").",
        "Ký hiệu như trong bản OCR khi khác ký hiệu đúng (\"I11.\").")
    role: BlockRole | None = opt("What the block is in the plan's structure.", "Vai trò của khối trong kế hoạch.")
    heading: Text | None = opt("The heading text, when the block is a heading (\"MỤC ĐÍCH, YÊU CẦU\").",
                                 "Tiêu đề, khi khối là một đề mục.")
    text: Text | None = opt("The paragraph text as printed, lines re-joined.", "Nội dung đoạn văn như in, đã nối dòng.")
    agencies: list[Text] | None = opt(
        "Agencies named by the block, as printed: the lead, implementing or coordinating agencies of a task, "
        "or the agency an assignment is given to (the block's role says which); beside partners, the lead.",
        "Các cơ quan được nêu: chỉ đạo, thực hiện, phối hợp hoặc được phân công (theo vai trò của khối); "
        "khi có partners, là cơ quan chủ trì.",
        item="agency")
    partners: list[Text] | None = opt(
        "Agencies the block's agencies are to work with, as printed (\"Sở X chủ trì, phối hợp với Sở Y, Sở Z\" → "
        "Sở Y, Sở Z); the block's agencies are then the lead (Sở X). Since 1.1.",
        "Các cơ quan phối hợp, như in (\"Sở X chủ trì, phối hợp với Sở Y, Sở Z\" → Sở Y, Sở Z); agencies khi đó là "
        "cơ quan chủ trì (Sở X). Từ 1.1.", item="agency")
    timeframe: Timeframe | None = opt("The timeframe the block states.", "Thời gian thực hiện nêu trong khối.")
    deadlines: list[Deadline] | None = opt("Dated deadlines stated in the block.", "Các hạn nêu trong khối.",
                                             item="deadline")
    relative_deadlines: list[RelativeDeadline] | None = opt(
        "Deadlines the block states as a time after an event (\"trong thời hạn 30 ngày kể từ ngày ban hành\"). "
        "Since 1.1.",
        "Các thời hạn nêu bằng khoảng thời gian kể từ một mốc (\"trong thời hạn 30 ngày kể từ ngày ban hành\"). "
        "Từ 1.1.", item="relativeDeadline")
    targets: list[Target] | None = opt("Measurable targets stated in the block.", "Các chỉ tiêu nêu trong khối.",
                                         item="target")
    reporting: Reporting | None = opt("A reporting obligation the block states.", "Chế độ báo cáo nêu trong khối.")
    cites: list[Identifier] | None = opt("Identifiers of the documents the block cites.",
                                           "Mã định danh các văn bản được dẫn trong khối.", item="id")
    source: SourceSpan | None = opt("Where the block stands in the source.", "Vị trí của khối trong văn bản nguồn.")
    children: list[Block] | None = opt("Sub-blocks, in order.", "Các khối con, theo thứ tự.", item="block")


class Recipient(KhthModel):
    """One entry of \"Kính gửi\" or \"Nơi nhận\"."""

    label: Text | None = opt("The bullet as printed (\"-\").", "Dấu đầu dòng như in.")
    text: Text = req("The entry exactly as printed, bullet excluded (\"Ban Thường vụ Tỉnh ủy (báo cáo),\").",
                          "Nội dung như in, không kể dấu đầu dòng.")
    name: Text | None = opt("The recipient's name without purpose and punctuation.", "Tên nơi nhận, bỏ mục đích và dấu câu.")
    purpose: RecipientPurpose | None = opt("Why the copy is sent.", "Mục đích gửi.")


class Authority(KhthModel):
    """One line of the signing-authority chain (\"TM. ỦY BAN NHÂN DÂN\", \"KT. CHỦ TỊCH\")."""

    marker: SignatureMarker = req("The authority marker as printed.", "Ký hiệu thẩm quyền ký như in.")
    of: Text = req("The body or post the marker applies to, as printed (\"BAN THƯỜNG VỤ\").",
                        "Tập thể hoặc chức vụ được thay mặt, ký thay, như in.")


class Signature(KhthModel):
    """The signature block."""

    authority: list[Authority] | None = opt("The authority chain, top line first.", "Chuỗi thẩm quyền ký, dòng trên trước.",
                                              item="line")
    position: Text | None = opt("The signer's position as printed (\"PHÓ CHỦ TỊCH\").", "Chức vụ người ký như in.")
    name: Text | None = opt("The signer's full name.", "Họ tên người ký.")
    signed_at: DateTime | None = opt("The time of the digital signature, where printed.",
                                       "Thời điểm ký số, nếu có in.")


class MissingFact(KhthModel):
    """A fact the published profile requires that the source does not give."""

    field: JsonPointer = req("JSON Pointer of the absent field (\"/number/serial\").", "JSON Pointer của trường vắng.")
    reason: MissingReason = req("Why it is absent.", "Lý do vắng.")
    note: Text | None = opt("What the source shows instead.", "Nguồn thể hiện gì ở chỗ đó.")


class InferredFact(KhthModel):
    """A fact that is not printed where the layout puts it but was established from other evidence."""

    field: JsonPointer = req("JSON Pointer of the inferred field.", "JSON Pointer của trường được suy ra.")
    evidence: Text = req("The printed evidence (\"Báo Bình Định\").", "Bằng chứng in trong văn bản.")
    note: Text | None = opt("How the fact follows from the evidence.", "Cách suy ra từ bằng chứng.")


class Provenance(KhthModel):
    """Where the record comes from and how far it can be trusted."""

    source_file: Text | None = opt("Name of the source file.", "Tên tệp nguồn.")
    source_format: SourceFormat | None = opt("Format of the source.", "Định dạng nguồn.")
    source: SourceSpan | None = opt("The part of the source file this document occupies.",
                                      "Phần của tệp nguồn chứa văn bản này.")
    ocr: Boolean | None = opt("Whether the text was obtained by OCR.", "Văn bản có phải do nhận dạng OCR không.")
    printed_text: LongText | None = opt(
        "The source text exactly as received, kept when it differs from the recorded text (OCR).",
        "Nguyên văn nguồn, giữ lại khi khác văn bản đã ghi nhận (OCR).")
    cited_by: list[Identifier] | None = opt("For a citation-only record: the documents that cite it.",
                                              "Với bản ghi trích dẫn: các văn bản dẫn tới nó.", item="id")
    missing: list[MissingFact] | None = opt("Facts the source does not give.", "Các thông tin nguồn không có.",
                                              item="fact")
    inferred: list[InferredFact] | None = opt("Facts established from other evidence.", "Các thông tin được suy ra.",
                                                item="fact")
    notes: list[Text] | None = opt("Remarks on the source (marks, stamps, initials).",
                                     "Ghi chú về nguồn (dấu, chữ ký nháy…).", item="note")


class Document(KhthModel):
    """One document: a plan, a directive, a dispatch, or a citation-only record of one."""

    khth_version: Version | None = opt("KHTH version the record follows; required on a stand-alone document.",
                                         "Phiên bản KHTH; bắt buộc với văn bản đứng riêng.")
    id: Identifier = req("Canonical identifier, derived from type, number, date and issuer.",
                              "Mã định danh chuẩn, suy ra từ loại, số, ngày và cơ quan ban hành.")
    profile: Profile = req("The conformance profile the record claims.", "Mức tuân thủ mà bản ghi đáp ứng.")
    document_type: DocumentType = req("The document type (tên loại).", "Tên loại văn bản.")
    number: DocumentNumber | None = opt("Number and symbol.", "Số, ký hiệu.")
    issue_date: PartialDate | None = opt("Issue date; reduced precision when the printed day or month is blank.",
                                           "Ngày ban hành; rút gọn khi ngày hoặc tháng để trống.")
    place: Text | None = opt("Place name of the date line (địa danh), as printed (\"Đức Phổ\").",
                               "Địa danh ở dòng ngày tháng, như in.")
    issuer: Issuer | None = opt("The issuing body.", "Cơ quan ban hành.")
    title: Text | None = opt(
        "The subject line (trích yếu) as printed, after the type name; for a công văn, after \"V/v\".",
        "Trích yếu nội dung như in, sau tên loại; với công văn là phần sau \"V/v\".")
    parent: Reference | None = opt("The document this one directly implements (văn bản cấp trên được thực hiện).",
                                     "Văn bản mà văn bản này trực tiếp triển khai thực hiện.")
    references: list[Reference] | None = opt("Every other cited document, in order of first citation.",
                                               "Các văn bản khác được dẫn, theo thứ tự xuất hiện.", item="reference")
    abbreviations: list[Abbreviation] | None = opt("Short names the text defines.", "Các tên viết tắt văn bản định nghĩa.",
                                                     item="abbreviation")
    addressees: list[Recipient] | None = opt("Addressees (Kính gửi), in order.", "Nơi gửi (Kính gửi), theo thứ tự.",
                                               item="recipient")
    body: list[Block] | None = opt("The body, in reading order.", "Nội dung văn bản, theo thứ tự.", item="block")
    signature: Signature | None = opt("The signature block.", "Phần ký.")
    recipients: list[Recipient] | None = opt("Recipients (Nơi nhận), in order.", "Nơi nhận, theo thứ tự.",
                                               item="recipient")
    provenance: Provenance | None = opt("Source and trust of the record.", "Nguồn gốc và độ tin cậy của bản ghi.")


class Bundle(KhthModel):
    """Several documents in one file: a source that holds two, or a whole implementation tree."""

    khth_version: Version = req("KHTH version the bundle follows.", "Phiên bản KHTH.")
    title: Text | None = opt("What the bundle holds.", "Mô tả nội dung gói.")
    documents: list[Document] = opt("The documents, in order.", "Các văn bản, theo thứ tự.", item="document",
                                      default=...)


Block.model_rebuild()


# The Vietnamese description of each model (the English one is its docstring), kept beside the classes
# so that the schemas describe every type in both languages.
DESCRIPTIONS_VI: dict[str, str] = {
    "SourceSpan": "Vị trí của một thông tin trong văn bản nguồn.",
    "AdminUnit": "Đơn vị hành chính, xác định bằng mã trong một hệ mã có tên.",
    "Issuer": "Cơ quan ban hành văn bản.",
    "DocumentNumber": "Số, ký hiệu văn bản như in, cùng các thành phần đã tách.",
    "Reference": "Văn bản được dẫn, xác định bằng loại, số, ngày và cơ quan ban hành như in.",
    "Abbreviation": "Tên viết tắt do văn bản định nghĩa (\"sau đây viết tắt là …\").",
    "Period": "Một trong các giai đoạn tách rời mà thời gian thực hiện in ra (\"quý II\" của \"quý II và quý IV/2024\").",
    "Timeframe": "Thời gian thực hiện một nhiệm vụ.",
    "Deadline": "Một hạn có ngày cụ thể nêu ở bất kỳ chỗ nào trong văn bản.",
    "RelativeDeadline": "Một thời hạn nêu bằng khoảng thời gian kể từ một mốc, không bằng ngày cụ thể.",
    "Target": "Một chỉ tiêu đo được.",
    "Reporting": "Chế độ báo cáo.",
    "Block": "Một đơn vị in của nội dung, theo thứ tự đọc: đề mục, đoạn văn hoặc ý liệt kê.",
    "Recipient": "Một dòng của \"Kính gửi\" hoặc \"Nơi nhận\".",
    "Authority": "Một dòng của chuỗi thẩm quyền ký (\"TM. ỦY BAN NHÂN DÂN\", \"KT. CHỦ TỊCH\").",
    "Signature": "Phần ký.",
    "MissingFact": "Thông tin mà mức tuân thủ công bố đòi hỏi nhưng văn bản nguồn không có.",
    "InferredFact": "Thông tin không in ở vị trí theo thể thức nhưng được xác lập từ bằng chứng khác.",
    "Provenance": "Nguồn gốc của bản ghi và mức độ tin cậy.",
    "Document": "Một văn bản: kế hoạch, chỉ thị, công văn, hoặc bản ghi chỉ gồm trích dẫn của văn bản đó.",
    "Bundle": "Nhiều văn bản trong một tệp: một nguồn chứa hai văn bản, hoặc cả một cây triển khai thực hiện.",
}

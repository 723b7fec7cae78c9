"""Codelists of the KHTH standard.

Each codelist is a ``str`` enum whose values are the codes that appear in documents, with a
label table giving the Vietnamese term, the English term and, where needed, a note. The JSON
Schema, the XSD and SPEC.md are generated from these tables, so a code is added here once.
"""

from __future__ import annotations

from enum import Enum


class Codelist(str, Enum):
    """Base for codelists: ``labels()`` maps each code to (vi, en, note)."""

    @classmethod
    def labels(cls) -> dict[str, tuple[str, str, str]]:
        return {m.value: m._labels[m.value] for m in cls}  # type: ignore[attr-defined]

    @classmethod
    def codelist_name(cls) -> str:
        return cls.__name__

    def __str__(self) -> str:  # so f-strings print the code, not the member name
        return self.value


def _labelled(cls: type[Codelist], table: dict[str, tuple[str, str, str]]) -> type[Codelist]:
    missing = {m.value for m in cls} ^ set(table)
    if missing:
        raise ValueError(f"{cls.__name__}: labels out of step with codes: {sorted(missing)}")
    cls._labels = table  # type: ignore[attr-defined]
    return cls


class DocumentType(Codelist):
    KH = "KH"
    CT = "CT"
    NQ = "NQ"
    KL = "KL"
    HD = "HD"
    QD = "QĐ"
    QYD = "QyĐ"
    QDI = "QĐi"
    QC = "QC"
    CTR = "CTr"
    DA = "ĐA"
    PA = "PA"
    TB = "TB"
    TC = "TC"
    BC = "BC"
    TTR = "TTr"
    BB = "BB"
    CV = "CV"
    CD = "CĐ"
    ND = "NĐ"
    TT = "TT"
    TTLT = "TTLT"
    NQLT = "NQLT"
    CTRPH = "CTrPH"
    KHLT = "KHLT"
    KHPH = "KHPH"
    QCPH = "QCPH"
    L = "L"
    VBHN = "VBHN"


_labelled(DocumentType, {
    "KH": ("Kế hoạch", "Plan", ""),
    "CT": ("Chỉ thị", "Directive", ""),
    "NQ": ("Nghị quyết", "Resolution", ""),
    "KL": ("Kết luận", "Conclusion", "Party documents."),
    "HD": ("Hướng dẫn", "Guidance", ""),
    "QĐ": ("Quyết định / Quy định", "Decision / Regulation",
           "State: Quyết định (decision). Party: Quyết định, and also Quy định (regulation) in most committees."),
    "QyĐ": ("Quy định", "Regulation", "State administrative regulation (Nghị định 30/2020/NĐ-CP, Appendix III)."),
    "QĐi": ("Quy định", "Regulation", "Party regulations of the Central Committee (e.g. 08-QĐi/TW)."),
    "QC": ("Quy chế", "Rules of procedure", ""),
    "CTr": ("Chương trình", "Programme", ""),
    "ĐA": ("Đề án", "Scheme", ""),
    "PA": ("Phương án", "Option / arrangement", ""),
    "TB": ("Thông báo", "Notice", ""),
    "TC": ("Thông cáo", "Communiqué", ""),
    "BC": ("Báo cáo", "Report", ""),
    "TTr": ("Tờ trình", "Submission / proposal", ""),
    "BB": ("Biên bản", "Minutes", ""),
    "CV": ("Công văn", "Official letter (dispatch)",
           "Party công văn carry the code CV in the number (279-CV/BNCTU); State công văn carry no type "
           "code: the symbol is issuer plus drafting unit (1761/UBND-VP)."),
    "CĐ": ("Công điện", "Official telegram", ""),
    "NĐ": ("Nghị định", "Decree", "Legal normative document of the Government; number carries the year."),
    "TT": ("Thông tri / Thông tư", "Party circular / Circular",
           "State: Thông tư (circular of a ministry, number carries the year). Party: Thông tri."),
    "TTLT": ("Thông tư liên tịch", "Joint circular", "Issued jointly: the issuers' codes follow the type, joined by \"-\" (…/TTLT-BTP-BNV)."),
    "NQLT": ("Nghị quyết liên tịch", "Joint resolution",
             "Issued jointly: the issuers' codes follow the type, joined by \"-\"."),
    "CTrPH": ("Chương trình phối hợp", "Joint programme", "Issued jointly: the issuers' codes follow the type, joined by \"-\" (…/CTrPH-…)."),
    "KHLT": ("Kế hoạch liên tịch", "Joint plan", "Issued jointly: the issuers' codes follow the type, joined by \"-\" (…/KHLT-…)."),
    "KHPH": ("Kế hoạch phối hợp", "Coordination plan", "Issued jointly: the issuers' codes follow the type, joined by \"-\" (…/KHPH-…)."),
    "QCPH": ("Quy chế phối hợp", "Coordination rules", "Issued jointly: the issuers' codes follow the type, joined by \"-\" (…/QCPH-…)."),
    "L": ("Luật", "Law", "Laws of the National Assembly; often cited by name and year only."),
    "VBHN": ("Văn bản hợp nhất", "Consolidated text", ""),
})


class System(Codelist):
    PARTY = "party"
    STATE = "state"
    FRONT = "front"
    OTHER = "other"


_labelled(System, {
    "party": ("Đảng", "Communist Party of Viet Nam",
              "Numbers follow Hướng dẫn 36-HD/VPTW: N-TYPE/ISSUER, one series per type per committee term."),
    "state": ("Nhà nước", "State", "Numbers follow Nghị định 30/2020/NĐ-CP: N/TYPE-ISSUER, restarting every year."),
    "front": ("Mặt trận Tổ quốc và đoàn thể", "Fatherland Front and mass organisations", ""),
    "other": ("Khác", "Other", ""),
})


# The two-level local government took effect on this day: the district level ended, and provinces
# and communes were merged, so the GSO codes changed. One definition for the rules, the reader
# and the documentation.
DISTRICT_LEVEL_END = "2025-07-01"


def vietnamese_date(iso: str) -> str:
    """A date as Vietnamese documents print it: 2024-03-05 → 05/3/2024."""
    year, month, day = iso.split("-")
    return f"{day}/{int(month)}/{year}"


class Level(Codelist):
    CENTRAL = "central"
    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"


_labelled(Level, {
    "central": ("Trung ương", "Central", ""),
    "province": ("Tỉnh", "Province", "Tỉnh and thành phố trực thuộc Trung ương."),
    "district": ("Huyện", "District",
                 f"Huyện, quận, thị xã, thành phố thuộc tỉnh. Abolished on {DISTRICT_LEVEL_END}; kept for historical "
                 "documents."),
    "commune": ("Xã", "Commune", "Xã, phường, thị trấn, đặc khu."),
})


class AdminUnitScheme(Codelist):
    GSO_2004 = "gso-2004"
    GSO_2025 = "gso-2025"
    EDXML = "edxml"


_labelled(AdminUnitScheme, {
    "gso-2004": ("Mã đơn vị hành chính (QĐ 124/2004/QĐ-TTg)",
                 f"GSO administrative-unit code, before {DISTRICT_LEVEL_END}",
                 "Province 2 digits, district 3 digits, commune 5 digits."),
    "gso-2025": (f"Mã đơn vị hành chính từ {vietnamese_date(DISTRICT_LEVEL_END)}",
                 f"GSO code of the two-level system from {DISTRICT_LEVEL_END}", ""),
    "edxml": ("Mã định danh điện tử (QCVN 102:2016)", "Electronic agency identifier (edXML)",
              "Four dot-separated groups, e.g. 000.00.00.H41."),
})


class Profile(Codelist):
    PUBLISHED = "published"
    LENIENT = "lenient"
    CITATION = "citation"


_labelled(Profile, {
    "published": ("Văn bản ban hành", "Published",
                  "Number, full date, issuer, title, parent link and signature are required."),
    "lenient": ("Văn bản số hóa", "Digitised legacy document",
                "Facts may be absent, but every absent fact of the published profile is listed in provenance.missing."),
    "citation": ("Bản ghi trích dẫn", "Citation-only record",
                 "A document known only from citations in other documents: number, date, issuer and type."),
})


class Relation(Codelist):
    ROOT = "root"
    BASIS = "basis"
    GUIDANCE = "guidance"
    PROPOSAL = "proposal"
    CITES = "cites"
    ATTACHMENT = "attachment"
    SUBJECT = "subject"


_labelled(Relation, {
    "root": ("Văn bản gốc được triển khai", "Root directive",
             "The top document of the implementation chain (e.g. Chỉ thị 28-CT/TW), when it is not the parent."),
    "basis": ("Căn cứ", "Legal basis", "Cited as a basis (\"Căn cứ …\")."),
    "guidance": ("Hướng dẫn", "Guidance followed", "Guidance implemented alongside the parent (e.g. 136-HD/BTGTW)."),
    "proposal": ("Đề nghị, tờ trình", "Proposal", "The submission the document was issued on (\"trên cơ sở đề nghị … tại Tờ trình …\")."),
    "cites": ("Trích dẫn", "Cited", "Any other document named in the text."),
    "attachment": ("Kèm theo", "Attached", "A document sent with this one (\"(Có … kèm theo)\")."),
    "subject": ("Nội dung đề cập", "Subject", "The document this one is about, e.g. the plan a dispatch asks to publicise."),
})


class SignatureMarker(Codelist):
    TM = "TM."
    KT = "KT."
    TL = "TL."
    TUQ = "TUQ."
    Q = "Q."
    P_TM = "T/M"
    P_KT = "K/T"
    P_TL = "T/L"
    P_TUQ = "T/UQ"


_labelled(SignatureMarker, {
    "TM.": ("thay mặt", "on behalf of (collective body)", "State style, Nghị định 30/2020/NĐ-CP."),
    "KT.": ("ký thay", "signing for the head", "State style."),
    "TL.": ("thừa lệnh", "by order of the head", "State style."),
    "TUQ.": ("thừa ủy quyền", "by written delegation", "State style."),
    "Q.": ("quyền", "acting head", "State style."),
    "T/M": ("thay mặt", "on behalf of (collective body)", "Party style, Hướng dẫn 36-HD/VPTW."),
    "K/T": ("ký thay", "signing for the head", "Party style."),
    "T/L": ("thừa lệnh", "by order of the head", "Party style."),
    "T/UQ": ("thừa ủy quyền", "by written delegation", "Party style."),
})


class RecipientPurpose(Codelist):
    REPORT = "report"
    ARCHIVE = "archive"
    AS_ADDRESSED = "asAddressed"
    ACTION = "action"
    INFORMATION = "information"


_labelled(RecipientPurpose, {
    "report": ("báo cáo", "for report", "Printed \"(báo cáo)\", \"(b/cáo)\"."),
    "archive": ("lưu", "filed", "Printed \"Lưu: VT, …\", \"Lưu Văn phòng …\"."),
    "asAddressed": ("như kính gửi", "as addressed", "Printed \"Như kính gửi\"."),
    "action": ("thực hiện", "for action", "Printed \"(thực hiện)\", \"(t/h)\"."),
    "information": ("để biết", "for information", "Printed \"(để biết)\", \"(b/c)\" is report."),
})


class BlockRole(Codelist):
    PREAMBLE = "preamble"
    PURPOSES_AND_REQUIREMENTS = "purposesAndRequirements"
    PURPOSES = "purposes"
    REQUIREMENTS = "requirements"
    OBJECTIVES = "objectives"
    TASKS = "tasks"
    TASK = "task"
    LEAD_AGENCIES = "leadAgencies"
    IMPLEMENTING_AGENCIES = "implementingAgencies"
    COORDINATING_AGENCIES = "coordinatingAgencies"
    TIMEFRAME = "timeframe"
    FUNDING = "funding"
    ORGANISATION = "organisation"
    ASSIGNMENT = "assignment"
    REPORTING = "reporting"
    CLOSING = "closing"
    ATTACHMENT_NOTE = "attachmentNote"
    ANNEX = "annex"


_labelled(BlockRole, {
    "preamble": ("Phần mở đầu", "Preamble", "The opening paragraph naming what the document implements (\"Thực hiện …\", \"Căn cứ …\")."),
    "purposesAndRequirements": ("Mục đích, yêu cầu", "Purposes and requirements", "The section holding both."),
    "purposes": ("Mục đích", "Purposes", ""),
    "requirements": ("Yêu cầu", "Requirements", ""),
    "objectives": ("Mục tiêu, chỉ tiêu", "Objectives and targets", ""),
    "tasks": ("Nội dung, nhiệm vụ, giải pháp", "Tasks and solutions", "The section listing the tasks."),
    "task": ("Nhiệm vụ", "Task", "One task or sub-task."),
    "leadAgencies": ("Cơ quan chỉ đạo, chủ trì", "Lead agencies", "Printed \"Cơ quan chỉ đạo:\", \"Cơ quan chủ trì:\"."),
    "implementingAgencies": ("Cơ quan thực hiện", "Implementing agencies", "Printed \"Cơ quan thực hiện:\"."),
    "coordinatingAgencies": ("Cơ quan phối hợp", "Coordinating agencies", "Printed \"Cơ quan phối hợp:\"."),
    "timeframe": ("Thời gian thực hiện", "Timeframe", "Printed \"Thời gian thực hiện:\", \"Thời gian hoàn thành:\"."),
    "funding": ("Kinh phí", "Funding", ""),
    "organisation": ("Tổ chức thực hiện", "Organisation of implementation", "The section assigning work to agencies."),
    "assignment": ("Phân công", "Assignment", "What one agency (or group) is to do."),
    "reporting": ("Chế độ thông tin, báo cáo", "Reporting regime", ""),
    "closing": ("Phần kết", "Closing", "\"Trên đây là …\", \"Đề nghị … triển khai thực hiện./.\""),
    "attachmentNote": ("Ghi chú kèm theo", "Attachment note", "\"(Có Kế hoạch số … kèm theo)\""),
    "annex": ("Phụ lục", "Annex",
              "An appendix printed after the signing block (\"PHỤ LỤC …\" over \"(Kèm theo Kế hoạch số …)\"): "
              "its title is the heading, the \"Kèm theo\" line the text, its content the children. It stands last "
              "in the body."),
})


class TimeframeKind(Codelist):
    ONGOING = "ongoing"
    DEADLINE = "deadline"
    PERIOD = "period"
    RECURRING = "recurring"


_labelled(TimeframeKind, {
    "ongoing": ("Thường xuyên", "Ongoing", ""),
    "deadline": ("Hạn hoàn thành", "Deadline", "\"hoàn thành trước ngày …\""),
    "period": ("Giai đoạn", "Period", "\"giai đoạn 2021 - 2030\", \"năm 2024\""),
    "recurring": ("Định kỳ", "Recurring", "\"hằng năm\", \"định kỳ 06 tháng\""),
})


class Frequency(Codelist):
    ANNUAL = "annual"
    SEMIANNUAL = "semiannual"
    QUARTERLY = "quarterly"
    MONTHLY = "monthly"
    WEEKLY = "weekly"
    PERIODIC = "periodic"
    AD_HOC = "adHoc"


_labelled(Frequency, {
    "annual": ("hằng năm", "annual", "\"Định kỳ hàng năm\", \"hằng năm\""),
    "semiannual": ("6 tháng", "every six months", "\"định kỳ 06 tháng một lần\""),
    "quarterly": ("hằng quý", "quarterly", ""),
    "monthly": ("hằng tháng", "monthly", ""),
    "weekly": ("hằng tuần", "weekly", "\"hằng tuần (thứ Sáu)\"; added in 1.1"),
    "periodic": ("định kỳ", "periodic, interval not stated", "\"định kỳ báo cáo\" without a stated interval"),
    "adHoc": ("đột xuất", "ad hoc", "\"hoặc đột xuất\""),
})


class TimeUnit(Codelist):
    DAY = "day"
    WORKING_DAY = "workingDay"
    WEEK = "week"
    MONTH = "month"


_labelled(TimeUnit, {
    "day": ("ngày", "day", "\"trong thời hạn 30 ngày\""),
    "workingDay": ("ngày làm việc", "working day", "\"chậm nhất 15 ngày làm việc\""),
    "week": ("tuần", "week", ""),
    "month": ("tháng", "month", "\"trong thời hạn 03 tháng\""),
})


class DeadlineAnchor(Codelist):
    ISSUE = "issue"
    RECEIPT = "receipt"
    EFFECT = "effect"
    OTHER = "other"


_labelled(DeadlineAnchor, {
    "issue": ("ngày ban hành", "issue", "\"kể từ ngày ban hành Kế hoạch này\", \"kể từ ngày ký\": the document's own date"),
    "receipt": ("ngày nhận được", "receipt", "\"kể từ ngày nhận được Kế hoạch\""),
    "effect": ("ngày có hiệu lực", "taking effect", "\"kể từ ngày Quyết định này có hiệu lực\""),
    "other": ("sự kiện khác", "another event", "Any other event the text names (\"sau khi kết thúc đợt kiểm tra\")."),
})


class Weekday(Codelist):
    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"


_labelled(Weekday, {
    "monday": ("Thứ Hai", "Monday", ""),
    "tuesday": ("Thứ Ba", "Tuesday", ""),
    "wednesday": ("Thứ Tư", "Wednesday", ""),
    "thursday": ("Thứ Năm", "Thursday", ""),
    "friday": ("Thứ Sáu", "Friday", ""),
    "saturday": ("Thứ Bảy", "Saturday", ""),
    "sunday": ("Chủ nhật", "Sunday", ""),
})


class Bound(Codelist):
    AT_LEAST = "atLeast"
    AT_MOST = "atMost"
    MORE_THAN = "moreThan"
    LESS_THAN = "lessThan"
    EXACTLY = "exactly"


_labelled(Bound, {
    "atLeast": ("ít nhất", "at least", "Printed \"ít nhất\", \"tối thiểu\", \"không dưới\", \"không ít hơn\"."),
    "atMost": ("tối đa", "at most", "Printed \"tối đa\", \"không quá\", \"không vượt quá\", \"không cao hơn\"."),
    "moreThan": ("trên", "more than", "Printed \"trên\", \"hơn\", \"cao hơn\"."),
    "lessThan": ("dưới", "less than", "Printed \"dưới\", \"thấp hơn\"."),
    "exactly": ("đúng", "exactly", "The value itself, no more and no less."),
})


class SourceFormat(Codelist):
    TEXT = "text"
    MARKDOWN = "markdown"
    DOCX = "docx"
    PDF = "pdf"
    SCAN = "scan"
    JSON = "json"
    XML = "xml"


_labelled(SourceFormat, {
    "text": ("Văn bản thuần", "Plain text", "Text extracted from Word or PDF."),
    "markdown": ("Văn bản Markdown", "Markdown", ""),
    "docx": ("Word (.docx)", "Word document", ""),
    "pdf": ("PDF", "PDF with a text layer", ""),
    "scan": ("Bản quét", "Scanned image", "Text obtained by OCR."),
    "json": ("Tệp JSON theo KHTH", "KHTH JSON", ""),
    "xml": ("Tệp XML theo KHTH", "KHTH XML", ""),
})


class MissingReason(Codelist):
    BLANK = "blank"
    LOST = "lost"
    ILLEGIBLE = "illegible"
    NOT_PRINTED = "notPrinted"
    NOT_FOUND = "notFound"


_labelled(MissingReason, {
    "blank": ("Để trống", "Left blank", "The printed form has a blank where the fact goes (\"Số: /UBND\", \"ngày   tháng 4\")."),
    "lost": ("Bị mất", "Lost", "The part of the source that held the fact is missing (first page, header)."),
    "illegible": ("Không đọc được", "Illegible", "Present in the source but unreadable (OCR)."),
    "notPrinted": ("Không ghi", "Not printed", "The document never states it (e.g. a citation without a date)."),
    "notFound": ("Chưa tìm thấy", "Not found",
                 "A converter did not find it where the layout puts it; the source may state it in a form the "
                 "converter does not read. A clerk should check the source."),
})



# What each codelist classifies, in English and Vietnamese (the codes' own meanings are in the label tables).
DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "Profile": ("The conformance profile a record claims.", "Mức tuân thủ mà bản ghi đáp ứng."),
    "DocumentType": ("Document types (tên loại văn bản), by the code printed in the symbol.",
                     "Tên loại văn bản, theo chữ viết tắt in trong ký hiệu."),
    "System": ("The political system a body or numbering belongs to.",
               "Hệ thống chính trị của cơ quan hoặc của cách đánh số."),
    "Level": ("Administrative levels.", "Các cấp hành chính."),
    "AdminUnitScheme": ("Code schemes for administrative units.", "Các hệ mã đơn vị hành chính."),
    "Relation": ("How a document relates to a document it cites.", "Quan hệ giữa văn bản và văn bản được dẫn."),
    "RecipientPurpose": ("Why a copy is sent to a recipient.", "Mục đích gửi văn bản tới nơi nhận."),
    "BlockRole": ("What a block of the body is in the plan's structure.",
                  "Vai trò của một khối nội dung trong cấu trúc kế hoạch."),
    "TimeframeKind": ("Kinds of timeframe.", "Các loại thời gian thực hiện."),
    "Frequency": ("How often something recurs.", "Tần suất lặp lại."),
    "TimeUnit": ("Units of a time span.", "Đơn vị của một khoảng thời gian."),
    "DeadlineAnchor": ("What a deadline stated as a time span counts from.",
                       "Mốc tính của một thời hạn nêu bằng khoảng thời gian."),
    "Weekday": ("Days of the week.", "Các ngày trong tuần."),
    "Bound": ("How a target's value bounds what is to be reached.", "Cách giá trị chỉ tiêu giới hạn mức phải đạt."),
    "SignatureMarker": ("Signing-authority markers (TM., KT., TL., TUQ., Q.).",
                        "Ký hiệu thẩm quyền ký (TM., KT., TL., TUQ., Q.)."),
    "SourceFormat": ("Formats a record can be read from.", "Các định dạng nguồn của bản ghi."),
    "MissingReason": ("Why a fact is absent from the source.", "Lý do thông tin vắng trong nguồn."),
}

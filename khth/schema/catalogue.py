"""The rule catalogue: every check plan-validate makes, and every input plan-convert refuses, declared once.

Each rule has a stable code, a default severity, a category, the tools that raise it, a title and
a message in Vietnamese and English (messages are ``str.format`` templates filled by the check),
and the documentation that SPEC.md's rule reference is generated from. Findings, input errors,
reports, SARIF rule metadata and the documentation links all come from this table; each rule's
check is registered by code (:mod:`khth.validator.registry` for the validator's checks, and
``KhthInputError.of(code, ...)`` raise sites for the input layer). Every rule plan-validate
raises has passing and failing fixtures under ``tests/rules/<code>/``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from .codelists import DISTRICT_LEVEL_END, vietnamese_date

SEVERITIES = ("error", "warning", "info")
CATEGORIES = ("input", "convert", "schema", "profile", "document", "corpus", "report")
LANGUAGES = ("vi", "en")
MESSAGE_LANGUAGES = (*LANGUAGES, "both")  # the tools' --lang choices
VALIDATE, CONVERT, API = "plan-validate", "plan-convert", "the Python API"
REPORT = "plan-report"
SPEC_FILE = "SPEC.md"


@dataclass(frozen=True)
class Text:
    """A template parameter that is itself worded per language (a reason, an expected form)."""

    vi: str
    en: str

    def __str__(self) -> str:  # a parameter shown outside a template keeps both languages
        return f"{self.vi} / {self.en}"


def worded(params: dict[str, Any], lang: str) -> dict[str, Any]:
    """``params`` with every :class:`Text` resolved to ``lang``."""
    return {k: getattr(v, lang) if isinstance(v, Text) else v for k, v in params.items()}


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str
    category: str
    title_vi: str
    title_en: str
    message_vi: str
    message_en: str
    doc: str
    tools: tuple[str, ...] = field(default=(VALIDATE,))

    @property
    def anchor(self) -> str:
        return "rule-" + self.code.replace(".", "-")

    @property
    def doc_link(self) -> str:
        return f"{SPEC_FILE}#{self.anchor}"

    def message(self, lang: str, params: dict[str, Any]) -> str:
        """The message in ``lang`` ("vi" or "en"), its template filled with ``params``."""
        template = self.message_vi if lang == "vi" else self.message_en
        return template.format(**worded(params, lang))


def _r(code, severity, title_vi, title_en, message_vi, message_en, doc, tools=(VALIDATE,)) -> Rule:
    return Rule(code, severity, code.split(".")[0], title_vi, title_en, message_vi, message_en, doc, tools)


def _i(code, title_vi, title_en, message_vi, message_en, doc, tools=(VALIDATE, CONVERT, API)) -> Rule:
    """An input rule: an error that stops reading, raised by the input layer both tools share."""
    return _r(code, "error", title_vi, title_en, message_vi, message_en, doc, tools)


# What a value was expected to be, worded for the json-type and xml-value messages.
VALUE_KINDS = {
    "code": Text("một mã", "a code"), "boolean": Text("true hoặc false", "true or false"),
    "integer": Text("số nguyên", "an integer"), "string": Text("chuỗi ký tự", "a string"),
    "array": Text("một mảng", "an array"), "object": Text("một đối tượng", "an object"),
}


# The facts the published profile requires (khth.schema.profiles.PUBLISHED_FACTS), named per language
# for the convert.* messages.
FACT_NAMES = {
    "/number": Text("số, ký hiệu", "number"), "/number/serial": Text("số thứ tự", "serial"),
    "/issueDate": Text("ngày ban hành", "issue date"), "/issuer": Text("cơ quan ban hành", "issuer"),
    "/title": Text("trích yếu", "title"), "/parent": Text("văn bản được thực hiện", "parent document"),
    "/parent/number": Text("số văn bản được thực hiện", "parent's number"),
    "/parent/issueDate": Text("ngày văn bản được thực hiện", "parent's issue date"),
    "/signature": Text("chữ ký", "signature"), "/signature/name": Text("người ký", "signer"),
}


RULES: tuple[Rule, ...] = (
    # --- input: can the file be read as a KHTH record at all? -----------------------------------
    _i("input.unreadable", "Không đọc được tệp", "Unreadable file",
       "Không đọc được tệp: {reason}", "cannot read the file: {reason}",
       "The file could not be opened or read (permissions, a broken link, a device error)."),
    _i("input.empty", "Tệp rỗng", "Empty file", "Tệp rỗng", "the file is empty",
       "The file holds no bytes, or only white space."),
    _i("input.too-large", "Tệp quá lớn", "File too large",
       "Tệp vượt giới hạn {limit} byte", "the file is over the {limit}-byte limit",
       "Files above the size limit (100 MB by default, `--max-bytes`) are not read, so that memory stays bounded. "
       "A plan is rarely over 1 MB; a larger file is usually not a plan."),
    _i("input.binary", "Tệp nhị phân", "Binary file",
       "Tệp nhị phân, không phải văn bản; cần {expected}", "binary file, not text; expected {expected}",
       "The file holds NUL bytes: it is an image, a Word or PDF file, or an archive, not a KHTH record. "
       "Convert Word and text documents with `plan-convert` first."),
    _r("input.bom", "warning", "Có dấu BOM", "Byte-order mark",
       "Tệp bắt đầu bằng dấu BOM {encoding}; KHTH dùng UTF-8 không BOM",
       "the file starts with a {encoding} byte-order mark; KHTH files are UTF-8 without one",
       "A UTF-8 byte-order mark is ignored and the file is checked; save the file as \"UTF-8\" (not \"UTF-8 with "
       "BOM\") to clear the warning. A UTF-16 mark means the file is not UTF-8 at all and is an error "
       "(input.encoding)."),
    _i("input.encoding", "Không phải UTF-8", "Not UTF-8",
       "Tệp không phải UTF-8 ({where}); có thể là {encodings}: hãy lưu lại dạng UTF-8 (Unicode)",
       "the file is not UTF-8 ({where}); it may be {encodings}: save it as UTF-8 (Unicode)",
       "KHTH records are UTF-8. Vietnamese files from older software are often in Windows-1258 or in the legacy "
       "font encodings TCVN3 (ABC) or VNI; the message names the likely encoding. A file with a UTF-16 byte-order "
       "mark is UTF-16. Convert the file to UTF-8 (Unicode dựng sẵn) before validating. `plan-convert` converts "
       "Windows-1258 and UTF-16 text itself."),
    _i("input.format", "Không phải JSON hay XML", "Neither JSON nor XML",
       "Không nhận ra định dạng: cần JSON hoặc XML", "unrecognised format: JSON or XML expected",
       "The first significant character is neither `{` nor `<`. The format is detected from the content, not the "
       "file name. (plan-convert reads such a file as text.)", (VALIDATE, API)),
    _i("input.json-syntax", "JSON sai cú pháp", "Malformed JSON",
       "JSON sai cú pháp: {reason}", "malformed JSON: {reason}",
       "The file is not well-formed JSON (RFC 8259): often a missing comma or quote, a trailing comma, or a file "
       "cut short. The reason is the JSON parser's own."),
    _i("input.too-deep", "Lồng nhau quá sâu", "Nested too deeply",
       "{form} lồng nhau sâu hơn {limit} cấp; bản ghi KHTH không sâu đến vậy",
       "{form} nested deeper than {limit} levels; no KHTH record is that deep",
       "JSON arrays and objects, or XML elements, nested more than 64 levels deep. The model nests 7 levels in a "
       "bundle plus 2 per level of sub-blocks, so 64 leaves room for 29 levels of sub-blocks where plans print at "
       "most 5 or 6. Such input is refused before anything walks it, without exhausting memory or the stack (§2)."),
    _i("input.xml-syntax", "XML sai cú pháp", "Malformed XML",
       "XML sai cú pháp: {reason}", "malformed XML: {reason}",
       "The file is not well-formed XML 1.0. The reason is the XML parser's own."),
    _i("input.xml-doctype", "XML có DOCTYPE/ENTITY", "XML with DOCTYPE or entities",
       "XML có khai báo DOCTYPE/ENTITY; KHTH không cho phép (chống XXE, bom thực thể)",
       "XML declares a DOCTYPE or entities, which KHTH forbids (XXE and entity-expansion defence)",
       "KHTH XML has no DTD. A DOCTYPE can declare external entities (XXE: reading local files or the network) or "
       "nested entities that expand exponentially (\"billion laughs\"); such files are refused before parsing and "
       "no entity is ever resolved."),
    _r("input.not-nfc", "error", "Chưa chuẩn hóa NFC", "Text not in NFC",
       "Văn bản không ở dạng Unicode NFC (dạng tổ hợp NFD hoặc lẫn lộn), ví dụ: {sample}",
       "text is not in Unicode NFC (decomposed or mixed forms), e.g. {sample}",
       "Vietnamese letters can be stored precomposed (NFC: \"ệ\" is one code point) or decomposed (NFD: \"e\" "
       "plus two combining marks). Mixed forms break search, sorting and identifiers. KHTH text is NFC; "
       "`plan-convert` writes NFC."),
    _r("input.symlink-loop", "warning", "Vòng lặp liên kết", "Symbolic-link loop",
       "Bỏ qua thư mục {target}: liên kết tạo vòng lặp", "skipped {target}: the link makes a loop",
       "While searching a folder, a symbolic link led back to a folder already searched; it is skipped so that the "
       "run ends."),
    _r("input.not-a-file", "warning", "Không phải tệp thông thường", "Not a regular file",
       "Không phải tệp thông thường (ống FIFO, socket hay thiết bị): không đọc",
       "not a regular file (a FIFO, socket or device): not read",
       "While searching a folder, an entry with a record's name (`.json`, `.xml`) is a FIFO, a socket or a "
       "device, not a file: it is skipped and never opened for reading, so the run neither blocks on a pipe "
       "nor reads a device without end. Named on the command line, such a path is refused (exit 2); standard "
       "input is read with `-`.", (VALIDATE, CONVERT, API)),
    _i("input.utf16-record", "Bản ghi dạng UTF-16", "Record in UTF-16",
       "{form} {encoding}: bản ghi KHTH phải là UTF-8 (hãy lưu lại dạng UTF-8)",
       "{encoding} {form}: records are UTF-8 (save the file as UTF-8)",
       "A JSON or XML record written in UTF-16 (as Windows tools may save \"Unicode\" text), with or without a "
       "byte-order mark. KHTH records are UTF-8; the file is refused by both tools and never read as a text "
       "document (§2)."),
    _i("input.xml-encoding", "Khai báo bảng mã khác UTF-8", "XML declares an encoding other than UTF-8",
       "Khai báo XML ghi bảng mã {encoding}; bản ghi KHTH là UTF-8 (hãy ghi encoding=\"UTF-8\" hoặc bỏ khai báo "
       "bảng mã)",
       "the XML declaration names the encoding {encoding}; records are UTF-8 (write encoding=\"UTF-8\" or leave "
       "the encoding out)",
       "The bytes are UTF-8 but the XML declaration names another encoding (often ISO-8859-1, left by an export "
       "tool). Read as declared, the Vietnamese letters would be replaced by other characters, silently; the file "
       "is refused instead, by both tools (§2)."),
    _i("input.not-khth", "Không phải bản ghi KHTH", "Not a KHTH record",
       "Không phải bản ghi KHTH: phần tử gốc <{root}> {namespace_vi}, không thuộc urn:khth:xml:1",
       "not a KHTH record: the root element <{root}> {namespace}, not in urn:khth:xml:1",
       "The XML file's root element is not in the KHTH namespace `urn:khth:xml:1`: a Word part "
       "(`<w:document>`), a build file, any other XML. Nothing else is checked in it. A KHTH record written "
       "without its namespace is reported the same way: add `xmlns=\"urn:khth:xml:1\"` to its root element.",
       (VALIDATE,)),
    _i("input.duplicate-key", "Khóa JSON lặp lại", "Duplicate JSON key",
       "{pointer}: khóa \"{key}\" lặp lại trong cùng một đối tượng", "{pointer}: the key \"{key}\" appears twice in one object",
       "An object names the same property twice. JSON parsers disagree on which value counts (most keep the "
       "last, some the first, some refuse), so the record means different things to different readers; it is "
       "refused, and the finding points at the repeated key (§15.1)."),
    _i("input.control-character", "Có ký tự điều khiển", "Control character in text",
       "{pointer}: có ký tự điều khiển {char} mà XML không biểu diễn được",
       "{pointer}: holds the control character {char}, which XML cannot carry",
       "A string holds a character XML 1.0 cannot carry: U+0000–U+001F other than tab, line feed and carriage "
       "return, or U+FFFE, U+FFFF. JSON can write them as `\\u` escapes, but the record would have no XML "
       "form (§2). They come from copying out of old word processors or from damaged files; remove them."),
    _r("input.internal-fault", "error", "Lỗi nội bộ khi kiểm tra tệp", "Internal fault on this file",
       "Công cụ gặp lỗi nội bộ khi kiểm tra tệp này ({exception}); các tệp khác vẫn được kiểm tra. Xin báo lỗi, "
       "kèm tệp", "the tool failed while checking this file ({exception}); the other files are still checked. "
       "Please report it, with the file",
       "A fault of plan-validate itself, not a finding about the record: checking this file raised an unexpected "
       "error, named in the message. The file is reported as failing, so that no record passes unchecked, and "
       "the run goes on with the other files. No input is known to cause it (each one found has been fixed); "
       "its fixture test injects a fault into the document rules to show that the run survives one."),
    # --- input that only plan-convert (and the Python API) reads -------------------------------
    _i("input.json-type", "Sai kiểu giá trị", "Value of the wrong type",
       "{pointer}: cần {expected}", "{pointer}: {expected} is expected",
       "Writing a record given to `khth.to_xml` or `khth.to_json` needs each property's value in the model's type. "
       "plan-validate reports the same problem as `schema.json`.", (API,)),
    _i("input.json-unknown-property", "Thuộc tính lạ", "Property not in the model",
       "{pointer}: thuộc tính không có trong mô hình: {name}", "{pointer}: property not in the model: {name}",
       "A property the model does not have cannot be placed in the XML form. plan-validate reports it as "
       "`schema.json`.", (API,)),
    _i("input.xml-char", "Ký tự không biểu diễn được trong XML", "Character XML cannot carry",
       "{pointer}: có ký tự điều khiển không biểu diễn được trong XML",
       "{pointer}: holds a control character that XML cannot carry",
       "XML 1.0 cannot carry most control characters (U+0000–U+001F except tab, line feed and carriage return); "
       "a JSON record holding one has no XML form.", (API,)),
    _i("input.xml-root", "Sai phần tử gốc", "Wrong root element",
       "Phần tử gốc phải là <document> hoặc <bundle>, không phải <{name}>",
       "the root element must be <document> or <bundle>, not <{name}>",
       "A KHTH XML file holds one document or a bundle of documents.", (CONVERT, API)),
    _i("input.xml-namespace", "Sai không gian tên XML", "Element outside the KHTH namespace",
       "{pointer}: phần tử {name} không thuộc không gian tên {namespace}",
       "{pointer}: element {name} is not in the namespace {namespace}",
       "Every element of KHTH XML is in the namespace `urn:khth:xml:1`. plan-validate reports it as "
       "`schema.xsd`.", (CONVERT, API)),
    _i("input.xml-attribute", "XML có thuộc tính", "XML attribute",
       "{pointer}: KHTH XML không dùng thuộc tính ({name})", "{pointer}: KHTH XML has no attributes ({name})",
       "KHTH XML carries every value in an element; attributes have no place in the mapping. plan-validate "
       "reports it as `schema.xsd`.", (CONVERT, API)),
    _i("input.xml-text", "Văn bản lẫn giữa các phần tử", "Stray text in XML",
       "{pointer}: văn bản lẫn trong phần tử phức hợp hoặc giữa các phần tử",
       "{pointer}: text inside a complex element or between elements",
       "Only simple elements hold text; KHTH XML has no mixed content. plan-validate reports it as "
       "`schema.xsd`.", (CONVERT, API)),
    _i("input.xml-structure", "Phần tử đơn có phần tử con", "Simple element with children",
       "{pointer}: phần tử đơn không được chứa phần tử con", "{pointer}: a simple element cannot hold child elements",
       "A property with a single value is an element holding text only. plan-validate reports it as "
       "`schema.xsd`.", (CONVERT, API)),
    _i("input.xml-value", "Giá trị XML sai kiểu", "XML value of the wrong type",
       "{pointer}: cần {expected}", "{pointer}: {expected} is expected",
       "Booleans are `true` or `false`, integers are written in digits. plan-validate reports it as "
       "`schema.xsd`.", (CONVERT, API)),
    _i("input.xml-unknown-element", "Phần tử lạ", "Element not in the model",
       "{pointer}: phần tử không có trong mô hình {model}", "{pointer}: element not in the model of {model}",
       "Each element names a property of its parent's model, and each list entry has the list's item name. "
       "plan-validate reports it as `schema.xsd`.", (CONVERT, API)),
    _i("input.xml-duplicate", "Phần tử lặp lại", "Element repeated",
       "{pointer}: phần tử lặp lại", "{pointer}: element repeated",
       "A property appears once; lists are wrapped in one element. plan-validate reports it as `schema.xsd`.",
       (CONVERT, API)),
    _i("input.xml-order", "Sai thứ tự phần tử", "Elements out of order",
       "{pointer}: sai thứ tự phần tử (theo mô hình {model})", "{pointer}: element out of order (see the model of "
       "{model})",
       "Properties come in the model's order, as the XSD's sequences require. plan-validate reports it as "
       "`schema.xsd`.", (CONVERT, API)),
    _i("input.utf16-damaged", "Tệp UTF-16 bị hỏng", "Damaged UTF-16",
       "Tệp UTF-16 bị hỏng", "damaged UTF-16 file",
       "The text starts with a UTF-16 byte-order mark but does not decode as UTF-16.", (CONVERT, API)),
    _i("input.legacy-encoding", "Bảng mã cũ", "Legacy font encoding",
       "Tệp dùng bảng mã {encoding}, không phải Unicode: hãy chuyển sang Unicode (ví dụ bằng công cụ chuyển mã "
       "của Unikey) rồi chạy lại",
       "the file is in the legacy {encoding} encoding, not Unicode: convert it to Unicode (for example with "
       "Unikey's converter) and run again",
       "TCVN3 (ABC, .VnTime fonts) and VNI (VNI-Times fonts) map Vietnamese letters to the code points of Western "
       "fonts; a faithful record cannot be made from a guessed table, so the file is refused. Windows-1258 "
       "converts exactly and is converted.", (CONVERT, API)),
    _i("input.unknown-encoding", "Không nhận ra bảng mã", "Unknown encoding",
       "Không phải UTF-8 và không nhận ra bảng mã tiếng Việt", "not UTF-8, and not a known Vietnamese encoding",
       "The text is neither UTF-8, UTF-16, Windows-1258, TCVN3 nor VNI.", (CONVERT, API)),
    _i("input.text-empty", "Văn bản không có nội dung", "Text without content",
       "Văn bản không có nội dung", "the text has no content",
       "After markup and page furniture are removed, no line of text is left.", (CONVERT, API)),
    _i("input.not-a-plan", "Không phải văn bản hành chính", "Not an administrative document",
       "Không nhận ra văn bản hành chính: không có số, ký hiệu, cơ quan ban hành, trích dẫn văn bản, đề mục hay "
       "phần ký",
       "not recognised as an administrative document: no number, issuer, cited document, numbered sections or "
       "signature",
       "A record is made only when at least two of a plan's marks are found (a number, an issuer, a title, a "
       "cited document, numbered sections, a signature, recipients).", (CONVERT, API)),
    _i("input.text-unreadable", "Không đọc được văn bản", "Text the reader cannot read",
       "Không đọc được văn bản ({reason})", "the text could not be read ({reason})",
       "The text reader failed on this text. Please report the file: the reader should read it or say why not.",
       (CONVERT, API)),
    _i("input.docx-unavailable", "Thiếu python-docx", "python-docx missing",
       "Cần cài python-docx để đọc tệp .docx", "python-docx is needed to read .docx files",
       "Word files are read with the `python-docx` package, a dependency of the toolkit; this error means the "
       "installation is incomplete.", (CONVERT, API)),
    _i("input.docx-invalid", "Tệp .docx hỏng", "Damaged .docx",
       "Không mở được tệp .docx: {reason}", "cannot open the .docx file: {reason}",
       "The file looks like a Word document (a ZIP archive) but cannot be opened as one.", (CONVERT, API)),
    _i("input.zip-invalid", "Tệp nén hỏng", "Damaged archive",
       "Tệp nén (ZIP) hỏng, không mở được: {reason}", "damaged ZIP archive, cannot be opened: {reason}",
       "Word (.docx) and OpenDocument (.odt) files are ZIP archives. This one starts like a ZIP archive but its "
       "directory cannot be read: the file is cut short or damaged. Open it in Word or LibreOffice and save it "
       "again.", (CONVERT, API)),
    _i("input.zip-bomb", "Tệp nén bất thường", "Archive refused before unpacking",
       "Từ chối tệp nén trước khi giải nén: {why}", "archive refused before unpacking: {why}",
       "A Word or OpenDocument file is a ZIP archive whose directory declares every member's size. The archive "
       "is refused, before anything is unpacked, when its members would unpack to more than 100 MiB in all, when "
       "a member over 1 MiB is compressed more than 100 times (office files compress 10 to 30 times; a \"zip "
       "bomb\" a thousand), or when it holds more than 10,000 members.", (CONVERT, API)),
    _i("input.zip-duplicate", "Mục trùng trong tệp nén", "Archive member listed twice",
       "Tệp nén có hai mục cùng tên {member}", "the archive lists the member {member} twice",
       "Two members of a ZIP archive with one name make its content ambiguous (programs read one or the other), "
       "a known way to hide content from a checker. Office suites never write one. Open the file in Word or "
       "LibreOffice and save it again.", (CONVERT, API)),
    _i("input.encrypted", "Tệp có mật khẩu", "Password-protected file",
       "Tệp được bảo vệ bằng mật khẩu ({what}): hãy bỏ mật khẩu rồi lưu lại",
       "the file is password-protected ({what}): remove the password and save it again",
       "An encrypted member of a ZIP archive, a Word file saved with a password, or an encrypted PDF cannot be "
       "read. Open it with its password and save a copy without one (Word: File > Info > Protect Document).",
       (CONVERT, API)),
    _i("input.archive-unknown", "Tệp nén không phải văn bản", "Archive that is not a document",
       "Tệp nén (ZIP) không phải tệp Word (.docx) hay OpenDocument (.odt)",
       "a ZIP archive that is neither a Word (.docx) nor an OpenDocument (.odt) file",
       "The file is a ZIP archive without the parts of a Word document (`word/document.xml`) or the "
       "`mimetype` of an OpenDocument text. Unpack it and convert the document inside.", (CONVERT, API)),
    _i("input.office-unsupported", "Tệp Office không đọc được", "Office file not read",
       "Tệp {kind} không phải văn bản Word đọc được", "the {kind} file is not a Word document that can be read",
       "An OLE2 compound file (the container of Office 97-2003 files) that holds no Word document: an Excel or "
       "PowerPoint file, for instance.", (CONVERT, API)),
    _i("input.converter-missing", "Thiếu LibreOffice", "LibreOffice missing",
       "Cần LibreOffice để đọc tệp {kind}: hãy cài gói Debian libreoffice-writer-nogui, hoặc mở tệp trong Word "
       "hay LibreOffice và lưu thành .docx",
       "LibreOffice is needed to read a {kind} file: install the Debian package libreoffice-writer-nogui, or open "
       "the file in Word or LibreOffice and save it as .docx",
       "Files in the formats .doc, .odt and .rtf are converted to .docx by LibreOffice (`soffice --headless`), "
       "then read as Word documents. Without LibreOffice, saving the file as .docx (File > Save As) gives the same "
       "result.", (CONVERT, API)),
    _i("input.converter-failed", "LibreOffice không chuyển được", "LibreOffice could not convert",
       "LibreOffice không chuyển được tệp {kind} sang .docx ({why})",
       "LibreOffice could not convert the {kind} file to .docx ({why})",
       "LibreOffice runs with a profile of its own in a temporary folder, without macros, and is stopped after "
       "60 seconds. The file may be damaged; open it in Word or LibreOffice and save it as .docx.",
       (CONVERT, API)),
    _i("input.pdf-invalid", "Tệp PDF hỏng", "Damaged PDF",
       "Không đọc được tệp PDF: {reason}", "cannot read the PDF file: {reason}",
       "The file starts like a PDF but pdfium cannot open it (cut short, damaged), or it has no pages. Open it in "
       "a PDF reader and print or export it to PDF again.", (CONVERT, API)),
    _i("input.pdf-too-long", "Tệp PDF quá dài", "PDF too long",
       "Tệp PDF quá dài: {pages} trang (giới hạn {limit} trang, 5 triệu ký tự)",
       "the PDF is too long: {pages} pages (limit {limit} pages, 5 million characters)",
       "Reading time and memory grow with the pages: a PDF of more than 1,000 pages, or more than 5 million "
       "characters, is refused before its text is read in full. Split it and convert the plan's pages.",
       (CONVERT, API)),
    _i("input.pdf-no-text", "PDF không có lớp chữ", "PDF without a text layer",
       "Tệp PDF ({pages} trang) không có lớp chữ, có lẽ là bản quét: cần nhận dạng ký tự (OCR), ví dụ cài gói "
       "Debian tesseract-ocr và tesseract-ocr-vie rồi chạy ocrmypdf -l vie, hoặc dùng tệp Word gốc",
       "the PDF ({pages} pages) has no text layer, likely a scan: it needs character recognition (OCR), for "
       "example the Debian packages tesseract-ocr and tesseract-ocr-vie with ocrmypdf -l vie, or the original "
       "Word file",
       "A PDF made by scanning paper holds pictures of the pages and no text. Its text must be recognised first "
       "(Tesseract with its Vietnamese model: Debian packages `tesseract-ocr`, `tesseract-ocr-vie`); "
       "`plan-convert` then reads the recognised text or the PDF with its new text layer.", (CONVERT, API)),
    _i("input.ocr-missing", "Thiếu Tesseract", "Tesseract missing",
       "Cần nhận dạng ký tự (OCR) để đọc {what}: hãy cài gói Debian tesseract-ocr và tesseract-ocr-vie",
       "character recognition (OCR) is needed to read {what}: install the Debian packages tesseract-ocr and "
       "tesseract-ocr-vie",
       "Scans and photographs of a document hold pictures of its pages, not text. `plan-convert` reads them with "
       "Tesseract and its Vietnamese model when both are installed (Debian packages `tesseract-ocr`, "
       "`tesseract-ocr-vie`).", (CONVERT, API)),
    _i("input.ocr-failed", "Không nhận dạng được", "OCR failed",
       "Không nhận dạng được ký tự ({why})", "character recognition failed ({why})",
       "Tesseract runs on each page with a time limit of 180 seconds and 2 GiB of memory; a page past either "
       "(a huge or damaged image) stops the conversion.", (CONVERT, API)),
    _i("input.invalid-document", "Bản ghi không hợp lệ", "Record not valid",
       "Bản ghi đọc được không hợp lệ: {count} lỗi, lỗi đầu ở {pointer}: {first}",
       "the record read is not valid: {count} error(s), the first at {pointer}: {first}",
       "plan-convert checks what it has read with plan-validate's schema and document rules and writes nothing "
       "when an error remains; run plan-validate on the JSON form to see every finding.", (CONVERT, API)),
    # --- convert: what a conversion could not read ----------------------------------------------
    _r("convert.facts-not-read", "warning", "Không đọc được thông tin", "Facts not read",
       "không đọc được: {facts} — hồ sơ {profile}", "could not read: {facts} — {profile} profile",
       "The reader could not read facts the `published` profile requires (the header lost in extraction, or "
       "not printed); each is listed in `provenance.missing` with its reason and the record is `lenient`. "
       "`plan-convert` names them after converting a document (not KHTH JSON or XML); with "
       "`--require published` they stop the conversion (exit 1, nothing written).", (CONVERT, API)),
    _r("convert.facts-blank", "info", "Thông tin để trống", "Facts left blank",
       "văn bản để trống: {facts} — hồ sơ {profile}", "left blank in the document: {facts} — {profile} profile",
       "The document itself shows these facts blank (a number with no serial, a date with no day, as in a "
       "draft): they were read as blank, not lost. They are named apart from the facts not read; with "
       "`--require published` they too stop the conversion, since a published record needs them.",
       (CONVERT, API)),
    # --- schema -------------------------------------------------------------------------------
    _r("schema.json", "error", "Sai lược đồ JSON", "JSON Schema violation", "{detail}", "{detail}",
       "The record is not valid against `khth/schema/document.schema.json` or `khth/schema/bundle.schema.json` (JSON Schema "
       "2020-12, formats enforced). Every violation is reported, de-duplicated, in document order."),
    _r("schema.xsd", "error", "Sai lược đồ XSD", "XSD violation", "{detail}", "{detail}",
       "The XML record is not valid against `khth/schema/khth.xsd`. After an error inside an element the XSD checker "
       "may skip the rest of that element; fix and run again."),
    # --- profile ------------------------------------------------------------------------------
    _r("profile.unexplained-gap", "error", "Thiếu thông tin không giải thích", "Unexplained gap",
       "{pointer} {what} mà không được ghi trong provenance.missing",
       "{pointer} {what} and is not listed in provenance.missing",
       "A `lenient` record may lack facts the `published` profile requires, but each absent fact (or a partial "
       "date) is listed in `provenance.missing` with its reason. See §13."),
    _r("profile.missing-but-present", "error", "Vừa có vừa ghi là thiếu", "Listed missing but present",
       "{pointer} được ghi là thiếu trong provenance.missing nhưng lại có giá trị",
       "{pointer} is listed in provenance.missing but has a value",
       "A fact is either given (printed or inferred) or missing, never both. A partial date may stand beside the "
       "missing entry that explains its blank day or month."),
    # --- document -----------------------------------------------------------------------------
    _r("document.id", "error", "Mã định danh sai quy tắc", "Identifier does not follow the rule",
       "id {actual} khác mã suy ra từ loại, số, ngày, cơ quan: {expected}",
       "id {actual} differs from the identifier its type, number, date and issuer give: {expected}",
       "A record's `id`, and each reference's `id`, is derived by the identifier rule (§8) from the facts beside "
       "it; a stale or hand-made id breaks linking."),
    _r("document.number-grammar", "error", "Số, ký hiệu sai quy cách", "Number outside its grammar",
       "Số, ký hiệu {number} không theo quy cách {expected}", "number {number} does not follow the {expected} grammar",
       "Party numbers are N-TYPE/ISSUER (Hướng dẫn 36-HD/VPTW); State numbers N/TYPE-ISSUER or N/YYYY/TYPE-ISSUER "
       "(Nghị định 30/2020/NĐ-CP). A number that follows neither, or not the system it declares, is wrong or "
       "mis-typed."),
    _r("document.number-parts", "error", "Phần tách của số không khớp", "Parsed number parts disagree",
       "{field} của {number} là {actual}, nhưng quy cách cho {expected}",
       "{field} of {number} is {actual}, but the grammar gives {expected}",
       "The parsed parts (serial, year, typeCode, issuerCode, unitCode, system) must be what the grammar reads "
       "from `printed`."),
    _r("document.type-code", "error", "Loại văn bản không khớp ký hiệu", "Type code does not match the type",
       "Ký hiệu {number} cho loại {type_code}, nhưng documentType là {doc_type}",
       "the number {number} says type {type_code}, but documentType is {doc_type}",
       "The type code in the symbol names the document type (KH = Kế hoạch). A State công văn has no type code "
       "and is type CV; a National Assembly number (…/QH13) is a law or resolution."),
    _r("document.date-invalid", "error", "Ngày không có thật", "Date does not exist",
       "{pointer}: ngày {date} không có trong lịch", "{pointer}: {date} is not a calendar date",
       "Dates must exist (no 30 February). The schema checks the form; this rule checks the calendar."),
    _r("document.date-future", "error", "Ngày trong tương lai", "Date in the future",
       "{pointer}: ngày {date} sau ngày kiểm tra {today}", "{pointer}: {date} is after the day of the check, {today}",
       "A published document and the documents it cites are dated on or before the day they are checked."),
    _r("document.citation-after-document", "error", "Văn bản được dẫn có ngày sau", "Cited document dated later",
       "{cited} ngày {cited_date}, sau ngày văn bản dẫn nó ({date})",
       "{cited} is dated {cited_date}, after the document that cites it ({date})",
       "A document cannot cite, or implement, one issued after it. Usually a mis-typed date in the citation."),
    _r("document.label-order", "warning", "Đề mục sai thứ tự", "Labels out of sequence",
       "Đề mục {label} sau {previous}; cần {expected}", "label {label} follows {previous}; {expected} expected",
       "Sibling labels run in order: I, II, III; 1, 2, 3; 1.1, 1.2; a, b, c, d, đ, e, g, h, i, k, l, m, n, o, p, q, "
       "r, s, t, u, v, x, y (the Vietnamese alphabet has no f, j, w, z). A warning, since the text keeps the "
       "labels as printed."),
    _r("document.label-parent", "warning", "Đề mục con không khớp đề mục cha", "Sub-label under the wrong parent",
       "Đề mục {label} nằm dưới {parent}", "label {label} stands under {parent}",
       "A decimal sub-label repeats its parent's number (3.1, 3.2 under 3). Seed 192-KH/TU prints 1.1–1.5 under "
       "task 3: kept as printed, reported as a warning."),
    _r("document.unknown-citation", "error", "Dẫn tới văn bản không có", "Citation of an unknown document",
       "{pointer}: {target} không có trong parent/references", "{pointer}: {target} is not the parent or a reference",
       "`cites` and `abbreviations[].refersTo` name documents of the record's own parent or references."),
    _r("document.parent-relation", "error", "Liên kết cấp trên có relation", "Parent link with a relation",
       "parent có relation {relation}; quan hệ của parent luôn là 'thực hiện'",
       "parent has relation {relation}; the parent's relation is always 'implements'",
       "The parent link carries no `relation`: it is the document this one implements."),
    _r("document.duplicate-reference", "warning", "Văn bản được dẫn lặp lại", "Reference listed twice",
       "{target} được liệt kê nhiều lần", "{target} is listed more than once",
       "Each cited document is listed once, at its first citation; later citations point to it through `cites`."),
    _r("document.agencies-missing", "warning", "Thiếu cơ quan", "Agencies not recorded",
       "{pointer}: khối '{role}' không ghi cơ quan", "{pointer}: the '{role}' block records no agency",
       "A lead, implementing or coordinating line, or an assignment, names its agencies in `agencies`."),
    _r("document.recipients-missing", "warning", "Thiếu nơi nhận", "No recipients",
       "Văn bản không có nơi nhận", "the document lists no recipients",
       "A published document ends with its \"Nơi nhận\" list; without it, nobody can tell who must act."),
    _r("document.signature-incomplete", "warning", "Phần ký thiếu", "Signature incomplete",
       "Phần ký thiếu {what}", "the signature lacks {what}",
       "A signature names the signer and their position; the authority chain says for whom they sign."),
    _r("document.district-abolished", "warning", "Cấp huyện đã bỏ", "District level abolished",
       "Cơ quan cấp huyện ban hành ngày {date}, sau khi cấp huyện kết thúc ("
       + vietnamese_date(DISTRICT_LEVEL_END) + ")",
       "a district-level issuer on {date}, after the district level ended (" + DISTRICT_LEVEL_END + ")",
       f"The district level (huyện, quận, thị xã, thành phố thuộc tỉnh) was abolished on {DISTRICT_LEVEL_END}. "
       "A later "
       "district-level document is most likely mis-dated or mis-levelled."),
    _r("document.whitespace", "warning", "Khoảng trắng thừa", "Stray white space",
       "{pointer}: có khoảng trắng kép hoặc ký tự tab", "{pointer}: double space or tab",
       "Runs of white space are folded to one space (§2); double spaces come from copying a printed layout."),
    _r("document.inferred-facts", "info", "Có thông tin suy ra", "Inferred facts",
       "{count} thông tin được suy ra, không in ở vị trí quy định: {fields}",
       "{count} fact(s) inferred rather than printed where the layout puts them: {fields}",
       "Facts listed in `provenance.inferred` were established from other evidence (OCR restoration, the body "
       "of a document whose header is lost). Check them against the source before relying on them."),
    _r("document.facts-not-found", "warning", "Có thông tin chưa tìm thấy", "Facts not found",
       "{count} thông tin bộ chuyển đổi chưa tìm thấy, cần đối chiếu bản gốc: {fields}",
       "{count} fact(s) the converter did not find; check them against the source: {fields}",
       "Facts listed in `provenance.missing` with reason `notFound` were not found by the converter where the "
       "layout puts them. Unlike `notPrinted`, `lost` or `blank`, this says nothing about the source: the fact "
       "may be printed in a form the converter does not read. A clerk should look at the source and fill them in."),
    # --- corpus -------------------------------------------------------------------------------
    _r("corpus.duplicate-id", "error", "Trùng mã định danh", "Duplicate identifier",
       "{id} cũng có ở {other}", "{id} also stands in {other}",
       "Two records of one run claim the same identifier. A citation-only record beside the full record of the "
       "same document is not a clash (see corpus.citation-superseded)."),
    _r("corpus.citation-superseded", "info", "Bản ghi trích dẫn đã có bản đầy đủ", "Citation record superseded",
       "{id}: bản ghi trích dẫn ở {other} đã có bản ghi đầy đủ", "{id}: the citation-only record in {other} has a full record",
       "A citation-only record stands in for a document until the document itself is published; once both are in "
       "one corpus the citation record can be dropped."),
    _r("corpus.parent-unresolved", "warning", "Không tìm thấy văn bản cấp trên", "Parent not found",
       "Văn bản cấp trên {parent} không có trong tập kiểm tra", "the parent {parent} is not in the checked corpus",
       "The parent is matched by number and date among all records of the run. A warning, since the parent may "
       "simply not be published yet; `--require-parents` makes it an error."),
    _r("corpus.parent-date-mismatch", "error", "Sai ngày văn bản cấp trên", "Wrong parent date",
       "Văn bản cấp trên {number} ghi ngày {date}, nhưng bản ghi có số này ngày {found}",
       "the parent {number} is cited with date {date}, but the record with that number is dated {found}",
       "A record with the parent's number exists but carries another date: the citation's date is probably wrong "
       "(or the number belongs to another term or year)."),
    _r("corpus.parent-ambiguous", "warning", "Văn bản cấp trên không xác định", "Ambiguous parent",
       "{parent} khớp {count} bản ghi, cơ quan ban hành không phân định được",
       "{parent} matches {count} records and the issuer does not tell them apart",
       "Several records share the parent's number and date; the issuer as cited breaks the tie when it can."),
    _r("corpus.parent-level", "warning", "Cấp văn bản cấp trên không hợp lý", "Parent at an unexpected level",
       "Văn bản cấp trên {parent} ở cấp {parent_level} ({parent_system}), văn bản này ở cấp {level} ({system})",
       "the parent {parent} is at level {parent_level} ({parent_system}); this document at {level} ({system})",
       "A parent sits at a higher level, or at the same level in the other system (the provincial People's "
       "Committee implementing its Tỉnh ủy's plan), or at the same level when the child's issuer is a department "
       "of the parent's (136-HD/BTGTW of the Ban Tuyên giáo Trung ương implementing 28-CT/TW; a Sở implementing "
       "its People's Committee's plan). Departments are recognised from the issuer codes of the numbers."),
    _r("corpus.child-before-parent", "error", "Văn bản thực hiện có ngày trước", "Child dated before its parent",
       "Ban hành ngày {date}, trước văn bản cấp trên {parent} ({parent_date})",
       "issued on {date}, before its parent {parent} ({parent_date})",
       "A document cannot implement one issued after it; along every chain the dates run forward."),
    _r("corpus.cycle", "error", "Vòng lặp thực hiện", "Implementation cycle",
       "Chuỗi thực hiện quay vòng: {chain}", "the implementation chain loops: {chain}",
       "Following parent links must end at a root; a loop means a wrong parent somewhere on it."),
    # --- report: what plan-report cannot work from (exit 2) ---------------------------------------
    _r("report.path-missing", "error", "Không có đường dẫn", "No such path",
       "{path}: không có tệp hay thư mục này", "{path}: no such file or folder",
       "A file or folder named on the command line does not exist; nothing is read.", (REPORT, API)),
    _r("report.no-records", "error", "Không có bản ghi", "No record",
       "Không đọc được bản ghi KHTH nào trong {paths} ({files} tệp; chạy plan-validate để xem lỗi)",
       "no KHTH record could be read in {paths} ({files} file(s); run plan-validate to see why)",
       "The paths hold no .json or .xml file, or none the validator can read as a record; `plan-validate` "
       "on the same paths says what is wrong with each file.", (REPORT, API)),
    _r("report.index-foreign", "error", "Không phải chỉ mục KHTH", "Not a KHTH index",
       "{file}: không phải chỉ mục KHTH (lược đồ {schema}) hoặc đã hỏng; hãy tạo lại bằng plan-report index",
       "{file}: not a KHTH index (schema {schema}) or damaged; build it again with plan-report index",
       "A path that holds an SQLite database is read as an index of records (`plan-report index`); one "
       "of another schema, another program's database, or a damaged file is refused and never written to.",
       (REPORT, API)),
    _r("report.root-syntax", "error", "Sai cách ghi văn bản gốc", "Root not understood",
       "{root}: cần SỐ@YYYY-MM-DD (\"28-CT/TW@2023-12-25\"), một số ký hiệu, hoặc mã định danh khth:…",
       "{root}: expected NUMBER@YYYY-MM-DD (\"28-CT/TW@2023-12-25\"), a number, or a khth:… identifier",
       "`--root` names the directive or plan a report starts from: by number and issue date joined by `@`, by "
       "number alone when only one document in the corpus has it, or by its identifier.", (REPORT, API)),
    _r("report.root-not-found", "error", "Không tìm thấy văn bản gốc", "Root not found",
       "Không có văn bản nào khớp {root} trong {records} bản ghi đã đọc{near}",
       "no document matches {root} among the {records} record(s) read{near}",
       "No record read has that number and date, or that identifier. Documents with the same number and "
       "another date are named; the corpus may lack the root's record (a citation-only record will do).",
       (REPORT, API)),
    _r("report.root-ambiguous", "error", "Văn bản gốc không rõ", "Root ambiguous",
       "{root} khớp {count} văn bản: {candidates}; hãy ghi thêm ngày (SỐ@YYYY-MM-DD) hoặc mã định danh",
       "{root} matches {count} documents: {candidates}; add the date (NUMBER@YYYY-MM-DD) or give the identifier",
       "Party numbers restart with each committee term and State numbers each year, so a number alone can "
       "name several documents; every candidate is listed with its date and identifier.", (REPORT, API)),
    _r("report.responders-unreadable", "error", "Không đọc được danh sách đơn vị", "Responders file unreadable",
       "{file}: không đọc được danh sách đơn vị: {reason}", "{file}: cannot read the list of units: {reason}",
       "The file given with `--responders` could not be opened or read.", (REPORT, API)),
    _r("report.responders-encoding", "error", "Danh sách đơn vị không phải UTF-8", "Responders file not UTF-8",
       "{file}: không phải UTF-8 (byte {offset}); hãy lưu tệp CSV dạng \"CSV UTF-8\"",
       "{file}: not UTF-8 (byte {offset}); save the list as \"CSV UTF-8\"",
       "The expected-responders list is read as UTF-8 (a byte-order mark is allowed, as spreadsheet programs "
       "write one). A list saved in Windows-1258 or a legacy font encoding is refused, never guessed.",
       (REPORT, API)),
    _r("report.responders-columns", "error", "Danh sách đơn vị sai cột", "Responders file with wrong columns",
       "{file}: thiếu cột {missing}; dòng đầu phải có các cột {expected}",
       "{file}: missing column(s) {missing}; the first row must hold the columns {expected}",
       "The first row names the columns: the unit's name is required, its kind and code optional "
       "(`plan-report template` writes an empty list with the titles). Titles are matched with case and "
       "diacritics as printed, or by their English names (name, kind, code).", (REPORT, API)),
    _r("report.responders-row", "error", "Dòng thiếu tên đơn vị", "Unit without a name",
       "{file}, dòng {line}: thiếu tên đơn vị", "{file}, line {line}: the unit's name is missing",
       "Every row of the list names one unit; a row with a kind or a code but no name cannot be matched.",
       (REPORT, API)),
    _r("report.responders-empty", "error", "Danh sách đơn vị rỗng", "Responders file empty",
       "{file}: không có đơn vị nào", "{file}: lists no unit",
       "A list with its header row and no unit would make every report empty; it is refused.", (REPORT, API)),
)

_BY_CODE = {r.code: r for r in RULES}
CODES = frozenset(_BY_CODE)
assert len(_BY_CODE) == len(RULES), "rule codes must be unique"
assert all(r.severity in SEVERITIES and r.category in CATEGORIES and r.tools for r in RULES)


def rule(code: str) -> Rule:
    return _BY_CODE[code]


def catalogue_hash() -> str:
    """A hash of the whole catalogue, stated in machine-readable reports so a result can be reproduced."""
    import hashlib  # only machine-readable reports need it

    data = json.dumps([asdict(r) for r in RULES], ensure_ascii=False, sort_keys=True).encode("utf-8")
    return "sha256:" + hashlib.sha256(data).hexdigest()


def _tool_list(tools: tuple[str, ...]) -> str:
    names = [t if t == API else f"`{t}`" for t in tools]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def rule_reference() -> str:
    """The rule reference section of SPEC.md."""
    lines: list[str] = []
    for category in CATEGORIES:
        lines += [f"#### Rules: {category}", ""]
        for r in (r for r in RULES if r.category == category):
            raised = "" if r.tools == (VALIDATE,) else f" Raised by: {_tool_list(r.tools)}."
            lines += [f'<a id="{r.anchor}"></a>', f"##### `{r.code}` — {r.title_en} ({r.title_vi})", "",
                      f"Severity: **{r.severity}**.{raised} {r.doc}", ""]
            if r.message_en == "{detail}":
                lines += ["Message: the checker's own description of the problem.", ""]
            else:
                lines += [f"Message: “{r.message_en}” / “{r.message_vi}”", ""]
    return "\n".join(lines)

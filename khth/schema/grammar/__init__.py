"""The grammar of Vietnamese documents: numbers, dates, labels and citations as printed.

Each printed form has a parse and a format here, and both the reader (khth.converters) and the
validator (khth.validator) use them; nothing else writes these patterns.
"""

from .citations import (
    ATTACHMENT_NOTE, CITATION_NAMES, CitationParts, citation_name, codes_of_name, format_citation, parse_citation,
    symbol_type,
)
from .dates import (
    DAY_WORD, MONTH_WORD, NUMERIC_DATE, PLACE_DATE_LINE, YEAR_WORD, DateStyle, PrintedDate, calendar_date, find_date,
    format_citation_date, format_date, parse_date, parse_day_month_year, parse_place_date,
)
from .labels import (
    BARE_LABEL, BULLETS, HYPHEN_LABEL_AT, LABEL_AT_START, LETTERS, OCR_ROMAN_AT_START, ROMAN, SEPARATORS, Label,
    LabelKind, first_ordinal, format_label, letter_value, next_label, next_ordinal, ordinal_text, parse_label,
    roman_value,
)
from .numbers import (
    JOINT_TYPE_CODES, JSON_NAMES, NATIONAL_ASSEMBLY, NATIONAL_ASSEMBLY_CODE, NUMBER_IN_KEY, NUMBER_LINE, NumberParts, format_number,
    is_national_assembly, normalise_text, number_key, number_line, parse_number, squash_symbol, strip_number_prefix,
)

__all__ = [
    "ATTACHMENT_NOTE", "BARE_LABEL", "BULLETS", "CITATION_NAMES", "CitationParts", "DAY_WORD", "DateStyle",
    "HYPHEN_LABEL_AT", "JOINT_TYPE_CODES", "JSON_NAMES", "LABEL_AT_START", "LETTERS", "Label", "LabelKind", "MONTH_WORD",
    "NATIONAL_ASSEMBLY", "NATIONAL_ASSEMBLY_CODE", "NUMBER_IN_KEY", "NUMBER_LINE", "NUMERIC_DATE", "NumberParts", "OCR_ROMAN_AT_START",
    "PLACE_DATE_LINE", "PrintedDate", "ROMAN", "SEPARATORS", "YEAR_WORD", "calendar_date", "citation_name",
    "codes_of_name", "find_date", "first_ordinal", "format_citation", "format_citation_date", "format_date",
    "format_label", "format_number", "is_national_assembly", "letter_value", "next_label", "next_ordinal",
    "normalise_text", "number_key", "number_line", "ordinal_text", "parse_citation", "parse_date",
    "parse_day_month_year", "parse_label", "parse_number", "parse_place_date", "roman_value", "squash_symbol",
    "strip_number_prefix", "symbol_type",
]

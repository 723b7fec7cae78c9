"""KHTH: the open data standard for Vietnamese implementation plans (Kế hoạch thực hiện), and its toolkit.

The layers, each importing only those before it:

- :mod:`khth.schema` — the standard: model, codelists, grammar, identifiers, profiles, rule catalogue;
- :mod:`khth.input` — bytes to a record's forms: encodings, format detection, JSON and XML parsing,
  the JSON↔XML mapping, input errors;
- :mod:`khth.validator` and :mod:`khth.converters` — checking records; reading documents into records
  and rendering records;
- :mod:`khth.report` — reports over a corpus: the implementation tree, who has answered, what falls due;
- :mod:`khth.api` and :mod:`khth.cli` — the Python API and the three commands built on it.

The API's names are importable from here: ``khth.load``, ``khth.validate``, ``khth.convert``,
``khth.to_json``, ``khth.to_xml``, ``khth.to_text``, ``khth.to_docx``, ``khth.to_pdf``,
``khth.template_docx``, ``khth.errors_of``, ``khth.facts_not_read``,
``khth.implementation_tree``, ``khth.coverage``, ``khth.deadlines``.
"""

from typing import Any

from khth.schema.version import KHTH_VERSION, __version__

__all__ = ["KHTH_VERSION", "__version__", "load", "validate", "convert", "to_json", "to_xml", "to_text", "to_docx",
           "to_pdf", "template_docx", "errors_of", "PdfExportError", "facts_not_read", "InputError", "ReportError", "implementation_tree", "coverage", "deadlines",
           "Finding", "Record", "Report"]


def __getattr__(name: str) -> Any:
    # The API is imported on first use, so that `import khth` alone stays cheap.
    if name in __all__:
        from khth import api

        return getattr(api, name)
    raise AttributeError(name)

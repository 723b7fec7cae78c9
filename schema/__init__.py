"""KHTH: the open data standard for Vietnamese implementation plans (Kế hoạch thực hiện).

``khth.schema`` holds the standard itself: the model (the single source of truth), its
codelists, the identifier rule, and the JSON Schema and XSD generated from the model.
"""

from .model import KHTH_VERSION, Bundle, Document

__all__ = ["KHTH_VERSION", "Bundle", "Document", "__version__"]
__version__ = "1.0.0"

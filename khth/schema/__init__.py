"""KHTH: the open data standard for Vietnamese implementation plans (Kế hoạch thực hiện).

``khth.schema`` holds the standard itself: the model (the single source of truth), its
codelists, the identifier rule, and the JSON Schema, XSD and shape generated from the model.
"""

from typing import Any

from .version import KHTH_VERSION, __version__

__all__ = ["KHTH_VERSION", "Bundle", "Document", "__version__"]


def __getattr__(name: str) -> Any:
    # The model classes are imported on first use, so that tools that only read the generated
    # files start without loading pydantic.
    if name in ("Bundle", "Document"):
        from . import model

        return getattr(model, name)
    raise AttributeError(name)

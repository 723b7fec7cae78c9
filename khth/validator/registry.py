"""Which check reports each rule of the catalogue: every rule code is registered to exactly one check.

A check is registered with :func:`checks`, naming the rules it owns. A check that reports, on
the way, a rule another check owns (the single walk of the body also meets dates in blocks)
names it in ``shares``, so that the binding stays exact. Input rules are raised by the input
layer as ``KhthInputError.of(code, ...)``; tests/test_rule_registry.py holds both to the
catalogue.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from khth.schema.catalogue import CODES

F = TypeVar("F", bound=Callable[..., Any])

CHECKS: dict[str, Callable[..., Any]] = {}
SHARED: dict[Callable[..., Any], tuple[str, ...]] = {}


def checks(*codes: str, shares: tuple[str, ...] = ()) -> Callable[[F], F]:
    """Register the decorated function as the check of the rules ``codes``."""
    for code in codes + shares:
        if code not in CODES:
            raise ValueError(f"{code} is not a rule of the catalogue")

    def register(function: F) -> F:
        for code in codes:
            if code in CHECKS:
                raise ValueError(f"{code} already has a check: {CHECKS[code].__qualname__}")
            CHECKS[code] = function
        if shares:
            SHARED[function] = shares
        return function

    return register


def owned_by(function: Callable[..., Any]) -> set[str]:
    """The rules ``function`` is registered for."""
    return {code for code, f in CHECKS.items() if f is function}

"""Administrative units named in a document's text (the code lists are in :mod:`khth.schema.units`).

A document is read with the list of the units in force on its date: before 1 July 2025 the
``gso-2004`` list (provinces, districts, communes), from then the ``gso-2025`` list (provinces and
communes, wards, special zones). Without that list installed the reader records no ``adminUnit``.
"""

from __future__ import annotations

import re

from khth.schema import units as code_lists
from khth.schema.units import Unit

from .common import fold, per_conversion


def find_names(text: str, level: str, scheme: str) -> list[Unit]:
    """Units of ``level`` in ``scheme`` whose name is printed in ``text`` (exact letters, as a whole phrase)."""
    found: list[Unit] = []
    index = code_lists.by_name_key(scheme)
    for run, keys in _capitalised_runs(text):
        for size in range(min(4, len(run)), 0, -1):
            for i in range(len(run) - size + 1):
                # A phrase of words joined by single spaces: its key is its words' keys joined.
                named = index.get(" ".join(keys[i:i + size]))
                if not named:
                    continue
                phrase = " ".join(run[i:i + size])
                for u in named:
                    if u.level == level and u.short == phrase and u not in found:
                        found.append(u)
    return found


_TOKEN = re.compile(r"\w+|[^\w\s]")


@per_conversion(8)  # the text of one document is searched for several levels
def _capitalised_runs(text: str) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """Runs of capitalised words, each with its words' folded keys."""
    runs: list[list[str]] = []
    cur: list[str] = []
    for word in _TOKEN.findall(text):
        if word[0].isalpha() and word[0].isupper():
            cur.append(word)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return tuple((tuple(run), tuple(fold(w) for w in run)) for run in runs)


def provenance_note(unit: Unit) -> str:
    """How a code was found, for the inferred fact that records it."""
    return (f"GSO code of {unit.name} from the {code_lists.SOURCES[unit.scheme]} {code_lists.version(unit.scheme)} "
            f"code list ({unit.scheme}); the code is not printed.")

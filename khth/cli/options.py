"""What the command-line tools share in reading their options."""

from __future__ import annotations

from datetime import date

import click

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A click callback: the option's value as an ISO date, or a usage error in both languages."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter("cần ngày YYYY-MM-DD / a YYYY-MM-DD date is expected") from None

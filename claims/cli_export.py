"""`claims export`: the claims `claims list` would select, as a quote sheet file. claims.export builds and
renders the sheet; this parses the options and writes the bytes."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from claims.cli_store import DB_OPTION, claim_filter_options, open_store
from claims.export import BINARY_FORMATS, FORMATS, GROUP_BY

SUFFIX_FORMATS = {".csv": "csv", ".xlsx": "xlsx", ".md": "md", ".markdown": "md", ".docx": "docx"}


@click.command()
@DB_OPTION
@claim_filter_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="Default: from the output file's suffix.")
@click.option("--group-by", type=click.Choice(GROUP_BY), default="speaker", show_default=True,
              help="speaker: most-quoted first; date: newest day first.")
@click.option("-o", "--output", required=True, metavar="FILE", help="Where to write it; '-' for standard output.")
def export(db, claim_filter, fmt, group_by, output) -> None:
    """Write the filtered claims as a quote sheet (CSV, XLSX, Markdown or DOCX) for a briefing."""
    from claims.export import quote_sheet, render

    fmt = fmt or SUFFIX_FORMATS.get(Path(output).suffix.lower())
    if fmt is None:
        raise click.ClickException(f"cannot tell the format from {output!r}: give --format "
                                   f"{'|'.join(FORMATS)}")
    if output == "-" and fmt in BINARY_FORMATS and sys.stdout.isatty():
        raise click.ClickException(f"{fmt} is binary and standard output is a terminal: give -o FILE "
                                   f"or redirect the output")
    store = open_store(db)
    with store.session() as session:
        sheet = quote_sheet(session, claim_filter, group_by=group_by)
    data = render(sheet, fmt)  # the whole file first: a failure leaves no half-written output
    if output == "-":
        sys.stdout.flush()  # anything already written as text goes out first
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        try:
            with open(output, "wb") as out:
                out.write(data)
        except OSError as error:
            raise click.ClickException(f"cannot write {output}: {error.strerror or error}")
    click.echo(f"{sheet.summary()} -> {'standard output' if output == '-' else output}", err=True)

"""The `claims` command: a thin shell over the library. Each command parses, calls, prints."""
from __future__ import annotations

import json
import sys

import click

from claims.cli_store import StoreGroup
from claims.cli_store import register as register_store_commands
from claims.extract import ModelsMissing, load_extractor
from claims.extract.document_kinds import DOCUMENT_KINDS
from claims.extract.extractor import NLP_CHOICES
from claims.output import format_table
from claims.reading import MAX_BYTES, iter_documents

NLP_OPTION = click.option("--nlp", type=click.Choice(NLP_CHOICES), default="auto", show_default=True,
                          help="stanza: stanza's tokenizer; fast: model-free segmenter; auto: stanza if installed.")


def _warn(message: str) -> None:
    click.echo(message, err=True)


def _usage_error(message: str) -> None:
    """One line and exit status 2, as for any misuse of the options."""
    _warn(f"error: {message}")
    sys.exit(2)


def load_extractor_or_fail(nlp: str):
    try:
        return load_extractor(nlp, warn=_warn)
    except ModelsMissing as error:
        raise click.ClickException(str(error))


@click.group(cls=StoreGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="claims")
def cli() -> None:
    """Find who said what in news articles and official statements."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(["table", "jsonl", "json"]), default="table",
              show_default=True)
@NLP_OPTION
@click.option("--max-size", type=float, default=MAX_BYTES / 2**20, show_default=True,
              help="Skip files larger than this many megabytes.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes to extract in (one per core speeds up large batches).")
@click.option("--kind", type=click.Choice(DOCUMENT_KINDS), default="article", show_default=True,
              help="article: news; statement: an official statement or press release by --speaker; "
                   "transcript: turns labelled 'MR. MILLER:', 'QUESTION:'.")
@click.option("--speaker", help="Who issued the statement (--kind statement), "
                                "e.g. 'Ministry of Foreign Affairs of Japan'.")
def extract(paths: tuple[str, ...], output_format: str, nlp: str, max_size: float, workers: int, kind: str,
            speaker: str | None) -> None:
    """Print every quote and reported statement in ARTICLE.txt files or directories ('-' reads stdin);
    with --kind, in official statements or transcripts instead."""
    if kind == "statement" and not (speaker or "").strip():
        _usage_error("--kind statement needs --speaker NAME (who issued the statement)")
    if speaker is not None and kind != "statement":
        _usage_error(f"--speaker is for --kind statement, not --kind {kind}")
    extractor = load_extractor_or_fail(nlp)
    read = failed = 0
    everything = []
    documents = iter_documents(paths, max_bytes=round(max_size * 2**20))
    for name, claims, problem in extractor.extract_documents(documents, workers=workers, kind=kind,
                                                             speaker=speaker):
        if problem:
            failed += 1
            _warn(f"error: {problem}")
            continue
        read += 1
        records = [claim.to_json(name) for claim in claims]
        if output_format == "jsonl":
            for record in records:
                click.echo(json.dumps(record, ensure_ascii=False))
        elif output_format == "json":
            everything.extend(records)
        else:
            click.echo(format_table(name, records))
    if output_format == "json":
        click.echo(json.dumps(everything, ensure_ascii=False, indent=1))
    if failed:
        _warn(f"{read} file(s) read, {failed} skipped")
    if not read:
        sys.exit(1)


@cli.command()
@click.argument("gold_dir", type=click.Path(file_okay=False))
@NLP_OPTION
@click.option("--errors", "errors_file", type=click.Path(dir_okay=False, writable=True),
              help="Also write the misses, spurious and wrongly sourced claims to this JSON file.")
def evaluate(gold_dir: str, nlp: str, errors_file: str | None) -> None:
    """Score the extractor against brat gold in the PolNeAR layout (text/*.txt, attributions/*.ann)."""
    from claims.brat import GoldError, load_gold
    from claims.evaluate import error_report, predict, score, summary_line

    try:
        gold = load_gold(gold_dir)
    except GoldError as error:
        raise click.ClickException(str(error))
    extractor = load_extractor_or_fail(nlp)
    predictions = predict(gold, lambda texts: [[c.to_json() for c in found]
                                               for found in extractor.extract_many(texts)])
    report = score(gold, predictions)
    report["nlp"] = extractor.name
    click.echo(json.dumps(report, indent=1))
    if errors_file:
        with open(errors_file, "w", encoding="utf-8") as out:
            json.dump(error_report(gold, predictions), out, indent=1, ensure_ascii=False)
    click.echo(summary_line(report))


@cli.group()
def models() -> None:
    """Stanza models the stanza path needs."""


@models.command()
@click.option("--full", is_flag=True, help="Also NER, POS and dependency models (sharper speaker detection).")
@click.option("--dir", "directory", type=click.Path(file_okay=False),
              help="Where to put them (default: STANZA_RESOURCES_DIR or stanza's own folder).")
def download(full: bool, directory: str | None) -> None:
    """Fetch stanza's English models from the model hub."""
    from claims.extract.extractor import download_models

    try:
        where = download_models(full=full, directory=directory)
    except Exception as error:  # network and hub failures come in many types; all mean the same here
        raise click.ClickException(f"could not download stanza models: {str(error).splitlines()[0]}")
    click.echo(f"stanza English models in {where}")


register_store_commands(cli)


def main() -> None:
    cli(prog_name="claims")

"""Choose the NLP path (stanza or fast) and run the attribution stage over a text."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from claims.extract.combine import extract_claims
from claims.extract.segment import fast_sentences
from claims.model import Claim

NLP_CHOICES = ("auto", "stanza", "fast")


class ModelsMissing(Exception):
    """Stanza's English tokenizer models are not installed where stanza looks for them."""


def stanza_dir() -> Path:
    from stanza.resources.common import DEFAULT_MODEL_DIR
    return Path(os.environ.get("STANZA_RESOURCES_DIR") or DEFAULT_MODEL_DIR)


def stanza_models_present(directory: Path | None = None) -> bool:
    directory = directory or stanza_dir()
    return (directory / "resources.json").is_file() and (directory / "en" / "tokenize").is_dir()


class Extractor:
    """`extract(text)` -> claims, on the path chosen when it was loaded."""

    def __init__(self, name: str, pipeline=None):
        self.name = name
        self._pipeline = pipeline

    def extract(self, text: str) -> list[Claim]:
        return self.extract_many([text])[0]

    def extract_many(self, texts: list[str]) -> list[list[Claim]]:
        """Claims of each text; on the stanza path the texts go through the tokenizer as one batch,
        which is several times faster than one at a time."""
        if self._pipeline is None:
            return [extract_claims(text, fast_sentences(text)) for text in texts]
        filled = [i for i, text in enumerate(texts) if text.strip()]
        results: list[list[Claim]] = [[] for _ in texts]
        for i, doc in zip(filled, self._pipeline.bulk_process([texts[i] for i in filled])):
            results[i] = doc.claims
        return results

    def extract_documents(self, documents: Iterable[tuple[str, str | None, object]], batch: int = 16,
                          workers: int = 1) -> Iterator[tuple[str, list[Claim] | None, str | None]]:
        """For each (name, text, reading error) in: (name, claims, None), or (name, None, message) for a
        document that could not be read or that the extractor failed on; one failure never stops the rest.
        With workers > 1, that many processes share the work (the order stays the input's)."""
        if workers > 1:
            from claims.extract.parallel import extract_in_processes
            yield from extract_in_processes(self.name, documents, workers, batch)
            return
        pending: list[tuple[str, str]] = []
        for name, text, error in documents:
            if error is not None:
                yield from self._extract_batch(pending)  # keep the input order
                pending = []
                yield name, None, str(error)
                continue
            pending.append((name, text))
            if len(pending) == batch:
                yield from self._extract_batch(pending)
                pending = []
        yield from self._extract_batch(pending)

    def _extract_batch(self, documents: list[tuple[str, str]]):
        if not documents:
            return
        try:
            results = self.extract_many([text for _, text in documents])
        except Exception:  # find the one document at fault; the others still count
            results = None
        for index, (name, text) in enumerate(documents):
            if results is not None:
                yield name, results[index], None
                continue
            try:
                yield name, self.extract(text), None
            except Exception as error:
                yield name, None, f"{name}: extraction failed ({type(error).__name__}: {error})"


def load_extractor(nlp: str = "auto", warn=None) -> Extractor:
    """`auto`: stanza when its models are found, else the fast path (with a one-line warning via `warn`)."""
    if nlp not in NLP_CHOICES:
        raise ValueError(f"--nlp must be one of {', '.join(NLP_CHOICES)}, not {nlp!r}")
    if nlp == "fast":
        return Extractor("fast")
    if not stanza_models_present():
        message = (f"stanza English models not found in {stanza_dir()} "
                   "(run `claims models download` or set STANZA_RESOURCES_DIR)")
        if nlp == "stanza":
            raise ModelsMissing(message)
        if warn:
            warn(f"warning: {message}; using --nlp fast")
        return Extractor("fast")
    return Extractor("stanza", _stanza_pipeline())


def _stanza_pipeline():
    import logging

    import stanza

    import claims.extract.processor  # noqa: F401  registers the "attribution" processor

    logging.getLogger("stanza").setLevel(logging.WARNING)
    return stanza.Pipeline("en", dir=str(stanza_dir()), processors="tokenize,mwt,attribution",
                           download_method=None, logging_level="WARN")


def download_models(full: bool = False, directory: str | None = None) -> Path:
    """Wraps stanza.download: tokenize and mwt, or with `full` the NER, POS and parser models too."""
    import stanza

    where = Path(directory) if directory else stanza_dir()
    processors = "tokenize,mwt,pos,lemma,depparse,ner" if full else "tokenize,mwt"
    stanza.download("en", model_dir=str(where), processors=processors, logging_level="WARN")
    return where

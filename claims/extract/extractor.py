"""Choose the NLP path (stanza or fast) and run the attribution stage over a text."""
from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from collections.abc import Iterable, Iterator
from pathlib import Path

from claims.extract.combine import extract_claims
from claims.extract.document_kinds import check_kind, claims_of_kind, transcript_claims
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
        # Documents per call of the extractor in extract_documents. Stanza's tokenizer has a large cost per
        # call: on PolNeAR train, 64 documents a call ran 10.2 -> 13.0 articles/s against 16, for 36 MB
        # more. The fast path has none, and smaller batches let an ingest store documents sooner.
        self.batch = 64 if pipeline is not None else 16

    def extract(self, text: str, kind: str = "article", speaker: str | None = None) -> list[Claim]:
        """Claims of one document: a news article, an official statement issued by `speaker`, or a
        transcript (see document_kinds.py). ValueError for an unknown kind or a statement with no speaker."""
        return self.extract_many([text], [kind], [speaker])[0]

    def extract_many(self, texts: list[str], kinds: list[str] | None = None,
                     speakers: list[str | None] | None = None) -> list[list[Claim]]:
        """Claims of each text (each of its kind, "article" by default); on the stanza path the texts go
        through the tokenizer as one batch, which is several times faster than one at a time."""
        kinds = list(kinds) if kinds is not None else ["article"] * len(texts)
        speakers = list(speakers) if speakers is not None else [None] * len(texts)
        if not len(texts) == len(kinds) == len(speakers):
            raise ValueError("extract_many needs one kind and one speaker per text")
        for kind, speaker in zip(kinds, speakers):
            problem = check_kind(kind, speaker)
            if problem:
                raise ValueError(problem)
        if self._pipeline is None:
            return [_fast_claims_paused(text, kind, speaker) for text, kind, speaker in zip(texts, kinds, speakers)]
        with _collection_paused():  # stanza's words of every text live until the texts are done anyway
            return self._stanza_claims(texts, kinds, speakers)

    def _stanza_claims(self, texts: list[str], kinds: list[str], speakers: list[str | None]) -> list[list[Claim]]:
        from claims.extract.processor import stanza_sentences

        filled = [i for i, text in enumerate(texts) if text.strip()]
        results: list[list[Claim]] = [[] for _ in texts]
        for i, doc in zip(filled, self._pipeline.bulk_process([texts[i] for i in filled])):
            # The stanza processor is the article stage; the other kinds read its sentences and claims.
            results[i] = doc.claims if kinds[i] == "article" else \
                claims_of_kind(texts[i], stanza_sentences(doc), kinds[i], speakers[i], doc.claims)
        return results

    def extract_documents(self, documents: Iterable[tuple], batch: int | None = None, workers: int = 1,
                          kind: str = "article", speaker: str | None = None
                          ) -> Iterator[tuple[str, list[Claim] | None, str | None]]:
        """For each (name, text, reading error) or (name, text, reading error, kind, speaker) in: (name,
        claims, None), or (name, None, message) for a document that could not be read, that asks for an
        impossible kind (a statement with no speaker) or that the extractor failed on; one failure never
        stops the rest. `kind` and `speaker` stand for documents that do not say theirs. With workers > 1,
        that many processes share the work (the order stays the input's)."""
        documents = (_with_kind(item, kind, speaker) for item in documents)
        batch = batch or self.batch
        if workers > 1:
            from claims.extract.parallel import extract_in_processes
            yield from extract_in_processes(self.name, documents, workers, batch)
            return
        pending: list[tuple[str, str, str, str | None]] = []
        for name, text, error, doc_kind, doc_speaker in documents:
            problem = None if error is not None else check_kind(doc_kind, doc_speaker)
            if error is not None or problem:
                yield from self._extract_batch(pending)  # keep the input order
                pending = []
                yield name, None, str(error) if error is not None else f"{name}: {problem}"
                continue
            pending.append((name, text, doc_kind, doc_speaker))
            if len(pending) == batch:
                yield from self._extract_batch(pending)
                pending = []
        yield from self._extract_batch(pending)

    def _extract_batch(self, documents: list[tuple[str, str, str, str | None]]):
        if not documents:
            return
        try:
            results = self.extract_many([d[1] for d in documents], [d[2] for d in documents],
                                        [d[3] for d in documents])
        except Exception:  # find the one document at fault; the others still count
            results = None
        for index, (name, text, kind, speaker) in enumerate(documents):
            if results is not None:
                yield name, results[index], None
                continue
            try:
                yield name, self.extract(text, kind, speaker), None
            except Exception as error:
                yield name, None, f"{name}: extraction failed ({type(error).__name__}: {error})"


@contextmanager
def _collection_paused():
    """Python's cycle collector paused while a document (on the stanza path, a batch) is extracted. It makes
    hundreds of thousands of small objects (tokens, features, claims; stanza's words) that live until it
    is done, and each burst of them set off collections that walked every live object: a twentieth of the
    fast path's time and more of the stanza path's, for nothing. The collector runs again afterwards
    (unless the caller had turned it off) and frees what was left in cycles.

    After the first document, everything alive then (the model, lexicons and regular expressions loaded
    for it) is frozen once: the collections between later documents no longer walk it. On PolNeAR train
    they took 0.073 -> 0.043 s of the fast path's 7 s. It is done once, so what it keeps from the
    collector (the first document's objects in cycles, if any) stays bounded."""
    global _frozen
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if not _frozen:
            gc.freeze()
            _frozen = True
        if was_enabled:
            gc.enable()


_frozen = False  # whether _collection_paused has frozen what was alive after the first document


def _fast_claims_paused(text: str, kind: str, speaker: str | None) -> list[Claim]:
    # Paused around the call: the document's tokens and units are freed when it returns, before the
    # collector runs again and would otherwise walk them once more.
    with _collection_paused():
        return _fast_claims(text, kind, speaker)


def _fast_claims(text: str, kind: str, speaker: str | None) -> list[Claim]:
    sentences = fast_sentences(text)
    if kind == "transcript":  # a transcript's claims are its turns; the article stage would go unused
        return transcript_claims(text, sentences)
    return claims_of_kind(text, sentences, kind, speaker, extract_claims(text, sentences))


def _with_kind(item: tuple, kind: str, speaker: str | None) -> tuple:
    """(name, text, error, kind, speaker): a document's own kind and speaker when it gives a kind, else
    the batch's."""
    name, text, error, *own = item
    if own and own[0]:
        return name, text, error, own[0], own[1] if len(own) > 1 else None
    return name, text, error, kind, speaker


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
    # mwt_dict_only: multi-word tokens are expanded from the model's dictionary, without its seq2seq
    # network; the attribution stage reads sentences and token offsets only, which expansion never moves
    # (same claims on PolNeAR train), and the network took a fifth of the path's time.
    return stanza.Pipeline("en", dir=str(stanza_dir()), processors="tokenize,mwt,attribution",
                           download_method=None, logging_level="WARN", mwt_dict_only=True)


def download_models(full: bool = False, directory: str | None = None) -> Path:
    """Wraps stanza.download: tokenize and mwt, or with `full` the NER, POS and parser models too."""
    import stanza

    where = Path(directory) if directory else stanza_dir()
    processors = "tokenize,mwt,pos,lemma,depparse,ner" if full else "tokenize,mwt"
    stanza.download("en", model_dir=str(where), processors=processors, logging_level="WARN")
    return where

"""Quote and reported-speech extraction: `load_extractor(nlp)` gives an `Extractor`."""
from claims.extract.extractor import Extractor, ModelsMissing, load_extractor

__all__ = ["Extractor", "ModelsMissing", "load_extractor"]

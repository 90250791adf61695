"""What a claim is about (countries, organisations, topics) and when it was said.

Pure functions over text: the store calls them on each claim's content and its document.
"""
from claims.tagging.dates import said_on
from claims.tagging.entities import EntityTag, find_entities
from claims.tagging.topics import TaxonomyError, Topic, load_topics, match_topics

__all__ = ["EntityTag", "find_entities", "Topic", "TaxonomyError", "load_topics", "match_topics", "said_on"]

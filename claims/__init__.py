"""claims: find who said what in news articles and official statements."""

__version__ = "0.1.0"

"""newstally: figures, statements and speakers from news articles, as tables."""

__version__ = "0.1.0"

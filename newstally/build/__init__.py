"""Files in, tables out: ``ingest`` reads a corpus, ``pipeline`` extracts it through an ``engines``
mapper into ``rows``, ``store`` writes them atomically, ``export`` writes the public tables as files."""

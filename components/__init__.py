"""The dashboard's parts: data access (cached), the shared filters, charts with their downloads,
the article reader, and the pages (layout only) under ``components/pages``."""

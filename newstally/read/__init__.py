"""What the dashboard and the export ask of a store: filters and their SQL, queries, the text
search, chart builders, the reader's highlighting and reference series. Never imports the rules."""

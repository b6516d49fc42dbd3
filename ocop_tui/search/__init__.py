"""Search: query parsing, the text index, ranking, facets, and the Catalog the UI reads."""

"""Exchange formats: one module per format, each reading and writing lextm's own types."""

"""Settings, texts, redaction and input hygiene: standard library only, imported by both environments."""

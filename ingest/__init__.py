"""minzheng: ingest stage."""

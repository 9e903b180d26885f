"""The store's names that commands need before any database work (no imports: the CLI
builds its parser from these without loading DuckDB or Arrow)."""

DEFAULT_DB = "flashpoint.duckdb"
DB_ENV = "FLASHPOINT_DB"
FORMATS = ("csv", "jsonl", "parquet", "gdelt", "plover")  # export formats

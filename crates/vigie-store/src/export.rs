//! Exports: CSV, JSONL, Parquet.

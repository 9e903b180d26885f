"""The corpus pipeline: inputs -> analyses -> the DuckDB store, resumable and parallel.

``ingest(inputs, options)`` is the entry point; ``retry(options)`` re-runs recorded failures.
"""

from flashpoint.corpus.runner import IngestOptions, IngestSummary, ingest, retry

__all__ = ["IngestOptions", "IngestSummary", "ingest", "retry"]

"""Dask runner: ``flashpoint ingest --dask ADDRESS|local`` (see ``runner``)."""

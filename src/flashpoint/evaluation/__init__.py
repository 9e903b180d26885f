"""Evaluation harnesses against the public gold sets in ../shared/gold.

Each module exposes ``evaluate(path, *, settings=None) -> dict`` and ``format_report(dict) -> str``;
``flashpoint eval NAME PATH`` prints the report.
"""

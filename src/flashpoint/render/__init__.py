"""Renderers of an Analysis: Rich tables for the terminal, one self-contained HTML page."""

from flashpoint.render.page import render_html
from flashpoint.render.table import render_table

__all__ = ["render_html", "render_table"]

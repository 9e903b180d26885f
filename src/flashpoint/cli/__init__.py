"""Command line interface (thin: each command calls one library function)."""

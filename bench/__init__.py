"""Benchmark harness for the `cleaner` package (text track and HTML track)."""

"""Hearth in a real browser: journeys, accessibility sweep, timings and screenshots.

Run with `.venv/bin/pytest browser_tests -q -p no:xdist`. See browser_tests/README.md.
"""

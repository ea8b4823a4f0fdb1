"""Test helpers and fixtures shared by the test suites (registered in tests/conftest.py)."""

"""Test support: test databases and the historical test runner."""

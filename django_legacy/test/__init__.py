"""Test support: test databases, the historical test runner and TestCase with fixtures."""


def __getattr__(name):
    # TestCase is imported on first use, so importing the package loads no management code.
    if name == 'TestCase':
        from django_legacy.test.testcases import TestCase
        return TestCase
    raise AttributeError(name)

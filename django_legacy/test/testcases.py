"""TestCase with fixtures (rebuilds django/test/testcases.py of 0.96).

Before each test, every table of every installed model is emptied, on
every connection those models use, and the initial_data fixtures and the
class's ``fixtures`` are loaded.
"""

import sys
import unittest

from django_legacy.core.management.fixtures import flush, install_fixtures


class TestCase(unittest.TestCase):
    """A unittest TestCase that starts each test from freshly flushed
    connections, loaded with ``fixtures`` (a list of fixture labels)."""

    fixtures = ()

    def install_fixtures(self):
        "Flushes every connection of the installed models, then loads ``fixtures``."
        flush(verbosity=0, interactive=False)
        if self.fixtures:
            install_fixtures(self.fixtures, verbosity=0)

    def run(self, result=None):
        # In run() rather than setUp(), so that a subclass's setUp() need not
        # call super(), as in 0.96. A fixture that fails is the test's error.
        try:
            self.install_fixtures()
        except Exception:
            if result is None:
                raise
            result.startTest(self)
            result.addError(self, sys.exc_info())
            result.stopTest(self)
            return result
        return super().run(result)

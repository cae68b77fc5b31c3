"""The test runner of the historical suite (rebuilds django/test/simple.py).

An app's tests are the doctests of its models module (``__test__`` and the
docstrings) and the unittest cases and doctests of its ``tests`` module.
"""

import doctest
import importlib
import importlib.util
import re
import sys
import unittest

from django_legacy.conf import settings
from django_legacy.test.utils import create_test_db, destroy_test_db

TEST_MODULE = 'tests'

_QUALIFIED = re.compile(r'^(?:[A-Za-z_][\w]*\.)+([A-Za-z_]\w*(?::|$))', re.M)
# A name quoted MySQL's way, with backticks (a backtick inside doubled).
_BACKTICKED = re.compile(r'`((?:[^`\n]|``)*)`')


class OutputChecker(doctest.OutputChecker):
    """Compares doctest output with ELLIPSIS, and lets an expected exception
    be written as Python 2 printed it (``ImproperlyConfigured: ...``)
    although Python 3 prints the module path before the name. SQL that
    MySQL's backend quoted with backticks matches the same SQL written with
    ANSI double quotes, so one expected output serves every backend."""

    def check_output(self, want, got, optionflags):
        if super().check_output(want, got, optionflags | doctest.ELLIPSIS):
            return True
        for rewrite in (lambda text: _QUALIFIED.sub(r'\1', text), ansi_quoted):
            rewritten = rewrite(got)
            if rewritten != got and super().check_output(
                    want, rewritten, optionflags | doctest.ELLIPSIS):
                return True
        return False


def ansi_quoted(text):
    "Rewrites each backtick-quoted name in ``text`` in ANSI double quotes."
    return _BACKTICKED.sub(lambda m: '"%s"' % m.group(1).replace('``', '`').replace('"', '""'), text)


def doctests(module):
    "Returns the doctests of ``module`` as a suite (empty if it has none)."
    return doctest.DocTestSuite(module, checker=OutputChecker(), optionflags=doctest.ELLIPSIS)


def build_suite(app_module):
    "Returns the tests of one app, given its models module."
    suite = unittest.TestSuite()
    suite.addTest(doctests(app_module))
    package = app_module.__name__.rsplit('.', 1)[0]
    test_name = '%s.%s' % (package, TEST_MODULE)
    if importlib.util.find_spec(test_name) is not None:
        test_module = importlib.import_module(test_name)
        suite.addTest(unittest.defaultTestLoader.loadTestsFromModule(test_module))
        suite.addTest(doctests(test_module))
    return suite


def confirm_clobber(test_name):
    """Asks on the terminal whether to drop an old test database; without a
    terminal the answer is no."""
    if not sys.stdin or not sys.stdin.isatty():
        return False
    answer = input("Type 'yes' if you would like to try deleting the test database %r, "
                   "or 'no' to cancel: " % test_name)
    return answer.strip() == 'yes'


def run_tests(module_list, verbosity=1, extra_tests=(), interactive=True):
    """Runs the tests of the apps in ``module_list`` (their models modules)
    on fresh test databases; returns the number of failures and errors.

    An old test database is dropped after asking (``interactive``) or
    without asking (not ``interactive``: --noinput)."""
    settings.DEBUG = False
    suite = unittest.TestSuite()
    for module in module_list:
        suite.addTest(build_suite(module))
    for test in extra_tests:
        suite.addTest(test)
    old_name = settings.DATABASE_NAME
    old_databases = settings.OTHER_DATABASES
    create_test_db(verbosity, autoclobber=not interactive,
                   confirm=confirm_clobber if interactive else None)
    try:
        result = unittest.TextTestRunner(verbosity=verbosity).run(suite)
    finally:
        destroy_test_db(old_name, old_databases, verbosity)
    return len(result.failures) + len(result.errors)

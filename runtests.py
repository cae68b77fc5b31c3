#!/usr/bin/env python
"""Runs the historical test suite of the multiple-db-support branch.

    python runtests.py [-v 0|1|2] [--settings MODULE] [--noinput] [label ...]
    python runtests.py --original DIR [--original-order sorted|listdir|reverse] [label ...]

Runs the doctests and unittests of every app in branch_tests/modeltests and
branch_tests/regressiontests (or of the labelled ones) on fresh test
databases. Without --settings or DJANGO_SETTINGS_MODULE it uses the bundled
SQLite settings (branch_tests/settings_sqlite.py). An app whose name starts
with "invalid" is not installed: its models are validated and the errors
compared with its ``model_errors``, as 0.96's runner did.

With --original DIR it runs an original Python 2 tests tree instead (see
docs/original_tests.txt).
"""

import argparse
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
BRANCH_TESTS = os.path.join(HERE, 'branch_tests')
TEST_GROUPS = ('modeltests', 'regressiontests')
DEFAULT_SETTINGS = 'settings_sqlite'
# Installed for every run, as 0.96's runner installed its contrib apps
# (generic_relations needs ContentType); their own tests are not run.
ALWAYS_INSTALLED_APPS = ('django_legacy.contrib.contenttypes',)


class UsageError(Exception):
    "A mistake on the command line: reported in one line, exit status 1."


def discover_apps():
    "Returns {label: dotted app name} for every test app, in run order."
    apps = {}
    for group in TEST_GROUPS:
        directory = os.path.join(BRANCH_TESTS, group)
        for name in sorted(os.listdir(directory)):
            if os.path.exists(os.path.join(directory, name, 'models.py')):
                apps[name] = '%s.%s' % (group, name)
    return apps


def is_invalid_app(app_name):
    """Is ``app_name`` an app of invalid models ('invalid...')? Such an app
    is not installed; it is validated and its errors compared."""
    return app_name.rsplit('.', 1)[-1].startswith('invalid')


class InvalidModelTestCase(unittest.TestCase):
    """Validates an app of invalid models as 0.96's runner did: every line of
    its ``model_errors`` must be written by get_validation_errors, and no
    line that is not there."""

    def __init__(self, app_name):
        super().__init__()
        self.app_name = app_name

    def __str__(self):
        return 'validation of %s' % self.app_name

    def runTest(self):
        import io
        from django_legacy.core import management
        from django_legacy.db.models import loading
        module = loading.load_app(self.app_name)
        out = io.StringIO()
        management.get_validation_errors(out, module)
        actual = out.getvalue().split('\n')
        expected = module.model_errors.split('\n')
        unexpected = [line for line in actual if line not in expected]
        missing = [line for line in expected if line not in actual]
        self.assertFalse(unexpected, 'Unexpected errors:\n' + '\n'.join(unexpected))
        self.assertFalse(missing, 'Missing errors:\n' + '\n'.join(missing))


def app_suite(app_name):
    "Returns the tests of one test app (its dotted name)."
    if is_invalid_app(app_name):
        return unittest.TestSuite([InvalidModelTestCase(app_name)])
    from django_legacy.db.models import loading
    from django_legacy.test.simple import build_suite
    return build_suite(loading.load_app(app_name))


def installed_apps(app_names):
    "Returns INSTALLED_APPS for a run of ``app_names``: the always installed and the valid ones."
    return ALWAYS_INSTALLED_APPS + tuple(n for n in app_names if not is_invalid_app(n))


def select_apps(labels):
    "Returns the dotted names of the apps to run; raises UsageError for an unknown label."
    apps = discover_apps()
    unknown = [label for label in labels if label not in apps]
    if unknown:
        raise UsageError('unknown test app %r; choose from: %s'
                         % (unknown[0], ', '.join(apps)))
    return [apps[label] for label in labels] if labels else list(apps.values())


def configure(settings_module, app_names):
    "Loads the settings and installs the test apps; returns the settings."
    os.environ['DJANGO_SETTINGS_MODULE'] = settings_module
    from django_legacy.conf import settings
    try:
        settings.INSTALLED_APPS = installed_apps(app_names)
    except ImportError as e:
        raise UsageError(str(e).splitlines()[0])
    return settings


class OneLineParser(argparse.ArgumentParser):
    "An argument parser that reports a mistake in one line and exits 1."

    def error(self, message):
        sys.stderr.write('runtests.py: error: %s\n' % message)
        sys.exit(1)


def parse(argv):
    parser = OneLineParser(
        prog='runtests.py', description='Run the historical test suite of the branch.')
    parser.add_argument('-v', '--verbosity', type=int, choices=(0, 1, 2), default=1,
                        help='0: summary only, 1: dots, 2: one line per test')
    parser.add_argument('--settings', help='settings module (default: the bundled SQLite '
                        'settings, or DJANGO_SETTINGS_MODULE)')
    parser.add_argument('--noinput', action='store_false', dest='interactive',
                        help='drop an old test database without asking')
    parser.add_argument('--original', metavar='DIR',
                        help="run an original 2007 'tests' tree (Python 2: the branch's or "
                        "Django 0.96's) instead of branch_tests; needs the 'original' extra")
    parser.add_argument('--original-order', choices=('sorted', 'listdir', 'reverse'),
                        default='sorted', help='order of the apps within each group of --original')
    parser.add_argument('labels', nargs='*', metavar='label',
                        help='test apps to run (default: all)')
    return parser.parse_args(argv)


def run_original(options):
    """Runs the original tree of --original; returns the exit status (1 if
    an example failed or an app could not run)."""
    settings_module = (options.settings or os.environ.get('DJANGO_SETTINGS_MODULE')
                       or DEFAULT_SETTINGS)
    from django_legacy.test.original import run_original
    from django_legacy.test.python2 import TranslationUnavailable
    try:
        configure(settings_module, ())
        results = run_original(options.original, options.original_order, options.labels,
                               options.verbosity, always_installed=ALWAYS_INSTALLED_APPS)
    except (UsageError, ValueError, TranslationUnavailable) as e:
        sys.stderr.write('runtests.py: error: %s\n' % e)
        return 1
    return 1 if any(result.failed for result in results) else 0


def main(argv=None):
    options = parse(sys.argv[1:] if argv is None else argv)
    sys.path.insert(0, BRANCH_TESTS)
    if options.original:
        return run_original(options)
    try:
        app_names = select_apps(options.labels)
        settings_module = (options.settings or os.environ.get('DJANGO_SETTINGS_MODULE')
                           or DEFAULT_SETTINGS)
        configure(settings_module, app_names)
        from django_legacy.db.models import loading
        from django_legacy.test.simple import run_tests
        modules = [loading.load_app(name) for name in app_names if not is_invalid_app(name)]
        extra_tests = [InvalidModelTestCase(name) for name in app_names if is_invalid_app(name)]
    except UsageError as e:
        sys.stderr.write('runtests.py: error: %s\n' % e)
        return 1
    from django_legacy.core.exceptions import ImproperlyConfigured
    from django_legacy.db import DatabaseError
    try:
        failures = run_tests(modules, verbosity=options.verbosity, extra_tests=extra_tests,
                             interactive=options.interactive)
    except (ImproperlyConfigured, DatabaseError) as e:
        sys.stderr.write('runtests.py: error: %s\n' % str(e).strip().splitlines()[0])
        return 1
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())

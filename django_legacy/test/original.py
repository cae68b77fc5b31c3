"""Runs an original 2007 test tree, unchanged, on Python 3 (new: not in 2007).

``run_original(directory, order, out)`` runs the apps of ``modeltests/``
and ``regressiontests/`` of a Python 2 ``tests/`` tree (the branch's, or
Django 0.96's) as 0.96's runner did: each app's unittest cases and then
its doctests, from ``models.py`` and then ``tests.py``, with ELLIPSIS;
an ``invalid*`` app's validation errors against its ``model_errors``.
Each app runs alone, on fresh test databases, translated from a copy in a
temporary tree (see ``django_legacy.test.python2``), and the settings are
restored after it. Prints, per app, the examples run, passed and failed,
and each failure's example, expected and got output.
"""

import copy
import doctest
import importlib
import importlib.util
import os
import shutil
import sys
import tempfile
import traceback
import unittest

from django_legacy.conf import settings
from django_legacy.test.python2 import Python2Importer, Python2OutputChecker, Translator
from django_legacy.test.simple import TEST_MODULE
from django_legacy.test.utils import create_test_db, destroy_test_db

GROUPS = ('modeltests', 'regressiontests')
ORDERS = ('sorted', 'listdir', 'reverse')
# The named test connections when the settings have none: the branch's.
BUNDLED_TEST_DATABASES = ('_a', '_b')
BUNDLED_TEST_DATABASE_MODELS = {
    '_a': ['multiple_databases.Artist', 'multiple_databases.Opus'],
    '_b': ['multiple_databases.Widget', 'multiple_databases.DooHickey'],
}


class Failure:
    "One failed example: where, the source, what was expected and what came."

    def __init__(self, where, example, expected, got):
        self.where, self.example, self.expected, self.got = where, example, expected, got


class AppResult:
    "The outcome of one app: examples run, the failures, or why it could not run."

    def __init__(self, label):
        self.label = label
        self.run = 0
        self.failures = []
        self.error = None

    @property
    def failed(self):
        return len(self.failures) + (1 if self.error else 0)

    @property
    def passed(self):
        return self.run - len(self.failures)


def find_apps(directory, order='sorted'):
    """Returns the dotted labels of the tree's test apps: modeltests first,
    then regressiontests, each group in ``order``. Raises ValueError if the
    directory has neither group."""
    if order not in ORDERS:
        raise ValueError('unknown order %r; choose from: %s' % (order, ', '.join(ORDERS)))
    groups = [g for g in GROUPS if os.path.isdir(os.path.join(directory, g))]
    if not groups:
        raise ValueError('%s has no modeltests/ or regressiontests/ directory: '
                         "give the path of an original 'tests' tree" % directory)
    labels = []
    for group in groups:
        names = [n for n in os.listdir(os.path.join(directory, group))
                 if not n.startswith(('__init__', '.', 'sql'))
                 and os.path.isdir(os.path.join(directory, group, n))]
        if order == 'sorted':
            names.sort()
        elif order == 'reverse':
            names.sort(reverse=True)
        labels.extend('%s.%s' % (group, n) for n in names)
    return labels


def copy_tree(directory, labels, target):
    "Copies the apps ``labels`` of ``directory`` under ``target``, each group a package."
    for group in {label.split('.')[0] for label in labels}:
        os.makedirs(os.path.join(target, group))
        with open(os.path.join(target, group, '__init__.py'), 'w'):
            pass
    for label in labels:
        group, name = label.split('.')
        shutil.copytree(os.path.join(directory, group, name), os.path.join(target, group, name),
                        ignore=shutil.ignore_patterns('*.pyc', '__pycache__'))


class ExampleRunner(doctest.DocTestRunner):
    """Counts examples and keeps each failure; after an unexpected exception
    it rolls back unmanaged transactions, as 0.96's runner did."""

    def __init__(self, result):
        super().__init__(checker=Python2OutputChecker(), optionflags=doctest.ELLIPSIS)
        self.result = result

    def report_failure(self, out, test, example, got):
        if example.exc_msg is not None:
            got = _short_traceback(got)
        self._keep(test, example, example.want, got)

    def report_unexpected_exception(self, out, test, example, exc_info):
        from django_legacy.db import transaction
        got = _short_traceback(''.join(traceback.format_exception(*exc_info)))
        self._keep(test, example, example.want or example.exc_msg or '', got)
        transaction.rollback_unless_managed()

    def _keep(self, test, example, expected, got):
        line = (test.lineno or 0) + example.lineno + 1
        self.result.failures.append(
            Failure('%s, line %d' % (test.name, line), example.source, expected, got))


def _short_traceback(text):
    """A printed traceback as a doctest writes one: the first line, an
    ellipsis, and the exception's own lines (the unindented ones at the end)."""
    lines = text.rstrip('\n').split('\n')
    if not lines[0].startswith('Traceback'):
        return text
    tail = []
    while len(lines) > 1 and not lines[-1].startswith(' '):
        tail.insert(0, lines.pop())
    return '\n'.join([lines[0], '    ...'] + tail) + '\n'


class _Collector(unittest.TestResult):
    "Records the unittest cases of one app into its AppResult."

    def __init__(self, result):
        super().__init__()
        self.app = result

    def startTest(self, test):
        super().startTest(test)
        self.app.run += 1

    def _keep(self, test, err):
        self.app.failures.append(Failure(test.id(), '', '', self._exc_info_to_string(err, test)))

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._keep(test, err)

    def addError(self, test, err):
        super().addError(test, err)
        self._keep(test, err)


def run_module(module, result):
    "Runs the unittest cases, then the doctests, of one module into ``result``."
    unittest.defaultTestLoader.loadTestsFromModule(module).run(_Collector(result))
    runner = ExampleRunner(result)
    for test in doctest.DocTestFinder().find(module):
        if test.examples:
            runner.run(test, out=lambda text: None)
            result.run += len(test.examples)


def run_invalid_models(module, result):
    """Compares the app's validation errors with the lines of its
    ``model_errors`` (each missing or unexpected line is a failure), written
    as 0.96 wrote them: ``<app_label>.<lower-case model name>: <message>``."""
    from django_legacy.core.management.validation import get_validation_errors
    actual = ['%s.%s: %s' % (model._meta.app_label, model._meta.module_name, message)
              for model, message in get_validation_errors(module)]
    expected = [line for line in module.model_errors.split('\n') if line]
    result.run += 1
    missing = [line for line in expected if line not in actual]
    unexpected = [line for line in actual if line not in expected]
    if missing or unexpected:
        result.failures.append(Failure('%s.model_errors' % module.__name__, 'validate',
                                       '\n'.join(missing), '\n'.join(unexpected)))


def run_app(label, verbosity, always_installed=()):
    """Runs one app on fresh test databases, installed with
    ``always_installed``; returns its AppResult."""
    from django_legacy.db.models import loading
    result = AppResult(label)
    invalid = label.split('.')[1].startswith('invalid')
    # 0.96 loaded an invalid app only to validate it, never installed it.
    settings.INSTALLED_APPS = tuple(always_installed) + (() if invalid else (label,))
    try:
        module = loading.load_app(label)
    except Exception as e:
        result.error = 'could not be loaded: %s' % _one_line(e)
        return result
    if module is None:
        result.error = 'has no models.py'
        return result
    if invalid:
        run_invalid_models(module, result)
        return result
    old_name, old_databases = settings.DATABASE_NAME, settings.OTHER_DATABASES
    step = 'test databases could not be created'
    try:
        create_test_db(verbosity=verbosity - 1 if verbosity > 1 else 0, autoclobber=True)
        step = 'stopped'
        run_module(module, result)
        test_name = '%s.%s' % (label, TEST_MODULE)
        if importlib.util.find_spec(test_name) is not None:
            run_module(importlib.import_module(test_name), result)
    except Exception as e:
        result.error = '%s: %s' % (step, _one_line(e))
    finally:
        destroy_test_db(old_name, old_databases, verbosity=verbosity - 1 if verbosity > 1 else 0)
    return result


def _one_line(error):
    "An exception as '<type>: <first line of its message>'."
    lines = str(error).strip().splitlines()
    return '%s: %s' % (type(error).__name__, lines[0] if lines else '')


def _indented(text, prefix='      '):
    return ''.join(prefix + line + '\n' for line in (text.rstrip('\n') or '(nothing)').split('\n'))


def report(result, out):
    "Writes one app's line, then each of its failures."
    out.write('%s: %d examples, %d passed, %d failed%s\n' % (
        result.label, result.run, result.passed, result.failed,
        (' (%s)' % result.error) if result.error else ''))
    for failure in result.failures:
        out.write('  FAILED %s\n    example:\n%s    expected:\n%s    got:\n%s' % (
            failure.where, _indented(failure.example), _indented(failure.expected),
            _indented(failure.got)))


def _test_databases():
    "The settings' TEST_DATABASES and TEST_DATABASE_MODELS, or the bundled ones."
    if getattr(settings, 'TEST_DATABASES', None):
        return {}
    return {'TEST_DATABASES': BUNDLED_TEST_DATABASES,
            'TEST_DATABASE_MODELS': BUNDLED_TEST_DATABASE_MODELS}


def _with_settings_restored(run, *args):
    """Runs one app, then puts the settings back as they were: the holder
    (a test may swap it and never swap it back) and every value in it."""
    holder = settings._target
    saved = copy.deepcopy(holder.__dict__)
    try:
        for name, value in _test_databases().items():
            setattr(settings, name, value)
        return run(*args)
    finally:
        settings._target = holder
        holder.__dict__.clear()
        holder.__dict__.update(saved)


def run_original(directory, order='sorted', labels=(), verbosity=1, out=sys.stdout,
                 always_installed=()):
    """Runs the original tree at ``directory``; returns the list of AppResult.

    ``labels`` limits the run to those app names; ``always_installed`` are
    installed with each app (as 0.96's runner installed its contrib apps).
    ``verbosity`` 0 reports only the apps that failed, 1 every app, 2 also
    the creation of the test databases. Raises ValueError for a
    directory that is no test tree or an unknown label, and
    TranslationUnavailable without fissix."""
    apps = find_apps(directory, order)
    if labels:
        unknown = [name for name in labels if name not in {a.split('.')[1] for a in apps}]
        if unknown:
            raise ValueError('no test app %r in %s' % (unknown[0], directory))
        apps = [a for a in apps if a.split('.')[1] in labels]
    translator = Translator()
    target = tempfile.mkdtemp(prefix='django_legacy_original_')
    importer = Python2Importer(GROUPS, target, translator)
    results = []
    try:
        copy_tree(directory, apps, target)
        importer.install()
        for label in apps:
            result = _with_settings_restored(run_app, label, verbosity, always_installed)
            if verbosity >= 1 or result.failed:
                report(result, out)
            results.append(result)
    finally:
        importer.uninstall()
        shutil.rmtree(target, ignore_errors=True)
    examples = sum(r.run for r in results)
    failed = sum(r.failed for r in results)
    out.write('%d apps, %d examples, %d passed, %d failed\n'
              % (len(results), examples, sum(r.passed for r in results), failed))
    return results

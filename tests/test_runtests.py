"""runtests.py from the command line: its mistakes are one line and exit 1."""

import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def runtests(*argv):
    env = dict(os.environ)
    env.pop('DJANGO_SETTINGS_MODULE', None)
    return subprocess.run([sys.executable, os.path.join(HERE, 'runtests.py')] + list(argv),
                          capture_output=True, text=True, env=env, cwd=HERE,
                          stdin=subprocess.DEVNULL)


@pytest.mark.parametrize('argv, message', [
    (['nosuchapp'], "unknown test app 'nosuchapp'; choose from: basic,"),
    (['--settings', 'no_such_settings', 'basic'], "Could not import settings 'no_such_settings'"),
    (['-v', '5'], 'argument -v/--verbosity: invalid choice'),
    (['--frobnicate'], 'unrecognized arguments: --frobnicate'),
])
def test_mistakes_are_one_line(argv, message):
    result = runtests(*argv)
    assert result.returncode == 1
    assert 'Traceback' not in result.stderr
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr


def test_labels_run_some_apps_and_failures_exit_non_zero(tmp_path):
    result = runtests('-v', '2', 'basic', 'ordering')
    assert result.returncode == 0, result.stderr
    assert 'modeltests.basic.models' in result.stderr
    assert 'modeltests.lookup' not in result.stderr
    assert 'Ran 2 tests' in result.stderr
    (tmp_path / 'failing_settings.py').write_text("DATABASE_ENGINE = 'sqlite3'\n"
                                                  "DATABASE_NAME = ':memory:'\n")
    env = dict(os.environ, PYTHONPATH=str(tmp_path))
    env.pop('DJANGO_SETTINGS_MODULE', None)
    failing = subprocess.run([sys.executable, os.path.join(HERE, 'runtests.py'), '-v', '0',
                              '--settings', 'failing_settings', 'multiple_databases'],
                             capture_output=True, text=True, env=env, cwd=HERE)
    assert failing.returncode == 1      # no named test connections: the doctest fails
    assert 'FAILED' in failing.stderr


def test_doctest_checker_reads_backticked_names_as_ansi_quoted():
    import doctest
    from django_legacy.test.simple import OutputChecker, ansi_quoted
    assert ansi_quoted('DROP TABLE `a``b` -- `x"y`') == 'DROP TABLE "a`b" -- "x""y"'
    checker = OutputChecker()
    want = "[BoundStatement('DROP TABLE \"t\";')]\n"
    assert checker.check_output(want, "[BoundStatement('DROP TABLE `t`;')]\n", doctest.ELLIPSIS)
    assert not checker.check_output(want, "[BoundStatement('DROP TABLE `u`;')]\n", doctest.ELLIPSIS)


def test_an_invalid_models_app_fails_on_a_missing_or_an_unexpected_line(monkeypatch):
    import unittest
    import runtests
    from django_legacy.db.models import loading
    module = loading.load_app('modeltests.invalid_models')
    lines = module.model_errors.split('\n')
    for changed in (lines[1:], lines + ['invalid_models.peer: an error nobody writes']):
        monkeypatch.setattr(module, 'model_errors', '\n'.join(changed))
        result = unittest.TestResult()
        runtests.InvalidModelTestCase('modeltests.invalid_models').run(result)
        assert len(result.failures) == 1
    monkeypatch.setattr(module, 'model_errors', '\n'.join(lines))
    result = unittest.TestResult()
    runtests.InvalidModelTestCase('modeltests.invalid_models').run(result)
    assert result.wasSuccessful()

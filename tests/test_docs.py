"""Every example in the README and in docs/ runs, in a fresh process each
(they configure settings of their own)."""

import glob
import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# docs/patterns.txt needs a primary, a replica and PgBouncer:
# tests/test_patterns_docs.py runs it where they are.
SERVER_DOCUMENTS = ['docs/patterns.txt']
DOCUMENTS = ['README.rst'] + sorted(
    os.path.relpath(p, HERE) for p in glob.glob(os.path.join(HERE, 'docs', '*.txt'))
    if os.path.relpath(p, HERE) not in SERVER_DOCUMENTS)

RUNNER = '''
import doctest, sys
from django_legacy.test.simple import OutputChecker
parser = doctest.DocTestParser()
with open(sys.argv[1], encoding='utf-8') as f:
    text = f.read()
test = parser.get_doctest(text, {'__name__': 'docs'}, sys.argv[1], sys.argv[1], 0)
runner = doctest.DocTestRunner(checker=OutputChecker(), optionflags=doctest.ELLIPSIS)
runner.run(test)
print('examples: %d' % len(test.examples))
sys.exit(1 if runner.failures else 0)
'''


def run_examples(document, cwd):
    "Runs the examples of ``document`` in a fresh process; returns the CompletedProcess."
    env = dict(os.environ)
    env.pop('DJANGO_SETTINGS_MODULE', None)
    env['PYTHONPATH'] = os.pathsep.join([HERE, os.path.join(HERE, 'branch_tests')])
    return subprocess.run([sys.executable, '-c', RUNNER, os.path.join(HERE, document)],
                          capture_output=True, text=True, cwd=str(cwd), env=env)


@pytest.mark.parametrize('document', DOCUMENTS)
def test_examples_run(document, tmp_path):
    result = run_examples(document, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    if document == 'README.rst':
        assert int(result.stdout.split('examples: ')[1]) > 10

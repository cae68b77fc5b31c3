"""runtests.py --original: a Python 2 test tree, written here for the purpose, run unchanged."""

import doctest
import os
import subprocess
import sys
import textwrap

import pytest

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

needs_fissix = pytest.mark.skipif(
    __import__('importlib').util.find_spec('fissix') is None,
    reason="needs fissix (the 'original' extra)")

# Python 2 only: print statements, u'' and long literals, old except syntax.
SHELF = '''\
"""
1. Books on a shelf, written for Python 2

>>> b = Book(title=u'Dune', pages=412L)
>>> b.save()
>>> print b.title
Dune
>>> b.title
u'Dune'
>>> Book.objects.get(pk=b.id).pages
412L
>>> set([b.title, u'Emma'])
Set([u'Emma', u'Dune'])
>>> dict(one=1, two=2, three=3)
{'two': 2, 'three': 3, 'one': 1}
>>> Book.objects.get(title='Nope')
Traceback (most recent call last):
    ...
DoesNotExist: Book matching query does not exist.
>>> Book.objects.values('title')[0].keys()
['title']
"""

from django.db import models

class Book(models.Model):
    title = models.CharField(maxlength=50)
    pages = models.IntegerField()

    def __str__(self):
        return self.title

__test__ = {'API_TESTS': """
>>> try:
...     Book.objects.get(title='Nope')
... except Book.DoesNotExist, e:
...     print "missing:", e
missing: Book matching query does not exist.
"""}
'''

SHELF_TESTS = '''\
import unittest
from modeltests.shelf.models import Book

class BookTests(unittest.TestCase):
    def test_save(self):
        Book(title=u'Emma', pages=474L).save()
        self.assertEquals(Book.objects.filter(title='Emma').count(), 1)
        self.assert_(Book.objects.filter(title='Emma')[0].pages == 474)
'''

BROKEN = '''\
"""
>>> print 1 + 1
3
>>> print 'still runs'
still runs
"""
from django.db import models

class Part(models.Model):
    name = models.CharField(maxlength=10)
'''

INVALID = '''\
from django.db import models

class Thing(models.Model):
    name = models.CharField()

model_errors = """invalid_things.thing: "name": CharFields require a "maxlength" attribute.
"""
'''

# The first in sorted order changes settings and never puts them back; the
# second must not see it, whichever runs first.
MEDDLER = '''\
"""
>>> from django.conf import settings, UserSettingsHolder
>>> settings.TEST_DATABASE_MODELS['_a'].append('meddler.Thing')
>>> settings._target = UserSettingsHolder(settings._target)
>>> settings.MEDDLED = True
"""
from django.db import models
'''

WATCHER = '''\
"""
>>> from django.conf import settings
>>> settings.TEST_DATABASE_MODELS['_a']
['multiple_databases.Artist', 'multiple_databases.Opus']
>>> hasattr(settings, 'MEDDLED')
False
"""
from django.db import models
'''


def write(root, relative, text):
    path = root.joinpath(*relative.split('/'))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


@pytest.fixture
def tree(tmp_path):
    "A Python 2 tests tree of five apps; returns its path."
    root = tmp_path / 'tests'
    for group in ('modeltests', 'regressiontests'):
        write(root, group + '/__init__.py', '')
    for label, files in {
            'modeltests/shelf': {'models.py': SHELF, 'tests.py': SHELF_TESTS},
            'modeltests/meddler': {'models.py': MEDDLER},
            'modeltests/watcher': {'models.py': WATCHER},
            'regressiontests/broken': {'models.py': BROKEN},
            'regressiontests/invalid_things': {'models.py': INVALID}}.items():
        write(root, label + '/__init__.py', '')
        for name, text in files.items():
            write(root, '%s/%s' % (label, name), text)
    return root


def runtests(*argv, prelude=''):
    env = dict(os.environ)
    env.pop('DJANGO_SETTINGS_MODULE', None)
    code = ('import sys, runpy; %s sys.argv = %r; runpy.run_path(%r, run_name="__main__")'
            % (prelude, ['runtests.py'] + list(argv), os.path.join(HERE, 'runtests.py')))
    return subprocess.run([sys.executable, '-c', code], capture_output=True, text=True,
                          env=env, cwd=HERE, stdin=subprocess.DEVNULL)


def app_lines(stdout):
    return [line for line in stdout.splitlines() if line and not line.startswith(' ')]


@needs_fissix
def test_python2_tree_runs_and_reports_per_app(tree):
    result = runtests('--original', str(tree))
    assert result.returncode == 1, result.stderr       # broken's failing example
    assert app_lines(result.stdout) == [
        'modeltests.meddler: 4 examples, 4 passed, 0 failed',
        'modeltests.shelf: 11 examples, 11 passed, 0 failed',
        'modeltests.watcher: 3 examples, 3 passed, 0 failed',
        'regressiontests.broken: 2 examples, 1 passed, 1 failed',
        'regressiontests.invalid_things: 1 examples, 1 passed, 0 failed',
        '5 apps, 21 examples, 20 passed, 1 failed',
    ]
    failure = result.stdout.split('FAILED ')[1]
    assert failure.startswith('regressiontests.broken.models, line 2\n')
    assert 'example:\n      print(1 + 1)\n' in failure
    assert 'expected:\n      3\n' in failure and 'got:\n      2\n' in failure


@needs_fissix
def test_results_do_not_depend_on_the_order(tree):
    lines = {}
    for order in ('sorted', 'reverse', 'listdir'):
        result = runtests('--original', str(tree), '--original-order', order)
        lines[order] = app_lines(result.stdout)
    assert lines['reverse'][0].startswith('modeltests.watcher')
    assert sorted(lines['sorted']) == sorted(lines['reverse']) == sorted(lines['listdir'])


@needs_fissix
def test_labels_and_the_tree_itself_untouched(tree):
    before = sorted(p.name for p in tree.rglob('*'))
    result = runtests('--original', str(tree), 'shelf')
    assert result.returncode == 0, result.stdout
    assert app_lines(result.stdout)[-1] == '1 apps, 11 examples, 11 passed, 0 failed'
    assert sorted(p.name for p in tree.rglob('*')) == before      # no bytecode, no copy


@needs_fissix
def test_verbosity_zero_reports_only_failing_apps(tree):
    result = runtests('--original', str(tree), '-v', '0', 'shelf', 'broken')
    assert app_lines(result.stdout) == ['regressiontests.broken: 2 examples, 1 passed, 1 failed',
                                        '2 apps, 13 examples, 12 passed, 1 failed']


@needs_fissix
def test_a_failing_unittest_case_is_reported(tree):
    write(tree, 'modeltests/shelf/tests.py', SHELF_TESTS.replace('count(), 1)', 'count(), 2)'))
    result = runtests('--original', str(tree), 'shelf')
    assert result.returncode == 1
    assert 'modeltests.shelf: 11 examples, 10 passed, 1 failed' in result.stdout
    assert 'FAILED modeltests.shelf.tests.BookTests.test_save' in result.stdout
    assert 'AssertionError: 1 != 2' in result.stdout


@pytest.mark.parametrize('argv, message', [
    (['--original', '/nonexistent'], 'has no modeltests/ or regressiontests/ directory'),
    (['--original-order', 'random'], "invalid choice: 'random'"),
])
def test_mistakes_are_one_line(argv, message):
    result = runtests(*argv)
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr


def test_without_fissix_one_line_says_what_to_install(tree):
    result = runtests('--original', str(tree), prelude="sys.modules['fissix'] = None;")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "runtests.py: error: --original needs fissix to translate Python 2 code: "
        "pip install -e '.[original]' (or: pip install fissix)"]


@needs_fissix
def test_django_is_django_legacy_and_a_missing_module_is_named(tmp_path, monkeypatch):
    from django_legacy.test.python2 import Python2Importer, Translator
    importer = Python2Importer(('modeltests',), str(tmp_path), Translator())
    modern = type(sys)('django')
    monkeypatch.setitem(sys.modules, 'django', modern)     # as if a modern Django were imported
    importer.install()
    try:
        import django.db.models
        import django_legacy.db.models
        assert django.db.models is django_legacy.db.models
        with pytest.raises(ModuleNotFoundError) as raised:
            __import__('django.contrib.auth')
        assert str(raised.value) == ("No module named 'django.contrib.auth': django_legacy has "
                                     "no django_legacy.contrib.auth (the 2007 tests import it)")
        from sets import Set
        assert Set is set
    finally:
        importer.uninstall()
    assert sys.modules.get('django') is modern and 'django.db' not in sys.modules
    assert importer not in sys.meta_path


@pytest.mark.parametrize('want, got', [
    ('1L\n', '1\n'),
    ("[u'a', u\"b\"]\n", "['a', \"b\"]\n"),
    ("Set([1, 2])\n", "{1, 2}\n"),
    ("set([])\n", "set()\n"),
    ("{'b': 2, 'a': 1}\n", "{'a': 1, 'b': 2}\n"),
    ("Set([u'x', u'y'])\n", "{'y', 'x'}\n"),
    ('<django.db.models.fields.related.ForeignKey ...>\n',
     '<django_legacy.db.models.fields.related.ForeignKey object at 0x7f>\n'),
    ('ImproperlyConfigured: bad\n', 'django_legacy.core.exceptions.ImproperlyConfigured: bad\n'),
])
def test_checker_accepts_python2_artefacts(want, got):
    from django_legacy.test.python2 import Python2OutputChecker
    assert Python2OutputChecker().check_output(want, got, doctest.ELLIPSIS)


@pytest.mark.parametrize('want, got', [
    ('1L\n', '2\n'),
    ("u'a'\n", "'b'\n"),
    ("Set([1, 2])\n", "{1, 3}\n"),
    ("{'b': 2, 'a': 1}\n", "{'a': 2, 'b': 1}\n"),
    ("[2, 1]\n", "[1, 2]\n"),
    ("menu'\n", "men'\n"),
    ("1L\n", "1L\n1\n"),
])
def test_checker_accepts_nothing_else(want, got):
    from django_legacy.test.python2 import Python2OutputChecker
    assert not Python2OutputChecker().check_output(want, got, doctest.ELLIPSIS)


@needs_fissix
def test_translation_covers_code_and_doctest_sources_not_expected_output():
    from django_legacy.test.python2 import Translator
    source = textwrap.dedent('''\
        """
        >>> print u'x', 1L
        u'x' 1L
        """
        print "code"
        ''')
    assert Translator().translate(source) == textwrap.dedent('''\
        """
        >>> print('x', 1)
        u'x' 1L
        """
        print("code")
        ''')

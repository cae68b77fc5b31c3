"""The management actions: output, exit status, and that what is printed is what runs."""

import io
import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from django_legacy.core.management import ACTIONS, action_function, main
from django_legacy.db import connections
from tests.helpers import engine, except_on, install_only, only_on, place, qn, run, syncdb_failing_at_trip
from tests.testapp.models import Author, Book, Counter, Node, Tag, Trip

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTAPP = (Author, Book, Tag, Counter, Node, Trip)


@pytest.fixture
def testapp(isolated_settings):
    "tests.testapp installed as an app: Author, Book, Tag on _a, the rest on the default."
    install_only(isolated_settings, 'tests.testapp')
    place(isolated_settings, '_a', 'testapp.Author', 'testapp.Book', 'testapp.Tag')
    yield isolated_settings
    for model in reversed(TESTAPP):
        if model._meta.db_table in model.objects.get_table_list():
            model.objects.drop(cascade=True)


def test_every_action_has_help_and_docs(capsys):
    with open(os.path.join(HERE, 'docs', 'multiple_db.txt'), encoding='utf-8') as f:
        guide = f.read()
    for name, action in ACTIONS.items():
        assert action.help and action.help.endswith('.'), name
        function = action_function(action)   # a contrib action: 'django_legacy.contrib.<name>:action'
        assert function.__name__ == ('action' if isinstance(action.function, str) else 'action_%s' % name)
        assert function.__module__ in ('django_legacy.core.management', 'django_legacy.contrib.%s' % name)
        assert '``%s``' % name in guide, 'docs/multiple_db.txt does not describe %s' % name
    with pytest.raises(SystemExit) as exited:
        main(['--help'])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    for name, action in ACTIONS.items():
        assert '  %-17s %s' % (name, action.help) in out


@only_on('sqlite3', 'the expected column types are SQLite\'s')
def test_sql_is_grouped_per_connection(testapp):
    status, out, err = run('sql', 'testapp')
    assert status == 0 and err == ''
    assert out.startswith(' -- The following statements are for connection: <default>\n')
    assert ' -- END statements for <default>\n -- The following statements are for connection: _a\n' in out
    assert out.endswith(' -- END statements for _a\n')
    assert 'CREATE TABLE "testapp_book" (\n    "id" integer NOT NULL PRIMARY KEY,\n' \
           '    "title" varchar(100) NOT NULL,\n' \
           '    "author_id" integer NOT NULL REFERENCES "testapp_author" ("id"),\n' in out
    assert 'CREATE INDEX' not in out


def test_single_connection_output_is_bare(testapp):  # index SQL is the same on both
    testapp.OTHER_DATABASES['_a']['MODELS'] = []
    status, out, err = run('sqlindexes', 'testapp')
    assert err == '', err
    assert status == 0
    assert out == ('CREATE INDEX testapp_book_title ON %s (%s);\n'
                   'CREATE INDEX testapp_book_author_id ON %s (%s);\n'
                   'CREATE INDEX testapp_tag_label ON %s (%s);\n'
                   'CREATE INDEX testapp_node_parent_id ON %s (%s);\n') % (
        qn('testapp_book'), qn('title'), qn('testapp_book'), qn('author_id'),
        qn('testapp_tag'), qn('label'), qn('testapp_node'), qn('parent_id'))


def statements_of(output):
    "Returns the statements of an action's output, without the marker lines."
    text = '\n'.join(line for line in output.splitlines() if not line.startswith(' -- '))
    return [s.strip().rstrip(';') for s in text.split(';\n') if s.strip()]


@only_on('sqlite3', 'SQLite keeps the text of each CREATE statement to compare')
def test_install_leaves_what_sqlall_printed(testapp):
    status, printed, err = run('sqlall', 'testapp')
    assert status == 0
    status, out, err = run('install', 'testapp', '--verbosity', '0')
    assert (status, out, err) == (0, '', '')
    created = []
    for info in (connections['_a'], Counter.objects.db):
        cursor = info.connection.cursor()
        cursor.execute("SELECT sql FROM sqlite_master WHERE name LIKE 'testapp%%' "
                       "AND sql IS NOT NULL", ())
        created.extend(row[0] for row in cursor.fetchall())
    assert len(created) == 12
    printed_statements = statements_of(printed)
    assert sorted(created) == sorted(s for s in printed_statements if s.startswith('CREATE'))
    inserts = [s for s in printed_statements if not s.startswith('CREATE')]
    assert inserts == ["INSERT INTO testapp_author (name) VALUES ('Ann; the first')",
                       "INSERT INTO testapp_author (name) VALUES ('Bob')"]
    assert sorted(a.name for a in Author.objects.all()) == ['Ann; the first', 'Bob']


def test_sqlclear_and_reset(testapp):
    assert run('install', 'testapp', '--verbosity', '0')[0] == 0
    status, out, err = run('sqlclear', 'testapp')
    assert status == 0
    assert 'DROP TABLE %s;\nDROP TABLE %s' % (qn('testapp_tag_books'), qn('testapp_tag')) in out
    assert out.index(qn('testapp_book')) < out.index(qn('testapp_author'))
    initial = sorted(a.name for a in Author.objects.all())
    assert 'Bob' in initial
    Author(name='x').save()
    assert Author.objects.count() == len(initial) + 1
    assert run('reset', 'testapp', '--noinput', '--verbosity', '0')[0] == 0
    assert sorted(a.name for a in Author.objects.all()) == initial


def test_reset_asks_and_cancels_without_yes(testapp, monkeypatch):
    monkeypatch.setattr(sys, 'stdin', io.StringIO('no\n'))
    status, out, err = run('reset', 'testapp')
    assert status == 1 and err.strip().endswith('error: reset cancelled')


@only_on('sqlite3', 'other engines have sequences')
def test_sequence_reset_on_sqlite_says_it_cannot(testapp):
    status, out, err = run('sqlsequencereset', 'testapp')
    assert status == 0 and out == ''
    assert 'Author is configured to use database engine sqlite3, which does not support ' \
           'sequence reset.\n' in err


def test_validate_reports_relations_across_connections(testapp):
    testapp.OTHER_DATABASES['_a']['MODELS'] = ['testapp.Author']
    status, out, err = run('validate')
    assert out == '1 error found.\n'
    assert status == 1
    assert ("testapp.book: 'Book' is configured to use connection '<default>' but has "
            "relation with 'Author', which is configured to use connection '_a'") in err
    assert "testapp.tag: 'Tag' is configured" not in err
    testapp.OTHER_DATABASES['_a']['MODELS'] = ['testapp.Author', 'testapp.Book']
    status, out, err = run('validate')
    assert "testapp.tag: 'Tag' is configured to use connection '<default>' but has relation " \
           "with 'Book', which is configured to use connection '_a'" in err
    assert out == '1 error found.\n'


def test_actions_refuse_invalid_models_in_one_line(testapp):
    testapp.OTHER_DATABASES['_a']['MODELS'] = ['testapp.Author']
    status, out, err = run('sqlall', 'testapp')
    assert status == 1 and out == ''
    assert len(err.splitlines()) == 1 and 'model validation failed' in err


@except_on('mysql', 'CREATE TABLE commits at once (test_mysql.py tests what happens instead)')
def test_syncdb_rolls_back_on_every_connection(testapp):
    "The last model fails on the default connection; _a's tables go too."
    status, out, err = syncdb_failing_at_trip()
    assert status == 1 and 'already exists' in err
    for info in (connections['_a'], Counter.objects.db):
        tables = info.get_introspection_module().get_table_list(info.connection.cursor())
        assert [t for t in tables if t.startswith('testapp')] == [], info


def test_diffsettings_marks_settings_that_are_not_defaults(testapp):
    status, out, err = run('diffsettings')
    assert status == 0
    assert "DATABASE_ENGINE = %r\n" % engine() in out
    assert "TEST_DATABASES = ('_a', '_b')\n" in out


@pytest.mark.parametrize('argv, message', [
    (['frobnicate'], "unknown action 'frobnicate'"),
    (['sql', 'nosuchapp'], 'App with label nosuchapp could not be found'),
    (['sql'], 'this action needs at least one app label'),
    (['syncdb', 'basic'], 'syncdb takes no app labels'),
    (['sql', 'basic', '--verbosity', '7'], 'argument -v/--verbosity'),
])
def test_mistakes_are_one_line(argv, message):
    status, out, err = run(*argv)
    assert status == 1
    assert len(err.splitlines()) == 1 and message in err


def command(tmp_path, *argv, settings='cli_settings'):
    env = dict(os.environ, PYTHONPATH=HERE)
    env.pop('DJANGO_SETTINGS_MODULE', None)
    return subprocess.run([sys.executable, '-m', 'django_legacy'] + list(argv)
                          + ['--settings', settings, '--pythonpath', str(tmp_path)],
                          capture_output=True, text=True, cwd=str(tmp_path), env=env,
                          stdin=subprocess.DEVNULL)


@pytest.fixture
def project(tmp_path):
    (tmp_path / 'cli_settings.py').write_text(textwrap.dedent('''
        DATABASE_ENGINE = 'sqlite3'
        DATABASE_NAME = %r
        OTHER_DATABASES = {'_a': {'DATABASE_NAME': %r, 'MODELS': ['shop.Invoice']}}
        INSTALLED_APPS = ('shop',)
    ''' % (str(tmp_path / 'default.db'), str(tmp_path / 'a.db'))))
    (tmp_path / 'shop').mkdir()
    (tmp_path / 'shop' / '__init__.py').write_text('')
    (tmp_path / 'shop' / 'models.py').write_text(textwrap.dedent('''
        from django_legacy.db import models
        class Customer(models.Model):
            name = models.CharField(maxlength=20)
        class Invoice(models.Model):
            number = models.IntegerField()
    '''))
    return tmp_path


def test_command_line_syncdb_then_sql(project):
    result = command(project, 'syncdb')
    assert result.returncode == 0, result.stderr
    assert result.stdout == ('Creating table shop_customer\nCreating table shop_invoice\n'
                             "Loading 'initial_data' fixtures...\nNo fixtures found.\n")
    tables = sqlite3.connect(str(project / 'a.db')).execute(
        'SELECT name FROM sqlite_master').fetchall()
    assert tables == [('shop_invoice',)]
    result = command(project, 'sqlclear', 'shop')
    assert result.stdout == (
        ' -- The following statements are for connection: <default>\n'
        'DROP TABLE "shop_customer";\n -- END statements for <default>\n'
        ' -- The following statements are for connection: _a\n'
        'DROP TABLE "shop_invoice";\n -- END statements for _a\n')


@pytest.mark.parametrize('argv, settings, message', [
    (['sql', 'shop'], 'no_such_settings', "Could not import settings 'no_such_settings'"),
    (['sql', 'nothere'], 'cli_settings', 'App with label nothere could not be found'),
    (['explode'], 'cli_settings', "unknown action 'explode'"),
])
def test_command_line_mistakes_exit_1_without_traceback(project, argv, settings, message):
    result = command(project, *argv, settings=settings)
    assert result.returncode == 1
    assert 'Traceback' not in result.stderr
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr


def readme_runs():
    "Yields (command, shown output) for each '$ python -m django_legacy' run in the README."
    with open(os.path.join(HERE, 'README.rst'), encoding='utf-8') as f:
        lines = f.read().splitlines()
    for i, line in enumerate(lines):
        if line.startswith('    $ python -m django_legacy'):
            shown = []
            for following in lines[i + 1:]:
                if following and not following.startswith('    '):
                    break
                shown.append(following[4:])
            while shown and not shown[-1]:
                shown.pop()
            yield line[6:], '\n'.join(shown) + '\n'


def test_readme_shows_real_output(tmp_path):
    runs = list(readme_runs())
    assert len(runs) == 3
    for command_line, shown in runs:
        env = dict(os.environ, PYTHONPATH=HERE)
        env.pop('DJANGO_SETTINGS_MODULE', None)
        argv = command_line.split()[1:]
        argv = [a.replace('--pythonpath=branch_tests',
                          '--pythonpath=' + os.path.join(HERE, 'branch_tests')) for a in argv]
        result = subprocess.run([sys.executable] + argv, capture_output=True, text=True,
                                cwd=str(tmp_path), env=env)
        shown_lines = [line.rstrip() for line in shown.splitlines()]
        assert [line.rstrip() for line in (result.stdout + result.stderr).splitlines()] \
            == shown_lines, command_line


def test_pending_references_carry_across_apps(isolated_settings):
    from tests.pendingapp.models import Loan
    install_only(isolated_settings, 'tests.pendingapp', 'tests.testapp')
    status, out, err = run('sqlall', 'pendingapp', 'testapp')
    assert status == 0, err
    assert '%s integer NOT NULL,\n' % qn('author_id') in out   # Author not created yet: pending
    assert 'REFERENCES %s' % qn('testapp_author') in out       # Book, after Author: inline
    try:
        status, out, err = run('syncdb', '--verbosity', '0')
        assert (status, err) == (0, '')
        assert Loan.objects.count() == 0
    finally:
        for model in (Loan,) + TESTAPP:
            if model._meta.db_table in model.objects.get_table_list():
                model.objects.drop(cascade=True)


def test_syncdb_fails_on_references_left_pending(isolated_settings):
    from tests.pendingapp.models import Loan
    install_only(isolated_settings, 'tests.pendingapp')
    status, out, err = run('syncdb')
    assert status == 1
    assert err.strip().endswith(
        'error: All apps were installed, but there were still pending references to: '
        'testapp.Author')
    assert 'pendingapp_loan' not in Loan.objects.get_table_list()


def test_traceback_shows_the_whole_error(testapp):
    status, out, err = run('sql', 'nothere')
    assert status == 1 and err.startswith('django-legacy-admin: error: ')
    from django_legacy.core.exceptions import ImproperlyConfigured
    with pytest.raises(ImproperlyConfigured, match='App with label nothere could not be found'):
        run('sql', 'nothere', '--traceback')


def test_the_core_does_not_import_contrib():
    code = ('import sys, django_legacy.core.management as m;'
            'print(sorted(n for n in sys.modules if n.startswith("django_legacy.contrib")))')
    result = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, cwd=HERE)
    assert result.stdout.strip() == '[]', result.stderr
    assert ACTIONS['compare'].function == 'django_legacy.contrib.compare:action'

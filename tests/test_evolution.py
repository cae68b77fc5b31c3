"""The ``evolution`` action: one scenario under 2006, 2007, Django 1.2 and
today, each run for real; docs/evolution.txt shows a run, and its table
must agree with a fresh one for every design that runs here."""

import os
import subprocess
import sys

import pytest

from django_legacy.contrib import evolution
from django_legacy.contrib.evolution_scenario import OPERATIONS

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_evolution(*argv, env=None):
    environ = dict(os.environ, **(env or {}))
    environ.pop('DJANGO_SETTINGS_MODULE', None)
    return subprocess.run([sys.executable, '-m', 'django_legacy', 'evolution'] + list(argv),
                          capture_output=True, text=True, env=environ, cwd=HERE)


@pytest.fixture(scope='module')
def fresh():
    "A fresh run: (CompletedProcess, its table's rows by (operation, design))."
    result = run_evolution()
    assert result.returncode == 0, result.stderr
    return result, {row[:2]: row[2:] for row in evolution.parse_table(result.stdout)}


@pytest.fixture(scope='module')
def documented():
    with open(os.path.join(HERE, 'docs', 'evolution.txt'), encoding='utf-8') as f:
        return {row[:2]: row[2:] for row in evolution.parse_table(f.read())}


def unavailable(design):
    "The reason ``design`` cannot run here, or None."
    try:
        evolution.command(design, '.')
    except evolution.Unavailable as e:
        return str(e)
    return None


@pytest.mark.parametrize('design', [d.key for d in evolution.DESIGNS])
def test_the_documented_table_agrees_with_a_fresh_run(design, fresh, documented):
    reason = unavailable(design)
    if reason:
        assert reason in fresh[0].stderr.splitlines()
        assert all(fresh[1][(title, design)] == ('not run', '-', '-') for _, title in OPERATIONS)
        pytest.skip(reason)
    rows = {key: cells for key, cells in fresh[1].items() if key[1] == design}
    assert len(rows) == len(OPERATIONS)
    assert rows == {key: cells for key, cells in documented.items() if key[1] == design}


def test_the_readme_shows_rows_of_a_real_run(fresh):
    with open(os.path.join(HERE, 'README.rst'), encoding='utf-8') as f:
        text = f.read()
    section = text[text.index('One scenario, four designs\n'):].replace('\n    ...\n', '\n')
    shown = evolution.parse_table(section)
    assert len(shown) == 20
    for row in shown:
        if unavailable(row[1]) is None:
            assert fresh[1][row[:2]] == row[2:], row


def cell(fresh, key, design, column):
    "One cell of the fresh run; skips when the design cannot run here."
    reason = unavailable(design)
    if reason:
        pytest.skip(reason)
    title = dict(OPERATIONS)[key]
    return fresh[1][(title, design)][('landed', 'allowed', 'wrote').index(column)]


@pytest.mark.parametrize('design, landed', [
    ('2006', 'none'), ('2007', 'none'), ('1.2', 'a.db, b.db'), ('today', 'a.db, b.db')])
def test_a_bare_transaction_covers_every_connection_only_in_2006_and_2007(fresh, design, landed):
    assert cell(fresh, 'bare_transaction', design, 'landed') == landed


@pytest.mark.parametrize('design', ['2006', '2007', '1.2', 'today'])
def test_commit_on_one_database_and_rollback_on_another(fresh, design):
    assert cell(fresh, 'commit_a_rollback_b', design, 'landed') == 'a.db'


@pytest.mark.parametrize('design, validate, assignment', [
    ('2007', 'refused: 1 error', 'yes at assignment'),
    ('1.2', 'yes', 'refused at assignment: ValueError'),
    ('today', 'yes', 'refused at assignment: ValueError')])
def test_relations_across_databases_are_refused_at_validation_then_at_assignment(
        fresh, design, validate, assignment):
    assert cell(fresh, 'validate', design, 'allowed') == validate
    assert cell(fresh, 'relate_across', design, 'allowed').startswith(assignment)


@pytest.mark.parametrize('design', ['2006', '2007', '1.2', 'today'])
def test_every_row_lands_where_the_design_places_its_model(fresh, design):
    assert cell(fresh, 'install', design, 'landed') == (
        'default.db: vehicle; a.db: artist, opus; b.db: widget, doohickey, doohickey_widgets')
    assert [cell(fresh, key, design, 'landed') for key in (
        'save_artist', 'save_opus', 'save_widget', 'save_doohickey', 'save_vehicle',
        'read_artist')] == ['a.db', 'a.db', 'b.db', 'b.db; link in b.db', 'default.db', 'a.db']


def test_allow_syncdb_became_allow_migrate(fresh):
    out = fresh[0].stdout
    if unavailable('1.2') is None:
        assert '    def allow_syncdb(self, db, model):' in out
    if unavailable('today') is None:
        assert '    def allow_migrate(self, db, app_label, model_name=None, **hints):' in out
    assert 'allow_syncdb became allow_migrate' in ' '.join(out.split())


def test_without_python27_the_column_says_why(monkeypatch, tmp_path):
    monkeypatch.setenv('DJANGO12_PYTHON', str(tmp_path / 'nothing' / 'python'))
    monkeypatch.setenv('HOME', str(tmp_path))
    monkeypatch.setenv('PATH', str(tmp_path))
    with pytest.raises(evolution.Unavailable) as raised:
        evolution.django12_python()
    assert str(raised.value) == ('Django 1.2 not run: Python 2.7, which it needs, is not '
                                 'available here (no pyenv 2.7, no python2.7 on PATH)')
    results = {'2007': {'rows': {key: ['a.db', 'yes', 'x'] for key, _ in OPERATIONS}},
               '1.2': str(raised.value)}
    rows = evolution.table_rows(results)
    assert rows[:2] == [('place the models', '2007', 'a.db', 'yes', 'x'),
                        ('', '1.2', 'not run', '-', '-')]


def test_with_python27_but_no_virtualenv_it_names_the_script(monkeypatch, tmp_path):
    python = tmp_path / 'python2.7'
    python.write_text('')
    python.chmod(0o755)
    monkeypatch.setenv('DJANGO12_PYTHON', str(tmp_path / 'nothing' / 'python'))
    monkeypatch.setenv('HOME', str(tmp_path))
    monkeypatch.setenv('PATH', str(tmp_path))
    with pytest.raises(evolution.Unavailable, match=r'run \.ci/django12 to prepare it'):
        evolution.django12_python()


def test_a_wrapped_table_reads_back_as_it_was_written():
    rows = [('a long operation title that wraps', '2007', 'x ' * 30, 'yes', 'y'),
            ('', 'today', 'none', 'refused at assignment: ValueError', 'z')]
    text = '\n'.join('    ' + line for line in evolution.render_table(rows))
    width = sum(w for _, w in evolution.COLUMNS) + len(' | ') * (len(evolution.COLUMNS) - 1)
    assert max(len(line) for line in text.splitlines()) == len('    ') + width
    assert evolution.parse_table('intro\n\n' + text + '\n\nafter') == [
        ('a long operation title that wraps', '2007', ('x ' * 30).strip(), 'yes', 'y'),
        ('a long operation title that wraps', 'today', 'none',
         'refused at assignment: ValueError', 'z')]


def test_an_unknown_scenario_is_one_line():
    result = run_evolution('nosuch')
    assert result.returncode == 1
    assert result.stderr == ('python -m django_legacy: error: evolution takes one scenario, '
                             'one of: multiple_databases\n')


def test_without_python27_the_others_still_run(tmp_path):
    result = run_evolution(env={'DJANGO12_PYTHON': str(tmp_path / 'none' / 'python'),
                                'HOME': str(tmp_path), 'PATH': str(tmp_path)})
    assert result.returncode == 0, result.stderr
    message = ('Django 1.2 not run: Python 2.7, which it needs, is not available here '
               '(no pyenv 2.7, no python2.7 on PATH)')
    assert message in result.stderr.splitlines()
    assert '  1.2    ' + message in result.stdout.splitlines()
    rows = {row[:2]: row[2:] for row in evolution.parse_table(result.stdout)}
    assert rows[('save an Artist', '1.2')] == ('not run', '-', '-')
    assert rows[('save an Artist', '2007')] == ('a.db', 'yes', 'artist.save()')


def test_the_preparing_script_says_in_one_line_when_there_is_no_python27(tmp_path):
    result = subprocess.run(
        [os.path.join(HERE, '.ci', 'django12')], capture_output=True, text=True,
        env={'HOME': str(tmp_path), 'PATH': '/usr/bin:/bin',
             'DJANGO12_VENV': str(tmp_path / 'venv')})
    if result.returncode == 0 and 'is ready' in result.stdout:
        pytest.skip('this machine has a python2.7 on /usr/bin or /bin')
    assert result.returncode == 0, result.stderr
    assert result.stderr == ('.ci/django12: no Python 2.7 here (no pyenv 2.7, no python2.7 on '
                             'PATH): the Django 1.2 column of evolution will not run\n')
    assert not (tmp_path / 'venv').exists()


def test_the_documented_run_is_the_fresh_run_but_for_versions(fresh):
    """Beyond the table: the differences, the messages and what each user
    wrote; only the legend's versions may differ (the Python and Django
    that ran today's design)."""
    reasons = [reason for reason in map(unavailable, ('1.2', 'today')) if reason]
    if reasons:
        pytest.skip('; '.join(reasons))
    with open(os.path.join(HERE, 'docs', 'evolution.txt'), encoding='utf-8') as f:
        text = f.read()
    start = text.index('    $ python -m django_legacy evolution\n') + len(
        '    $ python -m django_legacy evolution\n')
    documented = [line[4:] for line in text[start:text.index('\nThree things')].splitlines()]
    ran = fresh[0].stdout.splitlines()
    assert documented[0] == ran[0] and documented[1:3] == ran[1:3]
    assert documented[5:] == ran[5:]

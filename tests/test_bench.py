"""bench/ still runs: its workers on a few rows, and the reports they feed
(the figures themselves are measured by bench/run.py, never here)."""

import importlib.util
import json
import os
import subprocess
import sys

import pytest

from bench import run
from bench.workload import PHASES
from tests import servers

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def worker(*argv):
    env = dict(os.environ, PYTHONPATH=HERE)
    env.pop('DJANGO_SETTINGS_MODULE', None)
    out = subprocess.run([sys.executable, os.path.join(HERE, 'bench', 'run.py'), '--worker']
                         + list(argv), capture_output=True, text=True, env=env, cwd=HERE)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_workload_workers_time_every_phase():
    results = {}
    for name in ('raw', 'objects', 'legacy'):
        measured = worker(name, '--rows', '20')
        assert sorted(measured['timings']) == sorted(PHASES)
        results[name] = {'version': measured['version'], 'runs': [measured['timings']],
                         'median': measured['timings'], 'best': measured['timings']}
    text = run.report(results, 'sqlite3', 20, 1)
    assert 'django_legacy' in text and 'targets for django_legacy' in text
    assert text.count('raw sqlite3 (target <=') == len(run.TARGETS['sqlite3'])
    # raw + objects is a yardstick: given on each target's line, never a peer.
    assert text.count('; raw + objects ') == len(run.TARGETS['sqlite3'])
    assert 'faster than the fastest of' not in text


def test_the_tables_name_the_raw_driver_of_their_engine():
    timings = {p: 0.001 for p in PHASES}
    results = {name: {'version': name, 'runs': [timings], 'median': timings, 'best': timings}
               for name in ('raw', 'objects', 'legacy')}
    assert 'ratio of the bests to raw psycopg' in run.report(results, 'postgresql', 20, 1)
    # ... and a run on PostgreSQL leaves SQLite's tables as they were.
    assert 'ratio of the bests to raw sqlite3' in run.report(results, 'sqlite3', 20, 1)


@pytest.mark.parametrize('argv, message', [
    (['--rows', '0'], 'argument --rows: 0 is less than 1'),
    (['--rows', 'many'], "argument --rows: 'many' is not a whole number"),
    (['--rounds', '0'], 'argument --rounds: 0 is less than 1'),
    (['--only', 'pewee'], "argument --only: invalid choice: 'pewee'"),
    (['--threads-only'], '--threads-only measures the PostgreSQL thread curve: add '
                         '--engine postgresql'),
    (['--json', '/nonexistent/figures.json'], '--json /nonexistent/figures.json: No such file'),
])
def test_a_command_line_mistake_is_one_line_and_exit_1(argv, message, capsys):
    assert run.main(argv + ['--scale', '0']) == 1
    out, err = capsys.readouterr()
    assert out == '' and err.startswith('bench/run.py: error: ' + message)
    assert err.count('\n') == 1


def test_no_server_is_one_line_and_exit_1(monkeypatch, capsys):
    # A port nothing listens on: bound, then closed.
    import socket
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        port = s.getsockname()[1]
    monkeypatch.setenv('PGHOST', '127.0.0.1')
    monkeypatch.setenv('PGPORT', str(port))
    monkeypatch.setenv('PGUSER', 'postgres')
    assert run.main(['--engine', 'postgresql', '--rounds', '1']) == 1
    err = capsys.readouterr().err
    assert err.startswith('bench/run.py: error: --engine postgresql: no server answers where '
                          'PGHOST, PGPORT and PGUSER point (')
    assert err.count('\n') == 1


def test_a_peer_named_but_not_installed_is_a_usage_error(monkeypatch):
    monkeypatch.setattr(run, 'IMPLEMENTATIONS', run.IMPLEMENTATIONS + (('absent', 'no_such_orm'),))
    monkeypatch.setattr(run, 'PEERS', run.PEERS + ('absent',))
    assert 'absent' not in run.available([])
    with pytest.raises(run.UsageError, match=r"--only absent: no_such_orm is not installed"):
        run.available(['absent'])
    assert run.available(['django']) == ['raw', 'objects', 'legacy', 'django']
    assert run.available(['legacy']) == ['raw', 'objects', 'legacy']     # no peer


class _Stop(Exception):
    "Ends a run once it has chosen what to run."


@pytest.mark.parametrize('only, peers', [(['legacy'], []), (['legacy', 'django'], ['django'])])
def test_only_chooses_the_peers_a_run_compares(monkeypatch, only, peers):
    chosen = []

    def workload(engine, names, rows, rounds):
        chosen.extend(names)
        raise _Stop

    monkeypatch.setattr(run, 'workload', workload)
    monkeypatch.setattr(importlib.util, 'find_spec', lambda name: object())   # all installed
    with pytest.raises(_Stop):
        run.main(['--rounds', '1', '--scale', '0', '--only'] + only)
    assert chosen == ['raw', 'objects', 'legacy'] + peers


def test_scale_workers_insert_then_iterate(tmp_path):
    small = worker('insert-scale', '--rows', '30')
    big = worker('insert-scale', '--rows', '50', '--directory', str(tmp_path))
    assert len(big['us_per_row_by_tenth']) == 10
    iterate = worker('iterate-scale', '--rows', '50', '--directory', str(tmp_path))
    assert iterate['rows'] == 50
    assert iterate['peak_rss_after_mb'] >= iterate['peak_rss_before_mb']
    text = run.report_scale_run({'rows': 50, 'small': small, 'big': big, 'iterate': iterate})
    assert 'iterator() over 50 rows' in text


def test_the_thread_curve_reports_the_median_of_its_rounds():
    curve = {'raw': {str(n): [1000.0, 3000.0, 2000.0] for n in run.THREADS},
             'legacy': {str(n): [n * 100.0, n * 300.0, n * 200.0] for n in run.THREADS},
             'fsync': 'on'}
    text = run.report_threads(curve)
    assert 'median of 3 rounds, server fsync=on' in text
    assert text.splitlines()[-3].split()[2:] == ['2000'] * len(run.THREADS)
    assert text.splitlines()[-2].split()[1:] == ['%d' % (n * 200) for n in run.THREADS]
    assert text.splitlines()[-1].endswith('8 threads against 1: 8.00x (target >= 2x): met')


@pytest.mark.skipif(servers.missing('postgresql') is not None,
                    reason=servers.missing('postgresql') or '')
def test_thread_workers_save_on_the_server():
    for name in ('raw', 'legacy'):
        measured = worker('threads-' + name, '--threads', '2', '--engine', 'postgresql')
        assert measured['rows_per_second'] > 0


@pytest.mark.skipif(servers.missing('postgresql') is not None,
                    reason=servers.missing('postgresql') or '')
def test_scale_workers_on_the_server(tmp_path):
    from bench.workload import Target
    Target('postgresql', str(tmp_path)).fresh()
    big = worker('insert-scale', '--rows', '250', '--directory', str(tmp_path),
                 '--engine', 'postgresql')
    assert big['rows'] == 250
    iterate = worker('iterate-scale', '--rows', '250', '--directory', str(tmp_path),
                     '--engine', 'postgresql')
    assert iterate['rows'] == 250

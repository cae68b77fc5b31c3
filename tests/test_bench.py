"""bench/ still runs: its workers on a few rows, and the reports they feed
(the figures themselves are measured by bench/run.py, never here)."""

import json
import os
import subprocess
import sys

from bench import run
from bench.workload import PHASES

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
    for name in ('raw', 'legacy'):
        measured = worker(name, '--rows', '20')
        assert sorted(measured['timings']) == sorted(PHASES)
        results[name] = {'version': measured['version'], 'runs': [measured['timings']],
                         'median': measured['timings'], 'best': measured['timings']}
    text = run.report(results, 'sqlite3', 20, 1)
    assert 'django_legacy' in text and 'targets for django_legacy' in text
    assert text.count('raw sqlite3 (target <=') == len(run.TARGETS['sqlite3'])


def test_scale_workers_insert_then_iterate(tmp_path):
    small = worker('insert-scale', '--rows', '30')
    big = worker('insert-scale', '--rows', '50', '--directory', str(tmp_path))
    assert len(big['us_per_row_by_tenth']) == 10
    iterate = worker('iterate-scale', '--rows', '50', '--directory', str(tmp_path))
    assert iterate['rows'] == 50
    assert iterate['peak_rss_after_mb'] >= iterate['peak_rss_before_mb']
    text = run.report_scale_run({'rows': 50, 'small': small, 'big': big, 'iterate': iterate})
    assert 'iterator() over 50 rows' in text

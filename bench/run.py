#!/usr/bin/env python
"""The benchmark: django_legacy against raw sqlite3 and the ORMs people use today.

    python bench/run.py [--rows 5000] [--rounds 3] [--json FILE] [--only NAME ...]

Two SQLite files, Artist on one and Widget on the other, ``--rows`` rows
each, through the phases create, insert (one save per row inside a
transaction on each connection), get (by primary key), filter (half the
rows, iterated as objects), count, update (one bulk UPDATE of every row),
update1 (200 one-row UPDATEs per model, each committed), delete and drop.
Each implementation runs in a fresh process, once per round; the table
shows the median and best of the rounds and the ratio of the medians to raw
sqlite3. Then django_legacy's scaling: the cost of routing against
the size of OTHER_DATABASES (2 entries against 100 of 50 MODELS each, taking
turns in one process, median of the blocks), and syncdb time against the
number of models.
SQLAlchemy, peewee and modern Django run when installed (the 'bench' extra).
"""

import argparse
import contextlib
import importlib
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from bench.workload import PER_ROW, PHASES  # noqa: E402

IMPLEMENTATIONS = (('raw', None), ('legacy', None), ('sqlalchemy', 'sqlalchemy'),
                   ('peewee', 'peewee'), ('django', 'django'))
LABELS = {'raw': 'raw sqlite3', 'legacy': 'django_legacy', 'sqlalchemy': 'SQLAlchemy',
          'peewee': 'peewee', 'django': 'Django'}
TARGETS = {'insert': 4.0, 'get': 2.5}
ROUTING_SIZES = ((2, 50), (100, 50))


def scratch_parent():
    """Where the SQLite files go: a RAM-backed folder when the machine has one
    (/dev/shm), so that the phases measure the ORMs rather than the disk's
    fsync, which would otherwise dominate create, update, delete and drop."""
    return '/dev/shm' if os.path.isdir('/dev/shm') and os.access('/dev/shm', os.W_OK) else None


def worker(args):
    "Runs one measurement in this (fresh) process; prints JSON."
    with tempfile.TemporaryDirectory(dir=scratch_parent()) as directory:
        if args.worker == 'routing':
            result = {'us_per_get': __import__('bench.scaling', fromlist=['x']).routing(
                directory, ROUTING_SIZES, args.calls, args.blocks)}
        elif args.worker == 'syncdb':
            result = {'seconds': __import__('bench.scaling', fromlist=['x']).syncdb(
                directory, args.models, args.connections)}
        else:
            module = importlib.import_module('bench.impl_%s' % args.worker)
            timings = {}

            @contextlib.contextmanager
            def clock(phase):
                start = time.perf_counter()
                yield
                timings[phase] = time.perf_counter() - start
            module.run(directory, args.rows, clock)
            version = getattr(module, 'VERSION', None) or module.version()
            result = {'timings': timings, 'version': version}
    print(json.dumps(result))


def spawn(*argv):
    env = dict(os.environ, PYTHONPATH=ROOT)
    env.pop('DJANGO_SETTINGS_MODULE', None)
    out = subprocess.run([sys.executable, os.path.abspath(__file__)] + list(argv),
                         capture_output=True, text=True, env=env, cwd=ROOT)
    if out.returncode:
        raise SystemExit('bench worker %s failed:\n%s' % (' '.join(argv), out.stderr))
    return json.loads(out.stdout.strip().splitlines()[-1])


def available(only):
    names = []
    for name, module in IMPLEMENTATIONS:
        if only and name not in only and name != 'raw':
            continue
        if module is None or importlib.util.find_spec(module) is not None:
            names.append(name)
    return names


def workload(names, rows, rounds):
    "Returns {impl: {'version': ..., 'runs': [{phase: seconds}]}}."
    results = {name: {'runs': []} for name in names}
    for round_number in range(rounds):
        shift = round_number % len(names)       # each implementation takes each place in turn
        for name in names[shift:] + names[:shift]:
            measured = spawn('--worker', name, '--rows', str(rows))
            results[name]['version'] = measured['version']
            results[name]['runs'].append(measured['timings'])
    for name, result in results.items():
        result['median'] = {p: statistics.median(r[p] for r in result['runs']) for p in PHASES}
        result['best'] = {p: min(r[p] for r in result['runs']) for p in PHASES}
    return results


def scaling(rounds):
    blocks = spawn('--worker', 'routing', '--calls', '2000', '--blocks', str(10 * rounds))
    routing = {size: statistics.median(values) for size, values in blocks['us_per_get'].items()}
    syncdb = {}
    for models in (100, 500):
        syncdb[str(models)] = statistics.median(
            spawn('--worker', 'syncdb', '--models', str(models), '--connections', '5')['seconds']
            for _ in range(rounds))
    return {'routing_us_per_get': routing, 'syncdb_seconds': syncdb}


def report(results, scale, rows, rounds):
    "Returns the text of the tables."
    raw = results['raw']['median']
    names = list(results)
    lines = ['%d rows per table, %d rounds, files in %s, %s, Python %s, %s' % (
        rows, rounds, scratch_parent() or tempfile.gettempdir(), platform.machine(),
        platform.python_version(), ', '.join(results[n]['version'] for n in names))]
    lines.append('')
    lines.append('median ms (ratio to raw sqlite3)')
    header = '%-8s' % 'phase' + ''.join('%22s' % LABELS[n] for n in names)
    lines.append(header)
    for phase in PHASES:
        cells = []
        for name in names:
            median = results[name]['median'][phase]
            cells.append('%22s' % ('%.1f (%.1fx)' % (median * 1e3, median / raw[phase])))
        lines.append('%-8s' % phase + ''.join(cells))
    lines.append('')
    lines.append('per row, median µs (best)')
    for phase in PER_ROW:
        cells = ['%22s' % ('%.1f (%.1f)' % (results[n]['median'][phase] / (2 * rows) * 1e6,
                                             results[n]['best'][phase] / (2 * rows) * 1e6))
                 for n in names]
        lines.append('%-8s' % phase + ''.join(cells))
    lines.append('')
    lines.append('targets for django_legacy:')
    legacy = results['legacy']['median']
    for phase, limit in TARGETS.items():
        ratio = legacy[phase] / raw[phase]
        lines.append('  %-7s %.2fx raw (target <= %.1fx): %s'
                     % (phase, ratio, limit, 'met' if ratio <= limit else 'MISSED'))
    others = [n for n in names if n not in ('raw', 'legacy')]
    if others:
        slower = [p for p in PHASES
                  if legacy[p] >= min(results[n]['median'][p] for n in others)]
        lines.append('  faster than the fastest of %s in every phase: %s' % (
            ', '.join(LABELS[n] for n in others),
            'met' if not slower else 'MISSED in ' + ', '.join(slower)))
    routing = scale['routing_us_per_get']
    small, large = routing['2x50'], routing['100x50']
    lines.append('  routing: get() %.1f µs with 2 entries, %.1f µs with 100 entries of 50 '
                 'MODELS (%+.1f%%, target within 5%%): %s' % (
                     small, large, (large / small - 1) * 100,
                     'met' if abs(large / small - 1) <= 0.05 else 'MISSED'))
    sync = scale['syncdb_seconds']
    ratio = sync['500'] / sync['100']
    lines.append('  syncdb over 5 connections: %.2f s for 100 models, %.2f s for 500 (%.1fx, '
                 'target <= 6x): %s' % (sync['100'], sync['500'], ratio,
                                        'met' if ratio <= 6 else 'MISSED'))
    return '\n'.join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--rows', type=int, default=5000)
    parser.add_argument('--rounds', type=int, default=3)
    parser.add_argument('--json', help='also write the results to this file')
    parser.add_argument('--only', nargs='*', default=[], help='implementations to run '
                        '(raw always runs): legacy sqlalchemy peewee django')
    parser.add_argument('--worker', help=argparse.SUPPRESS)
    parser.add_argument('--entries', type=int, help=argparse.SUPPRESS)
    parser.add_argument('--models', type=int, help=argparse.SUPPRESS)
    parser.add_argument('--calls', type=int, help=argparse.SUPPRESS)
    parser.add_argument('--connections', type=int, help=argparse.SUPPRESS)
    parser.add_argument('--blocks', type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args)
        return 0
    names = available(args.only)
    results = workload(names, args.rows, args.rounds)
    scale = scaling(args.rounds)
    print(report(results, scale, args.rows, args.rounds))
    if args.json:
        with open(args.json, 'w') as f:
            json.dump({'rows': args.rows, 'rounds': args.rounds, 'results': results,
                       'scaling': scale}, f, indent=2)
    return 0


if __name__ == '__main__':
    sys.exit(main())

#!/usr/bin/env python
"""The benchmark: django_legacy against raw driver code and the ORMs people use today.

    python bench/run.py [--engine sqlite3|postgresql] [--rows 5000] [--rounds 3]
                        [--scale 1000000] [--json FILE] [--only NAME ...]

Two databases, Artist on one and Widget on the other, ``--rows`` rows
each, through the phases create, insert (one save per row inside a
transaction on each connection), get (by primary key), filter (half the
rows, iterated as objects), count, update (one bulk UPDATE of every row),
update1 (200 one-row UPDATEs per model, each committed), delete and drop.
Each implementation runs in a fresh process, once per round; the table
shows the median and best of the rounds and the ratio of the best times to
the raw driver's (raw sqlite3, or raw psycopg). Beside raw driver code
runs 'raw + objects' (bench/impl_objects.py): raw driver code that makes
each row an object and nothing more, the least any object layer adds;
each target's line gives its ratio too.

With ``--engine sqlite3`` (the default) the databases are two SQLite files;
then django_legacy's scaling: the cost of routing against the size of
OTHER_DATABASES (2 entries against 100 of 50 MODELS each, taking turns in
one process, median of the blocks), syncdb time against the number of
models.

With ``--engine postgresql`` they are two databases (made afresh for every
run) on the server the libpq variables name (PGHOST, PGPORT, PGUSER,
PGPASSWORD), as ``.ci/pg run`` sets them; then the thread curve: 1, 2, 4
and 8 threads, each saving 1,000 rows (each save committed) on the two
connections, django_legacy beside raw psycopg, each point the median of
``--rounds`` runs. ``--threads-only`` draws the curve alone, for a server
whose commits wait on the disk (``PG_FSYNC=on .ci/pg run ...``): that is
where threads overlap their waiting; on the tests' server (fsync=off) the
curve measures how the machine's cores are shared.

On either engine, last, the scale run (``--scale`` rows, 0 to skip):
inserting them in one managed transaction on each of two connections, per
row against a run of 10,000, and iterating them with ``iterator()``, peak
resident memory before and after.

SQLAlchemy, peewee and modern Django run when installed (the 'bench' extra);
``--only`` names the ones to run, and one named but not installed is an error.
A mistake in the command line, or no server where the PG* variables point,
is one line on stderr and exit status 1.
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

from bench.workload import PER_ROW, PHASES, Target  # noqa: E402

IMPLEMENTATIONS = (('raw', None), ('objects', None), ('legacy', None),
                   ('sqlalchemy', 'sqlalchemy'), ('peewee', 'peewee'), ('django', 'django'))
LABELS = {'raw': 'raw sqlite3', 'objects': 'raw + objects', 'legacy': 'django_legacy',
          'sqlalchemy': 'SQLAlchemy', 'peewee': 'peewee', 'django': 'Django'}
# Raw driver code, and raw driver code that makes objects (bench/impl_objects):
# they always run, and are not peers.
YARDSTICKS = ('raw', 'objects')
# The ORMs django_legacy is compared with, each when its package is installed.
PEERS = ('sqlalchemy', 'peewee', 'django')
# The highest ratio of django_legacy's best time to the raw driver's, per phase.
TARGETS = {'sqlite3': {'insert': 1.6, 'get': 1.3, 'filter': 1.5, 'update1': 1.2},
           'postgresql': {'insert': 1.2, 'get': 1.2}}
ROUTING_SIZES = ((2, 50), (100, 50))
THREADS = (1, 2, 4, 8)
SAVES_PER_THREAD = 1000
# The scale run's smaller insert, per row of which the big one is compared.
SCALE_BASE = 10000


def scratch_parent():
    """Where the SQLite files go: a RAM-backed folder when the machine has one
    (/dev/shm), so that the phases measure the ORMs rather than the disk's
    fsync, which would otherwise dominate create, update, delete and drop."""
    return '/dev/shm' if os.path.isdir('/dev/shm') and os.access('/dev/shm', os.W_OK) else None


def measure(target, args):
    "Runs one measurement of ``args.worker`` on ``target``; returns its result."
    scaling = importlib.import_module('bench.scaling')
    if args.worker == 'routing':
        return {'us_per_get': scaling.routing(
            target.directory, ROUTING_SIZES, args.calls, args.blocks)}
    if args.worker == 'syncdb':
        return {'seconds': scaling.syncdb(target.directory, args.models, args.connections)}
    if args.worker == 'insert-scale':
        return scaling.insert_scale(target, args.rows)
    if args.worker == 'iterate-scale':
        return scaling.iterate_scale(target, args.rows)
    if args.worker in ('threads-legacy', 'threads-raw'):
        return scaling.threads(target, args.worker.split('-')[1], args.threads,
                               SAVES_PER_THREAD)
    module = importlib.import_module('bench.impl_%s' % args.worker)
    timings = {}

    @contextlib.contextmanager
    def clock(phase):
        start = time.perf_counter()
        yield
        timings[phase] = time.perf_counter() - start
    module.run(target, args.rows, clock)
    return {'timings': timings, 'version': module.version(target)}


def worker(args):
    "Runs one measurement in this (fresh) process; prints JSON."
    if args.directory:
        result = measure(Target(args.engine, args.directory), args)
    else:
        with tempfile.TemporaryDirectory(dir=scratch_parent()) as directory:
            target = Target(args.engine, directory)
            if target.postgresql:
                target.fresh()
            result = measure(target, args)
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
    """Returns the names of the implementations to run: the yardsticks,
    django_legacy, and the peers named in ``only`` (every installed one
    when it names nothing; none when it names django_legacy alone).
    Raises UsageError for a peer named but not installed."""
    names = []
    for name, module in IMPLEMENTATIONS:
        if name in PEERS:
            if only and name not in only:
                continue
            if importlib.util.find_spec(module) is None:
                if only:
                    raise UsageError("--only %s: %s is not installed (pip install -e "
                                     "'.[bench]')" % (name, module))
                continue
        names.append(name)
    return names


def label(name, engine):
    "The name of implementation ``name`` in the tables of a run on ``engine``."
    if name == 'raw' and engine == 'postgresql':
        return 'raw psycopg'
    return LABELS[name]


def workload(engine, names, rows, rounds):
    "Returns {impl: {'version': ..., 'runs': [{phase: seconds}]}}."
    results = {name: {'runs': []} for name in names}
    for round_number in range(rounds):
        shift = round_number % len(names)       # each implementation takes each place in turn
        for name in names[shift:] + names[:shift]:
            measured = spawn('--worker', name, '--rows', str(rows), '--engine', engine)
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


def scale_run(engine, rows):
    """Returns the scale run's figures: per-row insert time at SCALE_BASE and
    at ``rows`` rows, and iterating ``rows`` rows (in a fresh process, on the
    files or databases the big insert left)."""
    small = spawn('--worker', 'insert-scale', '--rows', str(SCALE_BASE), '--engine', engine)
    with tempfile.TemporaryDirectory(dir=scratch_parent()) as directory:
        if engine == 'postgresql':
            Target(engine, directory).fresh()
        big = spawn('--worker', 'insert-scale', '--rows', str(rows), '--directory', directory,
                    '--engine', engine)
        iterate = spawn('--worker', 'iterate-scale', '--rows', str(rows),
                        '--directory', directory, '--engine', engine)
    return {'rows': rows, 'small': small, 'big': big, 'iterate': iterate}


def thread_curve(engine, rounds):
    """Returns {impl: {threads: [rows per second of each round]}} for
    django_legacy and the raw driver, and under 'fsync' the server's fsync
    setting: each round measures every point once, the two taking turns,
    each in a fresh process."""
    curve = {'raw': {}, 'legacy': {}, 'fsync': server_setting(Target(engine, None), 'fsync')}
    for _ in range(rounds):
        for count in THREADS:
            for name in ('raw', 'legacy'):
                measured = spawn('--worker', 'threads-' + name, '--threads', str(count),
                                 '--engine', engine)
                curve[name].setdefault(str(count), []).append(measured['rows_per_second'])
    return curve


def describe_run(results, engine, rows, rounds):
    names = list(results)
    where = ('files in %s' % (scratch_parent() or tempfile.gettempdir()) if engine == 'sqlite3'
             else 'PostgreSQL server %s:%s' % (os.environ.get('PGHOST', 'localhost'),
                                                os.environ.get('PGPORT', '5432')))
    return '%d rows per table, %d rounds, %s, %s, %d cores, Python %s, %s' % (
        rows, rounds, where, platform.machine(), os.cpu_count(), platform.python_version(),
        ', '.join(dict.fromkeys(results[n]['version'] for n in names)))


def report(results, engine, rows, rounds):
    "Returns the text of the workload's tables and its targets."
    raw = results['raw']
    names = list(results)
    lines = [describe_run(results, engine, rows, rounds), '']
    lines.append('median ms, best ms (ratio of the bests to %s)' % label('raw', engine))
    lines.append('%-8s' % 'phase' + ''.join('%24s' % label(n, engine) for n in names))
    for phase in PHASES:
        cells = []
        for name in names:
            median, best = results[name]['median'][phase], results[name]['best'][phase]
            cells.append('%24s' % ('%.1f, %.1f (%.1fx)' % (
                median * 1e3, best * 1e3, best / raw['best'][phase])))
        lines.append('%-8s' % phase + ''.join(cells))
    lines.append('')
    lines.append('per row, median µs (best)')
    for phase in PER_ROW:
        cells = ['%24s' % ('%.1f (%.1f)' % (results[n]['median'][phase] / (2 * rows) * 1e6,
                                             results[n]['best'][phase] / (2 * rows) * 1e6))
                 for n in names]
        lines.append('%-8s' % phase + ''.join(cells))
    lines.append('')
    lines.append('targets for django_legacy (best against best):')
    legacy = results['legacy']['best']
    for phase, limit in TARGETS[engine].items():
        ratio = legacy[phase] / raw['best'][phase]
        line = '  %-7s %.2fx %s (target <= %.1fx): %s' % (
            phase, ratio, label('raw', engine), limit, 'met' if ratio <= limit else 'MISSED')
        if 'objects' in results:
            line += '; %s %.2fx' % (LABELS['objects'],
                                    results['objects']['best'][phase] / raw['best'][phase])
        lines.append(line)
    others = [n for n in names if n not in YARDSTICKS + ('legacy',)]
    if others:
        slower = [p for p in PHASES
                  if legacy[p] >= min(results[n]['best'][p] for n in others)]
        lines.append('  faster than the fastest of %s in every phase: %s' % (
            ', '.join(LABELS[n] for n in others),
            'met' if not slower else 'MISSED in ' + ', '.join(slower)))
    return '\n'.join(lines)


def report_scaling(scale):
    routing = scale['routing_us_per_get']
    small, large = routing['2x50'], routing['100x50']
    sync = scale['syncdb_seconds']
    ratio = sync['500'] / sync['100']
    return '\n'.join([
        '  routing: get() %.1f µs with 2 entries, %.1f µs with 100 entries of 50 '
        'MODELS (%+.1f%%, target within 5%%): %s' % (
            small, large, (large / small - 1) * 100,
            'met' if abs(large / small - 1) <= 0.05 else 'MISSED'),
        '  syncdb over 5 connections: %.2f s for 100 models, %.2f s for 500 (%.1fx, '
        'target <= 6x): %s' % (sync['100'], sync['500'], ratio, 'met' if ratio <= 6 else 'MISSED')])


def report_scale_run(run):
    small, big, iterate = run['small'], run['big'], run['iterate']
    ratio = big['us_per_row'] / small['us_per_row']
    growth = iterate['peak_rss_growth_mb']
    return '\n'.join([
        'scale run, %d rows:' % run['rows'],
        '  insert, one managed transaction on each of two connections: %.1f µs per row '
        'at %d rows, %.1f µs at %d (%.2fx, target <= 1.2x): %s' % (
            small['us_per_row'], SCALE_BASE, big['us_per_row'], run['rows'], ratio,
            'met' if ratio <= 1.2 else 'MISSED'),
        '    per row in each tenth of the big insert, µs: %s' % ', '.join(
            '%.1f' % t for t in big['us_per_row_by_tenth']),
        '  iterator() over %d rows: %.1f µs per row, peak RSS %.1f MB before, %.1f MB after '
        '(+%.1f MB, target < 64 MB): %s' % (
            iterate['rows'], iterate['us_per_row'], iterate['peak_rss_before_mb'],
            iterate['peak_rss_after_mb'], growth, 'met' if growth < 64 else 'MISSED')])


def server_setting(target, name):
    "Returns the value of the PostgreSQL server's setting ``name`` ('on', 'off', ...)."
    import psycopg
    with psycopg.connect(**dict(target.psycopg_params('a'), dbname='postgres')) as conn:
        return conn.execute('SHOW %s' % name).fetchone()[0]


def report_threads(curve):
    rounds = len(curve['legacy']['1'])
    lines = ['threads, each saving %d rows (each save committed) on two connections, '
             'rows per second (median of %d rounds, server fsync=%s):'
             % (SAVES_PER_THREAD, rounds, curve['fsync']),
             '%-16s' % 'threads' + ''.join('%10d' % n for n in THREADS)]
    medians = {name: {n: statistics.median(runs) for n, runs in curve[name].items()}
               for name in ('raw', 'legacy')}
    for name in ('raw', 'legacy'):
        lines.append('%-16s' % label(name, 'postgresql') +
                     ''.join('%10.0f' % medians[name][str(n)] for n in THREADS))
    legacy = medians['legacy']
    ratio = legacy[str(THREADS[-1])] / legacy['1']
    lines.append('  django_legacy, %d threads against 1: %.2fx (target >= 2x): %s' % (
        THREADS[-1], ratio, 'met' if ratio >= 2 else 'MISSED'))
    return '\n'.join(lines)


class UsageError(Exception):
    "A mistake in the command line or the environment; printed as one line."


class OneLineParser(argparse.ArgumentParser):
    """An argument parser whose mistakes raise UsageError (as the management
    command's does; its own is not imported, so that the workers of raw code
    and of the peers load nothing of django_legacy)."""

    def error(self, message):
        raise UsageError(message)


def at_least(least):
    "Returns an argparse type: an int no smaller than ``least``."
    def number(text):
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError('%r is not a whole number' % text) from None
        if value < least:
            raise argparse.ArgumentTypeError('%d is less than %d' % (value, least))
        return value
    return number


def reachable(engine):
    """Raises UsageError unless the ``engine`` server the environment names
    answers (SQLite needs none)."""
    if engine != 'postgresql':
        return
    try:
        import psycopg
    except ImportError:
        raise UsageError("--engine postgresql needs psycopg: pip install -e '.[postgresql]'") \
            from None
    try:
        server_setting(Target(engine, None), 'server_version')
    except psycopg.OperationalError as e:
        raise UsageError('--engine postgresql: no server answers where PGHOST, PGPORT and '
                         'PGUSER point (%s); run under .ci/pg run, which starts one'
                         % str(e).splitlines()[0]) from None


def writable(path):
    "Raises UsageError unless ``path`` can be written (before a run, not after it)."
    try:
        with open(path, 'a'):
            pass
    except OSError as e:
        raise UsageError('--json %s: %s' % (path, e.strerror)) from None


def main(argv=None):
    try:
        return run(argv)
    except UsageError as e:
        sys.stderr.write('bench/run.py: error: %s\n' % e)
        return 1


def run(argv):
    parser = OneLineParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--engine', choices=('sqlite3', 'postgresql'), default='sqlite3')
    parser.add_argument('--rows', type=at_least(1), default=5000)
    parser.add_argument('--rounds', type=at_least(1), default=3)
    parser.add_argument('--scale', type=at_least(0), default=1000000,
                        help='rows of the scale run (0 skips it)')
    parser.add_argument('--json', help='also write the results to this file')
    parser.add_argument('--only', nargs='*', default=[], choices=('legacy',) + PEERS,
                        metavar='NAME', help='the peers to run beside raw code, raw + objects '
                        'and django_legacy (legacy alone: none): sqlalchemy peewee django')
    parser.add_argument('--threads-only', action='store_true',
                        help='postgresql: only the thread curve (on a server with '
                        'PG_FSYNC=on, where the disk does the waiting)')
    parser.add_argument('--worker', help=argparse.SUPPRESS)
    parser.add_argument('--directory', help=argparse.SUPPRESS)
    parser.add_argument('--threads', type=int, help=argparse.SUPPRESS)
    parser.add_argument('--entries', type=int, help=argparse.SUPPRESS)
    parser.add_argument('--models', type=int, help=argparse.SUPPRESS)
    parser.add_argument('--calls', type=int, help=argparse.SUPPRESS)
    parser.add_argument('--connections', type=int, help=argparse.SUPPRESS)
    parser.add_argument('--blocks', type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args)
        return 0
    if args.threads_only and args.engine != 'postgresql':
        raise UsageError('--threads-only measures the PostgreSQL thread curve: add '
                         '--engine postgresql')
    reachable(args.engine)
    if args.json:
        writable(args.json)
    if args.threads_only:
        return threads_only(args)
    names = available(args.only)
    results = workload(args.engine, names, args.rows, args.rounds)
    print(report(results, args.engine, args.rows, args.rounds), flush=True)
    saved = {'engine': args.engine, 'rows': args.rows, 'rounds': args.rounds,
             'results': results}
    if args.engine == 'sqlite3':
        saved['scaling'] = scaling(args.rounds)
        print(report_scaling(saved['scaling']), flush=True)
    else:
        saved['threads'] = thread_curve(args.engine, args.rounds)
        print('\n' + report_threads(saved['threads']), flush=True)
    if args.scale:
        saved['scale_run'] = scale_run(args.engine, args.scale)
        print('\n' + report_scale_run(saved['scale_run']), flush=True)
    if args.json:
        with open(args.json, 'w') as f:
            json.dump(saved, f, indent=2)
    return 0


def threads_only(args):
    "Measures and prints the thread curve alone (--threads-only)."
    curve = thread_curve(args.engine, args.rounds)
    print(report_threads(curve))
    if args.json:
        with open(args.json, 'w') as f:
            json.dump({'engine': args.engine, 'rounds': args.rounds, 'threads': curve}, f,
                      indent=2)
    return 0


if __name__ == '__main__':
    sys.exit(main())

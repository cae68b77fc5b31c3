"""django_legacy's scaling measurements: routing cost against configuration
size, syncdb time against the number of models, the scale run (a million
rows inserted and iterated) and the thread curve."""

import os
import resource
import threading
import time

from bench.workload import artist, widget


def routing(directory, sizes, calls, blocks):
    """Returns {size: [µs per Model.objects.get(pk=...) for each block]}.

    ``sizes`` are (entries, models per entry) of OTHER_DATABASES. The
    configurations take turns, block by block, in this one process (the
    settings holder is swapped between blocks), so that the machine's noise
    falls on all of them alike.
    """
    from django_legacy.conf import UserSettingsHolder, global_settings, settings
    from django_legacy.db import connections
    holders = {}
    for entries, per_entry in sizes:
        databases = {}
        for e in range(entries):
            databases['c%d' % e] = {'DATABASE_NAME': os.path.join(directory, 'c%d.db' % e),
                                    'MODELS': ['app%d.Model%d' % (e, m) for m in range(per_entry)]}
        databases['c0']['MODELS'].append('bench.Artist')
        holder = UserSettingsHolder(global_settings)
        holder.DATABASE_ENGINE, holder.DATABASE_NAME = 'sqlite3', ':memory:'
        holder.OTHER_DATABASES = databases
        holders['%dx%d' % (entries, per_entry)] = holder
    first = next(iter(holders.values()))
    settings.configure(DATABASE_ENGINE='sqlite3', DATABASE_NAME=':memory:',
                       OTHER_DATABASES=first.OTHER_DATABASES)
    from django_legacy.db import models

    class Artist(models.Model):
        name = models.CharField(maxlength=50)

        class Meta:
            app_label = 'bench'

    Artist.objects.install()
    for i in range(100):
        Artist(name='a%d' % i).save()
    results = {size: [] for size in holders}
    for block in range(blocks):
        for size, holder in holders.items():
            settings._target = holder
            connections.reset()
            for i in range(200):                       # warm up: connect, resolve
                Artist.objects.get(pk=i % 100 + 1)
            start = time.perf_counter()
            for i in range(calls):
                Artist.objects.get(pk=i % 100 + 1)
            results[size].append((time.perf_counter() - start) / calls * 1e6)
    return results


def syncdb(directory, models, connections):
    """Returns the seconds syncdb takes for ``models`` models (each with two
    columns and, after the first on a connection, a foreign key to the one
    before it) spread over ``connections`` SQLite files. The models are
    written as an app in ``directory`` and imported before the clock starts."""
    import sys
    from django_legacy.conf import settings
    package = os.path.join(directory, 'scaleapp')
    os.mkdir(package)
    open(os.path.join(package, '__init__.py'), 'w').close()
    lines = ['from django_legacy.db import models', '']
    databases = {'c%d' % c: {'DATABASE_NAME': os.path.join(directory, 'c%d.db' % c),
                             'MODELS': []} for c in range(connections)}
    for i in range(models):
        connection = 'c%d' % (i % connections)
        lines += ['class Model%d(models.Model):' % i,
                  '    name = models.CharField(maxlength=20)',
                  '    size = models.IntegerField()']
        if i >= connections:
            lines.append("    parent = models.ForeignKey('Model%d', null=True)" % (i - connections))
        lines.append('')
        databases[connection]['MODELS'].append('scaleapp.Model%d' % i)
    with open(os.path.join(package, 'models.py'), 'w') as f:
        f.write('\n'.join(lines))
    sys.path.insert(0, directory)
    settings.configure(DATABASE_ENGINE='sqlite3', DATABASE_NAME=':memory:',
                       OTHER_DATABASES=databases, INSTALLED_APPS=('scaleapp',))
    from django_legacy.core.management.install import syncdb as run_syncdb
    from django_legacy.db.models import loading
    assert len(loading.get_models()) == models
    start = time.perf_counter()
    run_syncdb(verbosity=0)
    return time.perf_counter() - start


def insert_scale(target, rows):
    """Inserts ``rows`` Artists on connection 'a' and ``rows`` Widgets on 'b',
    taking turns, in one managed transaction on each. Returns {'us_per_row':
    over all 2 * rows saves, 'us_per_row_by_tenth': [one figure per tenth]}."""
    from bench import impl_legacy
    impl_legacy.configure(target)
    from django_legacy.db import transaction
    Artist, Widget = impl_legacy.models()
    Artist.objects.install()
    Widget.objects.install()
    tenths, step = [], max(1, rows // 10)
    transaction.enter_transaction_management()
    transaction.managed(True)
    start = time.perf_counter()
    mark = start
    for i in range(1, rows + 1):
        Artist(**artist(i)).save()
        Widget(**widget(i)).save()
        if i % step == 0:
            now = time.perf_counter()
            tenths.append((now - mark) / (2 * step) * 1e6)
            mark = now
    transaction.commit()
    elapsed = time.perf_counter() - start
    transaction.leave_transaction_management()
    return {'rows': rows, 'us_per_row': elapsed / (2 * rows) * 1e6, 'us_per_row_by_tenth': tenths}


def _peak_rss_mb():
    "This process's peak resident memory so far, in MB (Linux reports kB)."
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def iterate_scale(target, rows):
    """Iterates every Artist that insert_scale left in ``target`` with
    ``iterator()``; returns the time per row and the peak resident memory
    before and after."""
    from bench import impl_legacy
    impl_legacy.configure(target)
    Artist, Widget = impl_legacy.models()
    assert Artist.objects.count() == rows, 'run insert_scale with as many rows first'
    before = _peak_rss_mb()
    start = time.perf_counter()
    seen = 0
    for obj in Artist.objects.all().iterator():
        seen += 1
    elapsed = time.perf_counter() - start
    after = _peak_rss_mb()
    return {'rows': seen, 'us_per_row': elapsed / seen * 1e6, 'peak_rss_before_mb': before,
            'peak_rss_after_mb': after, 'peak_rss_growth_mb': after - before}


def threads(target, kind, count, saves):
    """Runs ``count`` threads, each saving ``saves`` rows (Artists on
    database 'a' and Widgets on 'b', taking turns, each save committed) on
    connections of its own; ``kind`` is 'legacy' or 'raw' (psycopg).
    Returns {'rows_per_second': over all threads, from start to the last end}."""
    work = _legacy_saver(target) if kind == 'legacy' else _raw_saver(target)
    ready = threading.Barrier(count + 1)
    errors = []

    def thread():
        try:
            save, done = work()
            ready.wait()
            for i in range(1, saves + 1):
                save(i)
            done()
        except BaseException as e:      # reported by the main thread
            errors.append(e)
            ready.abort()
    started = [threading.Thread(target=thread) for _ in range(count)]
    for t in started:
        t.start()
    ready.wait()
    start = time.perf_counter()
    for t in started:
        t.join()
    elapsed = time.perf_counter() - start
    if errors:
        raise errors[0]
    return {'rows_per_second': count * saves / elapsed}


def _legacy_saver(target):
    """Returns a function that makes one thread's (save(i), done()): its
    connections are opened before the clock starts."""
    from bench import impl_legacy
    impl_legacy.configure(target)
    from django_legacy.db import connections
    Artist, Widget = impl_legacy.models()
    Artist.objects.install()
    Widget.objects.install()
    connections.reset()

    def work():
        Artist.objects.count()
        Widget.objects.count()

        def save(i):
            if i % 2:
                Artist(**artist(i)).save()
            else:
                Widget(**widget(i)).save()
        return save, connections.reset
    return work


def _raw_saver(target):
    import psycopg
    with psycopg.connect(**target.psycopg_params('a')) as a:
        a.execute('CREATE TABLE artist (id serial PRIMARY KEY, name varchar(50) NOT NULL, '
                  'alive bool NOT NULL)')
    with psycopg.connect(**target.psycopg_params('b')) as b:
        b.execute('CREATE TABLE widget (id serial PRIMARY KEY, code varchar(10) NOT NULL, '
                  'weight integer NOT NULL)')

    def work():
        a, b = (psycopg.connect(**target.psycopg_params(n, raw=True)) for n in 'ab')

        def save(i):
            if i % 2:
                v = artist(i)
                a.execute('INSERT INTO artist (name, alive) VALUES (%s, %s) RETURNING id',
                          (v['name'], v['alive'])).fetchone()
                a.commit()
            else:
                v = widget(i)
                b.execute('INSERT INTO widget (code, weight) VALUES (%s, %s) RETURNING id',
                          (v['code'], v['weight'])).fetchone()
                b.commit()

        def done():
            a.close()
            b.close()
        return save, done
    return work

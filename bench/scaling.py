"""django_legacy's scaling measurements: routing cost against configuration
size, and syncdb time against the number of models."""

import os
import time


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

"""The ``evolution`` scenario under today's Django: DATABASES, a router, migrations.

New: nothing here existed in 2007. Run as
``python -m django_legacy.contrib.evolution_modern DIRECTORY`` with a
modern Django installed: it writes a Django project into DIRECTORY
(``settings.py``, ``router.py`` and the apps ``multiple_databases`` and
``stickers``), makes their migrations, runs the scenario of
``evolution_scenario`` and prints its report as JSON. ``evolution.py`` runs
it in a child process, as Django is set up once per process.
"""

import os
import sys

from django_legacy.contrib.evolution_scenario import (
    Report, landed, one_line, save_rows, tables, transaction_landed, write_files)

SETTINGS = """\
DATABASES = {
    'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'default.db'},
    'a': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'a.db'},
    'b': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'b.db'},
}
DATABASE_ROUTERS = ['router.ScenarioRouter']
"""
OTHER_SETTINGS = """\
INSTALLED_APPS = ['multiple_databases', 'stickers']
DEFAULT_AUTO_FIELD = 'django.db.models.AutoField'
USE_TZ = False
SECRET_KEY = 'evolution'
"""
ROUTER = """\
# The join table's rows go where the join table is: with DooHickey.
PLACES = {'artist': 'a', 'opus': 'a', 'widget': 'b', 'doohickey': 'b',
          'doohickey_widgets': 'b', 'sticker': 'b'}


class ScenarioRouter:
    def db_for_read(self, model, **hints):
        return PLACES.get(model._meta.model_name, 'default')

    def db_for_write(self, model, **hints):
        return PLACES.get(model._meta.model_name, 'default')

    def allow_relation(self, obj1, obj2, **hints):
        return obj1._state.db == obj2._state.db

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return PLACES.get(model_name, 'default') == db
"""
MODELS = """\
from django.db import models


class Artist(models.Model):
    name = models.CharField(max_length=100)
    alive = models.BooleanField(default=True)


class Opus(models.Model):
    artist = models.ForeignKey(Artist, on_delete=models.CASCADE)
    name = models.CharField(max_length=100)
    year = models.IntegerField()


class Widget(models.Model):
    code = models.CharField(max_length=10, unique=True)
    weight = models.IntegerField()


class DooHickey(models.Model):
    name = models.CharField(max_length=50)
    widgets = models.ManyToManyField(Widget, related_name='doohickeys')


class Vehicle(models.Model):
    make = models.CharField(max_length=20)
    model = models.CharField(max_length=20)
    year = models.IntegerField()
"""
STICKERS = """\
from django.db import models
from multiple_databases.models import Artist


class Sticker(models.Model):
    name = models.CharField(max_length=30)
    # No FOREIGN KEY constraint: Artist's table is not in this database.
    artist = models.ForeignKey(Artist, null=True, on_delete=models.CASCADE,
                               db_constraint=False)
"""
ALIASES = ('default', 'a', 'b')


def write_project(directory):
    """Writes the project into ``directory``; returns the lines the user
    wrote to place the models (settings and router)."""
    files = {'settings.py': SETTINGS + OTHER_SETTINGS, 'router.py': ROUTER,
             'multiple_databases/models.py': MODELS, 'stickers/models.py': STICKERS}
    write_files(directory, files, migrations=True)
    constraint = STICKERS.splitlines()
    constraint = constraint[constraint.index('    # No FOREIGN KEY constraint: Artist\'s table '
                                             'is not in this database.'):]
    return (['# settings.py'] + SETTINGS.splitlines() + ['# router.py'] + ROUTER.splitlines()
            + ['# stickers/models.py, in Sticker:'] + [line[4:] for line in constraint])


def migrate(app):
    "Runs ``manage.py migrate APP --database=ALIAS`` for every alias."
    from django.core.management import call_command
    for alias in ALIASES:
        call_command('migrate', app, database=alias, verbosity=0)


def saves(directory, report):
    "Migrates the app and saves one row of each model; returns the Artist."
    import multiple_databases.models
    from django.core.management import call_command
    call_command('makemigrations', 'multiple_databases', 'stickers', verbosity=0)
    migrate('multiple_databases')
    report.add('install', tables(directory), 'yes',
               'manage.py migrate multiple_databases --database=X, for default, a, b')
    return save_rows(directory, report, multiple_databases.models,
                     lambda model: file_of(model.objects.all().db))


def file_of(alias):
    from django.db import connections
    return os.path.basename(connections[alias].settings_dict['NAME'])


def across(directory, report, artist):
    """Checks and migrates the stickers app, whose Sticker (on b) relates to
    Artist (on a), and assigns the Artist to a saved Sticker."""
    from django.core import checks
    from stickers.models import Sticker
    errors = [str(message) for message in checks.run_checks() if message.is_serious()]
    report.add('validate', '-', 'refused: %d error%s' % (len(errors), 's' * (len(errors) != 1)) if errors else 'yes',
               'manage.py check')
    migrate('stickers')
    report.add('install_stickers', tables(directory, ['sticker']), 'yes',
               'manage.py migrate stickers --database=X, for default, a, b')
    sticker = Sticker.objects.create(name='s1')
    try:
        sticker.artist = artist
        sticker.save()
        allowed = 'yes'
    except ValueError as e:
        allowed = 'refused at assignment: %s' % type(e).__name__
    report.add('relate_across', landed(directory, 'sticker', 'artist_id', artist.pk), allowed,
               'sticker.artist = artist; sticker.save()')


def outside(directory, report):
    "Saves a Vehicle (a default model) on 'a' with using=."
    from multiple_databases.models import Vehicle
    try:
        Vehicle(make='Fiat', model='500', year=1957).save(using='a')
        allowed = 'yes'
    except Exception as e:
        allowed = 'yes, then ' + one_line(e)
    report.add('save_outside', landed(directory, 'vehicle', 'make', 'Fiat'), allowed,
               "vehicle.save(using='a')")


def transactions(directory, report):
    """Commits a and rolls back b with one atomic block each; then runs a
    bare atomic block over saves on a and b that raises."""
    from django.db import transaction
    from multiple_databases.models import Artist, Widget
    with transaction.atomic(using='a'):
        Artist.objects.create(name='Tx a')
        try:
            with transaction.atomic(using='b'):
                Widget.objects.create(code='txb', weight=1)
                raise ValueError('stop')
        except ValueError:
            pass
    report.add('commit_a_rollback_b', transaction_landed(directory, 'Tx a', 'txb'), 'yes',
               "with atomic(using='a'): ... with atomic(using='b'): ... raise")
    try:
        with transaction.atomic():
            Artist.objects.create(name='Bare a')
            Widget.objects.create(code='bareb', weight=1)
            raise ValueError('stop')
    except ValueError:
        pass
    report.add('bare_transaction', transaction_landed(directory, 'Bare a', 'bareb'), 'yes',
               'with atomic() (no argument): ... raise')



def run(directory):
    "Runs the scenario under today's Django in ``directory``; returns the Report."
    import django
    report = Report()
    report.setup = write_project(directory)
    os.chdir(directory)
    sys.path.insert(0, directory)
    os.environ['DJANGO_SETTINGS_MODULE'] = 'settings'
    django.setup()
    lines = [line for line in report.setup if line and not line.startswith('#')]
    report.add('configure', '-', 'yes', '%d lines: DATABASES, DATABASE_ROUTERS, a router '
               'with allow_migrate, db_constraint=False' % len(lines))
    artist = saves(directory, report)
    across(directory, report, artist)
    outside(directory, report)
    transactions(directory, report)
    report.version = 'Django %s on Python %d.%d' % ((django.get_version(),) + sys.version_info[:2])
    return report


def main(argv=None):
    directory = (argv or sys.argv[1:])[0]
    run(os.path.abspath(directory)).dump()
    return 0


if __name__ == '__main__':
    sys.exit(main())

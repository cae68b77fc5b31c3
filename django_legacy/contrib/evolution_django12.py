"""The ``evolution`` scenario under Django 1.2.7, run by Python 2.7.

New: nothing here existed in 2007. Django 1.2 (2010) replaced the branch:
``DATABASES`` keyed by alias, ``using()``, and the first routers, with
``allow_syncdb`` where today's have ``allow_migrate``. This file is run as
``PYTHON evolution_django12.py DIRECTORY`` by the Python 2.7 of the
virtualenv ``.ci/django12`` prepares; run as a file, it finds
``evolution_scenario`` beside it, and nothing else of django_legacy (whose
site-packages may hold a modern Django). It writes a Django 1.2 project
into DIRECTORY, runs the scenario there and prints its report as JSON.
Written for Python 2.7; it parses on Python 3 too.
"""

import io
import os
import sys

from evolution_scenario import (
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
INSTALLED_APPS = ('multiple_databases', 'stickers')
"""
ROUTER = """\
# The join table's rows go where the join table is: with DooHickey.
PLACES = {'artist': 'a', 'opus': 'a', 'widget': 'b', 'doohickey': 'b',
          'doohickey_widgets': 'b', 'sticker': 'b'}


class ScenarioRouter(object):
    def db_for_read(self, model, **hints):
        return PLACES.get(model._meta.object_name.lower(), 'default')

    def db_for_write(self, model, **hints):
        return PLACES.get(model._meta.object_name.lower(), 'default')

    def allow_relation(self, obj1, obj2, **hints):
        return obj1._state.db == obj2._state.db

    def allow_syncdb(self, db, model):
        return PLACES.get(model._meta.object_name.lower(), 'default') == db
"""
MODELS = """\
from django.db import models


class Artist(models.Model):
    name = models.CharField(max_length=100)
    alive = models.BooleanField(default=True)


class Opus(models.Model):
    artist = models.ForeignKey(Artist)
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
    artist = models.ForeignKey(Artist, null=True)
"""
ALIASES = ('default', 'a', 'b')


def write_project(directory):
    """Writes the project into ``directory``; returns the lines the user
    wrote to place the models (settings and router)."""
    write_files(directory, {'settings.py': SETTINGS + OTHER_SETTINGS, 'router.py': ROUTER,
                            'multiple_databases/models.py': MODELS,
                            'stickers/models.py': STICKERS})
    return ['# settings.py'] + SETTINGS.splitlines() + ['# router.py'] + ROUTER.splitlines()


def syncdb():
    "Runs ``manage.py syncdb --database=ALIAS`` for every alias."
    from django.core.management import call_command
    for alias in ALIASES:
        call_command('syncdb', database=alias, interactive=False, verbosity=0)


def saves(directory, report):
    "Syncs the databases and saves one row of each model; returns the Artist."
    import multiple_databases.models
    syncdb()
    report.add('install', tables(directory), 'yes',
               'manage.py syncdb --database=X, for default, a, b')
    return save_rows(directory, report, multiple_databases.models,
                     lambda model: file_of(model.objects.all().db))


def file_of(alias):
    from django.db import connections
    return os.path.basename(connections[alias].settings_dict['NAME'])


def across(directory, report, artist):
    """Validates the stickers app, whose Sticker (on b) relates to Artist
    (on a), and assigns the Artist to a saved Sticker."""
    from django.core.management.validation import get_validation_errors
    from django.db.models import get_app
    from stickers.models import Sticker
    messages = io.BytesIO()
    errors = get_validation_errors(messages, get_app('stickers'))
    report.add('validate', '-', 'refused: %d error%s' % (errors, 's' * (errors != 1)) if errors else 'yes',
               'manage.py validate')
    if errors:
        report.notes['validate'] = messages.getvalue().strip()
    report.add('install_stickers', tables(directory, ['sticker']), 'yes',
               '(the syncdb runs above: syncdb installs every app)')
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
    """Commits a and rolls back b with one commit_on_success block each;
    then runs a bare commit_on_success over saves on a and b that raises."""
    from django.db import transaction
    from multiple_databases.models import Artist, Widget

    @transaction.commit_on_success(using='b')
    def rollback_b():
        Widget.objects.create(code='txb', weight=1)
        raise ValueError('stop')

    @transaction.commit_on_success(using='a')
    def commit_a():
        Artist.objects.create(name='Tx a')
        try:
            rollback_b()
        except ValueError:
            pass
    commit_a()
    report.add('commit_a_rollback_b', transaction_landed(directory, 'Tx a', 'txb'), 'yes',
               "@commit_on_success(using='a'), calling @commit_on_success(using='b'), raises")

    @transaction.commit_on_success
    def bare():
        Artist.objects.create(name='Bare a')
        Widget.objects.create(code='bareb', weight=1)
        raise ValueError('stop')
    try:
        bare()
    except ValueError:
        pass
    report.add('bare_transaction', transaction_landed(directory, 'Bare a', 'bareb'), 'yes',
               '@commit_on_success (no argument), raises')


def run(directory):
    "Runs the scenario under Django 1.2 in ``directory``; returns the Report."
    import django
    report = Report()
    report.setup = write_project(directory)
    os.chdir(directory)
    sys.path.insert(0, directory)
    os.environ['DJANGO_SETTINGS_MODULE'] = 'settings'
    lines = [line for line in report.setup if line and not line.startswith('#')]
    report.add('configure', '-', 'yes', '%d lines: DATABASES, DATABASE_ROUTERS and a '
               'router with allow_syncdb' % len(lines))
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

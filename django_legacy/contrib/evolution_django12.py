"""The ``evolution`` scenario under Django 1.2.7, run by Python 2.7.

New: nothing here existed in 2007. Django 1.2 (2010) replaced the branch:
``DATABASES`` keyed by alias, ``using()``, and the first routers, with
``allow_syncdb`` where today's have ``allow_migrate``. This file is run as
``PYTHON evolution_django12.py DIRECTORY`` by the Python 2.7 of the
virtualenv ``.ci/django12`` prepares; run as a file, it finds
``evolution_scenario`` and ``evolution_django`` beside it, and nothing
else of django_legacy (whose site-packages may hold a modern Django). It
writes a Django 1.2 project into DIRECTORY, runs the scenario there and
prints its report as JSON. Written for Python 2.7; it parses on Python 3
too.
"""

import io
import sys

from evolution_django import ALIASES, configure, file_of, run_steps, write_project
from evolution_scenario import (
    Report, enter_project, main, save_rows, tables, transaction_landed)

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


def validate(directory, report):
    """Validates the stickers app, whose Sticker (on b) relates to Artist
    (on a); syncdb installed it with the others."""
    from django.core.management.validation import get_validation_errors
    from django.db.models import get_app
    messages = io.BytesIO()
    errors = get_validation_errors(messages, get_app('stickers'))
    report.add('validate', '-', 'refused: %d error%s' % (errors, 's' * (errors != 1))
               if errors else 'yes', 'manage.py validate')
    if errors:
        report.notes['validate'] = messages.getvalue().strip()
    report.add('install_stickers', tables(directory, ['sticker']), 'yes',
               '(the syncdb runs above: syncdb installs every app)')


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
    report = Report()
    report.setup = write_project(
        directory, "INSTALLED_APPS = ('multiple_databases', 'stickers')\n", ROUTER,
        artist_field='    artist = models.ForeignKey(Artist, null=True)\n')
    enter_project(directory)
    configure(report, 'DATABASES, DATABASE_ROUTERS and a router with allow_syncdb')
    return run_steps(directory, report, saves, validate, transactions)


if __name__ == '__main__':
    sys.exit(main(run))

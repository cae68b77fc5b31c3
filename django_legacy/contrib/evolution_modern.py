"""The ``evolution`` scenario under today's Django: DATABASES, a router, migrations.

New: nothing here existed in 2007. Run as
``python evolution_modern.py DIRECTORY`` (a file, so that it finds
``evolution_scenario`` and ``evolution_django`` beside it, as Django 1.2's
side does) with a modern Django installed: it writes a Django project into
DIRECTORY, makes its migrations, runs the scenario of
``evolution_scenario`` and prints its report as JSON. ``evolution.py``
runs it in a child process, as Django is set up once per process.
"""

import contextlib
import sys

from evolution_django import ALIASES, configure, file_of, run_steps, write_project
from evolution_scenario import (
    Report, enter_project, main, save_rows, tables, transaction_landed)

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
# Sticker's foreign key: no FOREIGN KEY constraint, as Artist's table is
# not in Sticker's database (SQLite would refuse every row).
ARTIST_FIELD = """\
    artist = models.ForeignKey(Artist, null=True, on_delete=models.CASCADE,
                               db_constraint=False)
"""


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


def validate(directory, report):
    """Checks the project, whose Sticker (on b) relates to Artist (on a),
    and migrates the stickers app."""
    from django.core import checks
    errors = [str(message) for message in checks.run_checks() if message.is_serious()]
    report.add('validate', '-', 'refused: %d error%s' % (len(errors), 's' * (len(errors) != 1))
               if errors else 'yes', 'manage.py check')
    if errors:
        report.notes['validate'] = errors[0]
    migrate('stickers')
    report.add('install_stickers', tables(directory, ['sticker']), 'yes',
               'manage.py migrate stickers --database=X, for default, a, b')


def transactions(directory, report):
    """Commits a and rolls back b with one atomic block each; then runs a
    bare atomic block over saves on a and b that raises."""
    from django.db import transaction
    from multiple_databases.models import Artist, Widget
    with transaction.atomic(using='a'):
        Artist.objects.create(name='Tx a')
        with contextlib.suppress(ValueError), transaction.atomic(using='b'):
            Widget.objects.create(code='txb', weight=1)
            raise ValueError('stop')
    report.add('commit_a_rollback_b', transaction_landed(directory, 'Tx a', 'txb'), 'yes',
               "with atomic(using='a'): ... with atomic(using='b'): ... raise")
    with contextlib.suppress(ValueError), transaction.atomic():
        Artist.objects.create(name='Bare a')
        Widget.objects.create(code='bareb', weight=1)
        raise ValueError('stop')
    report.add('bare_transaction', transaction_landed(directory, 'Bare a', 'bareb'), 'yes',
               'with atomic() (no argument): ... raise')



def run(directory):
    "Runs the scenario under today's Django in ``directory``; returns the Report."
    import django
    report = Report()
    report.setup = write_project(directory, OTHER_SETTINGS, ROUTER, ', on_delete=models.CASCADE',
                                 ARTIST_FIELD, migrations=True)
    report.setup += ['# stickers/models.py, in Sticker:'] + [
        line[4:] for line in ARTIST_FIELD.splitlines()]
    enter_project(directory)
    django.setup()
    configure(report, 'DATABASES, DATABASE_ROUTERS, a router with allow_migrate, '
                      'db_constraint=False')
    return run_steps(directory, report, saves, validate, transactions)


if __name__ == '__main__':
    sys.exit(main(run))

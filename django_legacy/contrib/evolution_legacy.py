"""The ``evolution`` scenario under the 2006 plan and the 2007 branch (django_legacy).

New: nothing here existed in 2007. Run as
``python -m django_legacy.contrib.evolution_legacy 2006|2007 DIRECTORY``:
it writes the design's project into DIRECTORY (``settings.py`` and the apps
``multiple_databases`` and ``stickers``), runs the scenario of
``evolution_scenario`` there and prints its report as JSON. 2006 places a
model by its ``Meta.db_connection``; 2007 by the ``MODELS`` of an
``OTHER_DATABASES`` entry. ``evolution.py`` runs it in a child process, as
settings are read once per process.
"""

import os
import sys

from django_legacy.contrib.evolution_scenario import (
    Report, enter_project, landed, main, one_line, save_rows, tables, transaction_landed,
    write_files)
from django_legacy.db.backends import DatabaseError

SETTINGS = {
    '2006': """\
DATABASE_ENGINE = 'sqlite3'
DATABASE_NAME = 'default.db'
OTHER_DATABASES = {
    'a': {'DATABASE_NAME': 'a.db'},
    'b': {'DATABASE_NAME': 'b.db'},
}
""",
    '2007': """\
DATABASE_ENGINE = 'sqlite3'
DATABASE_NAME = 'default.db'
OTHER_DATABASES = {
    'a': {'DATABASE_NAME': 'a.db',
          'MODELS': ['multiple_databases.Artist', 'multiple_databases.Opus']},
    'b': {'DATABASE_NAME': 'b.db',
          'MODELS': ['multiple_databases.Widget', 'multiple_databases.DooHickey',
                     'stickers']},
}
""",
}
INSTALLED_APPS = "INSTALLED_APPS = ('multiple_databases', 'stickers')\n"

# The branch's models; %(a)s and %(b)s stand for the Meta the 2006 plan adds.
# Not shared with evolution_django.MODELS: this is the file a 2007 user wrote
# (maxlength, Meta per connection), kept as text the reader can compare.
MODELS = """\
from django_legacy.db import models


class Artist(models.Model):
    name = models.CharField(maxlength=100)
    alive = models.BooleanField(default=True)
%(a)s

class Opus(models.Model):
    artist = models.ForeignKey(Artist)
    name = models.CharField(maxlength=100)
    year = models.IntegerField()
%(a)s

class Widget(models.Model):
    code = models.CharField(maxlength=10, unique=True)
    weight = models.IntegerField()
%(b)s

class DooHickey(models.Model):
    name = models.CharField(maxlength=50)
    widgets = models.ManyToManyField(Widget, related_name='doohickeys')
%(b)s

class Vehicle(models.Model):
    make = models.CharField(maxlength=20)
    model = models.CharField(maxlength=20)
    year = models.IntegerField()
"""
STICKERS = """\
from django_legacy.db import models
from multiple_databases.models import Artist


class Sticker(models.Model):
    name = models.CharField(maxlength=30)
    artist = models.ForeignKey(Artist, null=True)
%(b)s"""
META = "\n    class Meta:\n        db_connection = '%s'\n"


def write_project(design, directory):
    """Writes the design's settings.py and apps into ``directory``; returns
    {path: text} of what it wrote."""
    meta = {'a': META % 'a', 'b': META % 'b'} if design == '2006' else {'a': '', 'b': ''}
    files = {'settings.py': SETTINGS[design] + INSTALLED_APPS,
             'multiple_databases/models.py': MODELS % meta,
             'stickers/models.py': STICKERS % meta}
    write_files(directory, files)
    return files


def placement(design, report, files):
    """Reports what the user wrote to place the models: the settings, and
    in 2006 the Meta of five models (counted in the models as written)."""
    report.setup = ['# settings.py'] + SETTINGS[design].splitlines()
    count = len([line for line in SETTINGS[design].splitlines() if line])
    if design == '2006':
        report.setup += ['# in Artist, Opus (a) and Widget, DooHickey, Sticker (b):',
                         'class Meta:', "    db_connection = 'a'  # or 'b'"]
        count += sum(1 for text in files.values() for line in text.splitlines()
                     if 'class Meta:' in line or 'db_connection' in line)
    report.add('configure', '-', 'yes', '%d lines: %s' % (count, 'OTHER_DATABASES + '
               'Meta.db_connection in 5 models' if design == '2006' else 'OTHER_DATABASES '
               'with MODELS'))


def run_action(*argv):
    "Runs a management action as django-legacy-admin would; returns (status, its error line)."
    import io
    from django_legacy.core.management import main
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), out=out, err=err)
    return status, err.getvalue().strip()


def saves(directory, report):
    "Installs the app and saves one row of each model; returns the Artist."
    import multiple_databases.models
    status, error = run_action('install', 'multiple_databases')
    report.add('install', tables(directory), 'yes' if status == 0 else error,
               'django-legacy-admin install multiple_databases')
    return save_rows(directory, report, multiple_databases.models, lambda model: os.path.basename(
        model.objects.db.settings.DATABASE_NAME))


def across(directory, report, artist):
    """Validates and installs the stickers app, whose Sticker (on b) relates
    to Artist (on a), and assigns the Artist to a Sticker."""
    from django_legacy.core.management.validation import format_errors, get_validation_errors
    from django_legacy.db.models import loading
    errors = format_errors(get_validation_errors(loading.get_app('stickers')))
    report.add('validate', '-', 'refused: %d error%s' % (len(errors), 's' * (len(errors) != 1)) if errors else 'yes',
               'django-legacy-admin validate')
    if errors:
        report.notes['validate'] = errors[0]
    status, error = run_action('install', 'stickers')
    report.add('install_stickers', tables(directory, ['sticker']),
               'yes' if status == 0 else 'refused: ' + error.split('error: ', 1)[-1].split(':')[0],
               'django-legacy-admin install stickers')
    from stickers.models import Sticker
    sticker = Sticker(name='s1')
    sticker.artist = artist
    allowed = 'yes at assignment'
    try:
        sticker.save()
    except DatabaseError as e:
        allowed += '; save: ' + one_line(e)
    report.add('relate_across', landed(directory, 'sticker', 'artist_id', artist.id), allowed,
               'sticker.artist = artist; sticker.save()')


def outside(design, directory, report):
    "Saves a Vehicle (a default model) on connection a, as far as the design allows."
    from django_legacy.db import connections
    from multiple_databases.models import Vehicle
    if design == '2006':
        report.add('save_outside', '-', 'no: Meta.db_connection is the only choice', '-')
        return
    manager_db = Vehicle.objects.db
    Vehicle.objects.db = connections['a']
    try:
        Vehicle(make='Fiat', model='500', year=1957).save()
        allowed = 'yes'
    except DatabaseError as e:
        allowed = 'yes, then ' + one_line(e)
    finally:
        Vehicle.objects.db = manager_db
    report.add('save_outside', landed(directory, 'vehicle', 'make', 'Fiat'), allowed,
               "Vehicle.objects.db = connections['a']; vehicle.save()")


def transactions(directory, report):
    """Commits a and rolls back b in one managed block; then runs a bare
    commit_on_success over saves on a and b that raises."""
    from django_legacy.db import transaction
    from multiple_databases.models import Artist, Widget

    @transaction.commit_manually
    def commit_a_rollback_b():
        Artist(name='Tx a').save()
        Widget(code='txb', weight=1).save()
        transaction.commit(connections='a')
        transaction.rollback(connections='b')
    commit_a_rollback_b()
    report.add('commit_a_rollback_b', transaction_landed(directory, 'Tx a', 'txb'), 'yes',
               "@commit_manually: commit(connections='a'); rollback(connections='b')")

    @transaction.commit_on_success
    def bare():
        Artist(name='Bare a').save()
        Widget(code='bareb', weight=1).save()
        raise ValueError('stop')
    try:
        bare()
    except ValueError:
        pass
    report.add('bare_transaction', transaction_landed(directory, 'Bare a', 'bareb'),
               'yes', '@commit_on_success (no argument), raises')



def run(design, directory):
    "Runs the scenario under ``design`` ('2006' or '2007') in ``directory``; returns the Report."
    report = Report()
    files = write_project(design, directory)
    enter_project(directory)
    placement(design, report, files)
    artist = saves(directory, report)
    across(directory, report, artist)
    outside(design, directory, report)
    transactions(directory, report)
    report.version = 'django_legacy'
    return report


if __name__ == '__main__':
    if sys.argv[1:2] not in (['2006'], ['2007']):
        sys.exit('usage: python -m django_legacy.contrib.evolution_legacy 2006|2007 DIRECTORY')
    design = sys.argv.pop(1)
    sys.exit(main(lambda directory: run(design, directory)))

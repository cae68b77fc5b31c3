"""The ``evolution`` scenario's Django side: what Django 1.2 and today's Django share.

New: nothing here existed in 2007. From 1.2 on, ``DATABASES`` and
``DATABASE_ROUTERS`` are written the same way, the models differ only by
``on_delete`` (and today's ``db_constraint=False`` across databases), and
``save(using=...)`` and a relation refused by ``allow_relation`` behave
alike; ``evolution_django12`` and ``evolution_modern`` hold what differs
(the router, syncdb or migrate, the transactions). Like them it runs as a
file's neighbour (``from evolution_scenario import ...``), on Python 2.7
and 3 alike.
"""

import os
import sys

from evolution_scenario import landed, one_line, write_files

SETTINGS = """\
DATABASES = {
    'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'default.db'},
    'a': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'a.db'},
    'b': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'b.db'},
}
DATABASE_ROUTERS = ['router.ScenarioRouter']
"""
ALIASES = ('default', 'a', 'b')
# The branch's models as Django writes them; %(cascade)s is ', on_delete=...'
# where the version requires it.
MODELS = """\
from django.db import models


class Artist(models.Model):
    name = models.CharField(max_length=100)
    alive = models.BooleanField(default=True)


class Opus(models.Model):
    artist = models.ForeignKey(Artist%(cascade)s)
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
%(artist)s"""


def write_project(directory, settings, router, cascade='', artist_field='', migrations=False):
    """Writes the project into ``directory``: settings.py (SETTINGS, then
    ``settings``), router.py and the two apps; ``artist_field`` is Sticker's
    foreign key line(s). Returns the lines the user wrote to place the
    models (settings and router)."""
    write_files(directory, {
        'settings.py': SETTINGS + settings, 'router.py': router,
        'multiple_databases/models.py': MODELS % {'cascade': cascade},
        'stickers/models.py': STICKERS % {'artist': artist_field}}, migrations)
    return ['# settings.py'] + SETTINGS.splitlines() + ['# router.py'] + router.splitlines()


def file_of(alias):
    "The SQLite file of a database alias."
    from django.db import connections
    return os.path.basename(connections[alias].settings_dict['NAME'])


def relate_across(directory, report, artist):
    "Assigns the Artist (on a) to a saved Sticker (on b)."
    from stickers.models import Sticker
    sticker = Sticker.objects.create(name='s1')
    try:
        sticker.artist = artist
        sticker.save()
        allowed = 'yes'
    except ValueError as e:
        allowed = 'refused at assignment: %s' % type(e).__name__
    report.add('relate_across', landed(directory, 'sticker', 'artist_id', artist.pk), allowed,
               'sticker.artist = artist; sticker.save()')


def save_outside(directory, report):
    "Saves a Vehicle (a default model) on 'a' with using=."
    from django.db import DatabaseError
    from multiple_databases.models import Vehicle
    try:
        Vehicle(make='Fiat', model='500', year=1957).save(using='a')
        allowed = 'yes'
    except DatabaseError as e:
        allowed = 'yes, then ' + one_line(e)
    report.add('save_outside', landed(directory, 'vehicle', 'make', 'Fiat'), allowed,
               "vehicle.save(using='a')")


def configure(report, summary):
    "Reports the placing lines the user wrote (report.setup), counted, with ``summary``."
    lines = [line for line in report.setup if line and not line.startswith('#')]
    report.add('configure', '-', 'yes', '%d lines: %s' % (len(lines), summary))


def run_steps(directory, report, saves, validate, transactions):
    """Runs the scenario's steps in order on a configured project: ``saves``
    (which returns the Artist it saved), ``validate`` and ``transactions``
    differ by version, relate_across and save_outside are shared. Stamps
    the report with Django's and Python's versions; returns the report."""
    import django
    artist = saves(directory, report)
    validate(directory, report)
    relate_across(directory, report, artist)
    save_outside(directory, report)
    transactions(directory, report)
    report.version = 'Django %s on Python %d.%d' % ((django.get_version(),) + sys.version_info[:2])
    return report

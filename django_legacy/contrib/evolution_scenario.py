"""The ``evolution`` scenario's shared parts: its operations, the three
SQLite files and how a row is found in them from outside.

New: nothing here existed in 2007. Every design's child process imports
this module, Django 1.2's too, so it is written for Python 2.7 and 3 alike
and imports nothing but the standard library. Each design runs the same
operations in a directory of its own, where its settings name the files
``default.db``, ``a.db`` and ``b.db``; after each operation it asks
``landed()`` which files hold the row, reading them with a connection of
its own, so only what was committed counts.
"""

import json
import os
import sqlite3
import sys

# The scenario's operations, in the order they run: (key, what it does).
OPERATIONS = (
    ('configure', 'place the models'),
    ('install', 'install multiple_databases'),
    ('save_artist', 'save an Artist'),
    ('save_opus', 'save an Opus of that Artist'),
    ('save_widget', 'save a Widget'),
    ('save_doohickey', 'save a DooHickey, add the Widget (m2m)'),
    ('save_vehicle', 'save a Vehicle'),
    ('read_artist', 'read the Artist back'),
    ('validate', 'validate stickers (Sticker on b -> Artist on a)'),
    ('install_stickers', 'install stickers'),
    ('relate_across', 'sticker.artist = artist (b -> a)'),
    ('save_outside', 'save a Vehicle on a, outside its database'),
    ('commit_a_rollback_b', 'commit a, roll back b'),
    ('bare_transaction', 'bare transaction over a and b, error raised'),
)
FILES = ('default.db', 'a.db', 'b.db')
APP_TABLES = ('artist', 'opus', 'widget', 'doohickey', 'doohickey_widgets', 'vehicle')


def table(name):
    "The real name of one of the scenario's tables."
    if name == 'sticker':
        return 'stickers_sticker'
    return 'multiple_databases_' + name


def _per_file(directory, look):
    """Returns [(filename, look(db))] for each file of FILES that exists in
    ``directory``, in FILES order; each is opened for the look, then closed."""
    results = []
    for filename in FILES:
        path = os.path.join(directory, filename)
        if not os.path.exists(path):
            continue
        db = sqlite3.connect(path)
        try:
            results.append((filename, look(db)))
        finally:
            db.close()
    return results


def _has_table(db, name):
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                      [name]).fetchone() is not None


def landed(directory, name, column, value):
    """Returns the files of ``directory`` whose table ``name`` (short: 'artist')
    has a committed row with ``column`` = ``value``, joined by ', ', or 'none'."""
    def has_row(db):
        return _has_table(db, table(name)) and db.execute(
            'SELECT 1 FROM "%s" WHERE "%s" = ?' % (table(name), column),
            [value]).fetchone() is not None
    found = [filename for filename, yes in _per_file(directory, has_row) if yes]
    return ', '.join(found) or 'none'


def tables(directory, names=APP_TABLES):
    """Returns where the tables ``names`` are, as 'a.db: artist, opus;
    b.db: ...' (the files in FILES order, each table once under every file
    that has it)."""
    def present(db):
        return [name for name in names if _has_table(db, table(name))]
    parts = ['%s: %s' % (filename, ', '.join(here))
             for filename, here in _per_file(directory, present) if here]
    return '; '.join(parts) or 'none'


class Report(object):
    """Collects one design's results: for each operation key, (landed,
    allowed, wrote); ``setup`` holds what the user wrote once (settings,
    router and model lines); ``notes`` maps an operation key to a message
    worth reading in full (an error's text); ``version`` names what ran it."""

    def __init__(self):
        self.rows = {}
        self.setup = []
        self.notes = {}
        self.version = ''

    def add(self, key, landed, allowed, wrote):
        if key not in dict(OPERATIONS):
            raise KeyError('unknown operation %r' % key)
        self.rows[key] = [landed, allowed, wrote]

    def dump(self, out=None):
        """Writes the report as JSON: {'rows': {key: [landed, allowed, wrote]},
        'setup': [lines], 'notes': {key: text}, 'version': text}."""
        json.dump({'rows': self.rows, 'setup': self.setup, 'notes': self.notes,
                   'version': self.version}, out or sys.stdout)


def one_line(error):
    "An exception as the table shows it: its class and the first line of its message."
    text = str(error).strip().splitlines()
    return '%s: %s' % (type(error).__name__, text[0] if text else '')


def transaction_landed(directory, artist_name, widget_code):
    """Where a transaction's two rows (an Artist on a, a Widget on b) landed:
    'a.db, b.db', one of them or 'none'."""
    found = [landed(directory, 'artist', 'name', artist_name),
             landed(directory, 'widget', 'code', widget_code)]
    return ', '.join(place for place in found if place != 'none') or 'none'


def write_files(directory, files, migrations=False):
    """Writes a project: ``files`` maps a path under ``directory`` to its
    text; each folder becomes a package (with a ``migrations`` package
    when asked)."""
    for name, text in files.items():
        path = os.path.join(directory, name)
        folder = os.path.dirname(path)
        if not os.path.isdir(folder):
            packages = [folder, os.path.join(folder, 'migrations')] if migrations else [folder]
            for package in packages:
                os.makedirs(package)
                open(os.path.join(package, '__init__.py'), 'w').close()
        with open(path, 'w') as f:
            f.write(text)


def save_rows(directory, report, models, read_from):
    """Saves one row of each of the ``multiple_databases`` models and reads
    the Artist back, with the calls every design spells the same way.
    ``models`` is that app's models module; ``read_from(model)`` returns the
    file a read of ``model`` goes to. Returns the Artist."""
    artist = models.Artist(name='Bach')
    artist.save()
    report.add('save_artist', landed(directory, 'artist', 'name', 'Bach'), 'yes', 'artist.save()')
    models.Opus(artist=artist, name='Mass', year=1749).save()
    report.add('save_opus', landed(directory, 'opus', 'name', 'Mass'), 'yes',
               'Opus(artist=artist, ...).save()')
    widget = models.Widget(code='w1', weight=3)
    widget.save()
    report.add('save_widget', landed(directory, 'widget', 'code', 'w1'), 'yes', 'widget.save()')
    doohickey = models.DooHickey(name='dh1')
    doohickey.save()
    doohickey.widgets.add(widget)
    report.add('save_doohickey', '%s; link in %s' % (
        landed(directory, 'doohickey', 'name', 'dh1'),
        landed(directory, 'doohickey_widgets', 'widget_id', widget.id)), 'yes',
        'doohickey.save(); doohickey.widgets.add(widget)')
    models.Vehicle(make='Ford', model='T', year=1908).save()
    report.add('save_vehicle', landed(directory, 'vehicle', 'make', 'Ford'), 'yes',
               'vehicle.save()')
    found = models.Artist.objects.get(name='Bach')
    report.add('read_artist', read_from(models.Artist),
               'yes' if found.id == artist.id else 'row MISSING', "Artist.objects.get(name='Bach')")
    return artist


def enter_project(directory):
    """Makes ``directory`` the project of this process: the working
    directory (the settings name the files relative to it), first on
    sys.path, its settings.py the settings module."""
    os.chdir(directory)
    sys.path.insert(0, directory)
    os.environ['DJANGO_SETTINGS_MODULE'] = 'settings'


def main(run, argv=None):
    "A design's command line: ``run(DIRECTORY)`` returns the Report, printed as JSON."
    directory = (argv or sys.argv[1:])[0]
    run(os.path.abspath(directory)).dump()
    return 0

"""Fixtures: loading, dumping and flushing data, per connection (rebuilds
load_data, dump_data and flush of django/core/management.py of 0.96).

A fixture is a file of serialized objects named ``<name>.<format>``, found
in each installed app's ``fixtures`` directory, in the directories of
settings.FIXTURE_DIRS, and as a path of its own. Each object is saved on
its own model's connection. A load is one transaction on every connection
it writes to: if any object fails, every connection is rolled back.
"""

import collections
import os
import sys

from django_legacy.conf import settings
from django_legacy.core import serializers
from django_legacy.core.management.install import all_or_nothing, emit_post_syncdb, run_managed
from django_legacy.core.management.sql import flush_plan
from django_legacy.db import model_connection_name, transaction
from django_legacy.db.models import loading


class FixtureError(Exception):
    "A fixture could not be loaded; nothing of the load was kept."


def fixture_dirs():
    """Returns the directories searched, in order: each installed app's
    ``fixtures``, then FIXTURE_DIRS, then '' (the label as a path)."""
    app_dirs = [os.path.join(os.path.dirname(app.__file__), 'fixtures')
                for app in loading.get_apps()]
    return app_dirs + list(getattr(settings, 'FIXTURE_DIRS', ()) or ()) + ['']


def humanize(directory):
    return "'%s'" % directory if directory else 'absolute path'


def split_label(label):
    """Returns (name, formats): a label with a known format's extension
    names that format alone, else every format is tried."""
    name, dot, format = label.rpartition('.')
    if dot and format in serializers.get_serializer_formats():
        return name, [format]
    return label, serializers.get_serializer_formats()


def find_fixtures(label, say):
    """Returns [(path, format)] for ``label``: at most one file per
    directory. Raises FixtureError if a directory holds it in two formats."""
    name, formats = split_label(label)
    found = []
    # An absolute path is looked for once (0.96 joined it to every
    # directory, which gave the same file each time).
    for directory in [''] if os.path.isabs(name) else fixture_dirs():
        say(2, 'Checking %s for fixtures...' % humanize(directory))
        here = [(os.path.join(directory, '%s.%s' % (name, format)), format) for format in formats]
        here = [(path, format) for path, format in here if os.path.isfile(path)]
        if len(here) > 1:
            raise FixtureError("Multiple fixtures named '%s' in %s. Aborting."
                               % (name, humanize(directory)))
        if not here:
            say(2, "No fixture '%s' in %s." % (name, humanize(directory)))
        found.extend(here)
    return found


class LoadReport:
    "How many objects a load saved, from how many fixtures, on which connections."

    def __init__(self):
        self.fixtures = 0
        self.per_connection = collections.OrderedDict()   # name -> object count
        self.models = []                                  # saved models, once each

    @property
    def objects(self):
        return sum(self.per_connection.values())

    def count(self, model):
        name = model_connection_name(model)
        self.per_connection[name] = self.per_connection.get(name, 0) + 1
        if model not in self.models:
            self.models.append(model)

    def lines(self):
        """Returns 0.96's summary line, and when several connections were
        written, one line per connection."""
        if not self.objects:
            return ['No fixtures found.']
        lines = ['Installed %d object(s) from %d fixture(s)' % (self.objects, self.fixtures)]
        if len(self.per_connection) > 1:
            lines.extend(' -- %d object(s) on connection: %s' % (count, name)
                         for name, count in sorted(self.per_connection.items()))
        return lines


def _install(path, format, report, say):
    say(1, "Installing %s fixture '%s' from %s." % (
        format, os.path.splitext(os.path.basename(path))[0],
        humanize(os.path.dirname(path)) if os.path.dirname(path) else humanize('')))
    try:
        with open(path, encoding='utf-8') as fixture:
            for obj in serializers.deserialize(format, fixture):
                obj.save()
                report.count(type(obj.object))
    except Exception as e:
        raise FixtureError("Problem installing fixture '%s': %s" % (path, e)) from e
    report.fixtures += 1


def _reset_sequences(models):
    "Moves each serial sequence past the largest key loaded (where backends have them)."
    for model in models:
        db = model._default_manager.db
        if db.backend.supports_sequence_reset:
            cursor = db.connection.cursor()
            for statement in model._default_manager.get_builder().get_sequence_reset(model):
                cursor.execute(str(statement))


def install_fixtures(labels, verbosity=1, out=None):
    """Loads the fixtures named by ``labels`` in one transaction over every
    connection they write to; returns a LoadReport. On any error every
    connection is rolled back and FixtureError raised."""
    def say(level, message):
        if verbosity >= level and out is not None:
            out.write(message + '\n')
    report = LoadReport()
    transaction.commit_unless_managed()
    with all_or_nothing(), serializers.references_unchecked():
        for label in labels:
            say(1, "Loading '%s' fixtures..." % label)
            for path, format in find_fixtures(label, say):
                _install(path, format, report, say)
        _reset_sequences(report.models)
    for line in report.lines():
        say(1, line)
    return report


def load_data(fixture_labels, verbosity=1, out=None, err=None):
    """0.96's load_data(): loads the fixtures and prints what it did; a
    failure is printed (the multiple-fixtures message on ``out``, a problem
    with an object on ``err``) and leaves every connection as it was.
    Returns the LoadReport, or None after a failure."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        return install_fixtures(fixture_labels, verbosity, out)
    except FixtureError as e:
        (out if str(e).startswith('Multiple fixtures') else err).write('%s\n' % e)
        return None


def dump_data(app_labels, format='json', indent=None, counts=None):
    """Returns the objects of every model of the apps (of every installed
    app when ``app_labels`` is empty) serialized in ``format``, each model
    read from its own connection. ``counts``, a dict if given, receives
    {connection name: number of objects read there}."""
    apps = [loading.get_app(label) for label in app_labels] if app_labels else loading.get_apps()
    serializers.get_serializer(format)   # an unknown format fails before any query
    objects = []
    counts = {} if counts is None else counts
    for app in apps:
        for model in loading.get_models(app):
            read = list(model._default_manager.all())
            name = model_connection_name(model)
            counts[name] = counts.get(name, 0) + len(read)
            objects.extend(read)
    options = {} if indent is None else {'indent': indent}
    return serializers.serialize(format, objects, **options)


def flush_models():
    "Returns the installed models, the ones flush empties."
    return loading.get_models()


def flush(verbosity=1, interactive=True, out=None):
    """Empties the tables of every installed model on every connection they
    use, in one transaction over those connections, then loads the
    ``initial_data`` fixtures again. Returns the plan it ran, or None if
    the user said no."""
    out = out or sys.stdout
    plan = flush_plan(flush_models())
    if interactive:
        out.write('This will IRREVERSIBLY DESTROY all data in the tables of every installed '
                  'app, on connections %s, and load initial_data again.\n'
                  "Type 'yes' to continue, or 'no' to cancel: "
                  % ', '.join(str(n) for n in plan.connection_names()))
        out.flush()
        if sys.stdin.readline().strip() != 'yes':
            out.write('Flush cancelled.\n')
            return None
    run_managed(plan)
    emit_post_syncdb([], verbosity, interactive)
    if verbosity >= 1:
        for name in plan.connection_names():
            count = len([s for n, s in plan.items if n == name])
            out.write('Flushed connection %s (%d statement(s)).\n' % (name, count))
    load_data(['initial_data'], verbosity=verbosity, out=out)
    return plan


__all__ = ('FixtureError', 'install_fixtures', 'load_data', 'dump_data', 'flush')

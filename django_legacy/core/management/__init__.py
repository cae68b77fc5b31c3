"""The management actions (rebuilds django/core/management.py of the branch).

    python -m django_legacy <action> [options] [app ...]
    django-legacy-admin <action> [options] [app ...]

Every action is a row of ``ACTIONS``: name -> Action(function, help, what
it takes); a contrib action is named as 'module:function' and imported when
it runs, so that the core does not import contrib. ``--traceback`` shows
the whole error instead of one line. A mistake on the command line, an unknown app or a settings
module that cannot be imported prints one line on standard error and exits
with status 1.
"""

import argparse
import collections
import importlib
import os
import sys

from django_legacy.core.exceptions import ImproperlyConfigured
from django_legacy.core.management import sql as plans
from django_legacy.core.validators import ValidationError
from django_legacy.db.backends import DatabaseError

Action = collections.namedtuple('Action', 'function help takes_apps')


class CommandError(Exception):
    "A mistake the user can fix; printed as one line."


class OneLineParser(argparse.ArgumentParser):
    "An argument parser whose mistakes raise CommandError (printed as one line by main)."

    def error(self, message):
        raise CommandError(message)


def _apps(labels):
    "Returns the models modules of the labelled installed apps."
    from django_legacy.db.models import loading
    if not labels:
        raise CommandError('this action needs at least one app label')
    return [loading.get_app(label) for label in labels]


def _models(labels):
    from django_legacy.db.models import loading
    models = []
    for app in _apps(labels):
        models.extend(loading.get_models(app))
    return models


def _validate(labels=None):
    """Raises CommandError on the first validation error of the apps (of
    every installed app, and of the database settings, when ``labels`` is
    None: what syncdb and flush check before they write)."""
    from django_legacy.core.management.validation import (
        format_errors, get_validation_errors, settings_errors)
    errors = []
    for app in (_apps(labels) if labels else [None]):
        errors.extend(get_validation_errors(app, check_installed=False))
    lines = ([] if labels else settings_errors()) + format_errors(errors)
    if lines:
        more = ' (and %d more; run validate)' % (len(lines) - 1) if len(lines) > 1 else ''
        raise CommandError('model validation failed: %s%s' % (lines[0], more))


def _print_plan(plan, out, err):
    out.write(plan.render())
    for message in plan.messages:
        err.write(message + '\n')


def action_sql(options, out, err):
    _validate(options.apps)
    _print_plan(plans.install_plan(_models(options.apps), initial_data=False, indexes=False)[0],
                out, err)


def action_sqlall(options, out, err):
    _validate(options.apps)
    _print_plan(plans.install_plan(_models(options.apps))[0], out, err)


def action_sqlindexes(options, out, err):
    _print_plan(plans.index_plan(_models(options.apps)), out, err)


def action_sqlinitialdata(options, out, err):
    _print_plan(plans.initial_data_plan(_models(options.apps)), out, err)


def action_sqlclear(options, out, err):
    _print_plan(plans.clear_plan(_models(options.apps)), out, err)


def action_sqlreset(options, out, err):
    _validate(options.apps)
    _print_plan(plans.reset_plan(_models(options.apps)), out, err)


def action_sqlsequencereset(options, out, err):
    _print_plan(plans.sequence_reset_plan(_models(options.apps)), out, err)


def action_install(options, out, err):
    from django_legacy.core.management.install import install
    _validate(options.apps)
    plan = install(_models(options.apps))
    if options.verbosity >= 1:
        out.write('Installed %d statement(s) for %s.\n' % (len(plan.items), ', '.join(options.apps)))


def action_syncdb(options, out, err):
    from django_legacy.core.management.install import syncdb
    _validate()
    models = syncdb(verbosity=options.verbosity, interactive=options.interactive, out=out)
    if options.verbosity >= 1 and not models:
        out.write('No tables to create.\n')


def action_reset(options, out, err):
    from django_legacy.core.management.install import reset
    _validate(options.apps)
    models = _models(options.apps)
    if options.interactive:
        out.write('This will DELETE ALL DATA in the tables of %s. Type "yes" to go on: '
                  % ', '.join(options.apps))
        out.flush()
        answer = sys.stdin.readline().strip()
        if answer != 'yes':
            raise CommandError('reset cancelled')
    reset(models)
    if options.verbosity >= 1:
        out.write('Reset %s.\n' % ', '.join(options.apps))


def action_validate(options, out, err):
    from django_legacy.core.management.validation import (
        format_errors, get_validation_errors, settings_errors)
    errors = []
    for app in (_apps(options.apps) if options.apps else [None]):
        errors.extend(get_validation_errors(app))
    lines = settings_errors() + format_errors(errors)
    for line in lines:
        err.write(line + '\n')
    out.write('%d error%s found.\n' % (len(lines), '' if len(lines) == 1 else 's'))
    return 1 if lines else 0


def action_sqlflush(options, out, err):
    from django_legacy.core.management.fixtures import flush_models
    _print_plan(plans.flush_plan(flush_models()), out, err)


def action_flush(options, out, err):
    from django_legacy.core.management.fixtures import flush as run_flush
    _validate()
    if run_flush(options.verbosity, options.interactive, out) is None:
        raise CommandError('flush cancelled')


def action_loaddata(options, out, err):
    from django_legacy.core.management.fixtures import FixtureError, install_fixtures
    if not options.apps:
        raise CommandError('loaddata needs at least one fixture label')
    try:
        install_fixtures(options.apps, options.verbosity, out)
    except FixtureError as e:
        raise CommandError('%s (nothing was loaded)' % e)


def action_dumpdata(options, out, err):
    from django_legacy.core.management.fixtures import dump_data
    from django_legacy.core.serializers import SerializationError
    counts = {}
    try:
        out.write(dump_data(options.apps, options.format, options.indent, counts) + '\n')
    except SerializationError as e:
        raise CommandError(str(e))
    if options.verbosity >= 2:
        for name, count in sorted(counts.items()):
            err.write(' -- %d object(s) from connection: %s\n' % (count, name))


def get_validation_errors(outfile, app=None):
    """0.96's management.get_validation_errors(): writes each error of the
    models of ``app`` (a models module; every installed app when None) to
    ``outfile`` as '<app_label>.<modelname>: <message>'; returns the count."""
    from django_legacy.core.management import validation
    errors = validation.get_validation_errors(app)
    for line in validation.format_errors(errors):
        outfile.write(line + '\n')
    return len(errors)


def flush(verbosity=1, interactive=True):
    "0.96's management.flush(): see fixtures.flush."
    from django_legacy.core.management.fixtures import flush as run_flush
    run_flush(verbosity, interactive)


def load_data(fixture_labels, verbosity=1):
    "0.96's management.load_data(): see fixtures.load_data."
    from django_legacy.core.management.fixtures import load_data as run_load_data
    run_load_data(fixture_labels, verbosity)


def dump_data(app_labels, format='json', indent=None):
    "0.96's management.dump_data(): returns the apps' objects serialized."
    from django_legacy.core.management.fixtures import dump_data as run_dump_data
    return run_dump_data(app_labels, format, indent)


def action_diffsettings(options, out, err):
    from django_legacy.conf import global_settings, settings
    settings.DEBUG  # noqa: B018 -- loads the settings, or raises the error that says how
    names = sorted(n for n in dir(settings._target) if n.isupper())
    for name in names:
        value = getattr(settings, name)
        if not hasattr(global_settings, name):
            out.write('%s = %r  ###\n' % (name, value))
        elif getattr(global_settings, name) != value:
            out.write('%s = %r\n' % (name, value))


def action_dbshell(options, out, err):
    from django_legacy.db import _default, connections
    name = options.apps[0] if options.apps else _default
    connections[name].runshell()


ACTIONS = collections.OrderedDict([
    ('sql', Action(action_sql, 'Prints the CREATE TABLE statements for the apps.', True)),
    ('sqlall', Action(action_sqlall, 'Prints what install runs: tables, indexes, '
                      'join tables and initial data.', True)),
    ('sqlclear', Action(action_sqlclear, 'Prints the DROP TABLE statements for the apps.', True)),
    ('sqlindexes', Action(action_sqlindexes, 'Prints the CREATE INDEX statements.', True)),
    ('sqlinitialdata', Action(action_sqlinitialdata, "Prints the apps' initial SQL.", True)),
    ('sqlreset', Action(action_sqlreset, 'Prints what reset runs: sqlclear, then sqlall.', True)),
    ('sqlsequencereset', Action(action_sqlsequencereset,
                                'Prints the statements that reset sequences.', True)),
    ('install', Action(action_install, "Creates the apps' tables and loads their initial data.",
                       True)),
    ('syncdb', Action(action_syncdb, 'Creates the tables of every installed app that has none.',
                      False)),
    ('reset', Action(action_reset, "Drops and re-creates the apps' tables.", True)),
    ('sqlflush', Action(action_sqlflush, 'Prints what flush runs: the statements that '
                        'empty every installed table, per connection.', False)),
    ('flush', Action(action_flush, 'Empties every installed table on every connection, '
                     'then loads initial_data again.', False)),
    ('loaddata', Action(action_loaddata, 'Loads the named fixtures, each object on its '
                        "model's connection, all or nothing.", True)),
    ('dumpdata', Action(action_dumpdata, "Prints the apps' objects (all apps' without labels) "
                        'as a fixture (--format, --indent).', None)),
    ('validate', Action(action_validate, 'Checks the models; reports relations across '
                        'connections.', None)),
    ('diffsettings', Action(action_diffsettings, 'Prints the settings that differ from the '
                            "defaults ('###': not a default setting).", False)),
    ('dbshell', Action(action_dbshell, "Runs the database's shell (of the default connection, "
                       'or of the one named).', None)),
    ('compare', Action('django_legacy.contrib.compare:action', 'New: compares the 2007 placement '
                       "with modern Django's LegacyRouter, model by model.", None)),
    ('patterns', Action('django_legacy.contrib.patterns:action', "New: runs today's multi-database "
                        'patterns under both designs on the servers of PG* (see .ci/pgcluster).', None)),
    ('evolution', Action('django_legacy.contrib.evolution:action', 'New: runs one scenario under the '
                         '2006 plan, the 2007 branch, Django 1.2 (see .ci/django12) and today.', None)),
])


def _parser(prog):
    parser = OneLineParser(
        prog=prog, description='The management actions of django_legacy.',
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog='actions:\n' + '\n'.join('  %-17s %s' % (name, action.help)
                                        for name, action in ACTIONS.items()))
    parser.add_argument('action', help='one of: %s' % ', '.join(ACTIONS))
    parser.add_argument('apps', nargs='*', metavar='app', help='app labels')
    parser.add_argument('--settings', help='the settings module, e.g. "myproject.settings" '
                        '(else DJANGO_SETTINGS_MODULE)')
    parser.add_argument('--pythonpath', help='a directory to add to the Python path')
    parser.add_argument('--noinput', action='store_false', dest='interactive',
                        help='never ask for confirmation')
    parser.add_argument('-v', '--verbosity', type=int, choices=(0, 1, 2), default=1,
                        help='0: quiet, 1: normal, 2: all')
    parser.add_argument('--format', default='json',
                        help='dumpdata: the serialization format (default: json)')
    parser.add_argument('--indent', type=int, default=None,
                        help='dumpdata: spaces of indentation (default: none)')
    parser.add_argument('--traceback', action='store_true',
                        help='show the whole traceback of an error, not one line')
    return parser


# The errors a user can act on: main() prints them as one line.
ONE_LINE_ERRORS = (CommandError, ImproperlyConfigured, ImportError, EnvironmentError,
                   DatabaseError, ValidationError)


def action_function(action):
    "Returns the function of an Action, importing a 'module:function' one."
    if not isinstance(action.function, str):
        return action.function
    module, name = action.function.split(':')
    return getattr(importlib.import_module(module), name)


def run(options, out, err):
    "Runs the action ``options`` name; returns its exit status."
    action = ACTIONS.get(options.action)
    if action is None:
        raise CommandError('unknown action %r; choose from: %s'
                           % (options.action, ', '.join(ACTIONS)))
    if action.takes_apps is False and options.apps:
        raise CommandError('%s takes no app labels' % options.action)
    if options.pythonpath:
        sys.path.insert(0, options.pythonpath)
    if options.settings:
        os.environ['DJANGO_SETTINGS_MODULE'] = options.settings
    return action_function(action)(options, out, err) or 0


def main(argv=None, prog='django-legacy-admin', out=None, err=None):
    """Runs one action; returns the exit status (0, or 1 after a one-line
    error on ``err``; with --traceback the error is raised instead)."""
    out = out or sys.stdout
    err = err or sys.stderr
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv:
        # As 0.96's django-admin.py did: no action, so the usage and the actions.
        err.write(_parser(prog).format_help())
        return 1
    try:
        return run(_parser(prog).parse_intermixed_args(argv), out, err)
    except ONE_LINE_ERRORS as e:
        if '--traceback' in argv:
            raise
        message = str(e).strip().splitlines()[0] if str(e).strip() else e.__class__.__name__
        err.write('%s: error: %s\n' % (prog, message))
        return 1


def execute_from_command_line(argv=None):
    "The console script: runs main() and exits with its status."
    sys.exit(main(argv))

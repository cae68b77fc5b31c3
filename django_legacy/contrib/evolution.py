"""``evolution``: one scenario under the 2006 plan, the 2007 branch, Django 1.2 and today.

New: nothing here existed in 2007. The branch's ``multiple_databases``
models (artists and works on a, widgets and their many-to-many on b,
vehicles on the default) are installed, saved, read, related across
databases, saved outside their database and put in transactions under
four designs, each in a child process and a directory of its own:

- 2006: ``Meta.db_connection`` (django_legacy, ``evolution_legacy``);
- 2007: ``OTHER_DATABASES`` with ``MODELS`` (django_legacy, ``evolution_legacy``);
- 1.2: Django 1.2.7 on Python 2.7 with a router (``evolution_django12``,
  in the virtualenv ``.ci/django12`` prepares);
- today: the installed modern Django with a router (``evolution_modern``).

The two Django designs share ``evolution_django``; all four share
``evolution_scenario``.

The table says, per operation and design, which SQLite file the row landed
in (read from outside, so only what was committed counts), whether the
operation was allowed, and what the user wrote. docs/evolution.txt shows a
run.
"""

import collections
import glob
import os
import shutil
import sys
import tempfile
import textwrap

from django_legacy.contrib.evolution_scenario import OPERATIONS
from django_legacy.contrib.patterns import child_json
from django_legacy.core.exceptions import ImproperlyConfigured

SCENARIOS = ('multiple_databases',)
HERE = os.path.dirname(os.path.abspath(__file__))
# Where .ci/django12 puts the virtualenv (beside the package, in a checkout),
# unless DJANGO12_PYTHON names its Python.
DJANGO12_VENV = os.path.join(os.path.dirname(os.path.dirname(HERE)), '.venv-django12')

Design = collections.namedtuple('Design', 'key title')
DESIGNS = (
    Design('2006', "2006 plan: Meta.db_connection (django_legacy)"),
    Design('2007', '2007 branch: OTHER_DATABASES + MODELS, Model.objects.db (django_legacy)'),
    Design('1.2', '%s: DATABASES, a router with allow_syncdb, using()'),
    Design('today', '%s: DATABASES, a router with allow_migrate, using()'),
)
# Why an operation comes out differently, said when the run shows that it does.
WHY = collections.OrderedDict([
    ('configure', 'Where the rule lives: 2006 in each model, 2007 in settings (MODELS), '
     '1.2 and today in a router, consulted per operation; allow_syncdb became allow_migrate.'),
    ('install', 'Schema: 2006/2007 install each model on its connection in one command; '
                '1.2 syncs one alias at a time, today migrates one alias at a time.'),
    ('validate', 'Relations across databases: 2006/2007 refuse them at validation, so the app '
                 'cannot be installed; 1.2 and today validate it and refuse at assignment.'),
    ('install_stickers', 'Relations across databases: see validate.'),
    ('relate_across', 'Relations across databases: refused at assignment by allow_relation '
                      '(1.2, today); 2006/2007 do not check at assignment.'),
    ('save_outside', 'Outside its database: 2006 has no per-call choice; 2007 rebinds the '
                     'manager; 1.2 and today pass using=. No design moves the table there.'),
    ('bare_transaction', 'Transactions: a bare transaction in 2006/2007 covers every open '
                         "connection; from 1.2 on it covers one alias, 'default' unless told."),
])


class Unavailable(Exception):
    "A design that cannot run here; the message is one line that says why."


def python27():
    "Returns the path of a Python 2.7 (pyenv's, or the PATH's), as .ci/django12 looks; or None."
    pyenv = sorted(glob.glob(os.path.join(os.path.expanduser('~'), '.pyenv', 'versions', '2.7.*',
                                          'bin', 'python2.7')))
    return pyenv[-1] if pyenv else shutil.which('python2.7')


def django12_python():
    """Returns the Python of the Django 1.2 virtualenv (DJANGO12_PYTHON, or
    .venv-django12 beside the package); raises Unavailable saying why not."""
    python = os.environ.get('DJANGO12_PYTHON') or os.path.join(DJANGO12_VENV, 'bin', 'python')
    if os.path.exists(python):
        return python
    if python27() is None:
        raise Unavailable('Django 1.2 not run: Python 2.7, which it needs, is not available '
                          'here (no pyenv 2.7, no python2.7 on PATH)')
    raise Unavailable('Django 1.2 not run: no %s; run .ci/django12 to prepare it' % python)


def modern_python():
    "Returns this Python when it can import a modern Django; raises Unavailable otherwise."
    import importlib.util
    if importlib.util.find_spec('django') is None:
        raise Unavailable("today's Django not run: it is not installed "
                          "(pip install 'django_legacy[compare]')")
    return sys.executable


def command(design, directory):
    "Returns (argv, environment) of the child process that runs ``design`` in ``directory``."
    env = dict(os.environ)
    env.pop('DJANGO_SETTINGS_MODULE', None)
    if design == '1.2':
        return [django12_python(), os.path.join(HERE, 'evolution_django12.py'), directory], env
    if design == 'today':
        return [modern_python(), os.path.join(HERE, 'evolution_modern.py'), directory], env
    return [sys.executable, '-m', 'django_legacy.contrib.evolution_legacy', design,
            directory], env


def run_design(design):
    """Runs the scenario under ``design`` in a fresh directory; returns its
    report {'rows': {operation: [landed, allowed, wrote]}, 'setup': [lines],
    'notes': {operation: text}, 'version': text}. Raises Unavailable when
    the design cannot run here."""
    with tempfile.TemporaryDirectory(prefix='evolution-') as directory:
        argv, env = command(design, directory)
        return child_json(argv, 'the %s design' % design, env=env, cwd=directory)


def run(scenario='multiple_databases'):
    """Returns {design: report, or the Unavailable message} for every design."""
    if scenario not in SCENARIOS:
        raise ImproperlyConfigured('unknown scenario %r; choose from: %s'
                                   % (scenario, ', '.join(SCENARIOS)))
    results = collections.OrderedDict()
    for design in DESIGNS:
        try:
            results[design.key] = run_design(design.key)
        except Unavailable as e:
            results[design.key] = str(e)
    return results


def table_rows(results):
    """Returns the table's rows: (operation, design, landed in, allowed, user
    wrote) for every operation and design, the operation named on its first
    row only; a design that did not run has one row per operation saying so."""
    rows = []
    for key, title in OPERATIONS:
        for number, (design, report) in enumerate(results.items()):
            if isinstance(report, str):
                cells = ('not run', '-', '-')
            else:
                cells = tuple(report['rows'][key])
            rows.append((title if number == 0 else '', design) + cells)
    return rows


def differences(results):
    """Returns the lines that say which operations came out differently,
    with why: '- operation: 2006, 2007: none, yes | 1.2, today: a.db, b.db, yes'."""
    ran = {design: report for design, report in results.items() if not isinstance(report, str)}
    lines = []
    for key, title in OPERATIONS:
        if key not in WHY:
            continue
        outcomes = collections.OrderedDict()
        for design, (landed, allowed, wrote) in ((d, r['rows'][key]) for d, r in ran.items()):
            # Placing and installing differ in what the user writes, the rest in what happens.
            outcome = {'configure': wrote.split(': ', 1)[-1], 'install': wrote}.get(
                key, '%s, %s' % (landed, allowed))
            outcomes.setdefault(outcome, []).append(design)
        if len(outcomes) > 1:
            lines.append('- %s: %s' % (title, ' | '.join(
                '%s: %s' % (', '.join(designs), outcome) for outcome, designs in outcomes.items())))
            lines.append('  %s' % WHY[key])
            notes = collections.OrderedDict()
            for design, report in ran.items():
                if key in report['notes']:
                    notes.setdefault(report['notes'][key], []).append(design)
            lines.extend('  message (%s): %s' % (', '.join(designs), note)
                         for note, designs in notes.items())
    return lines


# The table's columns: heading and the width a cell is wrapped to.
COLUMNS = (('operation', 24), ('design', 6), ('landed in', 28), ('allowed', 28),
           ('user wrote', 40))


def render_table(rows):
    """Returns the table's lines: a heading, then each operation's rows after
    a rule; a long cell goes on over the following lines of its column."""
    def wrapped(row):
        cells = [textwrap.wrap(cell, width, break_long_words=False, break_on_hyphens=False)
                 or [''] for cell, (_, width) in zip(row, COLUMNS)]
        depth = max(len(cell) for cell in cells)
        return [[cell[i] if i < len(cell) else '' for cell in cells] for i in range(depth)]

    def line(cells):
        return ' | '.join(cell.ljust(width) for cell, (_, width) in zip(cells, COLUMNS)).rstrip()
    rule = '-+-'.join('-' * width for _, width in COLUMNS)
    lines = [line([heading for heading, _ in COLUMNS])]
    for row in rows:
        if row[0]:
            lines.append(rule)
        lines.extend(line(cells) for cells in wrapped(row))
    return lines


def write(results, out):
    "Writes the legend, the table, the differences and what each user wrote once."
    out.write('The multiple_databases scenario under four designs, in the SQLite files '
              'default.db, a.db and b.db:\n')
    for design in DESIGNS:
        report = results[design.key]
        if isinstance(report, str):
            out.write('  %-6s %s\n' % (design.key, report))
        else:
            title = design.title % report['version'] if '%s' in design.title else design.title
            out.write('  %-6s %s\n' % (design.key, title))
    out.write('\n')
    for line in render_table(table_rows(results)):
        out.write(line + '\n')
    out.write('\nWhat came out differently, and why:\n')
    for line in differences(results):
        indent = '    ' if line.startswith('- ') else '  '
        out.write(textwrap.fill(line, 100, subsequent_indent=indent, break_long_words=False,
                                break_on_hyphens=False) + '\n')
    out.write('\nWhat the user wrote once, to place the models:\n')
    for design, report in results.items():
        if not isinstance(report, str):
            out.write('\n[%s]\n' % design)
            out.write(''.join('    %s\n' % line if line else '\n' for line in report['setup']))


def parse_table(text):
    """Returns the rows of a table ``render_table`` made, found in ``text``
    (indented or not): [(operation, design, landed in, allowed, user
    wrote)], wrapped cells joined again and each operation filled in on
    every row of its designs."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines)
                 if line.split() and line.split()[0] == 'operation' and ' | ' in line)
    indent = len(lines[start]) - len(lines[start].lstrip())
    rows, operation = [], ''
    for line in lines[start + 1:]:
        line = line[indent:].rstrip()
        if not line:
            break
        if set(line) <= set('-+ '):
            continue
        cells = [cell.strip() for cell in (line + ' ' * 200).split(' | ')][:len(COLUMNS)]
        if cells[1]:
            operation = cells[0] if cells[0] else operation
            rows.append([operation] + cells[1:])
        else:       # a wrapped cell goes on
            rows[-1] = [' '.join(filter(None, pair)) for pair in zip(rows[-1], cells)]
            if cells[0]:
                operation = rows[-1][0]
    return [tuple(row) for row in rows]


def run_evolution(scenario, out, err):
    """The ``evolution`` action: runs ``scenario`` under every design and
    writes the table to ``out``; a design that cannot run is said on ``err``
    in one line. Returns 0."""
    results = run(scenario)
    for report in results.values():
        if isinstance(report, str):
            err.write(report + '\n')
    write(results, out)
    return 0


def action(options, out, err):
    "The ``evolution`` management action: one scenario (the first without a name)."
    from django_legacy.core.management import CommandError
    if len(options.apps) > 1 or (options.apps and options.apps[0] not in SCENARIOS):
        raise CommandError('evolution takes one scenario, one of: %s' % ', '.join(SCENARIOS))
    return run_evolution(options.apps[0] if options.apps else SCENARIOS[0], out, err)

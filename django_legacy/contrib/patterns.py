"""``patterns``: today's multi-database patterns under the 2007 design, on real servers.

New: nothing here existed in 2007. Each pattern (read replicas, a pooler in
transaction mode, a database per tenant, placement by a model attribute,
test mirrors, connection options, legacy tables) runs one scenario under
django_legacy here and under modern Django in a child process
(``django_legacy.contrib.patterns_modern``), on the primary, replica and
PgBouncers that ``.ci/pgcluster`` starts. Each operation reports the
database it used and where its row really was, read back from the servers.
docs/patterns.txt explains each pattern and its verdict.
"""

import collections
import contextlib
import json
import os
import subprocess
import sys
import time

from django_legacy.core.exceptions import ImproperlyConfigured
from django_legacy.db.backends import DatabaseError

# Name -> (title, verdict for the 2007 design), in the order of docs/patterns.txt.
PATTERNS = collections.OrderedDict([
    ('replicas', ('Read replicas', 'expressible with a workaround: a request binds '
                  'Model.objects.db to the replica; no per-operation split (not in 2007: '
                  'contrib.replicas)')),
    ('pooler', ('A pooler in transaction mode', 'expressible: DATABASE_HOST/PORT name '
                'PgBouncer; nothing outlives a transaction')),
    ('tenants', ('A database per tenant, with a read-only twin', 'expressible with a '
                 'workaround: Meta.db_connection per tenant model; reads from the _RO '
                 'twin by binding Model.objects.db per request')),
    ('attribute', ('Placement by a model attribute', 'expressible: Meta.db_connection '
                   'is the attribute')),
    ('mirrors', ('Test mirrors', 'expressible with a workaround: point the mirror at the '
                 "default's test database after create_test_db")),
    ('options', ('Connection options', 'expressible but for CONN_MAX_AGE: connections '
                 'close at every request_finished')),
    ('legacy', ('Legacy tables on a second database', 'expressible with a workaround: '
                'no managed = False, so never run install or reset on that app')),
])
# The logical databases each pattern uses; on the servers each design gets
# its own copy, named <design prefix>_<logical name>.
DATABASES = {
    'replicas': ('main',), 'pooler': ('main',), 'tenants': ('acme', 'globex'),
    'attribute': ('main', 'billing'), 'mirrors': ('main',), 'options': ('main',),
    'legacy': ('main', 'erp'),
}
PREFIX = {'2007': 'p07', 'modern': 'pdj'}
Servers = collections.namedtuple(
    'Servers', 'host user password primary replica bouncer bouncer_replica')
# One operation of a scenario: what it did (``used``: the connection or
# alias), what came of it (``result``) and whether that is what the pattern
# wants (``ok``); ``note`` says why when it is not.
Step = collections.namedtuple('Step', 'operation used result ok note')
ENVIRONMENT = (('primary', 'PGPORT'), ('replica', 'PGREPLICA_PORT'),
               ('bouncer', 'PGBOUNCER_PORT'), ('bouncer_replica', 'PGBOUNCER_REPLICA_PORT'))


def servers_from_environ(environ=None):
    """Returns the Servers that PGHOST, PGUSER, PGPASSWORD, PGPORT,
    PGREPLICA_PORT, PGBOUNCER_PORT and PGBOUNCER_REPLICA_PORT name (as
    ``.ci/pgcluster start`` prints them); raises ImproperlyConfigured naming
    the ones missing."""
    environ = os.environ if environ is None else environ
    missing = [var for var in ('PGHOST',) + tuple(v for _, v in ENVIRONMENT)
               if not environ.get(var)]
    if missing:
        raise ImproperlyConfigured(
            'the patterns need a primary, a replica and PgBouncer: set %s '
            '(.ci/pgcluster start prints them; .ci/pgcluster run CMD runs CMD with them)'
            % ', '.join(missing))
    ports = {}
    for key, var in ENVIRONMENT:
        if not environ[var].isdigit():
            raise ImproperlyConfigured('%s must be a port number, not %r' % (var, environ[var]))
        ports[key] = int(environ[var])
    return Servers(environ['PGHOST'], environ.get('PGUSER', 'postgres'),
                   environ.get('PGPASSWORD', ''), **ports)


@contextlib.contextmanager
def raw(servers, dbname, port=None):
    """Yields an autocommit psycopg connection, for looking at the servers
    from outside either design, and closes it; a driver error comes out as
    DatabaseError naming the server."""
    import psycopg
    port = port or servers.primary
    try:
        with psycopg.connect(host=servers.host, port=port, user=servers.user,
                             password=servers.password, dbname=dbname, autocommit=True,
                             connect_timeout=10) as db:
            yield db
    except psycopg.Error as e:
        raise DatabaseError('database %r on %s:%s: %s' % (
            dbname, servers.host, port, str(e).strip())) from e


def physical(design, logical):
    "The real name of a design's copy of a logical database."
    return '%s_%s' % (PREFIX[design], logical)


def fresh_databases(servers, pattern, design):
    "Drops and creates the design's databases for ``pattern`` on the primary."
    with raw(servers, 'postgres') as db:
        for logical in DATABASES[pattern]:
            name = physical(design, logical)
            db.execute('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % name)
            db.execute('CREATE DATABASE "%s"' % name)


def drop_databases(servers, pattern, design):
    with raw(servers, 'postgres') as db:
        for logical in DATABASES[pattern]:
            db.execute('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % physical(design, logical))


def rows_in(servers, pattern, design, table, column, value):
    """Returns the logical databases (on the primary) whose ``table`` has a
    row with ``column`` = ``value``, as 'name@primary'."""
    found = []
    for logical in DATABASES[pattern]:
        with raw(servers, physical(design, logical)) as db:
            if db.execute('SELECT to_regclass(%s)', ['"%s"' % table]).fetchone()[0] is None:
                continue
            if db.execute('SELECT 1 FROM "%s" WHERE "%s" = %%s' % (table, column),
                          [value]).fetchone():
                found.append('%s@primary' % logical)
    return found


def tables_in(servers, pattern, design, table):
    "Returns the logical databases (on the primary) that have ``table``."
    found = []
    for logical in DATABASES[pattern]:
        with raw(servers, physical(design, logical)) as db:
            if db.execute('SELECT to_regclass(%s)', ['"%s"' % table]).fetchone()[0]:
                found.append('%s@primary' % logical)
    return found


def make_erp_table(servers, design):
    """Creates the legacy pattern's ERP table, as an ERP made it (upper-case
    names, its own key column), with one row, in the design's 'erp'."""
    with raw(servers, physical(design, 'erp')) as erp:
        erp.execute('CREATE TABLE "CUSTOMERS" ("CUST_ID" serial PRIMARY KEY, '
                    '"CUST_NAME" varchar(40) NOT NULL)')
        erp.execute('INSERT INTO "CUSTOMERS" ("CUST_NAME") VALUES (%s)', ['Initech'])


def pause_replay(servers):
    """Lets the replica catch up with the primary, then stops it replaying
    the primary's WAL: what a lagging standby does, made certain for the
    writes that follow."""
    wait_for_replica(servers)
    with raw(servers, 'postgres', servers.replica) as db:
        db.execute('SELECT pg_wal_replay_pause()')
        # The pause is only requested: wait until the standby has taken it,
        # or the next write may still be replayed.
        deadline = time.monotonic() + 10
        while db.execute('SELECT pg_get_wal_replay_pause_state()').fetchone()[0] != 'paused':
            if time.monotonic() > deadline:
                raise DatabaseError('the replica at port %s did not pause its replay'
                                    % servers.replica)
            time.sleep(0.01)


def resume_replay(servers):
    """Lets the replica replay again and waits until it has caught up with
    the primary; returns the seconds it took."""
    with raw(servers, 'postgres', servers.replica) as replica:
        replica.execute('SELECT pg_wal_replay_resume()')
    return wait_for_replica(servers)


def wait_for_replica(servers, timeout=10):
    """Waits until the replica has replayed all the primary has written;
    returns the seconds it took, or raises DatabaseError after ``timeout``."""
    start = time.monotonic()
    with raw(servers, 'postgres') as primary:
        target = primary.execute('SELECT pg_current_wal_lsn()').fetchone()[0]
    with raw(servers, 'postgres', servers.replica) as replica:
        while not replica.execute('SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn',
                                  [str(target)]).fetchone()[0]:
            if time.monotonic() - start > timeout:
                raise DatabaseError('the replica at port %s has not replayed %s after %d s'
                                    % (servers.replica, target, timeout))
            time.sleep(0.02)
    return time.monotonic() - start


def prepared_statements_left(servers, port, pattern, design):
    """Returns how many prepared statements a fresh client finds on the
    server connection the pooler at ``port`` gives it for the pattern's
    main database: right after another client's transactions, the server
    connection they ran on."""
    with raw(servers, physical(design, DATABASES[pattern][0]), port) as db:
        return db.execute('SELECT count(*) FROM pg_prepared_statements').fetchone()[0]


def located(servers, name, port):
    """Names a database as a pattern's report does: the design's prefix
    dropped, the server added ('test_main@replica')."""
    for prefix in PREFIX.values():
        name = name.replace(prefix + '_', '')
    role = {servers.primary: 'primary', servers.replica: 'replica', servers.bouncer: 'bouncer',
            servers.bouncer_replica: 'bouncer_replica'}.get(int(port), port)
    return '%s@%s' % (name, role)


def shared_test_database(names):
    """The 'test DB set-up' result: (text, whether both aliases reach the
    same test database, on one server or streamed to the replica)."""
    text = ', '.join('%s %s' % item for item in sorted(names.items()))
    return text, len({name.split('@')[0] for name in names.values()}) == 1


def read_result(found):
    return 'row returned' if found else 'row MISSING'


# The 2007 side ---------------------------------------------------------------

def legacy_settings(pattern, servers, design='2007'):
    """Returns the 2007 settings of ``pattern`` for these servers: a holder
    over the global defaults with DATABASE_* and OTHER_DATABASES."""
    from django_legacy.conf import UserSettingsHolder, global_settings
    holder = UserSettingsHolder(global_settings)
    holder.INSTALLED_APPS = ()
    holder.DATABASE_ENGINE = 'postgresql'
    holder.DATABASE_HOST = servers.host
    holder.DATABASE_PORT = str(servers.primary)
    holder.DATABASE_USER = servers.user
    holder.DATABASE_PASSWORD = servers.password
    holder.DATABASE_NAME = physical(design, 'main')
    replica = {'DATABASE_PORT': str(servers.replica)}
    others = {
        'replicas': {'replica': replica},
        'pooler': {'replica': {'DATABASE_PORT': str(servers.bouncer_replica)}},
        'tenants': {
            'ACME': {'DATABASE_NAME': physical(design, 'acme')},
            'ACME_RO': {'DATABASE_NAME': physical(design, 'acme'),
                        'DATABASE_PORT': str(servers.replica)},
            'GLOBEX': {'DATABASE_NAME': physical(design, 'globex')},
            'GLOBEX_RO': {'DATABASE_NAME': physical(design, 'globex'),
                          'DATABASE_PORT': str(servers.replica)},
        },
        'attribute': {'billing': {'DATABASE_NAME': physical(design, 'billing')}},
        'mirrors': {'replica': replica},
        'options': {},
        'legacy': {'erp': {'DATABASE_NAME': physical(design, 'erp'),
                           'MODELS': ['patterns.Customer']}},
    }[pattern]
    if pattern == 'pooler':
        holder.DATABASE_PORT = str(servers.bouncer)
    if pattern == 'tenants':
        holder.DATABASE_NAME = physical(design, 'acme')
    if pattern == 'options':
        holder.DATABASE_OPTIONS = {'connect_timeout': 3, 'sslmode': 'require',
                                   'options': '-c statement_timeout=500'}
    holder.OTHER_DATABASES = others
    return holder


class using_settings:
    """Puts ``holder`` in place of the settings for the block, with no
    connection open before or after it."""

    def __init__(self, holder):
        self.holder = holder

    def __enter__(self):
        from django_legacy.conf import settings
        from django_legacy.db import connections
        self.saved = settings.__dict__['_target']
        connections.reset()
        settings._target = self.holder
        return self.holder

    def __exit__(self, *exc):
        from django_legacy.conf import settings
        from django_legacy.db import connections
        connections.reset()
        settings._target = self.saved


def new_request():
    "Ends this request and starts the next, as the WSGI handler would."
    from django_legacy.core import signals
    from django_legacy.dispatch import dispatcher
    dispatcher.send(signal=signals.request_finished)
    dispatcher.send(signal=signals.request_started)


def legacy_run(pattern, servers):
    "Runs ``pattern``'s scenario under django_legacy; returns [Step]."
    from django_legacy.contrib import patterns_legacy
    fresh_databases(servers, pattern, '2007')
    try:
        with using_settings(legacy_settings(pattern, servers)):
            return getattr(patterns_legacy, 'scenario_' + pattern)(servers)
    finally:
        drop_databases(servers, pattern, '2007')


# The modern side: a child process each, since modern Django is set up once
# per process ---------------------------------------------------------------

def modern_run(pattern, servers, python=None):
    """Runs ``pattern``'s scenario under modern Django in a child process;
    returns [Step]. Raises ImproperlyConfigured when Django is missing."""
    import importlib.util
    if importlib.util.find_spec('django') is None:
        raise ImproperlyConfigured("modern Django is not installed: pip install "
                                   "'django_legacy[compare]'")
    env = dict(os.environ, PGHOST=servers.host, PGUSER=servers.user,
               PGPASSWORD=servers.password,
               **{var: str(getattr(servers, key)) for key, var in ENVIRONMENT})
    env.pop('DJANGO_SETTINGS_MODULE', None)
    fresh_databases(servers, pattern, 'modern')
    try:
        rows = child_json([python or sys.executable, '-m', 'django_legacy.contrib.patterns_modern',
                           pattern], 'the modern scenario %r' % pattern, env=env)
    finally:
        drop_databases(servers, pattern, 'modern')
    return [Step(*row) for row in rows]


def child_json(argv, what, env=None, cwd=None):
    """Runs ``argv`` in a child process and returns what it printed, read
    as JSON; raises RuntimeError with its standard error, naming ``what``,
    when it fails."""
    result = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=cwd)
    if result.returncode != 0:
        raise RuntimeError('%s failed:\n%s' % (what, result.stderr))
    return json.loads(result.stdout)


def run(pattern, servers):
    """Returns (2007 steps, modern steps) for one pattern, run on ``servers``."""
    if pattern not in PATTERNS:
        raise ImproperlyConfigured('unknown pattern %r; choose from: %s'
                                   % (pattern, ', '.join(PATTERNS)))
    resume_replay(servers)      # in case an interrupted run left the replay paused
    return legacy_run(pattern, servers), modern_run(pattern, servers)


def _cells(step):
    if step is None:
        return '-'
    return '%s: %s (%s)' % (step.used, step.result, 'ok' if step.ok else 'NOT as wanted')


def write_table(pattern, legacy, modern, out):
    """Writes one pattern's table: per operation, the database each design
    used, what came of it and whether that is what the pattern wants; then
    the notes that say why."""
    title, verdict = PATTERNS[pattern]
    out.write('== %s: %s ==\n' % (pattern, title))
    out.write('2007 verdict: %s\n' % verdict)
    operations = list(collections.OrderedDict.fromkeys(
        [s.operation for s in legacy] + [s.operation for s in modern]))
    by_op = ({s.operation: s for s in legacy}, {s.operation: s for s in modern})
    rows = [('operation', '2007 design', 'modern router')] + [
        (op, _cells(by_op[0].get(op)), _cells(by_op[1].get(op))) for op in operations]
    widths = [max(len(r[i]) for r in rows) for i in (0, 1)]
    for row in rows:
        out.write(('%-*s | %-*s | %s' % (widths[0], row[0], widths[1], row[1], row[2])).rstrip()
                  + '\n')
    for operation in operations:
        for design, step in (('2007', by_op[0].get(operation)),
                             ('modern', by_op[1].get(operation))):
            if step is not None and step.note:
                out.write('  * %s, %s: %s\n' % (operation, design, step.note))


def show(pattern, servers, out=None):
    "Runs one pattern under both designs and writes its table (to stdout by default)."
    legacy, modern = run(pattern, servers)
    write_table(pattern, legacy, modern, out or sys.stdout)


def run_patterns(names, out):
    """The ``patterns`` action: runs the named patterns on the servers of
    the PG* variables and writes a table for each; returns 0."""
    servers = servers_from_environ()
    for number, name in enumerate(names):
        if number:
            out.write('\n')
        show(name, servers, out)
    return 0


def action(options, out, err):
    "The ``patterns`` management action: the named patterns, or all of them."
    from django_legacy.core.management import CommandError
    unknown = [name for name in options.apps if name not in PATTERNS]
    if unknown:
        raise CommandError('unknown pattern %r; choose from: %s'
                           % (unknown[0], ', '.join(PATTERNS)))
    return run_patterns(options.apps or list(PATTERNS), out)

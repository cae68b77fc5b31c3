"""PostgreSQL through psycopg 3 (rebuilds django/db/backends/postgresql/base.py).

Building SQL for this backend needs neither the server nor the driver;
only opening a connection imports psycopg. The driver runs in autocommit
mode; the wrapper opens a transaction before the first statement that
writes, as the sqlite3 backend does, and the package commits and rolls
back.
"""

from django_legacy.core.exceptions import ImproperlyConfigured
from django_legacy.db import backends
from django_legacy.db.backends import (
    DatabaseError, DriverDatabaseWrapper, IntegrityError, name_quoter, require_driver)

__all__ = ('DatabaseWrapper', 'DatabaseError', 'IntegrityError')

# Does the backend support ALTER TABLE ... ADD CONSTRAINT?
supports_constraints = True
# Can several statements run in one execute()?
supports_compound_statements = True
# Is there a sequence to reset after loading rows with explicit ids?
supports_sequence_reset = True
# What follows a REFERENCES clause so the check waits for the commit (as
# 0.96 wrote it on PostgreSQL: a fixture may name a row it loads later)?
deferrable_sql = ' DEFERRABLE INITIALLY DEFERRED'
# What ends an INSERT so that it returns the new row's key (%s: the
# quoted key column)? Empty: get_last_insert_id() asks after the INSERT.
insert_returning_sql = ' RETURNING %s'
# How many seconds to wait for the server before giving up.
CONNECT_TIMEOUT = 10

OPERATOR_MAPPING = {
    'exact': '= %s',
    'iexact': 'ILIKE %s',
    'contains': 'LIKE %s',
    'icontains': 'ILIKE %s',
    'gt': '> %s',
    'gte': '>= %s',
    'lt': '< %s',
    'lte': '<= %s',
    'startswith': 'LIKE %s',
    'endswith': 'LIKE %s',
    'istartswith': 'ILIKE %s',
    'iendswith': 'ILIKE %s',
}


# Names are quoted with this character; one inside a name is doubled.
quote_character = '"'
quote_name = name_quoter(quote_character)


def get_last_insert_id(cursor, table_name, pk_name):
    "Returns the id the serial column of ``table_name`` gave the last INSERT."
    cursor.execute('SELECT CURRVAL(%s::regclass)', [quote_name('%s_%s_seq' % (table_name, pk_name))])
    return cursor.fetchone()[0]


run_once_source = backends.run_once_source


def get_date_extract_sql(lookup_type, column):
    return "EXTRACT('%s' FROM %s)" % (lookup_type, column)


def get_date_trunc_sql(lookup_type, column):
    "Returns SQL that cuts a date column to its 'year', 'month' or 'day'."
    return "DATE_TRUNC('%s', %s)" % (lookup_type, column)


def get_limit_offset_sql(limit, offset=None):
    sql = 'LIMIT %s' % ('ALL' if limit is None else limit)
    if offset:
        sql += ' OFFSET %s' % offset
    return sql


def get_random_function_sql():
    return 'RANDOM()'


def get_drop_foreignkey_sql():
    return 'DROP CONSTRAINT'


def get_pk_default_value():
    return 'DEFAULT'


def connect_parameters(settings):
    """Returns the keyword arguments psycopg.connect() gets for ``settings``:
    DATABASE_OPTIONS last, so they override (``connect_timeout``,
    ``options='-c statement_timeout=...'``, ``sslmode``, ...).

    Statements are never prepared on the server (``prepare_threshold``
    None): a prepared statement is session state, and behind a pooler in
    transaction mode the next transaction may run on another server
    connection, or hand this one to another client."""
    params = {'dbname': settings.DATABASE_NAME, 'connect_timeout': CONNECT_TIMEOUT,
              'prepare_threshold': None}
    for key, setting in (('user', 'DATABASE_USER'), ('password', 'DATABASE_PASSWORD'),
                         ('host', 'DATABASE_HOST'), ('port', 'DATABASE_PORT')):
        value = getattr(settings, setting)
        if value:
            params[key] = str(value)
    params.update(settings.DATABASE_OPTIONS or {})
    return params


def check_options(settings):
    """Raises ImproperlyConfigured for DATABASE_OPTIONS that are neither a
    libpq connection parameter nor ``prepare_threshold`` (needs psycopg)."""
    psycopg = require_driver(DatabaseWrapper.driver_module, DatabaseWrapper.driver_package,
                             'postgresql')
    valid = {'prepare_threshold'}
    options = settings.DATABASE_OPTIONS
    if isinstance(options, dict) and not options.keys() <= valid:
        # Only then ask libpq for its keywords: 40-300 µs of each connect.
        valid |= {option.keyword.decode() for option in psycopg.pq.Conninfo.get_defaults()}
    backends.check_options(settings, valid, 'postgresql')


def describe(settings):
    "Names the server and database of ``settings``, for error messages."
    return 'database %r on host %r, port %r' % (
        settings.DATABASE_NAME, settings.DATABASE_HOST or 'localhost (socket)',
        settings.DATABASE_PORT or 5432)


class DatabaseWrapper(DriverDatabaseWrapper):
    """One psycopg connection, opened on the first cursor()."""

    engine = 'postgresql'
    driver_module = 'psycopg'
    driver_package = "'django_legacy[postgresql]' (psycopg)"

    # A read before any write runs in autocommit, so that a script or a
    # thread leaves no connection "idle in transaction" (0.96 relied on
    # the end of the request to close it).
    begins_on_write = True

    def _is_broken(self, error=None):
        return self.connection.closed       # psycopg notices a dropped connection itself

    def _stream_rows(self, sql, params, size):
        """The rows of a SELECT as the server sends them (psycopg's stream():
        ``size`` rows at a time where libpq can, version 17 on, else one by
        one); one statement, no cursor kept on the server, so a pooler in
        transaction mode sees nothing that outlives it."""
        chunked = self.driver.capabilities.has_stream_chunked()
        return self.connection.cursor().stream(sql, params, size=size if chunked else 1)

    def _connect(self, psycopg):
        if not self.settings.DATABASE_NAME:
            raise ImproperlyConfigured(
                'DATABASE_NAME is empty for a postgresql connection: set it to the name '
                'of a database on the server.')
        check_options(self.settings)
        params = dict(connect_parameters(self.settings), **self.options)
        try:
            conn = psycopg.connect(**params)
            conn.autocommit = True
            return conn
        except psycopg.Error as e:
            raise DatabaseError('cannot connect to %s: %s' % (
                describe(self.settings), str(e).strip())) from e

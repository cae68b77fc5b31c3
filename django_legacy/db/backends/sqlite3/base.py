"""SQLite through the standard library's sqlite3 (rebuilds django/db/backends/sqlite3/base.py).

Transactions are the package's: the driver runs in autocommit mode and the
wrapper opens a transaction before the first statement that is not a read,
so that DDL is transactional too and a read holds no lock.
"""

import functools
import re
import sqlite3
import sys

from django_legacy.db import backends
from django_legacy.db.backends import (
    DatabaseError, IntegrityError, QueryLog, Stream, name_quoter, transactions_managed,
    translate_error)

__all__ = ('DatabaseWrapper', 'DatabaseError', 'IntegrityError')

# Does the backend support ALTER TABLE ... ADD CONSTRAINT? (No: SQLite cannot
# add a constraint to an existing table, so pending references are dropped.)
supports_constraints = False
# Can several statements run in one execute()? (No: sqlite3 runs one.)
supports_compound_statements = False
# Is there a sequence to reset after loading rows with explicit ids?
supports_sequence_reset = False
# What follows a REFERENCES clause so the check waits for the commit (as
# 0.96 wrote it on PostgreSQL: a fixture may name a row it loads later)?
deferrable_sql = ''
# What ends an INSERT so that it returns the new row's key? (None here.)
insert_returning_sql = ''

OPERATOR_MAPPING = {
    'exact': '= %s',
    'iexact': "LIKE %s ESCAPE '\\'",
    'contains': "LIKE %s ESCAPE '\\'",
    'icontains': "LIKE %s ESCAPE '\\'",
    'gt': '> %s',
    'gte': '>= %s',
    'lt': '< %s',
    'lte': '<= %s',
    'startswith': "LIKE %s ESCAPE '\\'",
    'endswith': "LIKE %s ESCAPE '\\'",
    'istartswith': "LIKE %s ESCAPE '\\'",
    'iendswith': "LIKE %s ESCAPE '\\'",
}

# How many seconds a statement waits for another connection's lock before
# failing with "database is locked" (the driver's own default is 5);
# DATABASE_OPTIONS = {'timeout': seconds} changes it.
DEFAULT_TIMEOUT = 30

# The DATABASE_OPTIONS this backend passes to sqlite3.connect(); the
# backend sets isolation_level itself.
OPTIONS = ('timeout', 'detect_types', 'check_same_thread', 'cached_statements', 'uri')


def check_options(settings):
    "Raises ImproperlyConfigured for DATABASE_OPTIONS sqlite3.connect() does not take."
    backends.check_options(settings, OPTIONS, 'sqlite3')


# SQLite's LIKE ignores ASCII case, so 'contains', 'startswith' and
# 'endswith' match case-insensitively here, as they did in 0.96.

_reraise = functools.partial(translate_error, driver_integrity_error=sqlite3.IntegrityError)

# Does rolling back reset the connection's cursors, so that a half-read
# SELECT can no longer be read? (Python's sqlite3 did until 3.11.)
ROLLBACK_RESETS_CURSORS = sys.version_info < (3, 11)

# Statements that must not open a transaction.
_NO_TRANSACTION = ('SELECT', 'PRAGMA', 'BEGIN', 'COMMIT', 'ROLLBACK', 'SAVEPOINT',
                   'RELEASE', 'EXPLAIN', 'VACUUM')


def _convert(sql):
    """Returns (sql with ? placeholders, whether it needs a transaction),
    kept in _converted for the next time. The callers that run a statement
    look there first themselves, which costs half of a cached function's
    call (save(), get() and every query do)."""
    converted = _PLACEHOLDER.sub(_qmark, sql)
    head = sql.lstrip()[:9].upper()
    if len(_converted) >= 1024:
        _converted.clear()      # a bound: SQL written with its values in it is never the same
    found = _converted[sql] = converted, not head.startswith(_NO_TRANSACTION)
    return found


_converted = {}
_PLACEHOLDER = re.compile(r'%(%|s)')


def _qmark(match):
    "%s is SQLite's ?, and %% a literal %."
    return '%' if match.group(1) == '%' else '?'


# Names are quoted with this character; one inside a name is doubled.
quote_character = '"'
quote_name = name_quoter(quote_character)


get_last_insert_id = backends.lastrowid


def run_once_source(sql):
    """backends.run_once_source() for SQLite: inside an open transaction
    (a managed block's every save) the lines run the statement on the
    wrapper's kept cursor themselves, its placeholders converted here once,
    as DatabaseWrapper.run_once's own quick way does; anything else goes to
    run_once(). So a new row's save() makes no call for its INSERT (3% of
    the save). The two keep one rule: the same test, the same _failed()
    (tests/test_fast_paths.py runs both ways)."""
    lines = ['cursor = connection.kept_cursor',
             'if (cursor is None or connection.settings.DEBUG'
             ' or not cursor.connection.in_transaction):',
             '    cursor = connection.run_once(sql, values, True)',
             'else:',
             '    try:',
             '        cursor.execute(native, values)',
             '    except (Error, OverflowError) as e:',
             '        raise failed(cursor.connection, e) from e']
    return lines, {'native': _convert(sql)[0], 'Error': sqlite3.Error, 'failed': _failed}


def get_date_extract_sql(lookup_type, column):
    "Returns SQL that extracts 'year', 'month' or 'day' from a date column."
    return "django_extract('%s', %s)" % (lookup_type, column)


def get_date_trunc_sql(lookup_type, column):
    """Returns SQL that cuts a date column to its 'year', 'month' or 'day',
    as the text 'YYYY-MM-DD 00:00:00'."""
    return "django_date_trunc('%s', %s)" % (lookup_type, column)


def get_limit_offset_sql(limit, offset=None):
    sql = 'LIMIT %s' % (limit if limit is not None else -1)
    if offset:
        sql += ' OFFSET %s' % offset
    return sql


def get_random_function_sql():
    return 'RANDOM()'


def get_drop_foreignkey_sql():
    """The ANSI words, for output only: SQLite cannot alter a constraint,
    which is why supports_constraints is False and nothing runs this."""
    return 'DROP CONSTRAINT'


def get_pk_default_value():
    return 'NULL'


def _extract(lookup_type, value):
    if value is None:
        return None
    parts = str(value)[:10].split('-')
    index = {'year': 0, 'month': 1, 'day': 2}[lookup_type]
    return int(parts[index])


def _date_trunc(lookup_type, value):
    if value is None:
        return None
    year, month, day = str(value)[:10].split('-')
    if lookup_type == 'year':
        month = day = '01'
    elif lookup_type == 'month':
        day = '01'
    return '%s-%s-%s 00:00:00' % (year, month, day)


def _run(connection, method, sql, params, begin):
    """Runs ``method(sql, params)`` (a cursor's or the connection's execute)
    with the placeholders converted; when ``begin``, a statement that writes
    opens a transaction first. A failure outside a managed block rolls back."""
    if params is None:
        writes, params = (_converted.get(sql) or _convert(sql))[1], ()
    else:
        sql, writes = _converted.get(sql) or _convert(sql)
    try:
        if begin and writes and not connection.in_transaction:
            # IMMEDIATE takes the write lock now, waiting out the busy
            # timeout, rather than failing at once on a lock upgrade.
            connection.execute('BEGIN IMMEDIATE')
        return method(sql, params)
    except (sqlite3.Error, OverflowError) as e:     # OverflowError: an int beyond 64 bits
        raise _failed(connection, e) from e


def _failed(connection, error):
    """Returns our exception for the driver's ``error``, after rolling
    back if no managed block owns the open transaction."""
    if connection.in_transaction and not transactions_managed():
        connection.rollback()
    return _reraise(error)


class CursorWrapper:
    """Takes %s placeholders and the package's transaction rule."""

    __slots__ = ('cursor', 'connection')

    def __init__(self, cursor, connection):
        self.cursor = cursor
        self.connection = connection

    def execute(self, sql, params=None):
        """Runs ``sql``; with ``params`` (even empty) its %s placeholders
        are bound and %% stands for %; without, it runs as written. A
        statement that writes opens a transaction if none is open."""
        return self._run(self.cursor.execute, sql, params, begin=True)

    def execute_alone(self, sql, params=None):
        """Runs one statement that is committed at once, by itself. With no
        transaction open it runs in SQLite's autocommit mode: the same
        effect as BEGIN, the statement and COMMIT, without the statement
        journal SQLite keeps for a many-row change inside a transaction."""
        return self._run(self.cursor.execute, sql, params, begin=False)

    def executemany(self, sql, param_list):
        return self._run(self.cursor.executemany, sql, param_list, begin=True)

    def _run(self, method, sql, params, begin):
        return _run(self.connection, method, sql, params, begin)

    # SQLite steps through a SELECT's rows as they are read, so reading can
    # fail after execute() did not (an interrupt, an I/O error): that error
    # is ours too, and rolls back as a failed statement does.

    def fetchone(self):
        return self._read(self.cursor.fetchone)

    def fetchmany(self, size=None):
        return self._read(self.cursor.fetchmany, () if size is None else (size,))

    def fetchall(self):
        return self._read(self.cursor.fetchall)

    def _read(self, method, arguments=()):
        try:
            return method(*arguments)
        except sqlite3.Error as e:
            raise _failed(self.connection, e) from e

    def __getattr__(self, name):
        return getattr(self.cursor, name)

    def __iter__(self):
        # Not ``yield from``, which would close the driver's cursor when a
        # loop over this one stops early.
        rows = iter(self.cursor)
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            except sqlite3.Error as e:
                raise _failed(self.connection, e) from e
            yield row


# An in-memory database lives as long as its DB-API connection, so closing
# it would destroy the data (0.96 ignored close() on ':memory:' for that
# reason). Here each thread keeps its in-memory connections, one per
# connection name, and a wrapper made later in the same thread for the same
# name finds the same database again. They are kept in the connection
# registry, one of the two places that hold per-thread state.
def memory_databases():
    "Returns this thread's {connection name: in-memory sqlite3 connection}."
    from django_legacy.db import connections
    return connections.thread_state('sqlite3 :memory:')


def forget_memory_databases():
    "Closes this thread's in-memory databases; their data is gone."
    kept = memory_databases()
    for conn in kept.values():
        conn.close()
    kept.clear()


class DatabaseWrapper:
    """One DB-API connection, opened on the first cursor().

    ``settings`` holds the DATABASE_* values of the connection it serves.
    """

    # The driver's errors, which failed() turns into ours.
    driver_error = sqlite3.Error

    def __init__(self, settings=None, **options):
        if settings is None:
            from django_legacy.conf import settings
        self.settings = settings
        self.options = dict(settings.DATABASE_OPTIONS or {}, **options)
        self.connection = None
        self.kept_cursor = None
        self.queries = []
        self.streaming = None       # see stream()

    def failed(self, error):
        """Returns our exception for a driver ``error`` raised by a statement
        or while its rows are read, after rolling back if no managed block
        owns the transaction."""
        return _failed(self.connection, error)

    def _is_broken(self, error=None):
        "A file is not dropped as a server connection is (see Stream.close)."
        return False

    def __repr__(self):
        return '<sqlite3 DatabaseWrapper %r>' % (self.settings.DATABASE_NAME,)

    def _connect(self):
        check_options(self.settings)
        name = self.settings.DATABASE_NAME
        if not name:
            from django_legacy.core.exceptions import ImproperlyConfigured
            raise ImproperlyConfigured(
                'DATABASE_NAME is empty for a sqlite3 connection: set it to a file '
                "path or ':memory:'.")
        if name == ':memory:':
            kept = memory_databases()
            key = getattr(self.settings, 'CONNECTION_NAME', None)
            if key in kept:
                return kept[key]
        try:
            conn = sqlite3.connect(name, isolation_level=None,
                                   **dict({'timeout': DEFAULT_TIMEOUT}, **self.options))
        except sqlite3.Error as e:
            raise DatabaseError('cannot open SQLite database %r: %s' % (name, e)) from e
        conn.create_function('django_extract', 2, _extract, deterministic=True)
        conn.create_function('django_date_trunc', 2, _date_trunc, deterministic=True)
        if name == ':memory:':
            kept[key] = conn
        return conn

    def cursor(self):
        if self.connection is None:
            self.connection = self._connect()
        cursor = CursorWrapper(self.connection.cursor(), self.connection)
        if self.settings.DEBUG:
            return QueryLog(cursor, self)
        return cursor

    def run(self, sql, params, alone=False):
        """Runs one statement as ``cursor().execute(sql, params)`` would
        (``execute_alone`` when ``alone``) and returns a cursor to read its
        rows, ``lastrowid`` and ``rowcount`` from. New: the ORM's short way
        for the statements whose cursor it keeps to itself (the driver's own
        cursor, no wrapper to build)."""
        connection = self.connection
        if connection is None or self.settings.DEBUG:
            cursor = self.cursor()
            (cursor.execute_alone if alone else cursor.execute)(sql, params)
            return cursor
        return _run(connection, connection.execute, sql, params, not alone)

    def fetch_all(self, sql, params):
        """Runs a SELECT as run() does and returns the list of its rows.
        execute() has stepped to the first row only: reading the rest (even
        the step that finds there is none) can fail, and that error is ours."""
        cursor = self.run(sql, params)
        try:
            return cursor.fetchall()
        except sqlite3.Error as e:
            raise _failed(self.connection, e) from e

    def build_rows(self, cursor, build):
        """Returns build(rows) for every row of ``cursor``, a SELECT that
        run() ran: straight from the cursor, which steps through them in C,
        so no list of the rows is kept beside what build() makes. SQLite can
        fail at any step (an interrupt, an I/O error): that error is ours."""
        try:
            return build(cursor)
        except sqlite3.Error as e:
            raise _failed(self.connection, e) from e

    def stream(self, sql, params, size):
        """Runs a SELECT whose rows iterator() reads ``size`` at a time and
        returns a Stream of them. SQLite steps through them as they are
        read, and other statements may run meanwhile; but before Python 3.11
        a rollback resets every cursor of the connection, so there the
        wrapper holds the stream, which a rollback first has read the rest
        of the rows into memory (Stream.spill)."""
        stream = Stream(self, iter(self.run(sql, params))).start()
        if ROLLBACK_RESETS_CURSORS and not stream.ended:
            self.streaming = stream
        return stream

    def run_once(self, sql, params, whole=False):
        """Runs one INSERT or UPDATE as run() does, on a cursor the wrapper
        keeps, and returns it; the caller reads its ``lastrowid`` or
        ``rowcount`` before the next statement (new: save() makes no cursor
        per row). Never a SELECT: a half-read one would hold a read lock.
        ``whole``: the statement is the whole change, so outside a managed
        block and any open transaction it runs alone (see execute_alone)."""
        connection = self.connection
        if connection is None or self.settings.DEBUG:
            return self.run(sql, params, alone=whole and not transactions_managed())
        cursor = self.kept_cursor
        if cursor is None:
            cursor = self.kept_cursor = connection.cursor()
        if not connection.in_transaction:
            return _run(connection, cursor.execute, sql, params,
                        not (whole and not transactions_managed()))
        # Inside a transaction (a managed block's every save): nothing to
        # open first, so only the placeholders to convert; going through
        # _run cost 0.15 µs of a 3.8 µs save (bench/run.py's insert).
        # run_once_source() writes this same way into a new row's INSERT.
        try:
            return cursor.execute((_converted.get(sql) or _convert(sql))[0], params)
        except (sqlite3.Error, OverflowError) as e:
            raise _failed(connection, e) from e

    def _commit(self):
        if self.connection is not None and self.connection.in_transaction:
            try:
                self.connection.commit()
            except sqlite3.Error as e:
                raise _reraise(e) from e

    def _rollback(self):
        if self.streaming is not None:
            self.streaming.spill(keep_error=True)
        if self.connection is not None and self.connection.in_transaction:
            self.connection.rollback()

    def close(self):
        if self.connection is None:
            return
        if self.streaming is not None:
            self.streaming.close()
        self.kept_cursor = None
        if self.settings.DATABASE_NAME == ':memory:':
            self._rollback()
        else:
            self.connection.close()
        self.connection = None

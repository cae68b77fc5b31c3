"""What every backend shares: the error classes and the cursor wrappers.

New beside the 2007 tree, which repeated these pieces in each backend. The
error classes are the package's own so that ``except DatabaseError`` catches
the errors of every backend; a driver's error is re-raised as one of them,
with the original as ``__cause__``.
"""

import functools
import itertools
import threading
import time


class DatabaseError(Exception):
    "A database operation failed."


class IntegrityError(DatabaseError):
    "A constraint (unique, not null, foreign key) refused the change."


def translate_error(error, driver_integrity_error):
    """Returns our exception for a driver's ``error``: IntegrityError if it
    is a ``driver_integrity_error``, else DatabaseError, with the driver's
    arguments. The one translation every backend uses; raise the result
    ``from error``."""
    if isinstance(error, driver_integrity_error):
        return IntegrityError(*error.args)
    return DatabaseError(*error.args)


def name_quoter(quote):
    """Returns the quote_name() of a backend whose names are quoted with the
    character ``quote``: it quotes a name and doubles that character inside
    it; a name already quoted (holding no other such character) is left as
    it is."""
    doubled = quote * 2

    def quote_name(name):
        if len(name) > 1 and name[0] == quote and name[-1] == quote and quote not in name[1:-1]:
            return name
        return quote + name.replace(quote, doubled) + quote
    return quote_name


class QueryLog:
    """Cursor wrapper that records each statement in ``db.queries``.

    Used when settings.DEBUG is true, as 0.96's CursorDebugWrapper was.
    """

    def __init__(self, cursor, db):
        self.cursor = cursor
        self.db = db

    def execute(self, sql, params=None):
        return self._logged('execute', sql, params, _shown)

    def execute_alone(self, sql, params=None):
        return self._logged('execute_alone', sql, params, _shown)

    def executemany(self, sql, param_list):
        param_list = list(param_list)   # read twice: by the driver, then here
        return self._logged('executemany', sql, param_list, _shown_many)

    def _logged(self, method, sql, params, shown):
        """Runs the cursor's ``method`` on (sql, params) and records, even
        when it raises, ``shown(sql, params)`` and the seconds it took."""
        start = time.perf_counter()
        try:
            return getattr(self.cursor, method)(sql, params)
        finally:
            self.db.queries.append({'sql': shown(sql, params),
                                    'time': '%.3f' % (time.perf_counter() - start)})

    def __getattr__(self, name):
        return getattr(self.cursor, name)

    def __iter__(self):
        return iter(self.cursor)


def _shown(sql, params):
    "A statement as the query log shows it: its parameters filled in."
    return sql % tuple(_quote_param(p) for p in params) if params else sql


def _shown_many(sql, param_list):
    "Written as 0.96 wrote it: the statement and every row's values."
    return 'MANY: %s %s' % (sql, tuple(tuple(p) for p in param_list))


def _quote_param(value):
    if isinstance(value, str):
        return "'%s'" % value.replace("'", "''")
    return repr(value)


def split_statements(sql):
    """Splits a script into statements at semicolons outside quotes and
    comments. A quote is doubled inside a string or quoted name ('it''s');
    ``--`` comments run to the end of the line and ``/* */`` comments to
    their close; both are left out.

    Returns a list of statements, each ending with ';'.
    """
    statements, current = [], []
    i, length = 0, len(sql)
    while i < length:
        char = sql[i]
        if char in ("'", '"', '`'):
            close = sql.find(char, i + 1)
            while close != -1 and sql[close + 1:close + 2] == char:   # a doubled quote
                close = sql.find(char, close + 2)
            end = length if close == -1 else close + 1
            current.append(sql[i:end])
            i = end
        elif sql.startswith('--', i):
            newline = sql.find('\n', i)
            i = length if newline == -1 else newline
        elif sql.startswith('/*', i):
            close = sql.find('*/', i + 2)
            i = length if close == -1 else close + 2
            current.append(' ')
        elif char == ';':
            statement = ''.join(current).strip()
            if statement:
                statements.append(statement + ';')
            current = []
            i += 1
        else:
            current.append(char)
            i += 1
    rest = ''.join(current).strip()
    if rest:
        statements.append(rest + ';')
    return statements


# The first words of statements that do not open a transaction when the
# driver runs in autocommit mode: reads, transaction control, and what
# PostgreSQL refuses inside a transaction.
_READS = ('SELECT', 'SHOW', 'EXPLAIN', 'BEGIN', 'START', 'COMMIT', 'ROLLBACK', 'END', 'ABORT',
          'SAVEPOINT', 'RELEASE', 'SET', 'VACUUM', 'CREATE DATABASE', 'DROP DATABASE')


# ... except these, which act until the transaction ends and so need one:
# a SET LOCAL, and a SELECT that locks rows (FOR UPDATE, FOR SHARE).
_SETS_IN_TRANSACTION = ('SET LOCAL', 'SET TRANSACTION')
_LOCKS = (' FOR UPDATE', ' FOR NO KEY UPDATE', ' FOR SHARE', ' FOR KEY SHARE')


@functools.lru_cache(maxsize=1024)
def statement_writes(sql):
    """True when ``sql`` writes or needs a transaction: not a plain read
    or transaction control (see _READS)."""
    head = ' '.join(sql[:40].split()).upper()
    if head.startswith(_SETS_IN_TRANSACTION):
        return True
    if head.startswith('SELECT'):
        words = ' '.join(sql.split()).upper()
        return any(lock in words for lock in _LOCKS)
    return not head.startswith(_READS)


def lastrowid(cursor, table_name, pk_name):
    """get_last_insert_id() of the backends whose driver's cursor knows the
    key its INSERT gave the row (sqlite3, MySQLdb): its lastrowid. save()
    reads the attribute itself where a backend's get_last_insert_id is this
    function (see models.base._insert_function)."""
    return cursor.lastrowid


def run_once_source(sql):
    """Returns (lines, names) for a function compiled per statement (save()'s
    INSERT of a new row, see models.base._insert_function): source lines
    that run the INSERT or UPDATE ``sql`` with the list ``values`` on the
    DatabaseWrapper ``connection`` as connection.run_once(sql, values, True)
    does and leave its cursor in ``cursor``, and the values of the other
    names they use. A backend may give lines of its own (SQLite does); these
    call run_once()."""
    return ['cursor = connection.run_once(sql, values, True)'], {}


class TransactionState(threading.local):
    """This thread's transaction management, which
    django_legacy.db.transaction keeps: ``managed``, a stack of flags, one
    per enter_transaction_management(); ``dirty``, the wrappers with
    uncommitted changes (wrapper -> True, in the order they became dirty).
    It lives here so that the backends can ask it without importing the
    transaction module (which imports this package)."""

    def __init__(self):
        self.managed = []
        self.dirty = {}


transaction_state = TransactionState()


def transactions_managed():
    "True when this thread's innermost transaction-management block is managed."
    stack = transaction_state.managed
    return bool(stack) and stack[-1]


class FormatCursorWrapper:
    """Cursor wrapper for drivers that take %s placeholders themselves
    (psycopg, MySQLdb). It re-raises their errors as ours after telling
    ``db`` (the DriverDatabaseWrapper), which may open a transaction first
    and rolls back a failed statement that no managed block owns."""

    __slots__ = ('cursor', 'db')

    def __init__(self, cursor, db):
        self.cursor = cursor
        self.db = db

    def execute(self, sql, params=None):
        return self._run(self.cursor.execute, sql, params)

    def executemany(self, sql, param_list):
        return self._run(self.cursor.executemany, sql, param_list)

    def _run(self, method, sql, arguments):
        "Calls the driver's ``method``, opening a transaction first if it needs one."
        db = self.db
        if db.streaming is not None:
            db.streaming.spill()
        try:
            if db.begins_on_write:
                db._begin_for(self.cursor, sql)
            return method(sql, arguments)
        except db.driver_error as e:
            raise db.failed(e) from e

    def execute_alone(self, sql, params=None):
        """Runs one statement that is committed at once, by itself: without
        the BEGIN a driver in autocommit mode (``begins_on_write``) would be
        sent first, so the server commits it alone and the COMMIT after it
        has nothing to send (one round trip instead of three). Inside an
        open transaction it runs in that transaction, as execute() would."""
        db = self.db
        if db.streaming is not None:
            db.streaming.spill()
        try:
            return self.cursor.execute(sql, params)
        except db.driver_error as e:
            raise db.failed(e) from e

    def __getattr__(self, name):
        return getattr(self.cursor, name)

    def __iter__(self):
        return iter(self.cursor)


class DriverDatabaseWrapper:
    """What the wrappers of server databases share: one DB-API connection of
    a driver module, opened on the first cursor(), with the driver's errors
    re-raised as ours. A subclass names ``engine``, ``driver_module`` and
    ``driver_package`` and opens the connection in ``_connect(driver)``.

    Outside a managed block a statement that fails is rolled back at once,
    so no failed transaction stays open. A connection the server dropped
    is discarded and opened again on the next cursor(), unless it dropped
    with a transaction open: then cursor() raises DatabaseError until the
    transaction is rolled back, so the rest of it cannot commit alone."""

    engine = driver_module = driver_package = None
    # Does the driver run in autocommit mode, the wrapper opening a
    # transaction before the first statement that writes? Then a read
    # before any write leaves no transaction open on the server.
    begins_on_write = False

    def __init__(self, settings=None, **options):
        if settings is None:
            from django_legacy.conf import settings
        self.settings = settings
        self.options = options
        self.connection = None
        self.driver_error = None
        self.in_transaction = False     # a BEGIN of ours not yet ended (begins_on_write)
        self.queries = []
        self.driver = None
        self.streaming = None           # the Stream still reading its rows, if any

    def __repr__(self):
        return '<%s DatabaseWrapper %r>' % (self.engine, self.settings.DATABASE_NAME)

    def _driver(self):
        "Imports and returns the driver module (see loaded_driver)."
        return require_driver(self.driver_module, self.driver_package, self.engine)

    def loaded_driver(self):
        """Returns the driver module, imported by the first call and then
        kept: looking for it on every cursor() would cost each query more
        than the wrapper does."""
        if self.driver is None:
            self.driver = self._driver()
        return self.driver

    def _reraise(self, error):
        "Returns our exception for one of the driver's."
        return translate_error(error, self.loaded_driver().IntegrityError)

    def _is_broken(self, error=None):
        """True when the server has dropped the connection: the driver's
        connection says so, or ``error`` (one of its errors, just raised)
        does (see the mysql backend)."""
        return False

    def cursor(self):
        driver = self.loaded_driver()
        if self.streaming is not None:
            self.streaming.spill()
        if self.connection is not None and self._is_broken():
            if self.in_transaction:
                raise DatabaseError(
                    'The connection to %s was lost with a transaction open: roll it back '
                    '(transaction.rollback()) before using the connection again.'
                    % self.settings.DATABASE_NAME)
            self._discard()
        if self.connection is None:
            self.connection = self._connect(driver)
            self.driver_error = driver.Error
        cursor = FormatCursorWrapper(self.connection.cursor(), self)
        if self.settings.DEBUG:
            return QueryLog(cursor, self)
        return cursor

    def run(self, sql, params, alone=False):
        """Runs one statement as ``cursor().execute(sql, params)`` does and
        returns that cursor (new: the ORM's way to run the statements whose
        cursor it keeps to itself; SQLite's is shorter), ``execute_alone`` when
        ``alone``."""
        cursor = self.cursor()
        (cursor.execute_alone if alone else cursor.execute)(sql, params)
        return cursor

    def fetch_all(self, sql, params):
        """Runs a SELECT as run() does and returns the list of its rows (new:
        the ORM's way to read a short result: get(), count(), save()'s look
        for an existing row)."""
        return self.run(sql, params).fetchall()

    def build_rows(self, cursor, build):
        """Returns build(rows) for every row of ``cursor``, a SELECT that
        run() ran: from fetchall(), one call of the driver's, which holds
        the whole result already (its iteration would be a Python step per
        row)."""
        return build(cursor.fetchall())

    def stream(self, sql, params, size):
        """Runs a SELECT whose rows iterator() reads ``size`` at a time and
        returns a Stream (fetchmany(size), close()) of them: the driver hands
        them over as they arrive (the backend's _stream_rows), so memory
        holds one chunk, where 0.96's iterator() had the driver fetch the
        whole result first. While a stream reads, any other use of the
        connection first reads the rest of its rows into memory
        (Stream.spill), so statements may still run inside the loop."""
        self.cursor()               # the connection, checked; another stream spilled
        start = time.perf_counter()
        try:
            self._begin_for(self.connection.cursor(), sql)
            stream = Stream(self, self._stream_rows(sql, params, size)).start()
        except self.driver_error as e:
            raise self.failed(e) from e
        finally:
            if self.settings.DEBUG:
                self.queries.append({'sql': _shown(sql, params),
                                     'time': '%.3f' % (time.perf_counter() - start)})
        if not stream.ended:
            self.streaming = stream
        return stream

    def run_once(self, sql, params, whole=False):
        """Runs one INSERT or UPDATE whose cursor the caller reads at once
        (the new key, a row count) and then drops: save()'s statements (new;
        SQLite's keeps a cursor for them). ``whole``: the statement is the
        whole change, so outside a managed block and any open transaction it
        runs alone, committed by the server (one round trip, not three)."""
        return self.run(sql, params, alone=whole and not self.in_transaction
                        and not transactions_managed())

    def _begin_for(self, cursor, sql):
        "Opens a transaction on the driver's ``cursor`` before ``sql`` if it writes and none is open."
        if not self.in_transaction and statement_writes(sql):
            cursor.execute('BEGIN')
            self.in_transaction = True

    def failed(self, error):
        """Returns our exception for a driver ``error`` raised by a statement
        or while its rows are read, after rolling back if no managed block
        owns the transaction (or discarding the connection if the server
        dropped it)."""
        broken = self._is_broken(error)
        if not transactions_managed() or (broken and not self.in_transaction):
            self._rollback()
        return self._reraise(error)

    def _discard(self):
        "Forgets a connection the server dropped; the next cursor() opens another."
        self._end_stream()
        try:
            self.connection.close()
        except self.driver_error:
            pass        # it is gone already: nothing to close
        self.connection = None
        self.in_transaction = False

    def _end_stream(self):
        "Stops the open stream, if any: its rows are not read any further."
        if self.streaming is not None:
            self.streaming.close()

    def _commit(self):
        if self.streaming is not None:
            self.streaming.spill()
        if self.connection is not None:
            try:
                self.connection.commit()
            except self.driver_error as e:
                if self._is_broken(e):
                    self._discard()
                raise self._reraise(e) from e
            finally:
                self.in_transaction = False

    def _rollback(self):
        """Rolls back; on a connection the server dropped (whose transaction
        is gone with it) it discards the connection instead of raising."""
        if self.connection is None:
            return
        if self.streaming is not None:
            self.streaming.spill(keep_error=True)      # the rollback goes on regardless
        try:
            self.connection.rollback()
        except self.driver_error as e:
            if not self._is_broken(e):
                raise self._reraise(e) from e
            self._discard()
        self.in_transaction = False

    def close(self):
        if self.connection is not None:
            self._end_stream()
            try:
                self.connection.close()
            finally:
                self.connection = None
                self.in_transaction = False


class Stream:
    """The rows of one SELECT, read from the driver as iterator() asks for
    them (new: on a server backend 0.96's iterator() had the driver fetch
    the whole result first). ``rows`` is the driver's iterator over them;
    ``db``, the connection wrapper, gives ``streaming``, ``driver_error``,
    ``failed()`` and ``_is_broken()``.

    While it reads, the connection can serve nothing else; the wrapper
    calls spill() before any other use of it, which reads the remaining
    rows into memory, and fetchmany() hands those out first."""

    def __init__(self, db, rows):
        self.db = db
        self.rows = rows
        self.ahead = []     # rows read before they were asked for, from ``at`` on
        self.at = 0
        self.ended = False
        self.failure = None     # an error spill() kept for the loop, raised after ``ahead``

    def start(self):
        """Reads the first row, which sends the statement: its errors come
        here, where execute()'s would."""
        self._read(self.ahead, 1)
        return self

    def fetchmany(self, size):
        chunk = self.ahead[self.at:self.at + size]
        self.at += len(chunk)
        if len(chunk) < size and not self.ended:
            self._read(chunk, size - len(chunk))
        if not chunk and self.failure is not None:
            failure, self.failure = self.failure, None
            raise failure
        return chunk

    def spill(self, keep_error=False):
        """Reads every remaining row now, freeing the connection for other
        statements. With ``keep_error`` (a rollback's) an error while they
        are read does not stop the caller: the loop gets the rows that came
        before it, then meets it."""
        del self.ahead[:self.at]
        self.at = 0
        try:
            self._read(self.ahead)
        except DatabaseError as e:
            if not keep_error:
                raise
            self.failure = e

    def close(self):
        "Stops reading; the driver cancels the rest of the result."
        if not self.ended:
            self._stop()
            try:
                self.rows.close()
            except self.db.driver_error as e:
                # The rest is not wanted; a connection this shows dropped
                # is noted, so that its next use opens another.
                self.db._is_broken(e)
        self.ahead, self.at = [], 0

    def _read(self, rows, count=None):
        """Adds to the list ``rows`` up to ``count`` rows (every remaining one
        when None) from the driver; those that came before an error stay."""
        db = self.db
        before = len(rows)
        try:
            rows.extend(self.rows if count is None else itertools.islice(self.rows, count))
        except db.driver_error as e:
            self._stop()
            raise db.failed(e) from e
        if count is None or len(rows) - before < count:
            self._stop()        # the result is read to its end

    def _stop(self):
        self.ended = True
        if self.db.streaming is self:
            self.db.streaming = None


def check_options(settings, valid, engine):
    """Raises ImproperlyConfigured naming the connection, the option and the
    valid ones when the DATABASE_OPTIONS of ``settings`` are not a dict or
    hold a key not in ``valid``."""
    from django_legacy.core.exceptions import ImproperlyConfigured
    name = getattr(settings, 'CONNECTION_NAME', None)
    where, inherited = 'DATABASE_OPTIONS', ''
    if isinstance(name, str):
        where = "OTHER_DATABASES[%r]['DATABASE_OPTIONS']" % name
        inherited = " (an entry without DATABASE_OPTIONS takes the default connection's)"
    options = settings.DATABASE_OPTIONS or {}
    if not isinstance(options, dict):
        raise ImproperlyConfigured('%s must be a dict of connect options, not %r%s.'
                                   % (where, options, inherited))
    for key in sorted(options, key=str):
        if key not in valid:
            raise ImproperlyConfigured(
                '%s has the option %r, which the %s backend does not take%s. Remove it; '
                'valid options are: %s.'
                % (where, key, engine, inherited, ', '.join(sorted(valid))))


def require_driver(module_name, package, engine):
    """Imports a database driver, or raises ImproperlyConfigured naming the
    package to install."""
    import importlib
    import importlib.util
    from django_legacy.core.exceptions import ImproperlyConfigured
    if importlib.util.find_spec(module_name) is None:
        raise ImproperlyConfigured(
            'The %s backend needs the %r module: pip install %s' % (engine, module_name, package))
    return importlib.import_module(module_name)


# -- test databases on a server (PostgreSQL, MySQL) ---------------------------

def test_database_name(settings, name):
    """Returns the name of the test database for connection ``name`` (None
    for the default): TEST_DATABASE_NAME if the connection sets it, else
    ``test_<DATABASE_NAME>`` (``test_<DATABASE_NAME>_<name>`` for a named
    connection that shares the default's DATABASE_NAME)."""
    if settings.TEST_DATABASE_NAME:
        return settings.TEST_DATABASE_NAME
    if name is None or getattr(settings, 'OWN_DATABASE_NAME', False):
        return 'test_' + settings.DATABASE_NAME
    return 'test_%s_%s' % (settings.DATABASE_NAME, name.strip('_'))


def make_test_database(server, quote_name, test_name, exists_sql, create_sql, verbosity=1,
                       autoclobber=False, confirm=None):
    """Creates database ``test_name`` through ``server`` (an autocommit
    DB-API connection, closed after) with ``create_sql`` (``%(name)s``: the
    quoted name) and returns the name. If ``exists_sql`` finds it already,
    it is dropped first when ``autoclobber`` is true or ``confirm(test_name)``
    says yes; otherwise ImproperlyConfigured says so."""
    from django_legacy.core.exceptions import ImproperlyConfigured
    try:
        cursor = server.cursor()
        cursor.execute(exists_sql, [test_name])
        if cursor.fetchone():
            if not (autoclobber or (confirm is not None and confirm(test_name))):
                raise ImproperlyConfigured(
                    'The test database %r already exists. Drop it, or run with --noinput '
                    'to have it dropped and created again.' % test_name)
            if verbosity >= 1:
                print('Destroying old test database %r...' % test_name)
            cursor.execute('DROP DATABASE %s' % quote_name(test_name))
        cursor.execute(create_sql % {'name': quote_name(test_name)})
    finally:
        server.close()
    return test_name


def drop_test_database(server, quote_name, database_name):
    "Drops ``database_name`` if it exists, through ``server`` (closed after)."
    try:
        server.cursor().execute('DROP DATABASE IF EXISTS %s' % quote_name(database_name))
    finally:
        server.close()

"""What every backend shares: the error classes and the cursor wrappers.

New beside the 2007 tree, which repeated these pieces in each backend. The
error classes are the package's own so that ``except DatabaseError`` catches
the errors of every backend; a driver's error is re-raised as one of them,
with the original as ``__cause__``.
"""

import time


class DatabaseError(Exception):
    "A database operation failed."


class IntegrityError(DatabaseError):
    "A constraint (unique, not null, foreign key) refused the change."


def translate_errors(driver_integrity_errors, driver_errors):
    """Returns a function that re-raises a driver exception as ours.

    Use as ``except driver_errors as e: raise reraise(e) from e``.
    """
    def reraise(error):
        if isinstance(error, driver_integrity_errors):
            return IntegrityError(*error.args)
        return DatabaseError(*error.args)
    return reraise


class QueryLog:
    """Cursor wrapper that records each statement in ``db.queries``.

    Used when settings.DEBUG is true, as 0.96's CursorDebugWrapper was.
    """

    def __init__(self, cursor, db):
        self.cursor = cursor
        self.db = db

    def execute(self, sql, params=None):
        start = time.perf_counter()
        try:
            return self.cursor.execute(sql, params)
        finally:
            self.db.queries.append({
                'sql': sql % tuple(_quote_param(p) for p in params) if params else sql,
                'time': '%.3f' % (time.perf_counter() - start)})

    def execute_alone(self, sql, params=None):
        start = time.perf_counter()
        try:
            return self.cursor.execute_alone(sql, params)
        finally:
            self.db.queries.append({
                'sql': sql % tuple(_quote_param(p) for p in params) if params else sql,
                'time': '%.3f' % (time.perf_counter() - start)})

    def executemany(self, sql, param_list):
        start = time.perf_counter()
        try:
            return self.cursor.executemany(sql, param_list)
        finally:
            self.db.queries.append({
                'sql': '%s -- executemany' % sql,
                'time': '%.3f' % (time.perf_counter() - start)})

    def __getattr__(self, name):
        return getattr(self.cursor, name)

    def __iter__(self):
        return iter(self.cursor)


def _quote_param(value):
    if isinstance(value, str):
        return "'%s'" % value.replace("'", "''")
    return repr(value)


def split_statements(sql):
    """Splits a script into statements at semicolons outside quotes.

    Returns a list of statements, each ending with ';'.
    """
    statements, current, quote = [], [], None
    for char in sql:
        current.append(char)
        if quote:
            if char == quote:
                quote = None
        elif char in ("'", '"'):
            quote = char
        elif char == ';':
            statement = ''.join(current).strip()
            if statement != ';':
                statements.append(statement)
            current = []
    rest = ''.join(current).strip()
    if rest:
        statements.append(rest + ';')
    return statements


class FormatCursorWrapper:
    """Cursor wrapper for drivers that take %s placeholders themselves
    (psycopg, MySQLdb): it only re-raises their errors as ours."""

    __slots__ = ('cursor', 'driver_error', 'reraise')

    def __init__(self, cursor, driver_error, reraise):
        self.cursor = cursor
        self.driver_error = driver_error
        self.reraise = reraise

    def execute(self, sql, params=None):
        try:
            return self.cursor.execute(sql, params)
        except self.driver_error as e:
            raise self.reraise(e) from e

    def executemany(self, sql, param_list):
        try:
            return self.cursor.executemany(sql, param_list)
        except self.driver_error as e:
            raise self.reraise(e) from e

    # One statement to be committed at once: these drivers gain nothing from
    # running it differently.
    execute_alone = execute

    def __getattr__(self, name):
        return getattr(self.cursor, name)

    def __iter__(self):
        return iter(self.cursor)


class DriverDatabaseWrapper:
    """What the wrappers of server databases share: one DB-API connection of
    a driver module, opened on the first cursor(), with the driver's errors
    re-raised as ours. A subclass names ``engine``, ``driver_module`` and
    ``driver_package`` and opens the connection in ``_connect(driver)``."""

    engine = driver_module = driver_package = None

    def __init__(self, settings=None, **options):
        if settings is None:
            from django_legacy.conf import settings
        self.settings = settings
        self.options = options
        self.connection = None
        self.queries = []

    def __repr__(self):
        return '<%s DatabaseWrapper %r>' % (self.engine, self.settings.DATABASE_NAME)

    def _driver(self):
        return require_driver(self.driver_module, self.driver_package, self.engine)

    def _reraise(self, error):
        "Returns our exception for one of the driver's."
        if isinstance(error, self._driver().IntegrityError):
            return IntegrityError(*error.args)
        return DatabaseError(*error.args)

    def cursor(self):
        driver = self._driver()
        if self.connection is None:
            self.connection = self._connect(driver)
        cursor = FormatCursorWrapper(self.connection.cursor(), driver.Error, self._reraise)
        if self.settings.DEBUG:
            return QueryLog(cursor, self)
        return cursor

    def _commit(self):
        if self.connection is not None:
            try:
                self.connection.commit()
            except self._driver().Error as e:
                raise self._reraise(e) from e

    def _rollback(self):
        if self.connection is not None:
            self.connection.rollback()

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None


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

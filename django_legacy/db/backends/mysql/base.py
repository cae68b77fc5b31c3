"""MySQL (rebuilds django/db/backends/mysql/base.py).

Connects through MySQLdb (the mysqlclient package, the driver 2007 used)
and, when MySQLdb cannot be imported, through PyMySQL. Tables are InnoDB so
that transactions and foreign keys hold; the connection speaks utf8mb4.
"""

import datetime
import importlib

from django_legacy.core.exceptions import ImproperlyConfigured
from django_legacy.db import backends
from django_legacy.db.backends import DatabaseError, DriverDatabaseWrapper, IntegrityError, name_quoter

__all__ = ('DatabaseWrapper', 'DatabaseError', 'IntegrityError')

# Does the backend support ALTER TABLE ... ADD CONSTRAINT?
supports_constraints = True
# Can several statements run in one execute()?
supports_compound_statements = False
# Is there a sequence to reset after loading rows with explicit ids?
supports_sequence_reset = False
# What follows a REFERENCES clause so the check waits for the commit (as
# 0.96 wrote it on PostgreSQL: a fixture may name a row it loads later)?
deferrable_sql = ''
# What ends an INSERT so that it returns the new row's key? (None here.)
insert_returning_sql = ''
# InnoDB checks a foreign key at each statement and cannot wait for the
# commit: these turn the checks off and on again for one connection's
# session, around saving deserialized objects that may name rows that come
# later in the same data (as 0.96's MyISAM tables never checked them).
reference_checks_off_sql = 'SET foreign_key_checks = 0'
reference_checks_on_sql = 'SET foreign_key_checks = 1'

OPERATOR_MAPPING = {
    'exact': '= %s',
    'iexact': 'LIKE %s',
    'contains': 'LIKE BINARY %s',
    'icontains': 'LIKE %s',
    'gt': '> %s',
    'gte': '>= %s',
    'lt': '< %s',
    'lte': '<= %s',
    'startswith': 'LIKE BINARY %s',
    'endswith': 'LIKE BINARY %s',
    'istartswith': 'LIKE %s',
    'iendswith': 'LIKE %s',
}


# Names are quoted with this character; one inside a name is doubled.
quote_character = '`'
quote_name = name_quoter(quote_character)


get_last_insert_id = backends.lastrowid
run_once_source = backends.run_once_source


def get_date_extract_sql(lookup_type, column):
    return 'EXTRACT(%s FROM %s)' % (lookup_type.upper(), column)


# The DATE_FORMAT pattern that cuts a date to each kind (%% doubled: the
# driver formats the statement with its parameters).
DATE_TRUNC_FORMATS = {
    'year': '%%Y-01-01 00:00:00',
    'month': '%%Y-%%m-01 00:00:00',
    'day': '%%Y-%%m-%%d 00:00:00',
}


def get_date_trunc_sql(lookup_type, column):
    "Returns SQL that cuts a date column to its 'year', 'month' or 'day'."
    return "CAST(DATE_FORMAT(%s, '%s') AS DATETIME)" % (column, DATE_TRUNC_FORMATS[lookup_type])


def get_limit_offset_sql(limit, offset=None):
    if offset:
        return 'LIMIT %s,%s' % (offset, 18446744073709551615 if limit is None else limit)
    return 'LIMIT %s' % limit


def get_random_function_sql():
    return 'RAND()'


def get_drop_foreignkey_sql():
    return 'DROP FOREIGN KEY'


def get_pk_default_value():
    return 'DEFAULT'


def typecast_time(value):
    """Reads a TIME column as a datetime.time, as 0.96 did: both drivers
    would give a timedelta (TIME is signed and may exceed a day)."""
    if value is None:
        return None
    if isinstance(value, bytes):
        value = value.decode('ascii')
    hours, minutes, seconds = value.split(':')
    whole, _, fraction = seconds.partition('.')
    return datetime.time(int(hours), int(minutes), int(whole), int((fraction + '000000')[:6]))


def connect_parameters(settings, driver=None):
    """The keyword arguments of the driver's connect() for these settings
    (with ``driver``, also its conversions: TIME columns read as times).
    A DATABASE_HOST that starts with '/' is the server's socket."""
    params = {'charset': 'utf8mb4', 'autocommit': True,
              'init_command': "SET default_storage_engine=InnoDB, sql_mode='TRADITIONAL'"}
    if driver is not None:
        params['conv'] = dict(driver.converters.conversions)
        params['conv'][driver.constants.FIELD_TYPE.TIME] = typecast_time
    if settings.DATABASE_NAME:
        params['database'] = settings.DATABASE_NAME
    for key, setting in (('user', 'DATABASE_USER'), ('password', 'DATABASE_PASSWORD')):
        if getattr(settings, setting):
            params[key] = getattr(settings, setting)
    if settings.DATABASE_HOST.startswith('/'):
        params['unix_socket'] = settings.DATABASE_HOST
    elif settings.DATABASE_HOST:
        params['host'] = settings.DATABASE_HOST
    if settings.DATABASE_PORT:
        params['port'] = int(settings.DATABASE_PORT)
    params.update(settings.DATABASE_OPTIONS or {})
    return params


# The DATABASE_OPTIONS this backend passes to the driver's connect(): those
# MySQLdb and PyMySQL both take; the backend sets autocommit itself.
OPTIONS = ('charset', 'collation', 'connect_timeout', 'read_timeout', 'write_timeout',
           'init_command', 'sql_mode', 'ssl', 'compress', 'local_infile', 'unix_socket',
           'read_default_file', 'read_default_group', 'client_flag', 'use_unicode',
           'binary_prefix', 'conv')


def check_options(settings):
    "Raises ImproperlyConfigured for DATABASE_OPTIONS the drivers' connect() does not take."
    backends.check_options(settings, OPTIONS, 'mysql')


def describe(settings):
    "Names the server and database of these settings, for error messages."
    return 'MySQL database %r on %s:%s' % (settings.DATABASE_NAME, settings.DATABASE_HOST or 'localhost',
                                           settings.DATABASE_PORT or 3306)


def import_driver():
    """Returns MySQLdb, or PyMySQL when MySQLdb cannot be imported; raises
    ImproperlyConfigured naming the package to install when neither can."""
    for name in ('MySQLdb', 'pymysql'):
        try:
            return importlib.import_module(name)
        except ImportError:
            continue
    raise ImproperlyConfigured("The mysql backend needs the 'MySQLdb' module (or 'pymysql'): "
                               "pip install 'django_legacy[mysql]'")


def _rows_of(cursor, size):
    "Yields the rows of an unbuffered ``cursor``, read ``size`` at a time; closes it after."
    try:
        while True:
            rows = cursor.fetchmany(size)
            if not rows:
                return
            yield from rows
    finally:
        cursor.close()


# The drivers' error codes for a connection the server dropped: the server
# has gone away (2006), lost during a query (2013, 2055), or, MariaDB's,
# closed for inactivity (4031).
LOST_CONNECTION = frozenset((2006, 2013, 2055, 4031))


class DatabaseWrapper(DriverDatabaseWrapper):
    "One MySQLdb (or PyMySQL) connection, opened on the first cursor()."

    engine = 'mysql'
    driver_module = 'MySQLdb'
    driver_package = 'mysqlclient'

    # As on PostgreSQL: a read outside a managed block is a transaction of
    # its own, so it holds no REPEATABLE READ snapshot (which would hide
    # what other connections commit) and no locks until the next commit.
    begins_on_write = True

    # Set when one of the driver's errors said the server dropped the
    # connection; a new connection starts without it.
    dropped = False

    def _driver(self):
        return import_driver()

    def _is_broken(self, error=None):
        """The drivers keep a dropped connection looking open: what says
        it is gone is the error code of the error that met it."""
        if error is not None and error.args and error.args[0] in LOST_CONNECTION:
            self.dropped = True
        return self.dropped

    def _stream_rows(self, sql, params, size):
        """The rows of a SELECT as the server sends them: the driver's
        unbuffered cursor (SSCursor) reads ``size`` at a time, and closing
        it reads off whatever the loop did not want."""
        cursor = self.connection.cursor(self.driver.cursors.SSCursor)
        cursor.execute(sql, params)
        return _rows_of(cursor, size)

    def _connect(self, driver):
        check_options(self.settings)
        self.dropped = False
        try:
            return driver.connect(**connect_parameters(self.settings, driver))
        except driver.Error as e:
            raise DatabaseError('cannot connect to %s: %s' % (describe(self.settings), e)) from e

"""Column types for PostgreSQL (rebuilds django/db/backends/postgresql/creation.py).

``builder`` is a PgSchemaBuilder (the branch built the plain ANSI one here,
so sequence reset was out of reach).
"""

from django_legacy.db.backends.postgresql.sql import PgSchemaBuilder

DATA_TYPES = {
    'AutoField': 'serial',
    'BooleanField': 'boolean',
    'CharField': 'varchar(%(maxlength)s)',
    'CommaSeparatedIntegerField': 'varchar(%(maxlength)s)',
    'DateField': 'date',
    'DateTimeField': 'timestamp',
    'FileField': 'varchar(100)',
    'FilePathField': 'varchar(100)',
    'FloatField': 'numeric(%(max_digits)s, %(decimal_places)s)',
    'IPAddressField': 'inet',
    'ImageField': 'varchar(100)',
    'IntegerField': 'integer',
    'NullBooleanField': 'boolean',
    'OneToOneField': 'integer',
    'PhoneNumberField': 'varchar(20)',
    'PositiveIntegerField': 'integer CHECK ("%(column)s" >= 0)',
    'PositiveSmallIntegerField': 'smallint CHECK ("%(column)s" >= 0)',
    'SlugField': 'varchar(%(maxlength)s)',
    'SmallIntegerField': 'smallint',
    'TextField': 'text',
    'TimeField': 'time',
    'USStateField': 'varchar(2)',
}

builder = PgSchemaBuilder()  # a template: never changed, only bound
get_builder = builder.bind  # get_builder(connection_info) -> a new bound builder


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


def _server(settings):
    "Returns an autocommit psycopg connection to the server's 'postgres' database."
    from django_legacy.db.backends.postgresql.base import (
        DatabaseError, connect_parameters, describe)
    from django_legacy.db.backends import require_driver
    psycopg = require_driver('psycopg', "'django_legacy[postgresql]' (psycopg)", 'postgresql')
    params = dict(connect_parameters(settings), dbname='postgres')
    try:
        return psycopg.connect(autocommit=True, **params)
    except psycopg.Error as e:
        raise DatabaseError('cannot connect to %s: %s' % (
            describe(settings), str(e).strip())) from e


def create_test_db(settings, name, verbosity=1, autoclobber=False, directory=None,
                   confirm=None):
    """Creates the test database of connection ``name`` with CREATE DATABASE
    and returns its name. If it exists already, it is dropped and made again
    when ``autoclobber`` is true or ``confirm(test_name)`` says yes;
    otherwise ImproperlyConfigured says so."""
    from django_legacy.core.exceptions import ImproperlyConfigured
    from django_legacy.db.backends.postgresql.base import quote_name
    test_name = test_database_name(settings, name)
    server = _server(settings)
    try:
        cursor = server.cursor()
        cursor.execute('SELECT 1 FROM pg_database WHERE datname = %s', [test_name])
        if cursor.fetchone():
            if not (autoclobber or (confirm is not None and confirm(test_name))):
                raise ImproperlyConfigured(
                    'The test database %r already exists. Drop it, or run with --noinput '
                    'to have it dropped and created again.' % test_name)
            if verbosity >= 1:
                print('Destroying old test database %r...' % test_name)
            cursor.execute('DROP DATABASE %s' % quote_name(test_name))
        cursor.execute('CREATE DATABASE %s' % quote_name(test_name))
    finally:
        server.close()
    return test_name


def destroy_test_db(settings, database_name, verbosity=1):
    "Drops a test database made by create_test_db."
    from django_legacy.db.backends.postgresql.base import quote_name
    server = _server(settings)
    try:
        server.cursor().execute('DROP DATABASE IF EXISTS %s' % quote_name(database_name))
    finally:
        server.close()

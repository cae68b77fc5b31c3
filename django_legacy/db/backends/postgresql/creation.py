"""Column types for PostgreSQL (rebuilds django/db/backends/postgresql/creation.py).

``builder`` is a PgSchemaBuilder (the branch built the plain ANSI one here,
so sequence reset was out of reach).
"""

from django_legacy.db.backends import drop_test_database, make_test_database, test_database_name
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


# Does a database of that name exist? (%s: the name.)
TEST_DATABASE_EXISTS = 'SELECT 1 FROM pg_database WHERE datname = %s'
CREATE_DATABASE = 'CREATE DATABASE %(name)s'


def create_test_db(settings, name, verbosity=1, autoclobber=False, directory=None,
                   confirm=None):
    """Creates the test database of connection ``name`` with CREATE DATABASE
    and returns its name (see make_test_database)."""
    from django_legacy.db.backends.postgresql.base import quote_name
    return make_test_database(_server(settings), quote_name, test_database_name(settings, name),
                              TEST_DATABASE_EXISTS, CREATE_DATABASE, verbosity, autoclobber, confirm)


def destroy_test_db(settings, database_name, verbosity=1):
    "Drops a test database made by create_test_db."
    from django_legacy.db.backends.postgresql.base import quote_name
    drop_test_database(_server(settings), quote_name, database_name)

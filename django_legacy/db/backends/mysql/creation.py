"""Column types for MySQL (rebuilds django/db/backends/mysql/creation.py)."""

from django_legacy.db.backends import DatabaseError
from django_legacy.db.backends.mysql.sql import MySqlSchemaBuilder
from django_legacy.db.backends.postgresql.creation import test_database_name  # the same naming rule


DATA_TYPES = {
    'AutoField': 'integer AUTO_INCREMENT',
    'BooleanField': 'bool',
    'CharField': 'varchar(%(maxlength)s)',
    'CommaSeparatedIntegerField': 'varchar(%(maxlength)s)',
    'DateField': 'date',
    'DateTimeField': 'datetime',
    'FileField': 'varchar(100)',
    'FilePathField': 'varchar(100)',
    'FloatField': 'numeric(%(max_digits)s, %(decimal_places)s)',
    'IPAddressField': 'char(15)',
    'ImageField': 'varchar(100)',
    'IntegerField': 'integer',
    'NullBooleanField': 'bool',
    'OneToOneField': 'integer',
    'PhoneNumberField': 'varchar(20)',
    'PositiveIntegerField': 'integer UNSIGNED',
    'PositiveSmallIntegerField': 'smallint UNSIGNED',
    'SlugField': 'varchar(%(maxlength)s)',
    'SmallIntegerField': 'smallint',
    'TextField': 'longtext',
    'TimeField': 'time',
    'USStateField': 'varchar(2)',
}

builder = MySqlSchemaBuilder()  # a template: never changed, only bound
get_builder = builder.bind  # get_builder(connection_info) -> a new bound builder


def _server(settings):
    "Returns an autocommit connection to the server, with no database selected."
    from django_legacy.db.backends.mysql.base import connect_parameters, describe, import_driver
    driver = import_driver()
    params = connect_parameters(settings)
    params.pop('database', None)
    params['autocommit'] = True
    try:
        return driver.connect(**params)
    except driver.Error as e:
        raise DatabaseError('cannot connect to %s: %s' % (describe(settings), e)) from e


def create_test_db(settings, name, verbosity=1, autoclobber=False, directory=None,
                   confirm=None):
    """Creates the test database of connection ``name`` (CHARACTER SET utf8mb4)
    and returns its name. If it exists already, it is dropped and made again
    when ``autoclobber`` is true or ``confirm(test_name)`` says yes;
    otherwise ImproperlyConfigured says so."""
    from django_legacy.core.exceptions import ImproperlyConfigured
    from django_legacy.db.backends.mysql.base import quote_name
    test_name = test_database_name(settings, name)
    server = _server(settings)
    try:
        cursor = server.cursor()
        cursor.execute('SELECT 1 FROM information_schema.schemata WHERE schema_name = %s', [test_name])
        if cursor.fetchone():
            if not (autoclobber or (confirm is not None and confirm(test_name))):
                raise ImproperlyConfigured(
                    'The test database %r already exists. Drop it, or run with --noinput '
                    'to have it dropped and created again.' % test_name)
            if verbosity >= 1:
                print('Destroying old test database %r...' % test_name)
            cursor.execute('DROP DATABASE %s' % quote_name(test_name))
        cursor.execute('CREATE DATABASE %s CHARACTER SET utf8mb4' % quote_name(test_name))
    finally:
        server.close()
    return test_name


def destroy_test_db(settings, database_name, verbosity=1):
    "Drops a test database made by create_test_db."
    from django_legacy.db.backends.mysql.base import quote_name
    server = _server(settings)
    try:
        server.cursor().execute('DROP DATABASE IF EXISTS %s' % quote_name(database_name))
    finally:
        server.close()

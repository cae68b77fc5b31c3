"""Column types for MySQL (rebuilds django/db/backends/mysql/creation.py)."""

from django_legacy.db.backends import DatabaseError, drop_test_database, make_test_database, test_database_name
from django_legacy.db.backends.mysql.sql import MySqlSchemaBuilder


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


# Does a database of that name exist? (%s: the name.)
TEST_DATABASE_EXISTS = 'SELECT 1 FROM information_schema.schemata WHERE schema_name = %s'
CREATE_DATABASE = 'CREATE DATABASE %(name)s CHARACTER SET utf8mb4'


def create_test_db(settings, name, verbosity=1, autoclobber=False, directory=None,
                   confirm=None):
    """Creates the test database of connection ``name`` (CHARACTER SET
    utf8mb4) and returns its name (see make_test_database)."""
    from django_legacy.db.backends.mysql.base import quote_name
    return make_test_database(_server(settings), quote_name, test_database_name(settings, name),
                              TEST_DATABASE_EXISTS, CREATE_DATABASE, verbosity, autoclobber, confirm)


def destroy_test_db(settings, database_name, verbosity=1):
    "Drops a test database made by create_test_db."
    from django_legacy.db.backends.mysql.base import quote_name
    drop_test_database(_server(settings), quote_name, database_name)

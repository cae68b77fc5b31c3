"""Column types for SQLite (rebuilds django/db/backends/sqlite3/creation.py)."""

from django_legacy.db.backends.ansi.sql import SchemaBuilder

DATA_TYPES = {
    'AutoField': 'integer',
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
    'PositiveIntegerField': 'integer unsigned',
    'PositiveSmallIntegerField': 'smallint unsigned',
    'SlugField': 'varchar(%(maxlength)s)',
    'SmallIntegerField': 'smallint',
    'TextField': 'text',
    'TimeField': 'time',
    'USStateField': 'varchar(2)',
}

builder = SchemaBuilder()  # a template: never changed, only bound
get_builder = builder.bind  # get_builder(connection_info) -> a new bound builder


def create_test_db(settings, name, verbosity=1, autoclobber=False, directory=None,
                   confirm=None):
    """Returns the DATABASE_NAME of the test database for connection ``name``.

    The default connection tests on ':memory:'; each named connection gets
    its own file in ``directory`` (a fresh temporary folder).
    """
    import os
    if directory is None:
        return ':memory:'
    path = os.path.join(directory, '%s.db' % name)
    if os.path.exists(path):
        os.remove(path)
    return path


def destroy_test_db(settings, database_name, verbosity=1):
    "Removes a test database made by create_test_db."
    import os
    from django_legacy.db.backends.sqlite3.base import forget_memory_databases
    if database_name == ':memory:':
        forget_memory_databases()
    elif os.path.exists(database_name):
        os.remove(database_name)

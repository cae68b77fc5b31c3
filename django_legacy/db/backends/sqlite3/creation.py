"""Column types for SQLite (rebuilds django/db/backends/sqlite3/creation.py)."""

from django_legacy.db.backends.ansi.sql import SchemaBuilder

DATA_TYPES = {
    'AutoField': 'integer',
    'BooleanField': 'bool',
    'CharField': 'varchar(%(maxlength)s)',
    'DateField': 'date',
    'DateTimeField': 'datetime',
    'FloatField': 'numeric(%(max_digits)s, %(decimal_places)s)',
    'IntegerField': 'integer',
    'OneToOneField': 'integer',
    'PositiveIntegerField': 'integer unsigned',
    'SlugField': 'varchar(%(maxlength)s)',
    'TextField': 'text',
    'TimeField': 'time',
}

builder = SchemaBuilder()


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

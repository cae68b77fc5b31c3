"""Column types for MySQL (rebuilds django/db/backends/mysql/creation.py)."""

from django_legacy.db.backends.ansi.sql import SchemaBuilder

DATA_TYPES = {
    'AutoField': 'integer AUTO_INCREMENT',
    'BooleanField': 'bool',
    'CharField': 'varchar(%(maxlength)s)',
    'DateField': 'date',
    'DateTimeField': 'datetime',
    'FloatField': 'numeric(%(max_digits)s, %(decimal_places)s)',
    'IntegerField': 'integer',
    'OneToOneField': 'integer',
    'PositiveIntegerField': 'integer UNSIGNED',
    'SlugField': 'varchar(%(maxlength)s)',
    'TextField': 'longtext',
    'TimeField': 'time',
}

builder = SchemaBuilder()


def create_test_db(settings, name, verbosity=1, autoclobber=False, directory=None,
                   confirm=None):
    "Not available: no MySQL server is tested with this package."
    from django_legacy.core.exceptions import ImproperlyConfigured
    raise ImproperlyConfigured('Test databases on mysql are not supported by django_legacy; '
                               'run the tests on sqlite3 or postgresql.')


destroy_test_db = create_test_db

"""Column types for PostgreSQL (rebuilds django/db/backends/postgresql/creation.py).

``builder`` is a PgSchemaBuilder (the branch built the plain ANSI one here,
so sequence reset was out of reach).
"""

from django_legacy.db.backends.postgresql.sql import PgSchemaBuilder

DATA_TYPES = {
    'AutoField': 'serial',
    'BooleanField': 'boolean',
    'CharField': 'varchar(%(maxlength)s)',
    'DateField': 'date',
    'DateTimeField': 'timestamp',
    'FloatField': 'numeric(%(max_digits)s, %(decimal_places)s)',
    'IntegerField': 'integer',
    'OneToOneField': 'integer',
    'PositiveIntegerField': 'integer CHECK ("%(column)s" >= 0)',
    'SlugField': 'varchar(%(maxlength)s)',
    'TextField': 'text',
    'TimeField': 'time',
}

builder = PgSchemaBuilder()

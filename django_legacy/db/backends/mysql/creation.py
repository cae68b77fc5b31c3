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

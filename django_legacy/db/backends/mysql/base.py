"""MySQL (rebuilds django/db/backends/mysql/base.py).

This backend generates SQL; connecting needs the MySQLdb module
(mysqlclient) and is not tested here, as no MySQL server is at hand.
"""

from django_legacy.core.exceptions import ImproperlyConfigured
from django_legacy.db.backends import DatabaseError, DriverDatabaseWrapper, IntegrityError

__all__ = ('DatabaseWrapper', 'DatabaseError', 'IntegrityError')

# Does the backend support ALTER TABLE ... ADD CONSTRAINT?
supports_constraints = True
# Can several statements run in one execute()?
supports_compound_statements = False
# May a column be declared UNIQUE and PRIMARY KEY at once?
allows_unique_and_pk = True
# Is there a sequence to reset after loading rows with explicit ids?
supports_sequence_reset = False

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


def quote_name(name):
    if name.startswith('`') and name.endswith('`'):
        return name
    return '`%s`' % name


def get_last_insert_id(cursor, table_name, pk_name):
    return cursor.lastrowid


def get_date_extract_sql(lookup_type, column):
    return 'EXTRACT(%s FROM %s)' % (lookup_type.upper(), column)


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


class DatabaseWrapper(DriverDatabaseWrapper):
    "One MySQLdb connection, opened on the first cursor()."

    engine = 'mysql'
    driver_module = 'MySQLdb'
    driver_package = 'mysqlclient'

    def _connect(self, driver):
        params = {'db': self.settings.DATABASE_NAME, 'charset': 'utf8'}
        for key, setting in (('user', 'DATABASE_USER'), ('passwd', 'DATABASE_PASSWORD'),
                             ('host', 'DATABASE_HOST')):
            if getattr(self.settings, setting):
                params[key] = getattr(self.settings, setting)
        if self.settings.DATABASE_PORT:
            params['port'] = int(self.settings.DATABASE_PORT)
        params.update(self.settings.DATABASE_OPTIONS or {})
        try:
            return driver.connect(**params)
        except driver.Error as e:
            raise ImproperlyConfigured('cannot connect to MySQL database %r: %s'
                                       % (self.settings.DATABASE_NAME, e)) from e

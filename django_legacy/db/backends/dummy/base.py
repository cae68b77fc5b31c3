"""The backend chosen when DATABASE_ENGINE is empty (rebuilds django/db/backends/dummy/base.py).

Every use raises ImproperlyConfigured, so a project that forgot to set an
engine learns it at its first query rather than getting wrong results.
"""

from django_legacy.core.exceptions import ImproperlyConfigured
from django_legacy.db import backends
from django_legacy.db.backends import DatabaseError, IntegrityError

__all__ = ('DatabaseWrapper', 'DatabaseError', 'IntegrityError')

MESSAGE = ('You haven\'t set the DATABASE_ENGINE setting yet: set it (or the '
           "entry's DATABASE_ENGINE) to one of 'sqlite3', 'postgresql', 'mysql'.")

# Does the backend support ALTER TABLE ... ADD CONSTRAINT?
supports_constraints = False
# Can several statements run in one execute()?
supports_compound_statements = False
supports_sequence_reset = False
# What follows a REFERENCES clause so the check waits for the commit (as
# 0.96 wrote it on PostgreSQL: a fixture may name a row it loads later)?
deferrable_sql = ''
# What ends an INSERT so that it returns the new row's key? (None here.)
insert_returning_sql = ''
OPERATOR_MAPPING = {}


def complain(*args, **kwargs):
    raise ImproperlyConfigured(MESSAGE)


def check_options(settings):
    "Takes any DATABASE_OPTIONS: this backend never connects, so none is used."


quote_name = complain
get_last_insert_id = complain
run_once_source = backends.run_once_source   # its lines call run_once(): complain
get_date_extract_sql = complain
get_date_trunc_sql = complain
get_limit_offset_sql = complain
get_random_function_sql = complain
get_drop_foreignkey_sql = complain


class DatabaseWrapper:
    def __init__(self, settings=None, **options):
        self.settings = settings
        self.queries = []

    def __repr__(self):
        return '<dummy DatabaseWrapper>'

    cursor = complain
    run = complain
    fetch_all = complain
    stream = complain
    build_rows = complain
    run_once = complain
    _commit = complain
    _rollback = complain

    def close(self):
        pass

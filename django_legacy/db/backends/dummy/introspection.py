"""No introspection without a database engine."""

from django_legacy.db.backends.dummy.base import complain

get_table_list = complain

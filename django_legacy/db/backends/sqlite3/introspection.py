"""Reading the schema of a SQLite database (rebuilds django/db/backends/sqlite3/introspection.py)."""


def get_table_list(cursor):
    "Returns the names of the tables in the database, sorted."
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                   "AND name NOT LIKE 'sqlite_%%' ORDER BY name")
    return [row[0] for row in cursor.fetchall()]


def get_table_description(cursor, table_name):
    "Returns a list of (name, type, null_ok) for the table's columns."
    from django_legacy.db.backends.sqlite3.base import quote_name
    cursor.execute('PRAGMA table_info(%s)' % quote_name(table_name))
    return [(row[1], row[2], not row[3]) for row in cursor.fetchall()]

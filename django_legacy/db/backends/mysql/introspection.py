"""Reading the schema of a MySQL database (rebuilds django/db/backends/mysql/introspection.py)."""


def get_table_list(cursor):
    "Returns the names of the tables in the current database."
    cursor.execute('SHOW TABLES', ())
    return [row[0] for row in cursor.fetchall()]

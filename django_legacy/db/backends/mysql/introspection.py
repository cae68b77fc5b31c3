"""Reading the schema of a MySQL database (rebuilds django/db/backends/mysql/introspection.py)."""


def get_table_list(cursor):
    "Returns the names of the tables in the current database."
    cursor.execute('SHOW TABLES', ())
    return [row[0] for row in cursor.fetchall()]


def get_foreign_keys_to(cursor, table):
    """Returns (referencing table, constraint name) for each foreign key in
    the current database that refers to ``table``, sorted."""
    cursor.execute(
        'SELECT table_name, constraint_name FROM information_schema.referential_constraints '
        'WHERE constraint_schema = DATABASE() AND referenced_table_name = %s '
        'ORDER BY table_name, constraint_name', (table,))
    return [tuple(row) for row in cursor.fetchall()]

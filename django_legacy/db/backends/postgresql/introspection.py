"""Reading the schema of a PostgreSQL database (rebuilds django/db/backends/postgresql/introspection.py)."""


def get_table_list(cursor):
    "Returns the names of the tables and views visible in the search path, sorted."
    cursor.execute("""
        SELECT c.relname FROM pg_catalog.pg_class c
        LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'v', '')
          AND n.nspname NOT IN ('pg_catalog', 'pg_toast')
          AND pg_catalog.pg_table_is_visible(c.oid)
        ORDER BY c.relname""", ())
    return [row[0] for row in cursor.fetchall()]

"""The PostgreSQL schema builder: the ANSI one plus sequence reset (rebuilds django/db/backends/postgresql/sql.py)."""

from django_legacy.db.backends.ansi.sql import SchemaBuilder


class PgSchemaBuilder(SchemaBuilder):
    """Adds get_sequence_reset(): after rows were loaded with explicit ids,
    serial sequences must be moved past the largest id.

    Drops with cascade through PostgreSQL's own ``DROP TABLE ... CASCADE``,
    which removes every constraint that refers to the table, whether it was
    added by name (ALTER TABLE) or written inline (REFERENCES). References
    end DEFERRABLE INITIALLY DEFERRED, as 0.96 wrote them on PostgreSQL."""

    deferrable_references = True
    sql_drop_table_cascade = 'DROP TABLE %(table)s CASCADE;'
    cascade_drops_constraints = True
    sql_flush_tables = 'TRUNCATE %(tables)s RESTART IDENTITY;'   # one statement: references do not matter
    sql_sequence_reset = "SELECT setval('%(sequence)s', (SELECT max(%(column)s) FROM %(table)s));"

    def get_sequence_reset(self, model, style=None):
        """Returns a SELECT setval(...) statement for the model's AutoField
        and one for the id of each of its many-to-many tables."""
        db = self._db(model)
        columns = [(model._meta.db_table, field.column) for field in model._meta.fields
                   if field.get_internal_type() == 'AutoField']
        columns += [(field.m2m_db_table(), 'id') for field in model._meta.many_to_many]
        # The sequence's name is a string literal: a quote in it is doubled.
        return [self.statement(db, self.sql_sequence_reset, style, column=column, table=table,
                               sequence=('%s_%s_seq' % (table, column)).replace("'", "''"))
                for table, column in columns]

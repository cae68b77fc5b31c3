"""The PostgreSQL schema builder: the ANSI one plus sequence reset (rebuilds django/db/backends/postgresql/sql.py)."""

from django_legacy.db.backends.ansi.sql import BoundStatement, SchemaBuilder, plain_style


class PgSchemaBuilder(SchemaBuilder):
    """Adds get_sequence_reset(): after rows were loaded with explicit ids,
    serial sequences must be moved past the largest id."""

    def get_sequence_reset(self, model, style=None):
        """Returns a SELECT setval(...) statement for the model's AutoField
        and one for the id of each of its many-to-many tables."""
        from django_legacy.db.models.fields import AutoField
        style = style or plain_style
        db = self._db(model)
        qn = db.backend.quote_name
        statements = []

        def reset(table, column):
            sql = "%s setval('%s_%s_seq', (%s max(%s) %s %s));" % (
                style.SQL_KEYWORD('SELECT'), table, column, style.SQL_KEYWORD('SELECT'),
                style.SQL_FIELD(qn(column)), style.SQL_KEYWORD('FROM'), style.SQL_TABLE(qn(table)))
            statements.append(BoundStatement(sql, db.connection))
        for field in model._meta.fields:
            if isinstance(field, AutoField):
                reset(model._meta.db_table, field.column)
        for field in model._meta.many_to_many:
            reset(field.m2m_db_table(), 'id')
        return statements

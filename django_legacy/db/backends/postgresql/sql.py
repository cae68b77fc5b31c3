"""The PostgreSQL schema builder: the ANSI one plus sequence reset (rebuilds django/db/backends/postgresql/sql.py)."""

from django_legacy.db.backends.ansi.sql import BoundStatement, SchemaBuilder, plain_style


class PgSchemaBuilder(SchemaBuilder):
    """Adds get_sequence_reset(): after rows were loaded with explicit ids,
    serial sequences must be moved past the largest id. Drops with cascade
    through PostgreSQL's own DROP TABLE ... CASCADE. References end
    DEFERRABLE INITIALLY DEFERRED, as 0.96 wrote them on PostgreSQL."""

    deferrable_references = True

    def get_drop_table(self, model, cascade=False, style=None):
        """Returns the ANSI statements without cascade. With cascade: the
        model's existing join tables, then ``DROP TABLE "<table>" CASCADE;``,
        which removes every constraint that refers to the table, whether it
        was added by name (ALTER TABLE) or written inline (REFERENCES)."""
        if not cascade:
            return super().get_drop_table(model, cascade, style)
        style = style or plain_style
        db = self._db(model)
        qn = db.backend.quote_name
        statements = []
        for field in model._meta.many_to_many:
            table = field.m2m_db_table()
            if self.tables is None or table in self.tables:
                statements.append(BoundStatement('%s %s;' % (
                    style.SQL_KEYWORD('DROP TABLE'), style.SQL_TABLE(qn(table))), db.connection))
        statements.append(BoundStatement('%s %s %s;' % (
            style.SQL_KEYWORD('DROP TABLE'), style.SQL_TABLE(qn(model._meta.db_table)),
            style.SQL_KEYWORD('CASCADE')), db.connection))
        return statements

    def get_flush(self, db, tables, style=None):
        """Returns one TRUNCATE of all ``tables`` that also restarts their
        serial sequences (one statement, so references among them do not
        matter)."""
        if not tables:
            return []
        style = style or plain_style
        qn = db.backend.quote_name
        return [BoundStatement('%s %s %s;' % (
            style.SQL_KEYWORD('TRUNCATE'), ', '.join(style.SQL_TABLE(qn(t)) for t in tables),
            style.SQL_KEYWORD('RESTART IDENTITY')), db.connection)]

    def get_sequence_reset(self, model, style=None):
        """Returns a SELECT setval(...) statement for the model's AutoField
        and one for the id of each of its many-to-many tables."""
        from django_legacy.db.models.fields import AutoField
        style = style or plain_style
        db = self._db(model)
        qn = db.backend.quote_name
        statements = []

        def reset(table, column):
            # The sequence's name is a string literal: a quote in it is doubled.
            sequence = ('%s_%s_seq' % (table, column)).replace("'", "''")
            sql = "%s setval('%s', (%s max(%s) %s %s));" % (
                style.SQL_KEYWORD('SELECT'), sequence, style.SQL_KEYWORD('SELECT'),
                style.SQL_FIELD(qn(column)), style.SQL_KEYWORD('FROM'), style.SQL_TABLE(qn(table)))
            statements.append(BoundStatement(sql, db.connection))
        for field in model._meta.fields:
            if isinstance(field, AutoField):
                reset(model._meta.db_table, field.column)
        for field in model._meta.many_to_many:
            reset(field.m2m_db_table(), 'id')
        return statements

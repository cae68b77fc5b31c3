"""The MySQL schema builder: the ANSI one, with drops that find the real
names of the foreign keys to remove.

New beside the 2007 tree, where MySQL used the ANSI builder unchanged.
"""

from django_legacy.db.backends.ansi.sql import BoundStatement, SchemaBuilder, plain_style


class MySqlSchemaBuilder(SchemaBuilder):
    """Drops with cascade by asking the server for the foreign keys that
    refer to the table: a reference written inline (``REFERENCES``) gets a
    name chosen by the server, not the ``<col>_refs_<col>_<hex>`` of an
    ALTER TABLE, and ``DROP FOREIGN KEY`` needs the real one. (So a drop
    with cascade needs the server, where the ANSI builder can do with a
    given table list.)"""

    def get_drop_table(self, model, cascade=False, style=None):
        """Returns the ANSI statements without cascade. With cascade: an
        ``ALTER TABLE ... DROP FOREIGN KEY`` for each foreign key of another
        table that refers to this one and still exists (by ``tables``, read
        from the server when unknown), then the model's existing join tables,
        then the table."""
        if not cascade:
            return super().get_drop_table(model, cascade, style)
        style = style or plain_style
        db = self._db(model)
        qn = db.backend.quote_name
        table = model._meta.db_table
        join_tables = [field.m2m_db_table() for field in model._meta.many_to_many
                       if self.table_exists(db, field.m2m_db_table())]
        introspection = db.get_introspection_module()
        statements = []
        for r_table, name in introspection.get_foreign_keys_to(db.connection.cursor(), table):
            if r_table == table or r_table in join_tables or not self.table_exists(db, r_table):
                continue  # goes with the table, or is gone already
            statements.append(BoundStatement('%s %s %s %s;' % (
                style.SQL_KEYWORD('ALTER TABLE'), style.SQL_TABLE(qn(r_table)),
                style.SQL_KEYWORD(db.backend.get_drop_foreignkey_sql()), style.SQL_FIELD(qn(name))),
                db.connection))
        for join_table in join_tables:
            statements.append(BoundStatement('%s %s;' % (
                style.SQL_KEYWORD('DROP TABLE'), style.SQL_TABLE(qn(join_table))), db.connection))
        statements.append(BoundStatement('%s %s;' % (
            style.SQL_KEYWORD('DROP TABLE'), style.SQL_TABLE(qn(table))), db.connection))
        return statements

    def get_flush(self, db, tables, style=None):
        """Returns a TRUNCATE per table (which restarts AUTO_INCREMENT),
        between statements that turn foreign key checks off and on again, as
        0.96 flushed MySQL."""
        if not tables:
            return []
        style = style or plain_style
        qn = db.backend.quote_name
        checks = 'SET FOREIGN_KEY_CHECKS = %d;'
        return ([BoundStatement(style.SQL_KEYWORD(checks % 0), db.connection)]
                + [BoundStatement('%s %s;' % (style.SQL_KEYWORD('TRUNCATE'),
                                              style.SQL_TABLE(qn(t))), db.connection)
                   for t in tables]
                + [BoundStatement(style.SQL_KEYWORD(checks % 1), db.connection)])

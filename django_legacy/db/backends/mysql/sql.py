"""The MySQL schema builder: the ANSI one, with drops that find the real
names of the foreign keys to remove.

New beside the 2007 tree, where MySQL used the ANSI builder unchanged.
"""

from django_legacy.db.backends.ansi.sql import SchemaBuilder


class MySqlSchemaBuilder(SchemaBuilder):
    """Drops with cascade by asking the server for the foreign keys that
    refer to the table: a reference written inline (``REFERENCES``) gets a
    name chosen by the server, not the ``<col>_refs_<col>_<hex>`` of an
    ALTER TABLE, and ``DROP FOREIGN KEY`` needs the real one. (So a drop
    with cascade needs the server, where the ANSI builder can do with a
    given table list.)"""

    # TRUNCATE restarts AUTO_INCREMENT; foreign key checks are off meanwhile, as 0.96 flushed MySQL.
    sql_flush_table = 'TRUNCATE %(table)s;'
    sql_flush_before = 'SET FOREIGN_KEY_CHECKS = 0;'
    sql_flush_after = 'SET FOREIGN_KEY_CHECKS = 1;'

    def get_drop_constraints(self, model, join_tables, style=None):
        """Returns an ``ALTER TABLE ... DROP FOREIGN KEY`` for each foreign
        key of another existing table (not one of ``join_tables``) that
        refers to ``model``'s table, by the names the server reports."""
        db, table = self._db(model), model._meta.db_table
        introspection = db.get_introspection_module()
        drop = db.backend.get_drop_foreignkey_sql()
        return [self.statement(db, self.sql_drop_foreign_key, style, table=r_table, drop=drop, name=name)
                for r_table, name in introspection.get_foreign_keys_to(db.connection.cursor(), table)
                if r_table != table and r_table not in join_tables and self.table_exists(db, r_table)]

    def _may_exist(self, db, table):
        "A cascade asks the server anyway: so does the table exist there?"
        return self.table_exists(db, table)

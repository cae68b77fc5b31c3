"""Schema SQL built per model and bound to the model's connection (rebuilds django/db/backends/ansi/sql.py).

A SchemaBuilder returns statements and runs none of them: Manager.install
and drop, and the management actions, execute or print what it returns.
Each statement is a BoundStatement, which knows the connection it belongs to.
"""

import os
import re
import sys
import zlib

from django_legacy.db.backends import split_statements


class BoundStatement:
    "A SQL statement and the DatabaseWrapper it is to run on."

    def __init__(self, sql, connection):
        self.sql = sql
        self.connection = connection

    def execute(self):
        "Runs the statement on its connection; returns the cursor."
        cursor = self.connection.cursor()
        cursor.execute(self.sql)
        return cursor

    def __repr__(self):
        return 'BoundStatement(%r)' % (self.sql,)

    def __str__(self):
        return self.sql

    def __eq__(self, other):
        return (isinstance(other, BoundStatement) and self.sql == other.sql
                and self.connection is other.connection)

    def __hash__(self):
        return hash(self.sql)


class _PlainStyle:
    "A style that leaves text as it is."

    def __getattr__(self, name):
        if name in ('ERROR', 'ERROR_OUTPUT', 'SQL_FIELD', 'SQL_COLTYPE', 'SQL_KEYWORD',
                    'SQL_TABLE', 'NOTICE'):
            return str
        raise AttributeError(name)


plain_style = _PlainStyle()


def constraint_name(referenced_column, referencing_column, referencing_table, referenced_table):
    """Returns ``<referenced column>_refs_<referencing column>_<hex>``.

    The hex part is the CRC-32 of ``'<referencing table>,<referenced table>'``,
    so the same tables give the same name in every process (the branch used
    hash(), which Python 3 randomizes per process).
    """
    digest = zlib.crc32(('%s,%s' % (referencing_table, referenced_table)).encode('utf-8'))
    return '%s_refs_%s_%x' % (referenced_column, referencing_column, digest)


def index_name(qn, table, column):
    """Returns ``<table>_<column>``, unquoted as 0.96 wrote it when it is one
    word, quoted by ``qn`` when it holds anything else."""
    name = '%s_%s' % (table, column)
    return name if re.fullmatch(r'\w+', name) else qn(name)


class SchemaBuilder:
    """Builds CREATE, DROP, index and initial-data statements for models.

    ``models_already_seen`` holds the models whose tables the statements
    built so far create; a reference to one of them is written inline,
    others are left pending. ``tables`` caches the table list of the
    database (None until read).
    """

    # Does a REFERENCES clause end with the backend's deferrable_sql? Not in
    # the ANSI builder, as in the branch (whose ansi_sql test expects a bare
    # REFERENCES on every backend); a backend's own builder may say yes.
    deferrable_references = False

    def __init__(self):
        self.models_already_seen = set()
        self.references = None
        self.tables = None

    @staticmethod
    def _db(model):
        return model._default_manager.db

    def _deferrable(self, db):
        "What follows a REFERENCES clause on ``db``: '' unless deferrable_references."
        return db.backend.deferrable_sql if self.deferrable_references else ''

    def get_create_table(self, model, style=None, pending=None):
        """Returns (statements, pending): the CREATE TABLE for ``model`` and
        the references still waiting for their target, a dict mapping a
        model to a list of (referencing model, field).

        If ``model`` is itself awaited in ``pending`` and the backend supports
        constraints, the ALTER TABLE statements for those references follow.
        """
        style = style or plain_style
        pending = {} if pending is None else pending
        self.models_already_seen.add(model)
        db = self._db(model)
        opts, qn = model._meta, db.backend.quote_name
        data_types = db.get_creation_module().DATA_TYPES
        lines = []
        for field in opts.fields:
            column_type = field.db_type(data_types)
            if column_type is None:
                continue
            parts = [style.SQL_FIELD(qn(field.column)), style.SQL_COLTYPE(column_type),
                     style.SQL_KEYWORD('%sNULL' % ('' if field.null else 'NOT '))]
            if field.unique and not field.primary_key:
                parts.append(style.SQL_KEYWORD('UNIQUE'))
            if field.primary_key:
                parts.append(style.SQL_KEYWORD('PRIMARY KEY'))
            if field.rel is not None:
                target = field.rel.to
                if target in self.models_already_seen:
                    parts.append('%s %s (%s)%s' % (
                        style.SQL_KEYWORD('REFERENCES'), style.SQL_TABLE(qn(target._meta.db_table)),
                        style.SQL_FIELD(qn(field.rel.get_related_field().column)),
                        style.SQL_KEYWORD(self._deferrable(db))))
                else:
                    pending.setdefault(target, []).append((model, field))
            lines.append(' '.join(parts))
        if opts.order_with_respect_to:
            lines.append('%s %s %s' % (style.SQL_FIELD(qn('_order')),
                                       style.SQL_COLTYPE(data_types['IntegerField']),
                                       style.SQL_KEYWORD('NULL')))
        for names in opts.unique_together:
            lines.append('%s (%s)' % (style.SQL_KEYWORD('UNIQUE'), ', '.join(
                style.SQL_FIELD(qn(opts.get_field(name).column)) for name in names)))
        sql = '%s %s (\n    %s\n);' % (style.SQL_KEYWORD('CREATE TABLE'),
                                       style.SQL_TABLE(qn(opts.db_table)), ',\n    '.join(lines))
        statements = [BoundStatement(sql, db.connection)]
        if model in pending:
            if db.backend.supports_constraints:
                for rel_class, field in pending[model]:
                    statements.append(self.get_ref_sql(model, rel_class, field, style))
            del pending[model]
        return statements, pending

    def get_ref_sql(self, model, rel_class, field, style=None):
        """Returns the BoundStatement that adds the constraint from
        ``rel_class.field`` to ``model``'s table, on rel_class's connection."""
        style = style or plain_style
        db = self._db(rel_class)
        qn = db.backend.quote_name
        table, r_table = model._meta.db_table, rel_class._meta.db_table
        column, r_column = field.rel.get_related_field().column, field.column
        sql = '%s %s %s %s %s (%s) %s %s (%s)%s;' % (
            style.SQL_KEYWORD('ALTER TABLE'), style.SQL_TABLE(qn(r_table)),
            style.SQL_KEYWORD('ADD CONSTRAINT'),
            style.SQL_FIELD(qn(constraint_name(column, r_column, r_table, table))),
            style.SQL_KEYWORD('FOREIGN KEY'), style.SQL_FIELD(qn(r_column)),
            style.SQL_KEYWORD('REFERENCES'), style.SQL_TABLE(qn(table)), style.SQL_FIELD(qn(column)),
            style.SQL_KEYWORD(self._deferrable(db)))
        return BoundStatement(sql, db.connection)

    def get_create_indexes(self, model, style=None):
        "Returns a CREATE INDEX statement for each field with db_index."
        style = style or plain_style
        db = self._db(model)
        qn, table = db.backend.quote_name, model._meta.db_table
        statements = []
        for field in model._meta.fields:
            if field.db_index and not field.primary_key:
                sql = '%s %s %s %s (%s);' % (
                    style.SQL_KEYWORD('CREATE %sINDEX' % ('UNIQUE ' if field.unique else '')),
                    style.SQL_TABLE(index_name(qn, table, field.column)), style.SQL_KEYWORD('ON'),
                    style.SQL_TABLE(qn(table)), style.SQL_FIELD(qn(field.column)))
                statements.append(BoundStatement(sql, db.connection))
        return statements

    def get_create_many_to_many(self, model, style=None):
        """Returns {target model: [BoundStatement]}: the CREATE TABLE of each
        many-to-many field's join table, keyed by the model it points at."""
        result = {}
        for field in model._meta.many_to_many:
            result.setdefault(field.rel.to, []).append(
                self.get_create_join_table(model, field, style))
        return result

    def get_create_join_table(self, model, field, style=None):
        """Returns the CREATE TABLE of ``model.field``'s join table: an id,
        a NOT NULL reference to each side, and UNIQUE over the pair."""
        style = style or plain_style
        db = self._db(model)
        qn = db.backend.quote_name
        data_types = db.get_creation_module().DATA_TYPES
        near, far = field.m2m_column_name(), field.m2m_reverse_name()

        def reference(column, to):
            pk = to._meta.pk
            return '%s %s %s %s (%s)%s' % (
                style.SQL_FIELD(qn(column)),
                style.SQL_COLTYPE(data_types[self.get_rel_data_type(pk)] % pk.__dict__),
                style.SQL_KEYWORD('NOT NULL REFERENCES'), style.SQL_TABLE(qn(to._meta.db_table)),
                style.SQL_FIELD(qn(pk.column)), style.SQL_KEYWORD(self._deferrable(db)))
        lines = ['%s %s %s' % (style.SQL_FIELD(qn('id')), style.SQL_COLTYPE(data_types['AutoField']),
                               style.SQL_KEYWORD('NOT NULL PRIMARY KEY')),
                 reference(near, model), reference(far, field.rel.to),
                 '%s (%s, %s)' % (style.SQL_KEYWORD('UNIQUE'), style.SQL_FIELD(qn(near)),
                                  style.SQL_FIELD(qn(far)))]
        sql = '%s %s (\n    %s\n);' % (style.SQL_KEYWORD('CREATE TABLE'),
                                        style.SQL_TABLE(qn(field.m2m_db_table())),
                                        ',\n    '.join(lines))
        return BoundStatement(sql, db.connection)

    def get_drop_table(self, model, cascade=False, style=None):
        """Returns the statements that drop ``model``'s table.

        With ``cascade``: first the constraints that other existing tables
        hold on it (where the backend supports constraints), then its
        many-to-many tables (those in ``tables``, when the table list is
        known), then the table, so that each statement can run.
        """
        style = style or plain_style
        db = self._db(model)
        qn = db.backend.quote_name
        table = model._meta.db_table
        drop = BoundStatement('%s %s;' % (style.SQL_KEYWORD('DROP TABLE'), style.SQL_TABLE(qn(table))),
                              db.connection)
        if not cascade:
            return [drop]
        statements = []
        for rel_class, field in self.get_references().get(model, []):
            rel_db = self._db(rel_class)
            if rel_class is model or not rel_db.backend.supports_constraints:
                continue
            r_table = rel_class._meta.db_table
            if not self.table_exists(rel_db, r_table):
                continue
            name = constraint_name(field.rel.get_related_field().column, field.column,
                                   r_table, table)
            statements.append(BoundStatement('%s %s %s %s;' % (
                style.SQL_KEYWORD('ALTER TABLE'), style.SQL_TABLE(qn(r_table)),
                style.SQL_KEYWORD(rel_db.backend.get_drop_foreignkey_sql()),
                style.SQL_FIELD(qn(name))), rel_db.connection))
        for field in model._meta.many_to_many:
            if self.tables is not None and field.m2m_db_table() not in self.tables:
                continue  # the join table waits for its target and was never made
            statements.append(BoundStatement('%s %s;' % (
                style.SQL_KEYWORD('DROP TABLE'), style.SQL_TABLE(qn(field.m2m_db_table()))),
                db.connection))
        statements.append(drop)
        return statements

    def get_flush(self, db, tables, style=None):
        """Returns the statements that empty ``tables`` on ``db`` (a
        ConnectionInfo): one DELETE each, in the order given."""
        style = style or plain_style
        qn = db.backend.quote_name
        return [BoundStatement('%s %s;' % (style.SQL_KEYWORD('DELETE FROM'),
                                           style.SQL_TABLE(qn(table))), db.connection)
                for table in tables]

    def get_initialdata(self, model):
        """Returns the statements of ``<app dir>/sql/<model>.<engine>.sql``
        then ``<app dir>/sql/<model>.sql``, one each unless the backend runs
        compound statements."""
        db = self._db(model)
        directory = os.path.join(self.get_initialdata_path(model))
        name = model._meta.object_name.lower()
        engine = db.settings.DATABASE_ENGINE
        statements = []
        for filename in ('%s.%s.sql' % (name, engine), '%s.sql' % name):
            path = os.path.join(directory, filename)
            if not os.path.exists(path):
                continue
            with open(path, encoding='utf-8') as f:
                text = '\n'.join(line for line in f.read().splitlines()
                                 if not line.lstrip().startswith('--'))
            if db.backend.supports_compound_statements:
                chunks = [text.strip()] if text.strip() else []
            else:
                chunks = split_statements(text)
            statements.extend(BoundStatement(sql, db.connection) for sql in chunks)
        return statements

    def get_initialdata_path(self, model):
        "Returns the directory that holds the model's initial SQL files."
        module = sys.modules[model.__module__]
        return os.path.join(os.path.dirname(os.path.abspath(module.__file__)), 'sql')

    def get_rel_data_type(self, field):
        "Returns the DATA_TYPES key of a column that references ``field``."
        from django_legacy.db.models.fields.related import rel_data_type
        return rel_data_type(field)

    def get_references(self):
        """Returns {model: [(referencing model, field)]} for every foreign key
        among the registered models (cached in ``references``)."""
        if self.references is None:
            from django_legacy.db.models import loading
            references = {}
            for model in loading.all_models():
                for field in model._meta.fields:
                    if field.rel is not None and not isinstance(field.rel.to, str):
                        references.setdefault(field.rel.to, []).append((model, field))
            self.references = references
        return self.references

    def get_table_list(self, db):
        "Returns the names of the tables on connection ``db`` (a ConnectionInfo)."
        return db.get_introspection_module().get_table_list(db.connection.cursor())

    def table_exists(self, db, table):
        "True if ``table`` is in the (cached) table list of ``db``."
        if self.tables is None:
            self.tables = self.get_table_list(db)
        return table in self.tables

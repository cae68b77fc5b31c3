"""Schema SQL built per model and bound to the model's connection (rebuilds django/db/backends/ansi/sql.py).

A SchemaBuilder returns statements and runs none of them: Manager.install
and drop, and the management actions, execute or print what it returns.
Each statement is a BoundStatement, which knows the connection it belongs to.

The statements are named templates on the class (``sql_create_table`` and
so on) with named placeholders; a backend's builder changes a template, not
a method. ``creation.builder`` of each backend is a template builder that
is never changed; ``creation.get_builder(connection_info)`` returns a new
one bound to a connection, which owns what a plan knows: the tables there,
the models its statements create, and the references still waiting.
"""

import os
import re
import sys
import zlib

from django_legacy.db.backends import DatabaseError, split_statements


class BoundStatement:
    """A SQL statement and the DatabaseWrapper it is to run on; ``source``
    names the file it was read from (initial SQL), or is None."""

    def __init__(self, sql, connection, source=None):
        self.sql = sql
        self.connection = connection
        self.source = source

    def execute(self):
        "Runs the statement on its connection; returns the cursor."
        cursor = self.connection.cursor()
        try:
            cursor.execute(self.sql)
        except DatabaseError as e:
            raise self.named(e) from e
        return cursor

    def named(self, error):
        """Returns ``error`` (a DatabaseError) as raised by this statement:
        when it was read from a file, a new error of the same class whose
        one-line message names the file and the statement."""
        if self.source is None:
            return error
        statement = ' '.join(self.sql.split())
        if len(statement) > 100:
            statement = statement[:97] + '...'
        return type(error)('%s: %s (in the statement: %s)'
                           % (self.source, str(error).strip().replace('\n', ' '), statement))

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


# A placeholder, and a run of upper-case words (the keywords a style marks)
# in the text between placeholders.
_PLACEHOLDER = re.compile(r'%\((\w+)\)s')
_KEYWORDS = re.compile(r'[A-Z][A-Z_]*(?: [A-Z][A-Z_]*)*')

# How each placeholder is written: (style role, quoted as a name?).
# Placeholders not listed (whole definitions, lists of columns already
# written, sequence names) are filled in as given.
PLACEHOLDER_ROLES = {
    'table': ('SQL_TABLE', True), 'to_table': ('SQL_TABLE', True),
    'index': ('SQL_TABLE', False),
    'column': ('SQL_FIELD', True), 'to_column': ('SQL_FIELD', True), 'name': ('SQL_FIELD', True),
    'type': ('SQL_COLTYPE', False),
    'drop': ('SQL_KEYWORD', False), 'deferrable': ('SQL_KEYWORD', False),
}


def render(template, quote_name, style, **values):
    """Returns ``template`` with its ``%(name)s`` placeholders filled from
    ``values``: names quoted with ``quote_name`` where PLACEHOLDER_ROLES
    says so, and each part passed through its role in ``style``."""
    pieces = _PLACEHOLDER.split(template)
    for i, piece in enumerate(pieces):
        if i % 2 == 0:
            pieces[i] = _KEYWORDS.sub(lambda m: style.SQL_KEYWORD(m.group()), piece)
        elif piece in PLACEHOLDER_ROLES:
            role, quoted = PLACEHOLDER_ROLES[piece]
            value = quote_name(values[piece]) if quoted else values[piece]
            pieces[i] = getattr(style, role)(value)
        else:
            pieces[i] = values[piece]
    return ''.join(pieces)


class SchemaBuilder:
    """Builds CREATE, DROP, index and initial-data statements for models.

    ``connection_info`` is the connection the builder is bound to (None for
    a template builder such as ``creation.builder``). ``models_already_seen``
    holds the models whose tables the statements built so far create;
    ``tables`` the table list of the bound connection (None until read);
    ``pending`` the references still waiting for their target,
    {referenced model: [(referencing model, field)]}, foreign keys and
    many-to-many fields alike. A reference to a model that is seen, or
    whose table is in ``tables``, is written at once; others wait.
    """

    sql_create_table = 'CREATE TABLE %(table)s (\n    %(definition)s\n);'
    # %(deferrable)s is the backend's deferrable_sql where deferrable_references
    # says so, else ''.
    sql_inline_reference = 'REFERENCES %(to_table)s (%(to_column)s)%(deferrable)s'
    sql_unique = 'UNIQUE (%(columns)s)'
    sql_join_table_id = '%(column)s %(type)s NOT NULL PRIMARY KEY'
    sql_join_table_reference = ('%(column)s %(type)s NOT NULL REFERENCES %(to_table)s (%(to_column)s)'
                                '%(deferrable)s')
    sql_order_column = '%(column)s %(type)s NULL'
    sql_create_foreign_key = ('ALTER TABLE %(table)s ADD CONSTRAINT %(name)s FOREIGN KEY (%(column)s) '
                              'REFERENCES %(to_table)s (%(to_column)s)%(deferrable)s;')
    # %(drop)s is the backend's get_drop_foreignkey_sql() (DROP CONSTRAINT, DROP FOREIGN KEY).
    sql_drop_foreign_key = 'ALTER TABLE %(table)s %(drop)s %(name)s;'
    sql_create_index = 'CREATE INDEX %(index)s ON %(table)s (%(column)s);'
    sql_create_unique_index = 'CREATE UNIQUE INDEX %(index)s ON %(table)s (%(column)s);'
    sql_drop_table = 'DROP TABLE %(table)s;'
    sql_drop_table_cascade = 'DROP TABLE %(table)s;'
    # Emptying tables: sql_flush_table for each table, or (if set)
    # sql_flush_tables once for all of them, between sql_flush_before and
    # sql_flush_after (if set).
    sql_flush_table = 'DELETE FROM %(table)s;'
    sql_flush_tables = sql_flush_before = sql_flush_after = None
    # Does a REFERENCES clause end with the backend's deferrable_sql? Not in
    # the ANSI builder, as in the branch (whose ansi_sql test expects a bare
    # REFERENCES on every backend); a backend's own builder may say yes.
    deferrable_references = False
    # Does sql_drop_table_cascade remove the constraints other tables hold
    # on the table (so that they need not be dropped one by one first)?
    cascade_drops_constraints = False

    def __init__(self, connection_info=None):
        self.connection_info = connection_info
        self.models_already_seen = set()
        self.pending = {}
        self.tables = None

    def bind(self, connection_info):
        "Returns a new builder of this class bound to ``connection_info``."
        return self.__class__(connection_info)

    @staticmethod
    def _db(model):
        return model._default_manager.db

    def _deferrable(self, db):
        "What follows a REFERENCES clause on ``db``: '' unless deferrable_references."
        return db.backend.deferrable_sql if self.deferrable_references else ''

    def statement(self, db, template, style=None, **values):
        "Returns a BoundStatement of ``template`` filled with ``values``, on ``db``."
        sql = render(template, db.backend.quote_name, style or plain_style, **values)
        return BoundStatement(sql, db.connection)

    # -- what exists and what waits ------------------------------------------

    def is_created(self, model):
        """Does ``model``'s table exist once the statements built so far
        have run? (Its table is read from the bound connection.)"""
        if model in self.models_already_seen:
            return True
        return self.connection_info is not None and self.has_table(model._meta.db_table)

    def has_table(self, table):
        "Is ``table`` on the bound connection (by ``tables``, read once)?"
        return table in self.existing_tables()

    def existing_tables(self):
        "Returns ``tables``, reading it from the bound connection if unknown."
        if self.tables is None:
            self.tables = self.get_table_list(self.connection_info)
        return self.tables

    def forget(self, model):
        """Records that ``model``'s table and join tables are gone (dropped
        by statements built before those that follow)."""
        gone = {model._meta.db_table} | {f.m2m_db_table() for f in model._meta.many_to_many}
        if self.tables is not None:
            self.tables = [t for t in self.tables if t not in gone]
        self.models_already_seen.discard(model)

    def references_to(self, model):
        "Returns [(referencing model, field)] for every foreign key to ``model``."
        return [(related.model, related.field)
                for related in model._meta.get_all_related_objects()]

    # -- creating ------------------------------------------------------------

    def plan_install(self, model, initial_data=False, indexes=True):
        """Returns the statements that create ``model``'s table, the
        constraints and join tables that waited for it, its indexes (with
        ``indexes``), the join tables whose other side is created, and with
        ``initial_data`` its initial SQL. What cannot be created yet is
        added to ``pending``."""
        waiting = self.pending.pop(model, [])
        later_joins = [(cls, f) for cls, f in waiting if f.rel.multiple_targets]
        references = [(cls, f) for cls, f in waiting if not f.rel.multiple_targets]
        if references:
            self.pending[model] = references
        statements, _ = self.get_create_table(model, pending=self.pending)
        if indexes:
            statements += self.get_create_indexes(model)
        for field in model._meta.many_to_many:
            if self.is_created(field.rel.to):
                statements.append(self.get_create_join_table(model, field))
            else:
                self.pending.setdefault(field.rel.to, []).append((model, field))
        statements += [self.get_create_join_table(cls, field) for cls, field in later_joins]
        if initial_data:
            statements += self.get_initialdata(model)
        return statements

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
        lines = [self._column_definition(model, field, column_type, pending, qn, style)
                 for field, column_type in ((f, f.db_type(data_types)) for f in opts.fields)
                 if column_type is not None]
        if opts.order_with_respect_to:
            lines.append(render(self.sql_order_column, qn, style, column='_order',
                                type=data_types['IntegerField']))
        for names in opts.unique_together:
            lines.append(self._unique([opts.get_field(name).column for name in names], qn, style))
        statements = [self.statement(db, self.sql_create_table, style, table=opts.db_table,
                                     definition=',\n    '.join(lines))]
        if model in pending:
            if db.backend.supports_constraints:
                statements += [self.get_ref_sql(model, rel_class, field, style)
                               for rel_class, field in pending[model]]
            del pending[model]
        return statements, pending

    def _column_definition(self, model, field, column_type, pending, qn, style):
        "Returns one column's line of a CREATE TABLE; a reference to a model not created waits."
        parts = [style.SQL_FIELD(qn(field.column)), style.SQL_COLTYPE(column_type),
                 style.SQL_KEYWORD('%sNULL' % ('' if field.null else 'NOT '))]
        if field.unique and not field.primary_key:
            parts.append(style.SQL_KEYWORD('UNIQUE'))
        if field.primary_key:
            parts.append(style.SQL_KEYWORD('PRIMARY KEY'))
        if field.rel is not None:
            target = field.rel.to
            if self.is_created(target):
                parts.append(render(self.sql_inline_reference, qn, style, to_table=target._meta.db_table,
                                    to_column=field.rel.get_related_field().column,
                                    deferrable=self._deferrable(self._db(model))))
            else:
                pending.setdefault(target, []).append((model, field))
        return ' '.join(parts)

    def _unique(self, columns, qn, style):
        return render(self.sql_unique, qn, style,
                      columns=', '.join(style.SQL_FIELD(qn(column)) for column in columns))

    def get_ref_sql(self, model, rel_class, field, style=None):
        """Returns the BoundStatement that adds the constraint from
        ``rel_class.field`` to ``model``'s table, on rel_class's connection."""
        table, r_table = model._meta.db_table, rel_class._meta.db_table
        column, r_column = field.rel.get_related_field().column, field.column
        db = self._db(rel_class)
        return self.statement(db, self.sql_create_foreign_key, style, table=r_table,
                              name=constraint_name(column, r_column, r_table, table), column=r_column,
                              to_table=table, to_column=column, deferrable=self._deferrable(db))

    def get_create_indexes(self, model, style=None):
        "Returns a CREATE INDEX statement for each field with db_index."
        db, table = self._db(model), model._meta.db_table
        return [self.statement(db, self.sql_create_unique_index if field.unique else self.sql_create_index,
                               style, index=index_name(db.backend.quote_name, table, field.column), table=table,
                               column=field.column)
                for field in model._meta.fields if field.db_index and not field.primary_key]

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
            return render(self.sql_join_table_reference, qn, style, column=column,
                          type=data_types[self.get_rel_data_type(pk)] % pk.__dict__,
                          to_table=to._meta.db_table, to_column=pk.column,
                          deferrable=self._deferrable(db))
        lines = [render(self.sql_join_table_id, qn, style, column='id', type=data_types['AutoField']),
                 reference(near, model), reference(far, field.rel.to),
                 self._unique([near, far], qn, style)]
        return self.statement(db, self.sql_create_table, style, table=field.m2m_db_table(),
                              definition=',\n    '.join(lines))

    # -- dropping ------------------------------------------------------------

    def get_drop_table(self, model, cascade=False, style=None):
        """Returns the statements that drop ``model``'s table.

        With ``cascade``: first the constraints that other existing tables
        hold on it (unless the backend's cascade drop removes them), then
        its many-to-many tables (those that exist, when the table list is
        known), then the table, so that each statement can run.
        """
        db, table = self._db(model), model._meta.db_table
        if not cascade:
            return [self.statement(db, self.sql_drop_table, style, table=table)]
        join_tables = [f.m2m_db_table() for f in model._meta.many_to_many
                       if self._may_exist(db, f.m2m_db_table())]
        statements = []
        if not self.cascade_drops_constraints:
            statements += self.get_drop_constraints(model, join_tables, style)
        statements += [self.statement(db, self.sql_drop_table, style, table=t) for t in join_tables]
        statements.append(self.statement(db, self.sql_drop_table_cascade, style, table=table))
        return statements

    def _may_exist(self, db, table):
        "Can ``table`` exist on ``db``? (Yes, when an unbound builder has no table list.)"
        if self.connection_info is None and self.tables is None:
            return True
        return self.table_exists(db, table)

    def get_drop_constraints(self, model, join_tables, style=None):
        """Returns the statements that drop the constraints of other existing
        tables (not ``join_tables``, which go too) on ``model``'s table."""
        table, statements = model._meta.db_table, []
        for rel_class, field in self.references_to(model):
            rel_db, r_table = self._db(rel_class), rel_class._meta.db_table
            if (rel_class is model or r_table in join_tables or not rel_db.backend.supports_constraints
                    or not self.table_exists(rel_db, r_table)):
                continue
            name = constraint_name(field.rel.get_related_field().column, field.column, r_table, table)
            statements.append(self.statement(rel_db, self.sql_drop_foreign_key, style, table=r_table,
                                             drop=rel_db.backend.get_drop_foreignkey_sql(), name=name))
        return statements

    # -- emptying -------------------------------------------------------------

    def get_flush(self, db, tables, style=None):
        """Returns the statements that empty ``tables`` on ``db`` (a
        ConnectionInfo), in the order given: by default one DELETE each."""
        if not tables:
            return []
        if self.sql_flush_tables is None:
            statements = [self.statement(db, self.sql_flush_table, style, table=t) for t in tables]
        else:
            written = ', '.join((style or plain_style).SQL_TABLE(db.backend.quote_name(t)) for t in tables)
            statements = [self.statement(db, self.sql_flush_tables, style, tables=written)]
        before = [self.statement(db, self.sql_flush_before, style)] if self.sql_flush_before else []
        after = [self.statement(db, self.sql_flush_after, style)] if self.sql_flush_after else []
        return before + statements + after

    # -- initial data --------------------------------------------------------

    def get_initialdata(self, model):
        """Returns the statements of ``<app dir>/sql/<model>.<engine>.sql``
        then ``<app dir>/sql/<model>.sql``, one each unless the backend runs
        compound statements."""
        db = self._db(model)
        directory = self.get_initialdata_path(model)
        name = model._meta.object_name.lower()
        statements = []
        for filename in ('%s.%s.sql' % (name, db.settings.DATABASE_ENGINE), '%s.sql' % name):
            path = os.path.join(directory, filename)
            if os.path.exists(path):
                statements += [BoundStatement(sql, db.connection, path)
                               for sql in self._read_statements(path, db.backend)]
        return statements

    @staticmethod
    def _read_statements(path, backend):
        "Returns the statements of an SQL file, its -- comment lines left out."
        with open(path, encoding='utf-8') as f:
            text = '\n'.join(line for line in f.read().splitlines()
                             if not line.lstrip().startswith('--'))
        if backend.supports_compound_statements:
            return [text.strip()] if text.strip() else []
        return split_statements(text)

    def get_initialdata_path(self, model):
        "Returns the directory that holds the model's initial SQL files."
        module = sys.modules[model.__module__]
        return os.path.join(os.path.dirname(os.path.abspath(module.__file__)), 'sql')

    def get_rel_data_type(self, field):
        "Returns the DATA_TYPES key of a column that references ``field``."
        from django_legacy.db.models.fields.related import rel_data_type
        return rel_data_type(field)

    # -- the database's table list --------------------------------------------

    def get_table_list(self, db):
        "Returns the names of the tables on connection ``db`` (a ConnectionInfo)."
        return db.get_introspection_module().get_table_list(db.connection.cursor())

    def table_exists(self, db, table):
        """True if ``table`` is on connection ``db``: by ``tables`` for the
        bound connection (or any, for an unbound builder given a list), read
        from the database otherwise."""
        if db is self.connection_info:
            return self.has_table(table)
        if self.connection_info is None and self.tables is not None:
            return table in self.tables
        return table in self.get_table_list(db)

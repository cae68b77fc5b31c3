"""The exact SQL of every SchemaBuilder method, on sqlite3, postgresql and mysql.

Building SQL needs neither a server nor a driver: the postgresql and mysql
connections here are never opened.
"""

import sys

import pytest

from django_legacy.db.backends.ansi.sql import BoundStatement, SchemaBuilder, constraint_name
from django_legacy.db.backends.postgresql.sql import PgSchemaBuilder
from tests.helpers import place_on_engine
from tests.testapp.models import Author, Book, Node, Tag


class Style:
    def __getattr__(self, name):
        return lambda text: '%s(%s)' % (name, text)


@pytest.fixture(params=['sqlite3', 'postgresql', 'mysql'])
def engine(request, isolated_settings):
    "Places the testapp models on a connection of each engine."
    return place_on_engine(isolated_settings, request.param, 'testapp')


Q = {'sqlite3': '"%s"', 'postgresql': '"%s"', 'mysql': '`%s`'}
TYPES = {
    'sqlite3': {'id': 'integer', 'name': 'varchar(50)', 'born': 'date', 'pages': 'integer unsigned',
                'price': 'numeric(6, 2)', 'bool': 'bool'},
    'postgresql': {'id': 'serial', 'name': 'varchar(50)', 'born': 'date',
                   'pages': 'integer CHECK ("pages" >= 0)', 'price': 'numeric(6, 2)',
                   'bool': 'boolean'},
    'mysql': {'id': 'integer AUTO_INCREMENT', 'name': 'varchar(50)', 'born': 'date',
              'pages': 'integer UNSIGNED', 'price': 'numeric(6, 2)', 'bool': 'bool'},
}

# What follows each REFERENCES clause that the engine's own builder writes
# (the ANSI builder writes none: test_ansi_builder_references_are_bare).
DEFER = {'sqlite3': '', 'postgresql': ' DEFERRABLE INITIALLY DEFERRED', 'mysql': ''}


def engine_builder():
    "A new builder of the class the testapp's connection uses."
    return Author.objects.db.get_creation_module().builder.__class__()


def q(engine, name):
    return Q[engine] % name


def test_create_table(engine):
    statements, pending = SchemaBuilder().get_create_table(Author)
    t = TYPES[engine]
    assert [str(s) for s in statements] == [
        'CREATE TABLE %s (\n    %s %s NOT NULL PRIMARY KEY,\n    %s %s NOT NULL,\n'
        '    %s %s NULL\n);' % (q(engine, 'testapp_author'), q(engine, 'id'), t['id'],
                                q(engine, 'name'), t['name'], q(engine, 'born'), t['born'])]
    assert pending == {}
    assert statements[0].connection is Author.objects.db.connection


def test_create_table_with_pending_then_inline_reference(engine):
    builder = engine_builder()
    statements, pending = builder.get_create_table(Book)
    t = TYPES[engine]
    assert str(statements[0]) == (
        'CREATE TABLE %s (\n    %s %s NOT NULL PRIMARY KEY,\n    %s varchar(100) NOT NULL,\n'
        '    %s integer NOT NULL,\n    %s %s NOT NULL,\n    %s %s NULL,\n    %s %s NOT NULL,\n'
        '    UNIQUE (%s, %s)\n);' % (
            q(engine, 'testapp_book'), q(engine, 'id'), t['id'], q(engine, 'title'),
            q(engine, 'author_id'), q(engine, 'pages'), t['pages'], q(engine, 'price'),
            t['price'], q(engine, 'in_print'), t['bool'], q(engine, 'title'),
            q(engine, 'author_id')))
    assert pending == {Author: [(Book, Book._meta.get_field('author'))]}
    statements, pending = builder.get_create_table(Author, pending=pending)
    assert pending == {}
    ref = ('ALTER TABLE %s ADD CONSTRAINT %s FOREIGN KEY (%s) REFERENCES %s (%s)%s;' % (
        q(engine, 'testapp_book'), q(engine, constraint_name('id', 'author_id', 'testapp_book',
                                                               'testapp_author')),
        q(engine, 'author_id'), q(engine, 'testapp_author'), q(engine, 'id'), DEFER[engine]))
    if engine == 'sqlite3':
        assert len(statements) == 1
    else:
        assert [str(s) for s in statements[1:]] == [ref]
    inline = builder.get_create_table(Book)[0][0]
    assert ('%s integer NOT NULL REFERENCES %s (%s)%s,' % (
        q(engine, 'author_id'), q(engine, 'testapp_author'), q(engine, 'id'),
        DEFER[engine])) in str(inline)


def test_self_reference_is_inline(engine):
    sql = str(engine_builder().get_create_table(Node)[0][0])
    assert '%s integer NULL REFERENCES %s (%s)%s' % (
        q(engine, 'parent_id'), q(engine, 'testapp_node'), q(engine, 'id'), DEFER[engine]) in sql


def test_ref_sql_and_stable_constraint_name(engine):
    field = Book._meta.get_field('author')
    statement = engine_builder().get_ref_sql(Author, Book, field)
    assert str(statement) == (
        'ALTER TABLE %s ADD CONSTRAINT %s FOREIGN KEY (%s) REFERENCES %s (%s)%s;' % (
            q(engine, 'testapp_book'), q(engine, 'id_refs_author_id_b05c73aa'),
            q(engine, 'author_id'), q(engine, 'testapp_author'), q(engine, 'id'), DEFER[engine]))
    assert Author.objects.get_pending(Book, field) == statement


def test_ansi_builder_references_are_bare(engine):
    "The branch's ansi_sql test expects a bare REFERENCES from SchemaBuilder on every backend."
    builder = SchemaBuilder()
    builder.get_create_table(Author)
    inline = str(builder.get_create_table(Book)[0][0])
    assert 'REFERENCES %s (%s),' % (q(engine, 'testapp_author'), q(engine, 'id')) in inline
    ref = str(SchemaBuilder().get_ref_sql(Author, Book, Book._meta.get_field('author')))
    assert ref.endswith('REFERENCES %s (%s);' % (q(engine, 'testapp_author'), q(engine, 'id')))


def test_indexes(engine):
    assert [str(s) for s in SchemaBuilder().get_create_indexes(Book)] == [
        'CREATE INDEX testapp_book_title ON %s (%s);' % (q(engine, 'testapp_book'),
                                                         q(engine, 'title')),
        'CREATE INDEX testapp_book_author_id ON %s (%s);' % (q(engine, 'testapp_book'),
                                                             q(engine, 'author_id'))]
    assert SchemaBuilder().get_create_indexes(Author) == []


def test_many_to_many(engine):
    t = TYPES[engine]
    result = engine_builder().get_create_many_to_many(Tag)
    assert list(result) == [Book]
    assert [str(s) for s in result[Book]] == [
        'CREATE TABLE %s (\n    %s %s NOT NULL PRIMARY KEY,\n'
        '    %s integer NOT NULL REFERENCES %s (%s)%s,\n'
        '    %s integer NOT NULL REFERENCES %s (%s)%s,\n    UNIQUE (%s, %s)\n);' % (
            q(engine, 'testapp_tag_books'), q(engine, 'id'), t['id'],
            q(engine, 'tag_id'), q(engine, 'testapp_tag'), q(engine, 'id'), DEFER[engine],
            q(engine, 'book_id'), q(engine, 'testapp_book'), q(engine, 'id'), DEFER[engine],
            q(engine, 'tag_id'), q(engine, 'book_id'))]


def test_self_many_to_many_columns(engine):
    sql = str(SchemaBuilder().get_create_many_to_many(Node)[Node][0])
    assert q(engine, 'from_node_id') in sql and q(engine, 'to_node_id') in sql


def test_drop(engine):
    builder = Author.objects.db.get_creation_module().builder.__class__()
    builder.tables = ['testapp_author', 'testapp_book', 'testapp_tag', 'testapp_tag_books']
    assert [str(s) for s in builder.get_drop_table(Book)] == [
        'DROP TABLE %s;' % q(engine, 'testapp_book')]
    if engine == 'mysql':
        return  # a cascade on MySQL reads the names of foreign keys from the server: test_mysql.py
    expected = {
        'sqlite3': ['DROP TABLE "testapp_author";'],
        'postgresql': ['DROP TABLE "testapp_author" CASCADE;'],
    }
    assert [str(s) for s in builder.get_drop_table(Author, cascade=True)] == expected[engine]
    last = 'DROP TABLE %s%s;' % (q(engine, 'testapp_tag'), ' CASCADE' if engine == 'postgresql' else '')
    assert [str(s) for s in builder.get_drop_table(Tag, cascade=True)] == [
        'DROP TABLE %s;' % q(engine, 'testapp_tag_books'), last]
    builder.tables = ['testapp_tag']
    assert [str(s) for s in builder.get_drop_table(Tag, cascade=True)] == [last]


def test_initial_data(engine):
    statements = [str(s) for s in SchemaBuilder().get_initialdata(Author)]
    plain = ["INSERT INTO testapp_author (name) VALUES ('Ann; the first');",
             "INSERT INTO testapp_author (name) VALUES ('Bob');"]
    if engine == 'postgresql':
        assert statements == ["INSERT INTO testapp_author (name) VALUES ('Pat');",
                              '\n'.join(plain)]
    else:
        assert statements == plain


def test_styles(engine):
    statements, _ = SchemaBuilder().get_create_table(Author, style=Style())
    assert str(statements[0]).startswith(
        'SQL_KEYWORD(CREATE TABLE) SQL_TABLE(%s) (\n    SQL_FIELD(%s) SQL_COLTYPE(%s) '
        'SQL_KEYWORD(NOT NULL) SQL_KEYWORD(PRIMARY KEY),' % (
            q(engine, 'testapp_author'), q(engine, 'id'), TYPES[engine]['id']))


def test_sequence_reset_on_postgresql(isolated_settings):
    isolated_settings.OTHER_DATABASES['other'] = {
        'DATABASE_ENGINE': 'postgresql', 'DATABASE_NAME': 'nowhere', 'MODELS': ['testapp']}
    builder = Tag.objects.db.get_creation_module().builder
    assert isinstance(builder, PgSchemaBuilder)
    assert [str(s) for s in builder.get_sequence_reset(Tag)] == [
        'SELECT setval(\'testapp_tag_id_seq\', (SELECT max("id") FROM "testapp_tag"));',
        'SELECT setval(\'testapp_tag_books_id_seq\', (SELECT max("id") FROM "testapp_tag_books"));']


def test_bound_statement():
    a = BoundStatement('SELECT 1', 'c1')
    assert repr(a) == "BoundStatement('SELECT 1')" and str(a) == 'SELECT 1'
    assert a == BoundStatement('SELECT 1', 'c1') and a != BoundStatement('SELECT 1', 'c2')
    assert a != BoundStatement('SELECT 2', 'c1')


def test_constraint_name_is_the_same_in_another_process():
    import subprocess
    import sys
    code = ('from django_legacy.db.backends.ansi.sql import constraint_name;'
            'print(constraint_name("id", "author_id", "testapp_book", "testapp_author"))')
    names = {subprocess.run([sys.executable, '-c', code], capture_output=True, text=True,
                            env={'PYTHONHASHSEED': seed, 'PATH': ''},
                            cwd=__file__.rsplit('/tests/', 1)[0]).stdout.strip()
             for seed in ('1', '2')}
    assert names == {'id_refs_author_id_b05c73aa'}


def test_drivers_are_not_needed_to_build_sql(isolated_settings, monkeypatch):
    isolated_settings.OTHER_DATABASES['other'] = {
        'DATABASE_ENGINE': 'mysql', 'DATABASE_NAME': 'nowhere', 'MODELS': ['testapp']}
    from django_legacy.core.exceptions import ImproperlyConfigured
    # Neither driver can be imported (None in sys.modules makes import fail).
    monkeypatch.setitem(sys.modules, 'MySQLdb', None)
    monkeypatch.setitem(sys.modules, 'pymysql', None)
    SchemaBuilder().get_create_table(Author)
    with pytest.raises(ImproperlyConfigured) as raised:
        Author.objects.db.connection.cursor()
    assert "pip install 'django_legacy[mysql]'" in str(raised.value)

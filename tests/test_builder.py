"""The schema builder owns what a plan knows: bound to one connection, it
keeps the tables there, the models its statements create and the references
still waiting (foreign keys and join tables alike)."""

from django_legacy.db import connections
from tests.helpers import assert_queries, installed, qn
from tests.testapp.models import Author, Book, Counter, Node, Tag


def bound():
    return Author.objects.get_builder()


def test_get_builder_returns_a_new_builder_bound_to_the_connection(isolated_settings):
    creation = Author.objects.db.get_creation_module()
    first, second = creation.get_builder(Author.objects.db), creation.get_builder(Author.objects.db)
    assert first is not second and first is not creation.builder
    assert type(first) is type(creation.builder)
    assert first.connection_info is Author.objects.db
    assert creation.builder.connection_info is None


def test_the_template_builder_is_never_changed(isolated_settings):
    creation = Author.objects.db.get_creation_module()
    with installed(Author, Book, Tag):
        Author.objects.get_drop_statements(cascade=True)
    template = creation.builder
    assert (template.models_already_seen, template.pending, template.tables) == (set(), {}, None)


def test_foreign_keys_and_join_tables_wait_in_the_builder(isolated_settings):
    builder = bound()
    builder.tables = []          # nothing exists yet
    tag = [str(s) for s in builder.plan_install(Tag, indexes=False)]
    assert len(tag) == 1 and tag[0].startswith('CREATE TABLE %s' % qn('testapp_tag'))
    assert builder.pending == {Book: [(Tag, Tag._meta.get_field('books'))]}
    book = [str(s) for s in builder.plan_install(Book)]
    assert builder.pending == {Author: [(Book, Book._meta.get_field('author'))]}
    assert book[-1].startswith('CREATE TABLE %s' % qn('testapp_tag_books'))   # waited for Book
    builder.plan_install(Author)
    assert builder.pending == {}


def test_a_reference_to_an_existing_table_is_written_inline(isolated_settings):
    with installed(Author):
        builder = bound()
        sql = str(builder.plan_install(Book)[0])
        assert 'REFERENCES %s' % qn('testapp_author') in sql
        assert builder.pending == {}
        assert 'testapp_author' in builder.tables       # read once from the connection


def test_forget_counts_a_dropped_model_as_not_created(isolated_settings):
    builder = bound()
    builder.tables = ['testapp_tag', 'testapp_tag_books', 'testapp_book']
    assert builder.is_created(Tag)
    builder.forget(Tag)
    assert builder.tables == ['testapp_book'] and not builder.is_created(Tag)
    builder.plan_install(Tag)
    assert builder.is_created(Tag)


def test_references_come_from_the_model_layer(isolated_settings):
    builder = bound()
    assert builder.references_to(Author) == [(Book, Book._meta.get_field('author'))]
    assert (Node, Node._meta.get_field('parent')) in builder.references_to(Node)
    assert builder.references_to(Tag) == []


def test_table_exists_asks_the_connection_it_is_given(isolated_settings):
    with installed(Author):
        builder = bound()
        builder.tables = []     # what the bound connection is believed to hold
        assert not builder.table_exists(Author.objects.db, 'testapp_author')
        other = connections['_a']
        assert other is not Author.objects.db
        assert not builder.table_exists(other, 'testapp_author')
        other.connection.cursor().execute('CREATE TABLE %s (x integer)' % qn('testapp_author'))
        try:
            assert builder.table_exists(other, 'testapp_author')
        finally:
            other.connection.cursor().execute('DROP TABLE %s' % qn('testapp_author'))
            other.connection._commit()


def test_a_backend_changes_a_template_not_a_method(isolated_settings):
    class Loud(type(bound())):
        sql_drop_table = 'DROP TABLE IF EXISTS %(table)s;'
    builder = Loud(Author.objects.db)
    assert [str(s) for s in builder.get_drop_table(Author)] == [
        'DROP TABLE IF EXISTS %s;' % qn('testapp_author')]


def test_one_function_quotes_a_name_for_every_backend():
    from django_legacy.db.backends import name_quoter
    from django_legacy.db.backends.mysql import base as mysql
    from django_legacy.db.backends.postgresql import base as postgresql
    from django_legacy.db.backends.sqlite3 import base as sqlite3
    assert name_quoter('`')('a`b') == '`a``b`' and name_quoter('"')('a"b') == '"a""b"'
    assert name_quoter('"')('"done"') == '"done"' and name_quoter('"')('"a"b"') == '"""a""b"""'
    for backend in (mysql, postgresql, sqlite3):
        q = backend.quote_character
        assert backend.quote_name('x%sy' % q) == '%sx%s%sy%s' % (q, q, q, q)


# -- how many statements the fast paths run (pinned by the query log) ----------

def test_get_by_primary_key_is_one_query(isolated_settings):
    with installed(Author):
        author = Author.objects.create(name='one')
        with assert_queries(1, Author):
            assert Author.objects.get(pk=author.id).name == 'one'


def test_saving_an_existing_row_selects_then_updates_as_0_96_did(isolated_settings):
    with installed(Author):
        author = Author.objects.create(name='before')
        author.name = 'after'
        with assert_queries(2, Author) as statements:
            author.save()
    assert [s.split()[0] for s in statements] == ['SELECT', 'UPDATE']


def test_deleting_a_row_nothing_refers_to_is_one_delete(isolated_settings):
    with installed(Counter):
        row = Counter.objects.create(thread=1, serial=1)
        with assert_queries(1, Counter) as statements:
            row.delete()
        assert statements[0].startswith('DELETE FROM') and Counter.objects.count() == 0


def test_installing_one_model_without_relations_is_one_statement(isolated_settings):
    with assert_queries(1, Author) as statements:
        Author.objects.install()
    try:
        assert statements[0].startswith('CREATE TABLE')
    finally:
        Author.objects.drop()

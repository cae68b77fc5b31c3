"""The mysql backend against a real MariaDB server.

These run when a server is configured through MYSQL_HOST, MYSQL_PORT and
MYSQL_USER (``.ci/mysql run`` starts one and sets them) and skip, saying
so, when not. Each test works in two scratch databases of its own.
"""

import datetime
import io
import json
import os
import sqlite3
import sys

import pytest

from django_legacy.core.management import main
from django_legacy.db import DatabaseError, IntegrityError, connections, transaction
from django_legacy.db.backends.mysql import base, creation
from tests import servers
from tests.helpers import (
    a_drop_in_a_managed_block_loses_only_that_transaction, install_only, installed, logged,
    only_the_operation_that_met_a_drop_fails, place, run, syncdb_failing_at_trip)
from tests.servers import SCRATCH, Holder, check_existing_database_needs_noinput, scratch_databases
from tests.testapp.models import Author, Book, Node, Tag, Trip

pytestmark = servers.marks('mysql')


def server_settings(name):
    return servers.server_settings('mysql', name)


@pytest.fixture
def my(isolated_settings):
    """Two scratch databases, as connections 'ma' (Author, Book, Node, Trip)
    and 'mb' (Tag); yields the settings."""
    models = ['testapp.Author', 'testapp.Book', 'testapp.Node', 'testapp.Trip']
    with scratch_databases(isolated_settings, creation, {
            'ma': dict(server_settings(SCRATCH[0]), MODELS=models),
            'mb': dict(server_settings(SCRATCH[1]), MODELS=['testapp.Tag'])}):
        yield isolated_settings


def query(model, sql, params=()):
    cursor = model.objects.db.connection.cursor()
    cursor.execute(sql, params)
    return [tuple(row) for row in cursor.fetchall()]


def foreign_keys(model):
    return sorted(name for _, name in model.objects.db.get_introspection_module()
                  .get_foreign_keys_to(model.objects.db.connection.cursor(),
                                       model._meta.db_table))


def test_tables_are_innodb_utf8mb4_and_transactional(my):
    with installed(Author):
        assert query(Author, 'SELECT engine, table_collation FROM information_schema.tables '
                             'WHERE table_schema = DATABASE() AND table_name = %s',
                     ['testapp_author']) == [('InnoDB', 'utf8mb4_general_ci')]
        transaction.enter_transaction_management()
        transaction.managed(True)
        try:
            Author(name='gone \N{GRINNING FACE}').save()
            assert Author.objects.count() == 1
            transaction.rollback('ma')
        finally:
            transaction.managed(False)
            transaction.leave_transaction_management()
        assert Author.objects.count() == 0
        Author(name='kept \N{GRINNING FACE}').save()
        connections.reset()
        assert [a.name for a in Author.objects.all()] == ['kept \N{GRINNING FACE}']


def test_pending_reference_becomes_a_real_foreign_key(my):
    pending = Book.objects.install()
    assert pending == {Author: [(Book, Book._meta.get_field('author'))]}
    assert Author.objects.install(pending=pending) == {}
    assert foreign_keys(Author) == ['id_refs_author_id_b05c73aa']
    with pytest.raises(IntegrityError):
        Book(title='orphan', author_id=999).save()
    transaction.rollback('ma')
    drops = [str(s) for s in Author.objects.drop(cascade=True)]
    assert drops == ['ALTER TABLE `testapp_book` DROP FOREIGN KEY `id_refs_author_id_b05c73aa`;',
                     'DROP TABLE `testapp_author`;']
    Book.objects.drop()


def test_unmanaged_reads_hold_no_snapshot(my):
    "Outside a managed block a read ends its transaction, so the next one sees others' commits."
    import threading

    def write_elsewhere():
        try:
            Author(name='elsewhere').save()
        finally:
            connections.reset()
    with installed(Author):
        assert Author.objects.count() == 0
        writer = threading.Thread(target=write_elsewhere)
        writer.start()
        writer.join(30)
        assert Author.objects.count() == 1
        assert query(Author, 'SELECT @@in_transaction') == [(0,)]
        transaction.enter_transaction_management()
        transaction.managed(True)
        try:
            Author(name='pending').save()
            assert query(Author, 'SELECT @@in_transaction') == [(1,)]
            transaction.rollback('ma')
        finally:
            transaction.leave_transaction_management()
        assert [a.name for a in Author.objects.all()] == ['elsewhere']


def test_deserialized_objects_may_refer_to_rows_that_come_later(my):
    "InnoDB checks at each statement; the checks are off only around each object's save."
    from django_legacy.core import serializers
    text = ('[{"pk": "1", "model": "testapp.book", "fields": {"title": "Early", "author": 7, '
            '"pages": 1, "price": null, "in_print": true}}, '
            '{"pk": "7", "model": "testapp.author", "fields": {"name": "Late", "born": null}}]')
    with installed(Author, Book):
        transaction.enter_transaction_management()
        transaction.managed(True)
        try:
            for obj in serializers.deserialize('json', text):
                obj.save()
            transaction.commit('ma')
        finally:
            transaction.managed(False)
            transaction.leave_transaction_management()
        assert Book.objects.get(pk=1).author.name == 'Late'
        assert query(Author, 'SELECT @@foreign_key_checks') == [(1,)]
        with pytest.raises(IntegrityError):
            Book(title='orphan', author_id=999).save()


def test_loaddata_turns_the_checks_off_once_per_connection(my, tmp_path):
    "Not twice per object: once when the load first saves there, on again at its end."
    from django_legacy.core import serializers
    from django_legacy.core.management.fixtures import FixtureError, install_fixtures
    books = [{'pk': str(i), 'model': 'testapp.book', 'fields': {
        'title': 'b%d' % i, 'author': 7, 'pages': 1, 'price': None, 'in_print': True}}
        for i in range(1, 21)]
    author = {'pk': '7', 'model': 'testapp.author', 'fields': {'name': 'Late', 'born': None}}
    (tmp_path / 'forward.json').write_text(json.dumps(books + [author]), encoding='utf-8')
    broken = dict(books[0], pk='30', fields=dict(books[0]['fields'], pages='many'))
    (tmp_path / 'broken.json').write_text(json.dumps([author, broken]), encoding='utf-8')
    my.FIXTURE_DIRS = [str(tmp_path)]
    with installed(Author, Book):
        with logged(Author) as statements:
            report = install_fixtures(['forward'], verbosity=0)
        assert report.objects == 21 and Book.objects.count() == 20
        assert [s for s in statements if 'foreign_key_checks' in s] == [
            base.reference_checks_off_sql, base.reference_checks_on_sql]
        assert query(Author, 'SELECT @@foreign_key_checks') == [(1,)]
        # Inside a block of the caller's, the outer block turns them on.
        with logged(Author) as statements:
            with serializers.references_unchecked():
                install_fixtures(['forward'], verbosity=0)
                assert query(Author, 'SELECT @@foreign_key_checks') == [(0,)]
        assert [s for s in statements if 'foreign_key_checks = ' in s] == [
            base.reference_checks_off_sql, base.reference_checks_on_sql]
        assert query(Author, 'SELECT @@foreign_key_checks') == [(1,)]
        with pytest.raises(FixtureError):
            install_fixtures(['broken'], verbosity=0)
        assert query(Author, 'SELECT @@foreign_key_checks') == [(1,)]
        assert Book.objects.count() == 20
        with pytest.raises(IntegrityError):
            Book(title='orphan', author_id=999).save()


def test_drop_cascade_finds_inline_references_by_their_real_name(my):
    "Book after Author: its REFERENCES is inline and the server names it."
    place(my, 'ma', 'testapp.Tag')
    my.OTHER_DATABASES['mb']['MODELS'] = []
    with installed(Author, Book, Tag, Node):
        names = foreign_keys(Author)
        assert len(names) == 1 and not names[0].startswith('id_refs_')
        assert [str(s) for s in Author.objects.drop(cascade=True)] == [
            'ALTER TABLE `testapp_book` DROP FOREIGN KEY `%s`;' % names[0],
            'DROP TABLE `testapp_author`;']
        # Book is referenced by Tag's join table only; Node refers to itself.
        assert [str(s) for s in Book.objects.drop(cascade=True)][-1] == 'DROP TABLE `testapp_book`;'
        assert [str(s) for s in Node.objects.drop(cascade=True)] == [
            'DROP TABLE `testapp_node_friends`;', 'DROP TABLE `testapp_node`;']
        for model in (Author, Book, Node):
            model.objects.install()


def test_errors_are_the_connections_own(my):
    info = connections['ma']
    with installed(Author):
        author = Author.objects.create(name='a')
        with pytest.raises(info.IntegrityError):
            info.connection.cursor().execute(
                'INSERT INTO testapp_author (id, name) VALUES (%s, %s)', [author.id, 'x'])
        with pytest.raises(info.DatabaseError) as raised:
            info.connection.cursor().execute('SELECT nothing FROM testapp_author', ())
        assert type(raised.value) is DatabaseError and 'nothing' in str(raised.value)
        transaction.rollback('ma')
        assert Author.objects.count() == 1


def test_a_backtick_in_a_name_is_escaped(my):
    name = 'odd`name'
    quoted = base.quote_name(name)
    assert quoted == '`odd``name`'
    cursor = connections['ma'].connection.cursor()
    cursor.execute('CREATE TABLE %s (%s integer)' % (quoted, quoted), ())
    try:
        assert name in connections['ma'].get_introspection_module().get_table_list(cursor)
        cursor.execute('SELECT %s FROM %s' % (quoted, quoted), ())
        assert cursor.fetchall() == ()
    finally:
        cursor.execute('DROP TABLE %s' % quoted, ())


def test_times_dates_and_floats_round_trip(my):
    with installed(Trip):
        trip = Trip(day=datetime.date(2007, 3, 23), leaves=datetime.time(9, 30, 5),
                    booked=datetime.datetime(2007, 3, 1, 12, 0, 1))
        trip.save()
        again = Trip.objects.get(pk=trip.id)
        assert (again.day, again.leaves, again.booked) == (trip.day, trip.leaves, trip.booked)
    assert base.typecast_time(b'23:59:58.25') == datetime.time(23, 59, 58, 250000)
    assert base.typecast_time(None) is None


def test_comparisons_and_null_ordering_are_mysqls(my):
    "As in 0.96 on MySQL: exact and iexact ignore case, contains does not; NULL sorts first."
    with installed(Author):
        Author.objects.create(name='Ann', born=datetime.date(1970, 1, 1))
        Author.objects.create(name='bob')
        assert [a.name for a in Author.objects.filter(name='ann')] == ['Ann']
        assert [a.name for a in Author.objects.filter(name__contains='nn')] == ['Ann']
        assert list(Author.objects.filter(name__contains='NN')) == []
        assert [a.name for a in Author.objects.filter(name__icontains='NN')] == ['Ann']
        assert [a.name for a in Author.objects.order_by('born')] == ['bob', 'Ann']


def test_sequence_reset_is_refused_with_a_message(my):
    install_only(my, 'tests.testapp')
    out, err = io.StringIO(), io.StringIO()
    assert main(['sqlsequencereset', 'testapp'], out=out, err=err) == 0
    # Nothing for the models on MySQL (those on the default connection
    # get their statements where its engine has sequences).
    for table in ('testapp_author', 'testapp_book', 'testapp_node', 'testapp_trip',
                  'testapp_tag'):
        assert table not in out.getvalue()
    assert 'Author is configured to use database engine mysql, which does not support ' \
           'sequence reset.' in err.getvalue()


def test_database_options_reach_the_driver(my):
    my.OTHER_DATABASES['ma']['DATABASE_OPTIONS'] = {'init_command': 'SET @legacy_option = 7'}
    assert query(Author, 'SELECT @legacy_option', ()) == [(7,)]


def test_pymysql_serves_when_mysqldb_cannot_be_imported(my, monkeypatch):
    monkeypatch.setitem(sys.modules, 'MySQLdb', None)
    driver = base.import_driver()
    assert driver.__name__ == 'pymysql'
    with installed(Trip):
        Trip(day=datetime.date(2007, 1, 2), leaves=datetime.time(7, 0),
             booked=datetime.datetime(2007, 1, 1, 8, 0)).save()
        assert Trip.objects.get().leaves == datetime.time(7, 0)
        assert type(connections['ma'].connection.connection).__module__.startswith('pymysql')


def test_existing_test_database_needs_noinput(my):
    check_existing_database_needs_noinput(creation, server_settings(SCRATCH[0]))


def test_unknown_database_is_a_clear_error(isolated_settings):
    isolated_settings.OTHER_DATABASES['gone'] = server_settings('django_legacy_no_such_db')
    with pytest.raises(DatabaseError) as raised:
        connections['gone'].connection.cursor()
    assert "MySQL database 'django_legacy_no_such_db' on %s:%s" % (
        os.environ['MYSQL_HOST'], os.environ['MYSQL_PORT']) in str(raised.value)


def run_printed(printed, model):
    "Executes printed SQL statement by statement on the model's connection."
    cursor = model.objects.db.connection.cursor()
    text = '\n'.join(line for line in printed.splitlines() if not line.startswith(' -- '))
    for statement in text.split(';\n'):
        if statement.strip():
            cursor.execute(statement.strip().rstrip(';'), ())


def tables(model):
    return sorted(t for t in model.objects.get_table_list() if t.startswith('testapp'))


def test_every_sql_action_runs_on_the_server(my):
    install_only(my, 'tests.testapp')
    place(my, 'ma', 'testapp')
    my.OTHER_DATABASES['mb']['MODELS'] = []
    status, printed, err = run('sqlall', 'testapp')
    assert (status, err) == (0, '')
    run_printed(printed, Author)
    every = tables(Author)
    assert {'testapp_author', 'testapp_book', 'testapp_counter', 'testapp_node',
            'testapp_node_friends', 'testapp_tag', 'testapp_tag_books', 'testapp_trip'} <= set(every)
    assert sorted(a.name for a in Author.objects.all()) == ['Ann; the first', 'Bob']
    status, printed, err = run('sqlclear', 'testapp')
    run_printed(printed, Author)
    assert tables(Author) == []
    status, printed, err = run('sql', 'testapp')
    run_printed(printed, Author)
    status, printed, err = run('sqlindexes', 'testapp')
    assert 'CREATE INDEX testapp_book_title ON `testapp_book` (`title`);' in printed
    run_printed(printed, Author)
    assert 'testapp_book_title' in [row[2] for row in query(Author, 'SHOW INDEX FROM testapp_book')]
    Author(name='x').save()
    status, printed, err = run('sqlreset', 'testapp')
    run_printed(printed, Author)
    assert tables(Author) == every
    assert sorted(a.name for a in Author.objects.all()) == ['Ann; the first', 'Bob']
    status, printed, err = run('sqlclear', 'testapp')
    run_printed(printed, Author)
    assert run('install', 'testapp', '--verbosity', '0')[0] == 0
    assert tables(Author) == every
    assert run('reset', 'testapp', '--noinput', '--verbosity', '0')[0] == 0
    assert tables(Author) == every
    status, printed, err = run('sqlclear', 'testapp')
    run_printed(printed, Author)
    assert run('syncdb', '--verbosity', '0') == (0, '', '')
    assert tables(Author) == every


def test_syncdb_failure_keeps_the_tables_mysql_has_committed(my):
    "CREATE TABLE commits at once on MySQL, so a failed syncdb leaves what it created."
    install_only(my, 'tests.testapp')
    place(my, 'ma', 'testapp')
    my.OTHER_DATABASES['mb']['MODELS'] = []
    status, out, err = syncdb_failing_at_trip()
    assert status == 1 and 'already exists' in err
    assert 'testapp_counter' in tables(Author)


def test_install_across_mysql_and_sqlite(my, tmp_path):
    "Author, Book and Tag on MySQL, the rest of the app on SQLite: install puts each where it goes."
    my.OTHER_DATABASES['ma']['MODELS'] = ['testapp.Author', 'testapp.Book', 'testapp.Tag']
    my.OTHER_DATABASES['mb'] = {'DATABASE_ENGINE': 'sqlite3',
                                'DATABASE_NAME': str(tmp_path / 'rest.db'),
                                'MODELS': ['testapp.Counter', 'testapp.Node', 'testapp.Trip']}
    install_only(my, 'tests.testapp')
    status, printed, err = run('sqlall', 'testapp')
    assert (status, err) == (0, '')
    assert ' -- The following statements are for connection: ma\n' in printed
    assert 'CREATE TABLE `testapp_author`' in printed and 'CREATE TABLE "testapp_node"' in printed
    assert run('install', 'testapp', '--verbosity', '0')[0] == 0
    assert tables(Author) == ['testapp_author', 'testapp_book', 'testapp_tag', 'testapp_tag_books']
    names = sqlite3.connect(str(tmp_path / 'rest.db')).execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall()
    assert names == [('testapp_counter',), ('testapp_node',), ('testapp_node_friends',),
                     ('testapp_trip',)]
    assert sorted(a.name for a in Author.objects.all()) == ['Ann; the first', 'Bob']


@pytest.mark.skipif(not os.environ.get('PGHOST'), reason='no PostgreSQL server as well')
def test_install_across_mysql_and_postgresql(my):
    from django_legacy.db.backends.postgresql import creation as pg_creation
    pg = servers.server_settings('postgresql', 'django_legacy_scratch_mysql_pg')
    pg_creation.create_test_db(Holder(pg), None, verbosity=0, autoclobber=True)
    try:
        my.OTHER_DATABASES['mb'] = dict(pg, MODELS=['testapp.Tag', 'testapp.Node'])
        my.OTHER_DATABASES['ma']['MODELS'] = ['testapp.Author', 'testapp.Book']
        with installed(Author, Book, Node):
            assert Node.objects.db.settings.DATABASE_ENGINE == 'postgresql'
            assert 'testapp_node_friends' in Node.objects.get_table_list()
            assert tables(Author) == ['testapp_author', 'testapp_book']
            Node.objects.create(name='n')
            Author.objects.create(name='a')
            transaction.commit(['ma', 'mb'])
            assert (Node.objects.count(), Author.objects.count()) == (1, 1)
    finally:
        connections.reset()
        pg_creation.destroy_test_db(Holder(pg), pg['DATABASE_NAME'], verbosity=0)


def drop_connection(model):
    """Has the server drop the connection ``model`` uses (KILL from another
    connection), as a restart or wait_timeout would."""
    own = model.objects.db.connection.connection
    killer = base.import_driver().connect(**base.connect_parameters(
        model.objects.db.connection.settings, base.import_driver()))
    try:
        killer.cursor().execute('KILL %d' % own.thread_id())
    finally:
        killer.close()


def test_after_a_dropped_connection_only_the_operation_that_met_it_fails(my):
    with installed(Author):
        error = only_the_operation_that_met_a_drop_fails(lambda: drop_connection(Author))
    assert error.args[0] in base.LOST_CONNECTION


def test_a_dropped_connection_inside_a_managed_block_loses_only_that_transaction(my):
    with installed(Author):
        a_drop_in_a_managed_block_loses_only_that_transaction(lambda: drop_connection(Author))

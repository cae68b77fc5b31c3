"""The postgresql backend against a real server.

These run when a server is configured through PG* environment variables
(PGHOST at least; .ci/pg starts one) and skip, saying so, when not. Each
test works in two scratch databases of its own on that server.
"""

import os
import socket
import subprocess
import sys

import pytest

from django_legacy.db import DatabaseError, IntegrityError, connections, transaction
from django_legacy.db.backends.postgresql import creation
from tests import servers
from tests.helpers import install_only, installed, place
from tests.servers import SCRATCH, check_existing_database_needs_noinput, scratch_databases
from tests.testapp.models import Author, Book, Tag

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
pytestmark = servers.marks('postgresql')


def server_settings(name):
    return servers.server_settings('postgresql', name)


@pytest.fixture
def pg(isolated_settings):
    """Two scratch databases, as connections 'pa' (Author, Book) and 'pb'
    (Tag); yields the settings."""
    with scratch_databases(isolated_settings, creation, {
            'pa': dict(server_settings(SCRATCH[0]), MODELS=['testapp.Author', 'testapp.Book']),
            'pb': dict(server_settings(SCRATCH[1]), MODELS=['testapp.Tag'])}):
        yield isolated_settings


def constraints(table):
    cursor = Author.objects.db.connection.cursor()
    cursor.execute("SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass "
                   "AND contype = 'f' ORDER BY conname", [table])
    return [row[0] for row in cursor.fetchall()]


def test_pending_reference_becomes_a_real_constraint(pg):
    pending = Book.objects.install()
    assert pending == {Author: [(Book, Book._meta.get_field('author'))]}
    assert constraints('testapp_book') == []
    assert Author.objects.install(pending=pending) == {}
    assert constraints('testapp_book') == ['id_refs_author_id_b05c73aa']
    with pytest.raises(IntegrityError):
        Book(title='orphan', author_id=999).save()
    transaction.rollback('pa')
    Author.objects.drop(cascade=True)
    Book.objects.drop()


def test_drop_cascade_removes_constraints_and_join_tables(pg):
    place(pg, 'pb', 'testapp.Book', 'testapp.Author')
    pg.OTHER_DATABASES['pa']['MODELS'] = []
    with installed(Author, Book, Tag):
        assert constraints('testapp_book') == ['testapp_book_author_id_fkey']
        assert 'testapp_tag_books' in Tag.objects.get_table_list()
        statements = Author.objects.drop(cascade=True)
        assert [str(s) for s in statements] == ['DROP TABLE "testapp_author" CASCADE;']
        assert constraints('testapp_book') == []
        assert [str(s) for s in Tag.objects.drop(cascade=True)] == [
            'DROP TABLE "testapp_tag_books";', 'DROP TABLE "testapp_tag" CASCADE;']
        assert 'testapp_tag_books' not in Tag.objects.get_table_list()
        Author.objects.install()
        Tag.objects.install()


def test_sequence_reset_moves_past_the_largest_id(pg):
    import io
    from django_legacy.core.management import main
    install_only(pg, 'tests.testapp')
    place(pg, 'pa', 'testapp')
    pg.OTHER_DATABASES['pb']['MODELS'] = []
    with installed(Author, Book, Tag):
        Author(id=41, name='loaded with an id').save()
        out, err = io.StringIO(), io.StringIO()
        assert main(['sqlsequencereset', 'testapp'], out=out, err=err) == 0
        printed = out.getvalue()
        assert ("SELECT setval('testapp_author_id_seq', (SELECT max(\"id\") FROM "
                "\"testapp_author\"));") in printed
        cursor = Author.objects.db.connection.cursor()
        for statement in printed.splitlines():
            if '"testapp_author"' in statement:    # the other tables are not installed
                cursor.execute(statement)
        transaction.commit('pa')
        new = Author(name='next')
        new.save()
        assert new.id == 42


def test_integrity_error_then_rollback_leaves_the_connection_usable(pg):
    with installed(Author, Book):
        author = Author.objects.create(name='a')
        with pytest.raises(IntegrityError):
            Author.objects.db.connection.cursor().execute(
                'INSERT INTO testapp_author (id, name) VALUES (%s, %s)', [author.id, 'x'])
        assert Author.objects.count() == 1  # unmanaged: rolled back at once
        transaction.enter_transaction_management()
        transaction.managed(True)
        try:
            with pytest.raises(IntegrityError):
                Author.objects.db.connection.cursor().execute(
                    'INSERT INTO testapp_author (id, name) VALUES (%s, %s)', [author.id, 'x'])
            with pytest.raises(DatabaseError):
                Author.objects.count()      # managed: aborted until rolled back
            transaction.rollback('pa')
        finally:
            transaction.leave_transaction_management()
        assert Author.objects.count() == 1
        Author.objects.create(name='b')
        assert Author.objects.count() == 2


def test_commit_on_one_database_rollback_on_another(pg):
    with installed(Author, Tag):
        transaction.enter_transaction_management()
        transaction.managed(True)
        try:
            Author(name='kept').save()
            Tag(label='lost').save()
            transaction.commit('pa')
            transaction.rollback('pb')
        finally:
            transaction.managed(False)
            transaction.leave_transaction_management()
        connections.reset()
        assert [a.name for a in Author.objects.all()] == ['kept']
        assert Tag.objects.count() == 0


def test_server_down_is_a_clear_error_not_a_hang(isolated_settings):
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        port = s.getsockname()[1]       # nothing listens there once closed
    isolated_settings.OTHER_DATABASES['down'] = dict(
        server_settings('nowhere'), DATABASE_HOST='127.0.0.1', DATABASE_PORT=str(port))
    with pytest.raises(DatabaseError) as raised:
        connections['down'].connection.cursor()
    message = str(raised.value)
    assert "database 'nowhere' on host '127.0.0.1', port '%d'" % port in message


def test_refused_credentials_name_the_database(isolated_settings):
    isolated_settings.OTHER_DATABASES['nobody'] = dict(
        server_settings('postgres'), DATABASE_USER='no_such_role')
    with pytest.raises(DatabaseError) as raised:
        connections['nobody'].connection.cursor()
    assert "database 'postgres'" in str(raised.value) and 'no_such_role' in str(raised.value)


def test_existing_test_database_needs_noinput(pg):
    check_existing_database_needs_noinput(creation, server_settings(SCRATCH[0]))


def test_missing_psycopg_names_the_package(tmp_path):
    "On a Python without site-packages, psycopg is missing."
    code = ('from django_legacy.conf import settings; '
            "settings.configure(DATABASE_ENGINE='postgresql', DATABASE_NAME='x'); "
            'from django_legacy.db import connection; connection.cursor()')
    result = subprocess.run([sys.executable, '-S', '-c', code], capture_output=True, text=True,
                            env={'PYTHONPATH': HERE, 'PATH': os.environ.get('PATH', '')})
    assert result.returncode == 1
    assert ("ImproperlyConfigured: The postgresql backend needs the 'psycopg' module: "
            "pip install 'django_legacy[postgresql]' (psycopg)") in result.stderr


def test_set_local_and_row_locks_open_the_transaction_they_act_in(pg):
    "The driver runs in autocommit: a SET LOCAL or FOR UPDATE alone would end at once."
    from tests.engines import transaction_open
    with installed(Author):
        Author.objects.create(name='locked')
        cursor = Author.objects.db.connection.cursor()
        cursor.execute('SET LOCAL statement_timeout = 100')
        cursor.execute('SHOW statement_timeout')
        assert cursor.fetchone()[0] == '100ms'
        transaction.commit('pa')
        cursor.execute('SHOW statement_timeout')
        assert cursor.fetchone()[0] == '0'
        cursor.execute('SELECT id FROM testapp_author\n FOR  UPDATE')
        assert transaction_open(Author.objects.db.connection)
        transaction.rollback('pa')
        cursor.execute('SELECT id FROM testapp_author')
        assert not transaction_open(Author.objects.db.connection)

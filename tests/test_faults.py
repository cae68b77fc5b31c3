"""Faults: failed statements, idle transactions, locks, a server that
restarts, a writer killed mid-transaction.

The tests taking ``engine_db`` run on SQLite and on PostgreSQL (see
tests/engines.py). Those taking ``own_server`` start a PostgreSQL cluster
of their own, with the server binaries of the machine, so that they can
restart it and kill its clients without disturbing the other tests' server.
"""

import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading

import pytest

from django_legacy.core.handlers.wsgi import WSGIHandler
from django_legacy.db import DatabaseError, IntegrityError, connections, transaction
from django_legacy.db.backends.sqlite3 import base as sqlite_base
from django_legacy.http import HttpResponse
from tests import engines
from tests.engines import need_postgresql, transaction_open
from tests.helpers import (
    a_drop_in_a_managed_block_loses_only_that_transaction, installed,
    only_the_operation_that_met_a_drop_fails, place)
from tests.testapp.models import Author, Book, Counter, Tag

engine_db = engines.engine_db     # the fixture, for this module's tests
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def in_thread(func, timeout=60):
    """Runs ``func`` in a thread of its own (its own connections) and returns
    what it returns; re-raises what it raises."""
    result = {}

    def run():
        try:
            result['value'] = func()
        except BaseException as e:     # handed to the caller below
            result['error'] = e
        finally:
            connections.reset()
    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout)
    assert not thread.is_alive(), 'the thread is still waiting after %s s' % timeout
    if 'error' in result:
        raise result['error']
    return result['value']


# -- a failed statement outside a managed block ------------------------------

def test_a_failed_unmanaged_save_is_rolled_back_at_once(engine_db):
    with installed(Counter):
        Counter(thread=1, serial=1).save()
        with pytest.raises(IntegrityError) as raised:
            Counter(thread=1, serial=1).save()
        assert isinstance(raised.value, Counter.objects.db.IntegrityError)
        assert type(raised.value).__module__ == 'django_legacy.db.backends'
        assert not transaction_open(Counter.objects.db.connection)
        # Another connection writes at once, and this one goes on.
        in_thread(lambda: Counter(thread=2, serial=1).save(), timeout=10)
        Counter(thread=1, serial=2).save()
        assert Counter.objects.count() == 3


def test_a_failed_unmanaged_raw_statement_is_rolled_back_too(engine_db):
    with installed(Counter):
        cursor = Counter.objects.db.connection.cursor()
        with pytest.raises(DatabaseError):
            cursor.execute('UPDATE testapp_counter SET nosuch = 1')
        assert not transaction_open(Counter.objects.db.connection)
        assert Counter.objects.count() == 0


def test_a_failure_inside_a_managed_block_is_left_to_the_block(engine_db):
    with installed(Counter):
        Counter(thread=1, serial=1).save()
        transaction.enter_transaction_management()
        transaction.managed(True)
        try:
            Counter(thread=1, serial=2).save()
            with pytest.raises(IntegrityError):
                Counter(thread=1, serial=1).save()
            assert transaction_open(Counter.objects.db.connection)
            transaction.rollback('rel')
        finally:
            transaction.leave_transaction_management()
        assert sorted(c.serial for c in Counter.objects.all()) == [1]


# -- reads outside a managed block -------------------------------------------

def test_turning_reference_checks_on_again_reaches_every_connection(isolated_settings):
    """references_unchecked()'s end runs each connection's statement even
    after one fails; the first failure is raised when the block itself
    succeeded, and only then (a failed block's own error stays the one seen)."""
    from django_legacy.core.serializers.base import _turn_on
    first, second = connections['_a'].connection, connections['_b'].connection
    held = {first: 'SELECT no_such_column FROM no_such_table', second: 'SELECT 1'}
    second.settings.DEBUG, second.queries = True, []
    try:
        with pytest.raises(DatabaseError):
            _turn_on(held, False)
        _turn_on(held, True)
    finally:
        second.settings.DEBUG = False
    assert [q['sql'] for q in second.queries] == ['SELECT 1', 'SELECT 1']
    if first.settings.DATABASE_ENGINE != 'mysql':      # (transaction_open asks sqlite3 or libpq)
        assert not transaction_open(first)      # the failed statement left nothing open


def test_unmanaged_reads_leave_no_transaction_open(engine_db):
    with installed(Author):
        Author(name='a').save()
        wrapper = Author.objects.db.connection
        assert [a.name for a in Author.objects.all()] == ['a']
        assert not transaction_open(wrapper)
        assert Author.objects.count() == 1 and Author.objects.get(name='a').name == 'a'
        assert list(Author.objects.values('name')) == [{'name': 'a'}]
        assert not transaction_open(wrapper)
        if engine_db == 'postgresql':
            # Another session's ALTER TABLE needs the table to itself.
            def alter():
                cursor = connections['rel'].connection.cursor()
                cursor.execute("SET lock_timeout = '3s'")
                cursor.execute('ALTER TABLE testapp_author ADD COLUMN extra integer')
                transaction.commit('rel')
            in_thread(alter)


def test_in_a_managed_block_reads_after_a_write_are_in_its_transaction(engine_db):
    with installed(Author):
        transaction.enter_transaction_management()
        transaction.managed(True)
        try:
            assert Author.objects.count() == 0
            assert not transaction_open(Author.objects.db.connection)
            Author(name='pending').save()
            assert Author.objects.count() == 1
            assert transaction_open(Author.objects.db.connection)
            assert in_thread(Author.objects.count) == 0     # others do not see it yet
            transaction.commit('rel')
            assert not transaction_open(Author.objects.db.connection)
        finally:
            transaction.leave_transaction_management()
        assert in_thread(Author.objects.count) == 1


# -- SQLite under contention ---------------------------------------------------

def busy_timeout(wrapper):
    cursor = wrapper.cursor()
    cursor.execute('PRAGMA busy_timeout')
    return cursor.fetchone()[0]


@pytest.mark.parametrize('engine_db', ['sqlite3'], indirect=True)
def test_sqlite_waits_well_beyond_five_seconds_for_a_lock(engine_db, isolated_settings):
    assert sqlite_base.DEFAULT_TIMEOUT >= 30
    assert busy_timeout(connections['rel'].connection) == sqlite_base.DEFAULT_TIMEOUT * 1000
    connections.reset()
    isolated_settings.OTHER_DATABASES['rel']['DATABASE_OPTIONS'] = {'timeout': 0.2}
    assert busy_timeout(connections['rel'].connection) == 200


@pytest.mark.parametrize('engine_db', ['sqlite3'], indirect=True)
def test_sqlite_writer_waits_for_another_writers_lock(engine_db, isolated_settings):
    import sqlite3
    with installed(Counter):
        holder = sqlite3.connect(isolated_settings.OTHER_DATABASES['rel']['DATABASE_NAME'],
                                 isolation_level=None, check_same_thread=False)
        holder.execute('BEGIN IMMEDIATE')
        holder.execute('INSERT INTO testapp_counter (thread, serial) VALUES (9, 9)')
        release = threading.Timer(1.0, holder.commit)
        release.start()
        try:
            in_thread(lambda: Counter(thread=1, serial=1).save(), timeout=20)
        finally:
            release.join()
            holder.close()
        assert Counter.objects.count() == 2
        # With a short timeout the same wait fails, with the package's error.
        connections.reset()
        isolated_settings.OTHER_DATABASES['rel']['DATABASE_OPTIONS'] = {'timeout': 0.1}
        holder = sqlite3.connect(isolated_settings.OTHER_DATABASES['rel']['DATABASE_NAME'],
                                 isolation_level=None)
        holder.execute('BEGIN IMMEDIATE')
        try:
            with pytest.raises(DatabaseError, match='locked'):
                in_thread(lambda: Counter(thread=1, serial=2).save(), timeout=20)
        finally:
            holder.rollback()
            holder.close()



@pytest.mark.parametrize('engine_db', ['sqlite3'], indirect=True)
@pytest.mark.parametrize('read', ['list', 'iterator', 'cursor'])
def test_sqlite_failing_while_rows_are_read_raises_our_error(engine_db, read):
    # SQLite reads a SELECT's rows one step at a time, after execute(): a step
    # that fails (here: interrupted by a progress handler) must still surface
    # as the package's DatabaseError and leave the connection usable.
    with installed(Counter):
        transaction.enter_transaction_management()
        transaction.managed(True)
        for serial in range(300):
            Counter(thread=1, serial=serial).save()
        transaction.commit()
        transaction.leave_transaction_management()
        raw = connections['rel'].connection.connection
        steps = []

        def interrupt_later():
            steps.append(1)
            return len(steps) > 3

        def rows():
            if read == 'list':
                return list(Counter.objects.all())
            if read == 'iterator':
                return list(Counter.objects.iterator())
            cursor = connections['rel'].connection.cursor()
            cursor.execute('SELECT serial FROM testapp_counter')
            return cursor.fetchall()
        assert len(rows()) == 300
        raw.set_progress_handler(interrupt_later, 100)
        try:
            with pytest.raises(DatabaseError, match='interrupted') as raised:
                rows()
        finally:
            raw.set_progress_handler(None, 0)
        assert len(steps) > 3, 'the handler never ran past execute()'
        assert type(raised.value).__module__.startswith('django_legacy')
        assert not raw.in_transaction
        assert Counter.objects.count() == 300

@pytest.mark.parametrize('engine_db', ['sqlite3'], indirect=True)
@pytest.mark.parametrize('read', ['get', 'count', 'save'])
def test_sqlite_failing_at_any_step_of_a_short_read_raises_our_error(engine_db, read):
    # get(), count() and save()'s look for an existing row read their rows
    # after execute() stepped to the first: interrupted at whichever step,
    # each raises the package's DatabaseError, and nothing stays open.
    with installed(Counter):
        Counter(thread=1, serial=1).save()
        raw = connections['rel'].connection.connection
        actions = {'get': lambda: Counter.objects.get(thread=1),
                   'count': lambda: Counter.objects.filter(thread=1).count(),
                   'save': lambda: Counter(id=1, thread=1, serial=2).save()}
        interrupted = 0
        for limit in range(1, 10000):
            steps = []

            def interrupt():
                steps.append(1)
                return len(steps) >= limit
            raw.set_progress_handler(interrupt, 1)
            try:
                actions[read]()
            except DatabaseError as e:
                assert 'interrupted' in str(e)
                interrupted += 1
            else:
                break       # it ran to the end before the handler's limit
            finally:
                raw.set_progress_handler(None, 0)
            assert not raw.in_transaction
        assert interrupted > 1 and len(steps) < limit
        assert Counter.objects.get(thread=1).serial == (2 if read == 'save' else 1)


# -- a PostgreSQL server of the test's own -------------------------------------

def _pg_bin():
    found = sorted(glob.glob('/usr/lib/postgresql/*/bin'))
    if found:
        return found[-1]
    pg_ctl = shutil.which('pg_ctl')
    return os.path.dirname(pg_ctl) if pg_ctl else None


class OwnServer:
    """A PostgreSQL cluster in a temporary directory, on a free port of
    127.0.0.1, run as the 'postgres' user when the tests run as root."""

    def __init__(self):
        self.bin = _pg_bin()
        self.dir = tempfile.mkdtemp(prefix='django_legacy_faults.')
        self.as_owner = []
        if os.geteuid() == 0:
            self.as_owner = ['runuser', '-u', 'postgres', '--']
            shutil.chown(self.dir, 'postgres')
        with socket.socket() as s:
            s.bind(('127.0.0.1', 0))
            self.port = s.getsockname()[1]
        self.data = os.path.join(self.dir, 'data')
        self.run('initdb', '-D', self.data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8')

    def run(self, program, *args):
        subprocess.run(self.as_owner + [os.path.join(self.bin, program)] + list(args),
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def pg_ctl(self, action, *args):
        self.run('pg_ctl', '-D', self.data, '-l', os.path.join(self.dir, 'log'), '-w',
                 '-o', '-c listen_addresses=127.0.0.1 -p %d -k %s -c fsync=off'
                 % (self.port, self.dir), action, *args)

    def settings(self):
        return {'DATABASE_ENGINE': 'postgresql', 'DATABASE_NAME': 'postgres',
                'DATABASE_HOST': '127.0.0.1', 'DATABASE_PORT': str(self.port),
                'DATABASE_USER': 'postgres'}

    def remove(self):
        try:
            self.pg_ctl('stop', '-m', 'immediate')
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope='module')
def cluster():
    "One OwnServer for the module's tests (initdb takes seconds)."
    need_postgresql()
    if _pg_bin() is None:
        pytest.skip('no PostgreSQL server binaries (initdb, pg_ctl) on this machine')
    server = OwnServer()
    try:
        server.pg_ctl('start')
        yield server
    finally:
        server.remove()


@pytest.fixture
def own_server(cluster, isolated_settings):
    """Connection 'own' (holding the testapp models) to the module's server,
    which the test may restart; yields the OwnServer."""
    isolated_settings.OTHER_DATABASES['own'] = cluster.settings()
    place(isolated_settings, 'own', 'testapp')
    try:
        yield cluster
    finally:
        connections.reset()


def test_after_a_restart_only_the_operation_that_met_it_fails(own_server):
    with installed(Author):
        only_the_operation_that_met_a_drop_fails(
            lambda: own_server.pg_ctl('restart', '-m', 'fast'))


def test_a_restart_inside_a_managed_block_loses_only_that_transaction(own_server):
    with installed(Author):
        a_drop_in_a_managed_block_loses_only_that_transaction(
            lambda: own_server.pg_ctl('restart', '-m', 'fast'))


def test_the_wsgi_handler_answers_across_a_restart(own_server):
    class Saving(WSGIHandler):
        def view(self, request):
            Author(name=request.path).save()
            return HttpResponse('saved')

    def call():
        statuses = []
        Saving()({'PATH_INFO': '/p', 'REQUEST_METHOD': 'GET'},
                 lambda status, headers: statuses.append(status))
        return statuses

    with installed(Author):
        db = Author.objects.db     # opened outside the requests, so kept across them
        db.connection.cursor()
        own_server.pg_ctl('restart', '-m', 'fast')
        assert call() == ['500 INTERNAL SERVER ERROR']
        assert call() == ['200 OK']
        assert Author.objects.count() == 1


WRITER = textwrap.dedent('''
    import sys
    sys.path[:0] = [%(root)r, %(branch)r]
    from django_legacy.conf import settings
    settings.configure(DATABASE_ENGINE='postgresql', DATABASE_NAME='postgres',
                       DATABASE_HOST='127.0.0.1', DATABASE_PORT=%(port)r,
                       DATABASE_USER='postgres')
    from django_legacy.db import transaction
    from tests.testapp.models import Author
    Author(name='committed by the writer').save()
    transaction.enter_transaction_management()
    transaction.managed(True)
    for n in range(50):
        Author(name='never committed %%d' %% n).save()
    print('ready', flush=True)
    sys.stdin.read()
''')


def test_a_writer_killed_mid_transaction_leaves_only_what_it_committed(own_server):
    with installed(Author):
        Author(name='committed before').save()
        script = WRITER % {'root': HERE, 'branch': os.path.join(HERE, 'branch_tests'),
                           'port': str(own_server.port)}
        writer = subprocess.Popen([sys.executable, '-c', script], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True)
        try:
            assert writer.stdout.readline().strip() == 'ready'
            assert Author.objects.count() == 2      # its open transaction is not seen
            os.kill(writer.pid, signal.SIGKILL)
        finally:
            writer.wait(30)
            writer.stdin.close()
            writer.stdout.close()
        assert sorted(a.name for a in Author.objects.all()) == [
            'committed before', 'committed by the writer']
        Author(name='after').save()
        assert Author.objects.count() == 3


# -- commit_on_success and commits over several connections -----------------

@pytest.fixture
def three_connections(engine_db, isolated_settings, tmp_path):
    """'first' (Tag) and 'last' (Counter) on SQLite files around 'rel'
    (Author, Book) on the engine under test; yields that engine's name."""
    for name, label in (('first', 'testapp.Tag'), ('last', 'testapp.Counter')):
        isolated_settings.OTHER_DATABASES[name] = {
            'DATABASE_ENGINE': 'sqlite3', 'DATABASE_NAME': str(tmp_path / (name + '.db')),
            'MODELS': [label]}
    isolated_settings.OTHER_DATABASES['rel']['MODELS'] = ['testapp.Author', 'testapp.Book']
    with installed(Author, Book, Tag, Counter):
        yield engine_db


def make_rel_commit_fail(engine, isolated_settings):
    """Leaves 'rel' with a change its next commit refuses; returns the
    function that ends the refusal. On PostgreSQL a deferred foreign key
    fails at COMMIT; on SQLite another connection's read lock does."""
    if engine == 'postgresql':
        Book(title='orphan', author_id=999).save()
        return lambda: None
    import sqlite3
    Author(name='stuck').save()
    Author.objects.db.connection.cursor().execute('PRAGMA busy_timeout = 50')
    reader = sqlite3.connect(isolated_settings.OTHER_DATABASES['rel']['DATABASE_NAME'],
                             isolation_level=None)
    reader.execute('BEGIN')
    reader.execute('SELECT count(*) FROM testapp_author').fetchone()

    def release():
        reader.execute('ROLLBACK')
        reader.close()
    return release


def test_a_failed_commit_names_what_was_committed_and_rolled_back(three_connections,
                                                                  isolated_settings):
    release = []

    @transaction.commit_on_success(connections=['first', 'rel', 'last'])
    def write_everywhere():
        Tag(label='committed').save()
        release.append(make_rel_commit_fail(three_connections, isolated_settings))
        Counter(thread=1, serial=1).save()

    try:
        with pytest.raises(DatabaseError) as raised:
            write_everywhere()
    finally:
        release[0]()
    note = "Committing connection 'rel' failed. Already committed: 'first'. " \
           "Rolled back: 'rel', 'last'."
    assert note in raised.value.__notes__
    assert not transaction.is_dirty() and not transaction.is_managed()
    assert [t.label for t in Tag.objects.all()] == ['committed']
    assert Counter.objects.count() == 0
    assert Book.objects.count() == 0 and list(Author.objects.all()) == []


def test_commit_on_success_never_replaces_the_callers_exception(three_connections):
    @transaction.commit_on_success(connections='rel')
    def write_then_fail():
        Author(name='rolled back').save()
        Counter(thread=1, serial=1).save()      # on 'last', which the decorator does not name
        raise ValueError('the real error')

    with pytest.raises(ValueError, match='the real error') as raised:
        write_then_fail()
    assert raised.value.__context__ is None
    assert not transaction.is_dirty() and not transaction.is_managed()
    assert Author.objects.count() == 0 and Counter.objects.count() == 0

    @transaction.commit_on_success(connections='rel')
    def write_elsewhere():
        Counter(thread=1, serial=2).save()

    with pytest.raises(transaction.TransactionManagementError):
        write_elsewhere()       # returned with 'last' uncommitted: 0.96's error
    assert Counter.objects.count() == 0


def test_add_note_before_python_3_11_keeps_the_note_in_the_message(monkeypatch):
    monkeypatch.setattr(transaction.sys, 'version_info', (3, 10, 0))
    error = DatabaseError('commit refused')
    transaction.add_note(error, 'Already committed: none.')
    assert error.__notes__ == ['Already committed: none.']
    assert str(error) == 'commit refused\nAlready committed: none.'

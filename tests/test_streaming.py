"""iterator() reads its rows a chunk at a time, on SQLite (which steps
through a SELECT as it is read) and on the server backends (which hand the
rows over as the loop asks for them), and the connection stays usable for
anything the loop does.

Each test runs on an SQLite file and on a scratch database of each server
the environment names (.ci/pg, .ci/mysql), on a connection named 'rel'."""

import importlib

import pytest

from django_legacy.db import DatabaseError, connections, transaction
from django_legacy.db.backends import Stream
from django_legacy.db.backends.sqlite3 import base as sqlite_base
from django_legacy.db.models.query import CHUNK_SIZE
from tests import engines, servers
from tests.helpers import installed, managed_block, place
from tests.testapp.models import Counter

ROWS = 3 * CHUNK_SIZE + 7


@pytest.fixture(params=['sqlite3', 'postgresql', 'mysql'])
def engine_db(request, isolated_settings, tmp_path):
    "Connection 'rel' on the engine of the parameter, holding the testapp models."
    engine = request.param
    if engine == 'sqlite3':
        isolated_settings.OTHER_DATABASES['rel'] = {
            'DATABASE_ENGINE': 'sqlite3', 'DATABASE_NAME': str(tmp_path / 'rel.db')}
        place(isolated_settings, 'rel', 'testapp')
        try:
            yield engine
        finally:
            connections.reset()
        return
    reason = servers.missing(engine)
    if reason:
        pytest.skip(reason)
    creation = importlib.import_module('django_legacy.db.backends.%s.creation' % engine)
    entry = servers.server_settings(engine, 'django_legacy_streaming')
    with servers.scratch_databases(isolated_settings, creation, {'rel': entry}):
        place(isolated_settings, 'rel', 'testapp')
        yield engine


def transaction_open(wrapper):
    "True when the 'rel' connection has a transaction open."
    if wrapper.settings.DATABASE_ENGINE == 'mysql':
        return wrapper.in_transaction
    return engines.transaction_open(wrapper)


def fill(rows=ROWS):
    with managed_block():
        for serial in range(rows):
            Counter(thread=1, serial=serial).save()
        transaction.commit()


def failing_at_250():
    """Counters whose WHERE divides by zero at serial 250: the server fails
    after it has sent the earlier rows (a scan in table order, no sort to
    finish first). SQLite and MariaDB make it NULL, no error."""
    return Counter.objects.extra(where=['100 / (serial - 250) > -1000'])


def wrapper():
    return connections['rel'].connection


def streaming():
    "The stream the 'rel' wrapper is reading, if any (on SQLite only before Python 3.11)."
    return wrapper().streaming


def test_iterator_reads_every_row_in_order_a_chunk_at_a_time(engine_db):
    with installed(Counter):
        fill()
        seen = []
        for counter in Counter.objects.order_by('serial').iterator():
            seen.append(counter.serial)
            if engine_db != 'sqlite3' and len(seen) == 1:
                # The server is still sending: the wrapper holds the
                # stream, which has not read the result to its end.
                assert isinstance(streaming(), Stream)
                assert not streaming().ended
        assert seen == list(range(ROWS))
        assert streaming() is None
        assert not transaction_open(wrapper())


def test_statements_inside_the_loop_run_and_the_loop_goes_on(engine_db):
    with installed(Counter):
        fill()
        seen = []
        for counter in Counter.objects.order_by('serial').iterator():
            seen.append(counter.serial)
            if counter.serial % CHUNK_SIZE == 5:
                # A count, and a save (committed): the rest of the rows
                # are read into memory first.
                assert Counter.objects.count() == ROWS + len(seen) // CHUNK_SIZE
                Counter(thread=2, serial=counter.serial).save()
        assert seen == list(range(ROWS))
        assert Counter.objects.filter(thread=2).count() == 4
        assert not transaction_open(wrapper())


@pytest.fixture(params=['as this Python does', 'as before 3.11'])
def rollback_resets(request, monkeypatch):
    """Runs a test twice on SQLite: as this Python's sqlite3 works, and as
    one before 3.11, whose rollback resets the connection's cursors (the
    backend then reads iterator()'s rows through a Stream)."""
    if request.param == 'as before 3.11':
        if request.getfixturevalue('engine_db') != 'sqlite3':
            pytest.skip("only SQLite's cursors are reset by a rollback")
        monkeypatch.setattr(sqlite_base, 'ROLLBACK_RESETS_CURSORS', True)
    return request.param


def test_a_commit_or_rollback_inside_the_loop_keeps_the_rows(engine_db, rollback_resets):
    with installed(Counter):
        fill()
        with managed_block():
            seen = 0
            for counter in Counter.objects.order_by('serial').iterator():
                seen += 1
                if seen == 1 and sqlite_base.ROLLBACK_RESETS_CURSORS:
                    assert isinstance(streaming(), Stream)
                if seen == 10:
                    Counter(thread=3, serial=1).save()
                    transaction.commit()
                if seen == 20:
                    Counter(thread=3, serial=2).save()
                    transaction.rollback()
            assert seen == ROWS
        assert [c.serial for c in Counter.objects.filter(thread=3)] == [1]


def test_leaving_the_loop_early_leaves_the_connection_free(engine_db):
    with installed(Counter):
        fill()
        for counter in Counter.objects.iterator():
            break
        assert streaming() is None
        assert not transaction_open(wrapper())
        Counter(thread=4, serial=1).save()
        assert Counter.objects.count() == ROWS + 1
        # Abandoned without being closed (the generator dropped mid-way).
        rows = Counter.objects.iterator()
        next(rows)
        del rows
        assert Counter.objects.filter(thread=4).count() == 1
        # Closed after its connection was: nothing left to stop, no error.
        rows = Counter.objects.iterator()
        next(rows)
        connections.reset()
        rows.close()
        assert Counter.objects.count() == ROWS + 1


def test_two_iterators_at_once(engine_db):
    with installed(Counter):
        fill(30)
        pairs = list(zip(Counter.objects.order_by('serial').iterator(),
                         Counter.objects.order_by('-serial').iterator()))
        assert [(a.serial, b.serial) for a, b in pairs] == [(i, 29 - i) for i in range(30)]


@pytest.mark.parametrize('engine_db', ['postgresql'], indirect=True)
def test_an_error_while_the_rows_come_is_ours_and_leaves_nothing_open(engine_db):
    with installed(Counter):
        fill()
        seen = []
        with pytest.raises(DatabaseError, match='division by zero'):
            for counter in failing_at_250().iterator():
                seen.append(counter.serial)
        assert 0 < len(seen) < 250
        assert streaming() is None
        assert not transaction_open(wrapper())
        assert Counter.objects.count() == ROWS


def test_the_query_log_records_a_streamed_select(engine_db):
    with installed(Counter):
        fill(5)
        conn = wrapper()
        conn.settings.DEBUG, conn.queries = True, []
        try:
            assert len(list(Counter.objects.filter(thread=1).iterator())) == 5
        finally:
            conn.settings.DEBUG = False
        assert len(conn.queries) == 1
        assert conn.queries[0]['sql'].startswith('SELECT')
        assert conn.queries[0]['sql'].endswith('= 1')


@pytest.mark.parametrize('engine_db', ['postgresql'], indirect=True)
def test_a_rollback_inside_the_loop_goes_on_when_the_rest_of_the_rows_fail(engine_db):
    with installed(Counter):
        fill()
        seen = []
        with managed_block():
            Counter(thread=5, serial=1).save()      # the transaction to roll back
            with pytest.raises(DatabaseError, match='division by zero'):
                for counter in failing_at_250().iterator():
                    seen.append(counter.serial)
                    if len(seen) == 10:
                        # Reads the rest of the rows, which fails: the error
                        # is kept for the loop, and the rollback goes on.
                        transaction.rollback()
                        assert streaming() is None
        # The loop had the rows the server sent before the failure (the
        # chunk after its first at least), then its error.
        assert 2 * CHUNK_SIZE <= len(seen) <= 250 and seen == sorted(seen)
        assert not transaction_open(wrapper())
        assert Counter.objects.filter(thread=5).count() == 0


def test_a_cursor_left_early_can_still_be_read(engine_db):
    with installed(Counter):
        fill(5)
        conn = wrapper()
        for debug in (False, True):
            conn.settings.DEBUG = debug
            try:
                cursor = conn.cursor()
                cursor.execute('SELECT serial FROM testapp_counter ORDER BY serial')
                for row in cursor:
                    break
                assert [tuple(r) for r in cursor.fetchall()] == [(i,) for i in range(1, 5)]
            finally:
                conn.settings.DEBUG = False

"""The postgresql backend behind PgBouncer in transaction mode, and the
DATABASE_OPTIONS a modern project sets (connect_timeout, statement_timeout
through options, sslmode), each tried on the real servers of .ci/pgcluster."""

import socket
import time

import pytest

from django_legacy.contrib.patterns import raw
from django_legacy.db import DatabaseError, connect
from tests.cluster import servers, settings_for


@pytest.fixture
def cluster():
    return servers()


def one_value(info, sql, params=()):
    cursor = info.connection.cursor()
    cursor.execute(sql, params)
    return cursor.fetchone()[0]


def test_the_same_query_many_times_from_two_clients_through_pgbouncer(cluster):
    """psycopg prepares a query on the server from its fifth run on; behind
    a pooler the next client then meets that statement on the server
    connection it is given ('prepared statement "_pg3_0" already exists')."""
    for client in range(2):
        info = connect(settings_for(cluster, cluster.bouncer))
        try:
            for i in range(8):
                assert one_value(info, 'SELECT %s::int + 1', [i]) == i + 1
                info.connection._commit()
        finally:
            info.close()


def test_nothing_outlives_a_transaction_on_the_pooled_server_connection(cluster):
    """What a client leaves on a server connection, the next client of the
    pooler meets: prepared statements, session settings."""
    info = connect(settings_for(cluster, cluster.bouncer))
    try:
        for i in range(8):
            one_value(info, 'SELECT count(*) FROM pg_class WHERE oid > %s', [i])
            info.connection._commit()
    finally:
        info.close()
    with raw(cluster, 'postgres', cluster.bouncer) as db:
        assert db.execute('SELECT count(*) FROM pg_prepared_statements').fetchone()[0] == 0
        # Nothing SET for the session (a SET TIME ZONE at connect would show here).
        assert db.execute("SELECT name FROM pg_settings WHERE source = 'session'").fetchall() == []


def test_statement_timeout_through_options(cluster):
    info = connect(settings_for(cluster, cluster.primary, options='-c statement_timeout=200'))
    try:
        assert one_value(info, 'SHOW statement_timeout') == '200ms'
        with pytest.raises(DatabaseError) as raised:
            one_value(info, 'SELECT pg_sleep(3)')
        assert 'statement timeout' in str(raised.value)
    finally:
        info.close()


def test_pgbouncer_refuses_the_options_startup_parameter(cluster):
    "Behind PgBouncer, statement_timeout must be set another way (docs/patterns.txt)."
    info = connect(settings_for(cluster, cluster.bouncer, options='-c statement_timeout=200'))
    with pytest.raises(DatabaseError) as raised:
        one_value(info, 'SELECT 1')
    assert 'unsupported startup parameter: options' in str(raised.value)


@pytest.mark.parametrize('sslmode, encrypted', [('require', True), ('disable', False)])
def test_sslmode(cluster, sslmode, encrypted):
    info = connect(settings_for(cluster, cluster.primary, sslmode=sslmode))
    try:
        assert one_value(info, 'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()') \
            is encrypted
    finally:
        info.close()


def test_connect_timeout(cluster):
    """A server that takes the TCP connection and never answers: the
    connect_timeout of DATABASE_OPTIONS (1 s) ends the wait, not the
    backend's own 10 s."""
    silent = socket.socket()
    silent.bind(('127.0.0.1', 0))
    silent.listen(1)
    try:
        info = connect(settings_for(cluster, silent.getsockname()[1], connect_timeout=1))
        start = time.monotonic()
        with pytest.raises(DatabaseError) as raised:
            one_value(info, 'SELECT 1')
        waited = time.monotonic() - start
    finally:
        silent.close()
    assert 'timeout' in str(raised.value)
    assert waited < 5, waited


def test_a_streamed_result_through_pgbouncer(cluster):
    """iterator()'s stream is one statement, no cursor on the server: it
    reads through the pooler in transaction mode, and another statement
    in the middle of it (the rest read into memory first) works too."""
    info = connect(settings_for(cluster, cluster.bouncer))
    try:
        stream = info.connection.stream('SELECT g FROM generate_series(1, %s) g', [1000], 100)
        seen = [row[0] for row in stream.fetchmany(100)]
        assert info.connection.streaming is stream
        assert one_value(info, 'SELECT %s::int * 2', [21]) == 42
        while True:
            rows = stream.fetchmany(100)
            if not rows:
                break
            seen.extend(row[0] for row in rows)
        assert seen == list(range(1, 1001))
        assert info.connection.streaming is None
    finally:
        info.close()

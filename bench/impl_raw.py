"""Raw driver code, sqlite3 or psycopg: the floor every ORM is measured against.

Each INSERT gets the new row's id back (``lastrowid``, ``RETURNING id``),
as an ORM must. The phases that make no objects are shared with
bench.impl_objects (raw driver code that makes them)."""

import sqlite3

from bench.workload import COUNTS, SMALL_UPDATES, artist, widget


def version(target):
    if target.postgresql:
        import psycopg
        return 'psycopg ' + psycopg.__version__
    return 'sqlite3 ' + sqlite3.sqlite_version


def connect(target):
    """Returns (a, b, sql, insert, rows): the connections, the workload's
    statements (see statements()), insert(connection, sql, params) -> the
    new row's key, and rows(cursor) -> the rows of a SELECT, the quicker
    way for the driver: psycopg reads a result's rows in one go 1.7 times
    as fast as one by one; sqlite3 steps through them in C, each row freed
    as the loop moves on (a list of them keeps the cycle collector busy)."""
    if target.postgresql:
        import psycopg
        a, b = (psycopg.connect(**target.psycopg_params(n, raw=True)) for n in 'ab')

        def insert(conn, sql, params):
            return conn.execute(sql, params).fetchone()[0]
        return (a, b, statements('%s', 'serial PRIMARY KEY', ' RETURNING id'), insert,
                _fetch_all)
    a, b = (sqlite3.connect(target.path(n)) for n in 'ab')

    def insert(conn, sql, params):
        return conn.execute(sql, params).lastrowid
    return a, b, statements('?', 'integer PRIMARY KEY', ''), insert, iter


def _fetch_all(cursor):
    return cursor.fetchall()


def statements(p, key, returning):
    """Returns {name: SQL} for placeholder ``p``, key column type ``key``
    and INSERT suffix ``returning``."""
    return {
        'create artist': 'CREATE TABLE artist (id %s, name varchar(50) NOT NULL, '
                         'alive bool NOT NULL)' % key,
        'create widget': 'CREATE TABLE widget (id %s, code varchar(10) NOT NULL, '
                         'weight integer NOT NULL)' % key,
        'insert artist': 'INSERT INTO artist (name, alive) VALUES (%s, %s)%s' % (p, p, returning),
        'insert widget': 'INSERT INTO widget (code, weight) VALUES (%s, %s)%s' % (p, p, returning),
        'get artist': 'SELECT id, name, alive FROM artist WHERE id = %s' % p,
        'get widget': 'SELECT id, code, weight FROM widget WHERE id = %s' % p,
        'filter artist': 'SELECT id, name, alive FROM artist WHERE id <= %s' % p,
        'filter widget': 'SELECT id, code, weight FROM widget WHERE id <= %s' % p,
        'update artist': 'UPDATE artist SET alive = %s' % p,
        'update widget': 'UPDATE widget SET weight = %s' % p,
        'update1 artist': 'UPDATE artist SET alive = %s WHERE id = %s' % (p, p),
        'update1 widget': 'UPDATE widget SET weight = %s WHERE id = %s' % (p, p),
    }


def run(target, rows, clock):
    a, b, sql, insert, rows_of = connect(target)
    create(a, b, sql, clock)
    with clock('insert'):
        statement = sql['insert artist']
        for i in range(1, rows + 1):
            v = artist(i)
            insert(a, statement, (v['name'], v['alive']))
        a.commit()
        statement = sql['insert widget']
        for i in range(1, rows + 1):
            v = widget(i)
            insert(b, statement, (v['code'], v['weight']))
        b.commit()
    with clock('get'):
        statement = sql['get artist']
        for i in range(1, rows + 1):
            a.execute(statement, (i,)).fetchone()
        statement = sql['get widget']
        for i in range(1, rows + 1):
            b.execute(statement, (i,)).fetchone()
    with clock('filter'):
        for row in rows_of(a.execute(sql['filter artist'], (rows // 2,))):
            pass
        for row in rows_of(b.execute(sql['filter widget'], (rows // 2,))):
            pass
    the_rest(a, b, sql, clock)


def create(a, b, sql, clock):
    "The create phase."
    with clock('create'):
        a.execute(sql['create artist'])
        b.execute(sql['create widget'])
        a.commit()
        b.commit()


def the_rest(a, b, sql, clock):
    "The phases after filter, which make no objects; closes the connections."
    with clock('count'):
        for _ in range(COUNTS):
            a.execute('SELECT COUNT(*) FROM artist').fetchone()
            b.execute('SELECT COUNT(*) FROM widget').fetchone()
    with clock('update'):
        a.execute(sql['update artist'], (False,))
        a.commit()
        b.execute(sql['update widget'], (7,))
        b.commit()
    with clock('update1'):
        for i in range(1, SMALL_UPDATES + 1):
            a.execute(sql['update1 artist'], (True, i))
            a.commit()
            b.execute(sql['update1 widget'], (1, i))
            b.commit()
    with clock('delete'):
        a.execute('DELETE FROM artist')
        a.commit()
        b.execute('DELETE FROM widget')
        b.commit()
    with clock('drop'):
        a.execute('DROP TABLE artist')
        b.execute('DROP TABLE widget')
        a.commit()
        b.commit()
    a.close()
    b.close()

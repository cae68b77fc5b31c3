"""Raw driver code, sqlite3 or psycopg: the floor every ORM is measured against.

Each INSERT gets the new row's id back (``lastrowid``, ``RETURNING id``),
as an ORM must."""

import sqlite3

from bench.workload import COUNTS, SMALL_UPDATES, artist, widget


def version(target):
    if target.postgresql:
        import psycopg
        return 'psycopg ' + psycopg.__version__
    return 'sqlite3 ' + sqlite3.sqlite_version


def connect(target):
    "Returns the connections a and b, the placeholder, the key type and the insert suffix."
    if target.postgresql:
        import psycopg
        a, b = (psycopg.connect(**target.psycopg_params(n, raw=True)) for n in 'ab')
        return a, b, '%s', 'serial PRIMARY KEY', ' RETURNING id'
    a, b = (sqlite3.connect(target.path(n)) for n in 'ab')
    return a, b, '?', 'integer PRIMARY KEY', ''


def run(target, rows, clock):
    a, b, p, key, returning = connect(target)

    def insert(conn, sql, params):
        cursor = conn.execute(sql, params)
        return cursor.fetchone()[0] if returning else cursor.lastrowid

    with clock('create'):
        a.execute('CREATE TABLE artist (id %s, name varchar(50) NOT NULL, '
                  'alive bool NOT NULL)' % key)
        b.execute('CREATE TABLE widget (id %s, code varchar(10) NOT NULL, '
                  'weight integer NOT NULL)' % key)
        a.commit()
        b.commit()
    with clock('insert'):
        sql = 'INSERT INTO artist (name, alive) VALUES (%s, %s)%s' % (p, p, returning)
        for i in range(1, rows + 1):
            v = artist(i)
            insert(a, sql, (v['name'], v['alive']))
        a.commit()
        sql = 'INSERT INTO widget (code, weight) VALUES (%s, %s)%s' % (p, p, returning)
        for i in range(1, rows + 1):
            v = widget(i)
            insert(b, sql, (v['code'], v['weight']))
        b.commit()
    with clock('get'):
        for i in range(1, rows + 1):
            a.execute('SELECT id, name, alive FROM artist WHERE id = %s' % p, (i,)).fetchone()
        for i in range(1, rows + 1):
            b.execute('SELECT id, code, weight FROM widget WHERE id = %s' % p, (i,)).fetchone()
    with clock('filter'):
        for row in a.execute('SELECT id, name, alive FROM artist WHERE id <= %s' % p,
                             (rows // 2,)):
            pass
        for row in b.execute('SELECT id, code, weight FROM widget WHERE id <= %s' % p,
                             (rows // 2,)):
            pass
    with clock('count'):
        for _ in range(COUNTS):
            a.execute('SELECT COUNT(*) FROM artist').fetchone()
            b.execute('SELECT COUNT(*) FROM widget').fetchone()
    with clock('update'):
        a.execute('UPDATE artist SET alive = %s' % p, (False,))
        a.commit()
        b.execute('UPDATE widget SET weight = %s' % p, (7,))
        b.commit()
    with clock('update1'):
        for i in range(1, SMALL_UPDATES + 1):
            a.execute('UPDATE artist SET alive = %s WHERE id = %s' % (p, p), (True, i))
            a.commit()
            b.execute('UPDATE widget SET weight = %s WHERE id = %s' % (p, p), (1, i))
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

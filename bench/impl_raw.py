"""Raw sqlite3: the floor every ORM is measured against."""

import os
import sqlite3

from bench.workload import COUNTS, SMALL_UPDATES, artist, widget

VERSION = 'sqlite3 ' + sqlite3.sqlite_version


def run(directory, rows, clock):
    a = sqlite3.connect(os.path.join(directory, 'a.db'))
    b = sqlite3.connect(os.path.join(directory, 'b.db'))
    with clock('create'):
        a.execute('CREATE TABLE artist (id integer PRIMARY KEY, name varchar(50) NOT NULL, '
                  'alive bool NOT NULL)')
        b.execute('CREATE TABLE widget (id integer PRIMARY KEY, code varchar(10) NOT NULL, '
                  'weight integer NOT NULL)')
        a.commit()
        b.commit()
    with clock('insert'):
        for i in range(1, rows + 1):
            v = artist(i)
            a.execute('INSERT INTO artist (name, alive) VALUES (?, ?)', (v['name'], v['alive']))
        a.commit()
        for i in range(1, rows + 1):
            v = widget(i)
            b.execute('INSERT INTO widget (code, weight) VALUES (?, ?)', (v['code'], v['weight']))
        b.commit()
    with clock('get'):
        for i in range(1, rows + 1):
            a.execute('SELECT id, name, alive FROM artist WHERE id = ?', (i,)).fetchone()
        for i in range(1, rows + 1):
            b.execute('SELECT id, code, weight FROM widget WHERE id = ?', (i,)).fetchone()
    with clock('filter'):
        for row in a.execute('SELECT id, name, alive FROM artist WHERE id <= ?', (rows // 2,)):
            pass
        for row in b.execute('SELECT id, code, weight FROM widget WHERE id <= ?', (rows // 2,)):
            pass
    with clock('count'):
        for _ in range(COUNTS):
            a.execute('SELECT COUNT(*) FROM artist').fetchone()
            b.execute('SELECT COUNT(*) FROM widget').fetchone()
    with clock('update'):
        a.execute('UPDATE artist SET alive = ?', (False,))
        a.commit()
        b.execute('UPDATE widget SET weight = ?', (7,))
        b.commit()
    with clock('update1'):
        for i in range(1, SMALL_UPDATES + 1):
            a.execute('UPDATE artist SET alive = ? WHERE id = ?', (True, i))
            a.commit()
            b.execute('UPDATE widget SET weight = ? WHERE id = ?', (1, i))
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

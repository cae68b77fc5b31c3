"""The workload every implementation runs: two databases, Artist on one and
Widget on the other, ROWS rows each, in these phases; and where the two
databases are (``Target``)."""

import os

PHASES = ('create', 'insert', 'get', 'filter', 'count', 'update', 'update1', 'delete', 'drop')
# Phases reported per row as well (time / (2 * rows)).
PER_ROW = ('insert', 'get')
# How many COUNT(*) queries the count phase runs on each model.
COUNTS = 100
# How many one-row UPDATEs (each committed) the update1 phase runs on each
# model: where 'update' measures SQLite rewriting every row, this measures
# what each ORM adds around one statement.
SMALL_UPDATES = 200


def artist(i):
    return {'name': 'artist %d' % i, 'alive': bool(i % 2)}


def widget(i):
    return {'code': 'w%d' % i, 'weight': i}


class Target:
    """Where the databases 'a' and 'b' of a run are: two SQLite files in
    ``directory``, or (engine 'postgresql') two databases on the server
    that the libpq variables PGHOST, PGPORT, PGUSER and PGPASSWORD name,
    made empty by ``fresh()``."""

    def __init__(self, engine, directory):
        self.engine = engine
        self.directory = directory

    @property
    def postgresql(self):
        return self.engine == 'postgresql'

    def path(self, name):
        "The SQLite file of database ``name``."
        return os.path.join(self.directory, '%s.db' % name)

    def dbname(self, name):
        return 'bench_%s' % name

    def server(self):
        "Returns (host, port, user, password) of the PostgreSQL server."
        return (os.environ.get('PGHOST', ''), os.environ.get('PGPORT', ''),
                os.environ.get('PGUSER', ''), os.environ.get('PGPASSWORD', ''))

    def psycopg_params(self, name, raw=False):
        """Returns psycopg.connect() keywords for database ``name``; with
        ``raw``, for the raw driver code, which connects as django_legacy's
        backend does: prepare_threshold None, no statement prepared on the
        server (psycopg's default prepares a query from its fifth run, which
        the backend turns off for poolers; the comparison is of the Python
        each side adds, so both run the same statements the same way)."""
        params = {'dbname': self.dbname(name)}
        if raw:
            params['prepare_threshold'] = None
        for key, value in zip(('host', 'port', 'user', 'password'), self.server()):
            if value:
                params[key] = value
        return params

    def url(self, scheme, name):
        "Returns a URL such as postgresql://user@host:port/bench_a."
        host, port, user, password = self.server()
        auth = user + (':' + password if password else '') + '@' if user else ''
        return '%s://%s%s%s/%s' % (scheme, auth, host, ':' + port if port else '',
                                   self.dbname(name))

    def fresh(self, names=('a', 'b')):
        "Drops and creates the PostgreSQL databases ``names``."
        import psycopg
        params = dict(self.psycopg_params('a'), dbname='postgres', autocommit=True)
        with psycopg.connect(**params) as conn:
            for name in names:
                conn.execute('DROP DATABASE IF EXISTS %s' % self.dbname(name))
                conn.execute('CREATE DATABASE %s' % self.dbname(name))

"""The reliability tests' databases: each test that takes ``engine_db`` runs
once on an SQLite file and once on a scratch database of the PostgreSQL
server the PG* variables name (skipped, saying so, without PGHOST; .ci/pg
starts one). The testapp models live there, on a connection named 'rel'.
"""


import pytest

from django_legacy.db import connections
from tests.helpers import place
from tests.servers import Holder, missing, server_settings

PG_SCRATCH = 'django_legacy_reliability'


def need_postgresql():
    reason = missing('postgresql')
    if reason:
        pytest.skip(reason)


@pytest.fixture(params=['sqlite3', 'postgresql'])
def engine_db(request, isolated_settings, tmp_path):
    """Connection 'rel' on the engine of the parameter, holding the testapp
    models; yields its engine name."""
    if request.param == 'postgresql':
        need_postgresql()
        from django_legacy.db.backends.postgresql import creation
        entry = server_settings('postgresql', PG_SCRATCH)
        creation.create_test_db(Holder(entry), None, verbosity=0, autoclobber=True)
    else:
        entry = {'DATABASE_ENGINE': 'sqlite3', 'DATABASE_NAME': str(tmp_path / 'rel.db')}
    isolated_settings.OTHER_DATABASES['rel'] = entry
    place(isolated_settings, 'rel', 'testapp')
    try:
        yield request.param
    finally:
        connections.reset()
        if request.param == 'postgresql':
            creation.destroy_test_db(Holder(server_settings('postgresql', PG_SCRATCH)), PG_SCRATCH,
                                    verbosity=0)


def transaction_open(wrapper):
    "True when ``wrapper``'s DB-API connection has a transaction open on the server."
    conn = wrapper.connection
    if conn is None:
        return False
    if wrapper.settings.DATABASE_ENGINE == 'sqlite3':
        return conn.in_transaction
    from psycopg.pq import TransactionStatus
    return conn.info.transaction_status != TransactionStatus.IDLE

"""The database servers the server tests use: their settings, taken from
the environment, and scratch databases made and dropped around a test.
Shared by test_postgresql, test_mysql and engines.
"""

import contextlib
import copy
import os

import pytest

from django_legacy.core.exceptions import ImproperlyConfigured
from django_legacy.db import connections

SCRATCH = ('django_legacy_scratch_a', 'django_legacy_scratch_b')
# Which environment variables name each server: host, port, user, password.
ENVIRONMENT = {
    'postgresql': ('PGHOST', 'PGPORT', 'PGUSER', 'PGPASSWORD'),
    'mysql': ('MYSQL_HOST', 'MYSQL_PORT', 'MYSQL_USER', 'MYSQL_PASSWORD'),
}


# The script that starts a throw-away server of each engine.
SCRIPT = {'postgresql': '.ci/pg', 'mysql': '.ci/mysql'}


def missing(engine):
    """Returns why the ``engine`` server tests cannot run (no server named in
    the environment), or None when they can."""
    host, port, user, _ = ENVIRONMENT[engine]
    if os.environ.get(host):
        return None
    return ('no %s server configured: set %s, %s and %s (%s starts a throw-away one)'
            % ({'postgresql': 'PostgreSQL', 'mysql': 'MySQL'}[engine], host, port, user,
               SCRIPT[engine]))


def marks(engine):
    "The pytest marks of a module of tests on the ``engine`` server."
    reason = missing(engine)
    return [getattr(pytest.mark, engine), pytest.mark.skipif(reason is not None, reason=reason or '')]


def server_settings(engine, name):
    """Returns the OTHER_DATABASES entry of database ``name`` on the
    ``engine`` server the environment names."""
    host, port, user, password = (os.environ.get(variable, '') for variable in ENVIRONMENT[engine])
    return {'DATABASE_ENGINE': engine, 'DATABASE_NAME': name, 'DATABASE_HOST': host,
            'DATABASE_PORT': port, 'DATABASE_USER': user, 'DATABASE_PASSWORD': password,
            'DATABASE_OPTIONS': {}}


class Holder:
    "Connection settings whose test database is the database itself."

    def __init__(self, values):
        self.__dict__.update(values, TEST_DATABASE_NAME=values['DATABASE_NAME'])


@contextlib.contextmanager
def scratch_databases(settings, creation, entries):
    """Creates the database of each entry of ``entries`` ({connection name:
    OTHER_DATABASES entry}) with the backend's ``creation`` module and adds
    the connections to ``settings`` for the block; then drops them (as they
    were given: a test may change its connections' entries)."""
    holders = [Holder(copy.deepcopy(entry)) for entry in entries.values()]
    for holder in holders:
        creation.create_test_db(holder, None, verbosity=0, autoclobber=True)
    settings.OTHER_DATABASES.update(entries)
    try:
        yield settings
    finally:
        connections.reset()
        for holder in holders:
            creation.destroy_test_db(holder, holder.DATABASE_NAME, verbosity=0)


def check_existing_database_needs_noinput(creation, entry):
    """create_test_db refuses to clobber an existing database unless told
    (naming --noinput), and goes on when ``confirm`` says yes."""
    holder = Holder(entry)
    with pytest.raises(ImproperlyConfigured) as raised:
        creation.create_test_db(holder, None, verbosity=0, autoclobber=False)
    assert 'already exists' in str(raised.value) and '--noinput' in str(raised.value)
    assert creation.create_test_db(holder, None, verbosity=0, autoclobber=False,
                                   confirm=lambda name: True) == entry['DATABASE_NAME']

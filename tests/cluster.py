"""The servers of .ci/pgcluster for the patterns' tests: a primary, a
streaming replica and PgBouncer in front of each.

A test that needs them calls ``servers()``: without the PG* variables that
``.ci/pgcluster run`` sets, it skips saying how to get them, unless
DJANGO_LEGACY_REQUIRE_SERVERS is set (CI sets it), when it fails instead.
"""

import os

import pytest

REQUIRE = 'DJANGO_LEGACY_REQUIRE_SERVERS'


def servers():
    "Returns patterns.Servers from the environment, or skips (fails under CI)."
    from django_legacy.contrib.patterns import servers_from_environ
    from django_legacy.core.exceptions import ImproperlyConfigured
    try:
        return servers_from_environ()
    except ImproperlyConfigured as e:
        if os.environ.get(REQUIRE):
            pytest.fail('%s is set, so the servers must be there: %s' % (REQUIRE, e))
        pytest.skip('no primary, replica and PgBouncer: run the tests under '
                    '.ci/pgcluster run (%s)' % e)


def settings_for(servers, port, name='postgres', **options):
    "Returns 2007 connection settings for database ``name`` at ``port``."
    from django_legacy.conf import UserSettingsHolder, global_settings
    holder = UserSettingsHolder(global_settings)
    holder.DATABASE_ENGINE = 'postgresql'
    holder.DATABASE_HOST = servers.host
    holder.DATABASE_PORT = str(port)
    holder.DATABASE_USER = servers.user
    holder.DATABASE_PASSWORD = servers.password
    holder.DATABASE_NAME = name
    holder.DATABASE_OPTIONS = options
    holder.CONNECTION_NAME = 'test'
    return holder

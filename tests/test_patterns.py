"""Where each row lands, pattern by pattern, under the 2007 design
(django_legacy) and under a modern router (the installed Django 5), both run
on the real primary, replica and PgBouncer of .ci/pgcluster."""

import importlib.util
import os
import subprocess
import sys

import pytest

from django_legacy.contrib import patterns
from tests.cluster import servers

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
needs_django = pytest.mark.skipif(importlib.util.find_spec('django') is None,
                                  reason="modern Django is not installed "
                                         "(pip install 'django_legacy[compare]')")
MAIN = 'row in main@primary'
SPLIT = {  # the replicas' scenario: 2007 binds a request, the router splits per operation
    'migrate/install': (('default', 'table on main@primary'), ('default', 'table on main@primary')),
    'create': (('default', MAIN), ('default', MAIN)),
    'read after write': (('default', 'row returned'), ('replica', 'row MISSING')),
    'read': (('replica', 'row returned'), ('replica', 'row returned')),
    'update': (('default', MAIN), ('default', MAIN)),
}
ACME = 'row in acme@primary'
BILLING = 'row in billing@primary'
ERP = 'row in erp@primary'
# pattern -> operation -> ((2007 used, result), (modern used, result))
EXPECTED = {
    'replicas': SPLIT,
    'pooler': dict(SPLIT, **{'session state': (('default', '0 prepared statement(s) left'),
                                               ('default', '0 prepared statement(s) left'))}),
    'tenants': {
        'migrate/install': (('ACME, GLOBEX', 'table on acme@primary, globex@primary'),
                            ('ACME, GLOBEX', 'table on acme@primary, globex@primary')),
        'create': (('ACME', ACME), ('ACME', ACME)),
        'read after write': (('ACME', 'row returned'), ('ACME_RO', 'row MISSING')),
        'read': (('ACME_RO', 'row returned'), ('ACME_RO', 'row returned')),
        'update': (('ACME', ACME), ('ACME', ACME)),
        'relation across tenants': (('GLOBEX', 'refused by validate'),
                                    ('GLOBEX', 'refused at assignment')),
    },
    'attribute': {
        'migrate/install': (('billing', 'table on billing@primary'),
                            ('billing', 'table on billing@primary')),
        'create': (('billing', BILLING), ('billing', BILLING)),
        'read': (('billing', 'row returned'), ('billing', 'row returned')),
        'update': (('billing', BILLING), ('billing', BILLING)),
    },
    'mirrors': {
        'test DB set-up': (('default, replica',
                            'default test_main@primary, replica test_main@primary'),
                           ('default, replica',
                            'default test_main@primary, replica test_main@replica')),
        'create': (('default', 'row in test database'), ('default', 'row in test database')),
        'read': (('replica', 'row returned'), ('replica', 'row returned')),
    },
    'options': {
        'migrate/install': (('default', 'table on main@primary'),
                            ('default', 'table on main@primary')),
        'connect': (('default', 'ssl on, statement_timeout 500ms'),
                    ('default', 'ssl on, statement_timeout 500ms')),
        'slow statement': (('default', 'cancelled by statement_timeout'),
                           ('default', 'cancelled by statement_timeout')),
        'create': (('default', MAIN), ('default', MAIN)),
        'next request': (('default', 'new connection'), ('default', 'same connection')),
    },
    'legacy': {
        'migrate/install': (('erp', 'syncdb creates: nothing'),
                            ('none', 'migrate creates: nothing')),
        'read': (('erp', 'row returned'), ('erp', 'row returned')),
        'create': (('erp', ERP), ('erp', ERP)),
        'update': (('erp', ERP), ('erp', ERP)),
    },
}
# The operations whose outcome is not what the pattern wants, by design.
NOT_AS_WANTED = {('replicas', 'read after write', 'modern'), ('pooler', 'read after write', 'modern'),
                 ('tenants', 'read after write', 'modern'), ('options', 'next request', '2007')}


def test_every_pattern_is_covered():
    assert sorted(EXPECTED) == sorted(patterns.PATTERNS)


@needs_django
@pytest.mark.parametrize('pattern', list(patterns.PATTERNS))
def test_where_each_row_lands_under_both_designs(pattern):
    cluster = servers()
    legacy, modern = patterns.run(pattern, cluster)
    got = {}
    for design, steps in (('2007', legacy), ('modern', modern)):
        for step in steps:
            got.setdefault(step.operation, [None, None])[design == 'modern'] = (
                step.used, step.result)
            assert step.ok == ((pattern, step.operation, design) not in NOT_AS_WANTED), step
    assert {op: tuple(pair) for op, pair in got.items()} == EXPECTED[pattern]


def run_action(*argv, env=None):
    env = dict(os.environ if env is None else env, PYTHONPATH=HERE)
    env.pop('DJANGO_SETTINGS_MODULE', None)
    return subprocess.run([sys.executable, '-m', 'django_legacy', 'patterns'] + list(argv),
                          capture_output=True, text=True, cwd=HERE, env=env)


def test_an_unknown_pattern_is_one_line():
    result = run_action('nosuch')
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "python -m django_legacy: error: unknown pattern 'nosuch'; choose from: "
        + ', '.join(patterns.PATTERNS)]


def test_without_servers_the_action_says_which_variables_to_set():
    env = {k: v for k, v in os.environ.items() if not k.startswith('PG')}
    result = run_action('replicas', env=env)
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1
    assert 'PGREPLICA_PORT' in result.stderr and '.ci/pgcluster' in result.stderr


@needs_django
def test_the_action_prints_a_table_per_pattern():
    servers()
    result = run_action('replicas', 'attribute')
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.count('== ') == 2 and '== replicas: Read replicas ==' in out
    assert ('read after write | default: row returned (ok) '
            '| replica: row MISSING (NOT as wanted)') in ' '.join(out.split())
    assert 'had not replayed the write yet' in out


@needs_django
def test_the_readmes_patterns_output_is_a_real_runs():
    servers()
    with open(os.path.join(HERE, 'README.rst'), encoding='utf-8') as f:
        readme = f.read()
    command = '$ .ci/pgcluster run .venv/bin/python -m django_legacy patterns replicas\n'
    shown = readme.split(command)[1].split('\n\n')[0]
    result = run_action('replicas')
    assert result.returncode == 0, result.stderr
    assert [line[4:] for line in shown.splitlines()] == result.stdout.splitlines()


def test_servers_that_do_not_answer_are_one_line():
    "A port where no server listens: the error names the database and the server."
    import socket
    closed = socket.socket()
    closed.bind(('127.0.0.1', 0))
    port = str(closed.getsockname()[1])
    closed.close()
    env = {k: v for k, v in os.environ.items() if not k.startswith('PG')}
    env.update(PGHOST='127.0.0.1', PGUSER='postgres', PGPORT=port, PGREPLICA_PORT=port,
               PGBOUNCER_PORT=port, PGBOUNCER_REPLICA_PORT=port)
    result = run_action('attribute', env=env)
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert "database 'postgres' on 127.0.0.1:%s" % port in result.stderr


def test_a_port_that_is_not_a_number_is_named():
    env = dict(PGHOST='127.0.0.1', PGPORT='5432', PGREPLICA_PORT='x', PGBOUNCER_PORT='1',
               PGBOUNCER_REPLICA_PORT='2')
    with pytest.raises(patterns.ImproperlyConfigured) as raised:
        patterns.servers_from_environ(env)
    assert str(raised.value) == "PGREPLICA_PORT must be a port number, not 'x'"


def test_the_action_table_imports_no_pattern_module():
    "The patterns' modules (and modern Django) load only when the action runs."
    code = ('import sys, django_legacy.core.management; '
            'print(sorted(m for m in sys.modules if "patterns" in m or m == "django"))')
    result = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True,
                            cwd=HERE)
    assert result.stdout.strip() == '[]', result.stderr

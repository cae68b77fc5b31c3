"""The modern side of the ``patterns`` scenarios: settings, routers and models
as a Django 5 project writes them.

New: nothing here existed in 2007. Run as
``python -m django_legacy.contrib.patterns_modern <pattern>`` (with the PG*
variables of ``.ci/pgcluster``), it sets modern Django up for that one
pattern, runs the scenario and prints its steps as JSON; ``patterns.py``
runs it in a child process, because modern settings are fixed once per
process. The router classes import nothing from Django and are shown in
docs/patterns.txt.
"""

import json
import sys

REPLICAS = ('replica', 'ACME_RO', 'GLOBEX_RO')


class PrimaryReplicaRouter:
    "Reads from the replica, writes to the primary, migrates only the primary."

    def db_for_read(self, model, **hints):
        return 'replica'

    def db_for_write(self, model, **hints):
        return 'default'

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == 'default'


class TenantRouter:
    """A model names its tenant's database in ``_DATABASE``; reads go to the
    tenant's ``_RO`` twin; relations stay within one tenant; no migration
    runs on an ``_RO`` alias."""

    def _tenant(self, model):
        return getattr(model, '_DATABASE', None)

    def db_for_read(self, model, **hints):
        tenant = self._tenant(model)
        return tenant + '_RO' if tenant else None

    def db_for_write(self, model, **hints):
        return self._tenant(model)

    def allow_relation(self, obj1, obj2, **hints):
        return self._tenant(type(obj1)) == self._tenant(type(obj2))

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        if db.endswith('_RO'):
            return False
        model = hints.get('model')
        return model is None or self._tenant(model) in (None, db)


class ModelAttributeRouter:
    "A model names its database in ``_DATABASE``; the others use 'default'."

    def db_for_read(self, model, **hints):
        return getattr(model, '_DATABASE', 'default')

    db_for_write = db_for_read

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        model = hints.get('model')
        return model is None or getattr(model, '_DATABASE', 'default') == db


def databases(pattern, servers):
    """Returns the modern DATABASES of ``pattern`` for these servers."""
    from django_legacy.contrib.patterns import physical

    def server(logical, port, **extra):
        return dict({'ENGINE': 'django.db.backends.postgresql', 'HOST': servers.host,
                     'PORT': str(port), 'USER': servers.user, 'PASSWORD': servers.password,
                     'NAME': physical('modern', logical)}, **extra)
    primary, replica = servers.primary, servers.replica
    return {
        'replicas': lambda: {'default': server('main', primary),
                             'replica': server('main', replica)},
        'pooler': lambda: {
            'default': server('main', servers.bouncer, DISABLE_SERVER_SIDE_CURSORS=True),
            'replica': server('main', servers.bouncer_replica,
                              DISABLE_SERVER_SIDE_CURSORS=True)},
        'tenants': lambda: {'default': server('acme', primary),
                            'ACME': server('acme', primary), 'ACME_RO': server('acme', replica),
                            'GLOBEX': server('globex', primary),
                            'GLOBEX_RO': server('globex', replica)},
        'attribute': lambda: {'default': server('main', primary),
                              'billing': server('billing', primary)},
        'mirrors': lambda: {'default': server('main', primary),
                            'replica': server('main', replica, TEST={'MIRROR': 'default'})},
        'options': lambda: {'default': server('main', primary, CONN_MAX_AGE=60, OPTIONS={
            'connect_timeout': 3, 'sslmode': 'require',
            'options': '-c statement_timeout=500'})},
        'legacy': lambda: {'default': server('main', primary),
                           'erp': server('erp', primary)},
    }[pattern]()


ROUTERS = {
    'replicas': [PrimaryReplicaRouter], 'pooler': [PrimaryReplicaRouter],
    'tenants': [TenantRouter], 'attribute': [ModelAttributeRouter], 'mirrors': [],
    'options': [], 'legacy': [ModelAttributeRouter],
}


def setup(pattern, servers):
    "Configures modern Django for ``pattern`` and returns the models module namespace."
    import django
    from django.conf import settings
    settings.configure(
        DATABASES=databases(pattern, servers),
        DATABASE_ROUTERS=['%s.%s' % (__name__, r.__name__) for r in ROUTERS[pattern]],
        INSTALLED_APPS=[], USE_TZ=False, DEFAULT_AUTO_FIELD='django.db.models.AutoField')
    django.setup()
    return define_models()


def define_models():
    "Returns {name: model class}: the modern counterparts of patterns_legacy's."
    from django.db import models

    def model(name, table, fields, **attributes):
        meta = type('Meta', (), dict({'app_label': 'patterns', 'db_table': table},
                                     **attributes.pop('meta', {})))
        attrs = dict(fields, __module__=__name__, Meta=meta, **attributes)
        return type(name, (models.Model,), attrs)

    def name():
        return {'name': models.CharField(max_length=30)}
    found = {'Item': model('Item', 'item', name()),
             'Invoice': model('Invoice', 'invoice', name(), _DATABASE='billing'),
             'AcmeItem': model('AcmeItem', 'tenant_item', name(), _DATABASE='ACME'),
             'GlobexItem': model('GlobexItem', 'tenant_item', name(), _DATABASE='GLOBEX')}
    found['GlobexOrder'] = model('GlobexOrder', 'tenant_order', {
        'item': models.ForeignKey(found['AcmeItem'], on_delete=models.CASCADE)},
        _DATABASE='GLOBEX')
    found['Customer'] = model('Customer', 'CUSTOMERS', {
        'id': models.AutoField(primary_key=True, db_column='CUST_ID'),
        'name': models.CharField(max_length=40, db_column='CUST_NAME')},
        _DATABASE='erp', meta={'managed': False})
    return found


def step(operation, used, result, ok, note=''):
    return [operation, used, result, bool(ok), note]


def migrate(steps, servers, pattern, models, table, expected):
    "Creates the models' tables on every alias allow_migrate accepts, as migrate would."
    from django.db import connections, router
    from django_legacy.contrib.patterns import tables_in
    aliases = []
    for alias in connections:
        for model in models:
            if model._meta.managed and router.allow_migrate_model(alias, model):
                with connections[alias].schema_editor() as editor:
                    editor.create_model(model)
                aliases.append(alias)
    where = tables_in(servers, pattern, 'modern', table)
    steps.append(step('migrate/install', ', '.join(aliases) or 'none',
                      'table on ' + (', '.join(where) or 'none'), where == expected))


def wrote(steps, operation, model, servers, pattern, value, expected, column='name'):
    from django.db import router
    from django_legacy.contrib.patterns import rows_in
    where = rows_in(servers, pattern, 'modern', model._meta.db_table, column, value)
    steps.append(step(operation, router.db_for_write(model), 'row in ' + (', '.join(where)
                                                                          or 'none'),
                      where == expected))


def read(steps, operation, model, value, note=''):
    from django.db import router
    from django_legacy.contrib.patterns import read_result
    found = model.objects.filter(name=value).count() == 1
    steps.append(step(operation, router.db_for_read(model), read_result(found), found,
                      '' if found else note))


LAG_NOTE = ('every read goes to the replica, which had not replayed the write yet '
            '(replay paused to stand for lag)')


def read_write_split(steps, servers, pattern, model, home):
    from django_legacy.contrib.patterns import pause_replay, resume_replay
    pause_replay(servers)
    try:
        model.objects.create(name='first')
        wrote(steps, 'create', model, servers, pattern, 'first', [home])
        read(steps, 'read after write', model, 'first', LAG_NOTE)
    finally:
        resume_replay(servers)
    read(steps, 'read', model, 'first')
    obj = model.objects.get(name='first')
    obj.name = 'second'
    obj.save()
    wrote(steps, 'update', model, servers, pattern, 'second', [home])


def scenario_replicas(models, servers, pattern='replicas'):
    steps = []
    migrate(steps, servers, pattern, [models['Item']], 'item', ['main@primary'])
    read_write_split(steps, servers, pattern, models['Item'], 'main@primary')
    return steps


def scenario_pooler(models, servers):
    from django.db import connections
    from django_legacy.contrib.patterns import prepared_statements_left
    steps = scenario_replicas(models, servers, 'pooler')
    connections.close_all()
    prepared = prepared_statements_left(servers, servers.bouncer, 'pooler', 'modern')
    steps.append(step('session state', 'default', '%d prepared statement(s) left' % prepared,
                      prepared == 0))
    return steps


def scenario_tenants(models, servers):
    steps = []
    migrate(steps, servers, 'tenants', [models['AcmeItem'], models['GlobexItem']],
            'tenant_item', ['acme@primary', 'globex@primary'])
    read_write_split(steps, servers, 'tenants', models['AcmeItem'], 'acme@primary')
    acme = models['AcmeItem'].objects.get(name='second')
    try:
        models['GlobexOrder'](item=acme)
        steps.append(step('relation across tenants', 'GLOBEX', 'allowed', False))
    except ValueError as e:
        steps.append(step('relation across tenants', 'GLOBEX', 'refused at assignment', True,
                          str(e)))
    return steps


def scenario_attribute(models, servers):
    steps = []
    invoice = models['Invoice']
    migrate(steps, servers, 'attribute', [invoice], 'invoice', ['billing@primary'])
    invoice.objects.create(name='first')
    wrote(steps, 'create', invoice, servers, 'attribute', 'first', ['billing@primary'])
    read(steps, 'read', invoice, 'first')
    invoice.objects.filter(name='first').update(name='second')
    wrote(steps, 'update', invoice, servers, 'attribute', 'second', ['billing@primary'])
    return steps


def scenario_mirrors(models, servers):
    from django.db import connections
    from django.test.utils import setup_databases, teardown_databases
    steps = []
    from django_legacy.contrib.patterns import located, resume_replay, shared_test_database
    old = setup_databases(verbosity=0, interactive=False, aliases={'default', 'replica'})
    try:
        # The standby serves the test database once it has replayed its creation.
        resume_replay(servers)
        names = {alias: located(servers, connections[alias].settings_dict['NAME'],
                                connections[alias].settings_dict['PORT'])
                 for alias in ('default', 'replica')}
        text, same = shared_test_database(names)
        steps.append(step('test DB set-up', 'default, replica', text, same,
                          "TEST['MIRROR'] replaces the alias's NAME only: it still reaches "
                          'its own HOST and PORT'))
        item = models['Item']
        with connections['default'].schema_editor() as editor:
            editor.create_model(item)
        item.objects.create(name='first')
        steps.append(step('create', 'default', 'row in test database', True))
        resume_replay(servers)
        found = item.objects.using('replica').filter(name='first').count() == 1
        steps.append(step('read', 'replica', 'row returned' if found else 'row MISSING', found))
    finally:
        teardown_databases(old, verbosity=0)
    return steps


def scenario_options(models, servers):
    from django.core import signals
    from django.db import DatabaseError, connection, transaction
    steps = []
    item = models['Item']
    migrate(steps, servers, 'options', [item], 'item', ['main@primary'])
    with connection.cursor() as cursor:
        cursor.execute('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')
        ssl = cursor.fetchone()[0]
        cursor.execute('SHOW statement_timeout')
        timeout = cursor.fetchone()[0]
    steps.append(step('connect', 'default', 'ssl %s, statement_timeout %s'
                      % ('on' if ssl else 'off', timeout), ssl and timeout == '500ms'))
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute('SELECT pg_sleep(2)')
        result = 'ran 2 s'
    except DatabaseError:
        result = 'cancelled by statement_timeout'
    steps.append(step('slow statement', 'default', result, result.startswith('cancelled')))
    item.objects.create(name='first')
    wrote(steps, 'create', item, servers, 'options', 'first', ['main@primary'])
    pid = _backend_pid(connection)
    signals.request_finished.send(sender=None)
    signals.request_started.send(sender=None)
    kept = _backend_pid(connection) == pid
    steps.append(step('next request', 'default', 'same connection' if kept else
                      'new connection', kept))
    return steps


def _backend_pid(connection):
    with connection.cursor() as cursor:
        cursor.execute('SELECT pg_backend_pid()')
        return cursor.fetchone()[0]


def scenario_legacy(models, servers):
    from django_legacy.contrib.patterns import make_erp_table
    make_erp_table(servers, 'modern')
    steps = []
    customer = models['Customer']
    before = []
    migrate(before, servers, 'legacy', [customer], 'CUSTOMERS', ['erp@primary'])
    steps.append(step('migrate/install', before[0][1], 'migrate creates: nothing', True,
                      'managed = False'))
    read(steps, 'read', customer, 'Initech')
    customer.objects.create(name='Hooli')
    wrote(steps, 'create', customer, servers, 'legacy', 'Hooli', ['erp@primary'],
          column='CUST_NAME')
    customer.objects.filter(name='Hooli').update(name='Hooli Inc')
    wrote(steps, 'update', customer, servers, 'legacy', 'Hooli Inc', ['erp@primary'],
          column='CUST_NAME')
    return steps


def main(argv=None):
    from django_legacy.contrib.patterns import servers_from_environ
    pattern = (argv or sys.argv[1:])[0]
    servers = servers_from_environ()
    models = setup(pattern, servers)
    steps = globals()['scenario_' + pattern](models, servers)
    json.dump(steps, sys.stdout)
    return 0


if __name__ == '__main__':
    sys.exit(main())

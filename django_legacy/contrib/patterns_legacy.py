"""The 2007 side of the ``patterns`` scenarios: models and one function a pattern.

New: nothing here existed in 2007. The models (app label 'patterns') are
placed the 2007 ways: on the default connection, by ``Meta.db_connection``,
or by a ``MODELS`` entry (see ``patterns.legacy_settings``). Each
``scenario_<pattern>(servers)`` runs under those settings and returns a
list of ``patterns.Step``. Imported only when a scenario runs.
"""

from django_legacy.contrib.patterns import (
    Step, new_request, pause_replay, read_result, resume_replay, rows_in, tables_in)
from django_legacy.contrib.replicas import ReadConnectionManager
from django_legacy.contrib.routers import alias_for
from django_legacy.db import DatabaseError, connections, models, transaction


def _named(name, table, connection=None, **attributes):
    """Returns a model class ``name`` (app label 'patterns') on ``table``
    with one column, name varchar(30); ``connection`` places it by
    ``Meta.db_connection``, the 2006 design's model attribute."""
    meta = {'app_label': 'patterns', 'db_table': table}
    if connection:
        meta['db_connection'] = connection
    attrs = dict(attributes, __module__=__name__, Meta=type('Meta', (), meta),
                 name=models.CharField(maxlength=30))
    return type(name, (models.Model,), attrs)


# On the default connection (and read from a replica when a request says so).
Item = _named('Item', 'item')
# Reads through the connection READ_CONNECTIONS names for it, writes on its
# own: django_legacy.contrib.replicas, not in 2007.
SplitItem = _named('SplitItem', 'split_item', objects=ReadConnectionManager())
# Placed by the model itself: the 2006 design's Meta.db_connection.
Invoice = _named('Invoice', 'invoice', 'billing')
# The tenants' rows: the same table, in ACME's database and in GLOBEX's.
AcmeItem = _named('AcmeItem', 'tenant_item', 'ACME')
GlobexItem = _named('GlobexItem', 'tenant_item', 'GLOBEX')


class GlobexOrder(models.Model):
    "A GLOBEX row that points at an ACME row: a relation across tenants."
    item = models.ForeignKey(AcmeItem)

    class Meta:
        app_label = 'patterns'
        db_table = 'tenant_order'
        db_connection = 'GLOBEX'


class Customer(models.Model):
    "A table the ERP made long ago: upper-case names, its own key column."
    id = models.AutoField(primary_key=True, db_column='CUST_ID')
    name = models.CharField(maxlength=40, db_column='CUST_NAME')

    class Meta:
        app_label = 'patterns'
        db_table = 'CUSTOMERS'


def used(model):
    "The modern alias of the connection the model's manager uses now."
    return alias_for(model.objects.db.settings.CONNECTION_NAME)


def wrote(steps, operation, model, servers, pattern, value, expected, column='name', note=''):
    "Records where the row with ``value`` is after a write through ``model``."
    where = rows_in(servers, pattern, '2007', model._meta.db_table, column, value)
    steps.append(Step(operation, used(model), 'row in ' + (', '.join(where) or 'none'),
                      where == expected, note))


def read(steps, operation, model, value, note='', **lookup):
    found = model.objects.filter(**(lookup or {'name': value})).count() == 1
    steps.append(Step(operation, used(model), read_result(found), found,
                      note if not found else ''))


def installed(steps, servers, pattern, table, models, expected):
    for model in models:
        model.objects.install()
    where = tables_in(servers, pattern, '2007', table)
    steps.append(Step('migrate/install', ', '.join(used(m) for m in models),
                      'table on ' + ', '.join(where), where == expected, ''))


def read_write_split(steps, servers, pattern, model, replica, home):
    """Create, read after write, read and update, as a 2007 site splits
    them: a request that writes uses the model's own connection for all it
    does; a request that only reads binds the manager to ``replica``."""
    logical = home.split('@')[0]
    model(name='first').save()
    wrote(steps, 'create', model, servers, pattern, 'first', [home])
    pause_replay(servers)
    try:
        read(steps, 'read after write', model, 'first')
    finally:
        resume_replay(servers)
    new_request()
    model.objects.db = connections[replica]
    read(steps, 'read', model, 'first')
    refused = ''
    try:
        model.objects.filter(name='first').update(name='tried')
    except DatabaseError as e:
        refused = 'a write while bound to %s fails: %s' % (
            replica, str(e).strip().splitlines()[0])
        transaction.rollback()
    new_request()
    obj = model.objects.get(name='first')
    obj.name = 'second'
    obj.save()
    wrote(steps, 'update', model, servers, pattern, 'second', [home],
          note=refused or 'a write while bound to %s went through (%s)' % (replica, logical))


def scenario_replicas(servers, pattern='replicas'):
    steps = []
    installed(steps, servers, pattern, 'item', [Item], ['main@primary'])
    read_write_split(steps, servers, pattern, Item, 'replica', 'main@primary')
    return steps


def scenario_pooler(servers):
    "The replicas' scenario through PgBouncer, then what it left on the server."
    from django_legacy.contrib.patterns import prepared_statements_left
    steps = scenario_replicas(servers, 'pooler')
    new_request()
    prepared = prepared_statements_left(servers, servers.bouncer, 'pooler', '2007')
    steps.append(Step('session state', 'default', '%d prepared statement(s) left' % prepared,
                      prepared == 0, ''))
    return steps


def scenario_tenants(servers):
    from django_legacy.core.management.validation import model_errors
    steps = []
    installed(steps, servers, 'tenants', 'tenant_item', [AcmeItem, GlobexItem],
              ['acme@primary', 'globex@primary'])
    read_write_split(steps, servers, 'tenants', AcmeItem, 'ACME_RO', 'acme@primary')
    errors = list(model_errors(GlobexOrder))
    steps.append(Step('relation across tenants', 'GLOBEX',
                      'refused by validate' if errors else 'allowed', bool(errors),
                      errors[0] if errors else 'validate found nothing'))
    return steps


def scenario_attribute(servers):
    steps = []
    installed(steps, servers, 'attribute', 'invoice', [Invoice], ['billing@primary'])
    Invoice(name='first').save()
    wrote(steps, 'create', Invoice, servers, 'attribute', 'first', ['billing@primary'])
    read(steps, 'read', Invoice, 'first')
    Invoice.objects.filter(name='first').update(name='second')
    wrote(steps, 'update', Invoice, servers, 'attribute', 'second', ['billing@primary'])
    return steps


def scenario_mirrors(servers):
    """The test database of 'replica' must be the default's: create_test_db
    makes one per TEST_DATABASES name, so the replica is pointed at the
    default's test database afterwards (the workaround)."""
    from django_legacy.conf import settings
    from django_legacy.contrib.patterns import located, shared_test_database
    from django_legacy.test.utils import create_test_db, destroy_test_db
    steps = []
    old_name, old_databases = settings.DATABASE_NAME, settings.OTHER_DATABASES
    create_test_db(verbosity=0, autoclobber=True)
    try:
        settings.OTHER_DATABASES = dict(settings.OTHER_DATABASES,
                                        replica={'DATABASE_NAME': settings.DATABASE_NAME,
                                                 'DATABASE_PORT': str(servers.primary)})
        names = {alias: located(servers, connections[name].settings.DATABASE_NAME,
                                connections[name].settings.DATABASE_PORT)
                 for alias, name in (('default', connections.keys()[0]),
                                     ('replica', 'replica'))}
        text, same = shared_test_database(names)
        steps.append(Step('test DB set-up', 'default, replica', text, same,
                          "create_test_db drops entries not in TEST_DATABASES (and gives "
                          "those in it a database each): 'replica' is pointed at the "
                          "default's test database by hand"))
        Item.objects.install()
        Item(name='first').save()
        steps.append(Step('create', used(Item), 'row in test database', True, ''))
        Item.objects.db = connections['replica']
        read(steps, 'read', Item, 'first')
    finally:
        connections.reset()
        destroy_test_db(old_name, old_databases, verbosity=0)
    return steps


def scenario_options(servers):
    steps = []
    installed(steps, servers, 'options', 'item', [Item], ['main@primary'])
    cursor = Item.objects.db.connection.cursor()
    cursor.execute('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')
    ssl = cursor.fetchone()[0]
    cursor.execute('SHOW statement_timeout')
    timeout = cursor.fetchone()[0]
    steps.append(Step('connect', used(Item), 'ssl %s, statement_timeout %s'
                      % ('on' if ssl else 'off', timeout), ssl and timeout == '500ms', ''))
    try:
        cursor.execute('SELECT pg_sleep(2)')
        result = 'ran 2 s'
    except DatabaseError:
        result = 'cancelled by statement_timeout'
        transaction.rollback()
    steps.append(Step('slow statement', used(Item), result, result.startswith('cancelled'), ''))
    Item(name='first').save()
    wrote(steps, 'create', Item, servers, 'options', 'first', ['main@primary'])
    pid = _backend_pid()
    new_request()
    kept = _backend_pid() == pid
    steps.append(Step('next request', used(Item), 'same connection' if kept else
                      'new connection', kept,
                      '' if kept else 'request_finished closes every connection: '
                      'no CONN_MAX_AGE in 2007'))
    return steps


def _backend_pid():
    cursor = Item.objects.db.connection.cursor()
    cursor.execute('SELECT pg_backend_pid()')
    pid = cursor.fetchone()[0]
    transaction.commit_unless_managed()
    return pid


def scenario_legacy(servers):
    from django_legacy.contrib.patterns import make_erp_table
    from django_legacy.core.management.install import uninstalled
    from django_legacy.core.management.sql import Builders
    make_erp_table(servers, '2007')
    steps = []
    missing = uninstalled([Customer], Builders())
    steps.append(Step('migrate/install', used(Customer),
                      'syncdb creates: %s' % (', '.join(m.__name__ for m in missing) or
                                              'nothing'), not missing,
                      'syncdb skips a table that exists; install, reset and sqlclear '
                      'still act on it (no managed = False)'))
    read(steps, 'read', Customer, 'Initech')
    Customer(name='Hooli').save()
    wrote(steps, 'create', Customer, servers, 'legacy', 'Hooli', ['erp@primary'],
          column='CUST_NAME')
    Customer.objects.filter(name='Hooli').update(name='Hooli Inc')
    wrote(steps, 'update', Customer, servers, 'legacy', 'Hooli Inc', ['erp@primary'],
          column='CUST_NAME')
    return steps

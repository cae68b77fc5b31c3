"""The connection registry, ConnectionInfo and model_connection_name."""

import threading

import pytest

from django_legacy.core.exceptions import ImproperlyConfigured
from django_legacy.db import (
    ConnectionInfo, _default, available_backends, backend, connect, connection, connections,
    connection_info, lay_entry, model_connection_name)
from tests.helpers import engine, place
from tests.testapp.models import Author, Book, Tag


def test_default_prints_and_sorts_first():
    assert repr(_default) == str(_default) == '<default>'
    assert sorted(['_b', _default, '_a']) == [_default, '_a', '_b']
    assert sorted(['_b', '_a', _default], reverse=True) == ['_b', '_a', _default]
    assert _default < '_a' and not (_default > '_a') and '_a' > _default


def test_keys_lists_every_configured_name():
    assert connections.keys() == [_default, '_a', '_b']
    assert '_a' in connections and _default in connections and 'bad' not in connections


def test_iteration_yields_only_connections_opened_in_this_thread(isolated_settings):
    assert list(connections) == []
    connections['_b']
    assert list(connections) == ['_b']


def test_values_and_items_open_every_configured_connection(isolated_settings):
    connections['_b']
    values = connections.values()
    assert sorted(connections) == [_default, '_a', '_b']
    assert values == [connections[_default], connections['_a'], connections['_b']]
    assert connections.items() == list(zip([_default, '_a', '_b'], values))


def test_unknown_name_message():
    with pytest.raises(ImproperlyConfigured) as raised:
        connections['bad']
    assert str(raised.value) == "No database connection 'bad' has been configured"


def test_connection_info_attributes_and_repr(test_databases):
    info = connections['_a']
    assert info.settings.DATABASE_NAME == test_databases.OTHER_DATABASES['_a']['DATABASE_NAME']
    assert info.backend.__name__ == 'django_legacy.db.backends.%s.base' % engine()
    assert info.connection.settings is info.settings
    assert info.DatabaseError is info.backend.DatabaseError
    assert info.IntegrityError is info.backend.IntegrityError
    assert repr(info) == 'Connection: %r (ENGINE=%s NAME=%s)' % (
        info.connection, engine(), info.settings.DATABASE_NAME)
    assert info.get_introspection_module().__name__.endswith('%s.introspection' % engine())
    assert info.get_creation_module().DATA_TYPES['AutoField'] in ('integer', 'serial', 'integer AUTO_INCREMENT')


def test_queries_are_logged_under_debug_and_reset(isolated_settings):
    isolated_settings.DEBUG = True
    info = connections['_a']
    cursor = info.connection.cursor()
    cursor.execute('SELECT %s', [1])
    assert info.connection.queries[-1]['sql'] == 'SELECT 1'
    info.reset_queries()
    assert info.connection.queries == []


def test_unknown_engine_lists_the_backends(isolated_settings):
    isolated_settings.OTHER_DATABASES['_a']['DATABASE_ENGINE'] = 'oracle9'
    with pytest.raises(ImproperlyConfigured) as raised:
        connections['_a']
    assert str(raised.value) == (
        "'oracle9' isn't an available database backend. Available options are: %s"
        % ', '.join(map(repr, available_backends())))
    assert available_backends() == ('dummy', 'mysql', 'postgresql', 'sqlite3')


def test_missing_keys_come_from_the_default_connection(isolated_settings):
    isolated_settings.DATABASE_USER = 'scott'
    isolated_settings.OTHER_DATABASES['_a'].pop('DATABASE_ENGINE', None)
    info = connections['_a']
    assert info.settings.DATABASE_USER == 'scott'
    assert info.settings.DATABASE_ENGINE == engine()
    assert info.settings.DATABASE_NAME == isolated_settings.OTHER_DATABASES['_a']['DATABASE_NAME']


def test_connection_settings_do_not_follow_later_changes(isolated_settings):
    info = connections['_a']
    name = info.settings.DATABASE_NAME
    isolated_settings.OTHER_DATABASES['_a']['DATABASE_NAME'] = '/elsewhere.db'
    assert connections['_a'].settings.DATABASE_NAME == name


def test_one_rule_lays_an_entry_over_the_default(isolated_settings):
    isolated_settings.TEST_DATABASE_NAME = 'test_default_only'
    isolated_settings.OTHER_DATABASES['x'] = {'DATABASE_NAME': 'x.db', 'MODELS': ['testapp']}
    laid = lay_entry(isolated_settings, isolated_settings.OTHER_DATABASES['x'])
    assert laid['DATABASE_NAME'] == 'x.db' and 'MODELS' not in laid
    assert laid['DATABASE_ENGINE'] == isolated_settings.DATABASE_ENGINE    # from the default
    assert laid['TEST_DATABASE_NAME'] is None                              # names one database only
    assert lay_entry(isolated_settings)['TEST_DATABASE_NAME'] == 'test_default_only'
    # The registry, the router and the test databases read the same values.
    from django_legacy.contrib.routers import to_modern_databases
    assert connections['x'].settings.TEST_DATABASE_NAME is None
    assert connections['x'].settings.DATABASE_ENGINE == laid['DATABASE_ENGINE']
    if engine() == 'sqlite3':
        assert to_modern_databases(isolated_settings)['x']['NAME'] == 'x.db'


def test_assignment_replaces_and_reset_forgets(isolated_settings):
    replacement = connect(connections['_b'].settings)
    connections['_a'] = replacement
    assert connections['_a'] is replacement
    connections.reset()
    assert connections['_a'] is not replacement


@pytest.mark.parametrize('value, fragment', [
    ([('_a', {})], 'OTHER_DATABASES must be a dict'),
    ({'_a': 'file.db'}, "OTHER_DATABASES['_a'] must be a dict"),
    ({'_a': {'DATABSE_NAME': 'x'}}, "unknown setting 'DATABSE_NAME' (did you mean 'DATABASE_NAME'?)"),
    ({'_a': {'MODELS': 'testapp'}}, "['MODELS'] must be a list"),
])
def test_malformed_other_databases(isolated_settings, value, fragment):
    isolated_settings.OTHER_DATABASES = value
    with pytest.raises(ImproperlyConfigured) as raised:
        model_connection_name(Author)
    assert fragment in str(raised.value)
    with pytest.raises(ImproperlyConfigured):
        connections.keys()


def test_resolution_order(isolated_settings):
    assert model_connection_name(Author) is _default
    place(isolated_settings, '_b', 'testapp')
    assert model_connection_name(Author) == '_b'
    place(isolated_settings, '_a', 'testapp.Author')
    assert model_connection_name(Author) == '_a'
    assert model_connection_name(Book) == '_b'


def test_class_name_is_case_sensitive(isolated_settings):
    place(isolated_settings, '_a', 'testapp.author')
    assert model_connection_name(Author) is _default


def test_app_in_two_entries(isolated_settings):
    place(isolated_settings, '_a', 'testapp')
    place(isolated_settings, '_b', 'testapp')
    with pytest.raises(ImproperlyConfigured) as raised:
        model_connection_name(Author)
    assert str(raised.value) == (
        'App testapp appears in more than one OTHER_DATABASES setting (_a and _b)')


def test_meta_db_connection_wins_and_conflicts_are_reported(isolated_settings):
    Tag._meta.db_connection = '_b'
    try:
        place(isolated_settings, '_a', 'testapp')
        assert model_connection_name(Tag) == '_b'
        place(isolated_settings, '_a', 'testapp.Tag')
        with pytest.raises(ImproperlyConfigured) as raised:
            model_connection_name(Tag)
        message = str(raised.value)
        assert 'testapp.Tag' in message and "'_b'" in message and "'_a'" in message
    finally:
        Tag._meta.db_connection = None


def test_manager_db_follows_settings_after_request(isolated_settings):
    from django_legacy.core import signals
    from django_legacy.dispatch import dispatcher
    assert Author.objects.db is connections[_default]
    place(isolated_settings, '_a', 'testapp.Author')
    assert Author.objects.db is connections[_default], 'cached until the request ends'
    dispatcher.send(signal=signals.request_finished)
    assert Author.objects.db is connections['_a']


def test_default_proxies_are_per_thread(isolated_settings):
    seen = {}

    def run():
        seen['thread'] = (connection_info._target(), backend.__name__)
    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    here = connection_info._target()
    assert isinstance(here, ConnectionInfo)
    assert seen['thread'][0] is not here
    assert seen['thread'][1] == 'django_legacy.db.backends.%s.base' % engine()
    assert connection.settings is here.connection.settings


def test_a_backends_thread_state_lives_in_the_registry(isolated_settings):
    mine = connections.thread_state('test')
    mine['x'] = 1
    seen = []
    worker = threading.Thread(target=lambda: seen.append(connections.thread_state('test')))
    worker.start()
    worker.join()
    assert seen == [{}]                       # another thread has its own
    connections.reset()
    assert connections.thread_state('test') == {'x': 1}    # reset() leaves it
    from django_legacy.db.backends.sqlite3.base import memory_databases
    assert memory_databases() is connections.thread_state('sqlite3 :memory:')
    mine.clear()

"""Every thread may read different database settings.

Here ``settings`` is pointed at an object that gives each thread a private
deep copy of any value it reads. Two worker threads edit their copy (one
takes MY off ``_b``, the other trades ``_a`` for ``_b`` and moves the
default database), then all three threads are released at once and each
serves one request. Inside its request every thread must find the models
routed, and the connections opened, as its own copy says.
"""

import copy
import threading
import unittest

from django_legacy.conf import settings, UserSettingsHolder
from django_legacy.db import model_connection_name, _default, connection, connections
from regressiontests.request_isolation.tests import (
    ScriptedHandler, database_of, discard_status, get_environ)
from regressiontests.thread_isolation.models import MQ, MX, MY

# How long a worker waits for the go signal before serving anyway.
RELEASE_AFTER = 5.0


class PerThreadSettings:
    """Reads through to ``base``, but the first read of a name in a thread
    stores a deep copy for that thread; writes go to the thread's copy. So
    editing a nested dict in one thread is invisible to the others."""

    def __init__(self, base):
        vars(self).update(base=base, slots=threading.local())

    def __getattr__(self, name):
        slots = vars(self)['slots']
        try:
            return getattr(slots, name)
        except AttributeError:
            value = copy.deepcopy(getattr(vars(self)['base'], name))
            setattr(slots, name, value)
            return value

    def __setattr__(self, name, value):
        setattr(vars(self)['slots'], name, value)


def unroute_my():
    "Worker one: MY is no longer listed under _b, so it falls to the default."
    settings.OTHER_DATABASES['_b']['MODELS'] = []


def trade_a_and_b():
    """Worker two: the entries of _a and _b change places (MY goes with the
    old _b entry), and the default database becomes the new _a's."""
    others = settings.OTHER_DATABASES
    others['_b']['MODELS'] = ['ti.MY']
    others['_a'], others['_b'] = others['_b'], others['_a']
    settings.DATABASE_NAME = others['_a']['DATABASE_NAME']


class ThreadsReadTheirOwnSettings(unittest.TestCase):

    def setUp(self):
        self.saved = settings._target
        self.failures = []
        self.guard = threading.Lock()
        self.go = threading.Event()
        base = UserSettingsHolder(copy.deepcopy(self.saved))
        base.OTHER_DATABASES['_a']['MODELS'] = ['ti.MX']
        base.OTHER_DATABASES['_b']['MODELS'] = ['ti.MY']
        # A UserSettingsHolder would be one object for all threads.
        settings._target = PerThreadSettings(base)

    def tearDown(self):
        # The 2007 test named this 'teardown', so its cleanup was skipped.
        settings._target = self.saved

    def routed(self, routes, default_alias):
        """A request body: each (model, alias) in ``routes`` must be routed to
        that alias and open that alias's database; the module's ``connection``
        must be the default one and open the database of ``default_alias``."""
        def body(request):
            for model, alias in routes:
                self.assertEqual(model_connection_name(model), alias)
                opened = model._default_manager.db.connection
                self.assertEqual(opened.settings.DATABASE_NAME, database_of(alias))
            self.assertIs(MQ._default_manager.db.connection, connections[_default].connection)
            self.assertEqual(connection.settings.DATABASE_NAME, database_of(default_alias))
        return body

    def worker(self, edit, handler):
        "A thread that edits its settings, waits for the go, then serves once."
        def main():
            try:
                edit()
                self.go.wait(RELEASE_AFTER)
                handler(get_environ(), discard_status)
                handler.assert_served_once()
            except Exception as problem:
                with self.guard:
                    self.failures.append(problem)
        thread = threading.Thread(target=main)
        thread.start()
        return thread

    def test_each_thread_sees_its_own_settings(self):
        as_configured = self.routed([(MQ, _default), (MX, '_a'), (MY, '_b')], _default)
        my_unrouted = self.routed([(MQ, _default), (MX, '_a'), (MY, _default)], _default)
        traded = self.routed([(MQ, _default), (MX, '_b'), (MY, '_a')], '_a')

        servers = [ScriptedHandler(my_unrouted), ScriptedHandler(traded)]
        workers = [self.worker(unroute_my, servers[0]),
                   self.worker(trade_a_and_b, servers[1])]
        try:
            self.go.set()
            here = ScriptedHandler(as_configured)
            here(get_environ(), discard_status)
            here.assert_served_once()
        finally:
            for thread in workers:
                thread.join()
        if self.failures:
            raise self.failures[0]
        self.assertEqual([server.served for server in servers], [1, 1])

    def test_threads_never_share_a_connection(self):
        "Each thread's registry holds its own DB-API connections."
        opened = []

        def main():
            entry = connections['_a']
            entry.connection.cursor()
            opened.append((entry, entry.connection.connection))
            connections.reset()
        workers = [threading.Thread(target=main) for _ in range(3)]
        for thread in workers:
            thread.start()
        for thread in workers:
            thread.join()
        self.assertEqual(len({id(entry) for entry, _ in opened}), 3)
        self.assertEqual(len({id(raw) for _, raw in opened}), 3)

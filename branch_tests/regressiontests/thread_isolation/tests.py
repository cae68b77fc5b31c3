"""Database settings may differ between threads.

Three simultaneous requests, one per thread, each with its own settings:
django_legacy.conf.settings is given a holder whose values are
thread-local, each thread changes its own copy, and all three wait on an
event so that they run together. Each must see its own routing and its own
default connection.
"""

import copy
import os
import sys
import threading
import unittest

from django_legacy.conf import settings, UserSettingsHolder
from django_legacy.db import model_connection_name, _default, connection, connections
from regressiontests.request_isolation.tests import MockHandler, environ, start_response
from regressiontests.thread_isolation.models import MQ, MX, MY

WAIT_SECONDS = 5.0


class LocalSettings:
    """Settings holder whose values are thread-local copies of ``defaults``,
    so a thread can change any setting, however deep, for itself alone."""

    def __init__(self, defaults):
        self.__dict__['_defaults'] = defaults
        self.__dict__['_local'] = threading.local()

    def __getattr__(self, attr):
        local = self.__dict__['_local']
        if not hasattr(local, attr):
            setattr(local, attr, copy.deepcopy(getattr(self.__dict__['_defaults'], attr)))
        return getattr(local, attr)

    def __setattr__(self, attr, value):
        setattr(self.__dict__['_local'], attr, value)


class TestThreadIsolation(unittest.TestCase):

    def setUp(self):
        self.settings = settings._target
        self.errors = []
        self.lock = threading.Lock()
        self.start = threading.Event()
        holder = UserSettingsHolder(copy.deepcopy(settings._target))
        holder.OTHER_DATABASES['_a']['MODELS'] = ['ti.MX']
        holder.OTHER_DATABASES['_b']['MODELS'] = ['ti.MY']
        # Plain holders are shared by every thread; this one is per thread.
        settings._target = LocalSettings(holder)

    def tearDown(self):
        # Spelled 'teardown' in the branch, so it never ran.
        settings._target = self.settings

    def in_thread(self, prepare, handler):
        """Starts a thread that changes its settings, waits for the others,
        then answers one request."""
        def run():
            try:
                prepare()
                self.start.wait(WAIT_SECONDS)
                handler(environ(), start_response)
                handler.check()
            except Exception:
                with self.lock:
                    self.errors.append(sys.exc_info())
        thread = threading.Thread(target=run)
        thread.start()
        return thread

    def request_one(self, request):
        "Settings as first configured."
        self.assertEqual(model_connection_name(MQ), _default)
        self.assertEqual(model_connection_name(MX), '_a')
        self.assertEqual(MX._default_manager.db.connection.settings.DATABASE_NAME,
                         settings.OTHER_DATABASES['_a']['DATABASE_NAME'])
        self.assertEqual(model_connection_name(MY), '_b')
        self.assertEqual(MY._default_manager.db.connection.settings.DATABASE_NAME,
                         settings.OTHER_DATABASES['_b']['DATABASE_NAME'])
        self.assertIs(MQ._default_manager.db.connection, connections[_default].connection)
        self.assertEqual(MQ._default_manager.db.connection.settings.DATABASE_NAME,
                         settings.DATABASE_NAME)
        self.assertEqual(connection.settings.DATABASE_NAME, settings.DATABASE_NAME)

    def request_two(self, request):
        "In this thread, MY has moved to the default connection."
        self.assertEqual(model_connection_name(MQ), _default)
        self.assertEqual(model_connection_name(MX), '_a')
        self.assertEqual(MX._default_manager.db.connection.settings.DATABASE_NAME,
                         settings.OTHER_DATABASES['_a']['DATABASE_NAME'])
        self.assertEqual(model_connection_name(MY), _default)
        self.assertEqual(MY._default_manager.db.connection.settings.DATABASE_NAME,
                         settings.DATABASE_NAME)
        self.assertIs(MQ._default_manager.db.connection, connections[_default].connection)
        self.assertEqual(connection.settings.DATABASE_NAME, settings.DATABASE_NAME)

    def request_three(self, request):
        """In this thread, _a and _b swapped their settings, and the default
        connection is the database of the new _a."""
        self.assertEqual(model_connection_name(MQ), _default)
        self.assertEqual(model_connection_name(MX), '_b')
        self.assertEqual(MX._default_manager.db.connection.settings.DATABASE_NAME,
                         settings.OTHER_DATABASES['_b']['DATABASE_NAME'])
        self.assertEqual(model_connection_name(MY), '_a')
        self.assertEqual(MY._default_manager.db.connection.settings.DATABASE_NAME,
                         settings.OTHER_DATABASES['_a']['DATABASE_NAME'])
        self.assertIs(MQ._default_manager.db.connection, connections[_default].connection)
        self.assertEqual(connection.settings.DATABASE_NAME,
                         settings.OTHER_DATABASES['_a']['DATABASE_NAME'])

    def test_thread_isolation(self):
        def prepare_two():
            settings.OTHER_DATABASES['_b']['MODELS'] = []

        def prepare_three():
            settings.OTHER_DATABASES['_b']['MODELS'] = ['ti.MY']
            databases = settings.OTHER_DATABASES
            databases['_b'], databases['_a'] = databases['_a'], databases['_b']
            settings.DATABASE_NAME = databases['_a']['DATABASE_NAME']

        handlers = [MockHandler(self.request_two), MockHandler(self.request_three)]
        threads = [self.in_thread(prepare_two, handlers[0]),
                   self.in_thread(prepare_three, handlers[1])]
        try:
            self.start.set()
            first = MockHandler(self.request_one)
            first(environ(), start_response)
            first.check()
        finally:
            for thread in threads:
                thread.join()
        for error in self.errors:
            raise error[1].with_traceback(error[2])
        self.assertEqual([h.calls for h in handlers], [1, 1])

    def test_threads_never_share_a_connection(self):
        "Each thread's registry holds its own DB-API connections."
        seen = []

        def run():
            info = connections['_a']
            info.connection.cursor()
            seen.append((info, info.connection.connection))
            connections.reset()
        threads = [threading.Thread(target=run) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(len({id(info) for info, _ in seen}), 3)
        self.assertEqual(len({id(conn) for _, conn in seen}), 3)

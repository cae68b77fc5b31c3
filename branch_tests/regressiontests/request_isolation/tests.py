"""Database settings may change between requests; each request sees the
settings as they are when it starts."""

import copy
import os
import unittest

from django_legacy.conf import settings, UserSettingsHolder
from django_legacy.core.handlers.wsgi import WSGIHandler
from django_legacy.db import model_connection_name, _default
from django_legacy.http import HttpResponse
from regressiontests.request_isolation.models import MX, MY


class MockHandler(WSGIHandler):
    """Answers every request with ``test(request)``. It overrides
    get_response (the branch's signature), so an assertion that fails in
    the request reaches the test, as it did in 2007."""

    def __init__(self, test):
        self.test = test
        self.calls = 0
        super(MockHandler, self).__init__()

    def get_response(self, path, request):
        self.calls += 1
        return HttpResponse(self.test(request))

    def check(self):
        assert self.calls == 1, 'the request was answered %d times' % self.calls


def start_response(status, headers):
    pass


def environ():
    env = dict(os.environ)
    env['PATH_INFO'] = '/'
    env['REQUEST_METHOD'] = 'GET'
    return env


class TestRequestIsolation(unittest.TestCase):

    def setUp(self):
        self.settings = settings._target
        settings._target = UserSettingsHolder(copy.deepcopy(settings._target))
        settings.OTHER_DATABASES['_a']['MODELS'] = ['ri.MX']
        settings.OTHER_DATABASES['_b']['MODELS'] = ['ri.MY']

    def tearDown(self):
        settings._target = self.settings

    def request(self, test):
        handler = MockHandler(test)
        response = handler(environ(), start_response)
        handler.check()
        self.assertEqual(response.status_code, 200)

    def testRequestIsolation(self):

        def request_one(request):
            "Settings as first configured."
            self.assertEqual(model_connection_name(MX), '_a')
            self.assertEqual(
                MX._default_manager.db.connection.settings.DATABASE_NAME,
                settings.OTHER_DATABASES['_a']['DATABASE_NAME'])
            self.assertEqual(model_connection_name(MY), '_b')
            self.assertEqual(
                MY._default_manager.db.connection.settings.DATABASE_NAME,
                settings.OTHER_DATABASES['_b']['DATABASE_NAME'])

        def request_two(request):
            "Between the first and second requests, MY moved to the default."
            self.assertEqual(model_connection_name(MX), '_a')
            self.assertEqual(
                MX._default_manager.db.connection.settings.DATABASE_NAME,
                settings.OTHER_DATABASES['_a']['DATABASE_NAME'])
            self.assertEqual(model_connection_name(MY), _default)
            self.assertEqual(
                MY._default_manager.db.connection.settings.DATABASE_NAME,
                settings.DATABASE_NAME)

        def request_three(request):
            "Between the second and third, the entries of _a and _b swapped."
            self.assertEqual(model_connection_name(MX), '_b')
            self.assertEqual(
                MX._default_manager.db.connection.settings.DATABASE_NAME,
                settings.OTHER_DATABASES['_b']['DATABASE_NAME'])
            self.assertEqual(model_connection_name(MY), '_a')
            self.assertEqual(
                MY._default_manager.db.connection.settings.DATABASE_NAME,
                settings.OTHER_DATABASES['_a']['DATABASE_NAME'])

        self.request(request_one)

        settings.OTHER_DATABASES['_b']['MODELS'] = []
        self.request(request_two)

        settings.OTHER_DATABASES['_b']['MODELS'] = ['ri.MY']
        settings.OTHER_DATABASES['_b'], settings.OTHER_DATABASES['_a'] = \
            settings.OTHER_DATABASES['_a'], settings.OTHER_DATABASES['_b']
        self.request(request_three)

    def test_failing_request_is_reported(self):
        "The check above can fail: a failing request is not turned into a 500."
        def request(request):
            self.assertEqual(model_connection_name(MX), '_b')
        with self.assertRaises(AssertionError):
            self.request(request)

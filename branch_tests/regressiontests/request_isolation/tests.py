"""Requests read the database settings afresh.

One handler serves three requests in a row, and the settings are edited
between them: first MY loses its place on ``_b``, then the ``_a`` and
``_b`` entries change places. Each request must find MX and MY on the
connections, and with the database names, that the settings hold when it
begins.
"""

import copy
import os
import unittest

from django_legacy.conf import settings, UserSettingsHolder
from django_legacy.core.handlers.wsgi import WSGIHandler
from django_legacy.db import model_connection_name, _default
from django_legacy.http import HttpResponse
from regressiontests.request_isolation.models import MX, MY


class ScriptedHandler(WSGIHandler):
    """A WSGI handler whose every answer is ``body(request)``. Replacing
    get_response, as the 2007 test did, keeps the handler from catching
    what ``body`` raises: a failed assertion reaches the test unchanged."""

    def __init__(self, body):
        self.body = body
        self.served = 0
        super().__init__()

    def get_response(self, path, request):
        self.served += 1
        return HttpResponse(self.body(request))

    def assert_served_once(self):
        assert self.served == 1, 'the handler served %d requests' % self.served


def discard_status(status, headers):
    "The start_response callable; these tests look only at what get_response saw."


def get_environ():
    "A WSGI environ for GET /, on top of the process environment."
    return dict(os.environ, PATH_INFO='/', REQUEST_METHOD='GET')


def database_of(alias):
    "The DATABASE_NAME the settings give connection ``alias`` right now."
    if alias == _default:
        return settings.DATABASE_NAME
    return settings.OTHER_DATABASES[alias]['DATABASE_NAME']


class RequestsReadSettingsAfresh(unittest.TestCase):

    def setUp(self):
        self.saved = settings._target
        settings._target = UserSettingsHolder(copy.deepcopy(self.saved))
        settings.OTHER_DATABASES['_a']['MODELS'] = ['ri.MX']
        settings.OTHER_DATABASES['_b']['MODELS'] = ['ri.MY']

    def tearDown(self):
        settings._target = self.saved

    def serve(self, body):
        handler = ScriptedHandler(body)
        response = handler(get_environ(), discard_status)
        handler.assert_served_once()
        self.assertEqual(response.status_code, 200)

    def expecting(self, mx_alias, my_alias):
        """A request body: MX must be on ``mx_alias`` and MY on ``my_alias``,
        each opening the database the settings name for its alias."""
        def body(request):
            for model, alias in ((MX, mx_alias), (MY, my_alias)):
                self.assertEqual(model_connection_name(model), alias)
                opened = model._default_manager.db.connection
                self.assertEqual(opened.settings.DATABASE_NAME, database_of(alias))
        return body

    def test_each_request_reads_current_settings(self):
        others = settings.OTHER_DATABASES

        # As set up: MX on _a, MY on _b.
        self.serve(self.expecting('_a', '_b'))

        # MY is listed nowhere now, so it belongs to the default connection.
        others['_b']['MODELS'] = []
        self.serve(self.expecting('_a', _default))

        # MY goes back under _b, then _a and _b trade their whole entries.
        others['_b']['MODELS'] = ['ri.MY']
        others['_a'], others['_b'] = others['_b'], others['_a']
        self.serve(self.expecting('_b', '_a'))

    def test_failing_request_is_reported(self):
        "The check above can fail: a failing request is not turned into a 500."
        with self.assertRaises(AssertionError):
            self.serve(self.expecting('_b', '_b'))

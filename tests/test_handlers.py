"""The WSGI handler: what becomes a 500 response and what reaches the server."""

import pytest

from django_legacy.core.handlers.wsgi import WSGIHandler
from django_legacy.db import connections
from django_legacy.http import HttpResponse


def environ():
    return {'PATH_INFO': '/here', 'REQUEST_METHOD': 'GET'}


def call(handler):
    statuses = []
    response = handler(environ(), lambda status, headers: statuses.append(status))
    return response, statuses


class Overriding(WSGIHandler):
    def get_response(self, path, request):
        assert path == request.path == '/here'
        connections['_a']
        raise ValueError('from the request')


class Viewing(WSGIHandler):
    def __init__(self, answer):
        self.answer = answer

    def view(self, request):
        return self.answer(request)


def test_exception_from_overridden_get_response_propagates_after_request_finished(isolated_settings):
    with pytest.raises(ValueError, match='from the request'):
        call(Overriding())
    assert list(connections) == []      # request_finished closed _a


def test_view_answers_and_its_exception_becomes_a_500():
    response, statuses = call(Viewing(lambda request: HttpResponse(request.path)))
    assert statuses == ['200 OK'] and response.status_code == 200

    def failing(request):
        raise ValueError('in the view')
    response, statuses = call(Viewing(failing))
    assert statuses == ['500 INTERNAL SERVER ERROR'] and response.status_code == 500


def test_handler_without_view_answers_500():
    response, statuses = call(WSGIHandler())
    assert response.status_code == 500

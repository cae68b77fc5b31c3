"""A WSGI application around a handler (rebuilds django/core/handlers/wsgi.py, trimmed).

Each call sends request_started, answers, and sends request_finished, which
closes this thread's connections and forgets the connections managers had
resolved: settings changed between two requests take effect in the next.
An exception get_response raises propagates to the WSGI server, after
request_finished, as in 2007.
"""

from django_legacy.core import signals
from django_legacy.core.handlers.base import BaseHandler
from django_legacy.dispatch import dispatcher
from django_legacy.http import STATUS_REASONS, HttpRequest


class WSGIRequest(HttpRequest):
    "A request built from a WSGI environ."

    def __init__(self, environ):
        super().__init__()
        self.environ = self.META = environ
        self.path = environ.get('PATH_INFO', '/')
        self.method = environ.get('REQUEST_METHOD', 'GET').upper()
        query = environ.get('QUERY_STRING', '')
        if query:
            from urllib.parse import parse_qsl
            self.GET = dict(parse_qsl(query))


class WSGIHandler(BaseHandler):
    "The WSGI application: ``handler(environ, start_response)``."

    request_class = WSGIRequest

    def __call__(self, environ, start_response):
        dispatcher.send(signal=signals.request_started, sender=self.__class__)
        try:
            request = self.request_class(environ)
            response = self.get_response(request.path, request)
        finally:
            dispatcher.send(signal=signals.request_finished, sender=self.__class__)
        status = '%d %s' % (response.status_code,
                            STATUS_REASONS.get(response.status_code, 'UNKNOWN'))
        start_response(status, list(response.headers.items()))
        return response

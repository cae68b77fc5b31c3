"""The part of request handling every handler shares (rebuilds django/core/handlers/base.py, trimmed)."""

import sys
import traceback

from django_legacy.core import signals
from django_legacy.dispatch import dispatcher
from django_legacy.http import HttpResponseServerError


class BaseHandler:
    "Turns a request into a response; subclasses override get_response()."

    def get_response(self, request):
        "Returns the HttpResponse for ``request``. This project has no URL resolver."
        raise NotImplementedError('subclasses of BaseHandler must provide get_response()')

    def handle_uncaught_exception(self, request, exc_info):
        """Sends got_request_exception (which rolls back unmanaged
        transactions) and returns a 500 response."""
        dispatcher.send(signal=signals.got_request_exception, sender=self.__class__,
                        request=request)
        from django_legacy.conf import settings
        body = 'Server error'
        if getattr(settings, 'DEBUG', False):
            body = ''.join(traceback.format_exception(*exc_info))
        return HttpResponseServerError(body, mimetype='text/plain')

    def respond(self, request):
        "Returns get_response(request), or a 500 response if it raises."
        try:
            return self.get_response(request)
        except Exception:
            return self.handle_uncaught_exception(request, sys.exc_info())

"""The part of request handling every handler shares (rebuilds django/core/handlers/base.py, trimmed)."""

import sys
import traceback

from django_legacy.core import signals
from django_legacy.dispatch import dispatcher
from django_legacy.http import HttpResponseServerError


class BaseHandler:
    """Turns a request into a response.

    This project has no URL resolver: a subclass provides ``view(request)``,
    which ``get_response`` calls in place of the resolved view, or overrides
    ``get_response`` itself (as the branch's tests do)."""

    def get_response(self, path, request):
        """Returns the HttpResponse for ``request`` (``path`` is its path: the
        branch's signature). An exception from ``view`` becomes a 500
        response here, as in 2007; one from an overriding get_response
        reaches the caller."""
        try:
            return self.view(request)
        except Exception:
            return self.handle_uncaught_exception(request, sys.exc_info())

    def view(self, request):
        "Returns the HttpResponse for ``request``; subclasses provide it."
        raise NotImplementedError('subclasses of BaseHandler must provide view() or get_response()')

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

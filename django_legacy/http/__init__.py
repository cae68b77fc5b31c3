"""Just enough of a request and a response for the WSGI handler (rebuilds part of django/http/__init__.py)."""

STATUS_REASONS = {200: 'OK', 404: 'NOT FOUND', 500: 'INTERNAL SERVER ERROR'}


class Http404(Exception):
    "Raised by a view (or get_object_or_404) when what was asked for does not exist."


class HttpRequest:
    "A request: ``path``, ``method``, ``GET`` and ``META`` (the environ)."

    def __init__(self):
        self.path = ''
        self.method = None
        self.GET = {}
        self.META = {}

    def __repr__(self):
        return '<%s %s %s>' % (self.__class__.__name__, self.method, self.path)


class HttpResponse:
    "A response: content, mimetype and status code."

    status_code = 200

    def __init__(self, content='', mimetype=None, status=None):
        self.content = content if isinstance(content, (str, bytes)) else str(content)
        self.headers = {'Content-Type': mimetype or 'text/html; charset=utf-8'}
        if status is not None:
            self.status_code = status

    def __getitem__(self, header):
        return self.headers[header]

    def __setitem__(self, header, value):
        self.headers[header] = value

    def __iter__(self):
        content = self.content
        yield content if isinstance(content, bytes) else content.encode('utf-8')


class HttpResponseServerError(HttpResponse):
    status_code = 500

"""Request life-cycle signals (rebuilds django/core/signals.py).

Signals are plain objects used as keys by ``django_legacy.dispatch.dispatcher``.
"""

request_started = object()
request_finished = object()
got_request_exception = object()

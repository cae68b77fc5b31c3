"""Connect receivers to signals and send signals (rebuilds django/dispatch/dispatcher.py).

The 2007 code used PyDispatcher; this keeps its calling convention
(``connect(receiver, signal=..., sender=Any, weak=True)``,
``send(signal=..., sender=..., **named)``) in a few dozen lines.
Receivers are held weakly by default, as PyDispatcher did.
"""

import weakref


class _Any:
    def __repr__(self):
        return 'Any'


Any = _Any()

# signal -> list of (receiver reference, sender); a reference is called to
# get the receiver back, and returns None once the receiver is gone. A
# signal with no receivers has no key, so ``signal in receivers`` is the
# cheap test hot paths make before building a send().
receivers = _receivers = {}

# signal -> the set of senders its receivers were connected for (Any among
# them where one listens to every sender), kept with _receivers for heard().
_senders = {}

# (signal, ...) -> the set of those signals that have receivers, kept with
# _receivers for watch().
_watches = {}


def _reference(receiver, weak):
    if not weak:
        return lambda: receiver
    if hasattr(receiver, '__self__') and hasattr(receiver, '__func__'):
        return weakref.WeakMethod(receiver)
    try:
        return weakref.ref(receiver)
    except TypeError:  # builtins and some callables cannot be weakly referenced
        return lambda: receiver


def connect(receiver, signal=Any, sender=Any, weak=True):
    """Call ``receiver(signal=..., sender=..., **named)`` whenever ``signal``
    is sent by ``sender`` (or by anyone, when sender is Any)."""
    if signal is Any:
        raise ValueError('connect() needs a signal to connect %r to' % (receiver,))
    disconnect(receiver, signal, sender)
    _receivers.setdefault(signal, []).append((_reference(receiver, weak), sender))
    _index(signal)


def disconnect(receiver, signal=Any, sender=Any):
    "Forget ``receiver`` for ``signal`` and ``sender``; no error if unknown."
    entries = _receivers.get(signal)
    if not entries:
        return
    entries[:] = [(ref, s) for (ref, s) in entries
                  if not (s is sender and ref() == receiver)]
    if not entries:
        del _receivers[signal]
    _index(signal)


def live_receivers(signal, sender=Any):
    "Returns the receivers that would be called for ``signal`` from ``sender``."
    entries = _receivers.get(signal)
    if not entries:
        return []
    found, dead = [], False
    for ref, s in entries:
        receiver = ref()
        if receiver is None:
            dead = True
        elif s is Any or s is sender:
            found.append(receiver)
    if dead:
        entries[:] = [(ref, s) for (ref, s) in entries if ref() is not None]
        if not entries:
            del _receivers[signal]
        _index(signal)
    return found


def _index(signal):
    "Brings _senders[signal] up to date with _receivers[signal]."
    found = set()
    for _ref, sender in _receivers.get(signal, ()):
        try:
            found.add(sender)
        except TypeError:       # a sender that cannot be hashed: count it as every sender
            found.add(Any)
    if found:
        _senders[signal] = found
    else:
        _senders.pop(signal, None)
    for signals, listened in list(_watches.items()):     # watch() may add one meanwhile
        if signal in signals:
            if signal in _receivers:
                listened.add(signal)
            else:
                listened.discard(signal)


def send(signal=Any, sender=Any, **named):
    """Send ``signal``; returns a list of (receiver, response).

    Receivers accept the keyword arguments they name; the rest are dropped,
    as PyDispatcher's robustapply did.
    """
    responses = []
    for receiver in live_receivers(signal, sender):
        responses.append((receiver, _robust_call(receiver, signal, sender, named)))
    return responses


def _robust_call(receiver, signal, sender, named):
    import inspect
    arguments = dict(named, signal=signal, sender=sender)
    try:
        parameters = inspect.signature(receiver).parameters
    except (TypeError, ValueError):
        return receiver(**arguments)
    if any(p.kind is p.VAR_KEYWORD for p in parameters.values()):
        return receiver(**arguments)
    return receiver(**{k: v for k, v in arguments.items() if k in parameters})


def has_receivers(signal):
    "True when anything may be listening to ``signal`` (a cheap check before send)."
    return signal in _receivers


def watch(*signals):
    """Returns a set that holds, from now on, those of ``signals`` that have
    receivers (new): where it is empty, one truth test tells a hot path
    that none of them is heard (the compiled Model.__init__ watches
    pre_init and post_init). The same set for the same signals."""
    listened = _watches.get(signals)
    if listened is None:
        listened = _watches[signals] = {s for s in signals if s in _receivers}
    return listened


def heard(signal, sender):
    """True when a receiver of ``signal`` may be called for ``sender`` (a
    class, or anything hashable): one connected for every sender or for
    ``sender`` itself. As cheap as has_receivers(), for the hot paths that
    skip a send() nobody would hear (GenericForeignKey listens to pre_init
    of its own model only); a receiver that has died may still count."""
    found = _senders.get(signal)
    return found is not None and (Any in found or sender in found)

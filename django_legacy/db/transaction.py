"""Transaction management over several connections (rebuilds django/db/transaction.py of the branch).

The managed state is per thread and applies to all connections together;
the dirty flag is per connection. The state is django_legacy.db.backends'
transaction_state, where the backends read it too; the connection
registry holds the only other per-thread state.

Every function takes an optional ``connections`` argument naming the
connections to act on: a ConnectionInfo, a DatabaseWrapper, a connection
name, ``_default``, or a list, tuple or dict of these (a dict's values are
used). The registry ``django_legacy.db.connections`` itself stands for the
named connections of OTHER_DATABASES, not the default one, as the branch's
own test expects (see docs/fidelity.txt). ``None`` means every connection
opened in this thread plus the default one.
All names are resolved before anything is committed or rolled back, so an
unknown name raises ImproperlyConfigured and touches nothing.

There is no two-phase commit: several connections are committed one after
another, and a failure part-way leaves the earlier ones committed.
"""

import functools
import sys

from django_legacy.db import (
    ConnectionInfo, LazyConnectionManager, _default, connections as _registry)
from django_legacy.db.backends import transaction_state as _state, transactions_managed


class TransactionManagementError(Exception):
    "Transaction management was used the wrong way."


def _wrappers(connections=None):
    """Returns the DatabaseWrapper objects ``connections`` stands for, in order, once each."""
    if isinstance(connections, ConnectionInfo):
        return [connections.connection]    # what every save() passes: no list to build
    found = {}
    if connections is None:
        for info in _registry._opened().values():
            found[info.connection] = None
        found[_registry[_default].connection] = None
        for wrapper in _state.dirty:
            found[wrapper] = None
    else:
        _collect(connections, found)
    return list(found)


def _collect(connections, found):  # noqa: C901 -- a branch per accepted shape: info, name, registry, dict, list
    if isinstance(connections, ConnectionInfo):
        found[connections.connection] = None
    elif isinstance(connections, str) or connections is _default:
        found[_registry[connections].connection] = None
    elif isinstance(connections, LazyConnectionManager):
        for name in connections.keys():  # noqa: SIM118 -- keys() is every configured name, iteration only the open ones
            if name is not _default:
                found[connections[name].connection] = None
    elif isinstance(connections, dict):
        for value in connections.values():
            _collect(value, found)
    elif isinstance(connections, (list, tuple, set, frozenset)):
        for value in connections:
            _collect(value, found)
    elif callable(getattr(connections, '_commit', None)):
        found[connections] = None
    else:
        raise TypeError(
            'connections must be a ConnectionInfo, a DatabaseWrapper, a connection '
            'name, _default, or a list or dict of them; got %r' % (connections,))


def enter_transaction_management():
    """Enters a block of transaction management; the block starts in the
    state of the block around it (unmanaged at the top)."""
    stack = _state.managed
    stack.append(stack[-1] if stack else False)


def leave_transaction_management():
    """Leaves a block. Leaving to an unmanaged state with uncommitted changes
    rolls them back and raises TransactionManagementError."""
    stack = _state.managed
    if not stack:
        raise TransactionManagementError(
            "This code isn't under transaction management: "
            'call enter_transaction_management() first.')
    stack.pop()
    if _state.dirty and not (stack and stack[-1]):
        pending = list(_state.dirty)
        rollback(pending)
        raise TransactionManagementError(
            'Transaction managed block ended with pending COMMIT/ROLLBACK')


# True when this thread's innermost block is managed.
is_managed = transactions_managed


def managed(flag=True):
    """Sets the innermost block's managed state. Turning management off
    commits what is dirty."""
    stack = _state.managed
    if not stack:
        raise TransactionManagementError(
            "This code isn't under transaction management: "
            'call enter_transaction_management() first.')
    stack[-1] = flag
    if not flag and _state.dirty:
        commit(list(_state.dirty))


def is_dirty(connections=None):
    "True when any of the connections has uncommitted changes."
    dirty = _state.dirty
    if not dirty:
        return False
    return any(wrapper in dirty for wrapper in _wrappers(connections))


def set_dirty(connections=None):
    "Marks the connections as holding uncommitted changes."
    if not _state.managed:
        raise TransactionManagementError(
            "This code isn't under transaction management: "
            'call enter_transaction_management() first.')
    for wrapper in _wrappers(connections):
        _state.dirty[wrapper] = True


def set_clean(connections=None):
    "Marks the connections as having no uncommitted changes."
    for wrapper in _wrappers(connections):
        _state.dirty.pop(wrapper, None)


def add_note(error, note):
    """Adds ``note`` to ``error`` (BaseException.add_note from Python 3.11,
    which tracebacks print). Before 3.11 the note goes into ``__notes__``
    and, as nothing prints those there, onto the end of the message."""
    if sys.version_info >= (3, 11):
        error.add_note(note)
        return
    error.__notes__ = getattr(error, '__notes__', []) + [note]
    if len(error.args) == 1 and isinstance(error.args[0], str):
        error.args = ('%s\n%s' % (error.args[0], note),)


def _name(wrapper):
    "The connection name of a DatabaseWrapper, as a note prints it."
    return repr(getattr(wrapper.settings, 'CONNECTION_NAME', _default))


def _rollback_quietly(wrappers, error):
    """Rolls ``wrappers`` back while ``error`` is on its way to the caller:
    a rollback that fails too becomes a note on ``error``, not a new error."""
    for wrapper in wrappers:
        try:
            wrapper._rollback()
        except Exception as failed:
            add_note(error, 'Rolling back connection %s failed too: %s' % (_name(wrapper), failed))
        _state.dirty.pop(wrapper, None)


def commit(connections=None):
    """Commits the connections, one after another. There is no two-phase
    commit: if one commit fails, the connections not yet committed are
    rolled back and the database error is raised with a note naming the
    connections already committed and the ones rolled back."""
    wrappers = _wrappers(connections)
    for done, wrapper in enumerate(wrappers):
        try:
            wrapper._commit()
        except Exception as error:
            rest = wrappers[done:]
            _rollback_quietly(rest, error)
            if len(wrappers) > 1:
                add_note(error, 'Committing connection %s failed. Already committed: %s. '
                                'Rolled back: %s.' % (
                                    _name(wrapper),
                                    ', '.join(map(_name, wrappers[:done])) or 'none',
                                    ', '.join(map(_name, rest))))
            raise
        _state.dirty.pop(wrapper, None)


def rollback(connections=None):
    "Rolls the connections back."
    for wrapper in _wrappers(connections):
        wrapper._rollback()
        _state.dirty.pop(wrapper, None)


def commit_unless_managed(connections=None):
    "Commits now if unmanaged; under management, marks the connections dirty."
    state = _state
    stack = state.managed
    if not (stack and stack[-1]):
        commit(connections)
    elif isinstance(connections, ConnectionInfo):
        # What every save() passes: set_dirty without building a list.
        state.dirty[connections.connection] = True
    else:
        set_dirty(connections)


def execute_committed(connection, sql, params=None):
    """Runs one writing statement on ``connection`` (a DatabaseWrapper) and
    commits it unless transactions are managed; returns the cursor.

    Unmanaged, the statement runs by itself (``run(..., alone=True)``): on
    SQLite, without the statement journal a many-row change inside an open
    transaction needs. If it fails, the connection is rolled back, so that
    no half-done transaction stays open.
    """
    if is_managed():
        cursor = connection.run(sql, params)
        _state.dirty[connection] = True
        return cursor
    try:
        cursor = connection.run(sql, params, alone=True)
    except Exception:
        rollback(connection)
        raise
    connection._commit()        # commit(connection), without resolving a list
    _state.dirty.pop(connection, None)
    return cursor


def rollback_unless_managed(connections=None):
    "Rolls back now if unmanaged; under management, leaves it to the block."
    if not is_managed():
        rollback(connections)


def _decorator(body):
    """Makes a transaction decorator usable bare (``@d``), called
    (``@d(connections=...)``) or applied (``d(func, connections)``)."""
    @functools.wraps(body)
    def decorator(func=None, connections=None):
        if func is not None and not callable(func):
            func, connections = None, func
        if func is None:
            return lambda f: decorator(f, connections)

        @functools.wraps(func)
        def wrapped(*args, **kwargs):
            return body(func, connections, args, kwargs)
        return wrapped
    return decorator


def _run_managed(flag, func, args, kwargs):
    "Runs func in a block of its own, managed if ``flag``; returns its result."
    enter_transaction_management()
    managed(flag)
    try:
        return func(*args, **kwargs)
    finally:
        leave_transaction_management()


@_decorator
def autocommit(func, connections, args, kwargs):
    "Runs the function unmanaged: each save commits at once."
    return _run_managed(False, func, args, kwargs)


@_decorator
def commit_on_success(func, connections, args, kwargs):
    """Runs the function managed; commits the connections if it returns,
    rolls them back if it raises."""
    enter_transaction_management()
    managed(True)
    try:
        result = func(*args, **kwargs)
        if is_dirty(connections):
            commit(connections)
    except BaseException as error:
        # The caller gets this exception, whatever the clean-up meets.
        _leave_after(error, connections)
        raise
    leave_transaction_management()
    return result


def _leave_after(error, connections):
    """Leaves the block ``error`` is escaping: rolls back ``connections``
    and, when leaving to unmanaged, every other dirty connection, without
    raising over ``error``."""
    try:
        wrappers = _wrappers(connections)
    except Exception as failed:
        add_note(error, 'Naming the connections to roll back failed: %s' % failed)
        wrappers = []
    _rollback_quietly(wrappers, error)
    stack = _state.managed
    stack.pop()
    if _state.dirty and not (stack and stack[-1]):
        _rollback_quietly(list(_state.dirty), error)


@_decorator
def commit_manually(func, connections, args, kwargs):
    """Runs the function managed; it must commit or roll back itself, or
    TransactionManagementError is raised when it ends."""
    return _run_managed(True, func, args, kwargs)

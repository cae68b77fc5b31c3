"""Named database connections (rebuilds django/db/__init__.py of the branch).

``connections`` is a per-thread registry of ``ConnectionInfo`` objects,
keyed by the names of OTHER_DATABASES and by ``_default``. Per-thread state
lives in exactly two places:

- this registry (``_ThreadConnections``): the thread's open connections,
  the connection each manager resolved (``Manager.db``, so that a query
  does not resolve its model's connection again), the routing index, and
  what a backend keeps per thread (``thread_state``: SQLite's in-memory
  databases). The connections and the managers' cache are forgotten when
  a request finishes;
- ``django_legacy.db.transaction`` (``_State``): the managed-transaction
  stack and dirty flags.

Beside them, one weak set for the whole process (``_connection_settings``)
finds every open connection's settings when ``settings.DEBUG`` changes.
Importing this module reads no settings and opens no connection.
"""

import difflib
import functools
import importlib
import os
import threading
import weakref

from django_legacy import conf
from django_legacy.conf import UserSettingsHolder, settings
from django_legacy.core import signals
from django_legacy.core.exceptions import ImproperlyConfigured
from django_legacy.db.backends import DatabaseError, IntegrityError
from django_legacy.dispatch import dispatcher

__all__ = ('connect', 'ConnectionInfo', 'LazyConnectionManager', 'connections',
           '_default', 'model_connection_name', 'ConnectionInfoDescriptor',
           'connection', 'connection_info', 'backend', 'DatabaseError',
           'IntegrityError', 'get_introspection_module', 'get_creation_module',
           'runshell', 'ConnectionIndex', 'reset_queries')

# The settings an OTHER_DATABASES entry may hold.
CONNECTION_SETTINGS = ('DATABASE_ENGINE', 'DATABASE_NAME', 'DATABASE_USER',
                       'DATABASE_PASSWORD', 'DATABASE_HOST', 'DATABASE_PORT',
                       'DATABASE_OPTIONS', 'TEST_DATABASE_NAME')
ENTRY_KEYS = CONNECTION_SETTINGS + ('MODELS',)


class _DefaultConnection:
    """The name of the default connection: prints as <default>, sorts first."""

    __slots__ = ()

    def __repr__(self):
        return '<default>'

    __str__ = __repr__

    def __lt__(self, other):
        return other is not self

    def __le__(self, other):
        return True

    def __gt__(self, other):
        return False

    def __ge__(self, other):
        return other is self

    def __reduce__(self):
        return '_default'


_default = _DefaultConnection()


@functools.lru_cache(maxsize=None)
def available_backends():
    "Returns the names of the backend packages, sorted (read once: they are the package's)."
    backend_dir = os.path.join(os.path.dirname(__file__), 'backends')
    return tuple(sorted(name for name in os.listdir(backend_dir)
                  if not name.startswith(('_', '.')) and name != 'ansi'
                  and os.path.isdir(os.path.join(backend_dir, name))))


def load_backend(engine, module='base'):
    """Returns ``django_legacy.db.backends.<engine>.<module>``.

    An unknown engine raises ImproperlyConfigured listing the backends.
    """
    engine = engine or 'dummy'
    if engine not in available_backends():
        raise ImproperlyConfigured(
            "%r isn't an available database backend. Available options are: %s"
            % (engine, ', '.join(map(repr, available_backends()))))
    return importlib.import_module('django_legacy.db.backends.%s.%s' % (engine, module))


class ConnectionInfo:
    """Everything about one connection: its settings, backend and wrapper.

    ``connection`` is the backend's DatabaseWrapper, which opens the DB-API
    connection on its first cursor().
    """

    def __init__(self, settings):
        self.settings = settings
        self.backend = load_backend(settings.DATABASE_ENGINE)
        # The backend's other modules come with it, as the 2007 backends'
        # did; importing them later would put the cost on a first query.
        self._creation = load_backend(settings.DATABASE_ENGINE, 'creation')
        self._introspection = load_backend(settings.DATABASE_ENGINE, 'introspection')
        self.connection = self.backend.DatabaseWrapper(settings)
        self.DatabaseError = self.backend.DatabaseError
        self.IntegrityError = self.backend.IntegrityError

    def __repr__(self):
        return 'Connection: %r (ENGINE=%s NAME=%s)' % (
            self.connection, self.settings.DATABASE_ENGINE, self.settings.DATABASE_NAME)

    def close(self):
        "Closes the DB-API connection; the next cursor() opens a new one."
        self.connection.close()

    def reset_queries(self):
        "Empties the log of statements (kept when settings.DEBUG is on)."
        self.connection.queries = []

    def get_introspection_module(self):
        return self._introspection

    def get_creation_module(self):
        return self._creation

    def runshell(self):
        load_backend(self.settings.DATABASE_ENGINE, 'client').runshell(self.settings)


def connect(settings):
    "Returns a new ConnectionInfo for ``settings``."
    return ConnectionInfo(settings)


def other_databases():
    """Returns settings.OTHER_DATABASES after checking its shape.

    Raises ImproperlyConfigured naming the entry and what is wrong.
    """
    databases = getattr(settings, 'OTHER_DATABASES', None) or {}
    if not isinstance(databases, dict):
        raise ImproperlyConfigured(
            'OTHER_DATABASES must be a dict mapping connection names to dicts of '
            'settings, not %r.' % (databases,))
    for name, entry in databases.items():
        check_entry(name, entry)
    return databases


def check_entry(name, entry):
    "Raises ImproperlyConfigured if one OTHER_DATABASES entry is malformed."
    if not isinstance(entry, dict):
        raise ImproperlyConfigured(
            'OTHER_DATABASES[%r] must be a dict of settings such as '
            "{'DATABASE_ENGINE': ..., 'DATABASE_NAME': ...}, not %r." % (name, entry))
    for key in entry:
        if key not in ENTRY_KEYS:
            close = difflib.get_close_matches(str(key), ENTRY_KEYS, n=1)
            hint = (' (did you mean %r?)' % close[0]) if close else ''
            raise ImproperlyConfigured(
                'OTHER_DATABASES[%r] has an unknown setting %r%s. Valid keys are: %s.'
                % (name, key, hint, ', '.join(ENTRY_KEYS)))
    models = entry.get('MODELS', [])
    if isinstance(models, str) or not isinstance(models, (list, tuple, set, frozenset)):
        raise ImproperlyConfigured(
            "OTHER_DATABASES[%r]['MODELS'] must be a list of 'app_label' or "
            "'app_label.ClassName' strings, not %r (write [%r] for one)."
            % (name, models, models))
    for item in models:
        if not isinstance(item, str) or not all(item.split('.')) or item.count('.') > 1:
            raise ImproperlyConfigured(
                "OTHER_DATABASES[%r]['MODELS'] holds %r: each entry must be a string, "
                "'app_label' or 'app_label.ClassName'." % (name, item))
    options = entry.get('DATABASE_OPTIONS', {})
    if options is not None and not isinstance(options, dict):
        raise ImproperlyConfigured(
            "OTHER_DATABASES[%r]['DATABASE_OPTIONS'] must be a dict of the driver's "
            "connect options, such as {'timeout': 30}, not %r." % (name, options))


def model_connection_name(klass):
    """Returns the name of the connection ``klass`` is configured to use.

    The answer is ``Meta.db_connection`` if set, else the OTHER_DATABASES
    entry whose MODELS names 'app_label.ClassName', else the one naming
    'app_label', else ``_default``. Read from the current settings each time
    (through an index that is rebuilt whenever they differ from the ones it
    was built from: see LazyConnectionManager.index).
    """
    return connections.index().name_for(klass)


class ConnectionIndex:
    """The MODELS lists of an OTHER_DATABASES dict, indexed: which entry
    names each 'app_label.ClassName' and each 'app_label'. Built in one pass,
    then each answer is a dict look-up; an index is only as current as the
    settings it was built from."""

    def __init__(self, databases):
        self.by_model, self.by_app = {}, {}
        self.twice = {}     # a model or app named by two entries -> (first, second)
        for name, entry in databases.items():
            for item in entry.get('MODELS', ()):
                names = self.by_model if '.' in item else self.by_app
                if item in names:
                    self.twice.setdefault(item, (names[item], name))
                else:
                    names[item] = name

    def name_for(self, klass):
        opts = klass._meta
        return self.resolve(opts.app_label, klass.__name__, opts.db_connection)

    def resolve(self, app_label, class_name, db_connection=None):
        """Returns a connection name or ``_default``; raises
        ImproperlyConfigured for an app or model named in two entries, or a
        db_connection that an entry's MODELS contradicts."""
        app_model = '%s.%s' % (app_label, class_name)
        if app_model in self.twice:
            raise ImproperlyConfigured(
                'Model %s appears in more than one OTHER_DATABASES setting (%s and %s)'
                % ((app_model,) + self.twice[app_model]))
        by_model = self.by_model.get(app_model)
        if db_connection is not None:
            if by_model is not None and by_model != db_connection:
                raise ImproperlyConfigured(
                    "Model %s names connection %r in Meta.db_connection, but "
                    "OTHER_DATABASES[%r]['MODELS'] names it too: keep one of the two."
                    % (app_model, db_connection, by_model))
            return db_connection
        if by_model is not None:
            return by_model
        if app_label in self.twice:
            raise ImproperlyConfigured(
                'App %s appears in more than one OTHER_DATABASES setting (%s and %s)'
                % ((app_label,) + self.twice[app_label]))
        return self.by_app.get(app_label, _default)


def _fingerprint(databases):
    """A copy of what routing reads from OTHER_DATABASES, to compare with ==
    (the MODELS lists are copied, so a change made in place shows)."""
    if not isinstance(databases, dict):
        return (databases,)
    return tuple((name, entry, _copy_models(entry.get('MODELS', ())))
                 if isinstance(entry, dict) else (name, entry, None)
                 for name, entry in databases.items())


def _copy_models(models):
    "A copy of a MODELS list; a value of the wrong shape as it is (check_entry reports it)."
    return tuple(models) if isinstance(models, (list, tuple, set, frozenset)) else (models,)


def lay_entry(defaults, entry=None):
    """Returns {setting: value} for a connection: each of CONNECTION_SETTINGS
    from the OTHER_DATABASES ``entry``, else from ``defaults`` (settings, or
    anything with DATABASE_* attributes). TEST_DATABASE_NAME names one
    database, so a named connection does not take the default's. With no
    ``entry``, the default connection's own values."""
    values = {key: getattr(defaults, key, None) for key in CONNECTION_SETTINGS}
    if entry is not None:
        values['TEST_DATABASE_NAME'] = None
        values.update((key, value) for key, value in entry.items() if key != 'MODELS')
    return values


class ConnectionSettings(UserSettingsHolder):
    """One connection's settings. Wrappers ask DEBUG (which turns the query
    log on) on every statement, so it is a plain value in the holder's own
    dictionary, and it follows ``settings.DEBUG = ...`` made while the
    connection is open, as 0.96 read DEBUG each time, unless it was set on
    this holder itself (then it holds for this connection alone)."""

    follows_debug = True

    def __setattr__(self, name, value):
        if name == 'DEBUG':
            object.__setattr__(self, 'follows_debug', False)
        object.__setattr__(self, name, value)


# Every ConnectionSettings alive, so that a change of DEBUG reaches them.
_connection_settings = weakref.WeakSet()


def _follow_debug(name, value):
    "A setting_listener: gives a new DEBUG to the open connections that follow it."
    if name == 'DEBUG':
        for holder in list(_connection_settings):
            if holder.follows_debug:
                holder.__dict__['DEBUG'] = value


def entry_settings(entry=None, name=_default):
    """Returns a settings holder for a connection: a snapshot of the values
    of lay_entry(settings, entry); other settings, DEBUG among them, read
    through to ``settings`` (see ConnectionSettings for DEBUG).
    CONNECTION_NAME holds ``name``;
    OWN_DATABASE_NAME says whether the entry names its own DATABASE_NAME."""
    holder = ConnectionSettings(settings._target if settings.configured else settings)
    holder.__dict__['DEBUG'] = getattr(settings, 'DEBUG', False)
    _connection_settings.add(holder)
    holder.CONNECTION_NAME = name
    holder.OWN_DATABASE_NAME = entry is not None and 'DATABASE_NAME' in entry
    for key, value in lay_entry(settings, entry).items():
        setattr(holder, key, value)
    return holder


def connection_settings(name):
    """Returns a settings holder for connection ``name`` (see entry_settings):
    a snapshot of the default connection's settings with the entry's laid
    over them."""
    if name is _default:
        return entry_settings()
    databases = other_databases()
    if name not in databases:
        raise ImproperlyConfigured("No database connection '%s' has been configured" % (name,))
    return entry_settings(databases[name], name)


class _ThreadConnections(threading.local):
    "One thread's connections, its Manager.db cache, its routing index and the backends' state."

    def __init__(self):
        self.connections = {}
        self.managers = {}
        self.index = None      # (fingerprint of OTHER_DATABASES, ConnectionIndex)
        self.backends = {}     # key -> dict a backend keeps for this thread (see thread_state)


class LazyConnectionManager:
    """The per-thread registry of connections, a dict-like keyed by name.

    ``connections[name]`` connects on first use in each thread; iterating
    gives only the names opened in this thread; ``keys()`` gives every
    configured name, opened or not, and ``values()`` and ``items()`` open
    every configured connection.
    """

    def __init__(self):
        self._local = _ThreadConnections()

    def _opened(self):
        "Returns this thread's {name: ConnectionInfo}."
        return self._local.connections

    def _managers(self):
        "Returns this thread's cache of {manager: ConnectionInfo}."
        return self._local.managers

    def index(self):
        """Returns a ConnectionIndex of OTHER_DATABASES as the settings are
        now. This thread keeps the last one with a copy of what it was built
        from, and builds (and checks) a new one when the settings differ:
        comparing the copy costs far less than reading every MODELS list."""
        databases = getattr(settings, 'OTHER_DATABASES', None) or {}
        fingerprint = _fingerprint(databases)
        kept = self._local.index
        if kept is not None and kept[0] == fingerprint:
            return kept[1]
        index = ConnectionIndex(other_databases())
        self._local.index = (fingerprint, index)
        return index

    def __getitem__(self, name):
        opened = self._opened()
        try:
            return opened[name]
        except KeyError:
            info = opened[name] = self.connect(name)
            return info
        except TypeError:
            raise ImproperlyConfigured(
                'Connection names are strings or _default, not %r.' % (name,))

    def __setitem__(self, name, info):
        old = self._opened().get(name)
        if old is not None and old is not info:
            old.close()
        self._opened()[name] = info
        self._managers().clear()

    def __delitem__(self, name):
        self._opened().pop(name).close()
        self._managers().clear()

    def __contains__(self, name):
        return name is _default or name in other_databases()

    def __iter__(self):
        return iter(list(self._opened()))

    def __len__(self):
        return len(self._opened())

    def thread_state(self, key):
        """Returns the dict a backend keeps under ``key`` for this thread (so
        that per-thread state stays in the registry). reset() leaves it."""
        return self._local.backends.setdefault(key, {})

    def connect(self, name):
        "Returns a new ConnectionInfo for ``name`` (not stored)."
        return connect(connection_settings(name))

    def keys(self):
        "Returns [_default] and every OTHER_DATABASES name, sorted."
        return [_default] + sorted(other_databases())

    def values(self):
        """Returns the ConnectionInfo of every configured connection, in the
        order of keys(), opening in this thread those not yet open (as the
        branch's did)."""
        return [self[name] for name in self.keys()]

    def items(self):
        "Returns (name, ConnectionInfo) for every configured connection, opening each."
        return [(name, self[name]) for name in self.keys()]

    def get(self, name, default=None):
        "Returns this thread's opened connection ``name``, or ``default``."
        return self._opened().get(name, default)

    def reset(self):
        "Closes and forgets this thread's connections and Manager.db cache."
        opened = self._opened()
        for info in opened.values():
            info.close()
        opened.clear()
        self._managers().clear()

    def __repr__(self):
        return '<LazyConnectionManager opened=%r>' % (sorted(self._opened()),)


connections = LazyConnectionManager()


class ConnectionInfoDescriptor:
    """``Manager.db``: the manager's ConnectionInfo, cached per thread.

    The cache lives in the connection registry, so it is dropped when the
    request finishes or ``connections.reset()`` runs. Assigning sets the
    connection for this thread; deleting forgets it.
    """

    def __get__(self, instance, owner=None):
        if instance is None:
            raise AttributeError('ConnectionInfo is accessible only through an instance')
        cache = connections._local.managers      # connections._managers(), one call less
        try:
            return cache[instance]
        except KeyError:
            info = cache[instance] = self.get_connection(instance)
            return info

    def __set__(self, instance, value):
        connections._managers()[instance] = value

    def __delete__(self, instance):
        connections._managers().pop(instance, None)

    def get_connection(self, instance):
        return connections[model_connection_name(instance.model)]


def manager_db(manager):
    """Returns ``manager.db``, the manager's ConnectionInfo for this thread,
    from the thread's cache when the descriptor has put it there, without
    the descriptor's call (get() and every query ask it: 0.1 µs; save()
    reads the cache itself, without this call either)."""
    try:
        return connections._local.managers[manager]
    except KeyError:
        return manager.db


class _DefaultProxy:
    """Stands for an attribute of this thread's default connection."""

    __slots__ = ('_attribute',)

    def __init__(self, attribute):
        object.__setattr__(self, '_attribute', attribute)

    def _target(self):
        info = connections[_default]
        return info if self._attribute is None else getattr(info, self._attribute)

    def __getattr__(self, name):
        return getattr(self._target(), name)

    def __setattr__(self, name, value):
        setattr(self._target(), name, value)

    def __repr__(self):
        return repr(self._target())

    def __eq__(self, other):
        return self._target() == other

    def __hash__(self):
        return hash(self._target())


connection_info = _DefaultProxy(None)
connection = _DefaultProxy('connection')
backend = _DefaultProxy('backend')


def get_introspection_module():
    return connections[_default].get_introspection_module()


def get_creation_module():
    return connections[_default].get_creation_module()


def runshell():
    return connections[_default].runshell()


def reset_queries():
    """Empties the query log (``connection.queries``) of every connection
    this thread has opened; other threads keep theirs."""
    for info in connections._opened().values():
        info.reset_queries()


def _request_started(**kwargs):
    """Empties each open connection's query log and forgets the connections
    managers resolved, so the request routes by the settings it starts with."""
    reset_queries()
    connections._managers().clear()


def _request_finished(**kwargs):
    connections.reset()


def _rollback_on_exception(**kwargs):
    from django_legacy.db import transaction
    transaction.rollback_unless_managed()


conf.setting_listeners.append(_follow_debug)
dispatcher.connect(_request_started, signal=signals.request_started)
dispatcher.connect(_request_finished, signal=signals.request_finished)
dispatcher.connect(_rollback_on_exception, signal=signals.got_request_exception)

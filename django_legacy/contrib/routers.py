"""The 2007 placement of models, as modern Django's DATABASES and a database router.

New: nothing here existed in 2007. Django 1.2 (2009) replaced the branch's
per-model settings with ``DATABASES`` keyed by alias and, from January 2010,
``DATABASE_ROUTERS``. ``to_modern_databases`` turns a 2007 settings object
into a modern ``DATABASES`` dict; ``LegacyRouter`` routes a modern project's
models as ``model_connection_name`` would place them. This module imports
nothing from Django at module level.
"""

from django_legacy.core.exceptions import ImproperlyConfigured
from django_legacy.db import ConnectionIndex, _default, check_entry, lay_entry

MODERN_ENGINES = {
    'sqlite3': 'django.db.backends.sqlite3',
    'postgresql': 'django.db.backends.postgresql',
    'mysql': 'django.db.backends.mysql',
    '': 'django.db.backends.dummy',
    'dummy': 'django.db.backends.dummy',
}
DEFAULT_ALIAS = 'default'
# The 2007 setting behind each key of a modern DATABASES entry.
MODERN_KEYS = (('NAME', 'DATABASE_NAME'), ('USER', 'DATABASE_USER'),
               ('PASSWORD', 'DATABASE_PASSWORD'), ('HOST', 'DATABASE_HOST'),
               ('PORT', 'DATABASE_PORT'))


def alias_for(name):
    "The modern alias of a 2007 connection name (``_default`` is 'default')."
    return DEFAULT_ALIAS if name is _default else name


def _modern_entry(values):
    engine = values['DATABASE_ENGINE'] or ''
    if engine not in MODERN_ENGINES:
        raise ImproperlyConfigured(
            'DATABASE_ENGINE %r has no modern Django backend; known: %s'
            % (engine, ', '.join(repr(e) for e in MODERN_ENGINES if e)))
    entry = {'ENGINE': MODERN_ENGINES[engine]}
    for modern, legacy in MODERN_KEYS:
        value = values.get(legacy)
        entry[modern] = '' if value is None else value
    if values.get('DATABASE_OPTIONS'):
        entry['OPTIONS'] = dict(values['DATABASE_OPTIONS'])
    return entry


def to_modern_databases(legacy):
    """Returns a modern DATABASES dict for a 2007 settings object or module
    (anything with DATABASE_* and OTHER_DATABASES attributes): 'default', and
    one alias per OTHER_DATABASES name, a key an entry leaves out inherited
    from the default connection as in 2007. OPTIONS appears only where
    DATABASE_OPTIONS is set."""
    databases = {DEFAULT_ALIAS: _modern_entry(lay_entry(legacy))}
    others = getattr(legacy, 'OTHER_DATABASES', None) or {}
    if not isinstance(others, dict):
        raise ImproperlyConfigured('OTHER_DATABASES must be a dict, not %r' % (others,))
    for name, entry in others.items():
        check_entry(name, entry)
        if name == DEFAULT_ALIAS:
            raise ImproperlyConfigured(
                "OTHER_DATABASES has a connection named 'default', which is the modern "
                "alias of the default connection: rename it.")
        databases[name] = _modern_entry(lay_entry(legacy, entry))
    return databases


class LegacyRouter:
    """A router for modern Django's DATABASE_ROUTERS that places each model
    where the 2007 branch would: by the MODELS lists of OTHER_DATABASES in
    the modern project's settings ('default' when no entry names it).

    ``databases`` may be given instead of reading settings.OTHER_DATABASES.
    """

    def __init__(self, databases=None):
        self._databases = databases

    def databases(self):
        if self._databases is not None:
            return self._databases
        from django.conf import settings
        return getattr(settings, 'OTHER_DATABASES', {}) or {}

    def route(self, app_label, class_name, db_connection=None):
        "Returns the alias for the model ``app_label.class_name``."
        return alias_for(ConnectionIndex(self.databases()).resolve(
            app_label, class_name, db_connection))

    def _model_alias(self, model):
        # A join table Django made for a many-to-many field lives with the
        # model that declares the field, as in 2007.
        owner = getattr(model._meta, 'auto_created', False)
        if owner:
            model = owner
        opts = model._meta
        return self._placement(opts.app_label, opts.object_name,
                               getattr(opts, 'db_connection', None))

    def _placement(self, app_label, model_name, db_connection=None):
        """Returns the alias of a model named in any case. Meta.db_connection
        is read from the 2007 model of that name, looked up among all the
        registered models (installed app or not), since a modern model
        mirroring it cannot carry that option."""
        from django_legacy.db.models import loading
        legacy = loading.get_model(app_label, model_name)
        if legacy is not None:
            return alias_for(ConnectionIndex(self.databases()).name_for(legacy))
        return self.route(app_label, self._class_name(app_label, model_name), db_connection)

    def _class_name(self, app_label, model_name):
        """Returns the spelling MODELS gives ``app_label.model_name`` (the
        entries are case-sensitive, modern Django lower-cases model names),
        or ``model_name`` when no entry names it."""
        wanted = ('%s.%s' % (app_label, model_name)).lower()
        for entry in self.databases().values():
            for item in entry.get('MODELS', ()):
                if item.lower() == wanted:
                    return item.split('.', 1)[1]
        return model_name

    def db_for_read(self, model, **hints):
        return self._model_alias(model)

    def db_for_write(self, model, **hints):
        return self._model_alias(model)

    def allow_relation(self, obj1, obj2, **hints):
        "A relation is allowed only between objects placed on the same alias."
        return self._model_alias(type(obj1)) == self._model_alias(type(obj2))

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        """Migrates a model only on the alias db_for_write gives it. Modern
        Django passes the model name lower-cased; the model is found among
        the 2007 models registered (installed app or not), else among
        modern Django's, else by the MODELS entries in any case. Without a
        model name, the app's own placement decides."""
        model = hints.get('model')
        if model is not None:
            return db == self._model_alias(model)
        if model_name is None:
            return db == self.route(app_label, '')
        from django_legacy.db.models import loading
        if loading.get_model(app_label, model_name) is None:
            from django.apps import apps
            modern = apps.all_models.get(app_label, {}).get(model_name.lower())
            if modern is not None:
                return db == self._model_alias(modern)
        return db == self._placement(app_label, model_name)

"""``compare``: the 2007 design and modern routers side by side on the same models.

New: nothing here existed in 2007. For each model it shows the 2007
connection (``model_connection_name``), the alias ``LegacyRouter`` gives, and
whether they agree. With a modern Django installed it also saves a row of
every model under both designs, each on its own copies of the SQLite
databases, and reports which database file each row landed in.
"""

import datetime
import importlib.util
import os
import sqlite3
import tempfile

from django_legacy.conf import UserSettingsHolder, settings
from django_legacy.contrib.routers import LegacyRouter, alias_for, to_modern_databases
from django_legacy.db import connections, model_connection_name

# What differs by design between the 2007 branch and modern Django.
DIFFERENCES = (
    'Placement: 2007 binds each model to one connection in settings (MODELS, or '
    'Meta.db_connection); modern Django asks routers per operation, and using() overrides.',
    'Transactions: a bare transaction.commit() in 2007 covers every open connection; '
    "modern transaction.atomic() covers one alias, 'default' unless told.",
    'Relations across databases: 2007 reports them at validation (manage.py validate); '
    'modern Django refuses them at assignment (allow_relation).',
    'Schema: 2007 installs a model on its connection (Manager.install, syncdb); modern '
    'migrations run per alias and allow_migrate filters them.',
    'Requests: 2007 re-reads the settings at each request, so a model may move between '
    'requests; modern DATABASES and routers are fixed at start-up.',
)

SAMPLE_VALUES = {
    'CharField': 'x', 'SlugField': 'x', 'TextField': 'x', 'IntegerField': 1,
    'PositiveIntegerField': 1, 'BooleanField': True, 'FloatField': 1.5,
    'DateField': datetime.date(2007, 1, 1), 'TimeField': datetime.time(12, 0),
    'DateTimeField': datetime.datetime(2007, 1, 1, 12, 0),
}


def django_available():
    "True when a modern Django can be imported."
    return importlib.util.find_spec('django') is not None


def placements(models):
    """Returns [(label, 2007 connection, router alias, agree)] for each model,
    the router reading the same OTHER_DATABASES."""
    router = LegacyRouter(settings.OTHER_DATABASES or {})
    rows = []
    for model in models:
        legacy = model_connection_name(model)
        modern = router.db_for_write(model)
        rows.append(('%s.%s' % (model._meta.app_label, model.__name__), legacy, modern,
                     alias_for(legacy) == modern))
    return rows


def _sqlite_copies(directory):
    """Returns copies of the 2007 settings whose every connection is an empty
    SQLite file in ``directory``; {name: path} tells which is which."""
    holder = UserSettingsHolder(settings._target)
    holder.DATABASE_ENGINE = 'sqlite3'
    holder.DATABASE_NAME = os.path.join(directory, 'default.db')
    files = {'default': holder.DATABASE_NAME}
    others = {}
    for name, entry in (settings.OTHER_DATABASES or {}).items():
        path = os.path.join(directory, '%s.db' % name)
        others[name] = dict(entry, DATABASE_ENGINE='sqlite3', DATABASE_NAME=path)
        files[name] = path
    holder.OTHER_DATABASES = others
    return holder, files


def _where(files, table):
    "Returns the names of the files whose ``table`` has rows."
    found = []
    for name, path in sorted(files.items()):
        if not os.path.exists(path):
            continue
        db = sqlite3.connect(path)
        try:
            exists = db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [table]).fetchone()
            if exists and db.execute('SELECT count(*) FROM "%s"' % table).fetchone()[0]:
                found.append(name)
        finally:
            db.close()
    return found


def _values(model, made):
    """Returns field values for a sample row of ``model``; a foreign key gets
    the row made earlier for its target (``made`` maps a 2007 model to it)."""
    values = {}
    for field in model._meta.fields:
        if field.primary_key:
            continue
        if field.rel is not None:
            values[field.name] = made[field.rel.to]
        elif field.get_internal_type() in SAMPLE_VALUES:
            values[field.name] = SAMPLE_VALUES[field.get_internal_type()]
    return values


def _order(models):
    """Returns the models so that each comes after the models its foreign keys
    need (a cycle is broken by taking the first model left)."""
    def needs(model, left):
        return {f.rel.to for f in model._meta.fields
                if f.rel is not None and f.rel.to is not model and f.rel.to in left}
    ordered, left = [], list(models)
    while left:
        ready = [m for m in left if not needs(m, left)] or left[:1]
        ordered.extend(ready)
        left = [m for m in left if m not in ready]
    return ordered


def _joins(models):
    "Returns (model, many-to-many field) for the fields whose both ends are in ``models``."
    return [(m, f) for m in models for f in m._meta.many_to_many if f.rel.to in models]


def _landed(models, files):
    """Returns {label: [names of the files holding rows]} for each model's
    table and each of its join tables."""
    landed = {}
    for model in models:
        label = '%s.%s' % (model._meta.app_label, model.__name__)
        landed[label] = _where(files, model._meta.db_table)
        for field in model._meta.many_to_many:
            landed['%s.%s (join table)' % (label, field.name)] = _where(
                files, field.m2m_db_table())
    return landed


def legacy_scenario(models, directory):
    """Installs and saves one row of each model (and a link through each
    many-to-many field) under django_legacy; returns _landed()."""
    holder, files = _sqlite_copies(directory)
    saved_target = settings._target
    settings._target = holder
    connections.reset()
    try:
        models = _order(models)
        pending = {}
        for model in models:
            pending = model._default_manager.install(pending=pending)
        made = {}
        for model in models:
            obj = made[model] = model(**_values(model, made))
            obj.save()
        for model, field in _joins(models):
            getattr(made[model], field.name).add(made[field.rel.to])
        connections.reset()
        return _landed(models, files)
    finally:
        connections.reset()
        settings._target = saved_target


def modern_scenario(models, directory):
    """Mirrors the models as modern Django models, routes them with
    LegacyRouter, creates their tables where allow_migrate says and saves one
    row of each (and a link through each many-to-many field); returns
    _landed()."""
    import django
    from django.conf import settings as modern_settings
    holder, files = _sqlite_copies(directory)
    if not modern_settings.configured:
        modern_settings.configure(
            DATABASES=to_modern_databases(holder), OTHER_DATABASES=holder.OTHER_DATABASES,
            DATABASE_ROUTERS=['django_legacy.contrib.routers.LegacyRouter'],
            INSTALLED_APPS=[], USE_TZ=False, DEFAULT_AUTO_FIELD='django.db.models.AutoField')
        django.setup()
    from django.db import connections as modern_connections, router
    mirrors = mirror_models(_order(models))
    for mirror in mirrors.values():
        for alias in modern_connections:
            if router.allow_migrate_model(alias, mirror):
                with modern_connections[alias].schema_editor() as editor:
                    editor.create_model(mirror)
    made = {}
    for legacy, mirror in mirrors.items():
        made[legacy] = mirror.objects.create(**_values(legacy, made))
    for legacy, field in _joins(list(mirrors)):
        getattr(made[legacy], field.name).add(made[field.rel.to])
    for alias in modern_connections:
        modern_connections[alias].close()
    return _landed(list(mirrors), files)


def mirror_models(models):
    """Returns {legacy model: modern model} with the same app label, class
    name, table, columns, foreign keys and many-to-many fields."""
    from django.apps import apps
    from django.db import models as modern
    kinds = {
        'CharField': lambda f: modern.CharField(max_length=f.maxlength, null=f.null),
        'SlugField': lambda f: modern.SlugField(max_length=f.maxlength, null=f.null),
        'TextField': lambda f: modern.TextField(null=f.null),
        'IntegerField': lambda f: modern.IntegerField(null=f.null),
        'PositiveIntegerField': lambda f: modern.PositiveIntegerField(null=f.null),
        'BooleanField': lambda f: modern.BooleanField(default=False),
        'FloatField': lambda f: modern.FloatField(null=f.null),
        'DateField': lambda f: modern.DateField(null=f.null),
        'DateTimeField': lambda f: modern.DateTimeField(null=f.null),
        'TimeField': lambda f: modern.TimeField(null=f.null),
    }
    mirrors = {}
    for model in models:
        opts = model._meta
        existing = apps.all_models.get(opts.app_label, {}).get(model.__name__.lower())
        if existing is not None:
            mirrors[model] = existing
            continue
        attrs = {'__module__': 'django_legacy.contrib.compare.mirrors',
                 'Meta': type('Meta', (), {'app_label': opts.app_label,
                                           'db_table': opts.db_table})}
        for field in opts.fields:
            if field.primary_key:
                continue
            if field.rel is not None:
                attrs[field.name] = modern.ForeignKey(
                    mirrors.get(field.rel.to, '%s.%s' % (field.rel.to._meta.app_label,
                                                         field.rel.to.__name__)),
                    on_delete=modern.CASCADE, null=field.null, db_column=field.column,
                    related_name=field.rel.related_name or '+')
            else:
                attrs[field.name] = kinds[field.get_internal_type()](field)
        for field in opts.many_to_many:
            attrs[field.name] = modern.ManyToManyField(
                mirrors.get(field.rel.to, field.rel.to.__name__),
                related_name=field.rel.related_name or '+', db_table=field.m2m_db_table())
        mirrors[model] = type(model.__name__, (modern.Model,), attrs)
    return mirrors


def compare(models, out, err):
    """Writes the comparison of ``models`` to ``out``; returns 0. Without a
    modern Django, says so on ``err`` in one line and shows the 2007 side."""
    rows = placements(models)
    out.write('%-50s %-15s %-15s %s\n' % ('model', '2007 connection', 'router alias', 'agree'))
    for label, legacy, modern, agree in rows:
        out.write('%-50s %-15s %-15s %s\n' % (label, legacy, modern, 'yes' if agree else 'NO'))
    if not django_available():
        err.write("modern Django is not installed (pip install 'django_legacy[compare]'): "
                  'showing the 2007 side only\n')
    else:
        with tempfile.TemporaryDirectory() as legacy_dir, \
                tempfile.TemporaryDirectory() as modern_dir:
            landed_2007 = legacy_scenario(models, legacy_dir)
            landed_modern = modern_scenario(models, modern_dir)
        out.write('\nOne row of each model saved under both designs, each on its own '
                  'copies of the SQLite files:\n')
        out.write('%-50s %-15s %-15s %s\n' % ('model', '2007 row in', 'modern row in', 'same'))
        for label in landed_2007:
            a, b = landed_2007[label], landed_modern.get(label, [])
            out.write('%-50s %-15s %-15s %s\n' % (
                label, ','.join(a) or '-', ','.join(b) or '-', 'yes' if a == b else 'NO'))
    out.write('\nWhat differs by design:\n')
    for line in DIFFERENCES:
        out.write('- %s\n' % line)
    return 0


def action(options, out, err):
    "The ``compare`` management action: the apps' models, or every installed model."
    from django_legacy.core.management import _models
    from django_legacy.db.models import loading
    models = _models(options.apps) if options.apps else loading.get_models()
    return compare(models, out, err)

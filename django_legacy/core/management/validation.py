"""Model validation (rebuilds get_validation_errors of the branch's django/core/management.py).

0.96's checks, with its messages: field options, relations to models that
are not installed, reverse accessors and query names that clash with
other names, ``ordering`` and ``unique_together``. The branch added one:
a relation whose two ends are configured on different connections cannot
work. It checked foreign keys only; many-to-many fields are checked too.
0.96's checks of the admin options are not rebuilt (the admin is not part
of this package).
"""

from django_legacy.conf import settings
from django_legacy.core.exceptions import ImproperlyConfigured
from django_legacy.db import _default, load_backend, model_connection_name, other_databases
from django_legacy.db.models import loading
from django_legacy.db.models.related import RelatedObject

ADVICE = " Add a related_name argument to the definition for '%s'."


def get_validation_errors(app=None, check_installed=True):
    """Returns a list of (model, message) for the models of ``app`` (a
    models module), or of every installed app.

    Without ``check_installed``, a relation to a model that is not installed
    is not reported: the actions that create tables leave it to the
    branch's own message about references left pending."""
    errors = []
    models = loading.get_models() if app is None else _models_of(app)
    # The app asked about counts as installed, as load_app made it in 0.96.
    installed = {key(m) for m in loading.get_models() + models} if check_installed else None
    for model in models:
        errors.extend((model, message) for message in model_errors(model, installed))
    return errors


def _models_of(app):
    """The models defined in a models module, installed or not (invalid_models
    is not installed). Models of another module registered under the same
    app label (another tree's app of that name) are not this app's."""
    return [m for m in loading.all_models()
            if m._meta.app_label == loading.app_label_of(app) and m.__module__ == app.__name__]


def key(model):
    """A model's (app_label, class name): models are compared by name, as the
    registry knows them, since a module imported twice makes a second class."""
    return model._meta.app_label, model._meta.object_name


def model_errors(model, installed=None):
    """Yields the messages of what is wrong with one model, in 0.96's order;
    ``installed`` is the set of keys of the installed models (None: do not
    check)."""
    opts = model._meta
    for field in opts.fields:
        yield from field_errors(model, field)
        if field.rel is not None:
            yield from relation_errors(model, field, installed, m2m=False)
    for field in opts.many_to_many:
        yield from relation_errors(model, field, installed, m2m=True)
    yield from ordering_errors(opts)
    yield from unique_together_errors(opts)
    for field in opts.fields + opts.many_to_many:
        if field.rel is not None and not isinstance(field.rel.to, str):
            yield from connection_errors(model, field.rel.to)


def field_errors(model, field):
    "Yields 0.96's messages about one field's own options."
    opts, name, internal = model._meta, field.name, field.get_internal_type()
    if name == 'id' and not field.primary_key and opts.pk.name == 'id':
        yield ('"%s": You can\'t use "id" as a field name, because each model automatically '
               'gets an "id" field if none of the fields have primary_key=True. You need to '
               'either remove/rename your "id" field or add primary_key=True to a field.' % name)
    if internal in ('CharField', 'SlugField') and not field.maxlength:
        yield '"%s": CharFields require a "maxlength" attribute.' % name
    if internal == 'FloatField':
        if field.decimal_places is None:
            yield '"%s": FloatFields require a "decimal_places" attribute.' % name
        if field.max_digits is None:
            yield '"%s": FloatFields require a "max_digits" attribute.' % name
    if internal in ('FileField', 'ImageField') and not field.upload_to:
        yield '"%s": FileFields require an "upload_to" attribute.' % name
    prepopulate = field.prepopulate_from
    if prepopulate is not None and not isinstance(prepopulate, (list, tuple)):
        yield '"%s": prepopulate_from should be a list or tuple.' % name
    yield from choices_errors(field)
    if field.db_index not in (None, True, False):
        yield '"%s": "db_index" should be either None, True or False.' % name
    if field.rel is not None and isinstance(field.rel.to, str):
        yield ("'%s' has relation with model %s, which has not been installed"
               % (name, field.rel.to))


def choices_errors(field):
    "Yields a message for choices that are not a sequence, and one per entry that is not a pair."
    choices = field.choices
    if not choices:
        return
    # A string is iterable in Python 3, but no more a list of choices than in 0.96.
    if isinstance(choices, str) or not hasattr(choices, '__iter__'):
        yield '"%s": "choices" should be iterable (e.g., a tuple or list).' % field.name
        return
    for choice in choices:
        if not isinstance(choice, (tuple, list)) or len(choice) != 2:
            yield '"%s": "choices" should be a sequence of two-tuples.' % field.name


def accessor_name(model, field):
    """The name the target model reaches back by, or None when there is no
    such attribute (a symmetrical many-to-many relation to the model itself)."""
    if field.rel.multiple_targets and key(field.rel.to) == key(model) and field.rel.symmetrical:
        return None
    return RelatedObject(field.rel.to, model, field).get_accessor_name()


def query_name(model, field):
    "The name a lookup on the target model crosses back by."
    return field.rel.related_name or model._meta.object_name.lower()


def relation_errors(model, field, installed, m2m):
    """Yields 0.96's messages for a relation: a target that is not installed,
    then every clash of the reverse accessor or query name with a field,
    many-to-many field or reverse accessor of the target."""
    if isinstance(field.rel.to, str):
        return
    kind = 'm2m field' if m2m else 'field'
    target = field.rel.to
    rel_opts = target._meta
    if installed is not None and key(target) not in installed:
        yield ("'%s' has %s with model %s, which has not been installed"
               % (field.name, 'm2m relation' if m2m else 'relation', rel_opts.object_name))
    accessor = accessor_name(model, field)
    if accessor is None:
        return
    query = query_name(model, field)
    others = [('field', r.name, False) for r in rel_opts.fields]
    others += [('m2m field', r.name, False) for r in rel_opts.many_to_many]
    related_m2m = [('related m2m field', r.get_accessor_name(), r.field is field)
                   for r in rel_opts.get_all_related_many_to_many_objects()]
    related = [('related field', r.get_accessor_name(), r.field is field)
               for r in rel_opts.get_all_related_objects()]
    # 0.96 compared a foreign key with its own reverse accessor among the
    # related m2m fields, a many-to-many field among the related fields.
    others += related_m2m if not m2m else [o for o in related_m2m if not o[2]]
    others += [o for o in related if not o[2]] if not m2m else related
    for what, other, _ in others:
        for label, name in (('Accessor', accessor), ('Reverse query name', query)):
            if other == name:
                yield ("%s for %s '%s' clashes with %s '%s.%s'.%s"
                       % (label, kind, field.name, what, rel_opts.object_name, other,
                          ADVICE % field.name))


def ordering_errors(opts):
    for name in opts.ordering or ():
        if name == '?':
            continue
        name = name[1:] if name.startswith('-') else name
        if '.' in name or (opts.order_with_respect_to and name == '_order'):
            continue
        if name not in {f.name for f in opts.fields}:
            yield '"ordering" refers to "%s", a field that doesn\'t exist.' % name


def unique_together_errors(opts):
    by_name = {f.name: f for f in opts.fields + opts.many_to_many}
    for names in opts.unique_together:
        for name in names:
            field = by_name.get(name)
            if field is None:
                yield ('"unique_together" refers to %s, a field that doesn\'t exist. Check your '
                       'syntax.' % name)
            elif field.rel is not None and field.rel.multiple_targets:
                yield ('"unique_together" refers to %s. ManyToManyFields are not supported in '
                       'unique_together.' % name)


def connection_errors(model, target):
    "Yields the branch's message if ``model`` and ``target`` use different connections."
    here, there = model_connection_name(model), model_connection_name(target)
    if here != there:
        yield ("'%s' is configured to use connection '%s' but has relation with '%s', "
               "which is configured to use connection '%s'"
               % (model._meta.object_name, here, target._meta.object_name, there))


def format_errors(errors):
    "Returns the errors as 0.96 wrote them: lines of '<app_label>.<modelname>: <message>'."
    return ['%s: %s' % (m._meta, message) for m, message in errors]


def settings_errors():
    """Returns the messages of what is wrong in the database settings (new:
    the branch found these only when a query failed, or never): an engine
    that is no backend, connect options the backend does not take, a MODELS
    entry naming an app that is not installed or a model it does not have,
    a Meta.db_connection naming no connection."""
    try:
        databases = other_databases()
    except ImproperlyConfigured as e:
        return [str(e)]
    errors = list(engine_errors('DATABASE_ENGINE', settings.DATABASE_ENGINE))
    for name, entry in sorted(databases.items()):
        if 'DATABASE_ENGINE' in entry:
            errors.extend(engine_errors("OTHER_DATABASES[%r]['DATABASE_ENGINE']" % name,
                                        entry['DATABASE_ENGINE']))
        errors.extend(models_errors(name, entry.get('MODELS', ())))
    errors.extend(options_errors(databases))
    for model in loading.get_models():
        wanted = model._meta.db_connection
        if wanted is not None and wanted is not _default and wanted not in databases:
            errors.append('%s.%s: Meta.db_connection names connection %r, which '
                          'OTHER_DATABASES does not define. Defined: %s.'
                          % (model._meta.app_label, model._meta.object_name, wanted,
                             ', '.join(map(repr, sorted(databases))) or 'none'))
    return errors


def engine_errors(setting, engine):
    "Yields the message for ``engine`` (the value of ``setting``) if it is no backend."
    try:
        load_backend(engine)
    except ImproperlyConfigured as e:
        yield '%s: %s' % (setting, e)


def models_errors(name, models):
    "Yields what is wrong with the items of OTHER_DATABASES[name]['MODELS']."
    installed = {app.split('.')[-1] for app in settings.INSTALLED_APPS}
    for item in models:
        app_label, _, class_name = item.partition('.')
        where = "OTHER_DATABASES[%r]['MODELS']" % name
        if app_label not in installed:
            yield ('%s names app %r, which is not in INSTALLED_APPS (installed: %s); its '
                   'models would use the default connection.'
                   % (where, app_label, ', '.join(sorted(installed)) or 'none'))
        elif class_name:
            app = loading.get_app(app_label, emptyOK=True)
            names = sorted(m._meta.object_name for m in loading.get_models(app)) if app else []
            if class_name not in names:
                yield ('%s names model %r, but app %r has no model %r (the class name is '
                       'case-sensitive). Its models: %s.'
                       % (where, item, app_label, class_name, ', '.join(names) or 'none'))


def options_errors(databases):
    "Yields what is wrong with each connection's DATABASE_OPTIONS, for backends that load."
    from django_legacy.db import connection_settings
    for name in [_default] + sorted(databases):
        holder = connection_settings(name)
        if not holder.DATABASE_OPTIONS:
            continue
        try:
            backend = load_backend(holder.DATABASE_ENGINE)
        except ImproperlyConfigured:
            continue        # engine_errors reports it
        try:
            backend.check_options(holder)
        except ImproperlyConfigured as e:
            yield str(e)

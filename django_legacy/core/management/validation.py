"""Model validation (rebuilds get_validation_errors of the branch's django/core/management.py).

The branch added one check to 0.96's: a relation whose two ends are
configured on different connections cannot work. It checked foreign keys
only; many-to-many fields are checked too.
"""

from django_legacy.db import model_connection_name
from django_legacy.db.models import loading


def get_validation_errors(app=None):
    """Returns a list of (model, message) for the models of ``app`` (a
    models module), or of every installed app."""
    errors = []
    for model in loading.get_models(app):
        errors.extend((model, message) for message in model_errors(model))
    return errors


def model_errors(model):
    "Yields the messages of what is wrong with one model."
    opts = model._meta
    for field in opts.fields + opts.many_to_many:
        yield from field_errors(field)
    for names in opts.unique_together:
        for name in names:
            if name not in {f.name for f in opts.fields}:
                yield ('"unique_together" refers to %s, which is not a field of %s.'
                       % (name, opts.object_name))
    for field in opts.fields + opts.many_to_many:
        if field.rel is None or isinstance(field.rel.to, str):
            continue
        yield from connection_errors(model, field.rel.to)


def field_errors(field):
    internal = field.get_internal_type()
    if internal in ('CharField', 'SlugField') and not field.maxlength:
        yield '"%s": %ss require a "maxlength" attribute.' % (field.name, internal)
    if internal == 'FloatField' and (field.max_digits is None or field.decimal_places is None):
        yield ('"%s": FloatFields require a "decimal_places" and a "max_digits" attribute.'
               % field.name)
    if field.rel is not None and isinstance(field.rel.to, str):
        yield ('"%s": has a relation with model %s, which has either not been installed '
               'or is abstract.' % (field.name, field.rel.to))


def connection_errors(model, target):
    "Yields the branch's message if ``model`` and ``target`` use different connections."
    here, there = model_connection_name(model), model_connection_name(target)
    if here != there:
        yield ("'%s' is configured to use connection '%s' but has relation with '%s', "
               "which is configured to use connection '%s'"
               % (model._meta.object_name, here, target._meta.object_name, there))


def format_errors(errors):
    "Returns the errors as lines of '<app_label>.<model>: <message>'."
    return ['%s.%s: %s' % (m._meta.app_label, m._meta.object_name, message)
            for m, message in errors]

"""Turning model objects into text and back (rebuilds django/core/serializers/__init__.py of 0.96).

    >>> from django_legacy.core import serializers
    >>> text = serializers.serialize('json', Article.objects.all())
    >>> for obj in serializers.deserialize('json', text):
    ...     obj.save()

The formats are ``python`` (lists and dicts), ``json`` and ``xml``, plus
the modules named in settings.SERIALIZATION_MODULES ({format: dotted
module}). A deserialized object is saved on its own model's connection,
whatever connection the objects were read from. The YAML format of 0.96
(present only where PyYAML was installed) is not rebuilt.
"""

import importlib

from django_legacy.conf import settings
from django_legacy.core.serializers.base import (  # noqa: F401
    DeserializationError, DeserializedObject, SerializationError, references_unchecked)

BUILTIN_SERIALIZERS = {
    'python': 'django_legacy.core.serializers.python',
    'json': 'django_legacy.core.serializers.json',
    'xml': 'django_legacy.core.serializers.xml_serializer',
}

# format -> module registered by register_serializer(); the built-in and
# configured formats are looked up without being registered here.
_registered = {}


def register_serializer(format, serializer_module):
    "Registers the module named ``serializer_module`` (a dotted path) as ``format``."
    _registered[format] = importlib.import_module(serializer_module)


def unregister_serializer(format):
    "Forgets a format added by register_serializer(); raises KeyError if there is none."
    del _registered[format]


def _modules():
    "Returns {format: dotted module or module}: built-in, then settings, then registered."
    modules = dict(BUILTIN_SERIALIZERS)
    modules.update(getattr(settings, 'SERIALIZATION_MODULES', None) or {})
    modules.update(_registered)
    return modules


def _module(format):
    modules = _modules()
    if format not in modules:
        raise SerializationError('Unknown serialization format %r; choose from: %s'
                                 % (format, ', '.join(sorted(modules))))
    module = modules[format]
    return importlib.import_module(module) if isinstance(module, str) else module


def get_serializer_formats():
    "Returns the names of every format, sorted."
    return sorted(_modules())


def get_serializer(format):
    "Returns the Serializer class of ``format``."
    return _module(format).Serializer


def get_deserializer(format):
    "Returns the Deserializer of ``format`` (a class or a generator function)."
    return _module(format).Deserializer


def serialize(format, queryset, **options):
    """Returns the objects of ``queryset`` (any iterable of model objects)
    in ``format``: a string, or a list for ``python``. ``fields`` limits the
    fields written; other options go to the format (``indent`` for json and
    xml)."""
    serializer = get_serializer(format)()
    serializer.serialize(queryset, **options)
    return serializer.getvalue()


def deserialize(format, stream_or_string, **options):
    """Returns an iterator of DeserializedObject, each holding an unsaved
    model object and its many-to-many keys; nothing touches a database
    until each one's save()."""
    return get_deserializer(format)(stream_or_string, **options)

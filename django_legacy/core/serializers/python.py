"""The ``python`` format: a list of dicts (rebuilds django/core/serializers/python.py of 0.96).

Each object is ``{'pk': '<key as text>', 'model': 'app_label.modelname',
'fields': {name: value}}``; values stay Python objects (dates, numbers).
The json format is this one passed through the json module.
"""

from django_legacy.core.serializers import base
from django_legacy.db.models.fields.related import ManyToManyRel


class Serializer(base.Serializer):
    "Serializes objects to a list of dicts."

    def start_serialization(self):
        self.objects = []
        self._current = None

    def start_object(self, obj):
        self._current = {}

    def end_object(self, obj):
        # pk, model, fields: the order 0.96's output shows.
        self.objects.append({'pk': base.pk_text(obj), 'model': base.model_label(type(obj)),
                             'fields': self._current})
        self._current = None

    def handle_field(self, obj, field):
        self._current[field.name] = getattr(obj, field.attname)

    def handle_fk_field(self, obj, field):
        self._current[field.name] = getattr(obj, field.attname)

    def handle_m2m_field(self, obj, field):
        self._current[field.name] = self.related_keys(obj, field)

    def getvalue(self):
        return self.objects


def convert(model, name, value):
    """Returns (kind, attname, value) for one serialized field of ``model``:
    kind is 'm2m' (value a list of keys) or 'field'; raises
    DeserializationError for a field the model does not have."""
    field = base.get_field(model, name)
    if isinstance(field.rel, ManyToManyRel):
        to_python = field.rel.to._meta.pk.to_python
        return 'm2m', field.name, [to_python(key) for key in value]
    if value is None:
        return 'field', field.attname, None
    if field.rel is not None:
        return 'field', field.attname, field.rel.get_related_field().to_python(value)
    return 'field', field.attname, field.to_python(value)


def Deserializer(object_list, **options):
    """Yields a DeserializedObject for each dict of ``object_list`` (as the
    python Serializer makes them)."""
    for entry in object_list:
        model = base.get_model(entry.get('model'))
        if 'pk' not in entry:
            raise base.DeserializationError('the %s object has no "pk"' % entry['model'])
        pk = entry['pk']
        pk = None if pk is None else model._meta.pk.to_python(pk)
        values, m2m_data = {}, {}
        for name, value in (entry.get('fields') or {}).items():
            kind, attname, converted = convert(model, name, value)
            (m2m_data if kind == 'm2m' else values)[attname] = converted
        yield base.build_object(model, pk, values, m2m_data)

"""The ``json`` format (rebuilds django/core/serializers/json.py of 0.96).

The python format's list of dicts written with the json module; dates,
times and datetimes are written as 0.96 wrote them ('2006-06-16 15:00:00').
"""

import datetime
import json

from django_legacy.core.serializers import base
from django_legacy.core.serializers import python


class DateTimeAwareJSONEncoder(json.JSONEncoder):
    "A JSONEncoder that writes dates, times and datetimes as 0.96 did."

    def default(self, o):
        if isinstance(o, (datetime.date, datetime.time)):
            return base.string_value(o)
        return super().default(o)


class Serializer(python.Serializer):
    "Serializes objects to a JSON string; ``indent`` and the json module's options apply."

    def end_serialization(self):
        json.dump(self.objects, self.stream, cls=DateTimeAwareJSONEncoder, **self.options)

    def getvalue(self):
        return self.stream.getvalue()


def Deserializer(stream_or_string, **options):
    "Yields a DeserializedObject for each object of a JSON string or stream."
    try:
        objects = json.load(base.text_stream(stream_or_string))
    except ValueError as e:
        raise base.DeserializationError('not valid JSON: %s' % e)
    yield from python.Deserializer(objects, **options)

"""What every format shares (rebuilds django/core/serializers/base.py of 0.96).

A Serializer walks each object's fields and calls one hook per kind of
field; a format fills in the hooks. A deserializer yields
DeserializedObject instances.
"""

import contextlib
import datetime
import io
import threading

from django_legacy.db import models
from django_legacy.db.backends import DatabaseError

DATE_FORMAT = '%Y-%m-%d'
TIME_FORMAT = '%H:%M:%S'
DATETIME_FORMAT = '%s %s' % (DATE_FORMAT, TIME_FORMAT)


class SerializationError(Exception):
    "An object or a format could not be serialized."


class DeserializationError(Exception):
    "The text names no model, no field or no key where one is needed."


def string_value(value):
    """Returns a field's value as the text 0.96 wrote: dates, times and
    datetimes to the second, anything else through str()."""
    if isinstance(value, datetime.datetime):
        return value.strftime(DATETIME_FORMAT)
    if isinstance(value, datetime.date):
        return value.strftime(DATE_FORMAT)
    if isinstance(value, datetime.time):
        return value.strftime(TIME_FORMAT)
    return str(value)


def pk_text(obj):
    """Returns the object's key as text, or None for an unsaved object (0.96
    wrote the text 'None', which no field reads back)."""
    pk = obj._get_pk_val()
    return None if pk is None else str(pk)


def model_label(model):
    "Returns 'app_label.modelname', the name a serialized object gives its model."
    return str(model._meta)


def get_model(identifier):
    "Returns the model named 'app_label.modelname'; raises DeserializationError."
    model = None
    if isinstance(identifier, str) and identifier.count('.') == 1:
        model = models.get_model(*identifier.split('.'))
    if model is None:
        raise DeserializationError("Invalid model identifier: '%s'" % (identifier,))
    return model


def get_field(model, name):
    "Returns ``model``'s field ``name``; raises DeserializationError naming both."
    try:
        return model._meta.get_field(name)
    except models.FieldDoesNotExist:
        raise DeserializationError('%s has no field named %r' % (model_label(model), name))


class Serializer:
    """Writes a sequence of model objects.

    The primary key is written as the object's ``pk``, not among its
    fields, nor is a field made with ``serialize=False``; a foreign key is written as the value its column holds, a
    many-to-many field as the list of the related objects' keys.
    """

    def serialize(self, queryset, **options):
        "Writes every object of ``queryset``; returns getvalue()."
        self.stream = options.pop('stream', None) or io.StringIO()
        self.selected_fields = options.pop('fields', None)
        self.options = options
        self.start_serialization()
        for obj in queryset:
            if not hasattr(obj, '_meta'):
                raise SerializationError('Non-model object (%s) encountered during '
                                         'serialization' % type(obj))
            self.start_object(obj)
            opts = obj._meta
            for field in opts.fields:
                if field is opts.pk or not self.selected(field):
                    continue
                if field.rel is None:
                    self.handle_field(obj, field)
                else:
                    self.handle_fk_field(obj, field)
            for field in opts.many_to_many:
                if self.selected(field):
                    self.handle_m2m_field(obj, field)
            self.end_object(obj)
        self.end_serialization()
        return self.getvalue()

    def selected(self, field):
        """Is ``field`` to be written: serialized (``serialize=True``) and
        among the fields asked for (all of them when none were named)?"""
        return field.serialize and (self.selected_fields is None
                                    or field.name in self.selected_fields)

    @staticmethod
    def related_keys(obj, field):
        "Returns the keys of the objects a many-to-many field of ``obj`` joins it to."
        return [related._get_pk_val() for related in getattr(obj, field.name).iterator()]

    def start_serialization(self):
        raise NotImplementedError

    def end_serialization(self):
        pass

    def start_object(self, obj):
        raise NotImplementedError

    def end_object(self, obj):
        pass

    def handle_field(self, obj, field):
        raise NotImplementedError

    def handle_fk_field(self, obj, field):
        raise NotImplementedError

    def handle_m2m_field(self, obj, field):
        raise NotImplementedError

    def getvalue(self):
        return self.stream.getvalue()


def text_stream(stream_or_string):
    "Returns a readable text stream of a string, of bytes (UTF-8) or of a stream."
    if isinstance(stream_or_string, bytes):
        return io.StringIO(stream_or_string.decode('utf-8'))
    if isinstance(stream_or_string, str):
        return io.StringIO(stream_or_string)
    return stream_or_string


class DeserializedObject:
    """An unsaved model object read from serialized text, with the keys of
    its many-to-many relations (``m2m_data``: {field name: [key, ...]}).

    save() saves the object on its model's own connection, then sets its
    many-to-many relations (which are written on the connection of the model
    that declares the field); save(save_m2m=False) saves the object only.
    The relations are set once: a second save() saves the object alone.
    """

    def __init__(self, obj, m2m_data=None):
        self.object = obj
        self.m2m_data = m2m_data

    def __repr__(self):
        return '<DeserializedObject: %s>' % (self.object,)

    def save(self, save_m2m=True):
        db = self.object._default_manager.db
        off = getattr(db.backend, 'reference_checks_off_sql', None)
        held = _checks.held
        if off and held is not None:
            # Inside references_unchecked(): off once per connection, and
            # on again when the block ends.
            if db.connection not in held:
                db.connection.cursor().execute(off)
                held[db.connection] = db.backend.reference_checks_on_sql
            off = None
        if off:
            db.connection.cursor().execute(off)
        try:
            self.object.save()
            if save_m2m and self.m2m_data:
                for name, keys in self.m2m_data.items():
                    setattr(self.object, name, keys)
        finally:
            if off:
                db.connection.cursor().execute(db.backend.reference_checks_on_sql)
        self.m2m_data = None


class _Checks(threading.local):
    held = None     # in references_unchecked(): {wrapper: SQL that turns its checks on}


_checks = _Checks()


@contextlib.contextmanager
def references_unchecked():
    """A block in which DeserializedObject.save() turns a connection's
    reference checks off (where the backend has them: MySQL's
    foreign_key_checks) at its first save there, and leaves them off until
    the block ends, when each is turned on again, whatever happened: two
    statements per connection instead of two per object (loaddata). A
    block inside another leaves that to the outer one. New: 0.96's MySQL
    tables were MyISAM, which checks nothing."""
    if _checks.held is not None:
        yield
        return
    held = _checks.held = {}
    failed = True
    try:
        yield
        failed = False
    finally:
        _checks.held = None
        _turn_on(held, failed)


def _turn_on(held, quietly):
    """Runs each connection's statement that turns its checks on again;
    ``quietly`` (the block failed), an error here does not hide the block's
    (a connection the server dropped has them on again anyway)."""
    first = None
    for wrapper, sql in held.items():
        try:
            wrapper.cursor().execute(sql)
        except DatabaseError as e:
            first = first or e
    if first is not None and not quietly:
        raise first


def build_object(model, pk, values, m2m_data):
    """Returns a DeserializedObject for ``model`` from already converted
    values: ``pk``, and {attname: value}."""
    data = {model._meta.pk.attname: pk}
    data.update(values)
    return DeserializedObject(model(**data), m2m_data)

"""Relations to an object of any model (rebuilds django/db/models/fields/generic.py of 0.96).

A GenericForeignKey is a (content type, object id) pair of fields read as
one object; a GenericRelation is the reverse, a manager of the objects
whose pair points at an instance. The object pointed at is read on its own
model's connection, the pointing objects on theirs.
"""

from django_legacy.core.exceptions import ObjectDoesNotExist
from django_legacy.db.models import signals
from django_legacy.db.models.loading import get_model
from django_legacy.dispatch import dispatcher


def _content_types():
    # Looked up by name, so that this module can be imported before the app.
    return get_model('contenttypes', 'contenttype').objects


class GenericForeignKey:
    """``tagged.content_object``: the object named by the ``ct_field``
    foreign key to ContentType and the ``fk_field`` key. Not a column
    itself; it may be given to the model's constructor."""

    def __init__(self, ct_field='content_type', fk_field='object_id'):
        self.ct_field = ct_field
        self.fk_field = fk_field

    def contribute_to_class(self, cls, name):
        self.name = name
        self.model = cls
        self.cache_attr = '_%s_cache' % name
        dispatcher.connect(self.instance_pre_init, signal=signals.pre_init, sender=cls,
                           weak=False)
        setattr(cls, name, self)

    def instance_pre_init(self, signal, sender, args, kwargs, **named):
        "Turns ``Model(content_object=obj)`` into the two fields' values."
        if self.name in kwargs:
            value = kwargs.pop(self.name)
            kwargs[self.ct_field] = _content_types().get_for_model(value)
            kwargs[self.fk_field] = value._get_pk_val()

    def __get__(self, instance, owner=None):
        if instance is None:
            raise AttributeError('%s must be accessed via instance' % self.name)
        try:
            return instance.__dict__[self.cache_attr]
        except KeyError:
            pass
        obj = None
        ct_id = getattr(instance, self.model._meta.get_field(self.ct_field).attname)
        if ct_id is not None:
            ct = _content_types().get_for_id(ct_id)
            try:
                obj = ct.get_object_for_this_type(pk=getattr(instance, self.fk_field))
            except ObjectDoesNotExist:
                pass
        instance.__dict__[self.cache_attr] = obj
        return obj

    def __set__(self, instance, value):
        ct = fk = None
        if value is not None:
            ct = _content_types().get_for_model(value)
            fk = value._get_pk_val()
        setattr(instance, self.ct_field, ct)
        setattr(instance, self.fk_field, fk)
        instance.__dict__[self.cache_attr] = value


class GenericRelation:
    """``animal.tags``: a manager of the ``to`` objects whose generic
    foreign key points at the instance. Deleting the instance deletes them.

    Unlike 0.96's (a many-to-many field without a join table) it is not a
    field of the model: it has no column, is not serialized and cannot be
    used in lookups."""

    def __init__(self, to, object_id_field='object_id', content_type_field='content_type',
                 **kwargs):
        self.to = to
        self.object_id_field_name = object_id_field
        self.content_type_field_name = content_type_field
        self._classes = {}       # default manager class of ``to`` -> related manager class

    def contribute_to_class(self, cls, name):
        self.name = name
        self.model = cls
        setattr(cls, name, ReverseGenericRelatedObjectsDescriptor(self))
        dispatcher.connect(self.delete_related, signal=signals.pre_delete, sender=cls,
                           weak=False)

    def related_model(self):
        if isinstance(self.to, str):
            app_label, _, name = self.to.rpartition('.')
            model = get_model(app_label or self.model._meta.app_label, name)
            if model is None:
                raise LookupError('GenericRelation %s.%s: no model %r'
                                  % (self.model._meta.object_name, self.name, self.to))
            self.to = model
        return self.to

    def filters(self, instance):
        "Returns the lookups that select the objects pointing at ``instance``."
        ct = _content_types().get_for_model(self.model)
        return {'%s__pk' % self.content_type_field_name: ct.id,
                self.object_id_field_name: instance._get_pk_val()}

    def delete_related(self, signal, sender, instance, **named):
        "Deletes the objects that point at ``instance``, on their own connection."
        self.related_model()._default_manager.filter(**self.filters(instance)).delete()


class ReverseGenericRelatedObjectsDescriptor:
    """Gives each instance a manager of the related objects: a subclass of
    their model's default manager (made once per manager class)."""

    def __init__(self, field):
        self.field = field

    def __get__(self, instance, owner=None):
        if instance is None:
            raise AttributeError('Manager must be accessed via instance')
        field = self.field
        default = field.related_model()._default_manager
        superclass = type(default)
        cls = field._classes.get(superclass)
        if cls is None:
            cls = field._classes[superclass] = generic_related_manager(field, superclass)
        manager = cls.__new__(cls)
        manager.__dict__.update(default.__dict__, instance=instance)
        return manager

    def __set__(self, instance, value):
        manager = self.__get__(instance)
        manager.clear()
        manager.add(*value)


def generic_related_manager(field, superclass):
    "Returns the manager class of ``field`` narrowed from ``superclass``."

    class GenericRelatedObjectManager(superclass):
        def get_query_set(self):
            return superclass.get_query_set(self).filter(**field.filters(self.instance))

        def _point(self, obj):
            setattr(obj, field.content_type_field_name,
                    _content_types().get_for_model(field.model))
            setattr(obj, field.object_id_field_name, self.instance._get_pk_val())

        def add(self, *objs):
            for obj in objs:
                self._point(obj)
                obj.save()
        add.alters_data = True

        def remove(self, *objs):
            "Deletes ``objs`` (they cannot exist pointing at nothing), as 0.96 did."
            for obj in objs:
                obj.delete()
        remove.alters_data = True

        def clear(self):
            for obj in self.all():
                obj.delete()
        clear.alters_data = True

        def create(self, **kwargs):
            obj = self.model(**kwargs)
            self._point(obj)
            obj.save()
            return obj
        create.alters_data = True

    return GenericRelatedObjectManager


__all__ = ('GenericForeignKey', 'GenericRelation')

"""Relation fields and the descriptors and managers they add (rebuilds django/db/models/fields/related.py).

A relation named by a string (``'PC'``, ``'app.Model'``, ``'self'``) is
resolved when the model it names is registered. Every query a relation runs
goes through the related model's default manager, and so through that
model's connection.
"""

from django_legacy.db.models import loading
from django_legacy.db.models.fields import Field
from django_legacy.db.models.related import RelatedObject

RECURSIVE_RELATIONSHIP_CONSTANT = 'self'

# (app_label, lowercased model name) -> [(model, field)] waiting for that model.
_pending_lookups = {}


def add_lazy_relation(cls, field, relation):
    """Calls ``field.do_related_class(model)`` once ``relation`` names a
    registered model: now, or when that model is registered."""
    if relation == RECURSIVE_RELATIONSHIP_CONSTANT:
        app_label, model_name = cls._meta.app_label, cls.__name__
    elif isinstance(relation, str):
        if '.' in relation:
            app_label, model_name = relation.split('.', 1)
        else:
            app_label, model_name = cls._meta.app_label, relation
    else:
        field.do_related_class(relation)
        return
    model = loading.get_model(app_label, model_name)
    if model is not None and (model is cls or model.__name__ == model_name):
        field.do_related_class(model)
    else:
        key = (app_label, model_name.lower())
        _pending_lookups.setdefault(key, []).append((cls, field))


def do_pending_lookups(model):
    "Resolves the relations that were waiting for ``model``."
    key = (model._meta.app_label, model.__name__.lower())
    for _cls, field in _pending_lookups.pop(key, []):
        field.do_related_class(model)


def rel_data_type(field):
    """Returns the DATA_TYPES key for a column that references ``field``
    (an AutoField is referenced by an integer column)."""
    internal = field.get_internal_type()
    if internal in ('AutoField', 'PositiveIntegerField'):
        return 'IntegerField'
    if internal == 'PositiveSmallIntegerField':
        return 'SmallIntegerField'
    if internal in ('ForeignKey', 'OneToOneField'):
        return rel_data_type(field.rel.get_related_field())
    return internal


class ManyToOneRel:
    multiple_targets = False

    def __init__(self, to, field_name, related_name=None, edit_inline=False,
                 num_in_admin=3, min_num_in_admin=None, max_num_in_admin=None,
                 num_extra_on_change=1, limit_choices_to=None, lookup_overrides=None,
                 raw_id_admin=False):
        self.to, self.field_name = to, field_name
        self.related_name = related_name
        self.limit_choices_to = limit_choices_to or {}

    def get_related_field(self):
        "Returns the field of the target model that the relation points at."
        return self.to._meta.get_field(self.field_name)


class OneToOneRel(ManyToOneRel):
    single_object = True


class ManyToManyRel:
    multiple_targets = True

    def __init__(self, to, num_in_admin=0, related_name=None, filter_interface=None,
                 limit_choices_to=None, raw_id_admin=False, symmetrical=True):
        self.to = to
        self.related_name = related_name
        self.limit_choices_to = limit_choices_to or {}
        self.symmetrical = symmetrical


class RelatedField:
    "What ForeignKey and ManyToManyField share: resolving the target."

    def contribute_to_class(self, cls, name):
        Field.contribute_to_class(self, cls, name)
        add_lazy_relation(cls, self, self.rel.to)

    def do_related_class(self, other):
        self.rel.to = other
        self.set_related_attributes(other)
        related = RelatedObject(other, self.model, self)
        self.contribute_to_related_class(other, related)
        self.model._meta.invalidate_relations()
        other._meta.invalidate_relations()

    def set_related_attributes(self, other):
        pass

    @property
    def is_resolved(self):
        return not isinstance(self.rel.to, str)


def pk_of(value):
    "A model instance's primary key, or the value itself."
    meta = getattr(value, '_meta', None)
    if meta is not None:
        return getattr(value, meta.pk.attname)
    return value


class ForeignKey(RelatedField, Field):
    """A column holding the key of a row of another model (``<name>_id``).

    Indexed unless ``db_index=False`` is given, as in 0.96.
    """
    empty_strings_allowed = False

    def __init__(self, to, to_field=None, rel_class=ManyToOneRel, **kwargs):
        kwargs.setdefault('db_index', True)
        kwargs['rel'] = rel_class(
            to, to_field, related_name=kwargs.pop('related_name', None),
            edit_inline=kwargs.pop('edit_inline', False),
            num_in_admin=kwargs.pop('num_in_admin', 3),
            limit_choices_to=kwargs.pop('limit_choices_to', None),
            raw_id_admin=kwargs.pop('raw_id_admin', False))
        Field.__init__(self, **kwargs)

    def get_attname(self):
        return '%s_id' % self.name

    def set_related_attributes(self, other):
        if self.rel.field_name is None:
            self.rel.field_name = other._meta.pk.name

    def contribute_to_class(self, cls, name):
        RelatedField.contribute_to_class(self, cls, name)
        setattr(cls, self.name, ReverseSingleRelatedObjectDescriptor(self))

    def contribute_to_related_class(self, cls, related):
        setattr(cls, related.get_accessor_name(), ForeignRelatedObjectsDescriptor(related))

    def db_type(self, data_types):
        target = self.rel.get_related_field()
        template = data_types.get(rel_data_type(target))
        return None if template is None else template % target.__dict__

    def to_python(self, value):
        value = pk_of(value)
        if value is None:
            return None
        return self.rel.get_related_field().to_python(value)

    def get_db_prep_save(self, value):
        value = pk_of(value)
        if value is None or value == '':
            return None
        return self.rel.get_related_field().get_db_prep_save(value)

    def get_db_prep_lookup(self, lookup_type, value):
        if lookup_type in ('in', 'range'):
            value = [pk_of(v) for v in value]
        elif lookup_type != 'isnull':
            value = pk_of(value)
        return self.rel.get_related_field().get_db_prep_lookup(lookup_type, value)

    def pre_save(self, instance, add):
        cached = instance.__dict__.get(self.get_cache_name())
        if cached is not None:
            pk = getattr(cached, cached._meta.pk.attname)
            if pk is None:
                raise ValueError(
                    'Cannot save %r: its %s %r has not been saved yet (it has no '
                    'primary key). Save it first.' % (instance, self.name, cached))
            setattr(instance, self.attname, pk)
        return getattr(instance, self.attname)

    def get_cache_name(self):
        return '_%s_cache' % self.name


class OneToOneField(ForeignKey):
    """A ForeignKey that is also the model's primary key, as in 0.96; the
    target reaches back to a single object."""

    def __init__(self, to, to_field=None, **kwargs):
        kwargs['primary_key'] = True
        kwargs['unique'] = True
        kwargs.setdefault('db_index', False)
        super().__init__(to, to_field, rel_class=OneToOneRel, **kwargs)

    def get_internal_type(self):
        return 'OneToOneField'

    def contribute_to_related_class(self, cls, related):
        setattr(cls, related.get_accessor_name(), SingleRelatedObjectDescriptor(related))


class ManyToManyField(RelatedField, Field):
    """A relation through a join table (``db_table``, or ``<model's
    db_table>_<field name>``) with the columns ``<model>_id`` and
    ``<target>_id`` (``from_``/``to_`` prefixed when a model relates to
    itself)."""

    def __init__(self, to, **kwargs):
        self.db_table = kwargs.pop('db_table', None)
        kwargs['rel'] = ManyToManyRel(
            to, num_in_admin=kwargs.pop('num_in_admin', 0),
            related_name=kwargs.pop('related_name', None),
            filter_interface=kwargs.pop('filter_interface', None),
            limit_choices_to=kwargs.pop('limit_choices_to', None),
            raw_id_admin=kwargs.pop('raw_id_admin', False),
            symmetrical=kwargs.pop('symmetrical', True))
        Field.__init__(self, **kwargs)

    def get_internal_type(self):
        return 'ManyToManyField'

    def db_type(self, data_types):
        return None

    def contribute_to_class(self, cls, name):
        RelatedField.contribute_to_class(self, cls, name)
        setattr(cls, self.name, ManyRelatedObjectsDescriptor(self, reverse=False))

    def contribute_to_related_class(self, cls, related):
        self.related = related
        if not (self.is_recursive and self.rel.symmetrical):
            setattr(cls, related.get_accessor_name(),
                    ManyRelatedObjectsDescriptor(self, reverse=True))

    @property
    def is_recursive(self):
        return self.rel.to is self.model

    def m2m_db_table(self):
        "The join table: ``db_table`` if given, else ``<model's table>_<field name>``."
        return self.db_table or '%s_%s' % (self.model._meta.db_table, self.name)

    def m2m_column_name(self):
        "The join table's column that holds this model's key."
        name = self.model._meta.object_name.lower()
        return ('from_%s_id' if self.is_recursive else '%s_id') % name

    def m2m_reverse_name(self):
        "The join table's column that holds the target model's key."
        name = self.rel.to._meta.object_name.lower()
        return ('to_%s_id' if self.is_recursive else '%s_id') % name


class ReverseSingleRelatedObjectDescriptor:
    "``opus.artist``: the object a foreign key points at, fetched once."

    def __init__(self, field):
        self.field = field

    def __get__(self, instance, owner=None):
        if instance is None:
            raise AttributeError('%s must be accessed via instance' % self.field.name)
        cache_name = self.field.get_cache_name()
        try:
            return instance.__dict__[cache_name]
        except KeyError:
            pass
        value = getattr(instance, self.field.attname)
        if value is None:
            if self.field.null:
                return None
            raise self.field.rel.to.DoesNotExist(
                '%r has no %s: its %s is empty.' % (instance, self.field.name,
                                                    self.field.attname))
        rel = self.field.rel
        obj = rel.to._default_manager.get(**{rel.field_name: value})
        instance.__dict__[cache_name] = obj
        return obj

    def __set__(self, instance, value):
        field = self.field
        if value is None:
            if not field.null:
                raise ValueError('Cannot assign None: "%s.%s" does not allow null values.'
                                 % (instance._meta.object_name, field.name))
            setattr(instance, field.attname, None)
        elif not isinstance(value, field.rel.to):
            raise ValueError('Cannot assign "%r": "%s.%s" must be a "%s" instance.'
                             % (value, instance._meta.object_name, field.name,
                                field.rel.to._meta.object_name))
        else:
            setattr(instance, field.attname,
                    getattr(value, field.rel.get_related_field().attname))
        instance.__dict__[field.get_cache_name()] = value


class SingleRelatedObjectDescriptor:
    "``place.restaurant``: the one object whose OneToOneField points here."

    def __init__(self, related):
        self.related = related

    def __get__(self, instance, owner=None):
        if instance is None:
            raise AttributeError('%s must be accessed via instance'
                                 % self.related.get_accessor_name())
        field = self.related.field
        return self.related.model._default_manager.get(
            **{'%s__exact' % field.name: getattr(instance, field.rel.get_related_field().attname)})

    def __set__(self, instance, value):
        """``place.restaurant = r`` points ``r`` at ``place``; ``r`` is not
        saved (save it to store the change)."""
        if not isinstance(value, self.related.model):
            raise ValueError('Cannot assign "%r": "%s.%s" must be a "%s" instance.'
                             % (value, instance._meta.object_name,
                                self.related.get_accessor_name(),
                                self.related.model._meta.object_name))
        setattr(value, self.related.field.name, instance)


class _RelatedManagerDescriptor:
    """What ``artist.opus_set`` and ``doohickey.widgets`` share: a manager of
    the objects at the other end, a subclass of their model's default manager
    narrowed to ``instance``. The subclass is made once per manager class and
    kept; each access makes only an instance of it."""

    def __init__(self):
        self._classes = {}      # default manager class -> related manager class

    def __get__(self, instance, owner=None):
        if instance is None:
            raise AttributeError('Manager must be accessed via instance')
        key = self.key_of(instance)
        default = self.target()._default_manager
        superclass = type(default)
        cls = self._classes.get(superclass)
        if cls is None:
            cls = self._classes[superclass] = self.manager_class(superclass)
        manager = cls.__new__(cls)
        manager.__dict__.update(default.__dict__, instance=instance, key=key)
        return manager


class ForeignRelatedObjectsDescriptor(_RelatedManagerDescriptor):
    "``artist.opus_set``: a manager of the objects whose foreign key points here."

    def __init__(self, related):
        super().__init__()
        self.related = related

    def target(self):
        return self.related.model

    def key_of(self, instance):
        key = getattr(instance, self.related.field.rel.get_related_field().attname)
        if key is None:
            raise ValueError('%r must be saved before its %s can be used.'
                             % (instance, self.related.get_accessor_name()))
        return key

    def manager_class(self, superclass):
        return foreign_related_manager(self.related, superclass)

    def __set__(self, instance, value):
        manager = self.__get__(instance)
        if self.related.field.null:
            manager.clear()
        manager.add(*value)


def foreign_related_manager(related, superclass):  # noqa: C901 -- one class; remove/clear exist only for null keys
    """Returns the manager class of ``<instance>.<model>_set``: ``superclass``
    narrowed to the rows whose foreign key holds ``self.key``."""
    field, model = related.field, related.model

    class RelatedManager(superclass):
        db = property(lambda self: model._default_manager.db)

        def get_query_set(self):
            return superclass.get_query_set(self).filter(**{'%s__exact' % field.name: self.key})

        def add(self, *objs):
            for obj in objs:
                setattr(obj, field.name, self.instance)
                obj.save()

        def create(self, **kwargs):
            kwargs[field.name] = self.instance
            return superclass.create(self, **kwargs)

        if field.null:
            def remove(self, *objs):
                for obj in objs:
                    if getattr(obj, field.attname) != self.key:
                        raise model.DoesNotExist('%r is not related to %r.'
                                                 % (obj, self.instance))
                    setattr(obj, field.name, None)
                    obj.save()

            def clear(self):
                for obj in self.all():
                    setattr(obj, field.name, None)
                    obj.save()

    return RelatedManager


class ManyRelatedObjectsDescriptor(_RelatedManagerDescriptor):
    """``doohickey.widgets`` (forward) or ``widget.doohickeys`` (reverse): a
    manager of the objects at the other end of a many-to-many field."""

    def __init__(self, field, reverse):
        super().__init__()
        self.field = field
        self.reverse = reverse

    def target(self):
        return self.field.model if self.reverse else self.field.rel.to

    def key_of(self, instance):
        key = instance._get_pk_val()
        if key is None:
            raise ValueError('%r instance needs a primary key value before a '
                             'many-to-many relationship can be used.' % (instance,))
        return key

    def manager_class(self, superclass):
        return many_related_manager(self.field, self.reverse, superclass)

    def __set__(self, instance, value):
        manager = self.__get__(instance)
        manager.clear()
        manager.add(*value)


class JoinTable:
    """The join table of a many-to-many field seen from one side: the model
    at the other end, the column of this side (``source_col``) and of the
    other (``target_col``). Its rows are written on the connection of the
    model that declares the field, where the table lives."""

    def __init__(self, field, reverse):
        self.field = field
        if reverse:
            self.model, self.source_col, self.target_col = (
                field.model, field.m2m_reverse_name(), field.m2m_column_name())
        else:
            self.model, self.source_col, self.target_col = (
                field.rel.to, field.m2m_column_name(), field.m2m_reverse_name())
        self.symmetrical = field.is_recursive and field.rel.symmetrical

    def db(self):
        return self.field.model._default_manager.db

    def keys(self, objs):
        "Returns the keys of ``objs`` (objects of the other model, or keys)."
        keys = []
        for obj in objs:
            if isinstance(obj, self.model):
                if obj._get_pk_val() is None:
                    raise ValueError('%r has not been saved yet; save it before '
                                     'adding it to a many-to-many relation.' % (obj,))
                keys.append(obj._get_pk_val())
            elif isinstance(obj, int):
                keys.append(obj)
            else:
                raise TypeError("'%s' instance expected, got %r"
                                % (self.model._meta.object_name, obj))
        return keys

    def insert(self, source_col, target_col, source_key, keys):
        "Adds the rows (source_key, key) for each of ``keys`` not there yet."
        db = self.db()
        quote = db.backend.quote_name
        table = quote(self.field.m2m_db_table())
        cursor = db.connection.cursor()
        placeholders = ', '.join(['%s'] * len(keys))
        cursor.execute('SELECT %s FROM %s WHERE %s = %%s AND %s IN (%s)' % (
            quote(target_col), table, quote(source_col), quote(target_col),
            placeholders), [source_key] + keys)
        existing = {row[0] for row in cursor.fetchall()}
        new = [k for k in dict.fromkeys(keys) if k not in existing]
        if new:
            cursor.executemany('INSERT INTO %s (%s, %s) VALUES (%%s, %%s)' % (
                table, quote(source_col), quote(target_col)),
                [(source_key, k) for k in new])

    def delete(self, source_col, target_col, source_key, keys):
        "Removes the rows of ``source_key`` (only those to ``keys`` unless None)."
        db = self.db()
        quote = db.backend.quote_name
        sql = 'DELETE FROM %s WHERE %s = %%s' % (quote(self.field.m2m_db_table()), quote(source_col))
        params = [source_key]
        if keys is not None:
            sql += ' AND %s IN (%s)' % (quote(target_col), ', '.join(['%s'] * len(keys)))
            params += keys
        db.connection.cursor().execute(sql, params)

    def change(self, write, source_key, keys):
        """Runs ``write`` (insert or delete) for ``source_key`` and ``keys``,
        and the mirror rows of a symmetrical field; commits unless managed."""
        from django_legacy.db import transaction
        if not keys:
            return
        write(self.source_col, self.target_col, source_key, keys)
        if self.symmetrical:
            for k in keys:
                write(self.source_col, self.target_col, k, [source_key])
        transaction.commit_unless_managed(self.db())


def many_related_manager(field, reverse, superclass):
    """Returns the manager class of one side of a many-to-many field:
    ``superclass`` narrowed to the rows joined to ``self.key`` (see
    JoinTable for where the rows are written)."""
    from django_legacy.db import transaction
    join = JoinTable(field, reverse)

    class ManyRelatedManager(superclass):
        db = property(lambda self: join.model._default_manager.db)

        def get_query_set(self):
            qs = superclass.get_query_set(self)
            return qs._filter_many_to_many(field, join.target_col, join.source_col, self.key)

        def add(self, *objs):
            join.change(join.insert, self.key, join.keys(objs))

        def remove(self, *objs):
            join.change(join.delete, self.key, join.keys(objs))

        def clear(self):
            if join.symmetrical:
                join.delete(join.target_col, join.source_col, self.key, None)
            join.delete(join.source_col, join.target_col, self.key, None)
            transaction.commit_unless_managed(join.db())

        def create(self, **kwargs):
            obj = join.model(**kwargs)
            obj.save()
            self.add(obj)
            return obj

    return ManyRelatedManager

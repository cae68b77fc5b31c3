"""Model classes and instances (rebuilds django/db/models/base.py of 0.96).

Every save and delete runs on ``Model._default_manager.db``, the model's
own connection, and when transactions are not managed commits only that
connection.
"""


from django_legacy.core import exceptions
from django_legacy.db import transaction
from django_legacy.db.models import loading, signals
from django_legacy.db.models.fields import Field
from django_legacy.db.models.fields.related import do_pending_lookups
from django_legacy.db.models.options import Options
from django_legacy.dispatch import dispatcher
from django_legacy.dispatch.dispatcher import receivers


class ModelBase(type):
    "Builds a model class: its _meta, fields, manager and exceptions."

    def __new__(mcs, name, bases, attrs):
        if not any(isinstance(b, ModelBase) for b in bases):
            return super().__new__(mcs, name, bases, attrs)
        module = attrs.get('__module__', '__main__')
        new_class = super().__new__(mcs, name, bases, {'__module__': module})
        meta = attrs.pop('Meta', None)
        opts = Options(meta)
        new_class.add_to_class('_meta', opts)
        if opts.app_label is None:
            parts = module.split('.')
            opts.app_label = parts[-2] if len(parts) > 1 else parts[0]
        new_class.add_to_class('DoesNotExist', type(
            'DoesNotExist', (exceptions.ObjectDoesNotExist,), {'__module__': module}))
        new_class.add_to_class('MultipleObjectsReturned', type(
            'MultipleObjectsReturned', (exceptions.MultipleObjectsReturned, AssertionError),
            {'__module__': module}))
        for attr_name, value in attrs.items():
            new_class.add_to_class(attr_name, value)
        new_class._prepare()
        loading.register_models(opts.app_label, new_class)
        do_pending_lookups(new_class)
        return new_class

    def add_to_class(cls, name, value):
        if hasattr(value, 'contribute_to_class') and not isinstance(value, type):
            value.contribute_to_class(cls, name)
        else:
            setattr(cls, name, value)

    def _prepare(cls):
        from django_legacy.db.models.manager import ensure_default_manager
        opts = cls._meta
        opts._prepare(cls)
        ensure_default_manager(cls)
        if dispatcher.has_receivers(signals.class_prepared):
            dispatcher.send(signal=signals.class_prepared, sender=cls)


class Model(metaclass=ModelBase):
    """A row of the model's table.

    ``Model(*args, **kwargs)`` takes values in field order, or by field name
    (a related object) or attname (its key).
    """

    def __init__(self, *args, **kwargs):
        cls = self.__class__
        if signals.pre_init in receivers:
            dispatcher.send(signal=signals.pre_init, sender=cls, args=args, kwargs=kwargs)
        plan = self._meta.init_plan()
        if len(args) > len(plan):
            raise IndexError('Number of args exceeds number of fields')
        values = self.__dict__
        for (attname, name, related, default, dynamic), value in zip(plan, args):
            values[attname] = value
        for attname, name, related, default, dynamic in plan[len(args):]:
            if related and name in kwargs:
                setattr(self, name, kwargs.pop(name))   # the descriptor checks the type
            elif attname in kwargs:
                values[attname] = kwargs.pop(attname)
            else:
                values[attname] = default() if dynamic else default
        if kwargs:
            for name in list(kwargs):
                if isinstance(getattr(cls, name, None), property):
                    setattr(self, name, kwargs.pop(name))
            if kwargs:
                raise TypeError("'%s' is an invalid keyword argument for this function"
                                % sorted(kwargs)[0])
        if signals.post_init in receivers:
            dispatcher.send(signal=signals.post_init, sender=cls, instance=self)

    @classmethod
    def _from_db(cls, row, attnames, converters):
        "Builds an instance from a row without running __init__."
        obj = cls.__new__(cls)
        values = dict(zip(attnames, row))
        for attname, convert in converters:
            value = values[attname]
            if value is not None:
                values[attname] = convert(value)
        obj.__dict__ = values
        return obj

    def __repr__(self):
        return '<%s: %s>' % (self.__class__.__name__, self)

    def __str__(self):
        return '%s object' % self.__class__.__name__

    def __eq__(self, other):
        return (isinstance(other, self.__class__)
                and self._get_pk_val() == other._get_pk_val())

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self._get_pk_val())

    def _get_pk_val(self):
        return getattr(self, self._meta.pk.attname)

    def _set_pk_val(self, value):
        setattr(self, self._meta.pk.attname, value)

    pk = property(_get_pk_val, _set_pk_val)

    def save(self):
        """Inserts or updates the row on the model's connection; commits
        that connection unless transactions are managed."""
        cls = self.__class__
        if signals.pre_save in receivers:
            dispatcher.send(signal=signals.pre_save, sender=cls, instance=self)
        db = cls._default_manager.db
        backend = db.backend
        opts = self._meta
        plan = opts._sql_cache.get(backend) or _statements(opts, backend)
        cursor = db.connection.cursor()
        values = self.__dict__
        pk_val = values[plan.pk_attname]
        exists = False
        if pk_val is not None and pk_val != '':
            pk_param = plan.pk_prep(pk_val)
            cursor.execute(plan.exists, (pk_param,))
            exists = cursor.fetchone() is not None
        if exists:
            params = _params(self, values, plan.update_fields, False)
            if params:
                params.append(pk_param)
                cursor.execute(plan.update, params)
        elif pk_val is None and plan.auto:
            cursor.execute(plan.insert, _params(self, values, plan.insert_fields, True))
            values[plan.pk_attname] = backend.get_last_insert_id(
                cursor, opts.db_table, plan.pk_column)
        else:
            cursor.execute(plan.insert_all, _params(self, values, plan.all_fields, True))
        transaction.commit_unless_managed(db)
        if signals.post_save in receivers:
            dispatcher.send(signal=signals.post_save, sender=cls, instance=self)

    save.alters_data = True

    def delete(self):
        """Deletes the row, the rows whose foreign keys point at it and its
        many-to-many rows, on the model's connection."""
        from django_legacy.db.models.query import delete_objects
        if self._get_pk_val() is None:
            raise AssertionError('%s object can\'t be deleted because its %s attribute '
                                 'is set to None.' % (self._meta.object_name,
                                                      self._meta.pk.attname))
        delete_objects(self.__class__, [self])

    delete.alters_data = True


class _SavePlan:
    """A model's INSERT, UPDATE and existence-check SQL for one backend, and
    for each field (attname, prepare, pre_save or None): built once, kept in
    ``opts._sql_cache`` under the backend module."""

    def __init__(self, opts, backend):
        qn = backend.quote_name
        table, pk = qn(opts.db_table), opts.pk
        self.auto = opts.has_auto_field
        self.pk_attname, self.pk_column = pk.attname, pk.column
        self.pk_prep = pk.get_db_prep_save
        insert_fields = [f for f in opts.fields if not (f is pk and self.auto)]
        update_fields = [f for f in opts.fields if f is not pk]
        self.exists = 'SELECT 1 FROM %s WHERE %s = %%s' % (table, qn(pk.column))
        self.insert = self._insert(table, qn, insert_fields)
        self.insert_all = self._insert(table, qn, opts.fields)
        self.update = 'UPDATE %s SET %s WHERE %s = %%s' % (
            table, ', '.join('%s = %%s' % qn(f.column) for f in update_fields), qn(pk.column))
        self.insert_fields = self._fields(insert_fields)
        self.all_fields = self._fields(opts.fields)
        self.update_fields = self._fields(update_fields)

    @staticmethod
    def _insert(table, qn, fields):
        if not fields:
            return 'INSERT INTO %s DEFAULT VALUES' % table
        return 'INSERT INTO %s (%s) VALUES (%s)' % (
            table, ', '.join(qn(f.column) for f in fields), ', '.join(['%s'] * len(fields)))

    @staticmethod
    def _fields(fields):
        # pre_save is kept only where a field overrides it (auto_now, foreign keys).
        return tuple((f.attname, f.get_db_prep_save,
                      f.pre_save if type(f).pre_save is not Field.pre_save else None)
                     for f in fields)


def _statements(opts, backend):
    "Returns the model's _SavePlan for ``backend``, building it once."
    plan = opts._sql_cache[backend] = _SavePlan(opts, backend)
    return plan


def _params(instance, values, fields, add):
    "Returns the query parameters of ``fields`` for saving ``instance``."
    params = []
    for attname, prepare, pre_save in fields:
        value = values[attname] if pre_save is None else pre_save(instance, add)
        params.append(None if value is None else prepare(value))
    return params

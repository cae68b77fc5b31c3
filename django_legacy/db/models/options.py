"""A model's ``_meta`` (rebuilds django/db/models/options.py of 0.96)."""

import re

from django_legacy.db.models import loading
from django_legacy.db.models.fields import AutoField, FieldDoesNotExist
from django_legacy.db.models.related import RelatedObject

DEFAULT_NAMES = ('verbose_name', 'verbose_name_plural', 'db_table', 'ordering',
                 'unique_together', 'permissions', 'get_latest_by',
                 'order_with_respect_to', 'app_label', 'db_connection', 'admin')


def verbose_name_of(class_name):
    """Returns 0.96's default verbose name of a model class name: the words
    of its CamelCase, lower-cased ('TaggedItem' -> 'tagged item',
    'URLField' -> 'url field')."""
    words = re.findall(r'[A-Z]+(?![a-z])|[A-Z]?[a-z0-9_]+', class_name)
    return ' '.join(words).lower() or class_name.lower()


class Options:
    """What a model's Meta said, and its fields.

    ``db_connection`` is the 2006 design's way for a model to name its
    connection (a key of OTHER_DATABASES).
    """

    def __init__(self, meta):
        self.fields, self.many_to_many = [], []
        self.module_name, self.verbose_name = None, None
        self.verbose_name_plural = None
        self.db_table = ''
        self.ordering = []
        self.unique_together = []
        self.permissions = []
        self.object_name, self.app_label = None, None
        self.get_latest_by = None
        self.order_with_respect_to = None
        self.db_connection = None
        self.admin = None
        self.meta = meta
        self.pk = None
        self.has_auto_field = False
        self._relations = None
        # What is built once per model: the save plan of each backend (keyed
        # by the backend module), get() plans, the __init__ plan and the row
        # loader. add_field() empties it.
        self._sql_cache = {}

    def contribute_to_class(self, cls, name):
        cls._meta = self
        self.model = cls
        self.object_name = cls.__name__
        self.module_name = self.object_name.lower()
        self.verbose_name = verbose_name_of(self.object_name)
        if self.meta:
            given = {k: v for k, v in self.meta.__dict__.items() if not k.startswith('_')}
            for attr in DEFAULT_NAMES:
                if attr in given:
                    setattr(self, attr, given.pop(attr))
            if given:
                raise TypeError("'class Meta' got invalid attribute(s): %s. Valid are: %s."
                                % (', '.join(sorted(given)), ', '.join(DEFAULT_NAMES)))
            if self.unique_together and not isinstance(self.unique_together[0], (list, tuple)):
                self.unique_together = (self.unique_together,)
        if self.verbose_name_plural is None:
            self.verbose_name_plural = self.verbose_name + 's'
        del self.meta

    def _prepare(self, model):
        if self.pk is None:
            auto = AutoField(verbose_name='ID', primary_key=True)
            auto.creation_counter = -1
            model.add_to_class('id', auto)
        if not self.db_table:
            self.db_table = '%s_%s' % (self.app_label, self.module_name)
        if self.order_with_respect_to:
            # The field, once known; rows sort by the _order column the
            # schema adds.
            self.order_with_respect_to = self.get_field(self.order_with_respect_to)
            self.ordering = ('_order',)

    def add_field(self, field):
        target = self.many_to_many if field.rel and field.rel.multiple_targets else self.fields
        target.append(field)
        target.sort()
        if field.primary_key:
            self.pk = field
        self._sql_cache.clear()
        model = getattr(self, 'model', None)
        if model is not None and getattr(vars(model).get('__init__'), 'compiled_for', None) is model:
            del model.__init__      # compiled for the old fields; the next instance compiles it anew

    def __repr__(self):
        return '<Options for %s>' % self.object_name

    def __str__(self):
        "'app_label.modelname': how serialized objects name their model."
        return '%s.%s' % (self.app_label, self.module_name)

    def get_field(self, name, many_to_many=True):
        "Returns the field called ``name``; raises FieldDoesNotExist."
        fields = self.fields + self.many_to_many if many_to_many else self.fields
        for field in fields:
            if field.name == name:
                return field
        raise FieldDoesNotExist('%s has no field named %r' % (self.object_name, name))

    def invalidate_relations(self):
        self._relations = None

    def _related(self):
        """Returns (reverse foreign keys, reverse many-to-many) pointing at
        this model, cached until another model is registered."""
        version = loading.registry_version()
        if self._relations is None or self._relations[0] != version:
            fks, m2ms = [], []
            for model in loading.all_models():
                for field in model._meta.fields:
                    if field.rel and field.rel.to is self.model:
                        fks.append(RelatedObject(self.model, model, field))
                for field in model._meta.many_to_many:
                    if field.rel.to is self.model:
                        m2ms.append(RelatedObject(self.model, model, field))
            self._relations = (version, fks, m2ms)
        return self._relations[1], self._relations[2]

    def get_all_related_objects(self):
        "Returns a RelatedObject for each foreign key that points at this model."
        return self._related()[0]

    def get_all_related_many_to_many_objects(self):
        "Returns a RelatedObject for each many-to-many field that points at this model."
        return self._related()[1]

    @property
    def connection_info(self):
        "The ConnectionInfo the model uses in this thread (the 2006 spelling)."
        return self.model._default_manager.db

    @property
    def connection(self):
        "The DatabaseWrapper the model uses in this thread (the 2006 spelling)."
        return self.model._default_manager.db.connection

    def init_plan(self):
        """Returns, for each field in order, (attname, name, is a relation,
        default, default is callable): what Model.__init__ needs."""
        try:
            return self._sql_cache['init']
        except KeyError:
            plan = []
            for f in self.fields:
                if f.has_default():
                    default, dynamic = f.default, callable(f.default)
                else:
                    default, dynamic = f.get_default(), False
                plan.append((f.attname, f.name, f.rel is not None, default, dynamic))
            plan = self._sql_cache['init'] = tuple(plan)
            return plan

    def init_defaults(self):
        """Returns (defaults, dynamic) for Model.__init__'s short way:
        {attname: default} for every field in order (None where the
        default is callable), and ((attname, callable default), ...)."""
        try:
            return self._sql_cache['defaults']
        except KeyError:
            plan = self.init_plan()
            defaults = {attname: None if dynamic else default
                        for attname, name, related, default, dynamic in plan}
            dynamic = tuple((attname, default) for attname, name, related, default, dynamic
                            in plan if dynamic)
            found = self._sql_cache['defaults'] = (defaults, dynamic)
            return found

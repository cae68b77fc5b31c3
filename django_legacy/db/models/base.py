"""Model classes and instances (rebuilds django/db/models/base.py of 0.96).

Every save and delete runs on ``Model._default_manager.db``, the model's
own connection, and when transactions are not managed commits only that
connection.
"""

import copy
import functools
import keyword
import os

from django_legacy.core import exceptions
from django_legacy.core.validators import ValidationError
from django_legacy.db import connections, transaction
from django_legacy.db.backends import lastrowid, transaction_state
from django_legacy.db.models import loading, signals
from django_legacy.db.models.fields import (
    INTEGER_MAX, INTEGER_MIN, Field, FieldDoesNotExist, get_image_dimensions)
from django_legacy.db.models.fields.related import add_lazy_relation, do_pending_lookups
from django_legacy.db.models.options import Options
from django_legacy.dispatch import dispatcher
from django_legacy.dispatch.dispatcher import receivers

# Those of pre_init and post_init that have receivers (dispatcher.watch):
# while it is empty, neither signal is heard for any model, which the
# compiled __init__, row_builder() and _from_db() each learn by one truth
# test (see _init_heard).
_INIT_LISTENED = dispatcher.watch(signals.pre_init, signals.post_init)


# What Python puts in a class body for type.__new__ itself: __classcell__
# makes super() and __class__ work in methods, __qualname__ names the class.
_TYPE_ATTRS = ('__module__', '__qualname__', '__classcell__')


class ModelBase(type):
    """Builds a model class: its _meta, fields, manager and exceptions.

    A model that subclasses another concrete model copies the parent's
    fields and managers: it has its own table and its own ``objects``.
    """

    def __new__(mcs, name, bases, attrs, **kwargs):
        if not any(isinstance(b, ModelBase) for b in bases):
            return super().__new__(mcs, name, bases, attrs, **kwargs)
        module = attrs.get('__module__', '__main__')
        own = {key: attrs.pop(key) for key in _TYPE_ATTRS if key in attrs}
        own['__module__'] = module
        new_class = super().__new__(mcs, name, bases, own, **kwargs)
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
        for parent in bases:
            if isinstance(parent, ModelBase) and '_meta' in parent.__dict__:
                new_class._inherit(parent)
        new_class._prepare()
        loading.register_models(opts.app_label, new_class)
        do_pending_lookups(new_class)
        return new_class

    def add_to_class(cls, name, value):
        if hasattr(value, 'contribute_to_class') and not isinstance(value, type):
            value.contribute_to_class(cls, name)
        else:
            setattr(cls, name, value)
            # type.__new__ only names the descriptors it was given itself.
            set_name = getattr(type(value), '__set_name__', None)
            if set_name is not None:
                set_name(value, cls, name)

    def _inherit(cls, parent):
        """Copies ``parent``'s fields that ``cls`` does not define, and its
        managers, so that ``cls`` has a table and managers of its own (0.96's
        subclassing of a concrete model)."""
        from django_legacy.db.models.manager import ManagerDescriptor
        opts = cls._meta
        for field in parent._meta.fields + parent._meta.many_to_many:
            try:
                opts.get_field(field.name)
            except FieldDoesNotExist:
                field = copy.copy(field)
                if field.rel is not None:
                    field.rel = copy.copy(field.rel)
                field.contribute_to_class(cls, field.name)
        if '_default_manager' not in cls.__dict__:
            for attr_name, value in vars(parent).items():
                if isinstance(value, ManagerDescriptor) and attr_name not in cls.__dict__:
                    cls.add_to_class(attr_name, copy.copy(value.manager))

    def _prepare(cls):
        from django_legacy.db.models.manager import ensure_default_manager
        opts = cls._meta
        opts._prepare(cls)
        if opts.order_with_respect_to:
            cls.get_next_in_order = _in_order(True)
            cls.get_previous_in_order = _in_order(False)
            add_lazy_relation(cls, _OrderMethods(cls), opts.order_with_respect_to.rel.to)
        if cls.__doc__ is None:
            cls.__doc__ = '%s(%s)' % (cls.__name__, ', '.join(f.attname for f in opts.fields))
        if hasattr(cls, 'get_absolute_url'):
            cls.get_absolute_url = _absolute_url(opts, cls.get_absolute_url)
        ensure_default_manager(cls)
        if dispatcher.has_receivers(signals.class_prepared):
            dispatcher.send(signal=signals.class_prepared, sender=cls)


class Model(metaclass=ModelBase):
    """A row of the model's table.

    ``Model(*args, **kwargs)`` takes values in field order, or by field name
    (a related object) or attname (its key).
    """

    def __init__(self, *args, **kwargs):  # noqa: C901 -- 0.96's argument rules in one pass, the hot path of every row
        cls = self.__class__
        init = cls.__init__
        if init is Model.__init__ or getattr(init, 'compiled_for', cls) is not cls:
            # The model's first instance (or a subclass's, come through its
            # parent's): from now on the class's own __init__, compiled for
            # its fields, takes the common case (see _class_init).
            compiled = _class_init(cls)
            if compiled is not None:
                cls.__init__ = compiled
                return compiled(self, *args, **kwargs)
        if signals.pre_init in receivers:
            dispatcher.send(signal=signals.pre_init, sender=cls, args=args, kwargs=kwargs)
        fill = None if args else _init_fill(cls)
        if fill is not None and fill(self, **kwargs):
            # Only attnames given (the common case): the values the loop
            # below would set, set by a function compiled for the model.
            if signals.post_init in receivers:
                dispatcher.send(signal=signals.post_init, sender=cls, instance=self)
            return
        plan = self._meta.init_plan()
        if len(args) > len(plan):
            raise IndexError('Number of args exceeds number of fields')
        values = self.__dict__
        for (attname, _name, _related, _default, _dynamic), value in zip(plan, args):
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
    def _from_db(cls, row):
        "Builds an instance from a row of all its fields, as row_builder's function does."
        if _INIT_LISTENED:
            return row_builder(cls)([row])[0]
        return _row_functions(cls)[1](row)

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
        that connection unless transactions are managed. Unmanaged, with no
        transaction open, its one INSERT or UPDATE runs by itself, committed
        by the database (no BEGIN and COMMIT to send around it)."""
        cls = self.__class__
        if signals.pre_save in receivers:
            dispatcher.send(signal=signals.pre_save, sender=cls, instance=self)
        manager = cls._default_manager
        try:
            # manager_db(manager), without its call (2% of a save).
            db = connections._local.managers[manager]
        except KeyError:
            db = manager.db
        backend = db.backend
        opts = self._meta
        plan = opts._sql_cache.get(backend) or _statements(opts, backend)
        connection = db.connection
        pk_val = getattr(self, plan.pk_attname)
        if pk_val is None and plan.auto:
            # A new row (the common case, first): the database picks the key.
            plan.insert_new(self, connection)
        else:
            self._save_with_key(connection, plan, pk_val)
        # transaction.commit_unless_managed(db), without its call and its
        # look at what it was given (a tenth of what save() adds).
        stack = transaction_state.managed
        if stack and stack[-1]:
            transaction_state.dirty[connection] = True
        else:
            transaction.commit(db)
        if signals.post_save in receivers:
            dispatcher.send(signal=signals.post_save, sender=cls, instance=self)

    save.alters_data = True

    def _save_with_key(self, connection, plan, pk_val):
        """Updates the row whose key is ``pk_val`` if there is one, else
        inserts it with its key (0.96: a key of '' counts as none)."""
        if pk_val is not None and pk_val != '':
            pk_param = plan.pk_prep(pk_val)
            if connection.fetch_all(plan.exists, (pk_param,)):
                params = plan.update_fields(self, False)
                if params:
                    params.append(pk_param)
                    connection.run_once(plan.update, params, True)
                return
        params = plan.all_fields(self, True)
        if plan.count_order:
            params.append(_next_order(connection, plan, self))
        connection.run_once(plan.insert_all, params, not plan.count_order)

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

    def validate(self):
        """Converts each field's value to its Python type, then checks it;
        returns {field name: [messages]} for the fields in error ({} when all
        are valid)."""
        errors = {}
        values = self.__dict__
        for f in self._meta.fields:
            try:
                values[f.attname] = f.to_python(values.get(f.attname, f.get_default()))
            except ValidationError as e:
                errors[f.name] = e.messages
        for f in self._meta.fields:
            if f.name not in errors:
                messages = f.validate_full(values[f.attname], values)
                if messages:
                    errors[f.name] = messages
        return errors

    def _get_FIELD_display(self, field):
        "get_FOO_display(): the label ``field.choices`` gives the value."
        value = getattr(self, field.attname)
        return dict(field.choices).get(value, value)

    def _get_next_or_previous_by_FIELD(self, field, is_next, **kwargs):
        """get_next_by_FOO(**filters) / get_previous_by_FOO(**filters): the
        object after (before) this one by ``field``, then by primary key."""
        from django_legacy.db.models.query import Q
        op, sign = ('gt', '') if is_next else ('lt', '-')
        value, pk = getattr(self, field.attname), self._meta.pk
        later = Q(**{'%s__%s' % (field.name, op): value}) | Q(
            **{field.name: value, '%s__%s' % (pk.name, op): self._get_pk_val()})
        found = self.__class__._default_manager.filter(**kwargs).filter(later).order_by(
            sign + field.name, sign + pk.name)[:1]
        for obj in found:
            return obj
        raise self.DoesNotExist('%s matching query does not exist.' % self._meta.object_name)

    def _get_FIELD_filename(self, field):
        "get_FOO_filename(): the file's absolute path under MEDIA_ROOT ('' if none)."
        value = getattr(self, field.attname)
        return os.path.join(_media_root(), value) if value else ''

    def _get_FIELD_url(self, field):
        "get_FOO_url(): the file's URL under MEDIA_URL ('' if none)."
        from urllib.parse import urljoin
        from django_legacy.conf import settings
        value = getattr(self, field.attname)
        return urljoin(settings.MEDIA_URL, value).replace('\\', '/') if value else ''

    def _get_FIELD_size(self, field):
        "get_FOO_size(): the file's size in bytes."
        return os.path.getsize(self._get_FIELD_filename(field))

    def _save_FIELD_file(self, field, filename, raw_contents, save=True):
        """save_FOO_file(filename, raw_contents, save=True): writes the bytes
        under MEDIA_ROOT/upload_to (adding underscores before the extension
        until the name is free), stores the path, fills an ImageField's
        width_field/height_field, and saves the object unless ``save`` is False."""
        root = _media_root()
        os.makedirs(os.path.join(root, field.get_directory_name()), exist_ok=True)
        name = field.get_filename(filename)
        while os.path.exists(os.path.join(root, name)):
            stem, dot, extension = name.rpartition('.')
            name = '%s_.%s' % (stem, extension) if dot else name + '_'
        setattr(self, field.attname, name)
        path = self._get_FIELD_filename(field)
        with open(path, 'wb') as fp:
            fp.write(raw_contents)
        if getattr(field, 'width_field', None) or getattr(field, 'height_field', None):
            width, height = get_image_dimensions(path)
            if field.width_field:
                setattr(self, field.width_field, width)
            if field.height_field:
                setattr(self, field.height_field, height)
        if save:
            self.save()

    _save_FIELD_file.alters_data = True

    def _get_FIELD_width(self, field):
        return self._get_image_dimensions(field)[0]

    def _get_FIELD_height(self, field):
        return self._get_image_dimensions(field)[1]

    def _get_image_dimensions(self, field):
        cache_name = '_%s_dimensions_cache' % field.name
        if cache_name not in self.__dict__:
            self.__dict__[cache_name] = get_image_dimensions(self._get_FIELD_filename(field))
        return self.__dict__[cache_name]


def _once_per_model(key):
    """Makes ``make(model)`` run once per model: what it returns is kept in
    the model's ``_meta._sql_cache`` under ``key`` (dropped when the model
    gains a field) and returned from there."""
    def decorator(make):
        @functools.wraps(make)
        def kept(model):
            cache = model._meta._sql_cache
            try:
                return cache[key]
            except KeyError:
                found = cache[key] = make(model)
                return found
        return kept
    return decorator


class _NotGiven:
    "The default of each parameter of a compiled __init__: no value was passed."

    def __repr__(self):
        return '<not given>'


NOT_GIVEN = _NotGiven()


def _keyword_function(model, name, head, tail):
    """Compiles ``name``(obj, /, ...), a function whose keyword parameters
    are ``model``'s attnames, each defaulting to NOT_GIVEN, that sets each
    field's attribute of ``obj`` from its parameter or else the field's
    default (called where it is callable), in field order, as
    Model.__init__ does; ``head`` and ``tail`` are the source lines before
    and after. Its namespace gives the names __given, __model, __general,
    __names, __listened, __pre, __post, __type and __heard their values
    (see _class_init);
    ``*__args`` and ``**__kwargs`` collect the rest of a call. Returns None
    where an attname cannot be a parameter (not a plain name, or a name the
    function uses itself)."""
    fields = model._meta.fields
    attnames = [f.attname for f in fields]
    defaults, dynamic = model._meta.init_defaults()
    dynamic = dict(dynamic)
    namespace = {'__given': NOT_GIVEN, '__model': model, '__general': _init_in_general,
                 '__names': tuple(attnames),
                 '__listened': _INIT_LISTENED,
                 '__pre': signals.pre_init, '__post': signals.post_init, '__type': type,
                 '__heard': dispatcher.heard}
    values = []
    for i, attname in enumerate(attnames):
        namespace['__d%d' % i] = dynamic.get(attname, defaults[attname])
        namespace['k%d' % i] = attname      # for _stores' __dict__ form
        values.append('(__d{0}{1} if {2} is __given else {2})'.format(
            i, '()' if attname in dynamic else '', attname))
    # A parameter must not hide a name the function uses: its own start
    # with '__', which no plain name does, and it calls no builtin by its
    # name (a field may be called 'type').
    reserved = set(namespace) | {'obj'}
    if not all(_plain_name(attname) and attname not in reserved for attname in attnames):
        return None
    # ``obj`` is positional only, so that obj=... in a call is a keyword
    # like any other (an unknown one, unless a field has that attname).
    arguments = ['obj', '/', '*__args'] + ['%s=__given' % n for n in attnames] + ['**__kwargs']
    return _compiled(name, arguments, head + _stores(model, fields, values) + tail, namespace)


@_once_per_model('class init')
def _class_init(model):
    """Returns an __init__ for ``model`` whose keyword parameters are its
    fields' attnames, or None where one cannot be written (see
    _keyword_function).

    Installed on the class by Model.__init__, it sets each attribute as
    Model.__init__ does for attnames alone, without the dictionaries a
    ``**kwargs`` function makes on each call (half the cost of
    Model(**values)). Anything else (values in field order, a field's name,
    a property's, an unknown name, an instance of a subclass, a receiver of
    pre_init or post_init for this model) goes to Model.__init__ with the
    same arguments.
    add_field() removes it (see Options.add_field); the next instance
    compiles it again."""
    init = _keyword_function(model, '__init__', [
        'if (__args or __kwargs or __type(obj) is not __model or __listened'
        ' and (__heard(__pre, __model) or __heard(__post, __model))):',
        '    return __general(obj, __args, __kwargs, __names, (%s,))'
        % ', '.join(f.attname for f in model._meta.fields)], [])
    if init is not None:
        init.compiled_for = model
        init.__qualname__ = '%s.__init__' % model.__name__
        init.__doc__ = Model.__init__.__doc__
    return init


@_once_per_model('init fill')
def _init_fill(model):
    """Returns fill(obj, **values) -> bool, Model.__init__'s short way where
    the compiled __init__ is not the class's (a receiver of pre_init or
    post_init, an __init__ of the class's own calling Model's): when every
    name in ``values`` is an attname it sets the attributes as _class_init's
    function does and returns True, otherwise it sets nothing and returns
    False. None where no such function can be written."""
    return _keyword_function(model, 'fill', ['if __args or __kwargs:', '    return False'],
                             ['return True'])


def _init_in_general(obj, args, kwargs, attnames, values):
    """Model.__init__(obj, *args, **kwargs), ``kwargs`` with the values a
    compiled __init__ was given for ``attnames`` added."""
    kwargs.update((name, value) for name, value in zip(attnames, values)
                  if value is not NOT_GIVEN)
    return Model.__init__(obj, *args, **kwargs)


def row_builder(model):
    """Returns build(rows) -> [instance]: for each row of all ``model``'s
    fields, in field order, an instance whose attributes hold the row's
    values, converted where a field says. 0.96 made each by model(*row);
    what its __init__ did for values in field order is to set them and send
    pre_init and post_init, so that is what build() does, without the call:
    while either signal has a receiver, each row sends them as 0.96's did
    (asked once per query). Made once per model (see _row_functions)."""
    build, one = _row_functions(model)
    if _init_heard(model):
        return lambda rows: [_signalled(model, one, row) for row in rows]
    return build


def _init_heard(model):
    """True when a receiver of pre_init or post_init may be called for
    ``model`` (the compiled __init__ asks the same in its own source)."""
    return bool(_INIT_LISTENED) and (dispatcher.heard(signals.pre_init, model)
                                     or dispatcher.heard(signals.post_init, model))


def _signalled(model, one, row):
    """Returns one(row), the instance of ``model`` built from ``row``, with
    pre_init sent before and post_init after, as model(*row) sent them."""
    dispatcher.send(signal=signals.pre_init, sender=model, args=tuple(row), kwargs={})
    obj = one(row)
    dispatcher.send(signal=signals.post_init, sender=model, instance=obj)
    return obj


@_once_per_model('rows')
def _row_functions(model):
    """Returns (build, one): build as row_builder describes, and
    one(row) -> instance, the same for a single row (get()'s).

    They are compiled for the model: a loop that sets each attribute by
    name costs half of making a dict per row and setting __dict__, and lets
    the instances share one table of attribute names (a third of the
    memory; __init__ sets them the same way, as an update of __dict__
    would stop the sharing for every later instance). Where that could
    differ from writing the instance's __dict__ (a name that is not an
    identifier, a descriptor or __setattr__ of the model's own), each row's
    dict is written out instead. The source names positions only (r0, k0,
    c0...) and, where it sets attributes, the fields' attnames."""
    fields = model._meta.fields
    values, names, namespace = _row_values(fields)
    namespace.update(new=model.__new__, model=model)
    store = _stores(model, fields, values)
    build = _compiled('build', ['rows'], [
        'made = []', 'append = made.append', 'for %s in rows:' % names,
        '    obj = new(model)'] + ['    ' + line for line in store] + [
        '    append(obj)', 'return made'], namespace)
    one = _compiled('one', ['row'], ['%s = row' % names, 'obj = new(model)'] + store + [
        'return obj'], namespace)
    return build, one


def _stores(model, fields, values):
    """Returns the source lines that give the instance ``obj`` of ``model``
    each of ``fields`` the value whose source is in ``values`` (the attnames
    stand for themselves as k0, k1...): an assignment per attribute where
    that is the same as writing __dict__ (_plain_attributes), else one
    update of __dict__, which no __setattr__ of the model's sees."""
    if _plain_attributes(model, [f.attname for f in fields]):
        return ['obj.%s = %s' % (f.attname, value) for f, value in zip(fields, values)]
    return ['obj.__dict__.update({%s})' % ', '.join(
        'k%d: %s' % (i, value) for i, value in enumerate(values))]


def _plain_attributes(model, attnames):
    """True when setting each of ``attnames`` on an instance of ``model`` is
    the same as writing it into the instance's __dict__: a plain name, and
    no __setattr__ or data descriptor of the model's in the way."""
    if model.__setattr__ is not object.__setattr__:
        return False
    for name in attnames:
        if not _plain_name(name):
            return False
        found = next((vars(k)[name] for k in model.__mro__ if name in vars(k)), None)
        if hasattr(type(found), '__set__'):
            return False
    return True


def _plain_name(name):
    "True when ``name`` can stand after ``obj.`` in compiled source as itself."
    return name.isidentifier() and not keyword.iskeyword(name) and not name.startswith('__')


def _row_values(fields):
    """Returns (values, names, namespace): for each of ``fields`` the source
    of its value in a row whose columns are held in the variables ``names``
    (as 'r0, r1, '), passed through the field's db_values and to_python()
    where it converts database values, and the namespace that gives the
    source's names their values (k0... the attnames, c0... the converters,
    m0... the db_values)."""
    namespace, values = {}, []
    for i, f in enumerate(fields):
        namespace['k%d' % i] = f.attname
        value = 'r%d' % i
        if f.converts_db_values:
            namespace['c%d' % i] = f.to_python
            db_values = _shortcut(f, 'db_values', ('to_python',), None)
            if db_values is not None:
                namespace['m%d' % i] = db_values
                value = '(m{0}[r{0}] if r{0} in m{0} else c{0}(r{0}))'.format(i)
            else:
                value = '(r{0} if r{0} is None else c{0}(r{0}))'.format(i)
        values.append(value)
    return values, ''.join('r%d, ' % i for i in range(len(fields))), namespace


def _compiled(name, arguments, lines, namespace):
    """Returns the function ``name`` whose body is ``lines`` (each indented
    by the function's own level), compiled with ``namespace`` as its
    globals (the values its names stand for)."""
    source = 'def %s(%s):\n%s\n' % (name, ', '.join(arguments),
                                     '\n'.join('    ' + line for line in lines))
    exec(compile(source, '<compiled %s>' % name, 'exec'), namespace)
    return namespace[name]


def _absolute_url(opts, method):
    """Returns get_absolute_url() for the model of ``opts``: the function
    ABSOLUTE_URL_OVERRIDES gives for '<app_label>.<model name>' if any
    (looked up at each call), else ``method``, the model's own."""
    method = getattr(method, 'defined', method)    # a subclass wraps the original

    def get_absolute_url(self):
        from django_legacy.conf import settings
        label = '%s.%s' % (opts.app_label, opts.module_name)
        return settings.ABSOLUTE_URL_OVERRIDES.get(label, method)(self)
    get_absolute_url.defined = method
    get_absolute_url.__doc__ = method.__doc__
    return get_absolute_url


def _media_root():
    "Returns MEDIA_ROOT; raises ImproperlyConfigured when it is not set."
    from django_legacy.conf import settings
    if not settings.MEDIA_ROOT:
        raise exceptions.ImproperlyConfigured(
            'MEDIA_ROOT is empty: set it to the absolute path of the directory that '
            'FileField and ImageField write to.')
    return settings.MEDIA_ROOT


def _in_order(is_next):
    """Returns get_next_in_order (or get_previous_in_order) for a model with
    order_with_respect_to: the neighbour among the rows sharing its target."""
    def neighbour(self):
        ids = _order_of(self.__class__, getattr(self, self._meta.order_with_respect_to.attname))
        place = ids.index(self._get_pk_val()) + (1 if is_next else -1)
        if not 0 <= place < len(ids):
            raise self.DoesNotExist('%s matching query does not exist.'
                                    % self._meta.object_name)
        return self.__class__._default_manager.get(pk=ids[place])
    neighbour.__name__ = 'get_%s_in_order' % ('next' if is_next else 'previous')
    return neighbour


def _order_of(ordered, key):
    """Returns the primary keys of the ``ordered`` rows whose
    order_with_respect_to column holds ``key``, by their _order."""
    db = ordered._default_manager.db
    opts, qn = ordered._meta, db.backend.quote_name
    cursor = db.connection.cursor()
    cursor.execute('SELECT %s FROM %s WHERE %s = %%s ORDER BY %s' % (
        qn(opts.pk.column), qn(opts.db_table), qn(opts.order_with_respect_to.column),
        qn('_order')), [key])
    return [row[0] for row in cursor.fetchall()]


class _OrderMethods:
    """Gives the target of ``ordered``'s order_with_respect_to the methods
    get_<ordered>_order() and set_<ordered>_order(id_list)."""

    def __init__(self, ordered):
        self.ordered = ordered

    def do_related_class(self, target):
        ordered = self.ordered

        def get_order(instance):
            return _order_of(ordered, _wrt_key(ordered, instance))

        def set_order(instance, id_list):
            db = ordered._default_manager.db
            opts, qn = ordered._meta, db.backend.quote_name
            sql = 'UPDATE %s SET %s = %%s WHERE %s = %%s AND %s = %%s' % (
                qn(opts.db_table), qn('_order'), qn(opts.order_with_respect_to.column),
                qn(opts.pk.column))
            key = _wrt_key(ordered, instance)
            db.connection.cursor().executemany(
                sql, [(place, key, pk) for place, pk in enumerate(id_list)])
            transaction.commit_unless_managed(db)

        name = ordered.__name__.lower()
        setattr(target, 'get_%s_order' % name, get_order)
        setattr(target, 'set_%s_order' % name, set_order)


def _wrt_key(ordered, instance):
    "The value of ``instance`` that ``ordered``'s order_with_respect_to column holds."
    rel = ordered._meta.order_with_respect_to.rel
    return getattr(instance, rel.get_related_field().attname)


class _SavePlan:
    """A model's INSERT, UPDATE and existence-check SQL for one backend, and
    the functions that give each statement's parameters (see _save_params):
    built once, kept in ``opts._sql_cache`` under the backend module.

    A model with order_with_respect_to also inserts ``_order``: the number of
    rows already sharing its target, counted by ``count_order`` first (MySQL
    cannot read the table an INSERT writes in a subquery)."""

    def __init__(self, opts, backend):
        qn = backend.quote_name
        table, pk = qn(opts.db_table), opts.pk
        self.auto = opts.has_auto_field
        self.pk_attname, self.pk_column = pk.attname, pk.column
        self.pk_prep = pk.get_db_prep_save
        insert_fields = [f for f in opts.fields if not (f is pk and self.auto)]
        update_fields = [f for f in opts.fields if f is not pk]
        self.exists = 'SELECT 1 FROM %s WHERE %s = %%s' % (table, qn(pk.column))
        self.count_order = None
        extra = ()
        if opts.order_with_respect_to:
            wrt = opts.order_with_respect_to
            self.count_order = 'SELECT COUNT(*) FROM %s WHERE %s = %%s' % (table, qn(wrt.column))
            self.wrt_attname, extra = wrt.attname, (qn('_order'),)
        self.insert = self._insert(backend, table, insert_fields, extra, pk)
        # Where the backend can, the INSERT hands the new key back itself:
        # one round trip to the server instead of two.
        self.returning = bool(backend.insert_returning_sql)
        if self.returning:
            self.insert += backend.insert_returning_sql % qn(pk.column)
        self.insert_all = self._insert(backend, table, opts.fields, extra, pk)
        self.update = 'UPDATE %s SET %s WHERE %s = %%s' % (
            table, ', '.join('%s = %%s' % qn(f.column) for f in update_fields), qn(pk.column))
        self.fields, self.update_only = opts.fields, update_fields
        self.insert_new = _insert_function(self, backend, opts.db_table, insert_fields)

    # The parameters of a save with a key: compiled when first needed (a
    # new row's save needs neither).

    @functools.cached_property
    def all_fields(self):
        return _save_params(self.fields)

    @functools.cached_property
    def update_fields(self):
        return _save_params(self.update_only)

    @staticmethod
    def _insert(backend, table, fields, extra, pk):
        qn = backend.quote_name
        columns = [qn(f.column) for f in fields] + list(extra)
        if not columns:
            # A row of defaults only; MySQL has no DEFAULT VALUES, so the
            # key is given the backend's "pick one yourself" value, as in 0.96.
            return 'INSERT INTO %s (%s) VALUES (%s)' % (
                table, qn(pk.column), backend.get_pk_default_value())
        return 'INSERT INTO %s (%s) VALUES (%s)' % (
            table, ', '.join(columns), ', '.join(['%s'] * len(columns)))


def _insert_function(plan, backend, table, fields):
    """Returns insert_new(instance, connection): runs ``plan``'s INSERT of
    the new row ``instance`` on ``connection`` (a DatabaseWrapper), its
    parameters those of ``fields`` as _save_params gives them, and sets its
    key from what the database gave it: the row the INSERT returned, else
    what the backend's get_last_insert_id() gives (the cursor's lastrowid,
    read in place, where that is backends.lastrowid). Compiled per plan,
    the parameters' lines in its own source where they can be compiled and
    the backend's lines for running it (run_once_source), so that a save
    makes no call for them, for setattr() or for the backend (7% of a save
    on SQLite)."""
    each, pre_saves = _field_by_field(fields)
    namespace = {'each': each, 'ValidationError': ValidationError, 'sql': plan.insert,
                 'plan': plan, 'next_order': _next_order, 'last_id': backend.get_last_insert_id,
                 'table': table, 'column': plan.pk_column, 'pk': plan.pk_attname}
    if pre_saves:
        lines = ['values = each(instance, True)']
    else:
        lines = ['try:'] + [
            '    ' + line for line in _params_lines(fields, None, False, True, namespace)] + [
            '    values = %s' % _params_list(fields),
            'except ValidationError:', '    values = each(instance, True)']
    if plan.count_order:
        # A count_order SELECT goes first: the INSERT is not the whole change.
        lines += ['values.append(next_order(connection, plan, instance))',
                  'cursor = connection.run_once(sql, values, False)']
    else:
        run, names = backend.run_once_source(plan.insert)
        namespace.update(names)
        lines += run
    if plan.returning:
        key = 'cursor.fetchone()[0]'
    elif backend.get_last_insert_id is lastrowid:
        key = 'cursor.lastrowid'
    else:
        key = 'last_id(cursor, table, column)'
    if _plain_name(plan.pk_attname):
        lines.append('instance.%s = %s' % (plan.pk_attname, key))
    else:
        lines.append('setattr(instance, pk, %s)' % key)
    return _compiled('insert_new', ['instance', 'connection'], lines, namespace)


def _save_params(fields):
    """Returns params(instance, add) -> the list of query parameters of
    ``fields`` for saving ``instance`` (``add`` says whether it is a new
    row), each value read from its attribute as 0.96 read it.

    When no field overrides pre_save (auto_now, foreign keys do), it is a
    function compiled for these fields (params_function) that takes a value
    as it is when it is None or of the type its field's get_db_prep_save
    returns unchanged (db_prep_unchanged; an int inside the 64-bit range)
    and calls get_db_prep_save for any other: for a model of plain columns,
    no Python call per field. Otherwise, and to name the field of a value
    that is refused, each value goes through its field as in 0.96 (_params)."""
    each, pre_saves = _field_by_field(fields)
    return each if pre_saves else params_function(fields, refused=each)


def _field_by_field(fields):
    """Returns (each, pre_saves): each(instance, add), the parameters of
    ``fields`` with every value through its field as in 0.96 (_params), and
    whether a field overrides pre_save (then that is the only way)."""
    prepared = tuple((f.attname, f.get_db_prep_save,
                      f.pre_save if type(f).pre_save is not Field.pre_save else None)
                     for f in fields)

    def each(instance, add):
        return _params(instance, prepared, add)
    return each, any(pre_save is not None for _, _, pre_save in prepared)


def params_function(fields, keys=None, refuse_none=False, refused=None):
    """Returns params(values) -> [parameter for each of ``fields``], the
    value under each of ``keys`` (by default the fields' attnames) of the
    dict ``values``, as its field's get_db_prep_save() would give it (see
    _save_params); with ``refuse_none``, params() returns None if a value
    is None. With ``refused``, it is params(instance, add), reading each
    field's attribute of ``instance``, and returns refused(instance, add)
    when a field raises ValidationError. Like the row functions
    (_row_functions), its source names positions only, and attnames where
    it reads attributes."""
    if refused is None and len(fields) == 1:
        return _one_param(fields[0], fields[0].attname if keys is None else keys[0],
                          refuse_none)
    namespace = {}
    lines = _params_lines(fields, keys, refuse_none, refused is not None, namespace)
    lines.append('return %s' % _params_list(fields))
    if refused is None:
        return _compiled('params', ['values'], lines, namespace)
    namespace.update(ValidationError=ValidationError, refused=refused)
    lines = ['try:'] + ['    ' + line for line in lines] + [
        'except ValidationError:', '    return refused(instance, add)']
    return _compiled('params', ['instance', 'add'], lines, namespace)


def _one_param(field, key, refuse_none):
    """params_function() for the dict of one value (one lookup or one
    field set by update()): the same answers by a closure, as its compiled
    function would cost the first query what a few hundred calls cost."""
    prepare = field.get_db_prep_save
    kept = _kept_type(field)
    bounded = kept is int

    def params(values):
        value = values[key]
        if value is None:
            return None if refuse_none else [None]
        if value.__class__ is not kept or (
                bounded and not INTEGER_MIN <= value <= INTEGER_MAX):
            value = prepare(value)
        return [value]
    return params


def _params_lines(fields, keys, refuse_none, attributes, namespace):
    """Returns the source lines that set v0, v1... to the parameters of
    ``fields`` (see params_function), read from the dict ``values`` under
    ``keys`` or, with ``attributes``, from the attributes of ``instance``;
    adds the names they use to ``namespace``."""
    namespace.update(MIN=INTEGER_MIN, MAX=INTEGER_MAX)
    lines = []
    keys = [f.attname for f in fields] if keys is None else keys
    for i, (f, key) in enumerate(zip(fields, keys)):
        namespace['k%d' % i], namespace['p%d' % i] = key, f.get_db_prep_save
        if not attributes:
            lines.append('v{0} = values[k{0}]'.format(i))
        elif _plain_name(key):
            lines.append('v{0} = instance.{1}'.format(i, key))
        else:
            lines.append('v{0} = getattr(instance, k{0})'.format(i))
        if refuse_none:
            lines += ['if v{0} is None:'.format(i), '    return None']
        kept = _kept_type(f)
        if kept is not None:
            namespace['t%d' % i] = kept
            test = 'v{0}.__class__ is not t{0}'.format(i)
            if kept is int:
                test += ' or not MIN <= v{0} <= MAX'.format(i)
            lines.append('if ({1}) and v{0} is not None:'.format(i, test))
        else:
            lines.append('if v{0} is not None:'.format(i))
        lines.append('    v{0} = p{0}(v{0})'.format(i))
    return lines


def _params_list(fields):
    "The source of the list of v0, v1... that _params_lines sets."
    return '[%s]' % ', '.join('v%d' % i for i in range(len(fields)))


def _kept_type(field):
    """Returns the one type whose values the field's get_db_prep_save()
    gives back as they are (an int only within 64 bits), so that a query's
    parameters may take them without the call; None when every value goes
    through it. From its db_prep_unchanged where that still holds (see
    _shortcut); the compiled parameters (_params_lines) and the one-value
    closure (_one_param) both ask here."""
    types = tuple(_shortcut(field, 'db_prep_unchanged', ('to_python', 'get_db_prep_save'), ()))
    return types[0] if len(types) == 1 else None


def _shortcut(field, name, methods, none):
    """Returns the field's attribute ``name``, a shortcut that stands for
    what its ``methods`` do, or ``none`` when a class between the field's
    own and the one that set the attribute overrides one of those methods
    (the shortcut may no longer hold)."""
    for klass in type(field).__mro__:
        own = vars(klass)
        if name in own:
            return own[name]
        if any(method in own for method in methods):
            return none
    return none


def _statements(opts, backend):
    "Returns the model's _SavePlan for ``backend``, building it once."
    plan = opts._sql_cache[backend] = _SavePlan(opts, backend)
    return plan


def _next_order(connection, plan, instance):
    """Returns the _order of a new row, ``instance``: how many rows already
    share its target on ``connection`` (a DatabaseWrapper)."""
    return connection.fetch_all(plan.count_order, (getattr(instance, plan.wrt_attname),))[0][0]


def _params(instance, fields, add):
    "Returns the query parameters of ``fields`` for saving ``instance``."
    params = []
    for attname, prepare, pre_save in fields:
        value = getattr(instance, attname) if pre_save is None else pre_save(instance, add)
        try:
            params.append(None if value is None else prepare(value))
        except ValidationError as e:
            # 0.96's message says what is wanted; add which field and value.
            raise ValidationError('%s %r: %s' % (attname, value, e)) from None
    return params

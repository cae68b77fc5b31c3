"""Model fields (rebuilds django/db/models/fields/__init__.py of 0.96).

A field knows its column, its column type (looked up by
``get_internal_type()`` in the backend's DATA_TYPES), how to turn a stored
value into Python (``to_python``) and a Python value into a query
parameter (``get_db_prep_save``, ``get_db_prep_lookup``).
"""

import datetime

from django_legacy.core.validators import ValidationError


class NOT_PROVIDED:
    "Marks a field that was given no default."


class FieldDoesNotExist(Exception):
    "The model has no field of that name."


# Lookups whose value is compared after escaping LIKE wildcards.
_LIKE = {'contains': '%%%s%%', 'icontains': '%%%s%%', 'startswith': '%s%%',
         'istartswith': '%s%%', 'endswith': '%%%s', 'iendswith': '%%%s', 'iexact': '%s'}

LOOKUP_TYPES = frozenset(('exact', 'iexact', 'contains', 'icontains', 'gt', 'gte', 'lt',
                          'lte', 'in', 'startswith', 'istartswith', 'endswith',
                          'iendswith', 'range', 'isnull', 'year', 'month', 'day'))


def escape_like(value):
    return value.replace('\\', '\\\\').replace('%', '\\%').replace('_', '\\_')


class Field:
    """A column of a model's table.

    Fields sort in the order they were created, which is the order of the
    columns.
    """

    creation_counter = 0
    # May the field store '' for "no value"? (False for numbers and dates.)
    empty_strings_allowed = True
    # Must a value read from the database go through to_python()? (Only where
    # a driver may return another type, such as SQLite's 0/1 for booleans.)
    converts_db_values = False

    def __init__(self, verbose_name=None, name=None, primary_key=False,
                 maxlength=None, unique=False, blank=False, null=False,
                 db_index=False, core=False, rel=None, default=NOT_PROVIDED,
                 editable=True, prepopulate_from=None, unique_for_date=None,
                 unique_for_month=None, unique_for_year=None, validator_list=None,
                 choices=None, radio_admin=None, help_text='', db_column=None):
        self.name = name
        self.verbose_name = verbose_name
        self.primary_key = primary_key
        self.maxlength = maxlength
        self.unique = unique or primary_key
        self.blank, self.null = blank, null
        self.db_index = db_index
        self.core, self.rel, self.default = core, rel, default
        self.editable = editable
        self.choices = choices or []
        self.help_text = help_text
        self.db_column = db_column
        self.creation_counter = Field.creation_counter
        Field.creation_counter += 1

    def __lt__(self, other):
        return self.creation_counter < other.creation_counter

    def get_internal_type(self):
        "The key of this field's column type in the backend's DATA_TYPES."
        return self.__class__.__name__

    def db_type(self, data_types):
        "Returns the column type from a backend's DATA_TYPES, or None."
        template = data_types.get(self.get_internal_type())
        if template is None:
            return None
        return template % self.__dict__

    def set_attributes_from_name(self, name):
        self.name = name
        self.attname = self.get_attname()
        self.column = self.db_column or self.attname
        if self.verbose_name is None:
            self.verbose_name = name.replace('_', ' ')

    def get_attname(self):
        return self.name

    def contribute_to_class(self, cls, name):
        self.set_attributes_from_name(name)
        self.model = cls
        cls._meta.add_field(self)

    def has_default(self):
        return self.default is not NOT_PROVIDED

    def get_default(self):
        "Returns the value a new instance starts with."
        if self.default is not NOT_PROVIDED:
            return self.default() if callable(self.default) else self.default
        if not self.empty_strings_allowed or self.null:
            return None
        return ''

    def to_python(self, value):
        "Returns ``value`` as the Python type the field holds."
        return value

    def pre_save(self, instance, add):
        "Returns the value to save for ``instance``."
        return getattr(instance, self.attname)

    def get_db_prep_save(self, value):
        "Returns ``value`` as a query parameter for INSERT or UPDATE."
        if value is None:
            return None
        return self.to_python(value)

    def get_db_prep_lookup(self, lookup_type, value):
        "Returns the list of query parameters for ``lookup_type`` and ``value``."
        if lookup_type in ('exact', 'gt', 'gte', 'lt', 'lte'):
            return [self.get_db_prep_save(value)]
        if lookup_type in ('range', 'in'):
            return [self.get_db_prep_save(v) for v in value]
        if lookup_type in _LIKE:
            return [_LIKE[lookup_type] % escape_like(str(value))]
        if lookup_type == 'isnull':
            return []
        if lookup_type in ('month', 'day'):
            return [int(value)]
        if lookup_type == 'year':
            year = int(value)
            return ['%04d-01-01' % year, '%04d-12-31 23:59:59.999999' % year]
        raise TypeError('Got invalid lookup_type: %r' % (lookup_type,))


class AutoField(Field):
    empty_strings_allowed = False

    def __init__(self, *args, **kwargs):
        if not kwargs.get('primary_key'):
            raise TypeError('%ss must have primary_key=True.' % self.__class__.__name__)
        kwargs['blank'] = True
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return _integer(self, value)

    def contribute_to_class(self, cls, name):
        if cls._meta.has_auto_field:
            raise TypeError("A model can't have more than one AutoField.")
        super().contribute_to_class(cls, name)
        cls._meta.has_auto_field = True


def _integer(field, value):
    if value is None or isinstance(value, int):
        return value
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValidationError('%s: %r is not an integer.' % (field.name, value))


class IntegerField(Field):
    empty_strings_allowed = False

    def to_python(self, value):
        return _integer(self, value)


class PositiveIntegerField(IntegerField):
    def to_python(self, value):
        value = _integer(self, value)
        if value is not None and value < 0:
            raise ValidationError('%s: %r is negative.' % (self.name, value))
        return value


class BooleanField(Field):
    empty_strings_allowed = False
    converts_db_values = True

    def __init__(self, *args, **kwargs):
        kwargs['blank'] = True
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if value in (True, False):
            return bool(value)
        if value in ('t', 'True', '1'):
            return True
        if value in ('f', 'False', '0'):
            return False
        raise ValidationError('%s: %r is not true or false.' % (self.name, value))


class CharField(Field):
    def to_python(self, value):
        if value is None or isinstance(value, str):
            return value
        return str(value)


class SlugField(CharField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault('maxlength', 50)
        kwargs.setdefault('db_index', True)
        super().__init__(*args, **kwargs)


class TextField(CharField):
    pass


class FloatField(Field):
    "A decimal column with 0.96's signature; holds a float."
    empty_strings_allowed = False
    converts_db_values = True

    def __init__(self, verbose_name=None, name=None, max_digits=None,
                 decimal_places=None, **kwargs):
        self.max_digits, self.decimal_places = max_digits, decimal_places
        super().__init__(verbose_name, name, **kwargs)

    def to_python(self, value):
        if value is None or isinstance(value, float):
            return value
        try:
            return float(value)
        except (TypeError, ValueError):
            raise ValidationError('%s: %r is not a number.' % (self.name, value))


class DateField(Field):
    empty_strings_allowed = False
    converts_db_values = True

    def __init__(self, verbose_name=None, name=None, auto_now=False, auto_now_add=False,
                 **kwargs):
        self.auto_now, self.auto_now_add = auto_now, auto_now_add
        if auto_now or auto_now_add:
            kwargs['editable'] = False
            kwargs['blank'] = True
        super().__init__(verbose_name, name, **kwargs)

    def to_python(self, value):
        if value is None:
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date(*map(int, str(value)[:10].split('-')))
        except (TypeError, ValueError):
            raise ValidationError('%s: enter a valid date in YYYY-MM-DD format, not %r.'
                                  % (self.name, value))

    def _now(self):
        return datetime.date.today()

    def pre_save(self, instance, add):
        if self.auto_now or (self.auto_now_add and add):
            value = self._now()
            setattr(instance, self.attname, value)
            return value
        return super().pre_save(instance, add)

    def get_db_prep_save(self, value):
        if value is None:
            return None
        return self.to_python(value).isoformat()

    def get_db_prep_lookup(self, lookup_type, value):
        if lookup_type == 'year':
            year = int(value)
            return ['%04d-01-01' % year, '%04d-12-31' % year]
        return super().get_db_prep_lookup(lookup_type, value)


class DateTimeField(DateField):
    def to_python(self, value):
        if value is None or isinstance(value, datetime.datetime):
            return value
        if isinstance(value, datetime.date):
            return datetime.datetime(value.year, value.month, value.day)
        try:
            return datetime.datetime.fromisoformat(str(value))
        except ValueError:
            raise ValidationError('%s: enter a valid date/time in YYYY-MM-DD HH:MM '
                                  'format, not %r.' % (self.name, value))

    def _now(self):
        return datetime.datetime.now()

    def get_db_prep_save(self, value):
        if value is None:
            return None
        return self.to_python(value).isoformat(' ')

    def get_db_prep_lookup(self, lookup_type, value):
        if lookup_type == 'year':
            return Field.get_db_prep_lookup(self, lookup_type, value)
        return super().get_db_prep_lookup(lookup_type, value)


class TimeField(Field):
    empty_strings_allowed = False
    converts_db_values = True

    def __init__(self, verbose_name=None, name=None, auto_now=False, auto_now_add=False,
                 **kwargs):
        self.auto_now, self.auto_now_add = auto_now, auto_now_add
        if auto_now or auto_now_add:
            kwargs['editable'] = False
        super().__init__(verbose_name, name, **kwargs)

    def to_python(self, value):
        if value is None or isinstance(value, datetime.time):
            return value
        try:
            return datetime.time.fromisoformat(str(value))
        except ValueError:
            raise ValidationError('%s: enter a valid time in HH:MM[:ss] format, not %r.'
                                  % (self.name, value))

    def pre_save(self, instance, add):
        if self.auto_now or (self.auto_now_add and add):
            value = datetime.datetime.now().time()
            setattr(instance, self.attname, value)
            return value
        return super().pre_save(instance, add)

    def get_db_prep_save(self, value):
        if value is None:
            return None
        return self.to_python(value).isoformat()

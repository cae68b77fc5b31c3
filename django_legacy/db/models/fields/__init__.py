"""Model fields (rebuilds django/db/models/fields/__init__.py of 0.96).

A field knows its column, its column type (looked up by
``get_internal_type()`` in the backend's DATA_TYPES), how to turn a stored
value into Python (``to_python``) and a Python value into a query
parameter (``get_db_prep_save``, ``get_db_prep_lookup``).
"""

import datetime
import functools
import math
import os

from django_legacy.core import validators
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


def add_method(cls, name, function, **bound):
    """Gives ``cls`` the method ``name``: ``function`` with the keywords
    ``bound`` filled in (0.96 used curry, which Python 3 does not bind)."""
    setattr(cls, name, functools.partialmethod(function, **bound))


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
    # Which values read from the database convert by a dict lookup, before
    # to_python() is asked: {driver's value: Python value}, or None. (A
    # subclass that overrides to_python loses this.)
    db_values = None
    # Of which types does get_db_prep_save() return a value as it is? (save()
    # skips the call for them; an int is still held to the 64-bit range. A
    # subclass that overrides to_python or get_db_prep_save loses this.)
    db_prep_unchanged = ()

    def __init__(self, verbose_name=None, name=None, primary_key=False,
                 maxlength=None, unique=False, blank=False, null=False,
                 db_index=False, core=False, rel=None, default=NOT_PROVIDED,
                 editable=True, serialize=True, prepopulate_from=None,
                 unique_for_date=None, unique_for_month=None, unique_for_year=None,
                 validator_list=None, choices=None, radio_admin=None, help_text='',
                 db_column=None):
        self.name = name
        self.verbose_name = verbose_name
        self.primary_key = primary_key
        self.maxlength = maxlength
        self.unique = unique or primary_key
        self.blank, self.null = blank, null
        self.db_index = db_index
        self.core, self.rel, self.default = core, rel, default
        self.editable, self.serialize = editable, serialize
        self.prepopulate_from = prepopulate_from
        self.unique_for_date, self.unique_for_month = unique_for_date, unique_for_month
        self.unique_for_year = unique_for_year
        self.validator_list = list(validator_list or [])
        # A generator of choices is read once, here (0.96 tee'd it, checking
        # for Python 2's .next). A string is kept as given, for validation to
        # report: it is no list of choices.
        self.choices = choices if isinstance(choices, str) else list(choices) if choices else []
        self.radio_admin = radio_admin
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
        self.attname, self.column = self.get_attname_column()
        if self.verbose_name is None:
            self.verbose_name = name.replace('_', ' ')

    def get_attname(self):
        return self.name

    def get_attname_column(self):
        "Returns (attname, column): the attribute and the column that hold the value."
        return self.get_attname(), self.db_column or self.get_attname()

    def value_from_object(self, obj):
        "Returns the value of this field in the model instance ``obj``."
        return getattr(obj, self.attname)

    def contribute_to_class(self, cls, name):
        self.set_attributes_from_name(name)
        self.model = cls
        cls._meta.add_field(self)
        if self.choices:
            add_method(cls, 'get_%s_display' % self.name, cls._get_FIELD_display, field=self)

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
        """Returns ``value`` as the Python type the field holds; raises
        ValidationError when it cannot be converted."""
        return value

    def validate_full(self, field_data, all_data):
        """Returns the list of error messages for ``field_data`` (already
        converted by to_python): an empty value is an error only where the
        field is not blank; any other value goes through validate(), then
        through each entry of validator_list."""
        if field_data is None or field_data == '':
            return [] if self.blank else ['This field is required.']
        try:
            self.validate(field_data, all_data)
            for validator in self.validator_list:
                validator(field_data, all_data)
        except ValidationError as e:
            return e.messages
        return []

    def validate(self, field_data, all_data):
        "Raises ValidationError when ``field_data`` breaks the field's own rule."

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
    db_prep_unchanged = (int,)

    def __init__(self, *args, **kwargs):
        if not kwargs.get('primary_key'):
            raise TypeError('%ss must have primary_key=True.' % self.__class__.__name__)
        kwargs['blank'] = True
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return _integer(value)

    def get_db_prep_save(self, value):
        return _storable_integer(self, super().get_db_prep_save, value)

    def contribute_to_class(self, cls, name):
        if cls._meta.has_auto_field:
            raise TypeError("A model can't have more than one AutoField.")
        super().contribute_to_class(cls, name)
        cls._meta.has_auto_field = True


def _integer(value):
    if value is None or isinstance(value, int):
        return value
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValidationError('This value must be an integer.')


def _text(value):
    return value if value is None or isinstance(value, str) else str(value)


# The widest integer a backend stores: SQLite's INTEGER, PostgreSQL's and
# MySQL's bigint. A narrower column refuses more with its own DatabaseError.
INTEGER_MIN, INTEGER_MAX = -2 ** 63, 2 ** 63 - 1


def _storable_integer(field, prepare, value):
    """Returns prepare(value), checked to be an integer a database can
    hold; raises ValueError naming ``field`` for an infinite value or one
    beyond 64 bits (the drivers raise a bare OverflowError)."""
    try:
        prepared = prepare(value)
    except OverflowError:       # int() of an infinite float
        pass
    else:
        if not isinstance(prepared, int) or INTEGER_MIN <= prepared <= INTEGER_MAX:
            return prepared
    raise ValueError('%s.%s: %r does not fit in a 64-bit integer column (%d to %d).'
                     % (field.model._meta.object_name, field.name, value, INTEGER_MIN,
                        INTEGER_MAX))


class IntegerField(Field):
    empty_strings_allowed = False
    db_prep_unchanged = (int,)

    def to_python(self, value):
        return _integer(value)

    def get_db_prep_save(self, value):
        return _storable_integer(self, super().get_db_prep_save, value)


class SmallIntegerField(IntegerField):
    "An integer in a smallint column."


class PositiveIntegerField(IntegerField):
    def to_python(self, value):
        value = _integer(value)
        if value is not None and value < 0:
            raise ValidationError('Enter a positive number.')
        return value


class PositiveSmallIntegerField(PositiveIntegerField):
    "A positive integer in a smallint column."


class OrderingField(IntegerField):
    "0.96's integer column holding a row's place among the rows sharing ``with_respect_to``."

    def __init__(self, with_respect_to, **kwargs):
        self.wrt = with_respect_to
        kwargs['null'] = True
        super().__init__(**kwargs)

    def get_internal_type(self):
        return 'IntegerField'


# What SQLite and MySQL return for a boolean column (True and False hash as
# 1 and 0, so PostgreSQL's own booleans find themselves).
_BOOLEAN_DB_VALUES = {None: None, 0: False, 1: True}


class BooleanField(Field):
    empty_strings_allowed = False
    converts_db_values = True
    db_values = _BOOLEAN_DB_VALUES
    db_prep_unchanged = (bool,)

    def __init__(self, *args, **kwargs):
        kwargs['blank'] = True
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = _boolean(value)
        if value is None:
            raise ValidationError('This value must be either True or False.')
        return value


def _boolean(value):
    "Returns True or False for a boolean or one of its spellings, else None."
    if value in (True, False):
        return bool(value)
    if value in ('t', 'True', '1'):
        return True
    if value in ('f', 'False', '0'):
        return False
    return None


class NullBooleanField(Field):
    "True, False or None (unknown); always nullable."
    empty_strings_allowed = False
    converts_db_values = True
    db_values = _BOOLEAN_DB_VALUES

    def __init__(self, *args, **kwargs):
        kwargs['null'] = kwargs['blank'] = True
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if value is None or value == 'None':
            return None
        value = _boolean(value)
        if value is None:
            raise ValidationError('This value must be either None, True or False.')
        return value


class CharField(Field):
    db_prep_unchanged = (str,)

    def to_python(self, value):
        if isinstance(value, str):
            return value
        if value is None:
            if self.null:
                return None
            raise ValidationError('This field cannot be null.')
        return str(value)

    def get_db_prep_save(self, value):
        if value is None or isinstance(value, str):
            return value
        return str(value)


class SlugField(CharField):
    "Letters, digits, underscores and hyphens; indexed unless db_index=False."

    def __init__(self, *args, **kwargs):
        kwargs.setdefault('maxlength', 50)
        kwargs.setdefault('db_index', True)
        kwargs['validator_list'] = [validators.isSlug] + list(kwargs.get('validator_list') or [])
        super().__init__(*args, **kwargs)


class EmailField(CharField):
    "An e-mail address in a varchar(75) column."

    def __init__(self, *args, **kwargs):
        kwargs['maxlength'] = 75
        super().__init__(*args, **kwargs)

    def get_internal_type(self):
        return 'CharField'

    def validate(self, field_data, all_data):
        validators.isValidEmail(field_data, all_data)


class URLField(CharField):
    """An http or https URL in a varchar(200) column. ``verify_exists`` is
    kept for 0.96's signature; the URL is never fetched."""

    def __init__(self, verbose_name=None, name=None, verify_exists=True, **kwargs):
        kwargs.setdefault('maxlength', 200)
        self.verify_exists = verify_exists
        super().__init__(verbose_name, name, **kwargs)

    def get_internal_type(self):
        return 'CharField'

    def validate(self, field_data, all_data):
        if not str(field_data).startswith(('http://', 'https://')) or ' ' in str(field_data):
            raise ValidationError('A valid URL is required.')


class CommaSeparatedIntegerField(CharField):
    def validate(self, field_data, all_data):
        validators.isCommaSeparatedIntegerList(field_data, all_data)


class IPAddressField(Field):
    "A dotted IPv4 address (PostgreSQL's inet column)."
    converts_db_values = True   # psycopg reads inet as an ipaddress object

    def __init__(self, *args, **kwargs):
        kwargs['maxlength'] = 15
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return _text(value)

    def validate(self, field_data, all_data):
        validators.isValidIPAddress4(field_data, all_data)


class PhoneNumberField(IntegerField):
    """A U.S. phone number (XXX-XXX-XXXX) in a varchar(20) column; an
    IntegerField subclass only because 0.96 made it one."""
    empty_strings_allowed = True

    def to_python(self, value):
        return _text(value)

    def validate(self, field_data, all_data):
        validators.isValidPhone(field_data, all_data)


class USStateField(Field):
    "A two-letter U.S. state abbreviation."

    def to_python(self, value):
        return _text(value)

    def validate(self, field_data, all_data):
        validators.isValidUSState(field_data, all_data)


class TextField(CharField):
    pass


class XMLField(TextField):
    "Text that is XML; ``schema_path`` is kept for 0.96's signature."

    def __init__(self, verbose_name=None, name=None, schema_path=None, **kwargs):
        self.schema_path = schema_path
        super().__init__(verbose_name, name, **kwargs)

    def get_internal_type(self):
        return 'TextField'


class FloatField(Field):
    """A decimal column with 0.96's signature (``max_digits``,
    ``decimal_places``: numeric(max_digits, decimal_places)); holds a float."""
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
            raise ValidationError('This value must be a decimal number.')

    def get_db_prep_save(self, value):
        """Returns the float to store; raises ValueError naming the field for
        infinity or NaN, which a decimal column cannot hold."""
        value = super().get_db_prep_save(value)
        if value is not None and not math.isfinite(value):
            raise ValueError('%s.%s: %r cannot be stored in a decimal column; give a '
                             'finite number.' % (self.model._meta.object_name, self.name, value))
        return value


class _AutoNowField(Field):
    """New: what DateField and TimeField share: ``auto_now`` sets the value
    on every save, ``auto_now_add`` on the first; ``_now()`` gives it."""
    empty_strings_allowed = False
    converts_db_values = True
    # Does auto_now or auto_now_add also make the field blank? (0.96: a date
    # does, a time does not.)
    auto_now_blank = True

    def __init__(self, verbose_name=None, name=None, auto_now=False, auto_now_add=False,
                 **kwargs):
        self.auto_now, self.auto_now_add = auto_now, auto_now_add
        if auto_now or auto_now_add:
            kwargs['editable'] = False
            if self.auto_now_blank:
                kwargs['blank'] = True
        super().__init__(verbose_name, name, **kwargs)

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


class DateField(_AutoNowField):
    """A date. A non-null DateField gives its model get_next_by_FOO() and
    get_previous_by_FOO()."""

    def contribute_to_class(self, cls, name):
        super().contribute_to_class(cls, name)
        if not self.null:
            for direction, is_next in (('next', True), ('previous', False)):
                add_method(cls, 'get_%s_by_%s' % (direction, self.name),
                           cls._get_next_or_previous_by_FIELD, field=self, is_next=is_next)

    def to_python(self, value):
        if value is None:
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        # the date part of 'YYYY-MM-DD HH:MM:SS' is taken, as a lookup may pass one
        text = str(value).split(' ')[0]
        validators.isValidANSIDate(text, None)
        try:
            return datetime.date(*map(int, text.split('-')))
        except ValueError:
            raise ValidationError('Enter a valid date in YYYY-MM-DD format.')

    def _now(self):
        return datetime.date.today()

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
            raise ValidationError('Enter a valid date/time in YYYY-MM-DD HH:MM format.')

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


class TimeField(_AutoNowField):
    auto_now_blank = False

    def to_python(self, value):
        if value is None or isinstance(value, datetime.time):
            return value
        try:
            return datetime.time.fromisoformat(str(value))
        except ValueError:
            raise ValidationError('Enter a valid time in HH:MM format.')

    def _now(self):
        return datetime.datetime.now().time()


class FilePathField(Field):
    "The name of a file under ``path`` (matching ``match``), in a varchar(100) column."

    def __init__(self, verbose_name=None, name=None, path='', match=None, recursive=False,
                 **kwargs):
        self.path, self.match, self.recursive = path, match, recursive
        super().__init__(verbose_name, name, **kwargs)


class FileField(Field):
    """A file under MEDIA_ROOT; the column holds its path relative to
    MEDIA_ROOT. The model gains get_FOO_filename(), get_FOO_url(),
    get_FOO_size() and save_FOO_file(filename, raw_contents, save=True)."""

    def __init__(self, verbose_name=None, name=None, upload_to='', **kwargs):
        self.upload_to = upload_to
        super().__init__(verbose_name, name, **kwargs)

    def contribute_to_class(self, cls, name):
        from django_legacy.db.models import signals
        from django_legacy.dispatch import dispatcher
        super().contribute_to_class(cls, name)
        for template, method in (('get_%s_filename', cls._get_FIELD_filename),
                                 ('get_%s_url', cls._get_FIELD_url),
                                 ('get_%s_size', cls._get_FIELD_size)):
            add_method(cls, template % self.name, method, field=self)
        # positional, so that save_FOO_file(filename, raw_contents) fills the rest
        setattr(cls, 'save_%s_file' % self.name,
                functools.partialmethod(cls._save_FIELD_file, self))
        dispatcher.connect(self.delete_file, signal=signals.post_delete, sender=cls)

    def to_python(self, value):
        return _text(value)

    def delete_file(self, instance):
        """Removes the file of a deleted ``instance`` unless another row of
        its model names the same file."""
        path = getattr(instance, self.attname)
        if not path:
            return
        filename = instance._get_FIELD_filename(self)
        others = type(instance)._default_manager.filter(**{self.name: path})
        if os.path.exists(filename) and not others.count():
            os.remove(filename)

    def get_directory_name(self):
        "Returns upload_to with today's date filled into its strftime codes."
        return os.path.normpath(datetime.datetime.now().strftime(self.upload_to))

    def get_filename(self, filename):
        """Returns the path, relative to MEDIA_ROOT, for an upload called
        ``filename``: its base name made safe, in get_directory_name()."""
        safe = ''.join(c for c in os.path.basename(filename).strip().replace(' ', '_')
                       if c.isalnum() or c in '-_.')
        return os.path.normpath(os.path.join(self.get_directory_name(), safe))


class ImageField(FileField):
    """A FileField for an image. Its width and height are read with Pillow:
    into ``width_field``/``height_field`` on save_FOO_file(), or by
    get_FOO_width()/get_FOO_height() where those are not given."""

    def __init__(self, verbose_name=None, name=None, width_field=None, height_field=None,
                 **kwargs):
        self.width_field, self.height_field = width_field, height_field
        super().__init__(verbose_name, name, **kwargs)

    def contribute_to_class(self, cls, name):
        super().contribute_to_class(cls, name)
        if not self.width_field:
            add_method(cls, 'get_%s_width' % self.name, cls._get_FIELD_width, field=self)
        if not self.height_field:
            add_method(cls, 'get_%s_height' % self.name, cls._get_FIELD_height, field=self)


def get_image_dimensions(path):
    """Returns (width, height) of the image file at ``path``; raises
    ImproperlyConfigured when Pillow is not installed."""
    import importlib.util
    from django_legacy.core.exceptions import ImproperlyConfigured
    if importlib.util.find_spec('PIL') is None:
        raise ImproperlyConfigured(
            'ImageField needs Pillow to read the width and height of %r; install it '
            '(pip install Pillow) or give the field no width_field/height_field and '
            'do not call get_FOO_width()/get_FOO_height().' % path)
    from PIL import Image
    with Image.open(path) as image:
        return image.size

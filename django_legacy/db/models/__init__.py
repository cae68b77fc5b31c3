"""The model layer of 0.96 (rebuilds django/db/models/__init__.py)."""

from django_legacy.core.exceptions import ObjectDoesNotExist, ImproperlyConfigured  # noqa: F401
from django_legacy.db.models.base import Model
from django_legacy.db.models.fields import (  # noqa: F401
    NOT_PROVIDED, AutoField, BooleanField, CharField, CommaSeparatedIntegerField, DateField,
    DateTimeField, EmailField, Field, FieldDoesNotExist, FileField, FilePathField, FloatField,
    ImageField, IntegerField, IPAddressField, NullBooleanField, OrderingField,
    PhoneNumberField, PositiveIntegerField, PositiveSmallIntegerField, SlugField,
    SmallIntegerField, TextField, TimeField, URLField, USStateField, XMLField)
from django_legacy.db.models.fields.related import (  # noqa: F401
    ForeignKey, ManyToManyField, ManyToOneRel, ManyToManyRel, OneToOneField, OneToOneRel)
from django_legacy.db.models.loading import (  # noqa: F401
    get_apps, get_app, get_models, get_model, register_models)
from django_legacy.db.models.manager import Manager
from django_legacy.db.models.query import Q, QuerySet

__all__ = ('Model', 'Manager', 'QuerySet', 'Q', 'AutoField', 'BooleanField', 'CharField',
           'CommaSeparatedIntegerField', 'DateField', 'DateTimeField', 'EmailField',
           'FileField', 'FilePathField', 'FloatField', 'ImageField', 'IntegerField',
           'IPAddressField', 'NullBooleanField', 'OrderingField', 'PhoneNumberField',
           'PositiveIntegerField', 'PositiveSmallIntegerField', 'SlugField',
           'SmallIntegerField', 'TextField', 'TimeField', 'URLField', 'USStateField',
           'XMLField', 'ForeignKey', 'ManyToManyField', 'OneToOneField', 'ObjectDoesNotExist',
           'get_apps', 'get_app', 'get_models', 'get_model')


def __getattr__(name):
    # 0.96 offered the generic relations as models.GenericForeignKey and
    # models.GenericRelation; they live in contrib.contenttypes.generic,
    # imported only when asked for.
    if name in ('GenericForeignKey', 'GenericRelation'):
        from django_legacy.contrib.contenttypes import generic
        return getattr(generic, name)
    raise AttributeError("module %r has no attribute %r" % (__name__, name))


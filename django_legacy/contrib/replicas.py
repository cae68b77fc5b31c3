"""Reads sent to a second connection: the smallest extension of the 2007 design
that splits reads from writes, as a modern router's db_for_read does.

*Not in 2007.* The branch bound each model to one connection for
everything; a site could send a whole request to a replica by assigning
``Model.objects.db``, but not one model's reads alone. This module adds one
setting, in the shape of ``MODELS``, and one manager::

    READ_CONNECTIONS = {'replica': ['shop.Product', 'catalog']}

    class Product(models.Model):
        ...
        objects = ReadConnectionManager()

A model (or every model of an app) named under a connection reads through
that connection: iteration, ``count()``, ``get()``, ``values()``,
``in_bulk()``, ``latest()``. Its writes stay on its own connection: ``save()``,
``delete()``, ``QuerySet.update()`` and ``delete()``, and the look-up of
``get_or_create()``, which must see its own writes. The setting is read at
each query, so a request may change it. Related managers (``opus_set``)
still read through the model's own connection.

Like any read from a replica, a read right after a write may miss it while
the standby lags (docs/patterns.txt shows it).
"""

from django_legacy.conf import settings
from django_legacy.core.exceptions import ImproperlyConfigured
from django_legacy.db import ConnectionIndex, _default, connections
from django_legacy.db.models.manager import Manager
from django_legacy.db.models.query import QuerySet, ValuesQuerySet

__all__ = ('ReadConnectionManager', 'read_connection_name')


def read_connection_name(model):
    """Returns the name of the connection ``model`` reads through: the
    READ_CONNECTIONS entry that names 'app_label.ClassName', else the one
    naming 'app_label', else its own connection's name."""
    databases = getattr(settings, 'READ_CONNECTIONS', None) or {}
    if not isinstance(databases, dict) or not all(
            isinstance(v, (list, tuple)) for v in databases.values()):
        raise ImproperlyConfigured(
            "READ_CONNECTIONS must map a connection name to a list of 'app_label' or "
            "'app_label.ClassName' strings, not %r." % (databases,))
    index = ConnectionIndex({name: {'MODELS': labels} for name, labels in databases.items()})
    name = index.resolve(model._meta.app_label, model._meta.object_name)
    if name is _default:
        return model._default_manager.db.settings.CONNECTION_NAME
    return name


class _Reads:
    "What a queryset that reads through the read connection changes."

    def _db(self):
        return connections[read_connection_name(self.model)]

    def _writes(self):
        "This queryset, on the model's own connection."
        return self._clone(klass=QuerySet)

    def update(self, **kwargs):
        return self._writes().update(**kwargs)

    update.alters_data = True

    def delete(self):
        self._result_cache = None
        return self._writes().delete()

    delete.alters_data = True

    def get_or_create(self, **kwargs):
        return self._writes().get_or_create(**kwargs)

    def values(self, *fields):
        return self._clone(klass=ReadValuesQuerySet, _fields=fields)


class ReadQuerySet(_Reads, QuerySet):
    "A QuerySet whose reads go through the model's read connection. Not in 2007."


class ReadValuesQuerySet(_Reads, ValuesQuerySet):
    "values() of a ReadQuerySet. Not in 2007."


class ReadConnectionManager(Manager):
    """A manager whose querysets read through the connection READ_CONNECTIONS
    names for the model; saves and deletes use the model's own. Not in 2007."""

    def get_query_set(self):
        return ReadQuerySet(self.model)

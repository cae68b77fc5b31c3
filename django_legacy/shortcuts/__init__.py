"""Shortcuts for views (rebuilds the database part of django/shortcuts/__init__.py of 0.96).

Both look up through a manager (the model's default manager, or the one
passed), so the query runs on that manager's connection. The template
shortcut render_to_response is not rebuilt: templates are not part of
this package.
"""

from django_legacy.db.models.manager import Manager
from django_legacy.http import Http404


def _manager(klass):
    "Returns the manager to query: ``klass`` itself, or a model's default manager."
    if isinstance(klass, Manager):
        return klass
    return klass._default_manager


def get_object_or_404(klass, *args, **kwargs):
    """Returns ``get(*args, **kwargs)`` on a model or manager; raises Http404
    instead of the model's DoesNotExist."""
    manager = _manager(klass)
    model = manager.model
    try:
        return manager.get(*args, **kwargs)
    except model.DoesNotExist:
        raise Http404('No %s matches the given query.' % model._meta.object_name)


def get_list_or_404(klass, *args, **kwargs):
    """Returns ``filter(*args, **kwargs)`` on a model or manager as a list;
    raises Http404 if it is empty."""
    manager = _manager(klass)
    objects = list(manager.filter(*args, **kwargs))
    if not objects:
        raise Http404('No %s matches the given query.' % manager.model._meta.object_name)
    return objects


__all__ = ('get_object_or_404', 'get_list_or_404')

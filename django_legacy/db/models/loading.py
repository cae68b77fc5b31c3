"""The registry of installed apps and their models (rebuilds django/db/models/loading.py).

Apps are imported on first request, never at import of this module.
"""

import importlib
import importlib.util

from django_legacy.conf import settings
from django_legacy.core.exceptions import ImproperlyConfigured

__all__ = ('get_apps', 'get_app', 'get_models', 'get_model', 'register_models', 'load_app')

_app_list = []        # the models modules of INSTALLED_APPS, in order
_app_models = {}      # app_label -> {lowercased model name: model}, in definition order
_version = [0]        # bumped at each registration, so caches of relations can expire


def registry_version():
    return _version[0]


def get_apps():
    "Returns the models modules of every app in INSTALLED_APPS that has one."
    apps = []
    for app_name in settings.INSTALLED_APPS:
        module = load_app(app_name)
        if module is not None:
            apps.append(module)
    return apps


def get_app(app_label, emptyOK=False):
    """Returns the models module of the installed app ``app_label``.

    Raises ImproperlyConfigured if no app in INSTALLED_APPS has that label.
    """
    for app_name in settings.INSTALLED_APPS:
        if app_label == app_name.split('.')[-1]:
            module = load_app(app_name)
            if module is None and not emptyOK:
                raise ImproperlyConfigured('App with label %s is missing a models.py module.'
                                           % app_label)
            return module
    raise ImproperlyConfigured(
        'App with label %s could not be found: is it in INSTALLED_APPS? Installed: %s'
        % (app_label, ', '.join(a.split('.')[-1] for a in settings.INSTALLED_APPS) or 'none'))


def load_app(app_name):
    "Imports ``<app_name>.models`` and returns it, or None if the app has none."
    package = importlib.import_module(app_name)
    if not hasattr(package, '__path__'):
        return None
    if importlib.util.find_spec(app_name + '.models') is None:
        return None
    module = importlib.import_module(app_name + '.models')
    if module not in _app_list:
        _app_list.append(module)
    return module


def app_label_of(app_module):
    "The label of an app from its models module (``a.b.models`` -> ``b``)."
    return app_module.__name__.split('.')[-2]


def get_models(app_mod=None):
    "Returns the models of one app's models module, or of every installed app."
    if app_mod is not None:
        return list(_app_models.get(app_label_of(app_mod), {}).values())
    models = []
    for app in get_apps():
        models.extend(get_models(app))
    return models


def all_models():
    "Returns every registered model, installed app or not."
    return [m for app_models in _app_models.values() for m in app_models.values()]


def get_model(app_label, model_name):
    "Returns the model ``app_label.model_name`` (any case), or None."
    return _app_models.get(app_label, {}).get(model_name.lower())


def register_models(app_label, *models):
    """Registers models under ``app_label``. A model defined again under the
    same name replaces the earlier one."""
    for model in models:
        _app_models.setdefault(app_label, {})[model._meta.object_name.lower()] = model
    _version[0] += 1

"""Lazy settings (rebuilds django/conf/__init__.py).

``settings`` answers attribute reads from its ``_target``, a holder filled
from the module named by DJANGO_SETTINGS_MODULE or by ``settings.configure()``
on first use. Tests may swap ``settings._target`` for another holder.
"""

import importlib
import os

from django_legacy.conf import global_settings

ENVIRONMENT_VARIABLE = 'DJANGO_SETTINGS_MODULE'

# Functions called as listener(name, value) after a setting is assigned
# through ``settings`` (new: open connections follow DEBUG this way).
setting_listeners = []


class LazySettings:
    """Proxy for the settings holder, created on first attribute access."""

    def __init__(self):
        object.__setattr__(self, '_target', None)

    def __getattr__(self, name):
        target = self.__dict__['_target']
        if target is None:
            target = self._setup()
        return getattr(target, name)

    def __setattr__(self, name, value):
        if name == '_target':
            object.__setattr__(self, name, value)
            return
        target = self.__dict__['_target']
        if target is None:
            target = self._setup()
        setattr(target, name, value)
        for listener in setting_listeners:
            listener(name, value)

    def __delattr__(self, name):
        if name == '_target':
            raise TypeError("can't delete _target")
        delattr(self.__dict__['_target'] or self._setup(), name)

    def _setup(self):
        module_name = os.environ.get(ENVIRONMENT_VARIABLE)
        if not module_name:
            raise EnvironmentError(
                'Settings cannot be imported, because environment variable %s '
                'is undefined. Set it to the dotted name of your settings '
                'module, or call settings.configure() first.' % ENVIRONMENT_VARIABLE)
        target = Settings(module_name)
        object.__setattr__(self, '_target', target)
        return target

    def configure(self, default_settings=global_settings, **options):
        """Configure by hand instead of through DJANGO_SETTINGS_MODULE.

        ``options`` are setting names and values; a setting not given reads
        from ``default_settings``.
        """
        if self.__dict__['_target'] is not None:
            raise RuntimeError('Settings already configured.')
        holder = UserSettingsHolder(default_settings)
        for name, value in options.items():
            setattr(holder, name, value)
        object.__setattr__(self, '_target', holder)

    @property
    def configured(self):
        "True once settings have been read from a module or configure()."
        return self.__dict__['_target'] is not None


class Settings:
    """Settings read from a module: its upper-case names over global_settings."""

    def __init__(self, settings_module):
        for name in dir(global_settings):
            if name.isupper():
                setattr(self, name, getattr(global_settings, name))
        try:
            module = importlib.import_module(settings_module)
        except ImportError as e:
            raise ImportError(
                "Could not import settings '%s' (Is it on sys.path? %s). Check %s "
                "or call settings.configure()." % (settings_module, e, ENVIRONMENT_VARIABLE))
        for name in dir(module):
            if name.isupper():
                setattr(self, name, getattr(module, name))
        self.SETTINGS_MODULE = settings_module


class UserSettingsHolder:
    """Answers from its own attributes first, then from ``default``."""

    SETTINGS_MODULE = None

    def __init__(self, default_settings):
        self.default_settings = default_settings

    def __getattr__(self, name):
        try:
            default = self.__dict__['default_settings']
        except KeyError:  # while being copied or unpickled
            raise AttributeError(name) from None
        return getattr(default, name)

    def __dir__(self):
        return sorted(set(self.__dict__) | set(dir(self.default_settings)))


settings = LazySettings()

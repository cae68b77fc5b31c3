"""Exceptions shared across the package (rebuilds django/core/exceptions.py)."""


class ObjectDoesNotExist(Exception):
    "The requested object does not exist."
    silent_variable_failure = True


class MultipleObjectsReturned(Exception):
    "A lookup that should match one object matched several."


class ImproperlyConfigured(Exception):
    "The settings are wrong: the message names the setting and the fix."


class ViewDoesNotExist(Exception):
    "The requested view does not exist."

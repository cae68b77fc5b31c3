"""Content types: a row per installed model, and generic relations through
them (rebuilds django/contrib/contenttypes of 0.96, with the generic
fields of django/db/models/fields/generic.py as ``generic``)."""

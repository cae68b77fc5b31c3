"""django_legacy: a Python 3 rebuild of Django's 2006-2007 multiple-db-support branch.

Each module sits at the path of its 2007 counterpart under ``django/``.
Importing the package reads no settings and opens no connection.
"""

VERSION = (0, 96, 'multiple-db')
__version__ = '0.1.0'

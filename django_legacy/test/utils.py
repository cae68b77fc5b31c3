"""Test databases (rebuilds django/test/utils.py of the branch).

create_test_db() points the default connection at a test database and
replaces OTHER_DATABASES with one test connection per name in
TEST_DATABASES; destroy_test_db() undoes both.
"""

import os
import shutil
import tempfile

from django_legacy.conf import settings
from django_legacy.db import connections, entry_settings, load_backend

TEST_DIRECTORY_PREFIX = 'django_legacy_test_'


def _engine_creation(engine):
    return load_backend(engine, 'creation')


def create_test_db(verbosity=1, autoclobber=False, confirm=None):
    """Creates the test databases and installs every model of INSTALLED_APPS.

    Returns the name of the default test database. The settings are changed
    in place: DATABASE_NAME, and OTHER_DATABASES with one entry per name in
    TEST_DATABASES (MODELS from TEST_DATABASE_MODELS). A test database that
    exists already is dropped first if ``autoclobber`` is true or
    ``confirm(name)`` answers yes; otherwise it is an error.
    """
    from django_legacy.core.management.install import syncdb
    if verbosity >= 1:
        print('Creating test database...')
    connections.reset()
    engine = settings.DATABASE_ENGINE
    creation = _engine_creation(engine)
    test_name = creation.create_test_db(settings, None, verbosity, autoclobber, None, confirm)
    old_databases = dict(getattr(settings, 'OTHER_DATABASES', {}) or {})
    directory = tempfile.mkdtemp(prefix=TEST_DIRECTORY_PREFIX) if settings.TEST_DATABASES else None
    test_databases = {}
    for name in settings.TEST_DATABASES:
        entry = {k: v for k, v in old_databases.get(name, {}).items() if k != 'MODELS'}
        entry_engine = entry.get('DATABASE_ENGINE', engine)
        holder = entry_settings(entry, name)
        entry['DATABASE_NAME'] = _engine_creation(entry_engine).create_test_db(
            holder, name, verbosity, autoclobber, directory, confirm)
        entry['MODELS'] = list(settings.TEST_DATABASE_MODELS.get(
            name, old_databases.get(name, {}).get('MODELS', [])))
        test_databases[name] = entry
    settings.DATABASE_NAME = test_name
    settings.OTHER_DATABASES = test_databases
    connections.reset()
    syncdb(verbosity=0, interactive=False)
    return test_name


def destroy_test_db(old_database_name, old_databases, verbosity=1):
    """Closes every connection, removes the test databases and restores
    DATABASE_NAME and OTHER_DATABASES."""
    if verbosity >= 1:
        print('Destroying test database...')
    connections.reset()
    directories = set()
    for name, entry in (settings.OTHER_DATABASES or {}).items():
        holder = entry_settings(entry, name)
        _engine_creation(holder.DATABASE_ENGINE).destroy_test_db(
            holder, holder.DATABASE_NAME, verbosity)
        parent = os.path.dirname(str(holder.DATABASE_NAME))
        if os.path.basename(parent).startswith(TEST_DIRECTORY_PREFIX):
            directories.add(parent)
    _engine_creation(settings.DATABASE_ENGINE).destroy_test_db(
        settings, settings.DATABASE_NAME, verbosity)
    for directory in directories:
        shutil.rmtree(directory, ignore_errors=True)
    settings.DATABASE_NAME = old_database_name
    settings.OTHER_DATABASES = old_databases


__all__ = ('create_test_db', 'destroy_test_db')

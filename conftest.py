"""pytest set-up: the historical suite's settings, apps and test databases.

The settings module is the bundled SQLite one unless DJANGO_SETTINGS_MODULE
names another (branch_tests/ is on sys.path, as runtests.py puts it).
"""

import copy
import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, 'branch_tests'))


def pytest_configure(config):
    import runtests
    os.environ.setdefault('DJANGO_SETTINGS_MODULE', runtests.DEFAULT_SETTINGS)
    from django_legacy.conf import settings
    settings.INSTALLED_APPS = runtests.installed_apps(runtests.select_apps([]))


@pytest.fixture(scope='session', autouse=True)
def test_databases():
    "Creates the test databases once for the run, as runtests.py does."
    from django_legacy.conf import settings
    from django_legacy.test.utils import create_test_db, destroy_test_db
    old_name, old_databases = settings.DATABASE_NAME, settings.OTHER_DATABASES
    create_test_db(verbosity=0, autoclobber=True)
    yield settings
    destroy_test_db(old_name, old_databases, verbosity=0)


@pytest.fixture
def isolated_settings():
    """Lets a test change settings freely: a copy of the settings stands in
    for them, and the connections opened meanwhile are closed after."""
    from django_legacy.conf import UserSettingsHolder, settings
    from django_legacy.db import connections
    saved = settings._target
    settings._target = UserSettingsHolder(copy.deepcopy(saved))
    connections.reset()
    try:
        yield settings
    finally:
        connections.reset()
        settings._target = saved

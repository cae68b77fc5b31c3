"""Settings: the lazy object, its holders, and the errors of a bad configuration."""

import subprocess
import sys

import pytest

from django_legacy.conf import LazySettings, Settings, UserSettingsHolder, global_settings
from django_legacy.core.exceptions import ImproperlyConfigured


def test_unconfigured_settings_name_both_ways_to_configure(monkeypatch):
    monkeypatch.delenv('DJANGO_SETTINGS_MODULE', raising=False)
    lazy = LazySettings()
    with pytest.raises(EnvironmentError) as raised:
        lazy.DATABASE_ENGINE
    assert 'DJANGO_SETTINGS_MODULE' in str(raised.value)
    assert 'settings.configure()' in str(raised.value)


def test_settings_module_that_cannot_be_imported(monkeypatch):
    monkeypatch.setenv('DJANGO_SETTINGS_MODULE', 'no_such_settings_module')
    with pytest.raises(ImportError) as raised:
        LazySettings().DEBUG
    assert "no_such_settings_module" in str(raised.value)
    assert 'settings.configure()' in str(raised.value)


def test_configure_lays_options_over_global_settings():
    lazy = LazySettings()
    lazy.configure(DATABASE_ENGINE='sqlite3', DEBUG=True)
    assert lazy.configured
    assert lazy.DATABASE_ENGINE == 'sqlite3'
    assert lazy.DEBUG is True
    assert lazy.OTHER_DATABASES == {}
    assert lazy.TEST_DATABASE_NAME is None
    with pytest.raises(RuntimeError):
        lazy.configure()


def test_settings_from_module_take_upper_case_names_only():
    s = Settings('settings_sqlite')
    assert s.DATABASE_ENGINE == 'sqlite3'
    assert s.TEST_DATABASES == ('_a', '_b')
    assert s.DATABASE_OPTIONS == {}
    assert not hasattr(s, '__doc__text')


def test_user_settings_holder_answers_itself_first():
    holder = UserSettingsHolder(global_settings)
    assert holder.DATABASE_NAME == ''
    holder.DATABASE_NAME = 'x'
    assert holder.DATABASE_NAME == 'x'
    assert global_settings.DATABASE_NAME == ''
    with pytest.raises(AttributeError):
        holder.NO_SUCH_SETTING


def test_target_can_be_swapped():
    lazy = LazySettings()
    lazy._target = UserSettingsHolder(global_settings)
    lazy.DEBUG = True
    assert lazy._target.DEBUG is True


def test_defaults_are_the_documented_ones():
    for name, value in [('DATABASE_ENGINE', ''), ('DATABASE_NAME', ''), ('DATABASE_USER', ''),
                        ('DATABASE_PASSWORD', ''), ('DATABASE_HOST', ''),
                        ('DATABASE_PORT', ''), ('DATABASE_OPTIONS', {}),
                        ('OTHER_DATABASES', {}), ('INSTALLED_APPS', ()),
                        ('TEST_DATABASE_NAME', None), ('TEST_DATABASES', []),
                        ('TEST_DATABASE_MODELS', {}), ('DEBUG', False)]:
        assert getattr(global_settings, name) == value, name


def test_importing_the_package_reads_no_settings():
    code = ('import os; os.environ.pop("DJANGO_SETTINGS_MODULE", None); '
            'import django_legacy.db, django_legacy.db.models, django_legacy.db.transaction, '
            'django_legacy.core.management; '
            'from django_legacy.conf import settings; print(settings.configured)')
    out = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == 'False'


def test_empty_engine_is_the_dummy_backend(isolated_settings):
    from django_legacy.db import connect
    holder = UserSettingsHolder(global_settings)
    info = connect(holder)
    assert info.backend.__name__ == 'django_legacy.db.backends.dummy.base'
    # Every way the ORM reaches a connection says so.
    for use in ('cursor', 'run', 'fetch_all', 'build_rows', 'stream', 'run_once'):
        with pytest.raises(ImproperlyConfigured) as raised:
            getattr(info.connection, use)()
        assert 'DATABASE_ENGINE setting' in str(raised.value)

"""The side-by-side comparison with modern Django: to_modern_databases,
LegacyRouter, and the compare action against a real modern Django."""

import importlib.util
import os
import subprocess
import sys
import textwrap

import pytest

from django_legacy.contrib.routers import LegacyRouter, alias_for, to_modern_databases
from django_legacy.core.exceptions import ImproperlyConfigured
from django_legacy.db import model_connection_name
from django_legacy.db.models import loading

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
needs_django = pytest.mark.skipif(importlib.util.find_spec('django') is None,
                                  reason="modern Django is not installed "
                                         "(pip install 'django_legacy[compare]')")


class Legacy:
    DATABASE_ENGINE = 'postgresql'
    DATABASE_NAME = 'main'
    DATABASE_USER = 'app'
    DATABASE_PASSWORD = 'secret'
    DATABASE_HOST = 'db.local'
    DATABASE_PORT = '5433'
    DATABASE_OPTIONS = {}
    OTHER_DATABASES = {
        'archive': {'DATABASE_NAME': 'archive', 'MODELS': ['shop']},
        'cache': {'DATABASE_ENGINE': 'sqlite3', 'DATABASE_NAME': '/tmp/cache.db',
                  'DATABASE_OPTIONS': {'timeout': 3}},
    }


def test_to_modern_databases_inherits_missing_keys():
    assert to_modern_databases(Legacy) == {
        'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': 'main', 'USER': 'app',
                    'PASSWORD': 'secret', 'HOST': 'db.local', 'PORT': '5433'},
        'archive': {'ENGINE': 'django.db.backends.postgresql', 'NAME': 'archive',
                    'USER': 'app', 'PASSWORD': 'secret', 'HOST': 'db.local', 'PORT': '5433'},
        'cache': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': '/tmp/cache.db',
                  'USER': 'app', 'PASSWORD': 'secret', 'HOST': 'db.local', 'PORT': '5433',
                  'OPTIONS': {'timeout': 3}},
    }


def test_to_modern_databases_refuses_what_it_cannot_map():
    class Unknown(Legacy):
        DATABASE_ENGINE = 'oracle'
    with pytest.raises(ImproperlyConfigured) as raised:
        to_modern_databases(Unknown)
    assert "'oracle'" in str(raised.value)

    class Clash(Legacy):
        OTHER_DATABASES = {'default': {'DATABASE_NAME': 'x'}}
    with pytest.raises(ImproperlyConfigured) as raised:
        to_modern_databases(Clash)
    assert "named 'default'" in str(raised.value)


def test_the_router_answers_like_model_connection_name_for_every_branch_model(test_databases):
    router = LegacyRouter(test_databases.OTHER_DATABASES)
    aliases = ['default'] + sorted(test_databases.OTHER_DATABASES)
    models = loading.get_models()
    assert len(models) >= 20
    for model in models:
        alias = alias_for(model_connection_name(model))
        assert router.db_for_read(model) == router.db_for_write(model) == alias, model
        for db in aliases:
            assert router.allow_migrate(db, model._meta.app_label, model.__name__.lower(),
                                        model=model) == (db == alias), (model, db)
        for field in model._meta.fields + model._meta.many_to_many:
            if field.rel is None:
                continue
            other = field.rel.to
            same = model_connection_name(model) == model_connection_name(other)
            assert router.allow_relation(model(), other()) == same, (model, other)


def test_the_router_refuses_a_relation_across_connections():
    from tests.testapp.models import Author, Book
    router = LegacyRouter({'_a': {'MODELS': ['testapp.Author']}})
    assert router.allow_relation(Book(), Author()) is False
    assert router.allow_relation(Author(), Author()) is True
    assert router.allow_migrate('_a', 'testapp', 'author', model=Author) is True
    assert router.allow_migrate('default', 'testapp', 'author', model=Author) is False
    assert router.allow_migrate('default', 'testapp') is True


def test_the_router_module_imports_no_django():
    code = ('import sys, django_legacy.contrib.routers; '
            'print(any(m == "django" or m.startswith("django.") for m in sys.modules))')
    result = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True,
                            cwd=HERE)
    assert result.stdout.strip() == 'False', result.stderr


@pytest.fixture
def project(tmp_path):
    (tmp_path / 'compare_settings.py').write_text(textwrap.dedent('''
        DATABASE_ENGINE = 'sqlite3'
        DATABASE_NAME = 'unused.db'
        INSTALLED_APPS = ('modeltests.multiple_databases',)
        OTHER_DATABASES = {
            '_a': {'MODELS': ['multiple_databases.Artist', 'multiple_databases.Opus']},
            '_b': {'MODELS': ['multiple_databases.Widget', 'multiple_databases.DooHickey']},
        }
    '''))
    return tmp_path


def compare(project, *argv, python_flags=()):
    env = dict(os.environ, PYTHONPATH=HERE)
    env.pop('DJANGO_SETTINGS_MODULE', None)
    return subprocess.run(
        [sys.executable] + list(python_flags) + ['-m', 'django_legacy', 'compare'] + list(argv)
        + ['--settings', 'compare_settings', '--pythonpath', str(project),
           '--pythonpath', os.path.join(HERE, 'branch_tests')],
        capture_output=True, text=True, cwd=str(project), env=env)


@needs_django
def test_every_row_lands_in_the_same_database_under_both_designs(project):
    result = compare(project)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    start = lines.index(next(line for line in lines
                             if line.startswith('model') and 'modern row in' in line))
    rows = [line.split() for line in lines[start + 1:] if line.startswith('multiple_databases')]
    landed = {r[0]: (r[-3], r[-2], r[-1]) for r in rows}
    assert landed == {
        'multiple_databases.Artist': ('_a', '_a', 'yes'),
        'multiple_databases.Opus': ('_a', '_a', 'yes'),
        'multiple_databases.Widget': ('_b', '_b', 'yes'),
        'multiple_databases.DooHickey': ('_b', '_b', 'yes'),
        'multiple_databases.DooHickey.widgets': ('_b', '_b', 'yes'),
        'multiple_databases.Vehicle': ('default', 'default', 'yes'),
    }
    assert 'transaction.atomic()' in result.stdout


def test_compare_without_modern_django_shows_the_2007_side(project):
    "A Python without site-packages has no Django."
    result = compare(project, python_flags=('-S',))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "modern Django is not installed (pip install 'django_legacy[compare]'): "
        'showing the 2007 side only']
    assert ['multiple_databases.Artist', '_a', '_a', 'yes'] in [
        line.split() for line in result.stdout.splitlines()]
    assert 'row in' not in result.stdout
    assert 'What differs by design' in result.stdout


def test_compare_unknown_app_is_one_line(project):
    result = compare(project, 'nosuchapp')
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1 and 'nosuchapp' in result.stderr

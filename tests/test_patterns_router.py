"""LegacyRouter places every model where the 2007 design would, Meta.db_connection
included, and allow_migrate agrees with db_for_write for every model, whether
or not its app is installed in either design."""

import importlib.util
import textwrap

import pytest

from django_legacy.contrib.routers import LegacyRouter, alias_for
from django_legacy.db import model_connection_name
from tests.placedapp.models import Entry, Ledger, Note, Plain
from tests.test_compare import compare

DATABASES = {'_ledger': {'DATABASE_NAME': 'ledger.db'},
             '_notes': {'DATABASE_NAME': 'notes.db', 'MODELS': ['placedapp.Note']}}
PLACED = {Ledger: '_ledger', Entry: '_ledger', Note: '_notes', Plain: 'default'}
needs_django = pytest.mark.skipif(importlib.util.find_spec('django') is None,
                                  reason="modern Django is not installed "
                                         "(pip install 'django_legacy[compare]')")


def test_the_router_honours_meta_db_connection():
    router = LegacyRouter(DATABASES)
    for model, alias in PLACED.items():
        assert router.db_for_read(model) == router.db_for_write(model) == alias, model


def test_allow_migrate_agrees_with_db_for_write_without_a_model_hint():
    "Modern Django's migrate passes the lower-cased model name and no model."
    router = LegacyRouter(DATABASES)
    for model in PLACED:
        for db in ('default', '_ledger', '_notes'):
            answer = router.allow_migrate(db, 'placedapp', model.__name__.lower())
            assert answer == (db == router.db_for_write(model)), (model, db)


def test_allow_migrate_finds_a_models_entry_in_any_case():
    "A model no registry knows is matched to a MODELS entry whatever its case."
    router = LegacyRouter({'_x': {'MODELS': ['ghostapp.CamelCase']}})
    assert router.allow_migrate('_x', 'ghostapp', 'camelcase') is True
    assert router.allow_migrate('default', 'ghostapp', 'camelcase') is False
    assert router.allow_migrate('default', 'ghostapp', 'other') is True


def test_the_router_agrees_with_model_connection_name(isolated_settings):
    isolated_settings.OTHER_DATABASES = dict(DATABASES)
    router = LegacyRouter(DATABASES)
    for model in PLACED:
        assert alias_for(model_connection_name(model)) == router.db_for_write(model)


@pytest.fixture
def project(tmp_path):
    (tmp_path / 'compare_settings.py').write_text(textwrap.dedent('''
        DATABASE_ENGINE = 'sqlite3'
        DATABASE_NAME = 'unused.db'
        INSTALLED_APPS = ('tests.placedapp',)
        OTHER_DATABASES = %r
    ''' % (DATABASES,)))
    return tmp_path


@needs_django
def test_compare_shows_db_connection_models_placed_alike_under_real_django(project):
    "compare used to print NO for the models placed by Meta.db_connection."
    result = compare(project)
    assert result.returncode == 0, result.stderr
    rows = [line.split() for line in result.stdout.splitlines()
            if line.startswith('placedapp.')]
    placed = {r[0]: r[1:] for r in rows[:4]}
    assert placed == {'placedapp.Ledger': ['_ledger', '_ledger', 'yes'],
                      'placedapp.Entry': ['_ledger', '_ledger', 'yes'],
                      'placedapp.Note': ['_notes', '_notes', 'yes'],
                      'placedapp.Plain': ['<default>', 'default', 'yes']}
    landed = {r[0]: r[1:] for r in rows[4:]}
    assert landed == {'placedapp.Ledger': ['_ledger', '_ledger', 'yes'],
                      'placedapp.Entry': ['_ledger', '_ledger', 'yes'],
                      'placedapp.Note': ['_notes', '_notes', 'yes'],
                      'placedapp.Plain': ['default', 'default', 'yes']}

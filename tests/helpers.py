"""Helpers shared by the pytest tests."""

import contextlib
import io

import pytest

from django_legacy.core.management import main
from django_legacy.db import transaction


@contextlib.contextmanager
def installed(*models):
    """Installs the models' tables on their connections for the block, then
    drops them."""
    pending = {}
    for model in models:
        pending = model.objects.install(pending=pending)
    try:
        yield
    finally:
        transaction.rollback_unless_managed()
        for model in reversed(models):
            model.objects.drop(cascade=True)


@contextlib.contextmanager
def managed_block():
    "A managed transaction block (enter, managed(True)) for the with-block; left after."
    transaction.enter_transaction_management()
    try:
        transaction.managed(True)
        yield
    finally:
        transaction.leave_transaction_management()


def only_the_operation_that_met_a_drop_fails(drop):
    """``drop()`` has the server drop the Author connection (restart,
    KILL): the next operation fails with our DatabaseError, the one after
    opens a new connection. Returns the error the first operation met."""
    from django_legacy.db import DatabaseError
    from tests.testapp.models import Author
    Author(name='before').save()
    drop()
    with pytest.raises(DatabaseError) as raised:
        Author.objects.count()
    assert type(raised.value).__module__ == 'django_legacy.db.backends'
    assert Author.objects.count() == 1      # a new connection, opened on use
    drop()
    with pytest.raises(DatabaseError):
        Author(name='lost').save()          # meets the dead connection
    Author(name='after').save()
    assert sorted(a.name for a in Author.objects.all()) == ['after', 'before']
    return raised.value


def a_drop_in_a_managed_block_loses_only_that_transaction(drop):
    """``drop()`` has the server drop the Author connection inside a managed
    block: the rest of the block cannot commit alone on a new connection
    until it is rolled back."""
    from django_legacy.db import DatabaseError
    from tests.testapp.models import Author
    Author(name='committed').save()
    with managed_block():
        Author(name='uncommitted').save()
        drop()
        with pytest.raises(DatabaseError):
            Author(name='lost').save()
        with pytest.raises(DatabaseError, match='lost with a transaction open'):
            Author(name='alone').save()
        transaction.rollback()              # raises nothing on the dropped connection
        Author(name='retried').save()
        transaction.commit()
    assert sorted(a.name for a in Author.objects.all()) == ['committed', 'retried']


@contextlib.contextmanager
def logged(model):
    """Yields the list of statements the model's connection runs in the
    block (the query log that DEBUG turns on), filled when the block ends."""
    wrapper = model.objects.db.connection
    wrapper.settings.DEBUG, wrapper.queries = True, []
    statements = []
    try:
        yield statements
    finally:
        wrapper.settings.DEBUG = False
        statements.extend(query['sql'] for query in wrapper.queries)


@contextlib.contextmanager
def assert_queries(count, model):
    """Asserts that the block runs ``count`` statements on ``model``'s
    connection (by its query log); yields the list of them."""
    with logged(model) as statements:
        yield statements
    assert len(statements) == count, 'expected %d statements, ran %d:\n%s' % (
        count, len(statements), '\n'.join(statements))


def place(settings, name, *labels):
    "Adds model labels to the MODELS of OTHER_DATABASES[name]."
    settings.OTHER_DATABASES[name].setdefault('MODELS', [])
    settings.OTHER_DATABASES[name]['MODELS'] = list(
        settings.OTHER_DATABASES[name]['MODELS']) + list(labels)


def place_on_engine(settings, engine, app):
    """Places ``app``'s models on connection 'other' of ``engine``, a database
    that is never opened (for tests of the SQL each backend builds)."""
    settings.OTHER_DATABASES['other'] = {
        'DATABASE_ENGINE': engine, 'DATABASE_NAME': 'nowhere', 'MODELS': [app]}
    return engine


def engine():
    "The engine the tests run on (DJANGO_SETTINGS_MODULE's DATABASE_ENGINE)."
    from django_legacy.conf import settings
    return settings.DATABASE_ENGINE


def only_on(name, why):
    "Marks a test that checks something only the ``name`` engine has."
    import pytest
    return pytest.mark.skipif(engine() != name, reason='%s-only: %s' % (name, why))


def qn(name):
    "Quotes a name as the engine the tests run on does (backticks on MySQL)."
    from django_legacy.db import backend
    return backend.quote_name(name)


def except_on(name, why):
    "Marks a test of behaviour the ``name`` engine does not have."
    import pytest
    return pytest.mark.skipif(engine() == name, reason='not on %s: %s' % (name, why))


def install_only(settings, *apps):
    """Sets INSTALLED_APPS to ``apps`` and keeps in each OTHER_DATABASES
    entry's MODELS only what names them (validate reports an app that is
    not installed)."""
    settings.INSTALLED_APPS = tuple(apps)
    labels = {app.split('.')[-1] for app in apps}
    for entry in settings.OTHER_DATABASES.values():
        entry['MODELS'] = [item for item in entry.get('MODELS', [])
                           if item.split('.')[0] in labels]


def run(*argv):
    "Runs the command line ``argv``; returns (status, printed out, printed err)."
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def syncdb_failing_at_trip():
    """Runs syncdb with Trip's table renamed to one the same plan creates
    earlier, so that its CREATE TABLE fails; returns what run() returns."""
    from tests.testapp import models as app_models
    table = app_models.Trip._meta.db_table
    app_models.Trip._meta.db_table = 'testapp_counter'
    try:
        return run('syncdb', '--verbosity', '0')
    finally:
        app_models.Trip._meta.db_table = table

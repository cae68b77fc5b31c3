"""Installing many models at once, carrying pending references (part of the branch's django/core/management.py).

New as a module: the branch kept this in its one management.py.
"""

from django_legacy.core.exceptions import ImproperlyConfigured
from django_legacy.db import transaction
from django_legacy.db.models import loading


class PendingReferencesError(ImproperlyConfigured):
    "Every model was installed but some references never found their target."


def installed_models():
    """Returns the models of INSTALLED_APPS whose table exists on their
    connection (the table list is read once per connection)."""
    tables = {}
    found = set()
    for model in loading.get_models():
        db = model._default_manager.db
        if id(db) not in tables:
            tables[id(db)] = set(model._default_manager.get_table_list())
        if model._meta.db_table in tables[id(db)]:
            found.add(model)
    return found


def install_models(models, initial_data=True, pending=None, verbosity=1, out=None):
    """Installs ``models`` in order through Manager.install, carrying the
    pending references from one to the next; returns what is still pending."""
    pending = {} if pending is None else pending
    for model in models:
        if verbosity >= 1 and out is not None:
            out.write('Creating table %s\n' % model._meta.db_table)
        pending = model._default_manager.install(initial_data=initial_data, pending=pending)
    return pending


def pending_message(pending):
    return 'All apps were installed, but there were still pending references to: %s' % (
        ', '.join(sorted('%s.%s' % (m._meta.app_label, m._meta.object_name) for m in pending)))


def syncdb(verbosity=1, interactive=True, out=None):
    """Creates the tables of every model of INSTALLED_APPS that has none yet.

    Runs as one managed transaction over every connection it touches: if a
    statement fails, or references are left pending, all of it is rolled
    back and the error raised. Returns the installed models.
    """
    already = installed_models()
    models = [m for m in loading.get_models() if m not in already]
    transaction.enter_transaction_management()
    transaction.managed(True)
    try:
        pending = install_models(models, initial_data=True, verbosity=verbosity, out=out)
        if pending:
            raise PendingReferencesError(pending_message(pending))
        transaction.commit()
    except BaseException:
        transaction.rollback()
        raise
    finally:
        transaction.leave_transaction_management()
    return models

"""Installing many models at once, carrying pending references (part of the branch's django/core/management.py).

New as a module: the branch kept this in its one management.py.
"""

import contextlib

from django_legacy.core.exceptions import ImproperlyConfigured
from django_legacy.core.management.sql import Builders, install_plan, reset_plan
from django_legacy.db import transaction
from django_legacy.db.models import loading


class PendingReferencesError(ImproperlyConfigured):
    "Every model was installed but some references never found their target."


def pending_message(pending):
    return 'All apps were installed, but there were still pending references to: %s' % (
        ', '.join(sorted('%s.%s' % (m._meta.app_label, m._meta.object_name) for m in pending)))


def uninstalled(models, builders):
    "Returns the models whose table does not exist on their connection."
    return [m for m in models if not builders.for_model(m).has_table(m._meta.db_table)]


def checked_install_plan(models, builders=None):
    """Returns the plan that installs ``models``; raises PendingReferencesError
    if references would be left waiting for a model that is not installed."""
    plan, pending = install_plan(models, builders=builders)
    if pending:
        raise PendingReferencesError(pending_message(pending))
    return plan


@contextlib.contextmanager
def all_or_nothing():
    """Runs the block as one managed transaction over every connection it
    touches: all of it is committed, or on any error all of it is rolled
    back and the error raised."""
    transaction.enter_transaction_management()
    transaction.managed(True)
    try:
        yield
        transaction.commit()
    except BaseException:
        transaction.rollback()
        raise
    finally:
        transaction.leave_transaction_management()


def run_managed(plan):
    "Executes a plan all or nothing (see all_or_nothing); returns the plan."
    with all_or_nothing():
        plan.execute()
    return plan


def install(models):
    """Installs ``models`` (their tables, indexes, join tables and initial
    data); returns the plan it ran."""
    return run_managed(checked_install_plan(models))


def syncdb(verbosity=1, interactive=True, out=None):
    """Creates the tables of every model of INSTALLED_APPS that has none yet,
    in one transaction over all connections (see run_managed), then loads
    the ``initial_data`` fixtures (see fixtures.load_data). Returns the
    installed models."""
    from django_legacy.core.management.fixtures import load_data
    builders = Builders()
    models = uninstalled(loading.get_models(), builders)
    run_managed(checked_install_plan(models, builders))
    if verbosity >= 1 and out is not None:
        for model in models:
            out.write('Creating table %s\n' % model._meta.db_table)
    emit_post_syncdb(models, verbosity, interactive)
    load_data(['initial_data'], verbosity=verbosity, out=out)
    return models


def emit_post_syncdb(created_models, verbosity=1, interactive=True):
    """Sends post_syncdb once per installed app, as 0.96 did after syncdb
    and flush (contrib.contenttypes listens, to forget the ids it read)."""
    from django_legacy.db.models import signals
    from django_legacy.dispatch import dispatcher
    for app in loading.get_apps():
        dispatcher.send(signal=signals.post_syncdb, sender=app, app=app,
                        created_models=created_models, verbosity=verbosity,
                        interactive=interactive)


def reset(models):
    "Drops the models' tables and installs them again; returns the plan."
    return run_managed(reset_plan(models))

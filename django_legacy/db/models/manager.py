"""Managers: the table-level interface of a model (rebuilds django/db/models/manager.py of the branch).

``Manager.db`` is the manager's ConnectionInfo (see ConnectionInfoDescriptor
in django_legacy.db); every query, save and schema change of the model runs
on it.
"""

from django_legacy.db import ConnectionInfoDescriptor, DatabaseError, transaction
from django_legacy.db.models.query import NOT_SIMPLE, EmptyQuerySet, QuerySet, fast_get


def ensure_default_manager(cls):
    "Gives a model without a manager the manager ``objects``."
    if '_default_manager' not in cls.__dict__:
        if hasattr(cls, 'objects'):
            raise ValueError("Model %s must specify a custom Manager, because it has a "
                             "field named 'objects'" % cls.__name__)
        cls.add_to_class('objects', Manager())


class Manager:
    """Proxies queries to a QuerySet of its model, and installs or drops
    the model's table on the model's own connection."""

    creation_counter = 0
    db = ConnectionInfoDescriptor()

    def __init__(self):
        self.creation_counter = Manager.creation_counter
        Manager.creation_counter += 1
        self.model = None

    def contribute_to_class(self, model, name):
        self.model = model
        setattr(model, name, ManagerDescriptor(self))
        default = model.__dict__.get('_default_manager')
        if default is None or self.creation_counter < default.creation_counter:
            model._default_manager = self

    def __repr__(self):
        if self.model is None:
            return '<%s (unbound)>' % self.__class__.__name__
        return '<%s of %s>' % (self.__class__.__name__, self.model._meta.object_name)

    def get_query_set(self):
        "Returns the QuerySet every method of the manager starts from."
        return QuerySet(self.model)

    def get_empty_query_set(self):
        "Returns the queryset none() returns: it matches nothing."
        return EmptyQuerySet(self.model)

    def none(self):
        return self.get_empty_query_set()

    def all(self):
        return self.get_query_set()

    def dates(self, *args, **kwargs):
        return self.get_query_set().dates(*args, **kwargs)

    def count(self):
        return self.get_query_set().count()

    def filter(self, *args, **kwargs):
        return self.get_query_set().filter(*args, **kwargs)

    def exclude(self, *args, **kwargs):
        return self.get_query_set().exclude(*args, **kwargs)

    def complex_filter(self, *args, **kwargs):
        return self.get_query_set().complex_filter(*args, **kwargs)

    def get(self, *args, **kwargs):
        if not args and kwargs and type(self).get_query_set is Manager.get_query_set:
            found = fast_get(self.model, kwargs)   # no queryset to build for a simple get
            if found is not NOT_SIMPLE:
                return found
            # Tried already: the queryset goes straight to the compiler.
            return self.get_query_set()._get_by_filter(args, kwargs)
        return self.get_query_set().get(*args, **kwargs)

    def get_or_create(self, **kwargs):
        return self.get_query_set().get_or_create(**kwargs)

    def create(self, **kwargs):
        return self.get_query_set().create(**kwargs)

    def in_bulk(self, *args, **kwargs):
        return self.get_query_set().in_bulk(*args, **kwargs)

    def iterator(self):
        return self.get_query_set().iterator()

    def latest(self, *args, **kwargs):
        return self.get_query_set().latest(*args, **kwargs)

    def order_by(self, *args, **kwargs):
        return self.get_query_set().order_by(*args, **kwargs)

    def select_related(self, *args, **kwargs):
        return self.get_query_set().select_related(*args, **kwargs)

    def values(self, *args, **kwargs):
        return self.get_query_set().values(*args, **kwargs)

    def extra(self, *args, **kwargs):
        return self.get_query_set().extra(*args, **kwargs)

    def distinct(self, *args, **kwargs):
        return self.get_query_set().distinct(*args, **kwargs)

    # -- schema manipulation, on the model's own connection ------------------

    def get_builder(self):
        """Returns a new SchemaBuilder bound to the model's connection (it
        reads the connection's table list when it first needs it)."""
        return self.db.get_creation_module().get_builder(self.db)

    def get_install_statements(self, initial_data=False, pending=None, builder=None,
                               indexes=True):
        """Returns (statements, pending): what install() would execute, and
        the references left waiting, {referenced model: [(model, field)]}.

        ``builder`` carries what earlier models created when several are
        planned before any is run (by default, a new one bound to the
        model's connection); ``pending``, if given, becomes the builder's;
        ``indexes`` and ``initial_data`` say whether to include those
        statements.
        """
        builder = builder or self.get_builder()
        if pending is not None:
            builder.pending = pending
        statements = builder.plan_install(self.model, initial_data=initial_data, indexes=indexes)
        return statements, builder.pending

    def install(self, initial_data=False, pending=None):
        """Creates the model's table, indexes and the many-to-many tables
        whose other side exists (and with ``initial_data`` loads its initial
        SQL) on the model's connection.

        Returns the pending dict: {referenced model: [(referencing model,
        field)]} for references whose target table does not exist yet; {} if
        none.
        """
        statements, pending = self.get_install_statements(initial_data, pending)
        _execute(statements, self.db)
        return pending

    def get_pending(self, rel_class, field):
        """Returns the BoundStatement adding the constraint from
        ``rel_class.field`` to this manager's model."""
        return self.get_builder().get_ref_sql(self.model, rel_class, field)

    def load_initial_data(self):
        "Executes the model's initial SQL; returns the statements."
        statements = self.get_builder().get_initialdata(self.model)
        _execute(statements, self.db)
        return statements

    def get_drop_statements(self, cascade=False):
        "Returns the statements drop(cascade) would execute."
        return self.get_builder().get_drop_table(self.model, cascade=cascade)

    def drop(self, cascade=False):
        """Drops the model's table (with ``cascade``, also its many-to-many
        tables and the constraints other tables hold on it). Returns the
        executed statements."""
        statements = self.get_drop_statements(cascade)
        _execute(statements, self.db)
        return statements

    def get_table_list(self):
        "Returns the names of the tables on the model's connection."
        return self.get_builder().get_table_list(self.db)

    def get_installed_models(self, table_list):
        "Returns the set of registered models whose table is in ``table_list``."
        from django_legacy.db.models import loading
        tables = set(table_list)
        return {m for m in loading.all_models() if m._meta.db_table in tables}


def _execute(statements, db):
    """Runs statements; commits their connections unless transactions are
    managed, or rolls them back if one fails."""
    connections = [db] + [s.connection for s in statements]
    if len(statements) == 1:
        try:
            transaction.execute_committed(statements[0].connection, statements[0].sql)
        except DatabaseError as e:
            named = statements[0].named(e)
            if named is e:
                raise
            raise named from e
        return
    try:
        for statement in statements:
            statement.execute()
    except Exception:
        transaction.rollback_unless_managed(connections)
        raise
    transaction.commit_unless_managed(connections)


class ManagerDescriptor:
    "Makes a manager reachable from the model class only."

    def __init__(self, manager):
        self.manager = manager

    def __get__(self, instance, owner=None):
        if instance is not None:
            raise AttributeError("Manager isn't accessible via %s instances"
                                 % type(instance).__name__)
        return self.manager

"""The statements of the SQL actions, per connection (part of the branch's django/core/management.py).

Each function returns a Plan: (connection name, BoundStatement) pairs in
the order they run. The SQL actions print a plan; install, syncdb and reset
execute the same plan, so what is printed is what runs.
"""

from django_legacy.db import model_connection_name


class Plan:
    "Statements with the names of the connections they run on, in order."

    def __init__(self):
        self.items = []
        self.messages = []     # what the plan could not do, for standard error

    def add(self, name, statements):
        self.items.extend((name, statement) for statement in statements)

    def extend(self, other):
        self.items.extend(other.items)
        self.messages.extend(other.messages)

    def connection_names(self):
        "Returns the names the plan uses, the default first."
        return sorted({name for name, _ in self.items})

    def render(self):
        """Returns the plan as text: bare statements for one connection,
        grouped between marker lines for several."""
        names = self.connection_names()
        if len(names) <= 1:
            return ''.join('%s\n' % statement for _, statement in self.items)
        lines = []
        for name in names:
            lines.append(' -- The following statements are for connection: %s' % name)
            lines.extend(str(s) for n, s in self.items if n == name)
            lines.append(' -- END statements for %s' % name)
        return '\n'.join(lines) + '\n'

    def execute(self):
        "Runs every statement, in order."
        for _, statement in self.items:
            statement.execute()


class Builders:
    """One bound SchemaBuilder per connection for a whole plan, so that a
    model planned earlier counts as created for the models planned after it."""

    def __init__(self):
        self._builders = {}

    def for_model(self, model):
        db = model._default_manager.db
        key = id(db.connection)
        if key not in self._builders:
            self._builders[key] = model._default_manager.get_builder()
        return self._builders[key]

    def pending(self):
        "Returns the references still waiting, over every connection's builder."
        pending = {}
        for builder in self._builders.values():
            pending.update(builder.pending)
        return pending


def install_plan(models, initial_data=True, indexes=True, builders=None):
    """Returns (plan, pending): what installing ``models`` in order runs,
    and the references still waiting at the end."""
    builders = builders or Builders()
    plan = Plan()
    for model in models:
        statements = builders.for_model(model).plan_install(
            model, initial_data=initial_data, indexes=indexes)
        plan.add(model_connection_name(model), statements)
    return plan, builders.pending()


def _builder_plan(models, method):
    "Returns the plan of one builder method (by name) over ``models``."
    builders, plan = Builders(), Plan()
    for model in models:
        plan.add(model_connection_name(model), getattr(builders.for_model(model), method)(model))
    return plan


def index_plan(models):
    "Returns the CREATE INDEX statements of ``models``."
    return _builder_plan(models, 'get_create_indexes')


def initial_data_plan(models):
    "Returns the initial-data statements of ``models``."
    return _builder_plan(models, 'get_initialdata')


def clear_plan(models, builders=None):
    """Returns the plan that drops the tables of ``models`` that exist, last
    model first, with their many-to-many tables and the constraints other
    tables hold on them."""
    builders = builders or Builders()
    plan = Plan()
    for model in reversed(list(models)):
        builder = builders.for_model(model)
        if builder.has_table(model._meta.db_table):
            plan.add(model_connection_name(model), builder.get_drop_table(model, cascade=True))
            builder.forget(model)
    return plan


def reset_plan(models):
    "Returns what reset runs: the clear plan, then the install plan, of ``models``."
    builders = Builders()
    plan = clear_plan(models, builders)
    plan.extend(install_plan(models, builders=builders)[0])
    return plan


def flush_tables(models, builders):
    """Returns {connection name: (ConnectionInfo, [table, ...])}: the
    existing tables of ``models`` and of their many-to-many fields, grouped
    by connection, join tables before the tables they join."""
    found = {}
    for model in models:
        db = model._default_manager.db
        builder = builders.for_model(model)
        name = model_connection_name(model)
        tables = found.setdefault(name, (db, []))[1]
        for table in [f.m2m_db_table() for f in model._meta.many_to_many]:
            if builder.table_exists(db, table) and table not in tables:
                tables.insert(0, table)
        if builder.table_exists(db, model._meta.db_table):
            tables.append(model._meta.db_table)
    return found


def flush_plan(models):
    """Returns what flush runs: on each connection, the statements that
    empty the existing tables of ``models`` (see each builder's get_flush)."""
    builders = Builders()
    plan = Plan()
    for name, (db, tables) in sorted(flush_tables(models, builders).items()):
        plan.add(name, db.get_creation_module().get_builder(db).get_flush(db, tables))
    return plan


def sequence_reset_plan(models):
    """Returns the plan of sequence resets; a model whose backend has no
    sequences gets a message instead."""
    plan = Plan()
    for model in models:
        db = model._default_manager.db
        if db.backend.supports_sequence_reset:
            plan.add(model_connection_name(model), model._default_manager.get_builder().get_sequence_reset(model))
        else:
            plan.messages.append(
                '%s is configured to use database engine %s, which does not support '
                'sequence reset.' % (model._meta.object_name, db.settings.DATABASE_ENGINE))
    return plan


__all__ = ('Plan', 'Builders', 'install_plan', 'index_plan', 'initial_data_plan',
           'clear_plan', 'reset_plan', 'flush_plan', 'sequence_reset_plan')

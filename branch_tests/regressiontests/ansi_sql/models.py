"""
The schema builder of django_legacy.db.backends.ansi.sql: it returns
statements bound to the model's connection and runs none of them.

>>> from django_legacy.db.backends.ansi import sql

# So that the test is the same on every backend, pretend the backend
# supports constraints; the real flag is put back at the end.
>>> real_cnst = Mod._default_manager.db.backend.supports_constraints
>>> Mod._default_manager.db.backend.supports_constraints = True

# Generate the CREATE TABLE statement. The builder remembers the models it
# has seen. (The id's column type depends on the backend: integer on
# SQLite, serial on PostgreSQL.)
>>> builder = sql.SchemaBuilder()
>>> builder.get_create_table(Car)
([BoundStatement('CREATE TABLE "ansi_sql_car" (...);')], {})
>>> print(builder.get_create_table(Car)[0][0])
CREATE TABLE "ansi_sql_car" (
    "id" ... NOT NULL PRIMARY KEY,
    "make" varchar(32) NOT NULL,
    "model" varchar(32) NOT NULL,
    "year" integer NOT NULL,
    "condition" varchar(32) NOT NULL
);
>>> builder.models_already_seen
{<class 'regressiontests.ansi_sql.models.Car'>}
>>> builder.models_already_seen = set()

# Statements are bound to the model's connection.
>>> builder.get_create_table(Car)[0][0].connection is Car.objects.db.connection
True

# A style wraps keywords, table and field names, and column types.
>>> builder.models_already_seen = set()
>>> builder.get_create_table(Car, style=mockstyle())
([BoundStatement('SQL_KEYWORD(CREATE TABLE) SQL_TABLE("ansi_sql_car") (...SQL_FIELD("id") SQL_COLTYPE(...) SQL_KEYWORD(NOT NULL) SQL_KEYWORD(PRIMARY KEY)...);')], {})

# A reference to a model not yet seen is left pending: the pending dict
# maps the referenced model to (referencing model, field) pairs.
>>> builder.models_already_seen = set()
>>> builder.get_create_table(Mod)
([BoundStatement('CREATE TABLE "ansi_sql_mod" (...\\n    "car_id" integer NOT NULL,\\n...);')], {<class 'regressiontests.ansi_sql.models.Car'>: [(<class 'regressiontests.ansi_sql.models.Mod'>, <django_legacy.db.models.fields.related.ForeignKey ...>)]})

# When the referenced model's table is built with that pending dict, the
# constraint follows it (on backends that support constraints). This is the
# ANSI builder; PostgreSQL's own adds DEFERRABLE INITIALLY DEFERRED, as 0.96
# wrote its references.
>>> pending = builder.get_create_table(Mod)[1]
>>> statements, pending = builder.get_create_table(Car, pending=pending)
>>> statements
[BoundStatement('CREATE TABLE "ansi_sql_car" (...);'), BoundStatement('ALTER TABLE "ansi_sql_mod" ADD CONSTRAINT "id_refs_car_id_..." FOREIGN KEY ("car_id") REFERENCES "ansi_sql_car" ("id")...;')]
>>> pending
{}

# The constraint name is the same in every process.
>>> builder.get_ref_sql(Car, Mod, Mod._meta.get_field('car'))
BoundStatement('ALTER TABLE "ansi_sql_mod" ADD CONSTRAINT "id_refs_car_id_3a44811f" FOREIGN KEY ("car_id") REFERENCES "ansi_sql_car" ("id")...;')

# Once the referenced model has been seen, the reference is written inline.
>>> builder.models_already_seen = set()
>>> builder.get_create_table(Car)
([BoundStatement('CREATE TABLE "ansi_sql_car" (...);')], {})
>>> builder.get_create_table(Mod)
([BoundStatement('CREATE TABLE "ansi_sql_mod" (...\\n    "car_id" integer NOT NULL REFERENCES "ansi_sql_car" ("id")...,\\n...);')], {})

# Many-to-many tables are returned keyed by the model they point at.
>>> builder.get_create_table(Collector)
([BoundStatement('CREATE TABLE "ansi_sql_collector" (...);')], {})
>>> builder.get_create_many_to_many(Collector)
{<class 'regressiontests.ansi_sql.models.Car'>: [BoundStatement('CREATE TABLE "ansi_sql_collector_cars" (...);')]}
>>> print(builder.get_create_many_to_many(Collector)[Car][0])
CREATE TABLE "ansi_sql_collector_cars" (
    "id" ... NOT NULL PRIMARY KEY,
    "collector_id" integer NOT NULL REFERENCES "ansi_sql_collector" ("id")...,
    "car_id" integer NOT NULL REFERENCES "ansi_sql_car" ("id")...,
    UNIQUE ("collector_id", "car_id")
);

# Indexes: foreign keys are indexed by default, as are db_index fields.
>>> builder.get_create_indexes(Car)
[]
>>> builder.get_create_indexes(Mod)
[BoundStatement('CREATE INDEX ansi_sql_mod_car_id ON "ansi_sql_mod" ("car_id");'), BoundStatement('CREATE INDEX ansi_sql_mod_part ON "ansi_sql_mod" ("part");')]
>>> builder.get_create_indexes(Collector)
[]

# Initial data comes from the app's sql/<model>.<engine>.sql (then
# sql/<model>.sql), one statement each. Car's is one file per engine, as
# its column "condition" is a reserved word on MySQL.
>>> [str(s).split('values')[1] for s in builder.get_initialdata(Car)]
[" ('Studebaker', 'Champion', 1950, 'fair');"]
>>> builder.get_initialdata(Mod)
[]

# Dropping.
>>> builder.get_drop_table(Mod)
[BoundStatement('DROP TABLE "ansi_sql_mod";')]
>>> builder.get_drop_table(Mod, cascade=True)
[BoundStatement('DROP TABLE "ansi_sql_mod";')]
>>> builder.get_drop_table(Car)
[BoundStatement('DROP TABLE "ansi_sql_car";')]

# Drop with cascade: where the backend supports constraints and the
# referencing table exists, its constraint is dropped first (DROP CONSTRAINT
# in ANSI SQL, DROP FOREIGN KEY on MySQL).
>>> builder.tables = ['ansi_sql_car', 'ansi_sql_mod', 'ansi_sql_collector']
>>> Mod._default_manager.db.backend.supports_constraints = False
>>> Car._default_manager.db.backend.supports_constraints
False
>>> builder.get_drop_table(Car, cascade=True)
[BoundStatement('DROP TABLE "ansi_sql_car";')]
>>> Mod._default_manager.db.backend.supports_constraints = True
>>> Car._default_manager.db.backend.supports_constraints
True
>>> dropped = builder.get_drop_table(Car, cascade=True)
>>> dropped
[BoundStatement('ALTER TABLE "ansi_sql_mod" DROP ... "id_refs_car_id_3a44811f";'), BoundStatement('DROP TABLE "ansi_sql_car";')]
>>> ' %s ' % Mod._default_manager.db.backend.get_drop_foreignkey_sql() in str(dropped[0])
True

# If the referencing table does not exist, there is no constraint to drop.
>>> builder.tables = ['ansi_sql_car']
>>> builder.get_drop_table(Car, cascade=True)
[BoundStatement('DROP TABLE "ansi_sql_car";')]

# With cascade, a model's many-to-many tables go too, before it...
>>> builder.tables = ['ansi_sql_car', 'ansi_sql_collector', 'ansi_sql_collector_cars']
>>> builder.get_drop_table(Collector)
[BoundStatement('DROP TABLE "ansi_sql_collector";')]
>>> builder.get_drop_table(Collector, cascade=True)
[BoundStatement('DROP TABLE "ansi_sql_collector_cars";'), BoundStatement('DROP TABLE "ansi_sql_collector";')]

# ... but not a join table that was never created (it waited for its target).
>>> builder.tables = ['ansi_sql_collector']
>>> builder.get_drop_table(Collector, cascade=True)
[BoundStatement('DROP TABLE "ansi_sql_collector";')]
>>> Mod._default_manager.db.backend.supports_constraints = real_cnst
"""

from django_legacy.db import models


class Car(models.Model):
    make = models.CharField(maxlength=32)
    model = models.CharField(maxlength=32)
    year = models.IntegerField()
    condition = models.CharField(maxlength=32)


class Collector(models.Model):
    name = models.CharField(maxlength=32)
    cars = models.ManyToManyField(Car)


class Mod(models.Model):
    car = models.ForeignKey(Car)
    part = models.CharField(maxlength=32, db_index=True)
    description = models.TextField()


class mockstyle:
    "A style that wraps text in STYLE(text), for testing."

    def __getattr__(self, attr):
        if attr in ('ERROR', 'ERROR_OUTPUT', 'SQL_FIELD', 'SQL_COLTYPE',
                    'SQL_KEYWORD', 'SQL_TABLE'):
            return lambda text: "%s(%s)" % (attr, text)
        raise AttributeError(attr)

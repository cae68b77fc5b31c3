"""
XXX. Using multiple database connections

Django normally uses one database connection. This branch adds named
connections: any number of them, each defined in the settings, entirely
optional, and with no effect on a project that does not use them.

Named connections are defined in ``OTHER_DATABASES``, a dict that maps a
connection name to that connection's settings. The settings use the same
names as the default connection (``DATABASE_ENGINE``, ``DATABASE_NAME``...);
a setting an entry leaves out is taken from the default connection. An
entry's ``MODELS`` list says which apps (``'app_label'``) or models
(``'app_label.ClassName'``) use it.

This test runs with two named test connections, ``_a`` and ``_b``:
Artist and Opus are configured to use ``_a``, Widget and DooHickey ``_b``,
and Vehicle uses the default connection.

Connections are reached through ``django_legacy.db.connections``, which
behaves like a dict keyed by connection name; a connection is made when it
is first asked for. Each holds a ``ConnectionInfo`` with the attributes
``settings``, ``connection``, ``backend``, ``DatabaseError`` and the methods
``get_introspection_module``, ``get_creation_module`` and ``runshell``.

A model reaches its connection through its default manager:
``Model.objects.db``.
"""

from django_legacy.db import models


class Artist(models.Model):
    name = models.CharField(maxlength=100)
    alive = models.BooleanField(default=True)

    def __str__(self):
        return self.name


class Opus(models.Model):
    artist = models.ForeignKey(Artist)
    name = models.CharField(maxlength=100)
    year = models.IntegerField()

    def __str__(self):
        return "%s (%s)" % (self.name, self.year)


class Widget(models.Model):
    code = models.CharField(maxlength=10, unique=True)
    weight = models.IntegerField()

    def __str__(self):
        return self.code


class DooHickey(models.Model):
    name = models.CharField(maxlength=50)
    widgets = models.ManyToManyField(Widget, related_name='doohickeys')

    def __str__(self):
        return self.name


class Vehicle(models.Model):
    make = models.CharField(maxlength=20)
    model = models.CharField(maxlength=20)
    year = models.IntegerField()

    def __str__(self):
        return "%d %s %s" % (self.year, self.make, self.model)


__test__ = {'API_TESTS': """

# What connections are configured? connections.keys() lists the default
# connection (printed as <default>) and every name in OTHER_DATABASES.
>>> from django_legacy.db import connection, connections, _default
>>> from django_legacy.conf import settings
>>> connections.keys()
[<default>, '_a', '_b']

# Each connection keeps the settings it was made from.
>>> connections['_a'].settings.DATABASE_NAME == settings.OTHER_DATABASES['_a']['DATABASE_NAME']
True
>>> connections['_b'].settings.DATABASE_NAME == settings.OTHER_DATABASES['_b']['DATABASE_NAME']
True
>>> connections['_b'].settings.DATABASE_NAME == connections['_a'].settings.DATABASE_NAME
False

# A setting an entry leaves out comes from the default connection.
>>> connections['_a'].settings.DATABASE_ENGINE == settings.DATABASE_ENGINE
True

# The default connection is in the registry too, under _default, and the
# module-level name ``connection`` stands for its DatabaseWrapper.
>>> connections[_default].settings.DATABASE_NAME == settings.DATABASE_NAME
True
>>> connection.settings is connections[_default].connection.settings
True

# An unknown connection name raises ImproperlyConfigured.
>>> connections['bad']
Traceback (most recent call last):
 ...
ImproperlyConfigured: No database connection 'bad' has been configured

# Which connection does each model use?
>>> from django_legacy.db import model_connection_name
>>> model_connection_name(Artist), model_connection_name(Widget), model_connection_name(Vehicle)
('_a', '_b', <default>)

# Models reach their connections through their managers.
>>> Artist.objects.db is connections['_a']
True
>>> Widget.objects.db is connections['_b']
True
>>> Vehicle.objects.db is connections[_default]
True
>>> Artist.objects.db.connection.settings == Widget.objects.db.connection.settings
False

# The 2006 spelling still works: _meta.connection is the model's
# DatabaseWrapper, _meta.connection_info its ConnectionInfo.
>>> Artist._meta.connection is connections['_a'].connection
True
>>> Vehicle._meta.connection_info is connections[_default]
True

# Managers use their models' connections for every query.
>>> a = Artist(name="Paul Klee", alive=False)
>>> a.save()
>>> w = Widget(code='100x2r', weight=1000)
>>> w.save()
>>> v = Vehicle(make='Chevy', model='Camaro', year='1966')
>>> v.save()
>>> list(Artist.objects.all())
[<Artist: Paul Klee>]
>>> list(Widget.objects.all())
[<Widget: 100x2r>]
>>> list(Vehicle.objects.all())
[<Vehicle: 1966 Chevy Camaro>]

# The rows really are in three databases: each table exists only on its
# model's connection.
>>> 'multiple_databases_artist' in Artist.objects.get_table_list()
True
>>> 'multiple_databases_artist' in Widget.objects.get_table_list()
False
>>> 'multiple_databases_widget' in Vehicle.objects.get_table_list()
False

# When transactions are not managed, a model's save() commits only that
# model's connection.

>>> from django_legacy.db import transaction
>>> transaction.enter_transaction_management()
>>> a = Artist(name="Joan Miro", alive=False)
>>> w = Widget(code="99rbln", weight=1)
>>> a.save()

# Only connection '_a' was written and committed, so rolling back every
# connection loses nothing, and the Widget that was never saved is not there.

>>> transaction.rollback()
>>> list(Artist.objects.all())
[<Artist: Paul Klee>, <Artist: Joan Miro>]
>>> list(Widget.objects.all())
[<Widget: 100x2r>]

# The managed state applies to all connections together.

>>> transaction.managed(True)

# When managed, as with one connection, nothing is committed until a
# commit is issued.

>>> a = Artist(name="Pablo Picasso", alive=False)
>>> a.save()
>>> w = Widget(code="99rbln", weight=1)
>>> w.save()
>>> v = Vehicle(make='Pontiac', model='Fiero', year='1987')
>>> v.save()
>>> transaction.is_dirty('_a'), transaction.is_dirty('_b'), transaction.is_dirty(_default)
(True, True, True)

# commit, rollback and the other transaction functions take the
# connections to act on as the keyword argument ``connections``, or as the
# first positional argument (the decorators: the second). It may be a
# ConnectionInfo, a connection (DatabaseWrapper), a connection name, or a
# list or dict of these; of a dict, the values are used. The registry
# ``connections`` itself stands for the named connections, not the default.

>>> transaction.commit(connections['_b'])
>>> transaction.commit(connections['_b'].connection)
>>> transaction.commit('_b')
>>> transaction.commit(connections='_b')
>>> transaction.commit(connections=['_b'])
>>> transaction.commit({'first': '_a', 'second': connections['_b']})
>>> transaction.commit(['_a', '_b'])
>>> transaction.commit(connections)
>>> transaction.is_dirty('_a'), transaction.is_dirty('_b'), transaction.is_dirty(_default)
(False, False, True)

# Without the connections argument, a transaction function applies to
# every connection. Connections '_a' and '_b' were committed, the default
# connection was not, so the new Vehicle is lost on rollback.

>>> transaction.rollback()
>>> list(Artist.objects.all())
[<Artist: Paul Klee>, <Artist: Joan Miro>, <Artist: Pablo Picasso>]
>>> list(Widget.objects.all())
[<Widget: 100x2r>, <Widget: 99rbln>]
>>> list(Vehicle.objects.all())
[<Vehicle: 1966 Chevy Camaro>]
>>> transaction.managed(False)
>>> transaction.leave_transaction_management()

# A transaction function given an unknown name raises, and touches nothing.
>>> transaction.commit(['_a', 'bad'])
Traceback (most recent call last):
 ...
ImproperlyConfigured: No database connection 'bad' has been configured

# Relations and all other operations work on named connections as on the
# default one. The one caveat: a relation can only be used between models
# whose connections lead to the same database. Two models with different
# connection *names* may be related, as long as in the context where the
# relation is used both names resolve to the same database.

>>> a = Artist.objects.get(name="Paul Klee")
>>> list(a.opus_set.all())
[]
>>> a.opus_set.create(name="Magic Garden", year="1926")
<Opus: Magic Garden (1926)>
>>> list(a.opus_set.all())
[<Opus: Magic Garden (1926)>]
>>> Opus.objects.get(name="Magic Garden").artist
<Artist: Paul Klee>
>>> d = DooHickey(name='Thing')
>>> d.save()
>>> d.widgets.create(code='d101', weight=92)
<Widget: d101>
>>> list(d.widgets.all())
[<Widget: d101>]
>>> w = Widget.objects.get(code='d101')
>>> list(w.doohickeys.all())
[<DooHickey: Thing>]
>>> list(Widget.objects.filter(doohickeys__name='Thing'))
[<Widget: d101>]
"""}

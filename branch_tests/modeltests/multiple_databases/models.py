"""
XXX. Models on several database connections

Out of the box there is one database connection. Settings may name more:
``OTHER_DATABASES`` maps a name of your choosing to a dict of the usual
database settings (``DATABASE_ENGINE``, ``DATABASE_NAME`` and so on), and
whatever such a dict omits is inherited from the default connection. The
dict's ``MODELS`` entry lists the apps (``'label'``) and single models
(``'label.Model'``) that live on that connection. A project that never sets
``OTHER_DATABASES`` behaves exactly as before.

The test settings declare two such connections: ``_a`` holds Artist and
Opus, ``_b`` holds Widget and DooHickey. Vehicle is on no list, so it stays
on the default connection.

``django_legacy.db.connections`` is the registry, looked up like a dict by
connection name; nothing is opened before the first lookup of a name. A
lookup gives a ``ConnectionInfo``: ``settings``, ``connection`` (the
DatabaseWrapper), ``backend``, ``DatabaseError``, plus
``get_introspection_module()``, ``get_creation_module()`` and ``runshell()``.
From a model, the same object is ``Model.objects.db``.
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

>>> from django_legacy.conf import settings
>>> from django_legacy.db import _default, connection, connections, model_connection_name

# The registry's names: the default one first (it prints as <default>),
# then those of OTHER_DATABASES.
>>> connections.keys()
[<default>, '_a', '_b']

# Each registry entry was built from its own part of the settings, and the
# two named ones point at two different databases.
>>> def configured_name(alias):
...     return settings.OTHER_DATABASES[alias]['DATABASE_NAME']
>>> [connections[alias].settings.DATABASE_NAME == configured_name(alias) for alias in ('_a', '_b')]
[True, True]
>>> connections['_a'].settings.DATABASE_NAME == connections['_b'].settings.DATABASE_NAME
False

# _a's entry does not mention an engine, so it has the default's.
>>> connections['_a'].settings.DATABASE_ENGINE == settings.DATABASE_ENGINE
True

# _default is the key of the default connection, and the module-level
# ``connection`` is that entry's wrapper.
>>> connections[_default].settings.DATABASE_NAME == settings.DATABASE_NAME
True
>>> connection.settings is connections[_default].connection.settings
True

# Asking for a name the settings never gave is a configuration error.
>>> connections['bad']
Traceback (most recent call last):
 ...
ImproperlyConfigured: No database connection 'bad' has been configured

# Routing, model by model.
>>> tuple(model_connection_name(m) for m in (Artist, Widget, Vehicle))
('_a', '_b', <default>)

# A model's manager carries its registry entry...
>>> [m.objects.db is connections[alias] for m, alias in ((Artist, '_a'), (Widget, '_b'), (Vehicle, _default))]
[True, True, True]
>>> Widget.objects.db.connection.settings == Artist.objects.db.connection.settings
False

# ...and so does _meta, under the names of 2006: ``connection`` for the
# wrapper, ``connection_info`` for the entry.
>>> Artist._meta.connection is connections['_a'].connection
True
>>> Vehicle._meta.connection_info is connections[_default]
True

# One row per model; each query goes to the model's own connection.
>>> def rows(model):
...     return list(model.objects.all())
>>> klee = Artist(name='Paul Klee', alive=False)
>>> klee.save()
>>> gear = Widget(code='100x2r', weight=640)
>>> gear.save()
>>> camaro = Vehicle(make='Chevy', model='Camaro', year='1966')
>>> camaro.save()
>>> rows(Artist)
[<Artist: Paul Klee>]
>>> rows(Widget)
[<Widget: 100x2r>]
>>> rows(Vehicle)
[<Vehicle: 1966 Chevy Camaro>]

# Three databases, not one: a table is found only on its own model's side.
>>> 'multiple_databases_artist' in Artist.objects.get_table_list()
True
>>> 'multiple_databases_artist' in Widget.objects.get_table_list()
False
>>> 'multiple_databases_widget' in Vehicle.objects.get_table_list()
False

# Transactions. All the functions below act on every connection unless
# told which ones.
>>> from django_legacy.db.transaction import (commit, rollback, is_dirty, managed,
...     enter_transaction_management, leave_transaction_management)
>>> def dirty():
...     return tuple(is_dirty(alias) for alias in ('_a', '_b', _default))

# Under transaction management but not yet managed, save() still commits
# at once, and only on the connection it wrote to. A rollback of all
# connections afterwards finds nothing to undo; the Widget built but never
# saved is nowhere.
>>> enter_transaction_management()
>>> miro = Artist(name='Joan Miro', alive=False)
>>> unsaved = Widget(code='zz-0', weight=3)
>>> miro.save()
>>> rollback()
>>> rows(Artist)
[<Artist: Paul Klee>, <Artist: Joan Miro>]
>>> rows(Widget)
[<Widget: 100x2r>]

# Switching to managed mode switches all connections at once; from then on
# writes wait for a commit, as they would with a single database.
>>> managed(True)
>>> picasso = Artist(name='Pablo Picasso', alive=False)
>>> picasso.save()
>>> bolt = Widget(code='99rbln', weight=7)
>>> bolt.save()
>>> trabant = Vehicle(make='Trabant', model='601', year='1964')
>>> trabant.save()
>>> dirty()
(True, True, True)

# Which connections to act on may be given first among the positional
# arguments (second, for the decorators) or as ``connections=``: an entry,
# a wrapper, a name, or a list or dict of those (a dict counts by its
# values). Passing the registry itself means every named connection but
# not the default. Every spelling below commits _b, some _a as well.
>>> b_entry = connections['_b']
>>> commit(b_entry)
>>> commit(b_entry.connection)
>>> commit('_b')
>>> commit(connections='_b')
>>> commit(connections=['_b'])
>>> commit({'x': '_a', 'y': b_entry})
>>> commit(['_a', '_b'])
>>> commit(connections)
>>> dirty()
(False, False, True)

# A rollback with no argument covers all three: _a and _b hold nothing
# uncommitted, the default does, so only the Trabant disappears.
>>> rollback()
>>> rows(Artist)
[<Artist: Paul Klee>, <Artist: Joan Miro>, <Artist: Pablo Picasso>]
>>> rows(Widget)
[<Widget: 100x2r>, <Widget: 99rbln>]
>>> rows(Vehicle)
[<Vehicle: 1966 Chevy Camaro>]
>>> managed(False)
>>> leave_transaction_management()

# One bad name in the list, and nothing is done at all.
>>> commit(['_a', 'bad'])
Traceback (most recent call last):
 ...
ImproperlyConfigured: No database connection 'bad' has been configured

# Related objects work on a named connection just as on the default one.
# What must hold is that both ends of a relation reach one database when the
# relation is followed; their connection names need not be the same.
>>> klee = Artist.objects.get(name='Paul Klee')
>>> list(klee.opus_set.all())
[]
>>> klee.opus_set.create(name='Magic Garden', year='1926')
<Opus: Magic Garden (1926)>
>>> list(klee.opus_set.all())
[<Opus: Magic Garden (1926)>]
>>> Opus.objects.get(name='Magic Garden').artist
<Artist: Paul Klee>
>>> thing = DooHickey(name='Thing')
>>> thing.save()
>>> thing.widgets.create(code='d101', weight=15)
<Widget: d101>
>>> list(thing.widgets.all())
[<Widget: d101>]
>>> list(Widget.objects.get(code='d101').doohickeys.all())
[<DooHickey: Thing>]
>>> list(Widget.objects.filter(doohickeys__name='Thing'))
[<Widget: d101>]
"""}

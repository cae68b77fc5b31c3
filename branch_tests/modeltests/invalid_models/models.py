"""
26. Invalid models

Models with every mistake validation reports. The app is not installed
and has no doctest: the runner validates it and compares the lines
``get_validation_errors`` writes with ``model_errors`` below, each way
(every expected line must be written, and no other).

A reverse relation is reached from the target model by an accessor
(``<model>_set``, or ``related_name``) and crossed in lookups by a query
name (``<model>``, or ``related_name``); neither may be a name the target
already uses for a field, a many-to-many field or another reverse
relation.
"""

from django_legacy.db import models


class BadOptions(models.Model):
    title = models.CharField()
    weight = models.FloatField()
    scan = models.FileField()
    slug = models.SlugField(maxlength=10, prepopulate_from='title')
    size = models.CharField(maxlength=10, choices='SML')
    colour = models.CharField(maxlength=10, choices=[('r', 'red', 'extra'), ('g', 'green', '!')])
    code = models.CharField(maxlength=10, db_index='yes')

    class Meta:
        ordering = ('-missing',)
        unique_together = (('code', 'nowhere'),)


class Harbour(models.Model):
    safe = models.CharField(maxlength=10)
    boat = models.CharField(maxlength=10)
    boat_set = models.CharField(maxlength=10)


class Boat(models.Model):
    "The default accessor boat_set and query name boat are Harbour's fields."
    home = models.ForeignKey(Harbour)
    visits = models.ManyToManyField(Harbour)


class Raft(models.Model):
    "related_name that names Harbour's primary key and another related name."
    mooring_1 = models.ForeignKey(Harbour, related_name='id')
    mooring_2 = models.ForeignKey(Harbour, related_name='safe')
    calls = models.ManyToManyField(Harbour, related_name='safe')


class Node(models.Model):
    "Relations to itself: a foreign key and a non-symmetrical many-to-many."
    node = models.CharField(maxlength=10)
    node_set = models.ForeignKey('Node')
    links = models.ManyToManyField('self', symmetrical=False, related_name='node')


class Peer(models.Model):
    "A symmetrical many-to-many to itself has no reverse accessor: nothing clashes."
    peer = models.CharField(maxlength=10)
    peer_set = models.ManyToManyField('self')
    friends = models.ManyToManyField('self', related_name='peer')


model_errors = """invalid_models.badoptions: "title": CharFields require a "maxlength" attribute.
invalid_models.badoptions: "weight": FloatFields require a "decimal_places" attribute.
invalid_models.badoptions: "weight": FloatFields require a "max_digits" attribute.
invalid_models.badoptions: "scan": FileFields require an "upload_to" attribute.
invalid_models.badoptions: "slug": prepopulate_from should be a list or tuple.
invalid_models.badoptions: "size": "choices" should be iterable (e.g., a tuple or list).
invalid_models.badoptions: "colour": "choices" should be a sequence of two-tuples.
invalid_models.badoptions: "code": "db_index" should be either None, True or False.
invalid_models.badoptions: "ordering" refers to "missing", a field that doesn't exist.
invalid_models.badoptions: "unique_together" refers to nowhere, a field that doesn't exist. Check your syntax.
invalid_models.boat: Accessor for field 'home' clashes with field 'Harbour.boat_set'. Add a related_name argument to the definition for 'home'.
invalid_models.boat: Accessor for field 'home' clashes with related m2m field 'Harbour.boat_set'. Add a related_name argument to the definition for 'home'.
invalid_models.boat: Reverse query name for field 'home' clashes with field 'Harbour.boat'. Add a related_name argument to the definition for 'home'.
invalid_models.boat: Accessor for m2m field 'visits' clashes with field 'Harbour.boat_set'. Add a related_name argument to the definition for 'visits'.
invalid_models.boat: Accessor for m2m field 'visits' clashes with related field 'Harbour.boat_set'. Add a related_name argument to the definition for 'visits'.
invalid_models.boat: Reverse query name for m2m field 'visits' clashes with field 'Harbour.boat'. Add a related_name argument to the definition for 'visits'.
invalid_models.raft: Accessor for field 'mooring_1' clashes with field 'Harbour.id'. Add a related_name argument to the definition for 'mooring_1'.
invalid_models.raft: Reverse query name for field 'mooring_1' clashes with field 'Harbour.id'. Add a related_name argument to the definition for 'mooring_1'.
invalid_models.raft: Accessor for field 'mooring_2' clashes with field 'Harbour.safe'. Add a related_name argument to the definition for 'mooring_2'.
invalid_models.raft: Reverse query name for field 'mooring_2' clashes with field 'Harbour.safe'. Add a related_name argument to the definition for 'mooring_2'.
invalid_models.raft: Accessor for field 'mooring_2' clashes with related m2m field 'Harbour.safe'. Add a related_name argument to the definition for 'mooring_2'.
invalid_models.raft: Reverse query name for field 'mooring_2' clashes with related m2m field 'Harbour.safe'. Add a related_name argument to the definition for 'mooring_2'.
invalid_models.raft: Accessor for m2m field 'calls' clashes with field 'Harbour.safe'. Add a related_name argument to the definition for 'calls'.
invalid_models.raft: Reverse query name for m2m field 'calls' clashes with field 'Harbour.safe'. Add a related_name argument to the definition for 'calls'.
invalid_models.raft: Accessor for m2m field 'calls' clashes with related field 'Harbour.safe'. Add a related_name argument to the definition for 'calls'.
invalid_models.raft: Reverse query name for m2m field 'calls' clashes with related field 'Harbour.safe'. Add a related_name argument to the definition for 'calls'.
invalid_models.node: Accessor for field 'node_set' clashes with field 'Node.node_set'. Add a related_name argument to the definition for 'node_set'.
invalid_models.node: Reverse query name for field 'node_set' clashes with field 'Node.node'. Add a related_name argument to the definition for 'node_set'.
invalid_models.node: Reverse query name for field 'node_set' clashes with related m2m field 'Node.node'. Add a related_name argument to the definition for 'node_set'.
invalid_models.node: Accessor for m2m field 'links' clashes with field 'Node.node'. Add a related_name argument to the definition for 'links'.
invalid_models.node: Reverse query name for m2m field 'links' clashes with field 'Node.node'. Add a related_name argument to the definition for 'links'.
"""

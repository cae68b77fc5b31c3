"""
23. Giving models custom managers

A model may name its own Manager, subclass Manager to add query methods or
to narrow what it starts from, and carry several managers at once. Whichever
manager the class body names first becomes the default one; saves, deletes
and lookups across relations use it, and with it its connection.
"""

from django_legacy.db import models


class MusicianManager(models.Manager):
    def touring(self):
        return self.filter(on_tour=True)


class Musician(models.Model):
    stage_name = models.CharField(maxlength=30)
    instrument = models.CharField(maxlength=30)
    on_tour = models.BooleanField()
    objects = MusicianManager()

    def __str__(self):
        return "%s on %s" % (self.stage_name, self.instrument)


class ReleasedAlbumManager(models.Manager):
    def get_query_set(self):
        everything = super(ReleasedAlbumManager, self).get_query_set()
        return everything.filter(released=True)


class Album(models.Model):
    name = models.CharField(maxlength=50)
    label = models.CharField(maxlength=30)
    released = models.BooleanField()
    on_shelves = ReleasedAlbumManager()
    players = models.ManyToManyField(Musician, related_name='albums')

    def __str__(self):
        return self.name


class LightBikeManager(models.Manager):
    def get_query_set(self):
        return super(LightBikeManager, self).get_query_set().filter(weight_kg__lt=10)


class Bike(models.Model):
    model_name = models.CharField(maxlength=10)
    gears = models.IntegerField()
    weight_kg = models.IntegerField(help_text="Frame and wheels, in kilograms.")
    bikes = models.Manager()
    light_bikes = LightBikeManager()

    def __str__(self):
        return self.model_name


__test__ = {'API_TESTS': """
>>> drummer = Musician(stage_name='Kit', instrument='drums', on_tour=True)
>>> drummer.save()
>>> bassist = Musician(stage_name='Lowe', instrument='bass', on_tour=False)
>>> bassist.save()
>>> Musician.objects.touring()
[<Musician: Kit on drums>]

# Following a relation builds on the other model's default manager.
>>> live = Album(name='Live at the Mill', label='Grist', released=True)
>>> live.save()
>>> demo = Album(name='Basement Demos', label='Grist', released=False)
>>> demo.save()
>>> live.players.add(drummer)
>>> drummer.albums.all()
[<Album: Live at the Mill>]

# Naming a manager means Django adds no ``objects`` of its own.
>>> Album.objects
Traceback (most recent call last):
    ...
AttributeError: type object 'Album' has no attribute 'objects'
>>> Album.on_shelves.all()
[<Album: Live at the Mill>]
>>> Album._default_manager is Album.on_shelves
True

# Two managers: ``bikes`` comes first in the class, so it is the default.
>>> racer = Bike(model_name='Aero', gears=22, weight_kg=7)
>>> racer.save()
>>> tourer = Bike(model_name='Packhorse', gears=27, weight_kg=14)
>>> tourer.save()
>>> Bike.bikes.order_by('model_name')
[<Bike: Aero>, <Bike: Packhorse>]
>>> Bike.light_bikes.all()
[<Bike: Aero>]
>>> Bike._default_manager.order_by('model_name')
[<Bike: Aero>, <Bike: Packhorse>]

# A manager is reached through the class only.
>>> racer.bikes
Traceback (most recent call last):
    ...
AttributeError: Manager isn't accessible via Bike instances
"""}

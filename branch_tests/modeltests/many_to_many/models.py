"""
5. Many-to-many relationships

A radio episode can go out on several channels, and a channel carries many
episodes: ``ManyToManyField`` links the two through a join table named
``<db_table>_<field name>``.
"""

from django_legacy.db import models


class Channel(models.Model):
    name = models.CharField(maxlength=30)

    def __str__(self):
        return self.name

    class Meta:
        ordering = ('name',)


class Episode(models.Model):
    title = models.CharField(maxlength=100)
    channels = models.ManyToManyField(Channel)

    def __str__(self):
        return self.title

    class Meta:
        ordering = ('title',)


__test__ = {'API_TESTS': """
# Three channels to broadcast on.
>>> kestrel = Channel(id=None, name='Radio Kestrel')
>>> kestrel.save()
>>> sounds = Channel(id=None, name='Marsh Sounds')
>>> sounds.save()
>>> weekly = Channel(id=None, name='Marsh Weekly')
>>> weekly.save()

# Linking needs a primary key, so an unsaved episode is refused.
>>> bees = Episode(id=None, title='Bees of the old orchard')
>>> bees.channels.add(kestrel)
Traceback (most recent call last):
    ...
ValueError: <Episode: Bees of the old orchard> instance needs a primary key value before a many-to-many relationship can be used.
>>> bees.save()
>>> bees.channels.add(kestrel)

>>> tides = Episode(id=None, title='Tides at low moon')
>>> tides.save()
>>> tides.channels.add(kestrel, sounds)
>>> tides.channels.add(weekly)

# A link that already exists is not stored twice.
>>> tides.channels.add(weekly)
>>> tides.channels.count()
3

# add() checks the class of what it is given.
>>> tides.channels.add(bees)
Traceback (most recent call last):
    ...
TypeError: 'Channel' instance expected, got <Episode: Bees of the old orchard>

# create() saves a new channel and links it at once.
>>> coastal = tides.channels.create(name='Coastal Hour')

# From an episode to its channels...
>>> bees.channels.all()
[<Channel: Radio Kestrel>]
>>> tides.channels.all()
[<Channel: Coastal Hour>, <Channel: Marsh Sounds>, <Channel: Marsh Weekly>, <Channel: Radio Kestrel>]

# ...and from a channel back to its episodes.
>>> sounds.episode_set.all()
[<Episode: Tides at low moon>]
>>> kestrel.episode_set.all()
[<Episode: Bees of the old orchard>, <Episode: Tides at low moon>]
>>> Channel.objects.get(id=4).episode_set.all()
[<Episode: Tides at low moon>]

# Filters follow the join table either way.
>>> Episode.objects.filter(channels__id__exact=1)
[<Episode: Bees of the old orchard>, <Episode: Tides at low moon>]
>>> Episode.objects.filter(channels__name__startswith="Marsh").distinct()
[<Episode: Tides at low moon>]
>>> Channel.objects.filter(episode__title__startswith="Tides")
[<Channel: Coastal Hour>, <Channel: Marsh Sounds>, <Channel: Marsh Weekly>, <Channel: Radio Kestrel>]
>>> Channel.objects.filter(episode=bees)
[<Channel: Radio Kestrel>]

# Links are added, removed and cleared from whichever side is at hand.
>>> sounds.episode_set.add(bees)
>>> bees.channels.all()
[<Channel: Marsh Sounds>, <Channel: Radio Kestrel>]
>>> bees.channels.remove(sounds)
>>> sounds.episode_set.all()
[<Episode: Tides at low moon>]
>>> kestrel.episode_set.clear()
>>> tides.channels.all()
[<Channel: Coastal Hour>, <Channel: Marsh Sounds>, <Channel: Marsh Weekly>]

# Giving the attribute a list puts exactly those links in place.
>>> tides.channels = [kestrel, weekly]
>>> tides.channels.all()
[<Channel: Marsh Weekly>, <Channel: Radio Kestrel>]

# A deleted row takes its links with it, from either side.
>>> kestrel.delete()
>>> tides.channels.all()
[<Channel: Marsh Weekly>]
>>> tides.delete()
>>> weekly.episode_set.all()
[]
"""}
